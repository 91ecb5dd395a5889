import { KpiPlan, KpiPlanError, PlanVersion } from "./types";

/** "YYYY-MM" of a date (UTC). */
export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The month after "YYYY-MM". */
export function nextMonth(month: string): string {
  const [y, m] = parseMonth(month);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** The month before "YYYY-MM". */
export function previousMonth(month: string): string {
  const [y, m] = parseMonth(month);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** [year, month] of "YYYY-MM", or null for anything else. */
function monthParts(month: string): [number, number] | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month.trim());
  return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? [Number(m[1]), Number(m[2])] : null;
}

/** What is wrong with a month typed as "YYYY-MM", in words; null when it is one. */
export function monthProblem(month: string): string | null {
  return monthParts(month) ? null : `"${month}" is not a month; write it as YYYY-MM, e.g. 2026-12.`;
}

/** [year, month] of "YYYY-MM"; throws on anything else. */
export function parseMonth(month: string): [number, number] {
  const parts = monthParts(month);
  if (!parts) throw new KpiPlanError(`"${month}" is not a month; write it as YYYY-MM, e.g. 2026-12.`);
  return parts;
}

const day = (iso: string) => iso.slice(0, 10);

/**
 * Adds a version of the KPI settings. A change takes effect on the first day of a month: by
 * default the month after the change is made, never an earlier one (the past is never
 * rewritten). The first version may start in any month, since there is no earlier plan to
 * rewrite. A second change for a month that already has one is refused, saying when the last
 * change was made and from which month the next can take effect.
 *
 * @returns the history with the new version, sorted by month; the input is not changed.
 * @throws KpiPlanError when refused.
 */
export function addVersion(history: readonly PlanVersion[], plan: KpiPlan, now: Date, effective?: string): PlanVersion[] {
  const earliest = nextMonth(monthOf(now));
  const month = effective ?? earliest;
  parseMonth(month);
  if (history.length > 0 && month < earliest) {
    throw new KpiPlanError(`A change made on ${day(now.toISOString())} can take effect from ${earliest} at the earliest; months before it keep the settings they were computed with.`);
  }
  const clash = history.find((v) => v.effective === month);
  if (clash) {
    let free = nextMonth(month);
    while (history.some((v) => v.effective === free)) free = nextMonth(free);
    throw new KpiPlanError(`KPI settings change at most once a month, and ${month} already has a change, made on ${day(clash.changedAt)}. The next change can take effect from ${free}.`);
  }
  const version = Math.max(0, ...history.map((v) => v.version)) + 1;
  return [...history, { version, effective: month, changedAt: now.toISOString(), plan }].sort((a, b) => (a.effective < b.effective ? -1 : 1));
}

/** The version in force in a month: the latest one effective in or before it; null before the first. */
export function versionFor(history: readonly PlanVersion[], month: string): PlanVersion | null {
  parseMonth(month);
  let found: PlanVersion | null = null;
  for (const v of history) if (v.effective <= month && (!found || v.effective > found.effective)) found = v;
  return found;
}
