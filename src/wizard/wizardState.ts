/**
 * The wizard as data: its state, the actions the task pane dispatches, and a pure reducer, with
 * the validation each step needs. No React and no workbook calls here; the task pane renders
 * the state and performs the workbook calls, dispatching their results.
 */
import { TableData, TableInfo } from "../workbook/host";
import { checkSheetSpec } from "../workbook/sheetSpec";
import { ACCOUNT_FIELDS, AccountField, autoMap, ColumnMapping, mappingHeaders, restoreMapping, SavedMapping } from "./columnMapping";
import { DataProblem, findDataProblems } from "./dataProblems";
import { chooseHistoryTable, choosePotentialTable, initialQuotaForm, QuotaForm, quotaFormFrom, withQuotaDefaults } from "./quotas/quotaForm";
import { QuotaStepSettings } from "./quotas/runQuotaStep";
import { CurveDraft, headcountsFrom, initialScenarioForm, quotasFromQuotaStep, RoleDraft, ScenarioForm, scenarioFormFrom } from "./scenarios/scenarioForm";
import { ScenarioStepSettings } from "./scenarios/scenarioTypes";
import { autoMapReps, RepColumns, rolesIn } from "./territories/repsFromTable";
import { AccountsSource, TerritoryStepSettings } from "./territories/runTerritoryStep";
import { TERRITORIES_SHEET } from "./territories/territoriesSheet";

/** The wizard's steps, in order. */
export type StepId = "data" | "territories" | "quotas" | "scenarios" | "review";

/** Each step with its label. */
export const STEPS: readonly { readonly id: StepId; readonly label: string }[] = [
  { id: "data", label: "Data" },
  { id: "territories", label: "Territories" },
  { id: "quotas", label: "Quotas" },
  { id: "scenarios", label: "OTE scenarios" },
  { id: "review", label: "Review" },
];

/** The territory step's options as the user sets them: where the seats come from, and the step's own settings. */
export interface TerritoryOptions extends Pick<TerritoryStepSettings, "balanceOn" | "groupBy" | "honourPins" | "minimiseDisruption" | "compact" | "sheet"> {
  readonly seatsKind: "count" | "reps";
  readonly count: number;
  readonly repsTable: string | null;
  readonly repColumns: RepColumns;
  /** Roles that get territories; null for every rep. */
  readonly roles: readonly string[] | null;
}

/** A change to some of the territory options (columns and roles change through their own actions). */
export type TerritoryOptionsPatch = Partial<Omit<TerritoryOptions, "repColumns" | "roles">>;

/** The steps that run and write a sheet. */
export type RunStep = "territories" | "quotas" | "scenarios";

/** A long-running step: progress, then a result or a message. */
export interface RunState {
  readonly status: "idle" | "running" | "done" | "failed" | "cancelled";
  readonly fraction: number;
  readonly label: string;
  readonly message: string | null;
  /** Further lines under the message (notes of the split). */
  readonly details: readonly string[];
}

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
  readonly restoredMapping?: SavedMapping | null;
  /** What restoring the mapping by header name found (moved or missing columns), shown in the Data step. */
  readonly mappingNotice?: string | null;
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

/** The wizard before anything is loaded. */
export const initialWizardState: WizardState = {
  step: "data",
  tables: [],
  source: null,
  loading: false,
  loadError: null,
  data: null,
  mapping: null,
  excluded: [],
  repsData: null,
  repsError: null,
  territory: {
    seatsKind: "count",
    count: 10,
    repsTable: null,
    repColumns: { id: null, capacity: null, role: null },
    roles: null,
    balanceOn: "potential",
    groupBy: "none",
    honourPins: true,
    minimiseDisruption: true,
    compact: true,
    sheet: TERRITORIES_SHEET,
  },
  quota: initialQuotaForm,
  scenario: initialScenarioForm,
  runs: {
    territories: { status: "idle", fraction: 0, label: "", message: null, details: [] },
    quotas: { status: "idle", fraction: 0, label: "", message: null, details: [] },
    scenarios: { status: "idle", fraction: 0, label: "", message: null, details: [] },
  },
};

const idleRun: RunState = initialWizardState.runs.territories;

/** The state with one step's run replaced. */
const withRun = (state: WizardState, step: RunStep, run: RunState): WizardState => ({ ...state, runs: { ...state.runs, [step]: run } });
/** Territory options changed: a finished run's message no longer describes them. */
const resetTerritoryRun = (state: WizardState): WizardState => (state.runs.territories.status === "running" ? state : withRun(state, "territories", idleRun));

