import { isBlank } from "./text";

/** A data row equal, cell for cell, to an earlier one (both 1-based data rows). */
export interface RepeatedRow {
  readonly row: number;
  readonly repeats: number;
}

/** One cell as a key that tells a number from its text (1 from "1"); every blank (null, "", spaces) is one key. */
const cellKey = (v: unknown) => (isBlank(v) ? "" : `${typeof v}:${String(v)}`);

/**
 * The rows that repeat an earlier row in every cell, as an export that listed a record twice
 * does, each with the first row it repeats. Blank rows are not repeats. `keep` limits which rows
 * are looked at (e.g. the rows that fall in a month), by their 0-based index.
 */
export function repeatedRows(
  rows: readonly (readonly unknown[])[],
  keep: (row: readonly unknown[], index: number) => boolean = () => true,
): RepeatedRow[] {
  const first = new Map<string, number>();
  const out: RepeatedRow[] = [];
  rows.forEach((row, i) => {
    if (row.every(isBlank) || !keep(row, i)) return;
    const key = row.map(cellKey).join("\u0000");
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i + 1);
    else out.push({ row: i + 1, repeats: earlier });
  });
  return out;
}

const SHOWN = 3;

/**
 * The visible note for repeated rows: `Deals has 2 rows that repeat an earlier row in every cell
 * (row 9 repeats row 4; row 12 repeats row 2): each is counted again in the KPIs. If the export
 * listed them twice, delete the repeats and run again.`
 */
export function repeatedRowsNote(table: string, repeats: readonly RepeatedRow[], countedIn: string): string {
  return `${repeatedRowsSaid(table, repeats)}: each is counted again in ${countedIn}. If the export listed them twice, delete the repeats and run again.`;
}

/** "Deals has 2 rows that repeat an earlier row in every cell (row 9 repeats row 4; row 12 repeats row 2)". */
export function repeatedRowsSaid(table: string, repeats: readonly RepeatedRow[]): string {
  const n = repeats.length;
  const shown = repeats
    .slice(0, SHOWN)
    .map((r) => `row ${r.row.toLocaleString("en-US")} repeats row ${r.repeats.toLocaleString("en-US")}`)
    .join("; ");
  const more = n > SHOWN ? ` and ${(n - SHOWN).toLocaleString("en-US")} more` : "";
  const rows = n === 1 ? "1 row that repeats" : `${n.toLocaleString("en-US")} rows that repeat`;
  return `${table} has ${rows} an earlier row in every cell (${shown}${more})`;
}
