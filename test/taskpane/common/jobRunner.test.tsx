/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { JobRunnerContext } from "../../../src/taskpane/components/common/JobRunnerContext";
import { RunPanel } from "../../../src/taskpane/components/common/RunPanel";
import { useStepRun } from "../../../src/taskpane/components/common/useStepRun";
import { PreviewWorkbook } from "../../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../../src/workbook/previewHost";
import { inProcessJobs, JobRunner } from "../../../src/wizard/offThread/runner";
import { idleRun, runReducer } from "../../../src/wizard/runState";
import { StepModule } from "../../../src/wizard/stepRun";

/**
 * The pane's runs take their heavy jobs to the runner the entry point gives (a Web Worker in
 * Excel and in the preview): a step's runJob reaches it, with the step's progress.
 */
const quotaJobStep: StepModule<null, null, number> = {
  id: "q",
  label: "Quotas",
  settingsKey: "q",
  parseSettings: () => null,
  issues: () => [],
  settingsFrom: () => null,
  run: async (_host, _s, { runJob }) => {
    const out = await runJob("quotas", {
      reps: [{ id: "R1", potential: 100, history: [] }],
      settings: {
        potential: { table: "T", id: "Rep", columns: ["Potential"] },
        history: null,
        companyTarget: 100,
        period: "year",
        targetShare: 0.65,
        historyWeight: 0.5,
        sigma: 0.25,
        method: "equal-stretch",
        rounding: 1,
        overAssignment: 0.1,
        keep: "share",
        draws: 100,
        sheet: "Quotas",
      },
    });
    return out.plan.reps.length;
  },
  summary: (_, r) => ({ message: `Set ${r} quota(s).`, details: [] }),
};

function Tool({ host }: { host: PreviewHost }) {
  const [run, dispatch] = React.useReducer(runReducer, idleRun);
  const runs = useStepRun(host);
  return (
    <RunPanel
      run={run}
      issues={[]}
      action="Go"
      progressName="Progress"
      onRun={() => runs.start(quotaJobStep, null, { onEvent: dispatch })}
    />
  );
}

test("a step's job runs on the runner of JobRunnerContext, and its result reaches the pane", async () => {
  const calls: string[] = [];
  const runner: JobRunner = {
    run: (name, input, ctx) => {
      calls.push(name);
      return inProcessJobs.run(name, input, ctx);
    },
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <JobRunnerContext.Provider value={runner}>
        <Tool host={new PreviewHost(new PreviewWorkbook())} />
      </JobRunnerContext.Provider>
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole("button", { name: "Go" }));
  expect(await screen.findByText("Set 1 quota(s).", {}, { timeout: 15000 })).toBeTruthy();
  expect(calls).toEqual(["quotas"]);
});