/** The pure reducer: the next state for an action. */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case "tablesLoaded": {
      // Suggest the tables a user would pick: one that looks like accounts, one that looks like reps.
      const accounts = action.tables.find((t) => /account/i.test(t.name));
      const source = state.source ?? (accounts ? ({ kind: "table", name: accounts.name } as const) : null);
      const repsTable = state.territory.repsTable ?? action.tables.find((t) => /\brep|sales ?people|team/i.test(t.name))?.name ?? null;
      const territory = { ...state.territory, repsTable };
      return { ...state, tables: action.tables, source, territory, quota: withQuotaDefaults(state.quota, action.tables, territory.sheet, repsTable) };
    }
    case "sourceChosen":
      return resetTerritoryRun({ ...state, source: action.source, data: null, mapping: null, excluded: [], loading: true, loadError: null });
    case "dataLoaded": {
      const restored = action.keepMapping ? keptMapping(state, action.data.headers) : null;
      const mapping = restored ? restored.mapping : autoMap(action.data.headers);
      const mappingNotice = restored?.notice ?? null;
      const excluded = action.keepMapping ? state.excluded.filter((r) => r <= action.data.rows.length) : [];
      return { ...state, data: action.data, mapping, mappingNotice, restoredMapping: null, excluded, loading: false, loadError: null, territory: withDefaultRoles(state.territory, state.repsData, action.data, mapping) };
    }
    case "dataFailed":
      return { ...state, loading: false, loadError: action.message };
    case "mappingChanged":
      if (!state.mapping) return state;
      return resetTerritoryRun({ ...state, mapping: { ...state.mapping, [action.field]: action.column } });
    case "rowExcluded": {
      const set = new Set(state.excluded);
      if (action.excluded) set.add(action.row);
      else set.delete(action.row);
      return { ...state, excluded: [...set].sort((a, b) => a - b) };
    }
    case "problemRowsExcluded": {
      const rows = dataProblems(state).flatMap((p) => (p.row === null ? [] : [p.row]));
      return { ...state, excluded: [...new Set([...state.excluded, ...rows])].sort((a, b) => a - b) };
    }
    case "repsLoaded": {
      const repColumns = autoMapReps(action.data.headers);
      const territory = { ...state.territory, repsTable: action.table, repColumns, roles: null };
      const withRoles = withDefaultRoles(territory, action.data, state.data, state.mapping);
      // Headcounts per role from the reps table, unless the user has already edited the roles.
      const scenario = state.scenario === initialScenarioForm && repColumns.role !== null ? headcountsFrom(state.scenario, countByRole(action.data, repColumns.role)) : state.scenario;
      return { ...state, repsData: action.data, repsError: null, territory: withRoles, scenario };
    }
    case "repsFailed":
      return { ...state, repsData: null, repsError: action.message };
    case "repColumnChanged": {
      const territory = { ...state.territory, repColumns: { ...state.territory.repColumns, [action.field]: action.column }, roles: action.field === "role" ? null : state.territory.roles };
      return { ...state, territory: action.field === "role" ? withDefaultRoles(territory, state.repsData, state.data, state.mapping) : territory };
    }
    case "roleToggled": {
      const all = state.repsData ? rolesIn(state.repsData, state.territory.repColumns) : [];
      const current = new Set(state.territory.roles ?? all);
      if (action.on) current.add(action.role);
      else current.delete(action.role);
      return { ...state, territory: { ...state.territory, roles: all.filter((r) => current.has(r)) } };
    }
    case "territoryOptionsChanged":
      return resetTerritoryRun({ ...state, territory: { ...state.territory, ...action.options } });
    case "quotaFormChanged":
      return { ...state, quota: { ...state.quota, ...action.patch } };
    case "quotaPotentialTableChosen":
      return { ...state, quota: choosePotentialTable(state.quota, state.tables.find((t) => t.name === action.table) ?? null) };
    case "quotaHistoryTableChosen":
      return { ...state, quota: chooseHistoryTable(state.quota, state.tables.find((t) => t.name === action.table) ?? null) };
    case "quotaSettingsRestored":
      return { ...state, quota: quotaFormFrom(action.settings) };
    case "scenarioFormChanged":
      return { ...state, scenario: { ...state.scenario, ...action.patch } };
    case "scenarioRoleChanged":
      return { ...state, scenario: { ...state.scenario, roles: state.scenario.roles.map((r, i) => (i === action.index ? { ...r, ...action.patch } : r)) } };
    case "scenarioRoleAdded":
      return { ...state, scenario: { ...state.scenario, roles: [...state.scenario.roles, { role: "", headcount: "1", ote: "", quota: "", mixes: "60/40" }] } };
    case "scenarioRoleRemoved":
      return { ...state, scenario: { ...state.scenario, roles: state.scenario.roles.filter((_, i) => i !== action.index) } };
    case "scenarioCurveChanged":
      return { ...state, scenario: { ...state.scenario, curves: state.scenario.curves.map((c, i) => (i === action.index ? { ...c, ...action.patch } : c)) } };
    case "scenarioCurveAdded":
      return { ...state, scenario: { ...state.scenario, curves: [...state.scenario.curves, { name: "", tiers: "0:1", mode: "MARGINAL", threshold: "", cap: "2" }] } };
    case "scenarioCurveRemoved":
      return { ...state, scenario: { ...state.scenario, curves: state.scenario.curves.filter((_, i) => i !== action.index) } };
    case "scenarioSettingsRestored":
      return { ...state, scenario: scenarioFormFrom(action.settings) };
    case "quotasSet":
      return { ...state, scenario: quotasFromQuotaStep(state.scenario, meanQuotaByRole(state, action.quotas), state.quota.period) };
    case "settingsRestored": {
      const s = action.settings;
      const seats = s.seats;
      return {
        ...state,
        source: s.source,
        mapping: s.mapping,
        restoredMapping: s.mappingHeaders ?? null,
        excluded: [...s.excluded],
        territory: {
          ...state.territory,
          seatsKind: seats.kind,
          count: seats.kind === "count" ? seats.count : state.territory.count,
          repsTable: seats.kind === "reps" ? seats.table : state.territory.repsTable,
          repColumns: seats.kind === "reps" ? seats.columns : state.territory.repColumns,
          roles: seats.kind === "reps" ? seats.roles : state.territory.roles,
          balanceOn: s.balanceOn,
          groupBy: s.groupBy,
          honourPins: s.honourPins,
          minimiseDisruption: s.minimiseDisruption,
          compact: s.compact,
          sheet: s.sheet,
        },
      };
    }
    case "stepChosen":
      return canEnter(state, action.step) ? { ...state, step: action.step } : state;
    case "runStarted":
      return withRun(state, action.step, { status: "running", fraction: 0, label: "Starting", message: null, details: [] });
    case "runProgress":
      return withRun(state, action.step, { ...state.runs[action.step], fraction: action.fraction, label: action.label });
    case "runSucceeded":
      return withRun(state, action.step, { status: "done", fraction: 1, label: "Done", message: action.message, details: action.details });
    case "runFailed":
      return withRun(state, action.step, { status: "failed", fraction: 0, label: "", message: action.message, details: [] });
    case "runCancelled":
      return withRun(state, action.step, { status: "cancelled", fraction: 0, label: "", message: "Cancelled; nothing was written.", details: [] });
  }
}

