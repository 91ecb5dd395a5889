import { KpiDefinition } from "../../core/kpiPlan";

/** A structured reference to a data table's column. */
const col = (table: string, column: string) => `${table}[${column}]`;
const text = (v: string) => `"${v.replace(/"/g, '""')}"`;
/** Criteria written as they are (e.g. '"<>"'), others as text. */
const criterion = (v: string) => (v.startsWith('"') ? v : text(v));

/** Every combination of one value per filter (a row matches one value of each filter). */
function combinations(filters: KpiDefinition["measure"]["filters"]): [string, string][][] {
  return filters.reduce<[string, string][][]>((acc, f) => acc.flatMap((combo) => f.values.map((v) => [...combo, [f.column, v] as [string, string]])), [[]]);
}

/**
 * The en-US formula for a KPI's actual over the person's rows in the month, mirroring
 * {@link kpiActual}: COUNTIFS/SUMIFS with the person, the month's dates and the filters (a
 * filter with several values adds one term per value); average, win rate, cycle and conversion
 * as ratios of those, 0 when there is nothing to divide (IFERROR).
 *
 * @param person the reference holding the person, e.g. "[@Person]".
 * @param start the reference of the month's first day; `end` of the next month's.
 */
export function actualFormula(k: KpiDefinition, person: string, start: string, end: string): string {
  const m = k.measure;
  const base = [`${col(m.table, m.person)},${person}`, `${col(m.table, m.date)},">="&${start}`, `${col(m.table, m.date)},"<"&${end}`];
  const criteria = (more: [string, string][]) => (combo: [string, string][]) => [...base, ...[...combo, ...more].map(([c, v]) => `${col(m.table, c)},${criterion(v)}`)].join(",");
  /** COUNTIFS over the rows, with extra conditions. */
  const count = (more: [string, string][] = []) => combinations(m.filters).map((combo) => `COUNTIFS(${criteria(more)(combo)})`).join("+");
  /** SUMIFS of a column over the rows, with extra conditions. */
  const sum = (column: string, more: [string, string][] = []) => combinations(m.filters).map((combo) => `SUMIFS(${col(m.table, column)},${criteria(more)(combo)})`).join("+");
  switch (m.aggregate) {
    case "count":
      return `=${count()}`;
    case "sum":
      return `=${sum(m.value)}`;
    case "average":
      return `=IFERROR((${sum(m.value)})/(${count([[m.value, '"<>"']])}),0)`;
    case "win-rate": {
      const o = m.outcome;
      const labelled = (labels: readonly string[]) => labels.map((l) => count([[o.column, l]])).join("+");
      return `=IFERROR((${labelled(o.won)})/(${labelled(o.won)}+${labelled(o.lost)}),0)`;
    }
    case "cycle": {
      // The sum of (end - start) is the sum of ends minus the sum of starts, over rows with a start.
      const started: [string, string][] = [[m.start, '"<>"']];
      return `=IFERROR((${sum(m.date, started)}-(${sum(m.start, started)}))/(${count(started)}),0)`;
    }
    case "conversion":
      return `=IFERROR((${sum(m.advanced)})/(${sum(m.entered)}),0)`;
  }
}

/** The attainment formula: actual / target, or target / actual for a cycle (shorter is better). */
export function attainmentFormula(k: KpiDefinition): string {
  return k.measure.aggregate === "cycle" ? "=IF([@Actual]=0,0,COMP.QUOTA_ATTAINMENT([@Target],[@Actual]))" : "=COMP.QUOTA_ATTAINMENT([@Actual],[@Target])";
}
