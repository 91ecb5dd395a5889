import * as React from "react";
import { Tab, TabList } from "@fluentui/react-components";
import { SplitResult } from "../../../core/territories";
import { SheetInfo, WorkbookHost } from "../../../workbook/host";
import { AccountsSource, readAccounts, runTerritoryStep, TERRITORY_SETTINGS_KEY, TerritoryStepSettings } from "../../../wizard/territories/runTerritoryStep";
import { quotaSettings } from "../../../wizard/quotas/quotaForm";
import { QUOTA_SETTINGS_KEY, QuotaStepResult, QuotaStepSettings, runQuotaStep } from "../../../wizard/quotas/runQuotaStep";
import { Progress } from "../../../wizard/stepRun";
import { canEnter, initialWizardState, RunStep, STEPS, territorySettings, wizardReducer } from "../../../wizard/wizardState";
import { QuotasStep } from "./QuotasStep";
import { ScenariosStep } from "./ScenariosStep";
import { scenarioSettings } from "../../../wizard/scenarios/scenarioForm";
import { runScenarioStep, SCENARIO_SETTINGS_KEY, ScenarioStepResult } from "../../../wizard/scenarios/runScenarioStep";
import { ScenarioStepSettings } from "../../../wizard/scenarios/scenarioTypes";
import { DataStep } from "./DataStep";
import { ReviewStep } from "./ReviewStep";
import { TerritoriesStep } from "./TerritoriesStep";
import { useWizardStyles } from "./useWizardStyles.styles";

