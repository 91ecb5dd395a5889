import { TableInfo } from "../../../src/workbook/host";
import {
  BacktestPaneAction,
  backtestPaneReducer,
  BacktestPaneState,
  backtestIssues,
  backtestSettingsFrom,
  initialBacktestPane,
} from "../../../src/wizard/backtest/backtestPane";
import { BacktestSettings } from "../../../src/wizard/backtest/backtestSettings";
import { sampleBacktestSettings } from "../../../src/wizard/backtest/sampleBacktest";

const table = (name: string, headers: string[]): TableInfo => ({
  name,
  sheet: name,
  rowCount: 3,
  headers,
  address: "A1:F4",
});

const DEALS = table("Deals", [
  "Deal ID",
  "Owner",
  "Stage",
  "Closed",
  "Amount",
  "Payment Date",
  "Cancel Date",
  "SDR",
  "SDR Share",
]);
const REPS = table("Reps", ["Rep ID", "Name", "Role", "Start Date", "Quota"]);
const QUOTAS = table("Quotas_Reps", ["Rep", "Potential", "Forecast", "Quota", "Stretch", "Probability", "Sigma"]);

const apply = (state: BacktestPaneState, ...actions: BacktestPaneAction[]) =>
  actions.reduce(backtestPaneReducer, state);
const loaded = (
  tables: TableInfo[],
  stored: BacktestSettings | null = null,
  quotaPeriod?: "month" | "quarter" | "year",
) => apply(initialBacktestPane(), { type: "loaded", tables, stored, quotaPeriod });

describe("the Back-test pane's quota source", () => {
  test("the Quotas sheet as the source: its reps table and the quota step's period reach the settings", () => {
    // The quota step last ran by quarter: its sheet's quotas are per quarter unless chosen otherwise.
    const pane = apply(loaded([DEALS, REPS, QUOTAS], null, "quarter"), { type: "quotaSourceChanged", source: "sheet" });
    expect(pane.quotaSheet).toEqual({ table: "Quotas_Reps", per: "quarter" });
    expect(backtestIssues({ pane })).toEqual([]);
    expect(backtestSettingsFrom({ pane })!.quotas).toEqual({ kind: "sheet", table: "Quotas_Reps", per: "quarter" });
    const yearly = apply(pane, { type: "quotaSheetChanged", patch: { per: "year" } });
    expect(backtestSettingsFrom({ pane: yearly })!.quotas).toEqual({
      kind: "sheet",
      table: "Quotas_Reps",
      per: "year",
    });
  });

  test("a missing Quotas sheet, or a table without Rep and Quota, is named and the run waits", () => {
    const none = apply(loaded([DEALS, REPS]), { type: "quotaSourceChanged", source: "sheet" });
    expect(backtestIssues({ pane: none })).toEqual([
      'There is no table named "Quotas_Reps"; run Quotas first, or choose another quota source.',
    ]);
    expect(backtestSettingsFrom({ pane: none })).toBeNull();
    const wrong = apply(
      loaded([DEALS, REPS, QUOTAS]),
      { type: "quotaSourceChanged", source: "sheet" },
      { type: "quotaSheetChanged", patch: { table: "Reps" } },
    );
    expect(backtestIssues({ pane: wrong })).toEqual([
      'Reps has no column "Rep"; choose the reps table the quota step wrote.',
    ]);
  });

  test("stored sheet quotas come back to the form as they were, over the quota step's period", () => {
    const stored = sampleBacktestSettings({ quotas: { kind: "sheet", table: "Quotas_Reps", per: "month" } });
    const pane = loaded([DEALS, REPS, QUOTAS], stored, "year");
    expect([pane.quotaSource, pane.quotaSheet]).toEqual(["sheet", { table: "Quotas_Reps", per: "month" }]);
    expect(backtestSettingsFrom({ pane })).toEqual(stored);
  });

  test("the people table as the source needs its quota column; back to per role, the role quotas return", () => {
    // The Reps table's Quota column is guessed as the quota per period; cleared, it is asked for.
    expect(loaded([DEALS, REPS]).people.quota).toBe("Quota");
    const people = apply(
      loaded([DEALS, REPS]),
      { type: "peopleChanged", patch: { quota: "" } },
      { type: "quotaSourceChanged", source: "people" },
    );
    expect(backtestIssues({ pane: people })).toEqual([
      "Choose the people table's quota per period column, or take quotas from the Quotas sheet or per role.",
    ]);
    const chosen = apply(people, { type: "peopleChanged", patch: { quota: "Quota" } });
    expect(backtestSettingsFrom({ pane: chosen })!.quotas).toEqual({ kind: "people" });
    expect(backtestSettingsFrom({ pane: chosen })!.people.quota).toBe("Quota");
    const back = apply(chosen, { type: "quotaSourceChanged", source: "role" });
    expect(backtestSettingsFrom({ pane: back })!.quotas).toEqual(sampleBacktestSettings().quotas);
  });

  test("switching to per role from the people table gives one blank field per attainment role", () => {
    const stored = sampleBacktestSettings({
      quotas: { kind: "people" },
      people: { ...sampleBacktestSettings().people, quota: "Quota" },
    });
    const pane = apply(loaded([DEALS, REPS], stored), { type: "quotaSourceChanged", source: "role" });
    expect(pane.quotas).toEqual([
      { role: "AE", annual: "" },
      { role: "CSR/AM", annual: "" },
    ]);
    expect(backtestIssues({ pane })).toEqual([
      'AE: the annual quota is ""; enter an amount above 0.',
      'CSR/AM: the annual quota is ""; enter an amount above 0.',
    ]);
  });
});
