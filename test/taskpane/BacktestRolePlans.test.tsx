/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { runLedger } from "../../src/core/ledger";
import { loadSample } from "../../src/preview/loadSample";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";
import { Backtest } from "../../src/taskpane/components/Backtest/Backtest";
import { BACKTEST_TABLES } from "../../src/wizard/backtest/backtestLayout";
import { parseBacktestSettings } from "../../src/wizard/backtest/backtestPane";
import { newRolePlan } from "../../src/wizard/backtest/backtestRolePlans";
import { BACKTEST_SETTINGS_KEY } from "../../src/wizard/backtest/backtestSettings";
import { ledgerInput, readBacktest } from "../../src/wizard/backtest/readBacktest";
import { SAMPLE_CURRENT, SAMPLE_PROPOSED } from "../../src/wizard/backtest/sampleBacktest";
import { rowsOf } from "../wizard/backtest/fixtures";

const textbox = (name: string) => screen.getByRole("textbox", { name }) as HTMLInputElement;
const combobox = (name: string) => screen.getByRole("combobox", { name }) as HTMLSelectElement;
const button = (name: string) => screen.getByRole("button", { name }) as HTMLButtonElement;

/** The Back-test pane on a workbook, once it has read the tables. */
async function openPane(wb: PreviewWorkbook): Promise<PreviewHost> {
  const host = new PreviewHost(wb);
  render(
    <FluentProvider theme={webLightTheme}>
      <Backtest host={host} />
    </FluentProvider>,
  );
  await waitFor(() => expect(combobox("Person id column").textContent).toContain("Name"), { timeout: 15000 });
  return host;
}

