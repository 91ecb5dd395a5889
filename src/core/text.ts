/**
 * The product's rules for matching user text (names, ids, labels, roles, headers typed or read
 * from a workbook), in one place.
 */

/**
 * The key two texts are compared by. Rules:
 * - any value is read as text: null and undefined are "", numbers and booleans their `String`;
 * - spaces, tabs and line breaks at either end are dropped (inner spacing is kept: "Closed  Won"
 *   and "Closed Won" differ);
 * - letters are lower-cased without a locale (Excel's own lookups are case-insensitive), so
 *   "R05", " r05 " and "r05" are the same rep.
 */
export function textKey(value: unknown): string {
  return String(value ?? "")
    .trim()
    .toLowerCase();
}

/** True when two texts match under {@link textKey}'s rules. */
export function sameText(a: unknown, b: unknown): boolean {
  return textKey(a) === textKey(b);
}

/**
 * Blank as a table cell read from the workbook: null, undefined, or text with nothing but
 * spaces. (At the custom-function boundary, src/functions/values.ts has its own stricter rule:
 * a cell of spaces is text there, as Excel passes it.)
 */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** The index of a header matching a name under {@link textKey}'s rules, or -1. */
export function headerIndex(headers: readonly string[], name: string): number {
  return headers.findIndex((h) => sameText(h, name));
}

/** Text as Excel's TRIM leaves it: no spaces at either end, runs of inner spaces made one (tabs and non-breaking spaces kept). */
export function excelTrim(text: string): string {
  return text.replace(/^ +| +$/g, "").replace(/ +/g, " ");
}

/**
 * The key a generated sheet compares ids and filter values by, `TRIM(a)=TRIM(b)` in Excel:
 * {@link excelTrim}, then letters lower-cased without a locale (Excel's `=` ignores case). The KPI
 * core compares with it so that the pane and the sheet always agree.
 */
export function excelTrimKey(value: unknown): string {
  return excelTrim(String(value ?? "")).toLowerCase();
}

/**
 * The distinct texts of a column, trimmed, in first-seen order, compared as {@link sameText}
 * compares them (the first spelling kept); blank cells are skipped.
 */
export function distinctTexts(rows: readonly (readonly unknown[])[], column: number): string[] {
  const seen = new Map<string, string>();
  for (const row of rows) {
    const v = row[column];
    if (!isBlank(v) && !seen.has(textKey(v))) seen.set(textKey(v), String(v).trim());
  }
  return [...seen.values()];
}
