import { addVersion, checkPlan, computeScorecards, DataTable, KpiPlan, KpiPlanError, PersonScore, PlanVersion, ScoreLine, versionFor } from "../../core/kpiPlan";
import { NotOwnedError, WorkbookHost } from "../../workbook/host";
import { Progress, StepError, stepper } from "../stepRun";
import { KPI_SHEETS, kpiPlanSheet, leaderboardSheet, scorecardsSheet } from "./kpiSheets";

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

/** The plan's versions stored in the workbook (none yet: empty). */
export async function readPlanHistory(host: WorkbookHost): Promise<PlanVersion[]> {
  const stored = (await host.readSettings(KPI_PLAN_KEY)) as { versions?: PlanVersion[] } | null;
  return Array.isArray(stored?.versions) ? stored.versions : [];
}

/**
 * Saves a change of KPI settings as a new version (see addVersion: at most one a month, from
 * the month after the change at the earliest) and rewrites the "KPI Plan" sheet.
 * @throws StepError when refused or the plan is invalid; nothing is written then.
 */
export async function saveKpiPlan(host: WorkbookHost, plan: KpiPlan, now: Date, effective?: string): Promise<PlanVersion[]> {
  const history = await readPlanHistory(host);
  let next: PlanVersion[];
  try {
    checkPlan(plan);
    next = addVersion(history, plan, now, effective);
  } catch (e) {
    if (e instanceof KpiPlanError) throw new StepError(e.message);
    throw e;
  }
  await refuseForeignSheets(host, [KPI_SHEETS.plan]);
  await host.writeSettings(KPI_PLAN_KEY, { versions: next });
  await host.writeSheet(kpiPlanSheet(next));
  return next;
}

/** Throws NotOwnedError, before anything is written, if any of the sheets exists and is the user's. */
async function refuseForeignSheets(host: WorkbookHost, names: readonly string[]): Promise<void> {
  const sheets = await host.listSheets();
  for (const n of names) {
    const s = sheets.find((x) => x.name.toLowerCase() === n.toLowerCase());
    if (s && !s.owned) throw new NotOwnedError(s.name);
  }
}

/** What the KPI step computed. */
export interface KpiStepResult {
  readonly version: PlanVersion;
  readonly lines: readonly ScoreLine[];
  readonly people: readonly PersonScore[];
  /** The data tables read, by lower-case name, for the drill-down. */
  readonly tables: ReadonlyMap<string, DataTable>;
}

/**
 * Computes a month's scorecards with the plan version in force for that month and writes
 * "Scorecards", "Leaderboard" and "KPI Plan". Nothing is written when anything is wrong.
 */
export async function runKpiStep(host: WorkbookHost, s: KpiStepSettings, progress: Progress = () => {}, signal?: AbortSignal): Promise<KpiStepResult> {
  const step = stepper(progress, signal);
  await step(0.05, "Reading the KPI plan");
  const history = await readPlanHistory(host);
  let version: PlanVersion | null;
  try {
    version = versionFor(history, s.month);
  } catch (e) {
    if (e instanceof KpiPlanError) throw new StepError(e.message);
    throw e;
  }
  if (!version) {
    const first = history[0]?.effective;
    throw new StepError(first ? `No KPI plan is in force in ${s.month}: the first version takes effect in ${first}.` : "There is no KPI plan yet: save one first.");
  }
  await step(0.15, `Reading ${s.people.table}`);
  const peopleTable = await host.readTable(s.people.table);
  const idCol = peopleTable.headers.findIndex((h) => h.trim().toLowerCase() === s.people.id.toLowerCase());
  const roleCol = peopleTable.headers.findIndex((h) => h.trim().toLowerCase() === s.people.role.toLowerCase());
  if (idCol < 0 || roleCol < 0) throw new StepError(`Table ${s.people.table} needs the columns "${s.people.id}" and "${s.people.role}".`);
  const people = peopleTable.rows.filter((r) => String(r[idCol] ?? "").trim()).map((r) => ({ id: String(r[idCol]).trim(), role: String(r[roleCol] ?? "").trim() }));
  const tables = new Map<string, DataTable>();
  for (const name of new Set(version.plan.roles.flatMap((r) => r.kpis.map((k) => k.measure.table)))) {
    await step(0.3, `Reading ${name}`);
    try {
      tables.set(name.toLowerCase(), await host.readTable(name));
    } catch {
      const kpi = version.plan.roles.flatMap((r) => r.kpis).find((k) => k.measure.table === name)!;
      throw new StepError(`KPI "${kpi.name}": there is no table named "${name}". Choose the table it is measured on.`);
    }
  }
  await step(0.5, "Computing scorecards");
  let result: { lines: ScoreLine[]; people: PersonScore[] };
  try {
    result = computeScorecards(version.plan, people, tables, s.month);
  } catch (e) {
    if (e instanceof KpiPlanError) throw new StepError(e.message);
    throw e;
  }
  await refuseForeignSheets(host, Object.values(KPI_SHEETS));
  await step(0.7, "Writing Scorecards, Leaderboard and KPI Plan");
  // One write for the three: the Leaderboard's formulas read the Scorecards' tables.
  await host.writeSheets([scorecardsSheet({ month: s.month, version }, people), leaderboardSheet(s.month, result.people, s.showAmounts), kpiPlanSheet(history)]);
  await host.writeSettings(KPI_RUN_KEY, { ...s, version: version.version });
  progress(1, "Done");
  return { version, lines: result.lines, people: result.people, tables };
}
