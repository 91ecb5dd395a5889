import { KpiDefinition } from "../../core/kpiPlan";
import { columnRef, rowsWhere, trimmedEquals, trimmedEqualsAny } from "../../workbook/formulaText";

/**
 * The en-US formula for a KPI's actual over the person's rows in the month, mirroring
 * {@link kpiActual}: SUMPRODUCT over the rows where the person column equals the person, the
 * date falls in the month and each filter column equals one of its values (text trimmed as
 * TRIM does and compared with `=`, so ids and values holding wildcards, quotes or a leading `=`
 * match only themselves);
 * average, win rate, cycle and conversion as ratios of those, 0 when there is nothing to
 * divide (IFERROR).
 *
 * @param person the reference holding the person, e.g. "[@Person]".
 * @param start the reference of the month's first day; `end` of the next month's.
 */
export function actualFormula(k: KpiDefinition, person: string, start: string, end: string): string {
  const m = k.measure;
  const col = (c: string) => columnRef(m.table, c);
  const base = [
    trimmedEquals(col(m.person), person),
    `(${col(m.date)}>=${start})`,
    `(${col(m.date)}<${end})`,
    ...m.filters.map((f) => trimmedEqualsAny(col(f.column), f.values)),
  ];
  const rows = (more: readonly string[] = []) => rowsWhere([...base, ...more]);
  /** The number of the rows, with extra tests. */
  const count = (more: readonly string[] = []) => `SUMPRODUCT(${rows(more)})`;
  /** The sum of a column over the rows (text and blanks count as 0, as in SUMIFS), with extra tests. */
  const sum = (column: string, more: readonly string[] = []) => `SUMPRODUCT(${rows(more)},${col(column)})`;
  const filled = (column: string) => `(${col(column)}<>"")`;
  switch (m.aggregate) {
    case "count":
      return `=${count()}`;
    case "sum":
      return `=${sum(m.value)}`;
    case "average":
      return `=IFERROR(${sum(m.value)}/${count([filled(m.value)])},0)`;
    case "win-rate": {
      const o = m.outcome;
      const won = count([trimmedEqualsAny(col(o.column), o.won)]);
      const lost = count([trimmedEqualsAny(col(o.column), o.lost)]);
      return `=IFERROR(${won}/(${won}+${lost}),0)`;
    }
    case "cycle": {
      // The sum of (end - start) is the sum of ends minus the sum of starts, over rows with a start.
      const started = [filled(m.start)];
      return `=IFERROR((${sum(m.date, started)}-${sum(m.start, started)})/${count(started)},0)`;
    }
    case "conversion":
      return `=IFERROR(${sum(m.advanced)}/${sum(m.entered)},0)`;
  }
}

/** The attainment formula: actual / target, or target / actual for a cycle (shorter is better). */
export function attainmentFormula(k: KpiDefinition): string {
  return k.measure.aggregate === "cycle"
    ? "=IF([@Actual]=0,0,COMP.QUOTA_ATTAINMENT([@Target],[@Actual]))"
    : "=COMP.QUOTA_ATTAINMENT([@Actual],[@Target])";
}