/** Props of {@link Wizard}. */
export interface WizardProps {
  /** The workbook the wizard reads and writes (ExcelHost or PreviewHost). */
  readonly host: WorkbookHost;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/** One line on how balanced a split came out. */
export function describeResult(sheet: string, r: SplitResult): string {
  const moved = r.moved ? `; ${r.moved.toLocaleString("en-US")} account(s) moved from their current owner` : "";
  return `Wrote "${sheet}": ${r.territories.length} territories; worst ${pct(r.worstDeviation)} from its target, largest / smallest ${r.maxOverMin.toFixed(3)}${moved}.`;
}

/** One line on the quotas set. */
export function describeQuotas(sheet: string, r: QuotaStepResult): string {
  const s = r.plan.summary;
  const whole = (x: number) => `${Math.round(x * 100)}%`;
  const band = `${whole(r.simulation.band[0])}-${whole(r.simulation.band[1])}`;
  const over = s.overAssignment >= 0 ? `${pct(s.overAssignment)} over the target` : `${pct(-s.overAssignment)} under the target`;
  return `Wrote "${sheet}": ${r.plan.reps.length} quotas summing to ${s.sumOfQuotas.toLocaleString("en-US")} (${over}); expected ${pct(s.expectedShare)} of reps reaching quota, ${band} in 80% of simulated periods.`;
}

/** One line on the scenarios compared. */
export function describeScenarios(sheet: string, r: ScenarioStepResult): string {
  const warned = r.results.filter((x) => x.warnings.length).length;
  return `Wrote "${sheet}": ${r.scenarios.length} scenarios compared${warned ? `; ${warned} with a warning (mix outside the role's usual band, or cost of sales outside 3-9%)` : ""}. Mark the one to use per role in the Chosen column.`;
}

/** Stored scenario settings look like the scenario step's. */
function isScenarioSettings(v: unknown): v is ScenarioStepSettings {
  const s = v as Partial<ScenarioStepSettings> | null;
  return !!s && typeof s === "object" && Array.isArray(s.roles) && Array.isArray(s.curves) && !!s.distribution && typeof s.sheet === "string";
}

/** Stored quota settings look like the quota step's. */
function isQuotaSettings(v: unknown): v is QuotaStepSettings {
  const s = v as Partial<QuotaStepSettings> | null;
  return !!s && typeof s === "object" && !!s.potential && typeof s.companyTarget === "number" && typeof s.sheet === "string";
}

/** Stored settings look like the territory step's (a workbook may carry anything). */
function isTerritorySettings(v: unknown): v is TerritoryStepSettings {
  const s = v as Partial<TerritoryStepSettings> | null;
  return !!s && typeof s === "object" && !!s.source && !!s.mapping && !!s.seats && typeof s.sheet === "string" && Array.isArray(s.excluded);
}

/**
 * The planning wizard: Data -> Territories -> Quotas -> OTE scenarios -> Review. State lives in
 * the pure reducer (src/wizard); this component performs the workbook calls and dispatches what
 * they return. Every failure is shown as a message in the step.
 */
export function Wizard({ host }: WizardProps): React.JSX.Element {
  const styles = useWizardStyles();
  const [state, dispatch] = React.useReducer(wizardReducer, initialWizardState);
  const [sheets, setSheets] = React.useState<SheetInfo[] | null>(null);
  const aborts = React.useRef<Partial<Record<RunStep, AbortController>>>({});

  const load = React.useCallback(
    (source: AccountsSource, keepMapping = false) => {
      dispatch({ type: "sourceChosen", source });
      readAccounts(host, source).then(
        (data) => dispatch({ type: "dataLoaded", data, keepMapping }),
        (e) => dispatch({ type: "dataFailed", message: messageOf(e) }),
      );
    },
    [host],
  );
  const loadReps = React.useCallback(
    (table: string) =>
      host.readTable(table).then(
        (data) => dispatch({ type: "repsLoaded", table, data }),
        (e) => dispatch({ type: "repsFailed", message: messageOf(e) }),
      ),
    [host],
  );
  const refreshSheets = React.useCallback(() => {
    host.listSheets().then(setSheets, () => setSheets(null));
  }, [host]);

  React.useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const tables = await host.listTables();
        if (!live) return;
        dispatch({ type: "tablesLoaded", tables });
        const storedQuotas = await host.readSettings(QUOTA_SETTINGS_KEY);
        if (live && isQuotaSettings(storedQuotas)) dispatch({ type: "quotaSettingsRestored", settings: storedQuotas });
        const storedScenarios = await host.readSettings(SCENARIO_SETTINGS_KEY);
        if (live && isScenarioSettings(storedScenarios)) dispatch({ type: "scenarioSettingsRestored", settings: storedScenarios });
        const stored = await host.readSettings(TERRITORY_SETTINGS_KEY);
        if (!live || !isTerritorySettings(stored)) return;
        dispatch({ type: "settingsRestored", settings: stored });
        if (stored.source.kind === "table" && tables.some((t) => t.name === (stored.source as { name: string }).name)) load(stored.source, true);
      } catch (e) {
        if (live) dispatch({ type: "dataFailed", message: `Could not read the workbook: ${messageOf(e)}` });
      }
    })();
    return () => {
      live = false;
    };
  }, [host, load]);

  const { seatsKind, repsTable } = state.territory;
  React.useEffect(() => {
    if (seatsKind === "reps" && repsTable && state.repsData === null && state.repsError === null) void loadReps(repsTable);
  }, [seatsKind, repsTable, state.repsData, state.repsError, loadReps]);
  React.useEffect(() => {
    if (state.step === "review") refreshSheets();
  }, [state.step, refreshSheets]);

  /** Runs a step with progress and Cancel; on success shows the outcome and the sheet written. */
  const start = <T,>(step: RunStep, sheet: string, runner: (progress: Progress, signal: AbortSignal) => Promise<T>, outcome: (result: T) => { message: string; details: readonly string[] }) => {
    const controller = new AbortController();
    aborts.current[step] = controller;
    dispatch({ type: "runStarted", step });
    // One run at a time per workbook: another run or save meanwhile is refused with a message.
    host.exclusive(`the ${step} step`, () => runner((fraction, label) => dispatch({ type: "runProgress", step, fraction, label }), controller.signal)).then(
      (result) => {
        dispatch({ type: "runSucceeded", step, ...outcome(result) });
        void host.select(sheet, "A1").catch(() => undefined);
        // The step's tables are new: later steps may read them.
        host.listTables().then((tables) => dispatch({ type: "tablesLoaded", tables }), () => undefined);
      },
      (e) => dispatch(controller.signal.aborted ? { type: "runCancelled", step } : { type: "runFailed", step, message: messageOf(e) }),
    );
  };
  const runTerritories = () => {
    const settings = territorySettings(state);
    if (settings) start("territories", settings.sheet, (p, sig) => runTerritoryStep(host, settings, p, sig), (r) => ({ message: describeResult(settings.sheet, r), details: r.notes }));
  };
  const runScenarios = () => {
    const settings = scenarioSettings(state.scenario, state.tables, state.quota.sheet);
    if (settings) start("scenarios", settings.sheet, (p, sig) => runScenarioStep(host, settings, p, sig), (r) => ({ message: describeScenarios(settings.sheet, r), details: [] }));
  };
  const runQuotas = () => {
    const settings = quotaSettings(state.quota, state.tables);
    if (!settings) return;
    start("quotas", settings.sheet, (p, sig) => runQuotaStep(host, settings, p, sig), (r) => {
      // The OTE scenarios start from these quotas (each role's mean), unless typed over.
      dispatch({ type: "quotasSet", quotas: r.plan.reps });
      return { message: describeQuotas(settings.sheet, r), details: r.notes };
    });
  };

  return (
    <div className={styles.root}>
      <TabList selectedValue={state.step} onTabSelect={(_, d) => dispatch({ type: "stepChosen", step: d.value as typeof state.step })} size="small" aria-label="Planning steps">
        {STEPS.map((s) => (
          <Tab key={s.id} value={s.id} disabled={!canEnter(state, s.id)}>
            {s.label}
          </Tab>
        ))}
      </TabList>
      {state.step === "data" && <DataStep state={state} dispatch={dispatch} load={load} />}
      {state.step === "territories" && <TerritoriesStep state={state} dispatch={dispatch} loadReps={(t) => void loadReps(t)} run={runTerritories} cancel={() => aborts.current.territories?.abort()} />}
      {state.step === "scenarios" && <ScenariosStep state={state} dispatch={dispatch} run={runScenarios} cancel={() => aborts.current.scenarios?.abort()} />}
      {state.step === "quotas" && <QuotasStep state={state} dispatch={dispatch} run={runQuotas} cancel={() => aborts.current.quotas?.abort()} />}
      {state.step === "review" && <ReviewStep sheets={sheets} show={(s) => void host.select(s, "A1").catch(() => undefined)} refresh={refreshSheets} />}
    </div>
  );
}
