import * as fs from "node:fs";
import { Page } from "playwright-core";
import { screenshot } from "./browser";
import {
  cellSelector,
  freshSheet,
  goTo,
  selectionState,
  valueAt,
  valueWhen,
  closeGridSession,
  GridSession,
  openGridSession,
} from "./grid";

/**
 * The grid's right-click menu and frozen rows, in a real headless Chromium: the menu's items
 * change the engine's cells as the keyboard's edits do, it opens from the keyboard and gives
 * the focus back, and frozen top rows stay on screen while the sheet scrolls. Each test builds
 * its own sheet, so the tests do not depend on each other's order.
 */
let session: GridSession | undefined;
let page: Page;
let errors: string[];

/** Pixels: the grid's row height, the row-number column, and a fresh sheet's column width. */
const ROW = 22;
const MARKERS = 48;
const COLUMN = 88;

/** The middle of a cell of a fresh sheet (default widths, not scrolled), in page pixels. */
async function pointAt(address: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator('[data-testid="data-grid-canvas"]').last().boundingBox())!;
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  const col = m[1].charCodeAt(0) - 65;
  const row = Number(m[2]) - 1;
  return { x: box.x + MARKERS + COLUMN * col + COLUMN / 2, y: box.y + ROW + ROW * row + ROW / 2 };
}

/** Right-clicks a cell and waits for the menu. */
async function rightClick(address: string): Promise<void> {
  const p = await pointAt(address);
  await page.mouse.click(p.x, p.y, { button: "right" });
  await page.getByRole("menu", { name: "Cell actions" }).waitFor();
}

/** Picks a menu item and waits for the menu to close. */
async function pick(item: string): Promise<void> {
  await page.getByRole("menuitem", { name: item }).click();
  await page.getByRole("menu", { name: "Cell actions" }).waitFor({ state: "detached" });
}

/** A table's header row (1-based, as the sheet shows it) and data rows. */
async function tablePlace(name: string): Promise<{ header: number; rows: number } | undefined> {
  return page.evaluate((name) => {
    const t = (
      window as unknown as {
        compPlanner: { wb: import("../../src/workbook/preview/previewWorkbook").PreviewWorkbook };
      }
    ).compPlanner.wb
      .tables()
      .find((x) => x.name === name);
    return t && { header: t.anchor.row + 1, rows: t.rowCount };
  }, name);
}

async function tableRows(name: string): Promise<number | undefined> {
  return (await tablePlace(name))?.rows;
}

beforeAll(async () => {
  session = await openGridSession();
  ({ page, errors } = session);
}, 120_000);

afterAll(() => closeGridSession(session));