/** The mean quota of each role's reps (roles from the reps table, matched on the rep id). */
function meanQuotaByRole(state: WizardState, quotas: readonly { id: string; quota: number }[]): Map<string, number> {
  const { repsData } = state;
  const { id, role } = state.territory.repColumns;
  const out = new Map<string, number>();
  if (!repsData || id === null || role === null) return out;
  const roleOf = new Map(repsData.rows.map((r) => [String(r[id] ?? "").trim().toLowerCase(), String(r[role] ?? "").trim().toLowerCase()]));
  const sums = new Map<string, { total: number; n: number }>();
  for (const q of quotas) {
    const r = roleOf.get(q.id.trim().toLowerCase());
    if (!r) continue;
    const s = sums.get(r) ?? { total: 0, n: 0 };
    sums.set(r, { total: s.total + q.quota, n: s.n + 1 });
  }
  sums.forEach((s, r) => out.set(r, s.total / s.n));
  return out;
}

/** How many rows of a reps table have each role (trimmed, any case). */
function countByRole(reps: TableData, roleColumn: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of reps.rows) {
    const k = String(r[roleColumn] ?? "").trim().toLowerCase();
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

const fits = (m: ColumnMapping, width: number) => Object.values(m).every((c) => c === null || c < width);

/**
 * Default roles: those of reps who own accounts today (so SDRs without accounts are left out),
 * or every rep when no owner matches.
 */
function withDefaultRoles(t: TerritoryOptions, reps: TableData | null, accounts: TableData | null, mapping: ColumnMapping | null): TerritoryOptions {
  if (t.roles !== null || !reps || t.repColumns.role === null || t.repColumns.id === null) return t;
  if (!accounts || !mapping || mapping.owner === null) return t;
  const owners = new Set(accounts.rows.map((r) => String(r[mapping.owner!] ?? "").trim().toLowerCase()).filter(Boolean));
  const roles = new Set<string>();
  for (const r of reps.rows) if (owners.has(String(r[t.repColumns.id] ?? "").trim().toLowerCase())) roles.add(String(r[t.repColumns.role] ?? "").trim());
  const all = rolesIn(reps, t.repColumns);
  return roles.size ? { ...t, roles: all.filter((r) => roles.has(r)) } : t;
}

/** The rep ids the data step checks pinned owners against (null when reps are not used). */
function repIds(state: WizardState): string[] | null {
  const t = state.territory;
  if (t.seatsKind !== "reps" || !state.repsData || t.repColumns.id === null) return null;
  const wanted = t.roles && t.repColumns.role !== null ? new Set(t.roles.map((r) => r.toLowerCase())) : null;
  return state.repsData.rows
    .filter((r) => !wanted || wanted.has(String(r[t.repColumns.role!] ?? "").trim().toLowerCase()))
    .map((r) => String(r[t.repColumns.id!] ?? "").trim())
    .filter(Boolean);
}

/** Every problem in the loaded accounts, excluded rows included (they are shown as excluded). */
export function dataProblems(state: WizardState): DataProblem[] {
  if (!state.data || !state.mapping) return [];
  return findDataProblems(state.data.rows, state.mapping, repIds(state));
}

/** The problems still in the way: on rows not excluded, or of the whole table. */
export function openProblems(state: WizardState): DataProblem[] {
  const excluded = new Set(state.excluded);
  return dataProblems(state).filter((p) => p.row === null || !excluded.has(p.row));
}

/** Whether a step can be opened now. */
export function canEnter(state: WizardState, step: StepId): boolean {
  if (step !== "territories") return true;
  return state.data !== null && state.mapping !== null && state.mapping.id !== null && state.mapping.potential !== null;
}

/** What is wrong with the territory options, each saying what to fix; empty when it can run. */
export function territoryIssues(state: WizardState): string[] {
  const t = state.territory;
  const issues: string[] = [];
  const accounts = state.data ? state.data.rows.length - state.excluded.length : 0;
  if (!state.data || !state.mapping) return ["Load the accounts in the Data step first."];
  const open = openProblems(state);
  if (open.length) issues.push(`${open.length} data problem(s) remain: fix or exclude them in the Data step.`);
  if (t.seatsKind === "count" && (!Number.isInteger(t.count) || t.count < 1 || t.count > accounts)) {
    issues.push(`Territories must be a whole number from 1 to ${accounts} (the number of accounts).`);
  }
  if (t.seatsKind === "reps") {
    if (!t.repsTable) issues.push("Choose the table that lists the reps.");
    else if (t.repColumns.id === null) issues.push("Choose the reps table's column that matches the accounts' owners.");
    else if (t.roles !== null && t.roles.length === 0) issues.push("Choose at least one role to give territories to.");
  }
  if (t.balanceOn === "potential+workload" && state.mapping.workload === null) issues.push("Map a workload column in the Data step to balance workload.");
  if (t.groupBy !== "none" && state.mapping[t.groupBy] === null) issues.push(`Map a ${t.groupBy === "group" ? "segment" : "region"} column in the Data step to keep groups pure.`);
  try {
    checkSheetSpec({ name: t.sheet, tables: [] });
  } catch (e) {
    issues.push((e as Error).message);
  }
  return issues;
}

/** The settings to run the territory step with, or null while {@link territoryIssues} lists anything. */
export function territorySettings(state: WizardState): TerritoryStepSettings | null {
  if (territoryIssues(state).length || !state.source || !state.mapping) return null;
  const t = state.territory;
  return {
    source: state.source,
    mapping: state.mapping,
    ...(state.data ? { mappingHeaders: mappingHeaders(state.mapping, state.data.headers) } : {}),
    excluded: state.excluded,
    seats: t.seatsKind === "count" ? { kind: "count", count: t.count } : { kind: "reps", table: t.repsTable!, columns: t.repColumns, roles: t.roles },
    balanceOn: t.balanceOn,
    groupBy: t.groupBy,
    honourPins: t.honourPins,
    minimiseDisruption: t.minimiseDisruption,
    compact: t.compact,
    sheet: t.sheet.trim(),
  };
}

/**
 * The mapping to keep when data is reloaded: a restored one matched by header name (moves and
 * missing columns said in its notice); the one in use when it still fits; else null (guess anew).
 */
function keptMapping(state: WizardState, headers: readonly string[]): { mapping: ColumnMapping; notice: string | null } | null {
  if (state.restoredMapping) return restoreMapping(state.restoredMapping, headers, state.mapping);
  if (!state.mapping) return null;
  if (state.data) return fits(state.mapping, headers.length) ? { mapping: state.mapping, notice: null } : null;
  // Restored from an older workbook without header names: indices cannot be trusted.
  const guessed = autoMap(headers);
  const same = ACCOUNT_FIELDS.every(({ field }) => guessed[field] === state.mapping![field]);
  return { mapping: guessed, notice: same ? null : "The saved column mapping had no header names, so the columns were matched again from the headers. Check the mapping before running." };
}
