import { KpiDefinition } from "../../core/kpiPlan";

/** A structured reference to a data table's column. */
const col = (table: string, column: string) => `${table}[${column}]`;
const text = (v: string) => `"${v.replace(/"/g, '""')}"`;

/** Every combination of one value per filter (a row matches one value of each filter). */
function combinations(filters: KpiDefinition["measure"]["filters"]): [string, string][][] {
  return filters.reduce<[string, string][][]>((acc, f) => acc.flatMap((combo) => f.values.map((v) => [...combo, [f.column, v] as [string, string]])), [[]]);
}

/**
 * The en-US formula for a KPI's actual over the person's rows in the month, mirroring
 * {@link kpiActual}: COUNTIFS/SUMIFS with the person, the month's dates and the filters (a
 * filter with several values adds one term per value); average and win rate as ratios of those,
 * 0 when there is nothing to divide (IFERROR).
 *
 * @param person the cell or reference holding the person, e.g. "[@Person]".
 * @param start the reference of the month's first day; @param end of the next month's.
 */
export function actualFormula(k: KpiDefinition, person: string, start: string, end: string): string {
  const m = k.measure;
  const base = [`${col(m.table, m.person)},${person}`, `${col(m.table, m.date)},">="&${start}`, `${col(m.table, m.date)},"<"&${end}`];
  const terms = (fn: "COUNTIFS" | "SUMIFS", more: [string, string][] = []) =>
    combinations(m.filters)
      .map((combo) => {
        const crit = [...base, ...[...combo, ...more].map(([c, v]) => `${col(m.table, c)},${v.startsWith('"') ? v : text(v)}`)];
        return fn === "SUMIFS" ? `SUMIFS(${col(m.table, m.value!)},${crit.join(",")})` : `COUNTIFS(${crit.join(",")})`;
      })
      .join("+");
  switch (m.aggregate) {
    case "count":
      return `=${terms("COUNTIFS")}`;
    case "sum":
      return `=${terms("SUMIFS")}`;
    case "average":
      return `=IFERROR((${terms("SUMIFS")})/(${terms("COUNTIFS", [[m.value!, '"<>"']])}),0)`;
    case "win-rate": {
      const o = m.outcome!;
      const count = (labels: readonly string[]) => labels.map((l) => terms("COUNTIFS", [[o.column, l]])).join("+");
      return `=IFERROR((${count(o.won)})/(${count(o.won)}+${count(o.lost)}),0)`;
    }
  }
}
