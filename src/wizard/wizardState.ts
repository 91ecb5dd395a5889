/**
 * The wizard as data: its state, the actions the task pane dispatches, and a pure reducer
 * composed of one slice per step (data, territories, quotas, scenarios, runs). No React and no
 * workbook calls here; the task pane renders the state and performs the workbook calls,
 * dispatching their results.
 */
import { TableData, TableInfo } from "../workbook/host";
import { AccountField, ColumnMapping, SavedMapping } from "./columnMapping";
import { dataSlice, initialDataSlice } from "./data/dataSlice";
import { initialQuotaForm, QuotaForm } from "./quotas/quotaForm";
import { quotaSlice } from "./quotas/quotaSlice";
import type { QuotaStepSettings } from "./quotas/runQuotaStep";
import { runReducer, RunEvent, RunState, idleRun, resetUnlessRunning } from "./runState";
import { CurveDraft, initialScenarioForm, RoleDraft, ScenarioForm } from "./scenarios/scenarioForm";
import { scenarioSlice } from "./scenarios/scenarioSlice";
import type { ScenarioStepSettings } from "./scenarios/scenarioTypes";
import { RepColumns } from "./territories/repsFromTable";
import type { AccountsSource, TerritoryStepSettings } from "./territories/runTerritoryStep";
import {
  initialTerritoryOptions,
  TerritoryOptions,
  TerritoryOptionsPatch,
  territorySlice,
} from "./territories/territorySlice";
import type { StepModule } from "./stepRun";

export { canEnter, dataProblems, openProblems } from "./data/dataSlice";
export { territoryIssues, territorySettings } from "./territories/territorySlice";
export type { TerritoryOptions, TerritoryOptionsPatch } from "./territories/territorySlice";
export type { RunState } from "./runState";

/** The wizard's steps, in order. */
export type StepId = "data" | "territories" | "quotas" | "scenarios" | "review";

/** The steps that run and write a sheet. */
export type RunStep = "territories" | "quotas" | "scenarios";

/** Everything the wizard shows. */
export interface WizardState {
  readonly step: StepId;
  readonly tables: readonly TableInfo[];
  readonly source: AccountsSource | null;
  readonly loading: boolean;
  readonly loadError: string | null;
  readonly data: TableData | null;
  readonly mapping: ColumnMapping | null;
  /** The mapping restored from the workbook, by header name, until the data it applies to is loaded. */
  readonly restoredMapping: SavedMapping | null;
  /** What restoring the mapping by header name found (moved or missing columns), shown in the Data step. */
  readonly mappingNotice: string | null;
  /** 1-based data rows the user left out. */
  readonly excluded: readonly number[];
  readonly repsData: TableData | null;
  readonly repsError: string | null;
  readonly territory: TerritoryOptions;
  readonly quota: QuotaForm;
  readonly scenario: ScenarioForm;
  /** Each running step's progress and outcome. */
  readonly runs: Readonly<Record<RunStep, RunState>>;
}

/** What the task pane can tell the wizard. */
export type WizardAction =
  | { type: "tablesLoaded"; tables: readonly TableInfo[] }
  | { type: "sourceChosen"; source: AccountsSource }
  | { type: "dataLoaded"; data: TableData; keepMapping?: boolean }
  | { type: "dataFailed"; message: string }
  | { type: "mappingChanged"; field: AccountField; column: number | null }
  | { type: "rowExcluded"; row: number; excluded: boolean }
  | { type: "problemRowsExcluded" }
  | { type: "repsLoaded"; table: string; data: TableData }
  | { type: "repsFailed"; message: string }
  | { type: "repColumnChanged"; field: keyof RepColumns; column: number | null }
  | { type: "roleToggled"; role: string; on: boolean }
  | { type: "territoryOptionsChanged"; options: TerritoryOptionsPatch }
  | { type: "settingsRestored"; settings: TerritoryStepSettings }
  | { type: "stepChosen"; step: StepId }
  | { type: "quotaFormChanged"; patch: Partial<QuotaForm> }
  | { type: "quotaPotentialTableChosen"; table: string | null }
  | { type: "quotaHistoryTableChosen"; table: string | null }
  | { type: "quotaSettingsRestored"; settings: QuotaStepSettings }
  | { type: "scenarioFormChanged"; patch: Partial<Pick<ScenarioForm, "useQuotas" | "share" | "sigma" | "sheet">> }
  | { type: "scenarioRoleChanged"; index: number; patch: Partial<RoleDraft> }
  | { type: "scenarioRoleAdded" }
  | { type: "scenarioRoleRemoved"; index: number }
  | { type: "scenarioCurveChanged"; index: number; patch: Partial<CurveDraft> }
  | { type: "scenarioCurveAdded" }
  | { type: "scenarioCurveRemoved"; index: number }
  | { type: "scenarioSettingsRestored"; settings: ScenarioStepSettings }
  | { type: "quotasSet"; quotas: readonly { id: string; quota: number }[] }
  | { type: "runStarted"; step: RunStep }
  | { type: "runProgress"; step: RunStep; fraction: number; label: string }
  | { type: "runSucceeded"; step: RunStep; message: string; details: readonly string[] }
  | { type: "runFailed"; step: RunStep; message: string }
  | { type: "runCancelled"; step: RunStep };