describe("the Back-test pane's role plans", () => {
  test("SDR removed and added back, the current AE curve edited: the written ledger is the core's", async () => {
    const wb = new PreviewWorkbook();
    loadSample(wb);
    const host = await openPane(wb);
    expect(textbox("Current AE tiers (lower:rate)").value).toBe("0:1, 1:1.5, 1.25:2");
    // Every role of the sample's Reps table has a plan: nothing to add.
    expect(screen.queryByRole("button", { name: "Add role to Current" })).toBeNull();

    fireEvent.click(button("Remove SDR from Current"));
    fireEvent.click(button("Remove SDR from Proposed"));
    expect(screen.queryByRole("textbox", { name: "Current SDR tiers (lower:rate)" })).toBeNull();
    expect(combobox("Role to add to Current").value).toBe("SDR");
    fireEvent.click(button("Add role to Current"));
    expect(
      screen.getByText("SDR has a plan in Current but none in Proposed; add it to Proposed, or remove it."),
    ).toBeTruthy();
    expect(button("Run back-test").disabled).toBe(true);
    fireEvent.click(button("Add role to Proposed"));
    expect(textbox("Proposed SDR tiers (lower:rate)").value).toBe("0:0.1");

    fireEvent.change(textbox("Current AE tiers (lower:rate)"), { target: { value: "0:0.8, 1:2" } });
    fireEvent.change(combobox("Current AE mode"), { target: { value: "RETRO" } });
    fireEvent.change(textbox("Current AE cap"), { target: { value: "2.5" } });
    fireEvent.change(textbox("Current AE target incentive"), { target: { value: "70,000" } });
    fireEvent.change(textbox("Current SDR tiers (lower:rate)"), { target: { value: "0:0.03, 100000:0.05" } });
    // A new role's deals must split to 100%: the sample's SDRs share some deals, so overlay is allowed.
    fireEvent.change(combobox("Current SDR splits"), { target: { value: "ANY" } });
    fireEvent.change(combobox("Proposed SDR splits"), { target: { value: "ANY" } });
    expect(button("Run back-test").disabled).toBe(false);
    fireEvent.click(button("Run back-test"));
    await screen.findByText(/^Wrote Payout Ledger, Plan Comparison and Statements/, {}, { timeout: 60000 });

    const stored = parseBacktestSettings(await host.readSettings(BACKTEST_SETTINGS_KEY))!;
    expect(stored.current.roles.map((r) => r.role)).toEqual(["AE", "CSR/AM", "SDR"]);
    expect(stored.current.roles[0]).toEqual({
      ...SAMPLE_CURRENT.roles[0],
      curve: {
        tiers: [
          { lower: 0, rate: 0.8 },
          { lower: 1, rate: 2 },
        ],
        mode: "RETRO",
        threshold: null,
        cap: 2.5,
      },
      targetIncentive: 70000,
    });
    expect(stored.current.roles[2]).toEqual({
      ...newRolePlan("SDR", SAMPLE_CURRENT.roles[0]),
      splits: "ANY",
      curve: {
        tiers: [
          { lower: 0, rate: 0.03 },
          { lower: 100000, rate: 0.05 },
        ],
        mode: "MARGINAL",
        threshold: null,
        cap: null,
      },
    });
    expect(stored.proposed.roles[2]).toEqual({ ...newRolePlan("SDR", SAMPLE_PROPOSED.roles[0]), splits: "ANY" });

    const data = readBacktest(stored, await host.readTable("Deals"), await host.readTable("Reps"), null);
    expect(data.problems).toEqual([]);
    const expected = [
      ...runLedger(ledgerInput(data, stored.current, stored)).rows,
      ...runLedger(ledgerInput(data, stored.proposed, stored)).rows,
    ];
    const written = rowsOf(wb, BACKTEST_TABLES.ledger);
    expect(written).toHaveLength(expected.length);
    written.forEach((row, i) => {
      expect([row["Person"], row["Period"]]).toEqual([expected[i].person, expected[i].period]);
      for (const [h, k] of [
        ["Credited", "credited"],
        ["Earned", "earned"],
        ["Paid", "paid"],
        ["Owed", "owed"],
      ] as const)
        expect(Math.abs((row[h] as number) - expected[i][k])).toBeLessThanOrEqual(
          1e-8 * Math.max(1, Math.abs(expected[i][k])),
        );
    });
    // The edited curve pays: the current AEs and the re-added SDRs earn something.
    const earned = (role: string) =>
      runLedger(ledgerInput(data, stored.current, stored))
        .rows.filter((r) => r.role === role)
        .reduce((a, r) => a + r.earned, 0);
    expect(earned("AE")).toBeGreaterThan(0);
    expect(earned("SDR")).toBeGreaterThan(0);
  }, 240000);

  test("a people table that calls the AEs Account Executive: the role renamed in the pane, the plan kept, the run writes", async () => {
    const wb = new PreviewWorkbook();
    loadSample(wb);
    // The user's own role text, as their HR export has it.
    const reps = wb.tables().find((t) => t.name === "Reps")!;
    const roleCol = reps.anchor.col + reps.headers.indexOf("Role");
    for (let r = 1; r <= reps.rowCount; r++) {
      const at = { row: reps.anchor.row + r, col: roleCol };
      if (wb.cell(reps.sheet, at).value === "AE") wb.setCell(reps.sheet, at, "Account Executive");
    }
    const host = await openPane(wb);
    const tiers = textbox("Proposed AE tiers (lower:rate)").value;
    fireEvent.change(textbox("New name for AE (both plans)"), { target: { value: "SDR" } });
    expect(screen.getByText('Another role is called "SDR"; choose another name.')).toBeTruthy();
    expect(button("Rename AE").disabled).toBe(true);
    fireEvent.change(textbox("New name for AE (both plans)"), { target: { value: "Account Executive" } });
    fireEvent.click(button("Rename AE"));
    expect(textbox("Proposed Account Executive tiers (lower:rate)").value).toBe(tiers);
    expect(screen.queryByRole("textbox", { name: "Current AE tiers (lower:rate)" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Add role to Current" })).toBeNull();
    fireEvent.click(button("Run back-test"));
    expect(
      await screen.findByText(
        /^Wrote Payout Ledger, Plan Comparison and Statements for 30 people/,
        {},
        { timeout: 60000 },
      ),
    ).toBeTruthy();
    const stored = parseBacktestSettings(await host.readSettings(BACKTEST_SETTINGS_KEY))!;
    expect(stored.current.roles.map((r) => r.role)).toEqual(["Account Executive", "CSR/AM", "SDR"]);
    expect(rowsOf(wb, BACKTEST_TABLES.ledger).filter((r) => r.Role === "Account Executive").length).toBeGreaterThan(0);
  }, 120000);
});
