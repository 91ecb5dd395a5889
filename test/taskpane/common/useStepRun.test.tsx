/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { InputError } from "../../../src/core/errors";
import { RunPanel } from "../../../src/taskpane/components/common/RunPanel";
import { useStepRun } from "../../../src/taskpane/components/common/useStepRun";
import { PreviewWorkbook } from "../../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../../src/workbook/previewHost";
import { idleRun, runReducer } from "../../../src/wizard/runState";
import { StepModule } from "../../../src/wizard/stepRun";

/** Waits for a click on "Finish" (or a cancel), then writes "Out" or fails as asked. */
function slowStep(release: Promise<void>): StepModule<null, { fail: boolean }, number> {
  return {
    id: "slow",
    label: "Slow",
    settingsKey: "slow",
    parseSettings: () => null,
    issues: () => [],
    settingsFrom: () => ({ fail: false }),
    run: async (host, s, { step }) => {
      await step(0.3, "Waiting");
      await release;
      await step(0.6, "Writing");
      if (s.fail) throw new InputError("The input is wrong; fix it.");
      await host.writeSheet({ name: "Out", tables: [], cells: [{ address: "A1", value: 7 }] });
      return 7;
    },
    summary: (_, r) => ({ message: `Wrote ${r}.`, details: [] }),
    sheetOf: () => "Out",
  };
}

function Tool({
  host,
  module,
  fail,
}: {
  host: PreviewHost;
  module: StepModule<null, { fail: boolean }, number>;
  fail: boolean;
}) {
  const [run, dispatch] = React.useReducer(runReducer, idleRun);
  const [result, setResult] = React.useState<number | null>(null);
  const runs = useStepRun(host);
  return (
    <>
      <RunPanel
        run={run}
        issues={[]}
        action="Go"
        progressName="Progress"
        onRun={() => runs.start(module, { fail }, { onEvent: dispatch, onResult: setResult })}
        onCancel={() => runs.cancel(module.id)}
      />
      {result !== null && <output aria-label="Result">{result}</output>}
    </>
  );
}

function setUp(fail = false) {
  let finish = () => {};
  const release = new Promise<void>((resolve) => (finish = resolve));
  const host = new PreviewHost(new PreviewWorkbook());
  const select = jest.spyOn(host, "select");
  render(
    <FluentProvider theme={webLightTheme}>
      <Tool host={host} module={slowStep(release)} fail={fail} />
    </FluentProvider>,
  );
  return { host, select, finish };
}

describe("useStepRun: the one run lifecycle of every tool", () => {
  test("progress while it runs, then the result, the summary, the settings stored and the sheet shown", async () => {
    const { host, select, finish } = setUp();
    fireEvent.click(screen.getByRole("button", { name: "Go" }));
    expect(await screen.findByText("Waiting", {}, { timeout: 15000 })).toBeTruthy();
    finish();
    expect(await screen.findByText("Wrote 7.", {}, { timeout: 15000 })).toBeTruthy();
    expect(screen.getByRole("status", { name: "Result" }).textContent).toBe("7");
    expect(await host.readSettings("slow")).toEqual({ fail: false });
    expect(select).toHaveBeenCalledWith("Out", "A1");
  });

  test("a model's bad input is shown as its message; nothing is written", async () => {
    const { host, finish } = setUp(true);
    fireEvent.click(screen.getByRole("button", { name: "Go" }));
    finish();
    expect(await screen.findByText("The input is wrong; fix it.", {}, { timeout: 15000 })).toBeTruthy();
    expect(await host.readSettings("slow")).toBeNull();
    expect(await host.isOwned("Out")).toBe(false);
  });

  test("Cancel stops the run before it writes, and says so", async () => {
    const { host, finish } = setUp();
    fireEvent.click(screen.getByRole("button", { name: "Go" }));
    expect(await screen.findByText("Waiting", {}, { timeout: 15000 })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    finish();
    expect(await screen.findByText("Cancelled; nothing was written.", {}, { timeout: 15000 })).toBeTruthy();
    expect(await host.isOwned("Out")).toBe(false);
  });

  test("a sheet that cannot be shown afterwards is said with the result, never swallowed", async () => {
    const { select, finish } = setUp();
    select.mockRejectedValueOnce(
      new Error("Excel is editing a cell. Press Enter or Esc in the sheet to finish editing, then try again."),
    );
    fireEvent.click(screen.getByRole("button", { name: "Go" }));
    finish();
    expect(await screen.findByText("Wrote 7.", {}, { timeout: 15000 })).toBeTruthy();
    expect(
      screen.getByText(
        "The sheet was written, but Comp Planner could not go to it: Excel is editing a cell. Press Enter or Esc in the sheet to finish editing, then try again.",
      ),
    ).toBeTruthy();
  });
});
