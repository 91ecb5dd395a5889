/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { RunPanel } from "../../../src/taskpane/components/common/RunPanel";
import { ResultMessage } from "../../../src/taskpane/components/common/ResultMessage";
import { idleRun, RunState } from "../../../src/wizard/runState";

const inTheme = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe("RunPanel", () => {
  test("lists what to fix first and keeps the button disabled until there is nothing", () => {
    const onRun = jest.fn();
    const { rerender } = inTheme(
      <RunPanel
        run={idleRun}
        issues={["Choose a table.", "Enter a target."]}
        action="Run it"
        progressName="Progress"
        onRun={onRun}
      />,
    );
    expect(screen.getByText("Before you run")).toBeTruthy();
    expect(screen.getByText(/Choose a table\. Enter a target\./)).toBeTruthy();
    const button = screen.getByRole("button", { name: "Run it" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    rerender(
      <FluentProvider theme={webLightTheme}>
        <RunPanel run={idleRun} issues={[]} action="Run it" progressName="Progress" onRun={onRun} />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Run it" }));
    expect(onRun).toHaveBeenCalledTimes(1);
    expect(screen.queryByText("Before you run")).toBeNull();
  });

  test("while running: progress with its label, and Cancel when the run can be cancelled", () => {
    const running: RunState = {
      status: "running",
      fraction: 0.4,
      label: "Splitting 10 accounts",
      message: null,
      details: [],
    };
    const onCancel = jest.fn();
    inTheme(
      <RunPanel
        run={running}
        issues={[]}
        action="Run it"
        progressName="Split progress"
        onRun={() => {}}
        onCancel={onCancel}
      />,
    );
    expect(screen.getByRole("progressbar", { name: "Split progress" }).getAttribute("aria-valuenow")).toBe("0.4");
    expect(screen.getByText("Splitting 10 accounts")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Run it" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  test("a quick action without onCancel has no Cancel button", () => {
    inTheme(
      <RunPanel
        run={{ ...idleRun, status: "running", label: "Saving" }}
        issues={[]}
        action="Save"
        progressName="Saving"
        onRun={() => {}}
      />,
    );
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
  });
});

describe("ResultMessage", () => {
  test("a finished run's message with its details listed under it", () => {
    inTheme(
      <ResultMessage
        run={{
          status: "done",
          fraction: 1,
          label: "Done",
          message: "Wrote the sheet.",
          details: ["Note one.", "Note two."],
        }}
      />,
    );
    expect(screen.getByText("Wrote the sheet.")).toBeTruthy();
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Note one.", "Note two."]);
  });

  test("nothing while idle or running", () => {
    const { container } = inTheme(
      <>
        <ResultMessage run={idleRun} />
        <ResultMessage run={{ ...idleRun, status: "running", message: "stale" }} />
      </>,
    );
    expect(container.textContent).toBe("");
  });

  test("a failure and a cancellation are shown as their message", () => {
    inTheme(
      <>
        <ResultMessage run={{ ...idleRun, status: "failed", message: "A sheet of yours is in the way." }} />
        <ResultMessage run={{ ...idleRun, status: "cancelled", message: "Cancelled; nothing was written." }} />
      </>,
    );
    expect(screen.getByText("A sheet of yours is in the way.")).toBeTruthy();
    expect(screen.getByText("Cancelled; nothing was written.")).toBeTruthy();
  });
});
