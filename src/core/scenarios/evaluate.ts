import { dec, Dec, Money, toNumber } from "../money";
import { compileCurve, payout } from "../tiers";
import { AttainmentDistribution, ScenarioInput, ScenarioInputError, ScenarioResult } from "./types";
import { textKey } from "../text";

/** The attainments the comparison reads payouts at. */
export const PAYOUT_POINTS: readonly number[] = [0.5, 0.75, 1, 1.25, 1.5];

/** Usual base shares by role (domain: SDR about 70/30, AE 50/50 to 60/40, CSR/AM 65/35 to 70/30). */
export const MIX_BANDS: Readonly<Record<string, readonly [number, number]>> = {
  sdr: [0.65, 0.75],
  ae: [0.5, 0.6],
  "csr/am": [0.65, 0.7],
};
/** For other roles: 50/50 is the aggressive end, 80/20 the conservative end. */
export const DEFAULT_MIX_BAND: readonly [number, number] = [0.5, 0.8];
/** The usual range of compensation cost of sales. */
export const COST_OF_SALES_BAND: readonly [number, number] = [0.03, 0.09];

/** The usual base-share band for a role (case-insensitive; "CSR", "AM" and "CSR/AM" alike). */
export function mixBand(role: string): readonly [number, number] {
  const k = textKey(role);
  if (k === "csr" || k === "am") return MIX_BANDS["csr/am"];
  return MIX_BANDS[k] ?? DEFAULT_MIX_BAND;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A band as whole percentages, "3-9%", as the sheets and messages show it. */
export function bandText([lo, hi]: readonly [number, number]): string {
  return `${Math.round(lo * 100)}-${Math.round(hi * 100)}%`;
}

/**
 * A scenario's costs and pay: base = OTE x base share, target incentive = OTE - base; variable
 * cost = headcount x the mean payout over the distribution's points; expected revenue =
 * headcount x quota x mean attainment; cost of sales = total cost / expected revenue. Sums are
 * exact decimals, returned as the nearest doubles.
 *
 * @throws ScenarioInputError naming the scenario's role and what to fix.
 */
export function evaluateScenario(s: ScenarioInput, dist: AttainmentDistribution): ScenarioResult {
  check(s, dist);
  const curve = compileCurve(s.curve.curve);
  if ("code" in curve) throw new ScenarioInputError(`Curve "${s.curve.name}": ${curve.message}`);
  const ote = dec(s.ote);
  const base = ote.times(s.baseShare);
  const ti = toNumber(ote.minus(base));
  const pay = (a: number) => payout(a, ti, curve);
  const meanPayout = mean(dist.points.map(pay));
  const meanAttainment = mean(dist.points);
  const baseCost = base.times(s.headcount);
  const variableCost = meanPayout.times(s.headcount);
  const totalCost = baseCost.plus(variableCost);
  const revenue = meanAttainment.times(s.quota).times(s.headcount);
  const costOfSales = revenue.isZero() ? Infinity : toNumber(totalCost.div(revenue));
  const warnings: string[] = [];
  const [lo, hi] = mixBand(s.role);
  if (s.baseShare < lo || s.baseShare > hi)
    warnings.push(`Mix ${mixLabel(s.baseShare)} is outside the usual ${pct(lo)}-${pct(hi)} base for ${s.role}.`);
  if (!(costOfSales >= COST_OF_SALES_BAND[0] && costOfSales <= COST_OF_SALES_BAND[1]))
    warnings.push(`Cost of sales ${(costOfSales * 100).toFixed(1)}% is outside ${bandText(COST_OF_SALES_BAND)}.`);
  const b = toNumber(base);
  return {
    base: b,
    targetIncentive: ti,
    commissionRate: ti / s.quota,
    baseCost: toNumber(baseCost),
    variableCost: toNumber(variableCost),
    totalCost: toNumber(totalCost),
    expectedRevenue: toNumber(revenue),
    costOfSales,
    payoutAt: PAYOUT_POINTS.map(pay),
    earnings: [
      toNumber(dec(b).plus(pay(dist.p10))),
      toNumber(dec(b).plus(pay(dist.p50))),
      toNumber(dec(b).plus(pay(dist.p90))),
    ],
    leverage: ti === 0 ? 0 : pay(dist.excellence) / ti,
    warnings,
  };
}

/** "60/40" for a base share of 0.6. */
export function mixLabel(baseShare: number): string {
  const b = Math.round(baseShare * 100);
  return `${b}/${100 - b}`;
}

function mean(xs: readonly number[]): Dec {
  return xs.reduce<Dec>((s, x) => s.plus(x), new Money(0)).div(xs.length);
}

function check(s: ScenarioInput, dist: AttainmentDistribution): void {
  const who = `${s.role || "(unnamed role)"}`;
  if (!s.role.trim()) throw new ScenarioInputError("A scenario has no role; name the role.");
  if (!Number.isInteger(s.headcount) || s.headcount < 0)
    throw new ScenarioInputError(`${who}: headcount is ${s.headcount}; use a whole number of 0 or more.`);
  if (!(Number.isFinite(s.ote) && s.ote > 0))
    throw new ScenarioInputError(`${who}: OTE is ${s.ote}; enter an amount above 0.`);
  if (!(Number.isFinite(s.quota) && s.quota > 0))
    throw new ScenarioInputError(`${who}: quota is ${s.quota}; enter an amount above 0.`);
  if (!(s.baseShare >= 0 && s.baseShare <= 1))
    throw new ScenarioInputError(`${who}: base share is ${s.baseShare}; use 0% to 100% (60% is a 60/40 mix).`);
  if (dist.points.length === 0)
    throw new ScenarioInputError("The attainment distribution is empty; run the Quotas step or enter a spread.");
}
