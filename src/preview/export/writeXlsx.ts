/**
 * The preview workbook as an .xlsx file, with exceljs: every sheet, values and formulas (COMP
 * formulas stay formulas, with their computed values cached so any reader shows numbers),
 * tables with their names, number formats, bold, column widths, frozen panes, named ranges and
 * the add-in's custom XML parts. exceljs cannot write charts: each chart becomes a note at its
 * anchor cell saying so.
 */
import ExcelJS from "exceljs";
import { cellAddress, columnIndex, rangeAddress } from "../../workbook/a1";
import { PreviewCell, PreviewWorkbook, RANGE_NAME_PREFIX } from "../../workbook/preview/previewWorkbook";
import { addCustomXmlParts } from "./customXmlParts";
import { toFileFormula } from "./fileFormulas";

/** Names the preview defines for itself (Excel's TRUE and FALSE constants), never written. */
const ENGINE_NAMES = new Set(["TRUE", "FALSE"]);

/** Excel's column width unit (characters of the default font) from points, and back. */
export const widthToChars = (points: number) => Math.round((((points * 4) / 3 - 5) / 7) * 100) / 100;
/** Points from Excel's column width in characters. */
export const charsToWidth = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

type FileValue = ExcelJS.CellValue;

function fileValue(cell: PreviewCell): FileValue {
  const v = cell.value;
  if (v === null) return null;
  if (typeof v === "object") return { error: v.error as ExcelJS.CellErrorValue["error"] };
  return v;
}

/** The cached result of a formula, as exceljs writes it. */
function result(cell: PreviewCell): ExcelJS.CellFormulaValue["result"] {
  const v = fileValue(cell);
  return v === null ? undefined : (v as ExcelJS.CellFormulaValue["result"]);
}

