/**
 * What-if plans: a draft plan computed for any past or future month, written to its own sheet
 * ("KPI What-if", labelled as a what-if) and stored apart from the official record (key
 * `kpiWhatIf`). It never adds a version, never records a month as computed and never writes
 * the KPI Plan sheet, the Scorecards or the Leaderboard.
 */
import { checkPlan, computeScorecards, KpiPlan, normalizeMonth, PersonScore, ScoreLine } from "../../core/kpiPlan";
import { sameText } from "../../core/text";
import { NotOwnedError, WorkbookHost } from "../../workbook/host";
import { Progress, runStep, StepModule } from "../stepRun";
import { KpiContext, whatIfIssues, whatIfSettings } from "./kpiPane";
import { whatIfSheet } from "./kpiSheets";
import { WHAT_IF_SHEET } from "./layout";
import { PeopleSource, readScoringData, totalBonus, warningsNote } from "./runKpiStep";
import { readWhatIf, storedWhatIf, WhatIfRecord } from "./storedPlan";

/** The settings key of the what-if draft, apart from the official record's. */
export const KPI_WHAT_IF_KEY = "kpiWhatIf";

/** A what-if to compute: the draft plan, the month, who is scored, and when. */
export interface WhatIfSettings {
  readonly plan: KpiPlan;
  /** "YYYY-MM", any month. */
  readonly month: string;
  readonly people: PeopleSource;
  readonly now: Date;
}

/** What a what-if computed. */
export interface WhatIfResult {
  readonly lines: readonly ScoreLine[];
  readonly people: readonly PersonScore[];
  /** What computed to nothing in the month, and repeated rows; empty for a normal month. */
  readonly warnings: readonly string[];
  /** True when the month computed to nothing (see monthWarnings). */
  readonly emptyMonth: boolean;
  /** What is stored under {@link KPI_WHAT_IF_KEY}. */
  readonly record: WhatIfRecord;
}

/** The what-if draft stored in the workbook, or null (none, or one that cannot be read: it is only a draft). */
export async function readStoredWhatIf(host: WorkbookHost): Promise<WhatIfRecord | null> {
  const r = readWhatIf(await host.readSettings(KPI_WHAT_IF_KEY));
  return r.ok ? r.value : null;
}

/** A what-if: the draft plan's scorecards for any month on the "KPI What-if" sheet; the official record is untouched. */
export const kpiWhatIfStep: StepModule<KpiContext, WhatIfSettings, WhatIfResult> = {
  id: "kpiWhatIf",
  label: "KPI what-if",
  settingsKey: KPI_WHAT_IF_KEY,
  // The draft is read back with readStoredWhatIf; a what-if is never re-run from the workbook.
  parseSettings: () => null,
  issues: whatIfIssues,
  settingsFrom: whatIfSettings,
  run: async (host, s, { step }) => {
    const month = normalizeMonth(s.month);
    checkPlan(s.plan);
    const { people, tables } = await readScoringData(host, s.plan, s.people, step);
    await step(0.5, "Computing the what-if");
    const result = computeScorecards(s.plan, people, tables, month);
    const sheet = (await host.listSheets()).find((x) => sameText(x.name, WHAT_IF_SHEET));
    if (sheet && !sheet.owned) throw new NotOwnedError(sheet.name);
    await step(0.7, `Writing ${WHAT_IF_SHEET}`);
    await host.writeSheet(whatIfSheet({ month, plan: s.plan, now: s.now, warnings: result.warnings }, people));
    return {
      lines: result.lines,
      people: result.people,
      warnings: result.warnings,
      emptyMonth: result.emptyMonth,
      record: { plan: s.plan, month, computedAt: s.now.toISOString() },
    };
  },
  stored: (_, r) => storedWhatIf(r.record),
  summary: (s, r) => ({
    message: `What-if, not the official plan: wrote ${WHAT_IF_SHEET} for ${r.record.month} with the draft plan: ${r.people.length} people, bonuses totalling ${totalBonus(r.people).toLocaleString("en-US", { maximumFractionDigits: 2 })}. The official plan history is unchanged.${warningsNote(r.warnings, r.emptyMonth)}`,
    details: [],
  }),
  sheetOf: () => WHAT_IF_SHEET,
};

/** Computes a what-if and writes the "KPI What-if" sheet. Nothing is written when anything is wrong. */
export function runWhatIf(
  host: WorkbookHost,
  s: WhatIfSettings,
  progress: Progress = () => {},
  signal?: AbortSignal,
): Promise<WhatIfResult> {
  return runStep(kpiWhatIfStep, host, s, progress, signal);
}
