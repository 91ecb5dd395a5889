import { CalcError, EXCEL_ERROR_TEXTS, isCalcError, isErrorCode, messages, Where } from "../core/errors";
import { Dec, sumExact } from "../core/money";

/**
 * The cell-level primitives the COMP functions share: what a cell Excel (or the preview engine)
 * passes holds, as a number or a CalcError that says what to fix, and how ranges line up.
 * Whole arguments are read by the declared parameters in params.ts.
 */

/** A range as Excel passes it: rows of cell values. */
export type Matrix = readonly (readonly unknown[])[];

/** One result cell: a number, a string (including "" for an empty result), or an error. */
export type OutValue = number | string | CalcError;

/** A spilled result. */
export type OutMatrix = OutValue[][];

/** Blank as the Excel platforms pass it: null, undefined or "". (A 0 cannot be told from a zero.) */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/**
 * An error value that arrived as input (an error cell inside a range), as a CalcError; or null.
 * Excel's own errors keep their code; codes this product does not produce become #VALUE!.
 */
export function inputError(value: unknown, where: Where): CalcError | null {
  if (isCalcError(value)) return value;
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const code = (value as { code?: unknown }).code;
    if (typeof code === "string" && EXCEL_ERROR_TEXTS.includes(code)) {
      const known = isErrorCode(code) ? code : "#VALUE!";
      return new CalcError(known, `input ${describe(where)} is the error ${code}; fix that cell first.`);
    }
    return messages.notANumber(where, value);
  }
  return null;
}

function describe(where: Where): string {
  return where.row === undefined
    ? where.arg
    : `${where.arg} row ${where.row}${where.col === undefined ? "" : `, column ${where.col}`}`;
}

/** A value that must be a finite number (not blank; the caller decides what blank means). */
export function readNumber(value: unknown, where: Where): number | CalcError {
  const err = inputError(value, where);
  if (err) return err;
  if (typeof value === "number") return Number.isFinite(value) ? value + 0 : messages.notFinite(where);
  return messages.notANumber(where, value);
}

/** Any argument as a matrix: a scalar becomes 1x1; ragged or empty arrays are refused. */
export function asMatrix(value: unknown, arg: string): Matrix | CalcError {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0) return messages.notRectangular(arg);
  const width = Array.isArray(value[0]) ? value[0].length : -1;
  if (width <= 0) return messages.notRectangular(arg);
  for (const row of value) {
    if (!Array.isArray(row) || row.length !== width) return messages.notRectangular(arg);
  }
  return value as Matrix;
}

/** "3x1": a matrix's shape as rows x columns. */
export function shapeOf(m: Matrix): string {
  return `${m.length}x${m[0].length}`;
}

/** Where a cell of a range sits, naming the row only in a multi-cell range and the column only when there are several. */
export function whereIn(m: Matrix, arg: string, row: number, col: number): Where {
  if (m.length === 1 && m[0].length === 1) return { arg };
  return m[0].length === 1 ? { arg, row: row + 1 } : { arg, row: row + 1, col: col + 1 };
}

/** One argument of an element-wise function. */
export interface ElementArg {
  /** The argument's name, for messages. */
  readonly name: string;
  /** Its value as a matrix. */
  readonly m: Matrix;
}

/**
 * Applies `cell` to every position of arguments that share a shape; 1x1 arguments broadcast
 * against the others, as Excel's array arithmetic does. A mismatch of shapes is one #VALUE!.
 */
export function elementwise(
  args: readonly ElementArg[],
  cell: (values: unknown[], where: (argIndex: number) => Where) => OutValue,
): OutMatrix | CalcError {
  const wide = args.filter((a) => a.m.length * a.m[0].length > 1);
  const shape = wide[0]?.m ?? args[0].m;
  for (const a of wide) {
    if (a.m.length !== shape.length || a.m[0].length !== shape[0].length) {
      return messages.shapeMismatch(wide[0].name, shapeOf(wide[0].m), a.name, shapeOf(a.m));
    }
  }
  const rows = shape.length;
  const cols = shape[0].length;
  const out: OutMatrix = new Array(rows);
  const values: unknown[] = new Array(args.length);
  for (let r = 0; r < rows; r++) {
    const outRow: OutValue[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      for (let i = 0; i < args.length; i++) {
        const m = args[i].m;
        values[i] = m.length === 1 && m[0].length === 1 ? m[0][0] : m[r][c];
      }
      outRow[c] = finite(
        cell(values, (i) => whereIn(args[i].m, args[i].name, r, c)),
        rows * cols > 1 ? ` in row ${r + 1}${cols > 1 ? `, column ${c + 1}` : ""}` : "",
      );
    }
    out[r] = outRow;
  }
  return out;
}

/** A numeric result that overflowed to an infinity becomes #NUM!; anything else passes through. */
export function finite<T>(value: T, where = ""): T | CalcError {
  return typeof value === "number" && !Number.isFinite(value) ? messages.outOfRange(where) : value;
}

/**
 * The numbers of a range, for summing, with blanks counting as nothing. Text, booleans, errors
 * and negative numbers are refused with the cell's position.
 */
function readNonNegativeCells(m: Matrix, arg: string): number[] | CalcError {
  const out: number[] = [];
  for (let r = 0; r < m.length; r++) {
    for (let c = 0; c < m[r].length; c++) {
      const v = m[r][c];
      if (isBlank(v)) continue;
      const where = whereIn(m, arg, r, c);
      const n = readNumber(v, where);
      if (isCalcError(n)) return n;
      if (n < 0) return messages.negative(where, n);
      out.push(n);
    }
  }
  return out;
}

/** The exact sum of a range of non-negative numbers, each checked as {@link readNonNegativeCells} does. */
export function sumOfNonNegativeCells(m: Matrix, arg: string): Dec | CalcError {
  const values = readNonNegativeCells(m, arg);
  return isCalcError(values) ? values : sumExact(values);
}
