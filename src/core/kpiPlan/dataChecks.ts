import { textKey } from "../text";
import { firstRows, isoDate, readDateCell, whyNotDates } from "../dates";
import { formatNumber } from "../format";
import { repeatedRows, repeatedRowsNote } from "../repeatedRows";
import type { DataTable, ScoreLine } from "./compute";
import { KpiPlan, KpiPlanError } from "./types";

/** ISO text (2019-03-01) names one date: the rule of core/dates.ts. */
const isIso = (text: string) => readDateCell(text).kind === "date";

/** The columns of a KPI's table that must hold dates: the row's date and, for a cycle, its start. */
function dateColumns(plan: KpiPlan): { kpi: string; table: string; column: string }[] {
  const seen = new Set<string>();
  const out: { kpi: string; table: string; column: string }[] = [];
  for (const r of plan.roles) {
    for (const k of r.kpis) {
      const m = k.measure;
      for (const column of [m.date, ...(m.aggregate === "cycle" ? [m.start] : [])]) {
        const id = `${textKey(m.table)}\u0000${textKey(column)}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push({ kpi: k.name, table: m.table, column });
      }
    }
  }
  return out;
}

/**
 * Refuses a plan whose date columns hold text (or booleans): Excel dates are numbers, so a text
 * date would silently fall outside every month. The message names the KPI, the table, the
 * column and its first rows; ISO text (2019-03-01) is named as dates stored as text, with how to
 * convert it; other text (03/04/2019) as ambiguous (the rule of `readDateCell` in core/dates.ts).
 * Unlike the back-test, ISO text is not read as dates here: the scorecards are live formulas over
 * the table's cells, and Excel compares text above every number, so the sheet would count no
 * row in any month while the pane counted them. Unknown tables and columns are left to the
 * computation, which names them.
 * @throws KpiPlanError naming the column and its first rows.
 */
export function checkDateColumns(plan: KpiPlan, tables: ReadonlyMap<string, DataTable>): void {
  for (const { kpi, table, column } of dateColumns(plan)) {
    const t = tables.get(table.toLowerCase());
    const c = t ? t.headers.findIndex((h) => textKey(h) === textKey(column)) : -1;
    if (!t || c < 0) continue;
    const bad: { row: number; text: string }[] = [];
    t.rows.forEach((row, r) => {
      const cell = readDateCell(row[c]);
      if (cell.kind === "refused" || (cell.kind === "date" && cell.fromText))
        bad.push({ row: r + 1, text: String(row[c]) });
    });
    if (bad.length === 0) continue;
    const iso = bad.every((b) => isIso(b.text));
    const why = whyNotDates(bad.filter((b) => !isIso(b.text)));
    const what = iso
      ? "The text reads as ISO dates; convert the column to dates (select it, then Data > Text to Columns > Finish) and compute again."
      : `${why[0].toUpperCase()}${why.slice(1)}; enter the dates as dates (or as yyyy-mm-dd text, then convert it) and compute again.`;
    throw new KpiPlanError(
      `KPI "${kpi}": ${table} column "${column}" holds text, not dates, on ${firstRows(bad)}. ${what}`,
    );
  }
}

/**
 * Warnings for a month that computed to nothing: a table none of whose rows falls in the month
 * (with the dates it does cover), and a month where every actual is 0, so every bonus pays its 0%
 * point. Empty for a normal month.
 */
export function monthWarnings(
  plan: KpiPlan,
  tables: ReadonlyMap<string, DataTable>,
  month: string,
  bounds: readonly [number, number],
  lines: readonly ScoreLine[],
): string[] {
  const warnings: string[] = [];
  const [start, end] = bounds;
  const checked = new Set<string>();
  for (const r of plan.roles) {
    for (const k of r.kpis) {
      const m = k.measure;
      const id = `${textKey(m.table)}\u0000${textKey(m.date)}`;
      const t = tables.get(m.table.toLowerCase());
      const c = t ? t.headers.findIndex((h) => textKey(h) === textKey(m.date)) : -1;
      if (checked.has(id) || !t || c < 0) continue;
      checked.add(id);
      const dates = t.rows.map((row) => row[c]).filter((v): v is number => typeof v === "number");
      if (dates.some((d) => d >= start && d < end)) continue;
      const span = dates.length
        ? ` (its dates run from ${isoDate(Math.min(...dates))} to ${isoDate(Math.max(...dates))})`
        : " (it has no dates)";
      warnings.push(
        `No row of ${m.table} has a ${m.date} date in ${month}${span}, so every KPI on ${m.table} is 0 for everyone. Check the month, or the table.`,
      );
    }
  }
  if (lines.length > 0 && lines.every((l) => l.actual === 0)) {
    const total = lines.reduce((s, l) => s + l.payout, 0);
    warnings.push(
      `Every actual in ${month} is 0: every bonus pays its 0% point (${formatNumber(total)} in total). Check the month, the date columns and the KPI filters.`,
    );
  }
  return warnings;
}

/**
 * A warning for each KPI table with rows in the month that repeat an earlier row in every cell
 * (an export that listed a deal twice): the scorecards count each repeat again, as the sheet's
 * formulas do, so the user is told rather than the row being dropped by a guess.
 */
export function repeatedRowWarnings(
  plan: KpiPlan,
  tables: ReadonlyMap<string, DataTable>,
  month: string,
  bounds: readonly [number, number],
): string[] {
  const dateColumnsOf = new Map<string, { table: string; columns: Set<string> }>();
  for (const k of plan.roles.flatMap((r) => r.kpis)) {
    const entry = dateColumnsOf.get(textKey(k.measure.table)) ?? { table: k.measure.table, columns: new Set() };
    entry.columns.add(textKey(k.measure.date));
    dateColumnsOf.set(textKey(k.measure.table), entry);
  }
  const [start, end] = bounds;
  const warnings: string[] = [];
  for (const [key, { table, columns }] of dateColumnsOf) {
    const t = tables.get(key);
    if (!t) continue;
    const cols = t.headers.flatMap((h, i) => (columns.has(textKey(h)) ? [i] : []));
    const inMonth = (row: readonly unknown[]) =>
      cols.some((c) => typeof row[c] === "number" && (row[c] as number) >= start && (row[c] as number) < end);
    const repeats = repeatedRows(t.rows, inMonth);
    if (repeats.length) warnings.push(repeatedRowsNote(table, repeats, `the KPIs of ${month}`));
  }
  return warnings;
}
