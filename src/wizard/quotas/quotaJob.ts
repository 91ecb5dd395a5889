/**
 * The quota step's computation: sets the quotas and simulates attainment in chunks. It reads and
 * writes no workbook, so it runs in a Web Worker (src/wizard/offThread) or, in tests, in-process.
 */
import { AttainmentSimulation, QuotaPlan, QuotaRep, setQuotas, SimulationResult } from "../../core/quotas";
import type { JobProgress } from "../offThread/job";
import type { QuotaStepSettings } from "./runQuotaStep";

/** The seed of the simulation, so a re-run on the same data shows the same band. */
export const QUOTA_SEED = 20261123;
/** Rep-draws per chunk of the simulation between progress reports. */
const CHUNK = 250_000;

/** What the quota job needs: the reps read from the tables, and the step's settings. */
export interface QuotaJobInput {
  readonly reps: readonly QuotaRep[];
  readonly settings: QuotaStepSettings;
}

/** What the quota job gives back. */
export interface QuotaJobOutput {
  readonly plan: QuotaPlan;
  readonly simulation: SimulationResult;
}

/**
 * Sets the quotas, then simulates attainment, yielding progress after every chunk of draws.
 * @throws the core's QuotaInputError for settings or reps the model refuses.
 */
export function* quotaJob({ reps, settings }: QuotaJobInput): Generator<JobProgress, QuotaJobOutput, void> {
  const plan = setQuotas(reps, settings);
  const sim = new AttainmentSimulation(plan.reps, settings.draws, QUOTA_SEED);
  const perChunk = Math.max(1, Math.floor(CHUNK / plan.reps.length));
  while (!sim.step(perChunk))
    yield { fraction: 0.2 + 0.6 * sim.progress, label: `Simulating attainment (${Math.round(sim.progress * 100)}%)` };
  return { plan, simulation: sim.result() };
}
