import { SplitResult, splitTerritories, TerritoryInputError } from "../../core/territories";
import { TableData, WorkbookHost } from "../../workbook/host";
import { ColumnMapping, SavedMapping } from "../columnMapping";
import { findDataProblems } from "../dataProblems";
import { accountsFromTable, GroupBy } from "./accountsFromTable";
import { RepColumns, repsFromTable } from "./repsFromTable";
import { territoriesSheet } from "./territoriesSheet";
import { listProblems, Progress, StepError, stepper } from "../stepRun";

/** Where the accounts come from: a table by name, or the current selection. */
export type AccountsSource = { readonly kind: "table"; readonly name: string } | { readonly kind: "selection" };

/** Either equal territories or the reps of a table (with capacity and a role filter). */
export type SeatSource =
  | { readonly kind: "count"; readonly count: number }
  | { readonly kind: "reps"; readonly table: string; readonly columns: RepColumns; readonly roles: readonly string[] | null };

/** Everything the territory step needs; also what is stored in the workbook for a re-run. */
export interface TerritoryStepSettings {
  readonly source: AccountsSource;
  readonly mapping: ColumnMapping;
  /** The header each mapped field used, so a re-run matches columns by name (absent in older workbooks). */
  readonly mappingHeaders?: SavedMapping;
  /** 1-based data rows left out by the user. */
  readonly excluded: readonly number[];
  readonly seats: SeatSource;
  readonly balanceOn: "potential" | "potential+workload";
  readonly groupBy: GroupBy;
  readonly honourPins: boolean;
  readonly minimiseDisruption: boolean;
  readonly compact: boolean;
  readonly sheet: string;
}

/** The settings key the territory step stores its last run under. */
export const TERRITORY_SETTINGS_KEY = "territories";

/** Reads the accounts the step would use (the data step calls this too). */
export function readAccounts(host: WorkbookHost, source: AccountsSource): Promise<TableData> {
  return source.kind === "table" ? host.readTable(source.name) : host.readSelection();
}

/**
 * Runs the territory step: reads the accounts (and reps), checks them, splits, and writes the
 * territories sheet, then stores the settings in the workbook. Cancelling (the signal) is honoured
 * between phases until the write starts; a cancelled or failed run writes nothing.
 */
export async function runTerritoryStep(host: WorkbookHost, s: TerritoryStepSettings, progress: Progress = () => {}, signal?: AbortSignal): Promise<SplitResult> {
  const step = stepper(progress, signal);
  await step(0.05, "Reading accounts");
  const data = await readAccounts(host, s.source);
  let reps = null;
  if (s.seats.kind === "reps") {
    await step(0.15, "Reading reps");
    const table = await host.readTable(s.seats.table);
    const read = repsFromTable(table, s.seats.columns, s.seats.roles);
    if (read.problems.length) throw new StepError(listProblems("the reps table", read.problems.map((p) => p.message)));
    reps = read.reps;
  }
  await step(0.25, "Checking the data");
  const excluded = new Set(s.excluded);
  const problems = findDataProblems(data.rows, s.mapping, reps ? reps.map((r) => r.name) : null).filter((p) => p.row === null || !excluded.has(p.row));
  if (problems.length) throw new StepError(listProblems("the accounts (fix or exclude them in the Data step)", problems.map((p) => p.message)));
  const { accounts } = accountsFromTable(data, s.mapping, excluded, s.groupBy);
  await step(0.35, `Splitting ${accounts.length.toLocaleString("en-US")} accounts`);
  let result: SplitResult;
  try {
    result = splitTerritories(accounts, {
      ...(reps ? { reps } : { territories: s.seats.kind === "count" ? s.seats.count : 0 }),
      balanceOn: s.balanceOn,
      keepGroupsPure: s.groupBy !== "none",
      honourPins: s.honourPins,
      minimiseDisruption: s.minimiseDisruption,
      compact: s.compact,
    });
  } catch (e) {
    if (e instanceof TerritoryInputError) throw new StepError(e.message);
    throw e;
  }
  await step(0.8, `Writing sheet "${s.sheet}"`);
  const groupLabel = s.groupBy === "none" ? null : s.mapping[s.groupBy] === null ? null : data.headers[s.mapping[s.groupBy]!];
  const written = await host.writeSheet(territoriesSheet(s.sheet, accounts, result, groupLabel));
  await host.writeSettings(TERRITORY_SETTINGS_KEY, s);
  progress(1, "Done");
  // A hand-edited previous version kept under another name is said with the result.
  return written?.message ? { ...result, notes: [...result.notes, written.message] } : result;
}
