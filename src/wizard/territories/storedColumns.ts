import { TableData } from "../../workbook/host";
import { restoreMapping } from "../columnMapping";
import { StepError } from "../stepRun";
import { restoreRepColumns } from "./repsFromTable";
import type { TerritoryStepSettings } from "./runTerritoryStep";

/**
 * The settings of a run that read its tables itself (a stored re-run, a script), with the
 * account and rep columns found again by the header names saved with them, never by position:
 * a column that moved is followed; one that vanished refuses the run, naming it. Settings saved
 * before header names were kept are returned as they are. A run from the pane is left alone: the
 * pane matched the columns when it loaded the rows, and showed the user what moved.
 * @throws StepError naming each saved column that is no longer in its table.
 */
export function columnsByName(
  s: TerritoryStepSettings,
  accounts: TableData,
  reps: TableData | null,
): TerritoryStepSettings {
  if (s.loaded) return s;
  const problems: string[] = [];
  const gone = (table: TableData, missing: readonly { header: string }[]) =>
    `${table.source} has no column ${missing.map((m) => `"${m.header}"`).join(", ")} any more`;
  let mapping = s.mapping;
  if (s.mappingHeaders) {
    const found = restoreMapping(s.mappingHeaders, accounts.headers);
    if (found.missing.length) problems.push(gone(accounts, found.missing));
    mapping = found.mapping;
  }
  let seats = s.seats;
  if (seats.kind === "reps" && seats.headers && reps) {
    const found = restoreRepColumns(seats.headers, reps.headers);
    if (found.missing.length) problems.push(gone(reps, found.missing));
    seats = { ...seats, columns: found.mapping };
  }
  if (problems.length)
    throw new StepError(
      `${problems.join("; ")}, so the saved territory settings cannot run; nothing was written. Choose the columns again in the Data and Territories steps.`,
    );
  return { ...s, mapping, seats };
}
