import { isDateSerial } from "../core/dates";
import { CalcError, isCalcError, messages } from "../core/errors";
import { DEFAULT_WON_LABELS, normaliseLabel } from "../core/winRate";
import { inputError, isBlank, Matrix, readNumber, whereIn } from "./values";

/** The won-label set: the given label alone, or the defaults ("Won", "Closed Won"). */
export function wonLabels(given: string | null): readonly string[] {
  return given === null ? DEFAULT_WON_LABELS : [normaliseLabel(given)];
}

/**
 * Whether each cell of an outcomes range is a won deal. Text only (blank is not won); a number
 * or boolean among the stages is refused with its row, as in WIN_RATE.
 */
export function readWon(m: Matrix, won: readonly string[]): boolean[] | CalcError {
  const out: boolean[] = [];
  for (let r = 0; r < m.length; r++) {
    for (let c = 0; c < m[r].length; c++) {
      const v = m[r][c];
      if (isBlank(v)) {
        out.push(false);
        continue;
      }
      const where = whereIn(m, "outcomes", r, c);
      const err = inputError(v, where);
      if (err) return err;
      if (typeof v !== "string") return messages.notText(where, v);
      out.push(won.includes(normaliseLabel(v)));
    }
  }
  return out;
}

/** Every cell of a range, row by row, as a number or null for blank; text and errors refused. */
export function readNumbersOrBlank(m: Matrix, arg: string): (number | null)[] | CalcError {
  const out: (number | null)[] = [];
  for (let r = 0; r < m.length; r++) {
    for (let c = 0; c < m[r].length; c++) {
      const v = m[r][c];
      if (isBlank(v)) {
        out.push(null);
        continue;
      }
      const n = readNumber(v, whereIn(m, arg, r, c));
      if (isCalcError(n)) return n;
      out.push(n);
    }
  }
  return out;
}

/**
 * Every cell of a range of dates, row by row, as a serial or null for blank; text, errors and
 * numbers that are no date Excel can show (negative, past 9999-12-31) refused with the cell.
 */
export function readDatesOrBlank(m: Matrix, arg: string): (number | null)[] | CalcError {
  const out = readNumbersOrBlank(m, arg);
  if (isCalcError(out)) return out;
  const bad = out.findIndex((v) => v !== null && !isDateSerial(v));
  if (bad < 0) return out;
  return messages.notADate(whereIn(m, arg, Math.floor(bad / m[0].length), bad % m[0].length), out[bad] as number);
}

/** A 1-based row label for the i-th cell of a one-column range (or the i-th cell in reading order). */
export function cellLabel(m: Matrix, arg: string, i: number): string {
  const w = m[0].length;
  const r = Math.floor(i / w);
  return w === 1 ? `${arg} row ${r + 1}` : `${arg} row ${r + 1}, column ${(i % w) + 1}`;
}

/** Two ranges must have the same number of cells in the same shape. */
export function sameShape(a: Matrix, aName: string, b: Matrix, bName: string): CalcError | null {
  if (a.length === b.length && a[0].length === b[0].length) return null;
  return messages.shapeMismatch(aName, `${a.length}x${a[0].length}`, bName, `${b.length}x${b[0].length}`);
}
