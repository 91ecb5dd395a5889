/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { loadSample } from "../../src/preview/loadSample";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";
import { Backtest } from "../../src/taskpane/components/Backtest/Backtest";
import { BACKTEST_SHEETS } from "../../src/wizard/backtest/backtestLayout";
import { BACKTEST_SETTINGS_KEY, BacktestSettings } from "../../src/wizard/backtest/backtestSettings";

function sample() {
  const wb = new PreviewWorkbook();
  loadSample(wb);
  return { wb, host: new PreviewHost(wb) };
}

const renderPane = (host: PreviewHost) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <Backtest host={host} />
    </FluentProvider>,
  );

const runButton = () => screen.getByRole("button", { name: "Run back-test" }) as HTMLButtonElement;
const loaded = () =>
  waitFor(() => expect(screen.getByRole("combobox", { name: "Person id column" }).textContent).toContain("Name"), {
    timeout: 15000,
  });

describe("the Back-test pane", () => {
  test("on the sample: columns matched, a proposed curve typed, run, and the three sheets written", async () => {
    const { wb, host } = sample();
    renderPane(host);
    await loaded();
    expect((screen.getByRole("combobox", { name: "Amount column" }) as HTMLSelectElement).value).toBe("Amount");
    const share = screen.getByRole("combobox", { name: "SDR share column (optional)" }) as HTMLSelectElement;
    expect(share.value).toBe("SDR Share");
    expect(share.options[0].text).toBe("(none)");
    expect((screen.getByRole("textbox", { name: "Proposed AE tiers (lower:rate)" }) as HTMLInputElement).value).toBe(
      "0:0.9, 1:1.8",
    );

    fireEvent.change(screen.getByRole("textbox", { name: "Proposed AE tiers (lower:rate)" }), {
      target: { value: "0:1, 1:2" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: "Proposed AE cap" }), { target: { value: "" } });
    fireEvent.change(screen.getByRole("textbox", { name: "CSR/AM annual quota" }), { target: { value: "950,000" } });
    expect(runButton().disabled).toBe(false);
    fireEvent.click(runButton());
    expect(
      await screen.findByText(
        /^Wrote Payout Ledger, Plan Comparison and Statements for 30 people, 2026 by month: Current pays [\d,.]+, Proposed pays [\d,.]+ \([+-]/,
        {},
        { timeout: 30000 },
      ),
    ).toBeTruthy();
    for (const name of Object.values(BACKTEST_SHEETS)) expect(wb.hasSheet(name)).toBe(true);
    const stored = (await host.readSettings(BACKTEST_SETTINGS_KEY)) as BacktestSettings;
    expect(stored.proposed.roles[0].curve).toEqual({
      tiers: [
        { lower: 0, rate: 1 },
        { lower: 1, rate: 2 },
      ],
      mode: "MARGINAL",
      threshold: 0.5,
      cap: null,
    });
    expect(stored.quotas).toEqual({ kind: "role", annual: { AE: 1_100_000, "CSR/AM": 950_000 } });
    expect(stored.deals.credits).toEqual({ kind: "columns", columns: [{ person: "SDR", share: "SDR Share" }] });
  }, 60000);

  test("what blocks a run is listed, and Copy current plan to proposed resets the curves", async () => {
    const { host } = sample();
    renderPane(host);
    await loaded();
    fireEvent.change(screen.getByRole("textbox", { name: "Proposed SDR tiers (lower:rate)" }), {
      target: { value: "0:two" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: "Plan year" }), { target: { value: "next" } });
    expect(screen.getByText(/Proposed plan, SDR: "0:two" is not a tier/)).toBeTruthy();
    expect(screen.getByText(/The plan year "next" is not a year/)).toBeTruthy();
    expect(runButton().disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Copy current plan to proposed" }));
    expect((screen.getByRole("textbox", { name: "Proposed SDR tiers (lower:rate)" }) as HTMLInputElement).value).toBe(
      "0:0.02",
    );
    expect((screen.getByRole("textbox", { name: "Proposed AE tiers (lower:rate)" }) as HTMLInputElement).value).toBe(
      "0:1, 1:1.5, 1.25:2",
    );
    fireEvent.change(screen.getByRole("textbox", { name: "Plan year" }), { target: { value: "2026" } });
    expect(runButton().disabled).toBe(false);
  });

  test("a further credit column (a CSR's) is added, checked and removed in the pane", async () => {
    const { host } = sample();
    renderPane(host);
    await loaded();
    fireEvent.click(screen.getByRole("button", { name: "Add a credit column (e.g. CSR)" }));
    const group = screen.getByRole("group", { name: "Credit column 2" });
    const person = screen.getByRole("combobox", { name: "Credit column 2: person column" }) as HTMLSelectElement;
    expect(group.contains(person)).toBe(true);
    expect([...person.options].map((o) => o.text)).toContain("SDR Share");
    fireEvent.change(screen.getByRole("combobox", { name: "Credit column 2: share column (optional)" }), {
      target: { value: "SDR Share" },
    });
    expect(screen.getByText(/Credit column 2 has a share but no person column/)).toBeTruthy();
    expect(runButton().disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Remove credit column 2" }));
    expect(screen.queryByRole("group", { name: "Credit column 2" })).toBeNull();
    expect(runButton().disabled).toBe(false);
  });

  test("Cancel while it runs writes nothing", async () => {
    const { wb, host } = sample();
    renderPane(host);
    await loaded();
    fireEvent.click(runButton());
    fireEvent.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("Cancelled; nothing was written.", {}, { timeout: 30000 })).toBeTruthy();
    for (const name of Object.values(BACKTEST_SHEETS)) expect(wb.hasSheet(name)).toBe(false);
    expect(await host.readSettings(BACKTEST_SETTINGS_KEY)).toBeNull();
  }, 60000);
});
