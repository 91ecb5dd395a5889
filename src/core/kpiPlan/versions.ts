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

/** [year, month] of exactly "YYYY-MM" (no spaces, month 01-12), or null for anything else. */
function monthParts(month: string): [number, number] | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? [Number(m[1]), Number(m[2])] : null;
}

/** What is wrong with a month typed as "YYYY-MM" (surrounding spaces allowed), in words; null when it is one. */
export function monthProblem(month: string): string | null {
  return monthParts(month.trim()) ? null : `"${month}" is not a month; write it as YYYY-MM, e.g. 2026-12.`;
}

/** [year, month] of "YYYY-MM", strictly (no spaces, two-digit month 01-12); throws on anything else. */
export function parseMonth(month: string): [number, number] {
  const parts = monthParts(month);
  if (!parts) throw new KpiPlanError(`"${month}" is not a month; write it as YYYY-MM, e.g. 2026-12.`);
  return parts;
}

/**
 * A month as typed by a person: surrounding spaces are dropped, then the text must be exactly
 * "YYYY-MM". The result is the canonical text every comparison uses, so " 2030-01" or
 * "2026-12 " can never sort or match differently from the month they name.
 */
export function normalizeMonth(text: string): string {
  const month = text.trim();
  parseMonth(month);
  return month;
}

const day = (iso: string) => iso.slice(0, 10);

/** What the workbook records beside the history, which no clock can move. */
export interface VersionRecord {
  /** The latest month whose scorecards were computed or published with the official plan; null for none. */
  readonly computedThrough?: string | null;
}

/**
 * Adds a version of the KPI settings. A change takes effect on the first day of a month: by
 * default the month after the change is made, never an earlier one (the past is never
 * rewritten). The first version may start in any month, since there is no earlier plan to
 * rewrite. A second change for a month that already has one is refused, saying when the last
 * change was made and from which month the next can take effect.
 *
 * "Never rewrite the past" also rests on what is recorded, not only on the clock: no version
 * may take effect in or before a month already computed (`record.computedThrough`), and a clock
 * that reads earlier than the last recorded change is refused as skewed.
 *
 * @returns the history with the new version, sorted by month; the input is not changed.
 * @throws KpiPlanError when refused.
 */
export function addVersion(
  history: readonly PlanVersion[],
  plan: KpiPlan,
  now: Date,
  effective?: string,
  record: VersionRecord = {},
): PlanVersion[] {
  const lastChange = history.reduce<string | null>((m, v) => (m === null || v.changedAt > m ? v.changedAt : m), null);
  if (lastChange !== null && now.toISOString() < lastChange) {
    throw new KpiPlanError(
      `This computer's clock reads ${day(now.toISOString())}, earlier than the last recorded change of the KPI settings (${day(lastChange)}). Check the date and time settings, then save again.`,
    );
  }
  const earliest = nextMonth(monthOf(now));
  const month = effective === undefined ? earliest : normalizeMonth(effective);
  if (history.length > 0 && month < earliest) {
    throw new KpiPlanError(
      `A change made on ${day(now.toISOString())} can take effect from ${earliest} at the earliest; months before it keep the settings they were computed with.`,
    );
  }
  const computed = record.computedThrough ? normalizeMonth(record.computedThrough) : null;
  if (computed !== null && month <= computed) {
    throw new KpiPlanError(
      `Scorecards for ${computed} were already computed with the settings in force then, so a change can take effect from ${nextMonth(computed)} at the earliest. To try other settings on past months, use a what-if plan.`,
    );
  }
  const clash = history.find((v) => v.effective === month);
  if (clash) {
    let free = nextMonth(month);
    while (history.some((v) => v.effective === free)) free = nextMonth(free);
    throw new KpiPlanError(
      `KPI settings change at most once a month, and ${month} already has a change, made on ${day(clash.changedAt)}. The next change can take effect from ${free}.`,
    );
  }
  const version = Math.max(0, ...history.map((v) => v.version)) + 1;
  return [...history, { version, effective: month, changedAt: now.toISOString(), plan }].sort((a, b) =>
    a.effective < b.effective ? -1 : 1,
  );
}

/** The version in force in a month: the latest one effective in or before it; null before the first. */
export function versionFor(history: readonly PlanVersion[], text: string): PlanVersion | null {
  const month = normalizeMonth(text);
  let found: PlanVersion | null = null;
  for (const v of history) if (v.effective <= month && (!found || v.effective > found.effective)) found = v;
  return found;
}
