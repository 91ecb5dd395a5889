import { InputError } from "../errors";
import { PayoutCurve } from "../tiers";

/**
 * How a KPI's actual is aggregated over a person's rows in a month: sum, count or average of a
 * column; win rate = won / (won + lost); cycle = the mean days from a start date to the row's
 * date (shorter is better); conversion = sum(advanced) / sum(entered).
 */
export type Aggregate = "sum" | "count" | "average" | "win-rate" | "cycle" | "conversion";

/** A condition on a column: the cell equals one of the values (trimmed, any case). */
export interface RowFilter {
  readonly column: string;
  readonly values: readonly string[];
}

/** Where a KPI's actual comes from. */
export interface KpiMeasure {
  /** The data table. */
  readonly table: string;
  /** The column naming the person credited. */
  readonly person: string;
  /** The date column that puts a row in a month (Excel date serials). */
  readonly date: string;
  readonly aggregate: Aggregate;
  /** The column summed or averaged (sum, average), or the advanced count (conversion). */
  readonly value: string | null;
  /** Cycle: the start-date column (the row's date column is the end); conversion: the entered count. */
  readonly from?: string | null;
  /** Conditions every counted row meets (all of them). */
  readonly filters: readonly RowFilter[];
  /** For win rate: the outcome column; won and lost labels. */
  readonly outcome: { readonly column: string; readonly won: readonly string[]; readonly lost: readonly string[] } | null;
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
