import { AttainmentDistribution, evaluateScenario, lognormalDistribution, ScenarioInput, ScenarioInputError, ScenarioResult } from "../../core/scenarios";
import { compileCurve } from "../../core/tiers";
import { isCalcError } from "../../core/errors";
import { TableData, WorkbookHost } from "../../workbook/host";
import { DISTRIBUTION_POINTS } from "../quotas/quotasSheet";
import { Progress, StepError, stepper } from "../stepRun";
import { ScenarioStepSettings } from "./scenarioTypes";
import { scenariosSheet } from "./scenariosSheet";

/** The settings key the scenario step stores its last run under. */
export const SCENARIO_SETTINGS_KEY = "scenarios";

/** What the scenario step computed: each scenario with its results, in sheet order. */
export interface ScenarioStepResult {
  readonly scenarios: readonly ScenarioInput[];
  readonly results: readonly ScenarioResult[];
  readonly distribution: AttainmentDistribution;
}

/** Every role x mix x curve, roles in order, then mixes, then curves. */
export function scenariosOf(s: ScenarioStepSettings): ScenarioInput[] {
  return s.roles.flatMap((r) =>
    r.mixes.flatMap((baseShare) =>
      s.curves.map((c) => ({
        role: r.role,
        headcount: r.headcount,
        ote: r.ote,
        quota: r.quota,
        baseShare,
        curve: { name: c.name, curve: { tiers: c.tiers, mode: c.mode, threshold: c.threshold, cap: c.cap } },
      })),
    ),
  );
}

/** The distribution from the quota sheet's tables, checked. */
function distributionFrom(points: TableData, table: TableData): AttainmentDistribution {
  const col = (data: TableData, header: string) => data.headers.findIndex((h) => h.trim().toLowerCase() === header.toLowerCase());
  const a = col(table, "Attainment");
  const values = a < 0 ? [] : table.rows.map((r) => r[a]);
  if (values.length === 0 || values.some((v) => typeof v !== "number" || !Number.isFinite(v) || v < 0)) {
    throw new StepError(`Table ${table.source} must hold attainments (numbers of 0 or more) in an "Attainment" column; run the Quotas step again.`);
  }
  const p = col(points, "Point");
  const pa = col(points, "Attainment");
  const at = (label: string) => {
    const row = points.rows.find((r) => String(r[p]).trim() === label);
    const v = row?.[pa];
    if (typeof v !== "number" || !Number.isFinite(v)) throw new StepError(`Table ${points.source} has no ${label} attainment; run the Quotas step again.`);
    return v;
  };
  const [p10, p50, p90, excellence] = DISTRIBUTION_POINTS.map(at);
  return { points: values as number[], p10, p50, p90, excellence };
}

/**
 * Runs the OTE scenario step: takes the attainment distribution (the quota step's, or a
 * lognormal one), evaluates every role x mix x curve in the core, and writes the sheet whose
 * live formulas recompute the same numbers. A failed run writes nothing.
 */
export async function runScenarioStep(host: WorkbookHost, s: ScenarioStepSettings, progress: Progress = () => {}, signal?: AbortSignal): Promise<ScenarioStepResult> {
  const step = stepper(progress, signal);
  await step(0.1, "Reading the attainment distribution");
  let distribution: AttainmentDistribution;
  let note: string;
  if (s.distribution.kind === "quotas") {
    const [table, points] = [await host.readTable(s.distribution.distributionTable), await host.readTable(s.distribution.pointsTable)];
    distribution = distributionFrom(points, table);
    note = `the Quotas step's simulation (table ${table.source})`;
  } else {
    distribution = lognormalDistribution(s.distribution.share, s.distribution.sigma);
    note = `lognormal, sigma ${s.distribution.sigma}, quotas set so ${Math.round(s.distribution.share * 100)}% of reps reach them`;
  }
  for (const c of s.curves) {
    const compiled = compileCurve({ tiers: c.tiers, mode: c.mode, threshold: c.threshold, cap: c.cap });
    if (isCalcError(compiled)) throw new StepError(`Curve "${c.name}": ${compiled.message}`);
  }
  await step(0.4, "Comparing scenarios");
  const scenarios = scenariosOf(s);
  let results: ScenarioResult[];
  try {
    results = scenarios.map((sc) => evaluateScenario(sc, distribution));
  } catch (e) {
    if (e instanceof ScenarioInputError) throw new StepError(e.message);
    throw e;
  }
  await step(0.8, `Writing sheet "${s.sheet}"`);
  await host.writeSheet(scenariosSheet(s.sheet, scenarios, s.curves, distribution, note));
  await host.writeSettings(SCENARIO_SETTINGS_KEY, s);
  progress(1, "Done");
  return { scenarios, results, distribution };
}
