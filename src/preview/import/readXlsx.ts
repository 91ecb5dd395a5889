/**
 * An .xlsx file as a new preview workbook, with exceljs: every sheet with its values, formulas
 * (evaluated by the engine), tables, number formats, bold, column widths, frozen panes, defined
 * names and custom XML parts. Formulas calling functions the engine does not know keep their
 * cached values and are listed.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { HyperFormula } from "hyperformula";
import { cellAddress, CellPos, columnLetter, parseRange } from "../../workbook/a1";
import { PreviewWorkbook } from "../../workbook/preview/previewWorkbook";
import { readCustomXmlParts } from "../export/customXmlParts";
import { fromFileFormula } from "../export/fileFormulas";
import { charsToWidth, CHARTS_NAMESPACE } from "../export/writeXlsx";
import { ChartSpec } from "../../workbook/sheetSpec";
import { asStored } from "./applyImport";
import { ImportError } from "./importPlan";

/** A formula kept as its cached value because the engine does not know a function in it. */
export interface UnknownFormula {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
  /** The unknown function names. */
  readonly functions: readonly string[];
}

/** What reading a file gave. */
export interface XlsxResult {
  readonly workbook: PreviewWorkbook;
  readonly unknown: readonly UnknownFormula[];
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
type Content = number | string | boolean | null;

/** The functions the engine knows, COMP included (read once an engine exists). */
function knownFunctions(wb: PreviewWorkbook): Set<string> {
  const names = new Set(HyperFormula.getRegisteredFunctionNames("enGB").map((n) => n.toUpperCase()));
  for (const n of (wb.engine as unknown as { getRegisteredFunctionNames(): string[] }).getRegisteredFunctionNames?.() ??
    [])
    names.add(n.toUpperCase());
  return names;
}

function calledFunctions(formula: string): string[] {
  const code = formula.split(/"(?:[^"]|"")*"/).join("");
  return [...code.matchAll(/(?:^|[^A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)].map((m) => m[1].toUpperCase());
}

/** A plain value of an exceljs cell: dates as serials, rich text and links as their text. */
function plainValue(v: ExcelJS.CellValue): Content {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("error" in v) return v.error;
  if ("text" in v && typeof v.text === "string") return v.text;
  if ("result" in v) return plainValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  return null;
}

/** Draws again the charts the preview saved in its own part (ignored when the part is damaged). */
function restoreCharts(wb: PreviewWorkbook, xml: string): void {
  try {
    const json = xml.slice(xml.indexOf(">", xml.indexOf("<charts")) + 1, xml.lastIndexOf("</charts>"));
    for (const { sheet, charts } of JSON.parse(json) as { sheet: string; charts: ChartSpec[] }[]) {
      if (wb.hasSheet(sheet)) for (const c of charts) wb.addChart(sheet, c);
    }
  } catch {
    // A damaged charts part loses the charts, never the workbook.
  }
}

/** Why bytes that are not a zip package cannot be opened. */
function notAPackage(bytes: Uint8Array, fileName: string): ImportError {
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (ole) {
    const text = new TextDecoder("utf-16le").decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
    if (text.includes("EncryptedPackage"))
      return new ImportError(
        `"${fileName}" is password-protected. Open it in Excel, remove the password (File > Info > Protect Workbook), save, and open it again.`,
      );
    return new ImportError(
      `"${fileName}" is an old-format Excel file (.xls). Save it as .xlsx in Excel and open that.`,
    );
  }
  return new ImportError(`"${fileName}" is not a valid .xlsx file (it may be damaged or of another kind).`);
}

/** Reads an .xlsx file into a new workbook. @throws ImportError for an encrypted, old-format or damaged file. */
export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<XlsxResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw notAPackage(bytes, fileName);
  }
  if (!zip.file("xl/workbook.xml")) throw new ImportError(`"${fileName}" is a zip file but not an Excel workbook.`);
  const file = new ExcelJS.Workbook();
  try {
    await file.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new ImportError(`"${fileName}" could not be read as an .xlsx file: ${(e as Error).message}`);
  }
  const wb = new PreviewWorkbook();
  const known = knownFunctions(wb);
  const unknown: UnknownFormula[] = [];
  const sheets = file.worksheets.filter((ws) => ws.state !== "veryHidden");
  for (const ws of sheets) wb.addSheet(ws.name);

