/**
 * The layout of every sheet the back-test writes: sheet names, table names, columns and named
 * cells, declared once so the sheet builders, Explain and the tests read the same names.
 */

/** The sheets the back-test writes (and replaces on a re-run). */
export const BACKTEST_SHEETS = {
  ledger: "Payout Ledger",
  comparison: "Plan Comparison",
  statements: "Statements",
} as const;

/** The two plans, by the key used in column names and settings. */
export type PlanKey = "current" | "proposed";
/** Both plans in writing order. */
export const PLAN_KEYS: readonly PlanKey[] = ["current", "proposed"];

/** Table names (fixed: workbook-wide, and Explain finds the sheets by them). */
export const BACKTEST_TABLES = {
  periods: "BT_Periods",
  plans: "BT_Plans",
  /** A role plan's tier table, e.g. BT_Tiers_current_1. */
  tiers: (plan: PlanKey, roleIndex: number) => `BT_Tiers_${plan}_${roleIndex + 1}`,
  ledger: "BT_Ledger",
  credits: "BT_Credits",
  comparison: "BT_Comparison",
  histogram: "BT_Histogram",
  statements: "BT_Statements",
} as const;

/** BT_Periods columns. */
export const PERIOD_COLUMNS = ["Period", "First day", "Last day"] as const;

/** BT_Plans columns: one row per plan and role, what the formulas were written with. */
export const PLAN_COLUMNS = [
  "Plan",
  "Role",
  "Target incentive",
  "Curve on",
  "Mode",
  "Threshold",
  "Cap",
  "Attainment",
  "Stages",
  "Splits",
  "Proration",
  "Draw",
  "Recovery limit",
  "Clawback",
  "Clawback window",
  "Term",
  "Pay timing",
  "Holdback share",
  "Holdback months",
] as const;

/** BT_Ledger columns: one row per plan, person and period. */
export const LEDGER_COLUMNS = [
  "Plan",
  "Person",
  "Role",
  "Period",
  "First day",
  "Last day",
  "Credited",
  "Credited YTD",
  "Quota",
  "Quota YTD",
  "Attainment",
  "Attainment YTD",
  "Target incentive",
  "Year quota",
  "Year target incentive",
  "Earned",
  "Held back",
  "Released",
  "Clawed back",
  "Payable",
  "Draw",
  "Top-up",
  "Recovered",
  "Paid",
  "Owed",
] as const;

/** A ledger column's header. */
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

/** BT_Credits columns shared by both plans: one row per deal and person credited. */
export const CREDIT_COLUMNS = [
  "Deal row",
  "Deal",
  "Person",
  "Role",
  "Stage",
  "Close date",
  "Period",
  "Amount",
  "Share",
  "Credit",
  "Owner credit",
  "Payment date",
  "Cancel date",
  "Term",
] as const;

/** The per-plan columns of BT_Credits (values the plan's rules give each credit), once per plan. */
export const CREDIT_PLAN_COLUMNS = [
  "Counts",
  "Release period",
  "Clawback period",
  "Months kept",
  "Cancelled",
  "Forfeit",
] as const;

/**
 * The per-plan line columns beside BT_Credits (not part of the table: each person's lines are
 * one spilled formula, COMP.RUNNING_PAYOUT over their credits, which a table cannot hold).
 */
export const LINE_COLUMNS = ["Earned", "Held", "Clawback"] as const;

/** A per-plan column's header, e.g. creditColumn("Earned", "proposed") = "Earned proposed". */
export const creditColumn = (c: (typeof CREDIT_PLAN_COLUMNS)[number] | (typeof LINE_COLUMNS)[number], plan: PlanKey) =>
  `${c} ${plan}`;

/** Every BT_Credits column in order. */
export const ALL_CREDIT_COLUMNS: readonly string[] = [
  ...CREDIT_COLUMNS,
  ...PLAN_KEYS.flatMap((p) => CREDIT_PLAN_COLUMNS.map((c) => creditColumn(c, p))),
];

/** The line columns in order, after one blank column beside the credits table. */
export const ALL_LINE_COLUMNS: readonly string[] = PLAN_KEYS.flatMap((p) =>
  LINE_COLUMNS.map((c) => creditColumn(c, p)),
);

