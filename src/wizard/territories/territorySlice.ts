/**
 * The territory step's slice of the wizard: its options as the user sets them, the reducer, and
 * the validation and settings the step module uses. Pure.
 */
import { textKey } from "../../core/text";
import { TableData } from "../../workbook/host";
import { sheetNameProblem } from "../../workbook/sheetSpec";
import { ColumnMapping, mappingHeaders } from "../columnMapping";
import { openProblems } from "../data/dataSlice";
import type { WizardAction, WizardState } from "../wizardState";
import { autoMapReps, RepColumns, RepHeaders, repHeaders, restoreRepColumns, rolesIn } from "./repsFromTable";
import type { TerritoryStepSettings } from "./runTerritoryStep";
import { TERRITORIES_SHEET } from "./layout";
import { splitBlockers } from "./splitPreflight";

/** The territory step's options as the user sets them: where the seats come from, and the step's own settings. */
export interface TerritoryOptions extends Pick<
  TerritoryStepSettings,
  "balanceOn" | "groupBy" | "honourPins" | "minimiseDisruption" | "compact" | "sheet"
> {
  readonly seatsKind: "count" | "reps";
  readonly count: number;
  readonly repsTable: string | null;
  readonly repColumns: RepColumns;
  /** Roles that get territories; null for every rep. */
  readonly roles: readonly string[] | null;
  /**
   * Restored settings' rep columns, waiting for their table to be read: matched then by the
   * saved header names (null headers: saved before names were kept, so guessed again). Null once applied.
   */
  readonly restoredRepColumns: { readonly headers: RepHeaders | null } | null;
  /** What matching restored rep columns by name changed (moved or missing columns), for the user; null when nothing did. */
  readonly repColumnsNotice: string | null;
}

/** A change to some of the territory options (columns and roles change through their own actions). */
export type TerritoryOptionsPatch = Partial<
  Omit<TerritoryOptions, "repColumns" | "roles" | "restoredRepColumns" | "repColumnsNotice">
>;

/** The options before the user has set anything. */
export const initialTerritoryOptions: TerritoryOptions = {
  seatsKind: "count",
  count: 10,
  repsTable: null,
  repColumns: { id: null, capacity: null, role: null },
  roles: null,
  restoredRepColumns: null,
  repColumnsNotice: null,
  balanceOn: "potential",
  groupBy: "none",
  honourPins: true,
  minimiseDisruption: true,
  compact: true,
  sheet: TERRITORIES_SHEET,
};

/** The territory options after an action; `state` is the wizard with the data slice already updated. */
export function territorySlice(state: WizardState, action: WizardAction): TerritoryOptions {
  const t = state.territory;
  switch (action.type) {
    case "tablesLoaded": {
      // Suggest the table a user would pick: one that looks like reps.
      const repsTable =
        t.repsTable ?? action.tables.find((x) => /\brep|sales ?people|team/i.test(x.name))?.name ?? null;
      // Before anything is set, split between the suggested reps: pinned accounts and current
      // owners name reps, so honouring them needs the reps (equal territories have none).
      const untouched = t === initialTerritoryOptions;
      return { ...t, repsTable, seatsKind: untouched && repsTable !== null ? "reps" : t.seatsKind };
    }
    case "dataLoaded":
      return withDefaultRoles(t, state.repsData, state.data, state.mapping);
    case "repsLoaded": {
      // The same table read again (reloaded, or read after its settings were restored): the
      // columns and roles chosen for it stay while they fit; another table is matched afresh.
      // Restored columns are matched by their saved header names, never by position.
      if (t.restoredRepColumns && action.table === t.repsTable) {
        const restored = restoredColumns(t, action.data.headers);
        return withDefaultRoles(
          { ...t, ...restored, restoredRepColumns: null },
          action.data,
          state.data,
          state.mapping,
        );
      }
      const width = action.data.headers.length;
      const keep =
        action.table === t.repsTable &&
        t.repColumns.id !== null &&
        Object.values(t.repColumns).every((c) => c === null || c < width);
      const territory = keep
        ? t
        : {
            ...t,
            repsTable: action.table,
            repColumns: autoMapReps(action.data.headers),
            roles: null,
            restoredRepColumns: null,
            repColumnsNotice: null,
          };
      return withDefaultRoles(territory, action.data, state.data, state.mapping);
    }
    case "repColumnChanged": {
      const territory = {
        ...t,
        repColumns: { ...t.repColumns, [action.field]: action.column },
        roles: action.field === "role" ? null : t.roles,
        repColumnsNotice: null,
      };
      return action.field === "role"
        ? withDefaultRoles(territory, state.repsData, state.data, state.mapping)
        : territory;
    }
    case "roleToggled": {
      const all = state.repsData ? rolesIn(state.repsData, t.repColumns) : [];
      const current = new Set(t.roles ?? all);
      if (action.on) current.add(action.role);
      else current.delete(action.role);
      return { ...t, roles: all.filter((r) => current.has(r)) };
    }
    case "territoryOptionsChanged":
      return { ...t, ...action.options };
    case "settingsRestored": {
      const s = action.settings;
      const seats = s.seats;
      return {
        ...t,
        seatsKind: seats.kind,
        count: seats.kind === "count" ? seats.count : t.count,
        repsTable: seats.kind === "reps" ? seats.table : t.repsTable,
        repColumns: seats.kind === "reps" ? seats.columns : t.repColumns,
        roles: seats.kind === "reps" ? seats.roles : t.roles,
        restoredRepColumns: seats.kind === "reps" ? { headers: seats.headers ?? null } : null,
        repColumnsNotice: null,
        balanceOn: s.balanceOn,
        groupBy: s.groupBy,
        honourPins: s.honourPins,
        minimiseDisruption: s.minimiseDisruption,
        compact: s.compact,
        sheet: s.sheet,
      };
    }
    default:
      return t;
  }
}

