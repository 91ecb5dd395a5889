import {
  addVersion,
  checkPlan,
  computeScorecards,
  DataTable,
  KpiPlan,
  PersonScore,
  PlanVersion,
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
import { parsePlanHistory } from "./storedPlan";

/** The settings key of the KPI plan's versions. */
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

/** The plan's versions stored in the workbook (none yet: empty). */
export async function readPlanHistory(host: WorkbookHost): Promise<PlanVersion[]> {
  return parsePlanHistory(await host.readSettings(KPI_PLAN_KEY)) ?? [];
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

/** Saving a plan change: a new version (refused as addVersion says) and the rewritten "KPI Plan" sheet. */
export const kpiPlanStep: StepModule<KpiContext, KpiPlanChange, PlanVersion[]> = {
  id: "kpiPlan",
  label: "KPI plan",
  settingsKey: KPI_PLAN_KEY,
  // A change is not run again from the workbook: what it stores is the history (readPlanHistory).
  parseSettings: () => null,
  issues: planIssues,
  settingsFrom: planSettings,
  run: async (host, change) => {
    const history = await readPlanHistory(host);
    checkPlan(change.plan);
    const next = addVersion(history, change.plan, change.now, change.effective);
    await refuseForeignSheets(host, [KPI_SHEETS.plan]);
    await host.writeSheet(kpiPlanSheet(next));
    return next;
  },
  stored: (_, next) => ({ versions: next }),
  summary: (_, next) => {
    const v = latestVersion(next);
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
export function saveKpiPlan(host: WorkbookHost, plan: KpiPlan, now: Date, effective?: string): Promise<PlanVersion[]> {
  return runStep(kpiPlanStep, host, { plan, now, effective });
}

/** What the KPI step computed. */
export interface KpiStepResult {
  readonly version: PlanVersion;
  readonly lines: readonly ScoreLine[];
  readonly people: readonly PersonScore[];
  /** The data tables read, by name as {@link textKey} keys it, for the drill-down. */
  readonly tables: ReadonlyMap<string, DataTable>;
}

/** The scorecards' run: the plan version in force for the month, the people, their data, the three sheets. */
async function scoreAndWrite(host: WorkbookHost, s: KpiStepSettings, { step }: StepContext): Promise<KpiStepResult> {
  await step(0.05, "Reading the KPI plan");
  const history = await readPlanHistory(host);
  const version = versionFor(history, s.month);
  if (!version) {
    const first = history[0]?.effective;
    throw new StepError(
      first
        ? `No KPI plan is in force in ${s.month}: the first version takes effect in ${first}.`
        : "There is no KPI plan yet: save one first.",
    );
  }
  await step(0.15, `Reading ${s.people.table}`);
  const peopleTable = await host.readTable(s.people.table);
  const idCol = headerIndex(peopleTable.headers, s.people.id);
  const roleCol = headerIndex(peopleTable.headers, s.people.role);
  if (idCol < 0 || roleCol < 0)
    throw new StepError(`Table ${s.people.table} needs the columns "${s.people.id}" and "${s.people.role}".`);
  const people = peopleTable.rows
    .filter((r) => String(r[idCol] ?? "").trim())
    .map((r) => ({ id: String(r[idCol]).trim(), role: String(r[roleCol] ?? "").trim() }));
  const tables = new Map<string, DataTable>();
  for (const kpi of version.plan.roles.flatMap((r) => r.kpis)) {
    const name = kpi.measure.table;
    if (tables.has(textKey(name))) continue;
    await step(0.3, `Reading ${name}`);
    try {
      tables.set(textKey(name), await host.readTable(name));
    } catch {
      throw new StepError(`KPI "${kpi.name}": there is no table named "${name}". Choose the table it is measured on.`);
    }
  }
  await step(0.5, "Computing scorecards");
  const result = computeScorecards(version.plan, people, tables, s.month);
  await refuseForeignSheets(host, Object.values(KPI_SHEETS));
  await step(0.7, "Writing Scorecards, Leaderboard and KPI Plan");
  // One write for the three: the Leaderboard's formulas read the Scorecards' tables.
  await host.writeSheets([
    scorecardsSheet({ month: s.month, version }, people),
    leaderboardSheet(s.month, result.people, s.showAmounts),
    kpiPlanSheet(history),
  ]);
  return { version, lines: result.lines, people: result.people, tables };
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
  stored: (s, r): KpiRunRecord => ({ ...s, version: r.version.version }),
  summary: (s, r) => ({
    message: `Wrote Scorecards and Leaderboard for ${s.month} with plan version ${r.version.version}: ${r.people.length} people, bonuses totalling ${totalBonus(r.people).toLocaleString("en-US", { maximumFractionDigits: 2 })}.`,
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