describe("the grid's right-click menu", () => {
  test("Insert table row above, Fill down and Delete table row change the table and its total", async () => {
    // Table MenuSales A1:B4 (Ann 10, Bob 20, Cy 30); D1 totals it: 10 + 20 + 30 = 60.
    await freshSheet(
      page,
      "Menu",
      [
        ["Rep", "Amount", null, "=SUM(MenuSales[Amount])"],
        ["Ann", 10],
        ["Bob", 20],
        ["Cy", 30],
      ],
      { name: "MenuSales", rowCount: 3 },
    );
    await rightClick("B3");
    // The right-clicked cell outside the selection becomes the selection, as in Excel.
    await page.waitForSelector(`${cellSelector("B3")}[aria-selected="true"]`, { state: "attached" });
    const shot = await screenshot(page, "grid-menu-open");
    expect(shot).toMatch(/grid-menu-open\.png$/);
    await pick("Insert table row above");
    // Bob moved down to row 4; the table has 4 rows; the total is still 60.
    expect(await valueWhen(page, "Menu", "A4", "Bob")).toBe("Bob");
    expect(await valueAt(page, "Menu", "B3")).toBeNull();
    expect(await tableRows("MenuSales")).toBe(4);
    expect(await valueAt(page, "Menu", "D1")).toBe(60);
    // Fill down B2:B3: the new row gets Ann's 10, the total 70.
    await goTo(page, "B2:B3");
    await rightClick("B2");
    await pick("Fill down");
    expect(await valueWhen(page, "Menu", "B3", 10)).toBe(10);
    expect(await valueAt(page, "Menu", "D1")).toBe(70);
    // Delete the row again: Bob is back on row 3, the table has 3 rows, the total 60.
    await rightClick("A3");
    await pick("Delete table row");
    expect(await valueWhen(page, "Menu", "A3", "Bob")).toBe("Bob");
    expect(await tableRows("MenuSales")).toBe(3);
    expect(await valueAt(page, "Menu", "D1")).toBe(60);
    // One Ctrl+Z undoes the deletion as one step.
    await page.keyboard.press("Control+z");
    expect(await valueWhen(page, "Menu", "B3", 10)).toBe(10);
    expect(await tableRows("MenuSales")).toBe(4);
  });

  test("Copy and Paste go through the clipboard, Cut empties the cells, Clear contents empties them", async () => {
    await freshSheet(page, "MenuClip", [
      ["North", 15],
      ["South", 25],
    ]);
    await goTo(page, "A1:B2");
    await rightClick("A1");
    await pick("Copy");
    await page.waitForFunction(() =>
      navigator.clipboard.readText().then((t) => t.replace(/\r/g, "").replace(/\n$/, "") === "North\t15\nSouth\t25"),
    );
    await rightClick("D1");
    await pick("Paste");
    expect(await valueWhen(page, "MenuClip", "E2", 25)).toBe(25);
    expect(await valueAt(page, "MenuClip", "D1")).toBe("North");
    await goTo(page, "D1:D2");
    await rightClick("D1");
    await pick("Cut");
    await page.waitForFunction(() =>
      navigator.clipboard.readText().then((t) => t.replace(/\r/g, "").replace(/\n$/, "") === "North\nSouth"),
    );
    expect(await valueWhen(page, "MenuClip", "D1", null)).toBeNull();
    expect(await valueAt(page, "MenuClip", "D2")).toBeNull();
    await rightClick("B1");
    await pick("Clear contents");
    expect(await valueWhen(page, "MenuClip", "B1", null)).toBeNull();
    expect(await valueAt(page, "MenuClip", "B2")).toBe(25);
  });

  test("outside a table sheet rows are inserted and deleted (also from a row number); references follow their cells", async () => {
    await freshSheet(page, "MenuRows", [["Title"], [5, "=A2*2"], [7]]);
    await rightClick("C2");
    await pick("Insert sheet row above");
    expect(await valueWhen(page, "MenuRows", "B3", 10)).toBe(10);
    expect(await valueAt(page, "MenuRows", "A2")).toBeNull();
    // On a row number the whole row is selected and can be deleted: 5 and its formula move back up.
    const row2 = await pointAt("A2");
    await page.mouse.click(row2.x - COLUMN / 2 - MARKERS / 2, row2.y, { button: "right" });
    await page.getByRole("menu", { name: "Cell actions" }).waitFor();
    await pick("Delete sheet row");
    expect(await valueWhen(page, "MenuRows", "B2", 10)).toBe(10);
    expect(await valueAt(page, "MenuRows", "A3")).toBe(7);
    // On a column letter the menu has no row items.
    const b1 = await pointAt("B1");
    await page.mouse.click(b1.x, b1.y - ROW, { button: "right" });
    await page.getByRole("menu", { name: "Cell actions" }).waitFor();
    expect(await page.getByRole("menuitem", { name: /row/ }).count()).toBe(0);
    await page.keyboard.press("Escape");
    await page.getByRole("menu", { name: "Cell actions" }).waitFor({ state: "detached" });
  });

  test("sheet rows inserted beside a table move it down or grow it, as in Excel; its total follows; Ctrl+Z puts it back", async () => {
    // Table MoveSales A1:B3 (Ann 10, Bob 20); D1 totals it: 30.
    await freshSheet(
      page,
      "MenuMove",
      [
        ["Rep", "Amount", null, "=SUM(MoveSales[Amount])"],
        ["Ann", 10],
        ["Bob", 20],
      ],
      { name: "MoveSales", rowCount: 2 },
    );
    // E1 is outside the table: a sheet row goes in above the header, and the table moves down.
    await rightClick("E1");
    await pick("Insert sheet row above");
    expect(await valueWhen(page, "MenuMove", "A2", "Rep")).toBe("Rep");
    expect(await tablePlace("MoveSales")).toEqual({ header: 2, rows: 2 });
    expect(await valueAt(page, "MenuMove", "D2")).toBe(30);
    // E4 is beside Bob's row: the sheet row goes in among the table's rows, and the table grows.
    await rightClick("E4");
    await pick("Insert sheet row above");
    expect(await valueWhen(page, "MenuMove", "A5", "Bob")).toBe("Bob");
    expect(await tablePlace("MoveSales")).toEqual({ header: 2, rows: 3 });
    await goTo(page, "B4");
    await page.keyboard.type("5");
    await page.keyboard.press("Enter");
    // 10 + 5 + 20 = 35: the new row is the table's.
    expect(await valueWhen(page, "MenuMove", "D2", 35)).toBe(35);
    const shot = await screenshot(page, "grid-rows-move-table");
    expect(shot).toMatch(/\.png$/);
    for (let i = 0; i < 3; i++) await page.keyboard.press("Control+z");
    expect(await valueWhen(page, "MenuMove", "A1", "Rep")).toBe("Rep");
    expect(await tablePlace("MoveSales")).toEqual({ header: 1, rows: 2 });
    expect(await valueAt(page, "MenuMove", "D1")).toBe(30);
  });

  test("Shift+F10 opens the menu at the active cell on its first item; Escape closes it and the grid has the keys", async () => {
    await freshSheet(page, "MenuKeys", [["keep"], ["gone"]]);
    await goTo(page, "A2");
    await page.keyboard.press("Shift+F10");
    await page.getByRole("menu", { name: "Cell actions" }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent?.startsWith("Cut") === true);
    await page.keyboard.press("Escape");
    await page.getByRole("menu", { name: "Cell actions" }).waitFor({ state: "detached" });
    // The grid has the keyboard again: Delete clears the active cell.
    await page.keyboard.press("Delete");
    expect(await valueWhen(page, "MenuKeys", "A2", null)).toBeNull();
    expect(await valueAt(page, "MenuKeys", "A1")).toBe("keep");
    // The menu key works too; Enter on its first item (Cut) cuts the cell.
    await goTo(page, "A1");
    await page.keyboard.press("ContextMenu");
    await page.getByRole("menu", { name: "Cell actions" }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent?.startsWith("Cut") === true);
    await page.keyboard.press("Enter");
    expect(await valueWhen(page, "MenuKeys", "A1", null)).toBeNull();
  });
});

