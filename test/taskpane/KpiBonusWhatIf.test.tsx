/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../../src/workbook/previewHost";
import { KpiBonus } from "../../src/taskpane/components/KpiBonus/KpiBonus";
import { WHAT_IF_LABEL, WHAT_IF_SHEET } from "../../src/wizard/kpi/layout";
import { readKpiRecord } from "../../src/wizard/kpi/runKpiStep";
import { readStoredWhatIf } from "../../src/wizard/kpi/whatIfStep";

const NOV_20 = new Date("2026-11-20T10:00:00Z");
const OCT_5 = 46300; // 2026-10-05

/** A small CRM export with the tables the default plan reads; every dated row is in October 2026. */
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
      {
        name: "Deals",
        anchor: "D1",
        headers: ["Owner", "Stage", "Closed", "Amount", "Type"],
        rows: [
          ["A1", "Won", OCT_5, 30_000, "New"],
          ["C1", "Won", OCT_5, 20_000, "Renewal"],
        ],
      },
      { name: "Activities", anchor: "K1", headers: ["Rep", "Date", "Type"], rows: [["S1", OCT_5, "Meeting"]] },
    ],
  });
  return { wb, host: new PreviewHost(wb) };
}

const typeInto = (name: string | RegExp, value: string) =>
  fireEvent.change(screen.getByRole("textbox", { name }), { target: { value } });

describe("the KPI bonus pane: month warnings, computed months and what-ifs", () => {
  test("an official run of an empty month shows its warnings and what is recorded; a what-if is labelled and leaves the history alone", async () => {
    const { wb, host } = sample();
    render(
      <FluentProvider theme={webLightTheme}>
        <KpiBonus host={host} now={() => NOV_20} />
      </FluentProvider>,
    );
    await waitFor(
      () => expect(screen.getByRole("combobox", { name: "Person id column" }).textContent).toContain("Rep ID"),
      { timeout: 15000 },
    );
    // The placeholder names the month a blank field saves.
    expect((screen.getByRole("textbox", { name: /Takes effect from/ }) as HTMLInputElement).placeholder).toBe(
      "2026-12",
    );
    typeInto(/Takes effect from/, "2026-09");
    fireEvent.click(screen.getByRole("button", { name: "Save plan changes" }));
    expect(
      await screen.findByText(/^Saved plan version 1, in force from 2026-09/, {}, { timeout: 15000 }),
    ).toBeTruthy();

    // September has no rows at all: the run says so, in a warning of its own.
    typeInto("Month (YYYY-MM)", "2026-09");
    fireEvent.click(screen.getByRole("button", { name: "Compute scorecards" }));
    expect(
      await screen.findByText(
        /^Wrote Scorecards and Leaderboard for 2026-09 .*bonuses totalling 0\. Check the 3 warnings shown: this month computed to nothing\.$/,
        {},
        { timeout: 20000 },
      ),
    ).toBeTruthy();
    expect(screen.getByText("Check 2026-09 before you publish")).toBeTruthy();
    expect(
      screen.getByText(/^No row of Deals has a Closed date in 2026-09 \(its dates run from 2026-10-05/),
    ).toBeTruthy();
    expect(screen.getByText(/^Every actual in 2026-09 is 0/)).toBeTruthy();
    expect(
      screen.getByText("Computed with the official plan through 2026-09: no change can take effect in or before it."),
    ).toBeTruthy();
    expect(String(wb.cell("Scorecards", { row: 2, col: 0 }).value)).toMatch(/^Warning: No row of /);

    // A what-if: a richer AE bonus tried on a month years back.
    const before = await host.readSettings("kpiPlan");
    fireEvent.change(screen.getAllByRole("textbox", { name: "Target bonus per month" })[1], {
      target: { value: "9000" },
    });
    typeInto("What-if month (YYYY-MM, any month)", "2019-03");
    fireEvent.click(screen.getByRole("button", { name: "Compute what-if" }));
    expect(
      await screen.findByText(
        /^What-if, not the official plan: wrote KPI What-if for 2019-03 with the draft plan: 3 people, .*The official plan history is unchanged\./,
        {},
        { timeout: 20000 },
      ),
    ).toBeTruthy();
    expect(screen.getByText(WHAT_IF_LABEL)).toBeTruthy();
    expect(screen.getByText("What-if: check 2019-03")).toBeTruthy();
    expect(await screen.findByText("Last what-if: 2019-03, computed 2026-11-20.")).toBeTruthy();
    expect(String(wb.cell(WHAT_IF_SHEET, { row: 0, col: 0 }).value)).toBe(WHAT_IF_LABEL);
    expect(await host.readSettings("kpiPlan")).toEqual(before);
    expect((await readKpiRecord(host)).versions).toHaveLength(1);
    expect((await readStoredWhatIf(host))?.plan.roles[1].targetBonus).toBe(9000);
    // The official scorecards of the earlier run keep their warning, about the month they computed.
    typeInto("Month (YYYY-MM)", "2026-10");
    expect(screen.getByText("Check 2026-09 before you publish")).toBeTruthy();
  }, 60000);
});
