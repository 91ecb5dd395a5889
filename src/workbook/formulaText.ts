import { excelTrim } from "../core/text";
/**
 * Text spliced into generated formulas, escaped as Excel requires, in one place. Column names
 * (the user's headers) go into structured references; ids, names and filter values (the user's
 * data) are compared with `=`, never passed as COUNTIFS/SUMIFS/MATCH criteria: a criterion
 * reads `*`, `?` and `~` as wildcards, a leading `=`, `<` or `>` as an operator, and text that
 * looks like a number, a date or a boolean as that number, date or boolean, so a criterion
 * cannot say "exactly this text". `=` compares text exactly, in any case, in Excel and in the
 * preview's engine alike.
 */

/** A column name escaped for the inside of structured-reference brackets: `'` before `[ ] # ' @`. */
export function escapeColumn(name: string): string {
  return name.replace(/['[\]#@]/g, "'$&");
}

/**
 * A reference to a table column's data, `Table[[Column]]`. The inner brackets make any header
 * valid, whatever characters it holds (spaces, commas, colons, symbols).
 */
export function columnRef(table: string, column: string): string {
  return `${table}[[${escapeColumn(column)}]]`;
}

/** A reference to a column in the formula's own table row, `[@[Column]]`. */
export function thisRow(column: string): string {
  return `[@[${escapeColumn(column)}]]`;
}

/** A text as an Excel string literal: in double quotes, each quote doubled. */
export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** An array test: each cell of `range` equals the value of the expression `value` (as text, any case). */
export function equalsText(range: string, value: string): string {
  return `(${range}=${value})`;
}

/** An array test: each cell of `range` equals one of the texts (any case). */
export function equalsAny(range: string, texts: readonly string[]): string {
  const tests = texts.map((t) => equalsText(range, stringLiteral(t)));
  return tests.length === 1 ? tests[0] : `(${tests.join("+")}>0)`;
}

/** The product of array tests (1 where every test holds, else 0), for SUMPRODUCT. */
export function rowsWhere(tests: readonly string[]): string {
  return tests.join("*");
}

/** An array test: each cell of `range`, trimmed, equals the trimmed value of `value` (any case). */
export function trimmedEquals(range: string, value: string): string {
  return `(TRIM(${range})=TRIM(${value}))`;
}

/** An array test: each cell of `range`, trimmed, equals one of the texts, trimmed (any case). */
export function trimmedEqualsAny(range: string, texts: readonly string[]): string {
  const tests = [...new Set(texts.map(excelTrim))].map((t) => `(TRIM(${range})=${stringLiteral(t)})`);
  return tests.length === 1 ? tests[0] : `(${tests.join("+")}>0)`;
}
