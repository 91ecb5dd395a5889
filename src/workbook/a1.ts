/** A1 addresses: parsing and formatting cell and range references. */

/** A zero-based cell position. */
export interface CellPos {
  /** 0-based row. */
  readonly row: number;
  /** 0-based column. */
  readonly col: number;
}

/** "A" for 0, "Z" for 25, "AA" for 26. */
export function columnLetter(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 0 for "A", 26 for "AA"; case-insensitive. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B3" -> { row: 2, col: 1 }; accepts $ signs. Throws on anything else. */
export function parseCell(address: string): CellPos {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`"${address}" is not a cell address like B3.`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** { row: 2, col: 1 } -> "B3". */
export function cellAddress(pos: CellPos, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(pos.col)}${d}${pos.row + 1}`;
}

/** A rectangular range of cells, inclusive. */
export interface RangePos {
  /** Top-left cell. */
  readonly start: CellPos;
  /** Bottom-right cell. */
  readonly end: CellPos;
}

/** "A1:C3" or "B2" -> a range. */
export function parseRange(address: string): RangePos {
  const [a, b] = address.split(":");
  const start = parseCell(a);
  const end = b === undefined ? start : parseCell(b);
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

/** A range as "A1:C3" (or "A1" for one cell). */
export function rangeAddress(r: RangePos, absolute = false): string {
  const a = cellAddress(r.start, absolute);
  const b = cellAddress(r.end, absolute);
  return a === b ? a : `${a}:${b}`;
}

/** A sheet name as it appears in a reference: quoted when it has anything but letters, digits and underscores. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "Sheet1!A1:B2" or "'My Sheet'!A1" into sheet and address. */
export function splitSheetAddress(ref: string): { sheet: string | null; address: string } {
  const i = ref.lastIndexOf("!");
  if (i < 0) return { sheet: null, address: ref };
  let sheet = ref.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(i + 1) };
}

/** "'My Sheet'!$B$2:$C$4": an absolute, sheet-qualified reference. */
export function absoluteReference(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${rangeAddress(parseRange(address), true)}`;
}

/** The longest row's length (a loop: a spread of 100,000 rows would overflow the call stack). */
export function widest(rows: readonly (readonly unknown[])[]): number {
  let w = 0;
  for (const r of rows) w = Math.max(w, r.length);
  return w;
}

/** The range a block of rows covers, written from `topLeft` (its widest row sets the width). */
export function blockRange(topLeft: CellPos, rows: readonly (readonly unknown[])[]): RangePos {
  return { start: topLeft, end: { row: topLeft.row + rows.length - 1, col: topLeft.col + widest(rows) - 1 } };
}
