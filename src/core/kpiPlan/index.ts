/** The KPI bonus module's core: plans, monthly versions, scorecards. */
export {
  checkPlan,
  checkPlanColumns,
  computeScorecards,
  kpiActual,
  kpiAttainment,
  monthBounds,
  PersonIndex,
  RANK_PLACES,
  rankingValue,
} from "./compute";
export type { DataTable, Person, PersonScore, ScoreLine } from "./compute";
export { checkDateColumns, monthWarnings } from "./dataChecks";
export { clockProblem, computedThrough, futureMonthProblem, recordComputed } from "./computedMonths";
export type { ComputedMonth } from "./computedMonths";
export { KpiPlanError, measureColumns } from "./types";
export type {
  Aggregate,
  ConversionMeasure,
  CountMeasure,
  CycleMeasure,
  KpiDefinition,
  KpiMeasure,
  KpiPlan,
  MeasureRows,
  Outcome,
  PlanVersion,
  RolePlan,
  RowFilter,
  ValueMeasure,
  WinRateMeasure,
} from "./types";
export {
  addVersion,
  monthOf,
  monthProblem,
  nextMonth,
  normalizeMonth,
  parseMonth,
  previousMonth,
  versionFor,
} from "./versions";
export type { VersionRecord } from "./versions";
