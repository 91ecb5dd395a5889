import {
  addVersion,
  checkPlan,
  checkPlanColumns,
  clockProblem,
  ComputedMonth,
  computedThrough,
  computeScorecards,
  DataTable,
  futureMonthProblem,
  KpiPlan,
  Person,
  PersonScore,
  PlanVersion,
  recordComputed,
  ScoreLine,
  versionFor,
} from "../../core/kpiPlan";
import { sumExact, toNumber } from "../../core/money";
import { headerIndex, sameText, textKey } from "../../core/text";
import { NotOwnedError, WorkbookHost } from "../../workbook/host";
import { Progress, runStep, StepContext, StepError, StepModule } from "../stepRun";
import { KpiContext, planIssues, planSettings, scorecardIssues, scorecardSettings } from "./kpiPane";
import { kpiPlanSheet, leaderboardSheet, scorecardsSheet } from "./kpiSheets";
import { KPI_SHEETS } from "./layout";
import { KpiPlanRecord, readKpiPlanRecord, storedRecord } from "./storedPlan";

/** The settings key of the official KPI record: the plan's versions and the months computed with it. */
export const KPI_PLAN_KEY = "kpiPlan";

/** The settings key of the last scorecard run, which the drill-down reads. */
export const KPI_RUN_KEY = "kpiRun";

/** Who is scored: a table of people with their role. */
export interface PeopleSource {
  readonly table: string;
  readonly id: string;
  readonly role: string;
}

/** What the scorecards are computed for. */
export interface KpiStepSettings {
  readonly people: PeopleSource;
  /** "YYYY-MM". */
  readonly month: string;
  /** Show bonus amounts on the leaderboard, or ranks and attainment only. */
  readonly showAmounts: boolean;
  /** The time of the run (default: the machine's clock), checked against what is recorded; never stored. */
  readonly now?: Date;
}

/** What is stored after a scorecard run: its settings and the plan version used. */
export interface KpiRunRecord extends KpiStepSettings {
  readonly version: number;
}

/** A change of the plan to save: the plan, when it is made, and the month it takes effect (default: the next). */
export interface KpiPlanChange {
  readonly plan: KpiPlan;
  readonly now: Date;
  readonly effective?: string;
}

/** A stored scorecard run, if it looks like one. */
export function parseKpiRun(v: unknown): KpiRunRecord | null {
  const s = v as Partial<KpiRunRecord> | null;
  return !!s && typeof s === "object" && !!s.people && typeof s.month === "string" && typeof s.version === "number"
    ? (s as KpiRunRecord)
    : null;
}

/**
 * The official KPI record stored in the workbook (nothing yet: no versions, no month computed).
 * @throws StepError when it is stored but cannot be read: it is then left as it is, and no save
 *   or run writes over it.
 */
export async function readKpiRecord(host: WorkbookHost): Promise<KpiPlanRecord> {
  const r = readKpiPlanRecord(await host.readSettings(KPI_PLAN_KEY));
  if (!r.ok)
    throw new StepError(
      `The KPI plan stored in this workbook cannot be read (${r.problem}). It is left as it is and nothing is saved over it: open a copy of the workbook saved before the change, or restore the settings part.`,
    );
  return r.value;
}

/** The plan's versions stored in the workbook (none yet: empty); see {@link readKpiRecord}. */
export async function readPlanHistory(host: WorkbookHost): Promise<PlanVersion[]> {
  return [...(await readKpiRecord(host)).versions];
}

/** Throws StepError when the clock disagrees with what is recorded (see clockProblem). */
function refuseSkewedClock(now: Date, record: KpiPlanRecord): void {
  const skew = clockProblem(now, record.versions, record.computed);
  if (skew) throw new StepError(skew);
}

/** Throws NotOwnedError, before anything is written, if any of the sheets exists and is the user's. */
async function refuseForeignSheets(host: WorkbookHost, names: readonly string[]): Promise<void> {
  const sheets = await host.listSheets();
  for (const n of names) {
    const s = sheets.find((x) => sameText(x.name, n));
    if (s && !s.owned) throw new NotOwnedError(s.name);
  }
}

/** The newest version of a history (the highest number), or null for none. */
export function latestVersion(history: readonly PlanVersion[]): PlanVersion | null {
  return history.reduce<PlanVersion | null>((a, v) => (!a || v.version > a.version ? v : a), null);
}

