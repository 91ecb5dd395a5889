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
import { toFileFormula } from "./fileFormulas";
import { buildExcelJs, CellSnapshot, FileValue, nextTask, packXlsx, SheetSnapshot, XlsxSnapshot } from "./packXlsx";

/** The engine's events that mean the workbook's content changed (not just the selection). */
const CONTENT_EVENTS = [
  "valuesUpdated",
  "sheetAdded",
  "sheetRemoved",
  "sheetRenamed",
  "namedExpressionAdded",
  "namedExpressionRemoved",
] as const;

/**
 * Calls `onChange` on each of the engine's events that mean the workbook's content changed (not
 * just the selection); returns the function that stops listening.
 */
export function watchContent(wb: PreviewWorkbook, onChange: () => void): () => void {
  const engine = wb.engine;
  for (const e of CONTENT_EVENTS) engine.on(e, onChange);
  return () => {
    for (const e of CONTENT_EVENTS) engine.off(e, onChange);
  };
}

/** Names the preview defines for itself (Excel's TRUE and FALSE constants), never written. */
const ENGINE_NAMES = new Set(["TRUE", "FALSE"]);

/** Excel's column width unit (characters of the default font) from points, and back. */
export const widthToChars = (points: number) => Math.round((((points * 4) / 3 - 5) / 7) * 100) / 100;
/** Points from Excel's column width in characters. */
export const charsToWidth = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

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

/** Cells read between two points where a sliced snapshot may hand the page back (see xlsxSnapshotSliced). */
const CELLS_PER_STEP = 2_000;

/**
 * Reads what the file needs of one sheet from the workbook, as plain data (see SheetSnapshot):
 * the engine's part of writing a file, which must run where the engine is. Yields after every
 * {@link CELLS_PER_STEP} cells, so that a caller can spread the reading over several tasks.
 */
function* sheetSnapshot(wb: PreviewWorkbook, sheet: string): Generator<void, SheetSnapshot> {
  let read = 0;
  const counted = () => ++read % CELLS_PER_STEP === 0;
  const engine = wb.engine;
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
  const inTable = new Set<string>();
  const tableSnapshots: SheetSnapshot["tables"][number][] = [];
  for (const t of tables) {
    const rows: FileValue[][] = [];
    for (let r = 1; r <= Math.max(t.rowCount, 1); r++) {
      const row: FileValue[] = [];
      for (let c = 0; c < t.headers.length; c++) {
        row.push(contentOf(t.anchor.row + r, t.anchor.col + c));
        inTable.add(`${t.anchor.row + r},${t.anchor.col + c}`);
        if (counted()) yield;
      }
      rows.push(row);
    }
    t.headers.forEach((_, c) => inTable.add(`${t.anchor.row},${t.anchor.col + c}`));
    tableSnapshots.push({ name: t.name, anchor: cellAddress(t.anchor), headers: [...t.headers], rows });
  }
  // Table columns keep their formats on blank cells too (beyond the used range), as Excel's do.
  const tableFormats: [number, number, string][] = [];
  for (const t of tables)
    for (let r = 1; r <= Math.max(t.rowCount, 1); r++)
      for (let c = 0; c < t.headers.length; c++) {
        const fmt = wb.cell(sheet, { row: t.anchor.row + r, col: t.anchor.col + c }).numberFormat;
        if (fmt) tableFormats.push([t.anchor.row + r, t.anchor.col + c, fmt]);
        if (counted()) yield;
      }
  const cells: CellSnapshot[] = [];
  const used = wb.usedRange(sheet);
  for (let r = 0; used && r <= used.end.row; r++) {
    for (let c = 0; c <= used.end.col; c++) {
      const k = `${r},${c}`;
      let value: FileValue = null;
      if (!inTable.has(k))
        // A spill's other cells carry its cached results, as Excel writes them, so that a
        // reader that does not calculate (or knows no COMP function) shows the numbers.
        value = covered.has(k) ? fileValue(wb.cell(sheet, { row: r, col: c })) : contentOf(r, c);
      const format = wb.cell(sheet, { row: r, col: c }).numberFormat;
      const bold = wb.isBold(sheet, { row: r, col: c });
      if (value !== null || format || bold) cells.push([r, c, value, format, bold]);
      if (counted()) yield;
    }
  }
  const freeze = wb.freeze(sheet);
  return {
    name: sheet,
    freeze: freeze && (freeze.rows || freeze.columns) ? freeze : null,
    tables: tableSnapshots,
    tableFormats,
    cells,
    widths: Object.entries(wb.columnWidths(sheet)).map(([letter, points]) => [
      columnIndex(letter),
      widthToChars(points),
    ]),
    notes: wb
      .charts(sheet)
      .map((chart) => [
        chart.anchor,
        `Chart "${chart.title}" (${chart.type}) is shown by the preview and by Comp Planner in Excel, but is not in this file: the .xlsx writer (exceljs) cannot write charts.`,
      ]),
  };
}

