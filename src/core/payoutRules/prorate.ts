import { monthsOverlapping } from "../dates";
import { dec, Dec } from "../money";

/** A plan period: its first and last day, as Excel date serials (both included). */
export interface Period {
  /** First day. */
  readonly first: number;
  /** Last day. */
  readonly last: number;
}

/** How time in the plan is counted: calendar days, or whole calendar months. */
export type ProrationBasis = "DAYS" | "MONTHS";

/** The proration bases, default first. */
export const PRORATION_BASES: readonly ProrationBasis[] = ["DAYS", "MONTHS"];

/** What is wrong with a list of periods, and in which 1-based row; null when they are fine. */
export type PeriodProblem = { row: number; problem: "lastBeforeFirst" | "notConsecutive" | "noWholeMonth" } | null;

/**
 * Checks periods: each ends on or after it starts and the next starts the day after; with the
 * MONTHS basis each period must hold at least one whole calendar month.
 */
export function checkPeriods(periods: readonly Period[], basis: ProrationBasis): PeriodProblem {
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i];
    if (p.last < p.first) return { row: i + 1, problem: "lastBeforeFirst" };
    if (i > 0 && p.first !== periods[i - 1].last + 1) return { row: i + 1, problem: "notConsecutive" };
    if (basis === "MONTHS" && wholeMonths(p.first, p.last, p.first, p.last) === 0)
      return { row: i + 1, problem: "noWholeMonth" };
  }
  return null;
}

/** Calendar months that lie wholly inside both [first, last] and [from, to]. */
function wholeMonths(first: number, last: number, from: number, to: number): number {
  const lo = Math.max(first, from);
  const hi = Math.min(last, to);
  if (hi < lo) return 0;
  return monthsOverlapping(lo, hi).filter((m) => m.first >= lo && m.last <= hi).length;
}

/**
 * The share of a period a person is in the plan, from `start` to `end` (both included; null: no
 * end). DAYS: days in the plan / days in the period. MONTHS: whole calendar months in the plan /
 * whole months in the period (a month counts when the person is in the plan on every day of it).
 */
export function activeShare(period: Period, start: number, end: number | null, basis: ProrationBasis): Dec {
  const { inPlan, inPeriod } = activeUnits(period, start, end, basis);
  return dec(inPlan).div(inPeriod);
}

/** The two counts behind {@link activeShare}: units (days or months) in the plan and in the period. */
export function activeUnits(
  period: Period,
  start: number,
  end: number | null,
  basis: ProrationBasis,
): { inPlan: number; inPeriod: number } {
  const to = end ?? period.last;
  if (basis === "DAYS") {
    const days = Math.min(period.last, to) - Math.max(period.first, start) + 1;
    return { inPlan: Math.max(0, days), inPeriod: period.last - period.first + 1 };
  }
  return {
    inPlan: wholeMonths(period.first, period.last, start, to),
    inPeriod: wholeMonths(period.first, period.last, period.first, period.last),
  };
}

/**
 * PRORATE: per period, amount x weight x active share. Weights default to equal shares; the
 * periods are assumed checked ({@link checkPeriods}) and the weights to add up to 1.
 */
export function prorate(
  amount: number | Dec,
  periods: readonly Period[],
  start: number,
  end: number | null,
  weights: readonly number[] | null,
  basis: ProrationBasis,
): Dec[] {
  const a = dec(amount);
  return periods.map((p, i) => {
    const { inPlan, inPeriod } = activeUnits(p, start, end, basis);
    // One division at the end, so the result is the exact fraction rounded once.
    const numerator = (weights === null ? a : a.times(weights[i])).times(inPlan);
    const denominator = (weights === null ? periods.length : 1) * inPeriod;
    return numerator.div(denominator);
  });
}
