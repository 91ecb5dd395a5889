/** The KPI bonus module's core: plans, monthly versions, scorecards. */
export { checkPlan, computeScorecards, kpiActual, kpiAttainment, monthBounds, PersonIndex } from "./compute";
export type { DataTable, Person, PersonScore, ScoreLine } from "./compute";
export { KpiPlanError } from "./types";
export type { Aggregate, KpiDefinition, KpiMeasure, KpiPlan, PlanVersion, RolePlan, RowFilter } from "./types";
export { addVersion, monthOf, nextMonth, parseMonth, versionFor } from "./versions";
