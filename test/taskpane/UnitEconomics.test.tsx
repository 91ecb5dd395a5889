/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { loadSample } from "../../src/preview/loadSample";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";
import { UnitEconomics } from "../../src/taskpane/components/UnitEconomics/UnitEconomics";
import { unitEconomicsNames } from "../../src/wizard/unitEconomics/unitEconomicsSheet";
import { UNIT_ECONOMICS_SETTINGS_KEY } from "../../src/wizard/unitEconomics/runUnitEconomicsStep";

function sample() {
  const wb = new PreviewWorkbook();
  loadSample(wb);
  return { wb, host: new PreviewHost(wb) };
}

const renderPane = (host: PreviewHost) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <UnitEconomics host={host} />
    </FluentProvider>,
  );

/** Lets the pane's read of the stored settings settle (a promise chain, no timers). */
const settled = () =>
  act(async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  });

const writeButton = () => screen.getByRole("button", { name: "Write Unit Economics" }) as HTMLButtonElement;
const NAMES = unitEconomicsNames("Unit Economics");

describe("the Unit economics pane", () => {
  test("on the sample: a channel edited, one structure chosen, the Unit Economics sheet written", async () => {
    const { wb, host } = sample();
    renderPane(host);
    await settled();
    fireEvent.change(screen.getAllByRole("textbox", { name: "Spend per month" })[0], { target: { value: "50,000" } });
    fireEvent.change(screen.getByRole("combobox", { name: "Structure to cost" }), { target: { value: "Island" } });
    fireEvent.click(writeButton());
    expect(
      await screen.findByText('Wrote "Unit Economics": 3 channel(s), costed as Island.', {}, { timeout: 20000 }),
    ).toBeTruthy();
    expect(screen.getByText(/No OTE Scenarios sheet: pay is the default/)).toBeTruthy();
    expect(wb.hasSheet("Unit Economics")).toBe(true);
    const channels = wb.tables().find((t) => t.name === NAMES.channels)!;
    const spend = channels.headers.indexOf("Spend");
    expect(wb.cell(channels.sheet, { row: channels.anchor.row + 1, col: channels.anchor.col + spend }).value).toBe(
      50_000,
    );
    const structures = wb.tables().find((t) => t.name === NAMES.structures)!;
    expect(structures.rowCount).toBe(1);
  }, 40000);

  test("a bad figure names the channel and field, and nothing is written", async () => {
    const { wb, host } = sample();
    renderPane(host);
    await settled();
    fireEvent.change(screen.getAllByRole("textbox", { name: "Monthly churn" })[1], { target: { value: "0" } });
    expect(screen.getByText(/Channel "Outbound": monthly churn is 0; enter a rate above 0 and at most 1/)).toBeTruthy();
    expect(writeButton().disabled).toBe(true);
    fireEvent.click(writeButton());
    fireEvent.change(screen.getAllByRole("textbox", { name: "Monthly churn" })[1], { target: { value: "1.5%" } });
    expect(writeButton().disabled).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "Remove Partners" }));
    expect(screen.queryAllByRole("textbox", { name: "Channel" })).toHaveLength(2);
    expect(wb.hasSheet("Unit Economics")).toBe(false);
    expect(await host.readSettings(UNIT_ECONOMICS_SETTINGS_KEY)).toBeNull();
  });

  test("the last run's channels and structure come back when the pane opens", async () => {
    const { host } = sample();
    const { unmount } = renderPane(host);
    fireEvent.change(screen.getAllByRole("textbox", { name: "Channel" })[2], { target: { value: "Resellers" } });
    fireEvent.change(screen.getByRole("combobox", { name: "Structure to cost" }), { target: { value: "POD" } });
    fireEvent.click(writeButton());
    expect(
      await screen.findByText('Wrote "Unit Economics": 3 channel(s), costed as POD.', {}, { timeout: 20000 }),
    ).toBeTruthy();
    unmount();
    renderPane(host);
    await waitFor(
      () =>
        expect((screen.getAllByRole("textbox", { name: "Channel" })[2] as HTMLInputElement).value).toBe("Resellers"),
      { timeout: 15000 },
    );
    expect((screen.getByRole("combobox", { name: "Structure to cost" }) as HTMLSelectElement).value).toBe("POD");
  }, 40000);
});
