/**
 * The territory step's computation, from the loaded rows to the sheet to write: checks the rows,
 * builds the accounts, splits them and lays out the Territories sheet. It reads and writes no
 * workbook, so it runs in a Web Worker (src/wizard/offThread) or, in tests, in-process.
 */
import { Seat, SplitResult, splitTerritories } from "../../core/territories";
import { TableData } from "../../workbook/host";
import { SheetSpec } from "../../workbook/sheetSpec";
import { findDataProblems } from "../dataProblems";
import type { JobProgress } from "../offThread/job";
import { listProblems, StepError } from "../stepRun";
import { accountsFromTable } from "./accountsFromTable";
import type { TerritoryStepSettings } from "./runTerritoryStep";
import { territoriesSheet } from "./territoriesSheet";

/** What the split job needs: the rows, the settings (without loaded rows) and the reps, if seats are reps. */
export interface SplitJobInput {
  readonly data: TableData;
  readonly settings: Omit<TerritoryStepSettings, "loaded">;
  /** The reps read from the reps table, or null for a number of equal territories. */
  readonly reps: readonly Seat[] | null;
}

/** What the split job gives back: the split and the sheet that shows it. */
export interface SplitJobOutput {
  readonly result: SplitResult;
  readonly sheet: SheetSpec;
}

/**
 * The split, as a job: yields its progress between phases and returns the split and its sheet.
 * @throws StepError listing the data problems left; the core's InputError for what the split refuses.
 */
export function* splitJob({ data, settings: s, reps }: SplitJobInput): Generator<JobProgress, SplitJobOutput, void> {
  yield { fraction: 0.25, label: "Checking the data" };
  const excluded = new Set(s.excluded);
  // Pinned owners are checked against the reps only when pins are honoured, as in the Data step.
  const repNames = reps && s.honourPins ? reps.map((r) => r.name) : null;
  const problems = findDataProblems(data.rows, s.mapping, repNames).filter(
    (p) => p.row === null || !excluded.has(p.row),
  );
  if (problems.length)
    throw new StepError(
      listProblems(
        "the accounts (fix or exclude them in the Data step)",
        problems.map((p) => p.message),
      ),
    );
  const { accounts } = accountsFromTable(data, s.mapping, excluded, s.groupBy);
  yield { fraction: 0.35, label: `Splitting ${accounts.length.toLocaleString("en-US")} accounts` };
  const result = splitTerritories(accounts, {
    ...(reps ? { reps } : { territories: s.seats.kind === "count" ? s.seats.count : 0 }),
    balanceOn: s.balanceOn,
    keepGroupsPure: s.groupBy !== "none",
    honourPins: s.honourPins,
    minimiseDisruption: s.minimiseDisruption,
    compact: s.compact,
  });
  yield { fraction: 0.7, label: `Laying out sheet "${s.sheet}"` };
  const groupColumn = s.groupBy === "none" ? null : s.mapping[s.groupBy];
  const sheet = territoriesSheet(s.sheet, accounts, result, groupColumn === null ? null : data.headers[groupColumn]);
  return { result, sheet };
}
