/**
 * The user's sheet and table commands in the preview: insert a sheet, rename or delete one of
 * the user's sheets, format a selection as a table. The add-in's generated sheets (recorded as
 * its own) are refused, so that ownership and the sheets' layouts stay intact.
 */
import { cellAddress, RangePos } from "../../workbook/a1";
import { PreviewWorkbook } from "../../workbook/preview/previewWorkbook";
import { PreviewHost } from "../../workbook/previewHost";
import { checkSheetSpec } from "../../workbook/sheetSpec";
import { asStored } from "../import/applyImport";
import { distinctHeaders } from "../import/names";

/** Adds an empty sheet named Sheet1, Sheet2... (the first free one) and shows it. */
export function insertSheet(wb: PreviewWorkbook): string {
  let n = 1;
  while (wb.hasSheet(`Sheet${n}`)) n++;
  const name = `Sheet${n}`;
  wb.addSheet(name);
  wb.select(name, "A1");
  return name;
}

async function refuseOwned(host: PreviewHost, sheet: string, doing: string): Promise<void> {
  if (await host.isOwned(sheet))
    throw new Error(
      `"${sheet}" is a sheet Comp Planner generated; it cannot be ${doing} here. Re-run or remove the tool's output from the task pane instead.`,
    );
}

/** Renames one of the user's sheets. @throws Error for an invalid or taken name, or a generated sheet. */
export async function renameSheet(host: PreviewHost, sheet: string, newName: string): Promise<void> {
  const wb = host.workbook;
  await refuseOwned(host, sheet, "renamed");
  const name = newName.trim();
  checkSheetSpec({ name, tables: [] });
  if (name.toLowerCase() !== sheet.toLowerCase() && wb.hasSheet(name))
    throw new Error(`A sheet named "${name}" already exists.`);
  wb.renameSheet(sheet, name);
  wb.notify();
}

/** Deletes one of the user's sheets. @throws Error for the last sheet or a generated one. */
export async function deleteSheet(host: PreviewHost, sheet: string): Promise<void> {
  const wb = host.workbook;
  await refuseOwned(host, sheet, "deleted");
  if (wb.sheetNames().length === 1) throw new Error("A workbook needs at least one sheet.");
  const next = wb.sheetNames().find((s) => s !== sheet)!;
  wb.removeSheet(sheet);
  wb.select(next, "A1");
}

/**
 * Formats a selection as a table (Excel's Format as Table, "My table has headers"): its first
 * row becomes the headers (blank ones named Column1..., repeats numbered), the name Table1,
 * Table2... the first free one. @throws Error on a generated sheet or over another table.
 */
export async function createTable(host: PreviewHost, sheet: string, range: RangePos): Promise<string> {
  const wb = host.workbook;
  await refuseOwned(host, sheet, "changed");
  const overlap = wb
    .tables()
    .find(
      (t) =>
        t.sheet === sheet &&
        t.anchor.row <= range.end.row &&
        t.anchor.row + t.rowCount >= range.start.row &&
        t.anchor.col <= range.end.col &&
        t.anchor.col + t.headers.length - 1 >= range.start.col,
    );
  if (overlap) throw new Error(`The selection overlaps table ${overlap.name}. Select cells outside any table.`);
  const raw = wb
    .values(sheet, { start: range.start, end: { row: range.start.row, col: range.end.col } })[0]
    .map((v) => (v === null || typeof v === "object" ? "" : String(v)));
  const headers = distinctHeaders(raw);
  let n = 1;
  const names = wb.tables().map((t) => t.name.toLowerCase());
  while (names.includes(`table${n}`)) n++;
  const name = `Table${n}`;
  wb.batch(() =>
    headers.forEach((h, c) => {
      const pos = { row: range.start.row, col: range.start.col + c };
      if (raw[c] !== h) wb.setCell(sheet, pos, asStored(h));
      wb.setBold(sheet, pos, true);
    }),
  );
  wb.addTable({
    name,
    sheet,
    anchor: range.start,
    headers,
    rowCount: Math.max(0, range.end.row - range.start.row),
    numberFormats: {},
  });
  wb.select(sheet, cellAddress(range.start));
  return name;
}
