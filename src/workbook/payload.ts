/**
 * Splitting what ExcelHost sends to and reads from Excel into requests below Excel on the web's
 * 5 MB limit, measured on the serialised payload (UTF-8 bytes of the JSON), not guessed by rows.
 * Pure: no Office.js here, so the plan can be tested on its own.
 */
import { CellInput, isFormula } from "./sheetSpec";

/**
 * Bytes of payload (values, formulas, number formats) one request may carry. Excel on the web
 * refuses requests and responses over 5 MB; the rest of the margin covers the request's own
 * envelope (operation names, addresses, object paths).
 */
export const SAFE_REQUEST_BYTES = 4_000_000;

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Serialised size of a payload as Office.js sends it (JSON, UTF-8). */
export function payloadBytes(data: unknown): number {
  return utf8Length(JSON.stringify(data));
}

/**
 * True when Excel, given this text as a cell's input, would store something else: a formula
 * (leading = + - @), a number (digits, leading zeros, 5%, 1e3, 1,000), a date or time (any
 * digits), a boolean, an error literal, or text behind a quote prefix. Deliberately broad: text
 * that would have stayed text anyway loses nothing by being marked as text.
 */
export function excelWouldReinterpret(text: string): boolean {
  const t = text.trim();
  return /^[=+\-@']/.test(text) || /\d/.test(text) || /^(TRUE|FALSE)$/i.test(t) || t.startsWith("#") || t !== text;
}

/** The text number format: Excel keeps what is written into such a cell as exactly that text. */
export const TEXT_FORMAT = "@";

/** One assignment to a rectangle of cells. */
export interface RangeWrite {
  readonly kind: "values" | "formulas" | "numberFormat";
  /** Top-left cell, 0-based, on the sheet. */
  readonly row: number;
  readonly col: number;
  readonly data: unknown[][];
  /** Serialised size of data. */
  readonly bytes: number;
}

const GENERAL = "General";

/**
 * The assignments that write a block of cells from (row, col): values as values (with the text
 * format first on text Excel would reinterpret), formulas as formulas, column number formats;
 * rows grouped into chunks of at most `budget` bytes each, so no assignment exceeds it.
 * @param columnFormats a number format per column (null for General), applied from `formatFrom` (a row index in `rows`).
 * @throws Error when a single row is larger than the budget.
 */
export function planBlock(
  row: number,
  col: number,
  rows: readonly (readonly CellInput[])[],
  columnFormats: readonly (string | null)[] = [],
  formatFrom = 0,
  budget = SAFE_REQUEST_BYTES,
): RangeWrite[] {
  const out: RangeWrite[] = [];
  let start = 0;
  let bytes = 0;
  const flush = (end: number) => {
    if (end > start)
      out.push(...planChunk(row + start, col, rows.slice(start, end), columnFormats, formatFrom - start));
    start = end;
    bytes = 0;
  };
  rows.forEach((r, i) => {
    // Each cell is sent once as a value or formula and at most once as a format (10 = "General" with its quotes and comma).
    const size =
      payloadBytes(r.map((c) => (isFormula(c) ? c.formula : c))) +
      r.length * 10 +
      columnFormats.reduce((n, f) => n + (f ? utf8Length(f) : 0), 0);
    if (size > budget)
      throw new Error(`Row ${row + i + 1} holds ${size} bytes, more than one request to Excel may carry (${budget}).`);
    if (bytes + size > budget) flush(i);
    bytes += size;
  });
  flush(rows.length);
  return out;
}

function planChunk(
  row: number,
  col: number,
  rows: readonly (readonly CellInput[])[],
  columnFormats: readonly (string | null)[],
  formatFrom: number,
): RangeWrite[] {
  const width = rows[0]?.length ?? 0;
  const kind = (c: CellInput) => (isFormula(c) ? "F" : "V");
  const out: RangeWrite[] = [];
  const emit = (k: "values" | "formulas" | "numberFormat", r: number, c: number, data: unknown[][]) =>
    out.push({ kind: k, row: r, col: c, data, bytes: payloadBytes(data) });
  const formatOf = (i: number, j: number, cell: CellInput) =>
    !isFormula(cell) && typeof cell === "string" && excelWouldReinterpret(cell)
      ? TEXT_FORMAT
      : i >= formatFrom
        ? (columnFormats[j] ?? GENERAL)
        : GENERAL;
  const rect = (r0: number, r1: number, c0: number, c1: number) => {
    const cells = rows.slice(r0, r1).map((r) => r.slice(c0, c1));
    const formats = cells.map((r, i) => r.map((c, j) => formatOf(r0 + i, c0 + j, c)));
    if (formats.some((r) => r.some((f) => f !== GENERAL))) emit("numberFormat", row + r0, col + c0, formats);
    if (kind(cells[0][0]) === "F")
      emit(
        "formulas",
        row + r0,
        col + c0,
        cells.map((r) => r.map((c) => (c as { formula: string }).formula)),
      );
    else
      emit(
        "values",
        row + r0,
        col + c0,
        cells.map((r) => r.map((c) => c ?? "")),
      );
  };
  // Adjacent columns whose cells are all values (or all formulas) go in one assignment; a
  // column that mixes them is written in vertical runs of one kind.
  const columnKind = Array.from({ length: width }, (_, j) => {
    const kinds = new Set(rows.map((r) => kind(r[j])));
    return kinds.size === 1 ? [...kinds][0] : "M";
  });
  for (let j = 0; j < width;) {
    let k = j + 1;
    if (columnKind[j] !== "M") while (k < width && columnKind[k] === columnKind[j]) k++;
    if (columnKind[j] !== "M") rect(0, rows.length, j, k);
    else {
      for (let i = 0; i < rows.length;) {
        let e = i + 1;
        while (e < rows.length && kind(rows[e][j]) === kind(rows[i][j])) e++;
        rect(i, e, j, j + 1);
        i = e;
      }
    }
    j = k;
  }
  return out;
}

/** Groups assignments, in order, into requests of at most `budget` bytes each. */
export function batches<T extends { readonly bytes: number }>(
  writes: readonly T[],
  budget = SAFE_REQUEST_BYTES,
): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const w of writes) {
    if (current.length > 0 && bytes + w.bytes > budget) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(w);
    bytes += w.bytes;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Rows per read so that a response of `bytesPerRow`-sized rows stays under half the budget
 * (reads are sized from the rows seen so far; the margin absorbs rows larger than those).
 */
export function rowsPerRead(bytesPerRow: number, budget = SAFE_REQUEST_BYTES): number {
  return Math.max(1, Math.floor(budget / 2 / Math.max(bytesPerRow, 1)));
}