/**
 * Saving a plan change: a new version (refused as addVersion says, never in or before a month
 * recorded as computed, nor on a skewed clock) and the rewritten "KPI Plan" sheet.
 */
export const kpiPlanStep: StepModule<KpiContext, KpiPlanChange, KpiPlanRecord> = {
  id: "kpiPlan",
  label: "KPI plan",
  settingsKey: KPI_PLAN_KEY,
  // A change is not run again from the workbook: what it stores is the history (readPlanHistory).
  parseSettings: () => null,
  issues: planIssues,
  settingsFrom: planSettings,
  run: async (host, change, { step }) => {
    const record = await readKpiRecord(host);
    refuseSkewedClock(change.now, record);
    checkPlan(change.plan);
    // Against the data too: a plan naming a column its table lacks could never compute.
    checkPlanColumns(change.plan, await readKpiTables(host, change.plan, step));
    const versions = addVersion(record.versions, change.plan, change.now, change.effective, {
      computedThrough: computedThrough(record.computed),
    });
    await refuseForeignSheets(host, [KPI_SHEETS.plan]);
    await host.writeSheet(kpiPlanSheet(versions, record.computed));
    return { versions, computed: record.computed };
  },
  stored: (_, next) => storedRecord(next),
  summary: (_, next) => {
    const v = latestVersion(next.versions);
    return {
      message: v
        ? `Saved plan version ${v.version}, in force from ${v.effective}. Months before it keep the version they had.`
        : "Saved.",
      details: [],
    };
  },
};

/**
 * Saves a change of KPI settings as a new version (see addVersion: at most one a month, from
 * the month after the change at the earliest) and rewrites the "KPI Plan" sheet.
 * @throws StepError when refused or the plan is invalid; nothing is written then.
 */
export async function saveKpiPlan(
  host: WorkbookHost,
  plan: KpiPlan,
  now: Date,
  effective?: string,
): Promise<PlanVersion[]> {
  return [...(await runStep(kpiPlanStep, host, { plan, now, effective })).versions];
}

/** What the KPI step computed. */
export interface KpiStepResult {
  readonly version: PlanVersion;
  readonly lines: readonly ScoreLine[];
  readonly people: readonly PersonScore[];
  /** The data tables read, by name as {@link textKey} keys it, for the drill-down. */
  readonly tables: ReadonlyMap<string, DataTable>;
  /** What computed to nothing in the month, and repeated rows (shown in the pane and on the sheets); empty for a normal month. */
  readonly warnings: readonly string[];
  /** True when the month computed to nothing (see monthWarnings). */
  readonly emptyMonth: boolean;
  /** The months recorded as computed with the official plan, this one included. */
  readonly computed: readonly ComputedMonth[];
}

/** The people to score and the data tables a plan reads, each read once. */
export async function readScoringData(
  host: WorkbookHost,
  plan: KpiPlan,
  source: PeopleSource,
  step: StepContext["step"],
): Promise<{ people: Person[]; tables: Map<string, DataTable> }> {
  await step(0.15, `Reading ${source.table}`);
  const peopleTable = await host.readTable(source.table);
  const idCol = headerIndex(peopleTable.headers, source.id);
  const roleCol = headerIndex(peopleTable.headers, source.role);
  if (idCol < 0 || roleCol < 0)
    throw new StepError(`Table ${source.table} needs the columns "${source.id}" and "${source.role}".`);
  const people = peopleTable.rows
    .filter((r) => String(r[idCol] ?? "").trim())
    .map((r) => ({ id: String(r[idCol]).trim(), role: String(r[roleCol] ?? "").trim() }));
  return { people, tables: await readKpiTables(host, plan, step) };
}

/** The data tables a plan's KPIs are measured on, each read once, keyed as {@link textKey} keys names. */
export async function readKpiTables(
  host: WorkbookHost,
  plan: KpiPlan,
  step: StepContext["step"],
): Promise<Map<string, DataTable>> {
  const tables = new Map<string, DataTable>();
  for (const kpi of plan.roles.flatMap((r) => r.kpis)) {
    const name = kpi.measure.table;
    if (tables.has(textKey(name))) continue;
    await step(0.3, `Reading ${name}`);
    try {
      tables.set(textKey(name), await host.readTable(name));
    } catch {
      throw new StepError(`KPI "${kpi.name}": there is no table named "${name}". Choose the table it is measured on.`);
    }
  }
  return tables;
}

