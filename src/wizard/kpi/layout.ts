/**
 * The layout of the sheets the KPI bonus tool writes, declared once: the sheet writers build
 * them, the leaderboard's formulas and Explain read them from these names and columns.
 */
import { CurveNames } from "../payoutCurveBlock";

/** The sheets the KPI bonus tool writes. */
export const KPI_SHEETS = { plan: "KPI Plan", scorecards: "Scorecards", leaderboard: "Leaderboard" } as const;

/** Table and name prefixes (fixed: the leaderboard and drill-down find the scorecards by them). */
export const KPI_NAMES = {
  history: "KPI_Plan_History",
  definitions: "KPI_Plan_Definitions",
  lines: "Scorecards_Lines",
  bonus: "Scorecards_Bonus",
  leaderboard: "Leaderboard_Ranks",
  curve: (i: number): CurveNames => ({
    tiers: `Scorecards_Curve${i + 1}`,
    threshold: `Scorecards_Curve${i + 1}_Threshold`,
    cap: `Scorecards_Curve${i + 1}_Cap`,
  }),
};

/** The table and name prefixes of one scorecards sheet: its lines, its bonus table and its curves. */
export interface ScoreNames {
  readonly lines: string;
  readonly bonus: string;
  readonly curve: (i: number) => CurveNames;
}

/**
 * The what-if sheet: a draft plan computed for any month, owned by the add-in like the other
 * KPI sheets but apart from them (its own tables, never the plan history).
 */
export const WHAT_IF_SHEET = "KPI What-if";

/** The what-if sheet's table and name prefixes (apart from the official scorecards'). */
export const WHAT_IF_NAMES: ScoreNames = {
  lines: "KPI_WhatIf_Lines",
  bonus: "KPI_WhatIf_Bonus",
  curve: (i: number): CurveNames => ({
    tiers: `KPI_WhatIf_Curve${i + 1}`,
    threshold: `KPI_WhatIf_Curve${i + 1}_Threshold`,
    cap: `KPI_WhatIf_Curve${i + 1}_Cap`,
  }),
};

/** The label every what-if shows, in the pane and on its sheet. */
export const WHAT_IF_LABEL = "WHAT-IF: a draft plan, not the official KPI plan; nothing here is payable.";

/** The plan history table's columns. */
export const HISTORY_COLUMNS = ["Version", "Effective from", "Changed on", "Roles", "KPIs"] as const;

/** The plan definitions table's columns: one row per version, role and KPI. */
export const DEFINITION_COLUMNS = [
  "Version",
  "Effective from",
  "Role",
  "Target bonus",
  "KPI",
  "Table",
  "Aggregate",
  "Value column",
  "Filters",
  "Target",
  "Weight",
  "Curve",
] as const;

/** The scorecard lines' columns: one row per person and KPI. */
export const LINE_COLUMNS = [
  "Person",
  "Role",
  "KPI",
  "Month start",
  "Month end",
  "Actual",
  "Target",
  "Weight",
  "Target bonus",
  "Attainment",
  "Weighted attainment",
  "Payout",
] as const;

/** The bonus table's columns: one row per person. */
export const BONUS_COLUMNS = ["Person", "Role", "Bonus", "Attainment"] as const;

/** The leaderboard's columns; Bonus only when amounts are shown. */
export const LEADERBOARD_COLUMNS = ["Rank", "Person", "Role", "Attainment", "Bonus"] as const;

/** A column of the scorecard lines. */
export type LineColumn = (typeof LINE_COLUMNS)[number];
/** A column of the bonus table. */
export type BonusColumn = (typeof BONUS_COLUMNS)[number];
