import { QuotaPlan, SimulationResult } from "../../core/quotas";
import { WorkbookHost } from "../../workbook/host";
import { listProblems, Progress, runStep, StepContext, StepError } from "../stepRun";
import type { WizardStepModule } from "../wizardState";
import { quotaIssues, quotaSettings } from "./quotaForm";
import { ColumnsOf, quotaInputs } from "./quotaInputs";
import { quotasSheet, tradeOffLines } from "./quotasSheet";
import { sameText } from "../../core/text";

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

/** What the quota step computed. */
export interface QuotaStepResult {
  readonly plan: QuotaPlan;
  readonly simulation: SimulationResult;
  readonly notes: readonly string[];
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const whole = (x: number) => `${Math.round(x * 100)}%`;

/** One line on the quotas set. */
export function describeQuotas(sheet: string, r: QuotaStepResult): string {
  const s = r.plan.summary;
  const band = `${whole(r.simulation.band[0])}-${whole(r.simulation.band[1])}`;
  const over =
    s.overAssignment >= 0 ? `${pct(s.overAssignment)} over the target` : `${pct(-s.overAssignment)} under the target`;
  return `Wrote "${sheet}": ${r.plan.reps.length} quotas summing to ${s.sumOfQuotas.toLocaleString("en-US")} (${over}); expected ${pct(s.expectedShare)} of reps reaching quota, ${band} in 80% of simulated periods.`;
}

/** Stored settings, if they look like the quota step's. */
export function parseQuotaSettings(v: unknown): QuotaStepSettings | null {
  const s = v as Partial<QuotaStepSettings> | null;
  return !!s &&
    typeof s === "object" &&
    !!s.potential &&
    typeof s.companyTarget === "number" &&
    typeof s.sheet === "string"
    ? (s as QuotaStepSettings)
    : null;
}

/**
 * The quota step's run: reads potential (and history), then the quota job (sets the quotas and
 * simulates attainment in chunks, with progress: off the page's thread in the pane), and writes the
 * quota sheet once the job is done.
 */
async function setAndWrite(
  host: WorkbookHost,
  s: QuotaStepSettings,
  { step, runJob }: StepContext,
): Promise<QuotaStepResult> {
  await step(0.05, `Reading ${s.potential.table}`);
  const potential = await host.readTable(s.potential.table);
  const history = s.history
    ? sameText(s.history.table, s.potential.table)
      ? potential
      : await host.readTable(s.history.table)
    : null;
  await step(0.15, "Checking the data");
  const input = quotaInputs(potential, s.potential, history, s.history);
  if (input.problems.length) throw new StepError(listProblems("the quota inputs", input.problems));
  const { plan, simulation } = await runJob("quotas", { reps: input.reps, settings: s });
  await step(0.85, `Writing sheet "${s.sheet}"`);
  const potentialOf = new Map(input.reps.map((r) => [r.id, r.potential]));
  const written = await host.writeSheet(quotasSheet(s.sheet, plan, simulation, s, potentialOf, input.notes));
  // A conflict moves the total away from the over-assignment asked: the summary says why.
  const tradeOff = plan.tradeOff.conflict ? tradeOffLines(plan, s) : [];
  return {
    plan,
    simulation,
    notes: [...tradeOff, ...input.notes, ...plan.notes, ...(written?.message ? [written.message] : [])],
  };
}

/** The quota step: elastic quotas from potential and history, simulated, on the Quotas sheet. */
export const quotaStep: WizardStepModule<QuotaStepSettings, QuotaStepResult> = {
  id: "quotas",
  label: "Quotas",
  settingsKey: QUOTA_SETTINGS_KEY,
  parseSettings: parseQuotaSettings,
  issues: (state) => quotaIssues(state.quota, state.tables),
  settingsFrom: (state) => quotaSettings(state.quota, state.tables),
  run: setAndWrite,
  summary: (s, r) => ({ message: describeQuotas(s.sheet, r), details: r.notes }),
  sheetOf: (s) => s.sheet,
  restore: (settings) => ({ type: "quotaSettingsRestored", settings }),
  // The OTE scenarios start from these quotas (each role's mean), unless typed over.
  after: (r) => [{ type: "quotasSet", quotas: r.plan.reps }],
};

/**
 * Runs the quota step: reads potential (and history), sets the quotas, simulates attainment in
 * chunks (progress and cancel between chunks), writes the quota sheet and stores the settings.
 * A cancelled or failed run writes nothing.
 */
export function runQuotaStep(
  host: WorkbookHost,
  s: QuotaStepSettings,
  progress: Progress = () => {},
  signal?: AbortSignal,
): Promise<QuotaStepResult> {
  return runStep(quotaStep, host, s, progress, signal);
}
