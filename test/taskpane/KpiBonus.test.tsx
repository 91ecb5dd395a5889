/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../../src/workbook/previewHost";
import { KpiBonus } from "../../src/taskpane/components/KpiBonus/KpiBonus";
import { readPlanHistory } from "../../src/wizard/kpi/runKpiStep";

const NOV_20 = new Date("2026-11-20T10:00:00Z");

const OCT_5 = 46300; // 2026-10-05

/** A small CRM export with the tables the default plan reads: three people, a few deals and activities. */
function sample() {
  const wb = new PreviewWorkbook();
  wb.addSheet("Data");
  writeSpec(wb, {
    name: "Data",
    tables: [
      {
        name: "Reps",
        anchor: "A1",
        headers: ["Rep ID", "Role"],
        rows: [
          ["S1", "SDR"],
          ["A1", "AE"],
          ["C1", "CSR/AM"],
        ],
      },
    ],
  });
  const deals = [
    ["A1", "Won", OCT_5, 30_000, "New"],
    ["A1", "Lost", OCT_5, 10_000, "New"],
    ["C1", "Won", OCT_5, 20_000, "Renewal"],
  ];
  writeSpec(wb, {
    name: "Data",
    tables: [{ name: "Deals", anchor: "D1", headers: ["Owner", "Stage", "Closed", "Amount", "Type"], rows: deals }],
  });
  writeSpec(wb, {
    name: "Data",
    tables: [
      {
        name: "Activities",
        anchor: "K1",
        headers: ["Rep", "Date", "Type"],
        rows: [
          ["S1", OCT_5, "Meeting"],
          ["S1", OCT_5, "SQL"],
        ],
      },
    ],
  });
  return { wb, host: new PreviewHost(wb) };
}

const renderPane = (host: PreviewHost) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <KpiBonus host={host} now={() => NOV_20} />
    </FluentProvider>,
  );

describe("the KPI bonus pane", () => {
  test("shows the default plan, saves it as a version from the month typed, then computes that month's scorecards", async () => {
    const { wb, host } = sample();
    renderPane(host);
    // The default plan's roles, and the month before today to score.
    expect(screen.getAllByRole("textbox", { name: "Role" }).map((e) => (e as HTMLInputElement).value)).toEqual([
      "SDR",
      "AE",
      "CSR/AM",
    ]);
    expect((screen.getByRole("textbox", { name: "Month (YYYY-MM)" }) as HTMLInputElement).value).toBe("2026-10");
    expect(screen.getByText(/Save the plan first/)).toBeTruthy();
    // Tables are read: the people table's columns are offered.
    await waitFor(
      () => expect(screen.getByRole("combobox", { name: "Person id column" }).textContent).toContain("Rep ID"),
      { timeout: 15000 },
    );

    fireEvent.change(screen.getByRole("textbox", { name: /Takes effect from/ }), { target: { value: "2026-09" } });
    fireEvent.click(screen.getByRole("button", { name: "Save plan changes" }));
    expect(
      await screen.findByText(
        "Saved plan version 1, in force from 2026-09. Months before it keep the version they had.",
        {},
        { timeout: 15000 },
      ),
    ).toBeTruthy();
    expect((await readPlanHistory(host)).map((v) => v.effective)).toEqual(["2026-09"]);
    expect(await screen.findByText(/Versions: 1 from 2026-09/, {}, { timeout: 15000 })).toBeTruthy();
    expect(screen.getByText("Plan version 1 is in force.")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Compute scorecards" }));
    expect(
      await screen.findByText(
        /^Wrote Scorecards and Leaderboard for 2026-10 with plan version 1: 3 people, bonuses totalling /,
        {},
        { timeout: 20000 },
      ),
    ).toBeTruthy();
    expect(wb.tables().some((t) => t.name === "Scorecards_Lines")).toBe(true);
  });

  test("what blocks a run is listed before it, and the button waits", async () => {
    const { host } = sample();
    renderPane(host);
    await waitFor(
      () => expect(screen.getByRole("combobox", { name: "Person id column" }).textContent).toContain("Rep ID"),
      { timeout: 15000 },
    );
    fireEvent.change(screen.getByRole("textbox", { name: "Month (YYYY-MM)" }), { target: { value: "October" } });
    expect(screen.getAllByText('"October" is not a month; write it as YYYY-MM, e.g. 2026-12.').length).toBeGreaterThan(
      0,
    );
    expect((screen.getByRole("button", { name: "Compute scorecards" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getAllByRole("textbox", { name: "Role" })[0], { target: { value: "" } });
    expect(screen.getByText(/Role 1 has no name\./)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Save plan changes" }) as HTMLButtonElement).disabled).toBe(true);
  });

  test("a refused change is a message that says why, and the history is unchanged", async () => {
    const { host } = sample();
    renderPane(host);
    await waitFor(
      () => expect(screen.getByRole("combobox", { name: "Person id column" }).textContent).toContain("Rep ID"),
      { timeout: 15000 },
    );
    fireEvent.click(screen.getByRole("button", { name: "Save plan changes" }));
    expect(
      await screen.findByText(/^Saved plan version 1, in force from 2026-12/, {}, { timeout: 15000 }),
    ).toBeTruthy();
    // A second change for December, made the same month, is refused.
    fireEvent.change(screen.getByRole("textbox", { name: /Takes effect from/ }), { target: { value: "2026-12" } });
    fireEvent.click(screen.getByRole("button", { name: "Save plan changes" }));
    expect(
      await screen.findByText(
        /KPI settings change at most once a month, and 2026-12 already has a change/,
        {},
        { timeout: 15000 },
      ),
    ).toBeTruthy();
    expect(await readPlanHistory(host)).toHaveLength(1);
  });
});
