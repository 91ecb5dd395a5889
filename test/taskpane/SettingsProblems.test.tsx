/** @jest-environment jsdom */
import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen } from "@testing-library/react";
import { SettingsProblems } from "../../src/taskpane/components/SettingsProblems/SettingsProblems";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";

describe("settings parts that cannot be read", () => {
  test("are named in the pane, and the rest still reads", async () => {
    const wb = new PreviewWorkbook();
    const host = new PreviewHost(wb);
    await host.writeSettings("territories", { sheet: "Territories" });
    wb.addXmlPart(
      '<settings xmlns="urn:comp-planner:settings:v1" key="kpi-plan" revision="2" savedAt="2026-11-20T09:00:00Z">{"versions":[</settings>',
    );
    render(
      <FluentProvider theme={webLightTheme}>
        <SettingsProblems host={host} />
      </FluentProvider>,
    );
    expect(await screen.findByText("Some saved settings could not be read")).toBeTruthy();
    expect(
      screen.getByText(
        /The settings part "kpi-plan" \(custom XML part part-2\) cannot be read: its content is not valid JSON/,
      ),
    ).toBeTruthy();
    expect(await host.readSettings("territories")).toEqual({ sheet: "Territories" });
  });

  test("show nothing when every part reads", async () => {
    const host = new PreviewHost(new PreviewWorkbook());
    await host.writeSettings("territories", {});
    let container: HTMLElement = document.body;
    // act() waits for the component's own read of the parts before the assertion.
    await act(async () => {
      container = render(<SettingsProblems host={host} />).container;
    });
    await expect(host.settingsProblems()).resolves.toEqual([]);
    expect(container.textContent).toBe("");
  });
});