/** Builds the exceljs workbook (exported for tests that look inside before it is packed). */
export function toExcelJs(wb: PreviewWorkbook): ExcelJS.Workbook {
  return buildExcelJs(xlsxSnapshot(wb));
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

/** The custom XML parts a file carries: the workbook's own, then the preview's charts. */
function fileParts(wb: PreviewWorkbook): string[] {
  const charts = chartsPart(wb);
  return [...wb.customXmlParts().values(), ...(charts ? [charts] : [])];
}

/** The workbook as the bytes of an .xlsx file. */
export async function writeXlsx(wb: PreviewWorkbook): Promise<Uint8Array> {
  return packXlsx(xlsxSnapshot(wb));
}

/**
 * The workbook's file as the preview writes it: read in slices ({@link xlsxSnapshotSliced}),
 * read again from the start while the workbook keeps changing under it, then packed by `pack`
 * (in a worker in the preview).
 */
export async function writeXlsxSliced(
  wb: PreviewWorkbook,
  pack: (snapshot: XlsxSnapshot) => Promise<Uint8Array> = packXlsx,
  slicing?: Slicing,
): Promise<Uint8Array> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pack(await xlsxSnapshotSliced(wb, slicing));
    } catch (e) {
      if (!(e instanceof WorkbookChangedError)) throw e;
      if (attempt >= MAX_READS)
        throw new Error(
          `the workbook changed ${MAX_READS} times while it was being read (a run still writing?); try again when it is done.`,
        );
    }
  }
}

/** How many times a file is read again, the workbook changing under each read, before giving up. */
const MAX_READS = 20;

/**
 * What a file needs from the workbook, as plain data that can be posted to a worker: every
 * cell read from the engine (which lives on the page's thread), tables, names and the custom
 * XML parts. {@link packXlsx} makes the file's bytes from it, as {@link writeXlsx} does.
 */
export function xlsxSnapshot(wb: PreviewWorkbook): XlsxSnapshot {
  const steps = snapshotSteps(wb);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A sliced snapshot was given up: the workbook changed while it was being read. */
export class WorkbookChangedError extends Error {
  constructor() {
    super("The workbook changed while it was being read for the file; it is read again.");
  }
}

/** How {@link xlsxSnapshotSliced} shares the page's thread. */
export interface Slicing {
  /** The longest a slice reads before handing the page back, in ms (30 by default). */
  readonly sliceMs?: number;
  /** Hands the page back until the next slice (a new task by default). */
  readonly pause?: () => Promise<void>;
  /** The clock, in ms (performance.now by default). */
  readonly now?: () => number;
}

/**
 * {@link xlsxSnapshot} read in slices of at most `sliceMs`, the page's other work running
 * between them, so that keeping a 600,000-cell workbook never blocks the page for seconds.
 * Rejects with {@link WorkbookChangedError} when the workbook changes between two slices (the
 * engine reports a change, or its content version moves; a new selection is no change): a
 * snapshot is of one state.
 */
export async function xlsxSnapshotSliced(wb: PreviewWorkbook, slicing: Slicing = {}): Promise<XlsxSnapshot> {
  const { sliceMs = 30, pause = nextTask, now = () => performance.now() } = slicing;
  const version = wb.contentVersion;
  let changed = false;
  const unwatch = watchContent(wb, () => {
    changed = true;
  });
  try {
    const steps = snapshotSteps(wb);
    for (;;) {
      const until = now() + sliceMs;
      for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
        if (now() >= until) break;
      }
      await pause();
      if (changed || wb.contentVersion !== version) throw new WorkbookChangedError();
    }
  } finally {
    unwatch();
  }
}

function* snapshotSteps(wb: PreviewWorkbook): Generator<void, XlsxSnapshot> {
  const names: [string, string][] = [];
  for (const name of wb.engine.listNamedExpressions()) {
    // The engine's own names (TRUE/FALSE) and the preview's hidden range names are not the user's.
    if (ENGINE_NAMES.has(name.toUpperCase()) || name.startsWith(RANGE_NAME_PREFIX)) continue;
    const ref = wb.engine.getNamedExpressionFormula(name);
    if (ref) names.push([name, ref.replace(/^=/, "")]);
  }
  const sheets: SheetSnapshot[] = [];
  for (const sheet of wb.sheetNames()) sheets.push(yield* sheetSnapshot(wb, sheet));
  return { sheets, names, parts: fileParts(wb) };
}