describe("frozen rows", () => {
  test("View > Freeze top row keeps row 1 on screen while the sheet scrolls down; the keys cross the freeze line", async () => {
    const rows = [["Month", "Amount"], ...Array.from({ length: 300 }, (_, i) => [`M${i + 1}`, i + 1])];
    await freshSheet(page, "FrozenRows", rows);
    await page.getByRole("button", { name: "Freeze panes" }).click();
    await page.getByRole("menuitem", { name: "Freeze top row" }).click();
    await page.waitForFunction(() => {
      const { wb } = (
        window as unknown as {
          compPlanner: { wb: import("../../src/workbook/preview/previewWorkbook").PreviewWorkbook };
        }
      ).compPlanner;
      return JSON.stringify(wb.freeze("FrozenRows")) === JSON.stringify({ rows: 1, columns: 0 });
    });
    const frozen = page.getByTestId("frozen-rows");
    await frozen.waitFor();
    // Scroll the sheet down by about 150 rows with the mouse wheel over its cells.
    const body = await pointAt("B10");
    await page.mouse.move(body.x, body.y);
    await page.mouse.wheel(0, 150 * ROW);
    const main = page.locator('[data-testid="data-grid-canvas"]').last();
    await page.waitForFunction(
      () => !!document.querySelector("#glide-cell-1-150") && !document.querySelector("#glide-cell-1-5"),
    );
    // Row 1 is still drawn at the top: the pixel under A1's middle belongs to the frozen rows'
    // grid, whose canvas has text there, and its cell reads "Month".
    const a1 = await pointAt("A1");
    expect(
      await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('[data-testid="frozen-rows"]'), a1),
    ).toBe(true);
    expect((await frozen.locator("#glide-cell-1-0").textContent())?.trim()).toBe("Month");
    const dark = await frozen
      .locator("canvas")
      .first()
      .evaluate((canvas: HTMLCanvasElement) => {
        const scale = canvas.width / canvas.getBoundingClientRect().width;
        const data = canvas.getContext("2d")!.getImageData(50 * scale, 24 * scale, 80 * scale, 16 * scale).data;
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] * 0.3 + data[i + 1] * 0.59 + data[i + 2] * 0.11 < 140) n++;
        return n;
      });
    expect(dark).toBeGreaterThan(10);
    expect(await main.isVisible()).toBe(true);
    const shot = await screenshot(page, "grid-frozen-rows-scrolled");
    expect(shot).toMatch(/\.png$/);
    // A click in the frozen row selects it; typing edits it; Down goes on to row 2.
    await page.mouse.click(a1.x + COLUMN, a1.y);
    await page.waitForSelector('[data-testid="frozen-rows"] #glide-cell-2-0[aria-selected="true"]', {
      state: "attached",
    });
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction(() =>
      (document.querySelector('[role="status"][aria-label="Active cell"]')?.textContent ?? "").startsWith("B2, 1"),
    );
    // Up from row 2 comes back into the frozen row, and the keyboard follows it there.
    await page.keyboard.press("ArrowUp");
    await page.waitForSelector('[data-testid="frozen-rows"] #glide-cell-2-0[aria-selected="true"]', {
      state: "attached",
    });
    // The keys go where the focus is: wait until the frozen rows' grid has it before typing.
    await page.waitForFunction(() => !!document.activeElement?.closest('[data-testid="frozen-rows"]'));
    await page.keyboard.type("Total");
    await page.keyboard.press("Enter");
    const typed = await valueWhen(page, "FrozenRows", "B1", "Total");
    // Once seen under the full parallel suite ("Amount" kept): say where the keys went if it recurs.
    if (typed !== "Total")
      throw new Error(
        `B1 shows ${JSON.stringify(typed)}, B2 ${JSON.stringify(await valueAt(page, "FrozenRows", "B2"))}; the page: ${JSON.stringify(await selectionState(page))}`,
      );
    // Enter after the edit moves down across the freeze line, as in Excel, and the keyboard goes with it.
    await page.waitForFunction(() =>
      (document.querySelector('[role="status"][aria-label="Active cell"]')?.textContent ?? "").startsWith("B2,"),
    );
    await page.waitForFunction(
      () => !!document.activeElement && !document.activeElement.closest('[data-testid="frozen-rows"]'),
    );
    // Two grids on the sheet still leave no serious or critical accessibility finding.
    if (!(await page.evaluate(() => "axe" in window)))
      await page.addScriptTag({ content: fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (el: Element) => Promise<{ violations: { id: string; impact: string; nodes: { html: string }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document.querySelector("main")!);
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        where: v.nodes.map((n) => n.html.slice(0, 160)).filter((html) => !html.includes("data-tabster-dummy")),
      }));
    });
    expect(violations.filter((v) => v.where.length > 0 && (v.impact === "serious" || v.impact === "critical"))).toEqual(
      [],
    );
  });
});

test("no console errors after all of the above", () => {
  expect(errors).toEqual([]);
});
