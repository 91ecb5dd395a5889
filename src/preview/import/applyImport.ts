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

/** Column widths (points) wide enough for the header and the first rows. */
function columnWidthsOf(plan: ImportPlan): Record<string, number> {
  const widths: Record<string, number> = {};
  plan.columns.forEach((c, i) => {
    const longest = Math.max(c.header.length, ...plan.preview.map((r) => (r[i] ?? "").length));
    widths[columnLetter(i)] = Math.min(300, Math.max(64, Math.round(longest * 7 + 12)));
  });
  return widths;
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
export function applyImport(
  wb: PreviewWorkbook,
  fileName: string,
  plan: ImportPlan,
  cells: readonly (readonly CellValue[])[],
): ImportResult {
  const sheet = uniqueSheetName(baseName(fileName), wb.sheetNames());
  const table = uniqueTableName(
    baseName(fileName),
    wb.tables().map((t) => t.name),
  );
  const headers = plan.columns.map((c) => c.header);
  const numberFormats: Record<string, string> = {};
  for (const c of plan.columns) if (c.format) numberFormats[c.header] = c.format;
  const columnWidths = columnWidthsOf(plan);
  wb.addSheet(sheet);
  writeSpec(wb, {
    name: sheet,
    tables: [{ name: table, anchor: "A1", headers: headers.map((h) => h), rows: cells, numberFormats }],
    columnWidths,
    freeze: { rows: 1, columns: 0 },
  });
  wb.select(sheet, "A1");
  return { sheet, table, rows: cells.length };
}

/** How {@link applyImportInSteps} reports and yields. */
export interface StepOptions {
  /** Rows written per step (the page gets control back between steps). */
  readonly rowsPerStep?: number;
  /** Called with the fraction written after each step. */
  readonly onProgress?: (fraction: number) => void;
  /** Gives the page control back (a macrotask by default). */
  readonly pause?: () => Promise<void>;
  /** True when the user cancelled: the sheet is removed again and nothing is changed. */
  readonly cancelled?: () => boolean;
}

/**
 * {@link applyImport} in steps of a few thousand rows, giving the page control back between
 * them, so that a large file does not freeze it; cancelling removes the new sheet again.
 * @returns What was created, or null when cancelled.
 */
export async function applyImportInSteps(
  wb: PreviewWorkbook,
  fileName: string,
  plan: ImportPlan,
  cells: readonly (readonly CellValue[])[],
  options: StepOptions = {},
): Promise<ImportResult | null> {
  const {
    rowsPerStep = 2000,
    onProgress = () => {},
    pause = () => new Promise<void>((r) => setTimeout(r, 0)),
    cancelled = () => false,
  } = options;
  const sheet = uniqueSheetName(baseName(fileName), wb.sheetNames());
  const table = uniqueTableName(
    baseName(fileName),
    wb.tables().map((t) => t.name),
  );
  const headers = plan.columns.map((c) => c.header);
  const numberFormats: Record<string, string> = {};
  for (const c of plan.columns) if (c.format) numberFormats[c.header] = c.format;
  wb.addSheet(sheet);
  wb.addTable({ name: table, sheet, anchor: { row: 0, col: 0 }, headers, rowCount: cells.length, numberFormats });
  wb.setBlock(sheet, { row: 0, col: 0 }, [headers.map(asStored)]);
  headers.forEach((_, c) => wb.setBold(sheet, { row: 0, col: c }, true));
  for (let start = 0; start < cells.length; start += rowsPerStep) {
    wb.setBlock(
      sheet,
      { row: 1 + start, col: 0 },
      cells.slice(start, start + rowsPerStep).map((r) => r.map(asStored)),
    );
    onProgress(Math.min(1, (start + rowsPerStep) / cells.length));
    await pause();
    if (cancelled()) {
      wb.removeSheet(sheet);
      wb.notify();
      return null;
    }
  }
  wb.setColumnWidths(sheet, columnWidthsOf(plan));
  wb.setFreeze(sheet, { rows: 1, columns: 0 });
  wb.select(sheet, "A1");
  return { sheet, table, rows: cells.length };
}
