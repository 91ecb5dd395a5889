import { Page } from "playwright-core";
import { parseCell } from "../../src/workbook/a1";

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
  await page.waitForSelector(`${cellSelector(address.split(":")[0])}[aria-selected="true"]`, { state: "attached" });
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
