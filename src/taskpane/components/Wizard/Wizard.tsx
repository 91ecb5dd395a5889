import * as React from "react";
import { Tab, TabList } from "@fluentui/react-components";
import { WorkbookHost } from "../../../workbook/host";
import { readStepSettings } from "../../../wizard/stepRun";
import { canEnter, initialWizardState, runAction, StepId, wizardReducer } from "../../../wizard/wizardState";
import { useStepRun } from "../common/useStepRun";
import { useTablesChanged } from "../common/useTablesChanged";
import { useWizardData } from "./useWizardData";
import { WIZARD_STEPS, WizardStepView } from "./wizardSteps";
import { useWizardStyles } from "./useWizardStyles.styles";

/** Props of {@link Wizard}. */
export interface WizardProps {
  /** The workbook the wizard reads and writes (ExcelHost or PreviewHost). */
  readonly host: WorkbookHost;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The planning wizard: the steps of {@link WIZARD_STEPS} as tabs. State lives in the pure
 * reducer (src/wizard); this component reads the workbook's tables and each step's stored
 * settings, runs a step's module with the one run lifecycle, and dispatches what comes back.
 * Every failure is shown as a message in the step.
 */
export function Wizard({ host }: WizardProps): React.JSX.Element {
  const styles = useWizardStyles();
  const [state, dispatch] = React.useReducer(wizardReducer, initialWizardState);
  const data = useWizardData(host, state, dispatch);
  const runs = useStepRun(host);
  useTablesChanged(host, (tables) => dispatch({ type: "tablesLoaded", tables }));

  React.useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const tables = await host.listTables();
        if (!live) return;
        dispatch({ type: "tablesLoaded", tables });
        for (const view of WIZARD_STEPS) {
          if (!view.module) continue;
          const stored = await readStepSettings(view.module, host);
          if (!live) return;
          if (stored === null) continue;
          dispatch(view.module.restore(stored));
          view.afterRestore?.(stored as never, tables, data);
        }
      } catch (e) {
        if (live) dispatch({ type: "dataFailed", message: `Could not read the workbook: ${messageOf(e)}` });
      }
    })();
    return () => {
      live = false;
    };
  }, [host, data]);

  /** Runs a step's module on the settings from its form; its results go to the reducer. */
  const run = (view: WizardStepView) => {
    const module = view.module;
    const settings = module?.settingsFrom(state);
    if (!module || !settings) return;
    runs.start(module, settings, {
      onResult: (result) => module.after?.(result).forEach(dispatch),
      onEvent: (event) => {
        dispatch(runAction(module.id, event));
        // The step's tables are new: later steps may read them.
        if (event.type === "succeeded")
          host.listTables().then(
            (tables) => dispatch({ type: "tablesLoaded", tables }),
            () => undefined,
          );
      },
    });
  };

  const current = WIZARD_STEPS.find((v) => v.id === state.step);
  return (
    <div className={styles.root}>
      <TabList
        selectedValue={state.step}
        onTabSelect={(_, d) => dispatch({ type: "stepChosen", step: d.value as StepId })}
        size="small"
        aria-label="Planning steps"
      >
        {WIZARD_STEPS.map((v) => (
          <Tab key={v.id} value={v.id} disabled={!canEnter(state, v.id)}>
            {v.label}
          </Tab>
        ))}
      </TabList>
      {current && (
        <current.Panel
          state={state}
          dispatch={dispatch}
          host={host}
          data={data}
          run={() => run(current)}
          cancel={() => runs.cancel(current.id)}
        />
      )}
    </div>
  );
}