  // Tables first (every sheet), so that formulas anywhere can refer to them.
  const tableAt = new Map<string, { name: string; top: number; bottom: number; left: number; right: number }[]>();
  const tableColumnFormats = new Map<string, Record<string, string>>();
  for (const ws of sheets) {
    const list: { name: string; top: number; bottom: number; left: number; right: number }[] = [];
    for (const entry of (
      ws as unknown as {
        getTables(): {
          table: {
            name: string;
            displayName?: string;
            tableRef?: string;
            ref?: string;
            totalsRow?: boolean;
            columns: { name: string }[];
          };
        }[];
      }
    ).getTables()) {
      const t = entry.table;
      const range = parseRange(t.tableRef ?? t.ref ?? "A1");
      const headers = t.columns.map((c) => c.name);
      const rowCount = range.end.row - range.start.row - (t.totalsRow ? 1 : 0);
      const name = t.displayName ?? t.name;
      const formats: Record<string, string> = {};
      headers.forEach((h, c) => {
        // The column's format is the one all its filled cells share (blank cells count when all are blank).
        const fmts = new Set<string>();
        const blankFmts = new Set<string>();
        for (let r = range.start.row + 1; r <= range.start.row + rowCount; r++) {
          const cell = ws.getCell(r + 1, range.start.col + c + 1);
          (cell.value !== null && cell.value !== undefined ? fmts : blankFmts).add(cell.numFmt ?? "");
        }
        if (fmts.size === 0) for (const f of blankFmts) fmts.add(f);
        const [only] = [...fmts];
        if (fmts.size === 1 && only && only !== "General") formats[h] = only;
      });
      tableColumnFormats.set(name, formats);
      wb.addTable({ name, sheet: ws.name, anchor: range.start, headers, rowCount, numberFormats: formats });
      list.push({
        name,
        top: range.start.row,
        bottom: range.start.row + rowCount,
        left: range.start.col,
        right: range.end.col,
      });
    }
    tableAt.set(ws.name, list);
  }
  for (const dn of (file.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model) {
    if (dn.ranges.length !== 1 || /^_xlnm\./i.test(dn.name)) continue;
    wb.setName(dn.name, `=${dn.ranges[0]}`);
  }

  wb.batch(() => {
    for (const ws of sheets) {
      const tables = tableAt.get(ws.name)!;
      const inTable = (pos: CellPos) =>
        tables.find((t) => pos.row >= t.top && pos.row <= t.bottom && pos.col >= t.left && pos.col <= t.right) ?? null;
      const rows: Content[][] = [];
      const spilled = spillCells(ws);
      ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
          const pos = { row: rowNumber - 1, col: colNumber - 1 };
          // An array formula's other cells hold its cached results: the engine spills them again.
          if (spilled.has(`${pos.row},${pos.col}`)) return;
          const table = inTable(pos);
          let content: Content;
          const formula = (cell as unknown as { formula?: string }).formula;
          const value = cell.value as ExcelJS.CellValue;
          if (formula) {
            const missing = calledFunctions(formula.replace(/_xlfn\.(?:_xlws\.)?/gi, "")).filter((f) => !known.has(f));
            const text = fromFileFormula(formula, table?.name ?? null);
            if (missing.length > 0) {
              unknown.push({
                sheet: ws.name,
                address: cellAddress(pos),
                formula: text,
                functions: [...new Set(missing)],
              });
              // cell.result, not value.result: exceljs's value copy drops results that are 0, FALSE or "".
              content = plainValue(cell.result as ExcelJS.CellValue);
              content = typeof content === "string" ? (asStored(content) as string) : content;
            } else content = text;
          } else {
            const plain = plainValue(value);
            content =
              typeof plain === "string" && !(value && typeof value === "object" && "error" in value)
                ? (asStored(plain) as string)
                : plain;
          }
          (rows[pos.row] ??= [])[pos.col] = content;
          const fmt = cell.numFmt;
          const tableFmt = table
            ? tableColumnFormats.get(table.name)?.[
                wb.tables().find((t) => t.name === table.name)!.headers[pos.col - table.left]
              ]
            : undefined;
          if (fmt && fmt !== "General" && fmt !== tableFmt) wb.setNumberFormat(ws.name, pos, fmt);
          if (cell.font?.bold) wb.setBold(ws.name, pos, true);
        });
      });
      let width = 0;
      for (let r = 0; r < rows.length; r++) width = Math.max(width, rows[r]?.length ?? 0);
      const block = Array.from({ length: rows.length }, (_, r) =>
        Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? null),
      );
      if (block.length > 0) wb.setBlock(ws.name, { row: 0, col: 0 }, block);
      const widths: Record<string, number> = {};
      (ws.columns ?? []).forEach((col, i) => {
        if (col.width) widths[columnLetter(i)] = charsToWidth(col.width);
      });
      wb.setColumnWidths(ws.name, widths);
      const view = ws.views?.find((v) => v.state === "frozen") as { xSplit?: number; ySplit?: number } | undefined;
      wb.setFreeze(
        ws.name,
        view && (view.xSplit || view.ySplit) ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : null,
      );
    }
  });
  for (const xml of await readCustomXmlParts(zip)) {
    if (xml.includes(`xmlns="${CHARTS_NAMESPACE}"`)) restoreCharts(wb, xml);
    else wb.addXmlPart(xml);
  }
  if (sheets.length > 0) wb.select(sheets[0].name, "A1");
  return { workbook: wb, unknown };
}

/** The cells an array formula's results cover, its own cell excepted, as "row,col" (0-based). */
function spillCells(ws: ExcelJS.Worksheet): Set<string> {
  const out = new Set<string>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as { shareType?: string; ref?: string } | null;
      if (!v || typeof v !== "object" || v.shareType !== "array" || !v.ref) return;
      const range = parseRange(v.ref);
      for (let r = range.start.row; r <= range.end.row; r++)
        for (let c = range.start.col; c <= range.end.col; c++)
          if (r !== range.start.row || c !== range.start.col) out.add(`${r},${c}`);
    }),
  );
  return out;
}