/**
 * Restored rep columns on the reps table as read now: by the saved header names (what moved or
 * vanished said in the notice), or, for settings saved before names were kept, guessed again
 * from the headers with a notice when the guess differs from the saved positions.
 */
function restoredColumns(
  t: TerritoryOptions,
  headers: readonly string[],
): Pick<TerritoryOptions, "repColumns" | "repColumnsNotice"> {
  const saved = t.restoredRepColumns?.headers;
  if (saved) {
    const found = restoreRepColumns(saved, headers, t.repColumns);
    return { repColumns: found.mapping, repColumnsNotice: found.notice };
  }
  const guessed = autoMapReps(headers);
  const same = (Object.keys(guessed) as (keyof RepColumns)[]).every((k) => guessed[k] === t.repColumns[k]);
  return {
    repColumns: guessed,
    repColumnsNotice: same
      ? null
      : "The saved reps table's columns had no header names, so they were matched again from the headers. Check them before running.",
  };
}

/**
 * Default roles: those of reps who own accounts today (so SDRs without accounts are left out),
 * or every rep when no owner matches.
 */
function withDefaultRoles(
  t: TerritoryOptions,
  reps: TableData | null,
  accounts: TableData | null,
  mapping: ColumnMapping | null,
): TerritoryOptions {
  const { id, role } = t.repColumns;
  if (t.roles !== null || !reps || role === null || id === null) return t;
  const owner = mapping?.owner ?? null;
  if (!accounts || owner === null) return t;
  const owners = new Set(accounts.rows.map((r) => textKey(r[owner])).filter(Boolean));
  const roles = new Set<string>();
  for (const r of reps.rows) if (owners.has(textKey(r[id]))) roles.add(String(r[role] ?? "").trim());
  const all = rolesIn(reps, t.repColumns);
  return roles.size ? { ...t, roles: all.filter((r) => roles.has(r)) } : t;
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
    if (t.repsTable && !state.repsData)
      issues.push(
        state.repsError
          ? `The reps table could not be read (${state.repsError}); choose another table or reload it.`
          : `Reading the reps table "${t.repsTable}"...`,
      );
  }
  if (t.balanceOn === "potential+workload" && state.mapping.workload === null)
    issues.push("Map a workload column in the Data step to balance workload.");
  if (t.groupBy !== "none" && state.mapping[t.groupBy] === null)
    issues.push(`Map a ${t.groupBy === "group" ? "segment" : "region"} column in the Data step to keep groups pure.`);
  const sheet = sheetNameProblem(t.sheet);
  if (sheet) issues.push(sheet);
  // Only once the form itself is complete: what the split would refuse, said before running.
  return issues.length ? issues : blockersOf(state);
}

let lastBlockers: { key: readonly unknown[]; issues: string[] } | null = null;

/** {@link splitBlockers}, worked out again only when the rows or the options change (the pane asks on every render). */
function blockersOf(state: WizardState): string[] {
  const key = [state.data, state.mapping, state.excluded, state.repsData, state.territory];
  if (!lastBlockers || key.some((k, i) => k !== lastBlockers!.key[i]))
    lastBlockers = { key, issues: splitBlockers(state) };
  return [...lastBlockers.issues];
}

/** The settings to run the territory step with, or null while {@link territoryIssues} lists anything. */
export function territorySettings(state: WizardState): TerritoryStepSettings | null {
  if (territoryIssues(state).length || !state.source || !state.mapping) return null;
  const t = state.territory;
  const seats: TerritoryStepSettings["seats"] =
    t.seatsKind === "reps" && t.repsTable !== null
      ? {
          kind: "reps",
          table: t.repsTable,
          columns: t.repColumns,
          ...(state.repsData ? { headers: repHeaders(t.repColumns, state.repsData.headers) } : {}),
          roles: t.roles,
        }
      : { kind: "count", count: t.count };
  return {
    source: state.source,
    mapping: state.mapping,
    ...(state.data ? { mappingHeaders: mappingHeaders(state.mapping, state.data.headers) } : {}),
    excluded: state.excluded,
    seats,
    balanceOn: t.balanceOn,
    groupBy: t.groupBy,
    honourPins: t.honourPins,
    minimiseDisruption: t.minimiseDisruption,
    compact: t.compact,
    sheet: t.sheet.trim(),
    // Run on what was loaded and checked, never on a fresh read of a selection that has moved.
    ...(state.data ? { loaded: { accounts: state.data, reps: seats.kind === "reps" ? state.repsData : null } } : {}),
  };
}
