import { columnIndex, columnLetter } from "../workbook/a1";

const CELL_REF = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(.!])/;

/**
 * Moves a formula as Excel's fill and copy do: every relative A1 reference shifts by the distance
 * the formula moves, `$`-anchored parts stay, and a reference pushed off the sheet's top or left
 * edge becomes `#REF!`. String literals, quoted sheet names and structured references (which
 * are relative to their row by nature) are left alone.
 *
 * @param formula An en-US formula starting with "=".
 * @param rows How many rows down the formula moves (negative: up).
 * @param cols How many columns right it moves.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'" || ch === "[") {
      const end = endOfSpan(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const prev = out[out.length - 1] ?? "";
    const m = /[A-Za-z0-9_.]/.test(prev) ? null : CELL_REF.exec(formula.slice(i));
    if (m) {
      out += moveReference(m, rows, cols);
      i += m[0].length;
      continue;
    }
    const word = /^[A-Za-z0-9_.]+/.exec(formula.slice(i));
    const take = word ? word[0].length : 1;
    out += formula.slice(i, i + take);
    i += take;
  }
  return out;
}

function moveReference(m: RegExpExecArray, rows: number, cols: number): string {
  const [, colAbs, letters, rowAbs, digits] = m;
  const col = colAbs ? columnIndex(letters.toUpperCase()) : columnIndex(letters.toUpperCase()) + cols;
  const row = rowAbs ? Number(digits) : Number(digits) + rows;
  if (col < 0 || row < 1) return "#REF!";
  return `${colAbs}${columnLetter(col)}${rowAbs}${row}`;
}

/** The index just past a string literal, quoted sheet name or bracketed structured reference. */
export function endOfSpan(text: string, start: number): number {
  const open = text[start];
  if (open === "[") {
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      if (text[i] === "[") depth++;
      else if (text[i] === "]" && --depth === 0) return i + 1;
    }
    return text.length;
  }
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] !== open) continue;
    if (text[i + 1] === open) i++;
    else return i + 1;
  }
  return text.length;
}
