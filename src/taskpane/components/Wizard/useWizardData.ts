import * as React from "react";
import { WorkbookHost } from "../../../workbook/host";
import { AccountsSource, readAccounts } from "../../../wizard/territories/runTerritoryStep";
import { WizardAction, WizardState } from "../../../wizard/wizardState";

/** The wizard's reads of data tables, each dispatching what it returns. */
export interface WizardData {
  /** Reads the accounts from a source (keeping the mapping and exclusions when they still fit). */
  readonly load: (source: AccountsSource, keepMapping?: boolean) => void;
  /** Reads a reps table. */
  readonly loadReps: (table: string) => void;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The wizard's data effects, outside the reducer: reading the accounts and the reps table when
 * asked, and the reps table as soon as the territory step needs one that is not loaded.
 */
export function useWizardData(
  host: WorkbookHost,
  state: WizardState,
  dispatch: (action: WizardAction) => void,
): WizardData {
  const load = React.useCallback(
    (source: AccountsSource, keepMapping = false) => {
      dispatch({ type: "sourceChosen", source });
      readAccounts(host, source).then(
        (data) => dispatch({ type: "dataLoaded", data, keepMapping }),
        (e) => dispatch({ type: "dataFailed", message: messageOf(e) }),
      );
    },
    [host, dispatch],
  );
  const loadReps = React.useCallback(
    (table: string) =>
      void host.readTable(table).then(
        (data) => dispatch({ type: "repsLoaded", table, data }),
        (e) => dispatch({ type: "repsFailed", message: messageOf(e) }),
      ),
    [host, dispatch],
  );
  const { seatsKind, repsTable } = state.territory;
  React.useEffect(() => {
    if (seatsKind === "reps" && repsTable && state.repsData === null && state.repsError === null) loadReps(repsTable);
  }, [seatsKind, repsTable, state.repsData, state.repsError, loadReps]);
  return React.useMemo(() => ({ load, loadReps }), [load, loadReps]);
}
