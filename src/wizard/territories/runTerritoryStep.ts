import { SplitResult } from "../../core/territories";
import { TableData, WorkbookHost } from "../../workbook/host";
import { ColumnMapping, SavedMapping } from "../columnMapping";
import { listProblems, Progress, runStep, StepContext, StepError } from "../stepRun";
import type { WizardStepModule } from "../wizardState";
import { accountsFromTable, GroupBy } from "./accountsFromTable";
import { RepColumns, RepHeaders, repsFromTable } from "./repsFromTable";
import { columnsByName } from "./storedColumns";
import { territoriesSheet } from "./territoriesSheet";
import { territoryIssues, territorySettings } from "./territorySlice";

/** Where the accounts come from: a table by name, or the current selection. */
export type AccountsSource = { readonly kind: "table"; readonly name: string } | { readonly kind: "selection" };

/** Either equal territories or the reps of a table (with capacity and a role filter). */
export type SeatSource =
  | { readonly kind: "count"; readonly count: number }
  | {
      readonly kind: "reps";
      readonly table: string;
      readonly columns: RepColumns;
      /** The header each column used, so a re-run matches the reps' columns by name (absent in older workbooks). */
      readonly headers?: RepHeaders;
      readonly roles: readonly string[] | null;
    };

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
  /**
   * The rows the pane loaded and checked: a run from the pane works on these, so moving the
   * selection after loading changes nothing. Never stored; without it (a stored re-run, a
   * script) the run reads the source and the reps table.
   */
  readonly loaded?: LoadedData;
}

/** What the Data and Territories steps loaded: the accounts, and the reps table when the seats are reps. */
export interface LoadedData {
  readonly accounts: TableData;
  readonly reps: TableData | null;
}

/** The settings key the territory step stores its last run under. */
export const TERRITORY_SETTINGS_KEY = "territories";

/** Reads the accounts the step would use (the data step calls this too). */
export function readAccounts(host: WorkbookHost, source: AccountsSource): Promise<TableData> {
  return source.kind === "table" ? host.readTable(source.name) : host.readSelection();
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/** One line on how balanced a split came out. */
export function describeResult(sheet: string, r: SplitResult): string {
  const moved = r.moved ? `; ${r.moved.toLocaleString("en-US")} account(s) moved from their current owner` : "";
  return `Wrote "${sheet}": ${r.territories.length} territories; worst ${pct(r.worstDeviation)} from its target, largest / smallest ${r.maxOverMin.toFixed(3)}${moved}.`;
}

/** The settings as stored in the workbook: everything but the loaded rows. */
export function storedTerritorySettings(s: TerritoryStepSettings): TerritoryStepSettings {
  const { loaded, ...stored } = s;
  return stored;
}

/** Stored settings, if they look like the territory step's (a workbook may carry anything). */
export function parseTerritorySettings(v: unknown): TerritoryStepSettings | null {
  const s = v as Partial<TerritoryStepSettings> | null;
  return !!s &&
    typeof s === "object" &&
    !!s.source &&
    !!s.mapping &&
    !!s.seats &&
    typeof s.sheet === "string" &&
    Array.isArray(s.excluded)
    ? storedTerritorySettings(s as TerritoryStepSettings)
    : null;
}

/**
 * The territory step's run: reads the accounts (and reps), then the split job (checks and splits:
 * off the page's thread in the pane), then lays out and writes the territories sheet.
 * Cancelling is honoured until the write starts; nothing is written before the job's result.
 */
async function splitAndWrite(
  host: WorkbookHost,
  settings: TerritoryStepSettings,
  { step, runJob }: StepContext,
): Promise<SplitResult> {
  await step(0.05, "Reading accounts");
  const data = settings.loaded?.accounts ?? (await readAccounts(host, settings.source));
  let repsTable: TableData | null = null;
  if (settings.seats.kind === "reps") {
    await step(0.15, "Reading reps");
    repsTable = settings.loaded?.reps ?? (await host.readTable(settings.seats.table));
  }
  const s = columnsByName(settings, data, repsTable);
  let reps = null;
  if (s.seats.kind === "reps" && repsTable) {
    const read = repsFromTable(repsTable, s.seats.columns, s.seats.roles);
    if (read.problems.length)
      throw new StepError(
        listProblems(
          "the reps table",
          read.problems.map((p) => p.message),
        ),
      );
    reps = read.reps;
  }
  const { rows, ...table } = data;
  const { result } = await runJob("split", { table, rows, settings: storedTerritorySettings(s), reps });
  await step(0.8, `Writing sheet "${s.sheet}"`);
  // The sheet is laid out here, not in the worker: posting 100,000 laid-out rows back costs the
  // page more than laying them out (the checks passed in the job, so the rows are read as they are).
  const { accounts } = accountsFromTable(data, s.mapping, new Set(s.excluded), s.groupBy);
  const groupColumn = s.groupBy === "none" ? null : s.mapping[s.groupBy];
  const written = await host.writeSheet(
    territoriesSheet(s.sheet, accounts, result, groupColumn === null ? null : data.headers[groupColumn]),
  );
  // A hand-edited previous version kept under another name is said with the result.
  return written?.message ? { ...result, notes: [...result.notes, written.message] } : result;
}

/** The territory step: split accounts into balanced territories and write the Territories sheet. */
export const territoryStep: WizardStepModule<TerritoryStepSettings, SplitResult> = {
  id: "territories",
  label: "Territories",
  settingsKey: TERRITORY_SETTINGS_KEY,
  parseSettings: parseTerritorySettings,
  issues: territoryIssues,
  settingsFrom: territorySettings,
  run: splitAndWrite,
  stored: storedTerritorySettings,
  summary: (s, r) => ({ message: describeResult(s.sheet, r), details: r.notes }),
  sheetOf: (s) => s.sheet,
  restore: (settings) => ({ type: "settingsRestored", settings }),
};

/**
 * Runs the territory step: reads the accounts (and reps), checks them, splits, and writes the
 * territories sheet, then stores the settings in the workbook. Cancelling (the signal) is honoured
 * between phases until the write starts; a cancelled or failed run writes nothing.
 */
export function runTerritoryStep(
  host: WorkbookHost,
  s: TerritoryStepSettings,
  progress: Progress = () => {},
  signal?: AbortSignal,
): Promise<SplitResult> {
  return runStep(territoryStep, host, s, progress, signal);
}