/**
 * The scorecards' run: the plan version in force for the month, the people, their data, the
 * three sheets; then the month is recorded as computed in the official record, so no later
 * version can take effect in or before it. Refused on a skewed clock and for a month that has
 * not started (a what-if can try those).
 */
async function scoreAndWrite(host: WorkbookHost, s: KpiStepSettings, { step }: StepContext): Promise<KpiStepResult> {
  const now = s.now ?? new Date();
  await step(0.05, "Reading the KPI plan");
  const record = await readKpiRecord(host);
  const history = record.versions;
  refuseSkewedClock(now, record);
  const version = versionFor(history, s.month);
  if (!version) {
    const first = history[0]?.effective;
    throw new StepError(
      first
        ? `No KPI plan is in force in ${s.month}: the first version takes effect in ${first}.`
        : "There is no KPI plan yet: save one first.",
    );
  }
  const ahead = futureMonthProblem(s.month, now);
  if (ahead) throw new StepError(ahead);
  const { people, tables } = await readScoringData(host, version.plan, s.people, step);
  await step(0.5, "Computing scorecards");
  const result = computeScorecards(version.plan, people, tables, s.month);
  const computed = recordComputed(record.computed, s.month, version.version, now);
  await refuseForeignSheets(host, Object.values(KPI_SHEETS));
  await step(0.7, "Writing Scorecards, Leaderboard and KPI Plan");
  // One write for the three: the Leaderboard's formulas read the Scorecards' tables.
  await host.writeSheets([
    scorecardsSheet({ month: s.month, version, warnings: result.warnings }, people),
    leaderboardSheet(s.month, result.people, s.showAmounts, result.warnings),
    kpiPlanSheet(history, computed),
  ]);
  // Recorded once the sheets are written: a failed write records nothing.
  await host.writeSettings(KPI_PLAN_KEY, storedRecord({ versions: history, computed }));
  return {
    version,
    lines: result.lines,
    people: result.people,
    tables,
    warnings: result.warnings,
    emptyMonth: result.emptyMonth,
    computed,
  };
}

/** " Check the N warning(s) shown..." after a summary, when there are any, saying when the month computed to nothing. */
export function warningsNote(warnings: readonly string[], emptyMonth: boolean): string {
  if (warnings.length === 0) return "";
  const shown = `Check the ${warnings.length === 1 ? "warning" : `${warnings.length} warnings`} shown`;
  return emptyMonth ? ` ${shown}: this month computed to nothing.` : ` ${shown} before you publish.`;
}

/** The sum of everyone's bonus, exact. */
export function totalBonus(people: readonly PersonScore[]): number {
  return toNumber(sumExact(people.map((p) => p.bonus)));
}

/** A month's scorecards and leaderboard, computed with the plan version in force for that month. */
export const kpiScorecardStep: StepModule<KpiContext, KpiStepSettings, KpiStepResult> = {
  id: "kpiScorecards",
  label: "Scorecards and leaderboard",
  settingsKey: KPI_RUN_KEY,
  parseSettings: parseKpiRun,
  issues: scorecardIssues,
  settingsFrom: scorecardSettings,
  run: scoreAndWrite,
  // The run's time is not a setting: it is checked, then recorded with the month computed.
  stored: ({ now, ...s }, r): KpiRunRecord => ({ ...s, version: r.version.version }),
  summary: (s, r) => ({
    message: `Wrote Scorecards and Leaderboard for ${s.month} with plan version ${r.version.version}: ${r.people.length} people, bonuses totalling ${totalBonus(r.people).toLocaleString("en-US", { maximumFractionDigits: 2 })}.${warningsNote(r.warnings, r.emptyMonth)}`,
    details: [],
  }),
  sheetOf: () => KPI_SHEETS.scorecards,
};

/**
 * Computes a month's scorecards with the plan version in force for that month and writes
 * "Scorecards", "Leaderboard" and "KPI Plan". Nothing is written when anything is wrong.
 */
export function runKpiStep(
  host: WorkbookHost,
  s: KpiStepSettings,
  progress: Progress = () => {},
  signal?: AbortSignal,
): Promise<KpiStepResult> {
  return runStep(kpiScorecardStep, host, s, progress, signal);
}
