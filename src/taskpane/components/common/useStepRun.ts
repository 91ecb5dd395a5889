import * as React from "react";
import { WorkbookHost } from "../../../workbook/host";
import { RunEvent } from "../../../wizard/runState";
import { runStep, StepModule } from "../../../wizard/stepRun";
import { JobRunnerContext } from "./JobRunnerContext";

/** What a tool does with a run's lifecycle: where its events go, and what it takes from a result. */
export interface StepRunHandlers<S, R> {
  /** Every event of the run, in order (the tool's reducer keeps the RunState). */
  readonly onEvent: (event: RunEvent) => void;
  /** The result of a successful run, before the success is reported. */
  readonly onResult?: (result: R, settings: S) => void;
}

/** The controls {@link useStepRun} gives a tool. */
export interface StepRunControls {
  /** Runs a step module with these settings: started, progress, then succeeded, failed or cancelled. */
  readonly start: <Ctx, S, R>(module: StepModule<Ctx, S, R>, settings: S, handlers: StepRunHandlers<S, R>) => void;
  /** Cancels the module's run in progress, if any (nothing is written). */
  readonly cancel: (moduleId: string) => void;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The one run lifecycle every tool of the pane uses: runs a step module through runStep with
 * progress and Cancel (one run per module at a time), reports each event, and shows the step's
 * sheet when it is done. The events go to the tool's reducer, which keeps the RunState. Heavy jobs
 * run where {@link JobRunnerContext} says (a Web Worker in Excel and in the preview).
 */
export function useStepRun(host: WorkbookHost): StepRunControls {
  const aborts = React.useRef(new Map<string, AbortController>());
  const jobs = React.useContext(JobRunnerContext);
  return React.useMemo<StepRunControls>(
    () => ({
      start: (module, settings, { onEvent, onResult }) => {
        const controller = new AbortController();
        aborts.current.set(module.id, controller);
        onEvent({ type: "started" });
        runStep(
          module,
          host,
          settings,
          (fraction, label) => onEvent({ type: "progress", fraction, label }),
          controller.signal,
          jobs,
        ).then(
          async (result) => {
            onResult?.(result, settings);
            const summary = module.summary(settings, result);
            // The sheet is written either way; failing to show it is said, not swallowed.
            const sheet = module.sheetOf?.(settings);
            const shown = sheet
              ? await host.select(sheet, "A1").then(
                  () => null,
                  (e: unknown) => `The sheet was written, but Comp Planner could not go to it: ${messageOf(e)}`,
                )
              : null;
            onEvent({
              type: "succeeded",
              summary: shown ? { ...summary, details: [...summary.details, shown] } : summary,
            });
          },
          (e) => onEvent(controller.signal.aborted ? { type: "cancelled" } : { type: "failed", message: messageOf(e) }),
        );
      },
      cancel: (moduleId) => aborts.current.get(moduleId)?.abort(),
    }),
    [host, jobs],
  );
}