/** Builds the exceljs workbook (exported for tests that look inside before it is packed). */
export function toExcelJs(wb: PreviewWorkbook): ExcelJS.Workbook {
  const out = new ExcelJS.Workbook();
  out.creator = "Comp Planner preview";
  const engine = wb.engine;
  for (const sheet of wb.sheetNames()) {
    const freeze = wb.freeze(sheet);
    const ws = out.addWorksheet(sheet, {
      views:
        freeze && (freeze.rows || freeze.columns)
          ? [{ state: "frozen", xSplit: freeze.columns, ySplit: freeze.rows }]
          : [],
    });
    const sheetIndex = engine.getSheetId(sheet)!;
    const tables = wb.tables().filter((t) => t.sheet === sheet);
    const tableAt = (row: number, col: number) =>
      tables.find(
        (t) =>
          row >= t.anchor.row &&
          row <= t.anchor.row + Math.max(t.rowCount, 1) &&
          col >= t.anchor.col &&
          col < t.anchor.col + t.headers.length,
      ) ?? null;
    const covered = new Set<string>();
    const contentOf = (row: number, col: number): FileValue => {
      const cell = wb.cell(sheet, { row, col });
      if (!cell.formula) return fileValue(cell);
      const formula = toFileFormula(cell.formula, tableAt(row, col)?.name ?? null);
      if (!engine.isCellPartOfArray({ sheet: sheetIndex, row, col })) return { formula, result: result(cell) };
      // A spilled result: written as an array formula over the spill, so readers without dynamic arrays show it all.
      let endCol = col;
      while (
        engine.isCellPartOfArray({ sheet: sheetIndex, row, col: endCol + 1 }) &&
        !wb.cell(sheet, { row, col: endCol + 1 }).formula
      )
        endCol++;
      let endRow = row;
      while (
        engine.isCellPartOfArray({ sheet: sheetIndex, row: endRow + 1, col }) &&
        !wb.cell(sheet, { row: endRow + 1, col }).formula
      )
        endRow++;
      for (let r = row; r <= endRow; r++)
        for (let c = col; c <= endCol; c++) if (r !== row || c !== col) covered.add(`${r},${c}`);
      return {
        formula,
        result: result(cell),
        shareType: "array",
        ref: rangeAddress({ start: { row, col }, end: { row: endRow, col: endCol } }),
      } as ExcelJS.CellFormulaValue;
    };
    const used = wb.usedRange(sheet);
    const inTable = new Set<string>();
    for (const t of tables) {
      const rows: FileValue[][] = [];
      const bodyRows = Math.max(t.rowCount, 1);
      for (let r = 1; r <= bodyRows; r++) {
        const row: FileValue[] = [];
        for (let c = 0; c < t.headers.length; c++) {
          row.push(contentOf(t.anchor.row + r, t.anchor.col + c));
          inTable.add(`${t.anchor.row + r},${t.anchor.col + c}`);
        }
        rows.push(row);
      }
      t.headers.forEach((_, c) => inTable.add(`${t.anchor.row},${t.anchor.col + c}`));
      ws.addTable({
        name: t.name,
        displayName: t.name,
        ref: cellAddress(t.anchor),
        headerRow: true,
        totalsRow: false,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: t.headers.map((name) => ({ name, filterButton: true })),
        rows,
      } as ExcelJS.TableProperties);
    }
    // Table columns keep their formats on blank cells too (beyond the used range), as Excel's do.
    for (const t of tables)
      for (let r = 1; r <= Math.max(t.rowCount, 1); r++)
        t.headers.forEach((_, c) => {
          const fmt = wb.cell(sheet, { row: t.anchor.row + r, col: t.anchor.col + c }).numberFormat;
          if (fmt) ws.getCell(t.anchor.row + r + 1, t.anchor.col + c + 1).numFmt = fmt;
        });
    if (used) {
      for (let r = 0; r <= used.end.row; r++) {
        for (let c = 0; c <= used.end.col; c++) {
          const k = `${r},${c}`;
          const target = ws.getCell(r + 1, c + 1);
          if (!inTable.has(k) && !covered.has(k)) {
            const v = contentOf(r, c);
            if (v !== null) target.value = v;
          }
          const cell = wb.cell(sheet, { row: r, col: c });
          if (cell.numberFormat) target.numFmt = cell.numberFormat;
          if (wb.isBold(sheet, { row: r, col: c })) target.font = { bold: true };
        }
      }
    }
    for (const [letter, points] of Object.entries(wb.columnWidths(sheet)))
      ws.getColumn(columnIndex(letter) + 1).width = widthToChars(points);
    for (const chart of wb.charts(sheet)) {
      const at = ws.getCell(chart.anchor);
      at.note = `Chart "${chart.title}" (${chart.type}) is shown by the preview and by Comp Planner in Excel, but is not in this file: the .xlsx writer (exceljs) cannot write charts.`;
    }
  }
  for (const name of engine.listNamedExpressions()) {
    // The engine's own names (TRUE/FALSE) and the preview's hidden range names are not the user's.
    if (ENGINE_NAMES.has(name.toUpperCase()) || name.startsWith(RANGE_NAME_PREFIX)) continue;
    const ref = engine.getNamedExpressionFormula(name);
    if (ref) out.definedNames.add(ref.replace(/^=/, ""), name);
  }
  return out;
}

/** The namespace of the part that carries the preview's charts, so that reopening the file in the preview draws them again. */
export const CHARTS_NAMESPACE = "urn:comp-planner:preview-charts:v1";

/** The charts of every sheet as a custom XML part (JSON inside, <, > and & escaped as in settings parts). */
function chartsPart(wb: PreviewWorkbook): string | null {
  const bySheet = wb
    .sheetNames()
    .map((sheet) => ({ sheet, charts: wb.charts(sheet) }))
    .filter((s) => s.charts.length > 0);
  if (bySheet.length === 0) return null;
  const json = JSON.stringify(bySheet).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `<?xml version="1.0" encoding="UTF-8"?><charts xmlns="${CHARTS_NAMESPACE}">${json}</charts>`;
}

/** The workbook as the bytes of an .xlsx file. */
export async function writeXlsx(wb: PreviewWorkbook): Promise<Uint8Array> {
  const buffer = await toExcelJs(wb).xlsx.writeBuffer();
  const charts = chartsPart(wb);
  return addCustomXmlParts(buffer as ArrayBuffer, [...wb.customXmlParts().values(), ...(charts ? [charts] : [])]);
}
