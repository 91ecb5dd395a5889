/**
 * What the workbook records about the months computed with the official KPI plan, and the
 * checks that rest on it rather than on the machine's clock: a version never takes effect in or
 * before a computed month (see addVersion's `computedThrough`), and a clock that reads earlier
 * than anything recorded is refused as skewed.
 */
import { PlanVersion } from "./types";
import { monthOf, normalizeMonth } from "./versions";

/** One month computed with the official plan: which version, and when it was (last) computed. */
export interface ComputedMonth {
  /** "YYYY-MM". */
  readonly month: string;
  /** The plan version in force for the month. */
  readonly version: number;
  /** When it was computed (ISO date-time). */
  readonly computedAt: string;
}

/**
 * The record with a month computed now: its entry replaced (the latest computation), months
 * in order. The input is not changed.
 */
export function recordComputed(
  computed: readonly ComputedMonth[],
  month: string,
  version: number,
  now: Date,
): ComputedMonth[] {
  const m = normalizeMonth(month);
  return [...computed.filter((c) => c.month !== m), { month: m, version, computedAt: now.toISOString() }].sort(
    (a, b) => (a.month < b.month ? -1 : 1),
  );
}

/** The latest month computed, or null when none has been. */
export function computedThrough(computed: readonly ComputedMonth[]): string | null {
  return computed.reduce<string | null>((m, c) => (m === null || c.month > m ? c.month : m), null);
}

const day = (iso: string) => iso.slice(0, 10);

/**
 * Why the machine's clock cannot be trusted against what is recorded, in words; null when it
 * can. Skewed: the clock reads a month before the latest computed month, or a time before the
 * latest recorded computation or plan change. The message says what to do.
 */
export function clockProblem(
  now: Date,
  history: readonly PlanVersion[],
  computed: readonly ComputedMonth[],
): string | null {
  const today = day(now.toISOString());
  const fix = "Check the computer's date and time settings, then try again.";
  const through = computedThrough(computed);
  if (through !== null && monthOf(now) < through) {
    return `This computer's clock reads ${today}, but scorecards for ${through} are recorded as computed already. ${fix}`;
  }
  const latest = [...history.map((v) => v.changedAt), ...computed.map((c) => c.computedAt)].reduce<string | null>(
    (m, t) => (m === null || t > m ? t : m),
    null,
  );
  if (latest !== null && now.toISOString() < latest) {
    return `This computer's clock reads ${today}, earlier than the last recorded change or computation of the KPI plan (${day(latest)}). ${fix}`;
  }
  return null;
}

/**
 * Why a month cannot be computed with the official plan yet, in words; null when it can. Only
 * months that have started are computed with the official plan (a month computed ahead would
 * lock the plan for it); any month can be tried with a what-if plan.
 */
export function futureMonthProblem(month: string, now: Date): string | null {
  const m = normalizeMonth(month);
  return m > monthOf(now)
    ? `${m} has not started yet (today is ${day(now.toISOString())}), so it cannot be computed with the official plan. To try a month ahead, compute a what-if instead.`
    : null;
}
