import { dateSerial } from "../../../src/core/dates";
import { LedgerPlan } from "../../../src/core/ledger";
import { Period } from "../../../src/core/payoutRules";
import { PayoutCurve } from "../../../src/core/tiers";

/** The months of 2026. */
export const MONTHS: Period[] = Array.from({ length: 12 }, (_, i) => ({
  first: dateSerial(2026, i + 1, 1),
  last: dateSerial(2026, i + 2, 0),
}));
/** The quarters of 2026. */
export const QUARTERS: Period[] = Array.from({ length: 4 }, (_, i) => ({
  first: dateSerial(2026, 3 * i + 1, 1),
  last: dateSerial(2026, 3 * i + 4, 0),
}));

export const MONEY_TIERS = [
  { lower: 0, rate: 0.03 },
  { lower: 300000, rate: 0.05 },
  { lower: 500000, rate: 0.07 },
];
export const ACCEL_TIERS = [
  { lower: 0, rate: 1 },
  { lower: 1, rate: 1.5 },
  { lower: 1.25, rate: 2 },
];
export const curve = (
  tiers: { lower: number; rate: number }[],
  mode: "MARGINAL" | "RETRO" = "MARGINAL",
): PayoutCurve => ({ tiers, mode, threshold: null, cap: null });

/** A plan with the defaults the tests override. */
export function plan(over: Partial<LedgerPlan> = {}): LedgerPlan {
  return {
    role: "AE",
    measure: "AMOUNT",
    quota: { annual: 1200000 },
    targetIncentive: 1,
    curve: curve([{ lower: 0, rate: 0.1 }]),
    curveOn: "AMOUNT",
    attainment: "RUNNING",
    proration: "DAYS",
    splits: "EXACT",
    ...over,
  };
}
