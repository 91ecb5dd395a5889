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
import { BACKTEST_SETTINGS_KEY } from "../../src/wizard/backtest/backtestSettings";
import { ledgerInput, readBacktest } from "../../src/wizard/backtest/readBacktest";
import { runQuotaStep } from "../../src/wizard/quotas/runQuotaStep";
import { quotaSettings } from "../wizard/stepFixtures";
import { rowsOf } from "../wizard/backtest/fixtures";

const combobox = (name: string) => screen.getByRole("combobox", { name }) as HTMLSelectElement;

describe("the Back-test pane's quotas from the Quotas sheet", () => {
  test("after a quarterly quota step: the sheet chosen, its period defaulted, the ledger's quotas are the sheet's", async () => {
    const wb = new PreviewWorkbook();
    loadSample(wb);
    const host = new PreviewHost(wb);
    await runQuotaStep(
      host,
      quotaSettings({
        potential: { table: "Reps", id: "Rep ID", columns: ["Prior Year Bookings"] },
        history: null,
        companyTarget: 30_000_000,
        period: "quarter",
      }),
    );
    render(
      <FluentProvider theme={webLightTheme}>
        <Backtest host={host} />
      </FluentProvider>,
    );
    await waitFor(() => expect(combobox("Person id column").textContent).toContain("Name"), { timeout: 15000 });
    expect(combobox("Quotas from").value).toBe("role");
    fireEvent.change(combobox("Quotas from"), { target: { value: "sheet" } });
    expect(combobox("Quotas table").value).toBe("Quotas_Reps");
    expect(combobox("Its quotas are per").value).toBe("quarter");
    expect(screen.queryByRole("textbox", { name: "AE annual quota" })).toBeNull();
    const run = screen.getByRole("button", { name: "Run back-test" }) as HTMLButtonElement;
    expect(run.disabled).toBe(false);
    fireEvent.click(run);
    await screen.findByText(/^Wrote Payout Ledger, Plan Comparison and Statements/, {}, { timeout: 60000 });

    const stored = parseBacktestSettings(await host.readSettings(BACKTEST_SETTINGS_KEY))!;
    expect(stored.quotas).toEqual({ kind: "sheet", table: "Quotas_Reps", per: "quarter" });
    const quotas = await host.readTable("Quotas_Reps");
    const data = readBacktest(
      stored,
      await host.readTable(stored.deals.table),
      await host.readTable(stored.people.table),
      null,
      quotas,
    );
    expect(data.problems).toEqual([]);
    // A person's year is four of the sheet's quarterly quotas.
    const sheetQuota = new Map(quotas.rows.map((r) => [String(r[0]), r[3] as number]));
    for (const p of data.people) expect(p.annualQuota).toBe(sheetQuota.get(p.id)! * 4);
    const expected = [
      ...runLedger(ledgerInput(data, stored.current, stored)).rows,
      ...runLedger(ledgerInput(data, stored.proposed, stored)).rows,
    ];
    const written = rowsOf(wb, BACKTEST_TABLES.ledger);
    expect(written).toHaveLength(expected.length);
    written.forEach((row, i) => {
      expect([row["Person"], row["Period"]]).toEqual([expected[i].person, expected[i].period]);
      for (const [h, k] of [
        ["Quota", "quota"],
        ["Earned", "earned"],
        ["Paid", "paid"],
      ] as const)
        expect(Math.abs((row[h] as number) - expected[i][k])).toBeLessThanOrEqual(
          1e-8 * Math.max(1, Math.abs(expected[i][k])),
        );
    });
    expect(expected.some((r) => r.quota > 0 && r.earned > 0)).toBe(true);
  }, 150000);
});
