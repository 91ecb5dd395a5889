/** Writes a planned import into the preview workbook: a new sheet with an Excel table over the data. */
import { columnLetter } from "../../workbook/a1";
import { PreviewWorkbook } from "../../workbook/preview/previewWorkbook";
import { writeSpec } from "../../workbook/previewHost";
import { CellValue, ImportPlan } from "./importPlan";
import { baseName, uniqueSheetName, uniqueTableName } from "./names";

/**
 * The value as the engine should store it: text always behind an apostrophe, the engine's own
 * mark for "text as written", so that "=1+2", "007" or "01/02/2019" in a text cell is never run
 * or re-read as a formula, a number or a date.
 */
export function asStored(value: CellValue): CellValue {
  return typeof value === "string" ? `'${value}` : value;
}

/** What an import created. */
export interface ImportResult {
  readonly sheet: string;
  readonly table: string;
  readonly rows: number;
}

/**
 * Adds a sheet named after the file (made valid and unique) with a table over the data (name
 * valid and unique), its header row frozen, columns formatted as planned, and selects it.
 */
export function applyImport(wb: PreviewWorkbook, fileName: string, plan: ImportPlan, cells: readonly (readonly CellValue[])[]): ImportResult {
  const sheet = uniqueSheetName(baseName(fileName), wb.sheetNames());
  const table = uniqueTableName(baseName(fileName), wb.tables().map((t) => t.name));
  const headers = plan.columns.map((c) => c.header);
  const numberFormats: Record<string, string> = {};
  for (const c of plan.columns) if (c.format) numberFormats[c.header] = c.format;
  const columnWidths: Record<string, number> = {};
  plan.columns.forEach((c, i) => {
    const longest = Math.max(c.header.length, ...plan.preview.map((r) => (r[i] ?? "").length));
    columnWidths[columnLetter(i)] = Math.min(300, Math.max(64, Math.round(longest * 7 + 12)));
  });
  wb.addSheet(sheet);
  writeSpec(wb, {
    name: sheet,
    tables: [{ name: table, anchor: "A1", headers: headers.map((h) => h), rows: cells.map((r) => r.map(asStored)), numberFormats }],
    columnWidths,
    freeze: { rows: 1, columns: 0 },
  });
  wb.select(sheet, "A1");
  return { sheet, table, rows: cells.length };
}
