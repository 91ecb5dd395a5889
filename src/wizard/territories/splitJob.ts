/**
 * The territory step's computation, from the loaded rows to the split: checks the rows, builds
 * the accounts and splits them. It reads and writes no workbook, so it runs in a Web Worker
 * (src/wizard/offThread) or, in tests, in-process. Its rows are a top-level `rows`, which the
 * worker runner posts in parts, and its output is the split alone: at 100,000 rows, posting the
 * rows in one message or receiving the laid-out sheet would each hold the page's thread for over 100 ms.
 */
import { Seat, SplitResult, splitTerritories } from "../../core/territories";
import { TableData } from "../../workbook/host";
import { findDataProblems } from "../dataProblems";
import type { JobProgress } from "../offThread/job";
import { listProblems, StepError } from "../stepRun";
import { accountsFromTable } from "./accountsFromTable";
import type { TerritoryStepSettings } from "./runTerritoryStep";

/** What the split job needs: the table's headers and rows, the settings (without loaded rows) and the reps, if seats are reps. */
export interface SplitJobInput {
  readonly table: Omit<TableData, "rows">;
  readonly rows: TableData["rows"];
  readonly settings: Omit<TerritoryStepSettings, "loaded">;
  /** The reps read from the reps table, or null for a number of equal territories. */
  readonly reps: readonly Seat[] | null;
}

/** What the split job gives back. */
export interface SplitJobOutput {
  readonly result: SplitResult;
}

/**
 * The split, as a job: yields its progress between phases and returns the split.
 * @throws StepError listing the data problems left; the core's InputError for what the split refuses.
 */
export function* splitJob({
  table,
  rows,
  settings: s,
  reps,
}: SplitJobInput): Generator<JobProgress, SplitJobOutput, void> {
  yield { fraction: 0.25, label: "Checking the data" };
  const data: TableData = { ...table, rows };
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
  return { result };
}
