import type { Server } from "node:http";
import { Browser, Page } from "playwright-core";
import { parseCell } from "../../src/workbook/a1";
import { collectErrors, launchBrowser, servePreview } from "./browser";

/**
 * How the browser tests reach the preview's grid. The grid draws on a canvas and keeps an
 * accessible table of the cells in view for screen readers (one `td` per cell, id
 * `glide-cell-<column + 1>-<row>`, column 0 being the row numbers); the tests read that table,
 * as a screen reader does, and the live region that announces the active cell.
 */
export function cellSelector(address: string): string {
  const { row, col } = parseCell(address);
  return `#glide-cell-${col + 1}-${row}`;
}

/** Goes to a cell (or selects a range, "A1:B300") through the name box, as a keyboard user of Excel would, and waits until it is selected. */
export async function goTo(page: Page, address: string): Promise<void> {
  await page.fill('input[aria-label="Name box"]', address);
  await page.press('input[aria-label="Name box"]', "Enter");
  const selected = `${cellSelector(address.split(":")[0])}[aria-selected="true"]`;
  await page.waitForSelector(selected, { state: "attached" }).catch(async (e: Error) => {
    throw new Error(`${e.message}\nWhat the page showed: ${JSON.stringify(await selectionState(page))}`);
  });
}

/** The workbook's selection, the name box, the focused element and the selected cells, to explain a failed step. */
export function selectionState(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const { wb } = (window as unknown as { compPlanner: { wb: { selection: unknown } } }).compPlanner;
    return {
      workbookSelection: wb.selection,
      nameBox: document.querySelector<HTMLInputElement>('input[aria-label="Name box"]')?.value,
      focused: document.activeElement?.outerHTML.slice(0, 160),
      selectedCells: [...document.querySelectorAll('td[aria-selected="true"]')].map((e) => e.id),
      editorText: document.querySelector<HTMLTextAreaElement>("#portal textarea")?.value ?? null,
    };
  });
}

/** The text a cell shows, or a note that it is not in view. */
export async function shownText(page: Page, address: string): Promise<string> {
  const el = await page.$(cellSelector(address));
  return el ? ((await el.textContent()) ?? "").trim() : `(${address} is not rendered)`;
}

/** What the live region says about the active cell's error, if any. */
export async function activeCellMessage(page: Page): Promise<string> {
  return ((await page.textContent('[role="status"] [data-part="message"]')) ?? "").trim();
}

/** What a test writes into a cell. */
export type Content = number | string | boolean | null;

/**
 * A new sheet with `rows` from A1 (a table over them when named, panes frozen when asked), shown
 * and selected at A1.
 */
export async function freshSheet(
  page: Page,
  name: string,
  rows: Content[][],
  table?: { name: string; rowCount: number },
  freeze?: { rows: number; columns: number },
): Promise<void> {
  await page.evaluate(
    ({ name, rows, table, freeze }) => {
      const { wb } = (
        window as unknown as {
          compPlanner: { wb: import("../../src/workbook/preview/previewWorkbook").PreviewWorkbook };
        }
      ).compPlanner;
      wb.addSheet(name);
      if (table)
        wb.addTable({
          name: table.name,
          sheet: name,
          anchor: { row: 0, col: 0 },
          headers: rows[0].map(String),
          rowCount: table.rowCount,
          numberFormats: {},
        });
      if (rows.length > 0) wb.setBlock(name, { row: 0, col: 0 }, rows);
      if (freeze) wb.setFreeze(name, freeze);
      wb.select(name, "A1");
    },
    { name, rows, table, freeze },
  );
  await page.getByRole("main", { name: "Workbook" }).getByRole("tab", { name, exact: true, selected: true }).waitFor();
  await page.waitForSelector(`${cellSelector("A1")}[aria-selected="true"]`, { state: "attached" });
}

/** What a cell shows: its value, or its error. */
export type Shown = number | string | boolean | null | { error: string };

/** A cell's computed value in the page's workbook (errors as their code). */
export async function valueAt(page: Page, sheet: string, address: string): Promise<Shown> {
  return page.evaluate(
    ({ sheet, pos }) => {
      const { wb } = (
        window as unknown as {
          compPlanner: { wb: import("../../src/workbook/preview/previewWorkbook").PreviewWorkbook };
        }
      ).compPlanner;
      const v = wb.cell(sheet, pos).value;
      return v !== null && typeof v === "object" ? { error: v.error } : v;
    },
    { sheet, pos: parseCell(address) },
  );
}

/** Waits (10 s at most) until a cell of the page's workbook holds `expected`; returns what it holds. */
export async function valueWhen(page: Page, sheet: string, address: string, expected: Shown): Promise<Shown> {
  await page
    .waitForFunction(
      ({ sheet, pos, expected }) => {
        const { wb } = (
          window as unknown as {
            compPlanner: { wb: import("../../src/workbook/preview/previewWorkbook").PreviewWorkbook };
          }
        ).compPlanner;
        const v = wb.cell(sheet, pos).value;
        return (
          JSON.stringify(v !== null && typeof v === "object" ? { error: v.error } : v) === JSON.stringify(expected)
        );
      },
      { sheet, pos: parseCell(address), expected },
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  return valueAt(page, sheet, address);
}

/** A browser on the served preview, with the clipboard allowed, for the grid's tests. */
export interface GridSession {
  readonly server: Server;
  readonly browser: Browser;
  readonly page: Page;
  /** Console and page errors seen so far. */
  readonly errors: string[];
}

/** Serves the built preview, opens it at 1440 x 900 with clipboard access and waits for the grid. */
export async function openGridSession(): Promise<GridSession> {
  const served = await servePreview();
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: served.url });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(served.url);
  await page.waitForSelector('[role="grid"]', { timeout: 60_000, state: "attached" });
  return { server: served.server, browser, page, errors };
}

/** Closes what {@link openGridSession} opened (also after a failed start). */
export async function closeGridSession(session: GridSession | undefined): Promise<void> {
  await session?.browser.close();
  session?.server.close();
}
