/**
 * The data step's slice of the wizard: the workbook's tables, the accounts source, the loaded
 * accounts and their column mapping, excluded rows, the reps table, and which step is open.
 */
import { textKey } from "../../core/text";
import { ACCOUNT_FIELDS, autoMap, ColumnMapping, restoreMapping } from "../columnMapping";
import { DataProblem, findDataProblems } from "../dataProblems";
import type { StepId, WizardAction, WizardState } from "../wizardState";

/** The fields of the wizard state this slice owns. */
export type DataSlice = Pick<
  WizardState,
  | "step"
  | "tables"
  | "source"
  | "loading"
  | "loadError"
  | "data"
  | "mapping"
  | "restoredMapping"
  | "mappingNotice"
  | "excluded"
  | "repsData"
  | "repsError"
>;

/** The data slice before anything is loaded. */
export const initialDataSlice: DataSlice = {
  step: "data",
  tables: [],
  source: null,
  loading: false,
  loadError: null,
  data: null,
  mapping: null,
  restoredMapping: null,
  mappingNotice: null,
  excluded: [],
  repsData: null,
  repsError: null,
};

const fits = (m: ColumnMapping, width: number) => Object.values(m).every((c) => c === null || c < width);
const sorted = (rows: Iterable<number>) => [...new Set(rows)].sort((a, b) => a - b);

/** The data slice after an action (the whole state before it is read for cross-step rules). */
export function dataSlice(state: WizardState, action: WizardAction): DataSlice {
  const s: DataSlice = state;
  switch (action.type) {
    case "tablesLoaded": {
      // Suggest the table a user would pick: one that looks like accounts.
      const accounts = action.tables.find((t) => /account/i.test(t.name));
      return {
        ...s,
        tables: action.tables,
        source: s.source ?? (accounts ? { kind: "table", name: accounts.name } : null),
      };
    }
    case "sourceChosen":
      return { ...s, source: action.source, data: null, mapping: null, excluded: [], loading: true, loadError: null };
    case "dataLoaded": {
      const kept = action.keepMapping ? keptMapping(s, action.data.headers) : null;
      const mapping = kept ? kept.mapping : autoMap(action.data.headers);
      const excluded = action.keepMapping ? s.excluded.filter((r) => r <= action.data.rows.length) : [];
      return {
        ...s,
        data: action.data,
        mapping,
        mappingNotice: kept?.notice ?? null,
        restoredMapping: null,
        excluded,
        loading: false,
        loadError: null,
      };
    }
    case "dataFailed":
      return { ...s, loading: false, loadError: action.message };
    case "mappingChanged":
      return s.mapping ? { ...s, mapping: { ...s.mapping, [action.field]: action.column } } : s;
    case "rowExcluded": {
      const set = new Set(s.excluded);
      if (action.excluded) set.add(action.row);
      else set.delete(action.row);
      return { ...s, excluded: sorted(set) };
    }
    case "problemRowsExcluded":
      return {
        ...s,
        excluded: sorted([...s.excluded, ...dataProblems(state).flatMap((p) => (p.row === null ? [] : [p.row]))]),
      };
    case "repsLoaded":
      return { ...s, repsData: action.data, repsError: null };
    case "repsFailed":
      return { ...s, repsData: null, repsError: action.message };
    case "territoryOptionsChanged":
      // Another reps table: the loaded one no longer applies (the pane reads the new one).
      return action.options.repsTable !== undefined && action.options.repsTable !== state.territory.repsTable
        ? { ...s, repsData: null, repsError: null }
        : s;
    case "settingsRestored":
      return {
        ...s,
        source: action.settings.source,
        mapping: action.settings.mapping,
        restoredMapping: action.settings.mappingHeaders ?? null,
        excluded: [...action.settings.excluded],
      };
    case "stepChosen":
      return canEnter(state, action.step) ? { ...s, step: action.step } : s;
    default:
      return s;
  }
}

/** The rep ids the data step checks pinned owners against (null when reps are not used, or pins not honoured). */
function repIds(state: WizardState): string[] | null {
  const t = state.territory;
  const { id, role } = t.repColumns;
  if (t.seatsKind !== "reps" || !t.honourPins || !state.repsData || id === null) return null;
  const wanted = t.roles && role !== null ? new Set(t.roles.map(textKey)) : null;
  return state.repsData.rows
    .filter((r) => !wanted || role === null || wanted.has(textKey(r[role])))
    .map((r) => String(r[id] ?? "").trim())
    .filter(Boolean);
}

let lastProblems: { key: readonly unknown[]; problems: DataProblem[] } | null = null;

/**
 * Every problem in the loaded accounts, excluded rows included (they are shown as excluded).
 * Worked out again only when the rows, the mapping or the reps they are checked against change:
 * the pane asks on every render, and a scan of 100,000 rows on each progress of a run would hold
 * the page's thread while the split runs in its worker.
 */
export function dataProblems(state: WizardState): DataProblem[] {
  if (!state.data || !state.mapping) return [];
  const t = state.territory;
  const key = [state.data, state.mapping, state.repsData, t.seatsKind, t.honourPins, t.repColumns, t.roles];
  if (!lastProblems || key.some((k, i) => k !== lastProblems!.key[i]))
    lastProblems = { key, problems: findDataProblems(state.data.rows, state.mapping, repIds(state)) };
  return [...lastProblems.problems];
}

/** The problems still in the way: on rows not excluded, or of the whole table. */
export function openProblems(state: WizardState): DataProblem[] {
  const excluded = new Set(state.excluded);
  return dataProblems(state).filter((p) => p.row === null || !excluded.has(p.row));
}

/** Whether a step can be opened now: the territory step needs mapped accounts; the others read tables of their own. */
export function canEnter(state: WizardState, step: StepId): boolean {
  if (step !== "territories") return true;
  return state.data !== null && state.mapping !== null && state.mapping.id !== null && state.mapping.potential !== null;
}

/**
 * The mapping to keep when data is reloaded: a restored one matched by header name (moves and
 * missing columns said in its notice); the one in use when it still fits; else null (guess anew).
 */
function keptMapping(
  s: DataSlice,
  headers: readonly string[],
): { mapping: ColumnMapping; notice: string | null } | null {
  if (s.restoredMapping) return restoreMapping(s.restoredMapping, headers, s.mapping);
  if (!s.mapping) return null;
  if (s.data) return fits(s.mapping, headers.length) ? { mapping: s.mapping, notice: null } : null;
  // Restored from an older workbook without header names: indices cannot be trusted.
  const guessed = autoMap(headers);
  const same = ACCOUNT_FIELDS.every(({ field }) => guessed[field] === s.mapping![field]);
  return {
    mapping: guessed,
    notice: same
      ? null
      : "The saved column mapping had no header names, so the columns were matched again from the headers. Check the mapping before running.",
  };
}