/** BT_Comparison columns; the last two only with a table of actual payouts. */
export const COMPARISON_COLUMNS = [
  "Person",
  "Role",
  "Credited",
  "Attainment current",
  "Pay current",
  "Attainment proposed",
  "Pay proposed",
  "Difference",
  "Difference %",
  "Flag",
] as const;
/** The comparison's columns with actual payouts. */
export const ACTUAL_COLUMNS = ["Actual paid", "Model minus actual"] as const;

/** BT_Histogram columns: people per attainment band under each plan. */
export const HISTOGRAM_COLUMNS = ["Attainment", "From", "To", "Current", "Proposed"] as const;
/** The histogram's bands (lower bound included, upper excluded; null: open-ended, its cell blank). */
export const HISTOGRAM_BANDS: readonly {
  readonly label: string;
  readonly from: number | null;
  readonly to: number | null;
}[] = [
  { label: "Below 50%", from: null, to: 0.5 },
  { label: "50-75%", from: 0.5, to: 0.75 },
  { label: "75-100%", from: 0.75, to: 1 },
  { label: "100-125%", from: 1, to: 1.25 },
  { label: "125-150%", from: 1.25, to: 1.5 },
  { label: "150% and above", from: 1.5, to: null },
];

/** The comparison's named total cells. */
export const COMPARISON_NAMES = {
  cost: (p: PlanKey) => `BT_Cost_${p}`,
  revenue: (p: PlanKey) => `BT_Revenue_${p}`,
  costOfSales: (p: PlanKey) => `BT_CostOfSales_${p}`,
  atQuota: (p: PlanKey) => `BT_AtQuota_${p}`,
  band: (p: PlanKey) => `BT_Band_${p}`,
  change: "BT_Cost_Change",
  winners: "BT_Winners",
  losers: "BT_Losers",
  modelMinusActual: "BT_Model_Minus_Actual",
} as const;

/** The first row of the comparison's named totals: one row per total, the plans side by side (B, C). */
const NAMED_TOTALS_AT = 5;
/** The named totals per plan, in their rows' order; then those over both plans, in column B. */
export const PLAN_TOTALS = ["cost", "revenue", "costOfSales", "atQuota", "band"] as const;
const BOTH_TOTALS = ["change", "winners", "losers", "modelMinusActual"] as const;

/**
 * Where each named total of Plan Comparison is: the per-plan ones from row 5 (current in B,
 * proposed in C), then the change in cost, winners, losers and (with actual payouts) model minus
 * actual in B. The sheet's writer places them here and Explain reads them as arguments from here.
 */
export function comparisonNamedCells(): { name: string; address: string }[] {
  const out: { name: string; address: string }[] = [];
  PLAN_TOTALS.forEach((k, i) =>
    PLAN_KEYS.forEach((p, c) =>
      out.push({ name: COMPARISON_NAMES[k](p), address: `${c === 0 ? "B" : "C"}${NAMED_TOTALS_AT + i}` }),
    ),
  );
  BOTH_TOTALS.forEach((k, i) =>
    out.push({ name: COMPARISON_NAMES[k], address: `B${NAMED_TOTALS_AT + PLAN_TOTALS.length + i}` }),
  );
  return out;
}

/** The Plan Comparison cell a back-test name stands for (any case), or null for any other name. */
export function comparisonNamedCell(name: string): { sheet: string; address: string } | null {
  const found = comparisonNamedCells().find((n) => n.name.toLowerCase() === name.trim().toLowerCase());
  return found ? { sheet: BACKTEST_SHEETS.comparison, address: found.address } : null;
}

/** BT_Statements columns: blocks of lines per person and period. */
export const STATEMENT_COLUMNS = ["Person", "Period", "Line", "Item", "Date", "Credit", "Rate", "Amount"] as const;

/** What a statement line is. */
export const STATEMENT_LINES = {
  title: "Statement",
  deal: "Deal",
  tier: "Tier",
  heldBack: "Held back",
  released: "Released",
  clawedBack: "Clawed back",
  topUp: "Top-up",
  recovered: "Recovered",
  total: "Total paid",
} as const;

/** The share of people at or above quota that a healthy plan has (domain: 60-70%). */
export const HEALTH_BAND = { low: 0.6, high: 0.7 } as const;
