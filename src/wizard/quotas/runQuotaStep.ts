import { AttainmentSimulation, QuotaInputError, QuotaPlan, setQuotas, SimulationResult } from "../../core/quotas";
import { WorkbookHost } from "../../workbook/host";
import { checkCancelled, listProblems, Progress, StepError, stepper } from "../stepRun";
import { ColumnsOf, quotaInputs } from "./quotaInputs";
import { quotasSheet } from "./quotasSheet";

/** Everything the quota step needs; also what is stored in the workbook for a re-run. */
export interface QuotaStepSettings {
  /** Rep id and potential (e.g. the territory summary's Territory and Potential). */
  readonly potential: ColumnsOf;
  /** Prior periods' bookings by rep id, or null for none. */
  readonly history: ColumnsOf | null;
  readonly companyTarget: number;
  readonly period: "month" | "quarter" | "year";
  readonly targetShare: number;
  readonly historyWeight: number;
  readonly sigma: number;
  readonly method: "equal-stretch" | "equal-probability";
  readonly rounding: number;
  readonly overAssignment: number;
  readonly keep: "share" | "total";
  readonly draws: number;
  readonly sheet: string;
}

/** The settings key the quota step stores its last run under. */
export const QUOTA_SETTINGS_KEY = "quotas";
/** The seed of the simulation, so a re-run on the same data shows the same band. */
const SEED = 20261123;
/** Rep-draws per chunk of the simulation between progress reports. */
const CHUNK = 250_000;

/** What the quota step computed. */
export interface QuotaStepResult {
  readonly plan: QuotaPlan;
  readonly simulation: SimulationResult;
  readonly notes: readonly string[];
}

/**
 * Runs the quota step: reads potential (and history), sets the quotas, simulates attainment in
 * chunks (progress and cancel between chunks), writes the quota sheet and stores the settings.
 * A cancelled or failed run writes nothing.
 */
export async function runQuotaStep(host: WorkbookHost, s: QuotaStepSettings, progress: Progress = () => {}, signal?: AbortSignal): Promise<QuotaStepResult> {
  const step = stepper(progress, signal);
  await step(0.05, `Reading ${s.potential.table}`);
  const potential = await host.readTable(s.potential.table);
  const history = s.history ? (s.history.table.toLowerCase() === s.potential.table.toLowerCase() ? potential : await host.readTable(s.history.table)) : null;
  await step(0.15, "Checking the data");
  const input = quotaInputs(potential, s.potential, history, s.history);
  if (input.problems.length) throw new StepError(listProblems("the quota inputs", input.problems));
  let plan: QuotaPlan;
  try {
    plan = setQuotas(input.reps, s);
  } catch (e) {
    if (e instanceof QuotaInputError) throw new StepError(e.message);
    throw e;
  }
  const sim = new AttainmentSimulation(plan.reps, s.draws, SEED);
  const perChunk = Math.max(1, Math.floor(CHUNK / plan.reps.length));
  while (!sim.step(perChunk)) await step(0.2 + 0.6 * sim.progress, `Simulating attainment (${Math.round(sim.progress * 100)}%)`);
  checkCancelled(signal);
  const simulation = sim.result();
  await step(0.85, `Writing sheet "${s.sheet}"`);
  const potentialOf = new Map(input.reps.map((r) => [r.id, r.potential]));
  const written = await host.writeSheet(quotasSheet(s.sheet, plan, simulation, s, potentialOf, input.notes));
  await host.writeSettings(QUOTA_SETTINGS_KEY, s);
  progress(1, "Done");
  return { plan, simulation, notes: [...input.notes, ...plan.notes, ...(written?.message ? [written.message] : [])] };
}
