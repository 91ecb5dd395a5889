/** What the "Why is this number?" panel shows for a cell. */

/** A row of data behind a number, with where it is so the panel can select it. */
export interface SourceRow {
  /** e.g. "Deals row 12: D00123". */
  readonly label: string;
  /** The relevant cells, e.g. "Owner R05 · Stage Won · Closed 2026-10-03 · Amount 30,000". */
  readonly detail: string;
  readonly sheet: string;
  /** The row's range, e.g. "A13:I13". */
  readonly address: string;
}

/** An input of the number: what it is, its value, and where it comes from. */
export interface ExplainedInput {
  readonly label: string;
  readonly value: string;
  readonly source: string;
}

/** The explanation of one cell. */
export interface Explanation {
  readonly title: string;
  /** Where the cell is, e.g. "Scorecards!L14". */
  readonly where: string;
  readonly formula: string | null;
  readonly inWords: string;
  readonly inputs: readonly ExplainedInput[];
  /** A tier-by-tier table (PAYOUT_EXPLAIN's rows, header first), when the number is a payout. */
  readonly breakdown: readonly (readonly unknown[])[] | null;
  readonly rows: readonly SourceRow[];
  /** Set when only some rows are listed. */
  readonly rowsNote: string | null;
}

/** How many source rows the panel lists. */
export const MAX_ROWS = 200;

/** A number as the sheets show it: thousands separators, up to 4 decimals. */
export function show(v: unknown): string {
  if (typeof v === "number") return v.toLocaleString("en-US", { maximumFractionDigits: 4 });
  if (v === null || v === undefined || v === "") return "(blank)";
  return String(v);
}

/** A ratio as a percentage: 1.305 -> "130.5%". */
export function showPct(v: unknown): string {
  return typeof v === "number" ? `${(v * 100).toFixed(1)}%` : show(v);
}

/** Money as the sheets show it: thousands separators and two decimals (blank and text as show gives them). */
export function showMoney(v: unknown): string {
  return typeof v === "number"
    ? v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    : show(v);
}
