import { columnIndex } from "../../workbook/a1";
import { endOfSpan } from "../shiftFormula";

/** Rows inserted or deleted on a sheet, within some of its columns (a table's) or all of them. */
export interface RowShift {
  /** The sheet whose rows move. */
  readonly sheet: string;
  /** The first row (0-based) inserted, or the first deleted. */
  readonly at: number;
  /** Rows inserted (positive) or deleted (negative). */
  readonly count: number;
  /** The columns (0-based, inclusive) whose cells move; the whole row when absent. */
  readonly cols?: { readonly first: number; readonly last: number };
}

const CELL_REF = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(.!])/;
const RANGE_END = /^:(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(.!])/;

/**
 * Re-points a formula's A1 references after rows are inserted or deleted, as Excel does: a
 * reference to a cell that moved follows it (absolute or not), a reference to a deleted cell
 * becomes `#REF!`, and a range loses the rows deleted from it or grows by the rows inserted
 * inside it. Only references to `shift.sheet` change (unqualified ones when the formula lives
 * there). String literals and structured references (which follow their table) are left alone.
 *
 * @param formula An en-US formula starting with "=".
 * @param home The sheet the formula is on.
 */
export function adjustRows(formula: string, home: string, shift: RowShift): string {
  let out = "";
  let i = 0;
  let qualifier: string | null = null;
  const target = shift.sheet.toLowerCase();
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "[") {
      const end = endOfSpan(formula, i);
      out += formula.slice(i, end);
      i = end;
      qualifier = null;
      continue;
    }
    if (ch === "'") {
      const end = endOfSpan(formula, i);
      if (formula[end] === "!") qualifier = formula.slice(i + 1, end - 1).replace(/''/g, "'");
      out += formula.slice(i, end + (formula[end] === "!" ? 1 : 0));
      i = end + (formula[end] === "!" ? 1 : 0);
      continue;
    }
    const prev = out[out.length - 1] ?? "";
    const m = /[A-Za-z0-9_.]/.test(prev) ? null : CELL_REF.exec(formula.slice(i));
    if (m) {
      const sheet = (qualifier ?? home).toLowerCase();
      qualifier = null;
      const rest = formula.slice(i + m[0].length);
      const end = RANGE_END.exec(rest);
      if (sheet !== target) {
        out += m[0] + (end ? end[0] : "");
      } else if (end) {
        out += moveRange(m, end, shift);
      } else {
        const row = moveRow(Number(m[4]), columnIndex(m[2].toUpperCase()), shift, "single");
        out += row === null ? "#REF!" : `${m[1]}${m[2]}${m[3]}${row}`;
      }
      i += m[0].length + (end ? end[0].length : 0);
      continue;
    }
    const word = /^[A-Za-z0-9_.]+/.exec(formula.slice(i));
    if (word && formula[i + word[0].length] === "!") {
      qualifier = word[0];
      out += `${word[0]}!`;
      i += word[0].length + 1;
      continue;
    }
    qualifier = null;
    const take = word ? word[0].length : 1;
    out += formula.slice(i, i + take);
    i += take;
  }
  return out;
}

function moveRange(start: RegExpExecArray, end: RegExpExecArray, shift: RowShift): string {
  const first = moveRow(Number(start[4]), columnIndex(start[2].toUpperCase()), shift, "start");
  const last = moveRow(Number(end[4]), columnIndex(end[2].toUpperCase()), shift, "end");
  if (first === null || last === null || last < first) return "#REF!";
  return `${start[1]}${start[2]}${start[3]}${first}:${end[1]}${end[2]}${end[3]}${last}`;
}

/**
 * Where a 1-based row of a reference goes. A range's start in the deleted rows stays (the next
 * row moves up into it), its end moves up to the row above them; a single reference there is lost.
 */
function moveRow(row: number, col: number, shift: RowShift, part: "single" | "start" | "end"): number | null {
  if (shift.cols && (col < shift.cols.first || col > shift.cols.last)) return row;
  const first = shift.at + 1;
  if (shift.count > 0) return row >= first ? row + shift.count : row;
  const last = first - shift.count - 1;
  if (row < first) return row;
  if (row > last) return row + shift.count;
  if (part === "start") return first;
  if (part === "end") return first - 1 >= 1 ? first - 1 : null;
  return null;
}
