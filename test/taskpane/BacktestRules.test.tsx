/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { LedgerResult, runLedger } from "../../src/core/ledger";
import { loadSample } from "../../src/preview/loadSample";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";
import { Backtest } from "../../src/taskpane/components/Backtest/Backtest";
import { BACKTEST_TABLES } from "../../src/wizard/backtest/backtestLayout";
import { parseBacktestSettings } from "../../src/wizard/backtest/backtestPane";
import { BACKTEST_SETTINGS_KEY, BacktestSettings } from "../../src/wizard/backtest/backtestSettings";
import { ledgerInput, readBacktest } from "../../src/wizard/backtest/readBacktest";
import { sampleBacktestSettings } from "../../src/wizard/backtest/sampleBacktest";
import { rowsOf } from "../wizard/backtest/fixtures";

function sample() {
  const wb = new PreviewWorkbook();
  loadSample(wb);
  return { wb, host: new PreviewHost(wb) };
}

const textbox = (name: string) => screen.getByRole("textbox", { name }) as HTMLInputElement;
const combobox = (name: string) => screen.getByRole("combobox", { name }) as HTMLSelectElement;

/** Both plans' ledgers as the ledger core computes them from the sample's tables. */
async function coreLedgers(host: PreviewHost, s: BacktestSettings): Promise<LedgerResult[]> {
  const data = readBacktest(s, await host.readTable(s.deals.table), await host.readTable(s.people.table), null);
  expect(data.problems).toEqual([]);
  return [runLedger(ledgerInput(data, s.current, s)), runLedger(ledgerInput(data, s.proposed, s))];
}

const sum = (l: LedgerResult, k: "topUp" | "clawedBack" | "paid", role: string) =>
  l.rows.filter((r) => r.role === role).reduce((a, r) => a + r[k], 0);

const HEADERS = { topUp: "Top-up", recovered: "Recovered", clawedBack: "Clawed back", paid: "Paid", owed: "Owed" };

describe("the Back-test pane's rules per plan and role", () => {
  test("a draw on the current plan and a clawback window on the proposed one: the written ledger is the core's", async () => {
    const { wb, host } = sample();
    render(
      <FluentProvider theme={webLightTheme}>
        <Backtest host={host} />
      </FluentProvider>,
    );
    await waitFor(() => expect(combobox("Person id column").textContent).toContain("Name"), { timeout: 15000 });
    expect(textbox("Proposed AE clawback window (months)").value).toBe("6");
    expect(combobox("Proposed AE pay timing").value).toBe("HOLDBACK");
    expect(textbox("Proposed AE holdback share").value).toBe("25%");

    fireEvent.change(textbox("Current AE draw per period"), { target: { value: "4,000" } });
    fireEvent.change(textbox("Current AE draw recovery limit"), { target: { value: "50%" } });
    fireEvent.change(textbox("Proposed AE clawback window (months)"), { target: { value: "x" } });
    expect(
      screen.getByText('Proposed plan, AE: the clawback window is "x"; enter a whole number of months above 0.'),
    ).toBeTruthy();
    fireEvent.change(textbox("Proposed AE clawback window (months)"), { target: { value: "3" } });
    const run = screen.getByRole("button", { name: "Run back-test" }) as HTMLButtonElement;
    expect(run.disabled).toBe(false);
    fireEvent.click(run);
    await screen.findByText(/^Wrote Payout Ledger, Plan Comparison and Statements/, {}, { timeout: 30000 });

    const stored = parseBacktestSettings(await host.readSettings(BACKTEST_SETTINGS_KEY))!;
    expect(stored.current.roles[0]).toMatchObject({
      drawAmount: 4000,
      draw: { recoverable: true, recoveryLimit: 0.5 },
    });
    expect(stored.proposed.roles[0].clawback).toEqual({ method: "FULL", windowMonths: 3, termMonths: 12 });

    // The sheet the engine computed equals the ledger core on the stored settings, row for row.
    const [current, proposed] = await coreLedgers(host, stored);
    const written = rowsOf(wb, BACKTEST_TABLES.ledger);
    const expected = [...current.rows, ...proposed.rows];
    expect(written).toHaveLength(expected.length);
    written.forEach((row, i) => {
      expect([row["Person"], row["Period"]]).toEqual([expected[i].person, expected[i].period]);
      for (const [k, h] of Object.entries(HEADERS) as [keyof typeof HEADERS, string][])
        expect(Math.abs((row[h] as number) - expected[i][k])).toBeLessThanOrEqual(
          1e-8 * Math.max(1, Math.abs(expected[i][k])),
        );
    });

    // And the edits changed what it computes: against the sample's own plans, the current AEs'
    // draw tops up more months, and the proposed AEs' shorter window (3 months, not 6) claws
    // back less (clawbacks are negative).
    const [before, beforeProposed] = await coreLedgers(host, sampleBacktestSettings());
    expect(sum(current, "topUp", "AE")).toBeGreaterThan(sum(before, "topUp", "AE"));
    expect(sum(proposed, "clawedBack", "AE")).toBeGreaterThan(sum(beforeProposed, "clawedBack", "AE"));
    expect(sum(proposed, "clawedBack", "AE")).not.toBe(0);
  }, 60000);
});
