import * as React from "react";
import { Tab, TabList } from "@fluentui/react-components";
import { SplitResult } from "../../../core/territories";
import { SheetInfo, WorkbookHost } from "../../../workbook/host";
import { AccountsSource, readAccounts, runTerritoryStep, TERRITORY_SETTINGS_KEY, TerritoryStepSettings } from "../../../wizard/territories/runTerritoryStep";
import { canEnter, initialWizardState, STEPS, territorySettings, wizardReducer } from "../../../wizard/wizardState";
import { DataStep } from "./DataStep";
import { ReviewStep } from "./ReviewStep";
import { TerritoriesStep } from "./TerritoriesStep";
import { useWizardStyles } from "./useWizardStyles.styles";

/** Props of {@link Wizard}. */
export interface WizardProps {
  /** The workbook the wizard reads and writes (ExcelHost or PreviewHost). */
  readonly host: WorkbookHost;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/** One line on how balanced a split came out. */
export function describeResult(sheet: string, r: SplitResult): string {
  const moved = r.moved ? `; ${r.moved.toLocaleString("en-US")} account(s) moved from their current owner` : "";
  return `Wrote "${sheet}": ${r.territories.length} territories; worst ${pct(r.worstDeviation)} from its target, largest / smallest ${r.maxOverMin.toFixed(3)}${moved}.`;
}

/** Stored settings look like the territory step's (a workbook may carry anything). */
function isTerritorySettings(v: unknown): v is TerritoryStepSettings {
  const s = v as Partial<TerritoryStepSettings> | null;
  return !!s && typeof s === "object" && !!s.source && !!s.mapping && !!s.seats && typeof s.sheet === "string" && Array.isArray(s.excluded);
}

/**
 * The planning wizard: Data -> Territories -> Quotas -> OTE scenarios -> Review. State lives in
 * the pure reducer (src/wizard); this component performs the workbook calls and dispatches what
 * they return. Every failure is shown as a message in the step.
 */
export function Wizard({ host }: WizardProps): React.JSX.Element {
  const styles = useWizardStyles();
  const [state, dispatch] = React.useReducer(wizardReducer, initialWizardState);
  const [sheets, setSheets] = React.useState<SheetInfo[] | null>(null);
  const abort = React.useRef<AbortController | null>(null);

  const load = React.useCallback(
    (source: AccountsSource, keepMapping = false) => {
      dispatch({ type: "sourceChosen", source });
      readAccounts(host, source).then(
        (data) => dispatch({ type: "dataLoaded", data, keepMapping }),
        (e) => dispatch({ type: "dataFailed", message: messageOf(e) }),
      );
    },
    [host],
  );
  const loadReps = React.useCallback(
    (table: string) =>
      host.readTable(table).then(
        (data) => dispatch({ type: "repsLoaded", table, data }),
        (e) => dispatch({ type: "repsFailed", message: messageOf(e) }),
      ),
    [host],
  );
  const refreshSheets = React.useCallback(() => {
    host.listSheets().then(setSheets, () => setSheets(null));
  }, [host]);

  React.useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const tables = await host.listTables();
        if (!live) return;
        dispatch({ type: "tablesLoaded", tables });
        const stored = await host.readSettings(TERRITORY_SETTINGS_KEY);
        if (!live || !isTerritorySettings(stored)) return;
        dispatch({ type: "settingsRestored", settings: stored });
        if (stored.source.kind === "table" && tables.some((t) => t.name === (stored.source as { name: string }).name)) load(stored.source, true);
      } catch (e) {
        if (live) dispatch({ type: "dataFailed", message: `Could not read the workbook: ${messageOf(e)}` });
      }
    })();
    return () => {
      live = false;
    };
  }, [host, load]);

  const { seatsKind, repsTable } = state.territory;
  React.useEffect(() => {
    if (seatsKind === "reps" && repsTable && state.repsData === null && state.repsError === null) void loadReps(repsTable);
  }, [seatsKind, repsTable, state.repsData, state.repsError, loadReps]);
  React.useEffect(() => {
    if (state.step === "review") refreshSheets();
  }, [state.step, refreshSheets]);

  const run = () => {
    const settings = territorySettings(state);
    if (!settings) return;
    const controller = new AbortController();
    abort.current = controller;
    dispatch({ type: "runStarted" });
    runTerritoryStep(host, settings, (fraction, label) => dispatch({ type: "runProgress", fraction, label }), controller.signal).then(
      (result) => {
        dispatch({ type: "runSucceeded", message: describeResult(settings.sheet, result), details: result.notes });
        void host.select(settings.sheet, "A1").catch(() => undefined);
      },
      (e) => dispatch(controller.signal.aborted ? { type: "runCancelled" } : { type: "runFailed", message: messageOf(e) }),
    );
  };

  return (
    <div className={styles.root}>
      <TabList selectedValue={state.step} onTabSelect={(_, d) => dispatch({ type: "stepChosen", step: d.value as typeof state.step })} size="small" aria-label="Planning steps">
        {STEPS.map((s) => (
          <Tab key={s.id} value={s.id} disabled={!canEnter(state, s.id)} title={s.built ? undefined : "Comes in a later release"}>
            {s.label}
          </Tab>
        ))}
      </TabList>
      {state.step === "data" && <DataStep state={state} dispatch={dispatch} load={load} />}
      {state.step === "territories" && <TerritoriesStep state={state} dispatch={dispatch} loadReps={(t) => void loadReps(t)} run={run} cancel={() => abort.current?.abort()} />}
      {state.step === "review" && <ReviewStep sheets={sheets} show={(s) => void host.select(s, "A1").catch(() => undefined)} refresh={refreshSheets} />}
    </div>
  );
}
