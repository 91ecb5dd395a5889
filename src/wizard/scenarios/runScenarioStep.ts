import {
  AttainmentDistribution,
  bandText,
  COST_OF_SALES_BAND,
  evaluateScenario,
  lognormalDistribution,
  ScenarioInput,
  ScenarioResult,
} from "../../core/scenarios";
import { compileCurve } from "../../core/tiers";
import { isCalcError } from "../../core/errors";
import { headerIndex } from "../../core/text";
import { TableData, WorkbookHost } from "../../workbook/host";
import { DISTRIBUTION_POINTS, POINT_COLUMNS, DISTRIBUTION_COLUMNS } from "../quotas/layout";
import { Progress, runStep, StepContext, StepError } from "../stepRun";
import type { WizardStepModule } from "../wizardState";
import { scenarioIssues, scenarioSettings } from "./scenarioForm";
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
  const col = (data: TableData, header: string) => headerIndex(data.headers, header);
  const [, attainment] = DISTRIBUTION_COLUMNS;
  const a = col(table, attainment);
  const values = a < 0 ? [] : table.rows.map((r) => r[a]);
  if (values.length === 0 || values.some((v) => typeof v !== "number" || !Number.isFinite(v) || v < 0)) {
    throw new StepError(
      `Table ${table.source} must hold attainments (numbers of 0 or more) in an "${attainment}" column; run the Quotas step again.`,
    );
  }
  const p = col(points, POINT_COLUMNS[0]);
  const pa = col(points, POINT_COLUMNS[1]);
  const at = (label: string) => {
    const row = points.rows.find((r) => String(r[p]).trim() === label);
    const v = row?.[pa];
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new StepError(`Table ${points.source} has no ${label} attainment; run the Quotas step again.`);
    return v;
  };
  const [p10, p50, p90, excellence] = DISTRIBUTION_POINTS.map(at);
  return { points: values as number[], p10, p50, p90, excellence };
}

/** One line on the scenarios compared. */
export function describeScenarios(sheet: string, r: ScenarioStepResult): string {
  const warned = r.results.filter((x) => x.warnings.length).length;
  const warning = warned
    ? `; ${warned} with a warning (mix outside the role's usual band, or cost of sales outside ${bandText(COST_OF_SALES_BAND)})`
    : "";
  return `Wrote "${sheet}": ${r.scenarios.length} scenarios compared${warning}. Mark the one to use per role in the Chosen column.`;
}

/** Stored settings, if they look like the scenario step's. */
export function parseScenarioSettings(v: unknown): ScenarioStepSettings | null {
  const s = v as Partial<ScenarioStepSettings> | null;
  return !!s &&
    typeof s === "object" &&
    Array.isArray(s.roles) &&
    Array.isArray(s.curves) &&
    !!s.distribution &&
    typeof s.sheet === "string"
    ? (s as ScenarioStepSettings)
    : null;
}

/**
 * The scenario step's run: takes the attainment distribution (the quota step's, or a lognormal
 * one), evaluates every role x mix x curve in the core, and writes the sheet whose live formulas
 * recompute the same numbers.
 */
async function compareAndWrite(
  host: WorkbookHost,
  s: ScenarioStepSettings,
  { step }: StepContext,
): Promise<ScenarioStepResult> {
  await step(0.1, "Reading the attainment distribution");
  let distribution: AttainmentDistribution;
  let note: string;
  if (s.distribution.kind === "quotas") {
    const [table, points] = [
      await host.readTable(s.distribution.distributionTable),
      await host.readTable(s.distribution.pointsTable),
    ];
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
  const results = scenarios.map((sc) => evaluateScenario(sc, distribution));
  await step(0.8, `Writing sheet "${s.sheet}"`);
  await host.writeSheet(scenariosSheet(s.sheet, scenarios, s.curves, distribution, note));
  return { scenarios, results, distribution };
}

/** The OTE scenario step: every role x pay mix x curve compared on the OTE Scenarios sheet. */
export const scenarioStep: WizardStepModule<ScenarioStepSettings, ScenarioStepResult> = {
  id: "scenarios",
  label: "OTE scenarios",
  settingsKey: SCENARIO_SETTINGS_KEY,
  parseSettings: parseScenarioSettings,
  issues: (state) => scenarioIssues(state.scenario, state.tables, state.quota.sheet),
  settingsFrom: (state) => scenarioSettings(state.scenario, state.tables, state.quota.sheet),
  run: compareAndWrite,
  summary: (s, r) => ({ message: describeScenarios(s.sheet, r), details: [] }),
  sheetOf: (s) => s.sheet,
  restore: (settings) => ({ type: "scenarioSettingsRestored", settings }),
};

/**
 * Runs the OTE scenario step: takes the attainment distribution (the quota step's, or a
 * lognormal one), evaluates every role x mix x curve in the core, and writes the sheet whose
 * live formulas recompute the same numbers. A failed run writes nothing.
 */
export function runScenarioStep(
  host: WorkbookHost,
  s: ScenarioStepSettings,
  progress: Progress = () => {},
  signal?: AbortSignal,
): Promise<ScenarioStepResult> {
  return runStep(scenarioStep, host, s, progress, signal);
}
