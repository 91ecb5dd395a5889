import { InputError } from "../errors";
import { PayoutCurve } from "../tiers";

/**
 * How a KPI's actual is aggregated over a person's rows in a month: sum, count or average of a
 * column; win rate = won / (won + lost); cycle = the mean days from a start date to the row's
 * date (shorter is better); conversion = sum(advanced) / sum(entered).
 */
export type Aggregate = KpiMeasure["aggregate"];

/** A condition on a column: the cell equals one of the values (trimmed, any case). */
export interface RowFilter {
  readonly column: string;
  readonly values: readonly string[];
}

/** The rows a KPI counts: a person's rows of a table in a month, meeting every filter. */
export interface MeasureRows {
  /** The data table. */
  readonly table: string;
  /** The column naming the person credited. */
  readonly person: string;
  /** The date column that puts a row in a month (Excel date serials); for a cycle, its end. */
  readonly date: string;
  /** Conditions every counted row meets (all of them). */
  readonly filters: readonly RowFilter[];
}

/** Count: the number of rows. */
export interface CountMeasure extends MeasureRows {
  readonly aggregate: "count";
}

/** Sum or average of a column over the rows (blank cells skipped). */
export interface ValueMeasure extends MeasureRows {
  readonly aggregate: "sum" | "average";
  /** The column summed or averaged. */
  readonly value: string;
}

/** Labels of an outcome column that count as won and as lost (trimmed, any case). */
export interface Outcome {
  readonly column: string;
  readonly won: readonly string[];
  readonly lost: readonly string[];
}

/** Win rate: won / (won + lost) among the rows. */
export interface WinRateMeasure extends MeasureRows {
  readonly aggregate: "win-rate";
  readonly outcome: Outcome;
}

/** Cycle: the mean days from a start date to the row's date, over the rows with a start date. */
export interface CycleMeasure extends MeasureRows {
  readonly aggregate: "cycle";
  /** The start-date column (the row's date column is the end). */
  readonly start: string;
}

/** Conversion: sum(advanced) / sum(entered) over the rows. */
export interface ConversionMeasure extends MeasureRows {
  readonly aggregate: "conversion";
  /** The column counting what advanced. */
  readonly advanced: string;
  /** The column counting what entered. */
  readonly entered: string;
}

/** Where a KPI's actual comes from: each aggregate with the columns it reads. */
export type KpiMeasure = CountMeasure | ValueMeasure | WinRateMeasure | CycleMeasure | ConversionMeasure;

/** The columns a measure reads beyond person and date (value, outcome, start, advanced and entered), in that order. */
export function measureColumns(m: KpiMeasure): string[] {
  switch (m.aggregate) {
    case "count":
      return [];
    case "sum":
    case "average":
      return [m.value];
    case "win-rate":
      return [m.outcome.column];
    case "cycle":
      return [m.start];
    case "conversion":
      return [m.advanced, m.entered];
  }
}

/** One KPI of a role's scorecard. */
export interface KpiDefinition {
  readonly name: string;
  readonly measure: KpiMeasure;
  /** Target per person per month; above 0. */
  readonly target: number;
  /** Share of the role's target bonus this KPI pays at 100% (need not sum to 1). */
  readonly weight: number;
  readonly curve: PayoutCurve;
}

/** A role's KPI plan: the monthly target bonus and the KPIs. */
export interface RolePlan {
  readonly role: string;
  readonly targetBonus: number;
  readonly kpis: readonly KpiDefinition[];
}

/** The KPI settings of every role. */
export interface KpiPlan {
  readonly roles: readonly RolePlan[];
}

/** A version of the plan: in force from the first day of `effective` until the next version. */
export interface PlanVersion {
  readonly version: number;
  /** "YYYY-MM". */
  readonly effective: string;
  /** When the change was made (ISO date-time). */
  readonly changedAt: string;
  readonly plan: KpiPlan;
}

/** Bad KPI settings or a refused change, with a message that says what to fix. */
export class KpiPlanError extends InputError {}
