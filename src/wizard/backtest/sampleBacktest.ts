import { BacktestPlan, BacktestRolePlan, BacktestSettings } from "./backtestSettings";

const WON = ["Won", "Closed Won"];

const role = (r: string, targetIncentive: number, over: Partial<BacktestRolePlan> = {}): BacktestRolePlan => ({
  role: r,
  targetIncentive,
  curve: {
    tiers: [
      { lower: 0, rate: 1 },
      { lower: 1, rate: 1.5 },
      { lower: 1.25, rate: 2 },
    ],
    mode: "MARGINAL",
    threshold: null,
    cap: null,
  },
  curveOn: "ATTAINMENT",
  attainment: "RUNNING",
  stages: WON,
  splits: "EXACT",
  proration: "DAYS",
  draw: null,
  clawback: { method: "PRORATED", windowMonths: 6, termMonths: 12 },
  payTiming: null,
  ...over,
});

const SDR: BacktestRolePlan = role("SDR", 1, {
  curveOn: "AMOUNT",
  curve: { tiers: [{ lower: 0, rate: 0.02 }], mode: "MARGINAL", threshold: null, cap: null },
  splits: "ANY",
  clawback: null,
});

/** The sample workbook's current plan: running attainment, accelerators, prorated clawbacks. */
export const SAMPLE_CURRENT: BacktestPlan = { name: "Current", roles: [role("AE", 60000), role("CSR/AM", 35000), SDR] };

/**
 * The sample's proposed plan: a 50% threshold and steeper accelerators for AEs, a quarter of
 * commission held back for three months, full clawback inside six months; SDRs paid when the
 * customer pays, on a richer rate above 150,000 of sourced revenue.
 */
export const SAMPLE_PROPOSED: BacktestPlan = {
  name: "Proposed",
  roles: [
    role("AE", 60000, {
      curve: {
        tiers: [
          { lower: 0, rate: 0.9 },
          { lower: 1, rate: 1.8 },
        ],
        mode: "MARGINAL",
        threshold: 0.5,
        cap: 2.5,
      },
      payTiming: { kind: "HOLDBACK", share: 0.25, months: 3 },
      clawback: { method: "FULL", windowMonths: 6, termMonths: 12 },
    }),
    role("CSR/AM", 35000),
    {
      ...SDR,
      curve: {
        tiers: [
          { lower: 0, rate: 0.02 },
          { lower: 150000, rate: 0.03 },
        ],
        mode: "MARGINAL",
        threshold: null,
        cap: null,
      },
      payTiming: { kind: "PAYMENT" },
    },
  ],
};

/** Back-test settings for the sample workbook: its Deals and Reps tables, 2026 by month, quotas per role. */
export function sampleBacktestSettings(over: Partial<BacktestSettings> = {}): BacktestSettings {
  return {
    deals: {
      table: "Deals",
      deal: "Deal ID",
      owner: "Owner",
      amount: "Amount",
      closeDate: "Closed",
      stage: "Stage",
      paymentDate: "Payment Date",
      cancelDate: "Cancel Date",
      term: null,
      credits: { kind: "columns", columns: [{ person: "SDR", share: "SDR Share" }] },
    },
    people: { table: "Reps", id: "Rep ID", role: "Role", start: "Start Date", end: null, quota: null, draw: null },
    year: 2026,
    periods: "months",
    quotas: { kind: "role", annual: { AE: 1_100_000, "CSR/AM": 900_000 } },
    current: SAMPLE_CURRENT,
    proposed: SAMPLE_PROPOSED,
    actual: null,
    outsideYear: "skip",
    statementsFor: "proposed",
    ...over,
  };
}
