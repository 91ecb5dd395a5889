import { dec, Dec, toNumber } from "../money";

/**
 * The unit-economics measures of domain.md as plain exact arithmetic. Inputs are numbers already
 * checked by the caller (the COMP adapters or the model's validation): each function states the
 * domain it needs. Every result is the exact decimal answer rounded once to a double.
 */

/** Usual health mark for LTV / CAC (domain: 3 or more). */
export const HEALTHY_LTV_TO_CAC = 3;

/** Months to earn back a customer's acquisition cost: cac / (monthly revenue x gross margin). Needs revenue x margin above 0. */
export function cacPaybackDec(cac: number | Dec, monthlyRevenue: number | Dec, grossMargin: number | Dec = 1): Dec {
  return dec(cac).div(dec(monthlyRevenue).times(grossMargin));
}

/** {@link cacPaybackDec} as a double. */
export function cacPayback(cac: number, monthlyRevenue: number, grossMargin = 1): number {
  return toNumber(cacPaybackDec(cac, monthlyRevenue, grossMargin));
}

/** Customer lifetime value: monthly revenue x gross margin / monthly churn. Needs churn above 0. */
export function ltvDec(monthlyRevenue: number | Dec, monthlyChurn: number | Dec, grossMargin: number | Dec = 1): Dec {
  return dec(monthlyRevenue).times(grossMargin).div(monthlyChurn);
}

/** {@link ltvDec} as a double. */
export function ltv(monthlyRevenue: number, monthlyChurn: number, grossMargin = 1): number {
  return toNumber(ltvDec(monthlyRevenue, monthlyChurn, grossMargin));
}

/** LTV / CAC. Needs churn and cac above 0. */
export function ltvToCacDec(
  monthlyRevenue: number | Dec,
  monthlyChurn: number | Dec,
  cac: number | Dec,
  grossMargin: number | Dec = 1,
): Dec {
  return ltvDec(monthlyRevenue, monthlyChurn, grossMargin).div(cac);
}

/** {@link ltvToCacDec} as a double. */
export function ltvToCac(monthlyRevenue: number, monthlyChurn: number, cac: number, grossMargin = 1): number {
  return toNumber(ltvToCacDec(monthlyRevenue, monthlyChurn, cac, grossMargin));
}

/** Lead growth: (current - previous) / previous. Needs previous above 0. */
export function leadGrowth(current: number, previous: number): number {
  return toNumber(dec(current).minus(previous).div(previous));
}

/**
 * The count at each stage of a funnel: `entered`, then each stage's count times the next
 * conversion rate. The counts are exact products (not rounded to whole people: a plan's
 * 3.75 customers a month is an expected value).
 */
export function funnelDec(entered: number | Dec, rates: readonly (number | Dec)[]): Dec[] {
  const out: Dec[] = [dec(entered)];
  for (const r of rates) out.push(out[out.length - 1].times(r));
  return out;
}

/** {@link funnelDec} as doubles. */
export function funnel(entered: number, rates: readonly number[]): number[] {
  return funnelDec(entered, rates).map(toNumber);
}