/**
 * A wizard step that runs: the step contract with the wizard's state as its form, plus how its
 * stored settings go back into the form and what later steps take from its result.
 */
export interface WizardStepModule<S, R> extends StepModule<WizardState, S, R> {
  readonly id: RunStep;
  /** The action that puts stored settings back into the form. */
  readonly restore: (settings: S) => WizardAction;
  /** Actions dispatched after a successful run, so later steps start from its results. */
  readonly after?: (result: R) => readonly WizardAction[];
}

/** The wizard before anything is loaded. */
export const initialWizardState: WizardState = {
  ...initialDataSlice,
  territory: initialTerritoryOptions,
  quota: initialQuotaForm,
  scenario: initialScenarioForm,
  runs: { territories: idleRun, quotas: idleRun, scenarios: idleRun },
};

/** A run action as the run lifecycle's event, or null for any other action. */
function runEventOf(action: WizardAction): { step: RunStep; event: RunEvent } | null {
  switch (action.type) {
    case "runStarted":
      return { step: action.step, event: { type: "started" } };
    case "runProgress":
      return { step: action.step, event: { type: "progress", fraction: action.fraction, label: action.label } };
    case "runSucceeded":
      return {
        step: action.step,
        event: { type: "succeeded", summary: { message: action.message, details: action.details } },
      };
    case "runFailed":
      return { step: action.step, event: { type: "failed", message: action.message } };
    case "runCancelled":
      return { step: action.step, event: { type: "cancelled" } };
    default:
      return null;
  }
}

/** The runs slice: each step's run lifecycle; changed territory inputs clear a finished split's message. */
function runsSlice(state: WizardState, action: WizardAction): WizardState["runs"] {
  const run = runEventOf(action);
  if (run) return { ...state.runs, [run.step]: runReducer(state.runs[run.step], run.event) };
  if (
    action.type === "sourceChosen" ||
    action.type === "territoryOptionsChanged" ||
    (action.type === "mappingChanged" && state.mapping)
  ) {
    return { ...state.runs, territories: resetUnlessRunning(state.runs.territories) };
  }
  return state.runs;
}

/** The wizard action as a run action of a step: what the run lifecycle hook reports, for the reducer. */
export function runAction(step: RunStep, event: RunEvent): WizardAction {
  switch (event.type) {
    case "started":
      return { type: "runStarted", step };
    case "progress":
      return { type: "runProgress", step, fraction: event.fraction, label: event.label };
    case "succeeded":
      return { type: "runSucceeded", step, ...event.summary };
    case "failed":
      return { type: "runFailed", step, message: event.message };
    case "cancelled":
      return { type: "runCancelled", step };
  }
}

/**
 * The pure reducer: each slice in turn, a later one reading the state as the earlier ones left
 * it (the quota defaults follow the reps table the territory slice just suggested).
 */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  let s: WizardState = { ...state, ...dataSlice(state, action) };
  s = { ...s, territory: territorySlice(s, action) };
  s = { ...s, quota: quotaSlice(s, action) };
  s = { ...s, scenario: scenarioSlice(s, action) };
  s = { ...s, runs: runsSlice(state, action) };
  return (Object.keys(s) as (keyof WizardState)[]).every((k) => s[k] === state[k]) ? state : s;
}
