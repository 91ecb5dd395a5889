import { TableInfo } from "../../src/workbook/host";
import {
  BacktestPaneAction,
  backtestPaneReducer,
  BacktestPaneState,
  backtestIssues,
  backtestSettingsFrom,
  initialBacktestPane,
  parseBacktestSettings,
  parseCurveDraft,
} from "../../src/wizard/backtest/backtestPane";
import { copyPlan } from "../../src/wizard/backtest/backtestSettings";
import { SAMPLE_CURRENT, SAMPLE_PROPOSED, sampleBacktestSettings } from "../../src/wizard/backtest/sampleBacktest";

const table = (name: string, headers: string[]): TableInfo => ({
  name,
  sheet: name,
  rowCount: 3,
  headers,
  address: "A1:M4",
});

/** The sample workbook's Deals and Reps tables, as listTables reports them. */
const SAMPLE_TABLES = [
  table("Deals", [
    "Deal ID",
    "Account ID",
    "Owner",
    "Stage",
    "Created",
    "Closed",
    "Amount",
    "Product",
    "Type",
    "Payment Date",
    "Cancel Date",
    "SDR",
    "SDR Share",
  ]),
  table("Reps", ["Rep ID", "Name", "Role", "Manager", "Region", "Prior Year Bookings", "Start Date"]),
  table("Bookings", ["Opportunity ID", "Deal Owner", "Value", "Close Date", "Status"]),
  table("Staff", ["Employee ID", "Title", "Hire Date", "Left"]),
];

const apply = (state: BacktestPaneState, ...actions: BacktestPaneAction[]) =>
  actions.reduce(backtestPaneReducer, state);
const loaded = (stored = null as ReturnType<typeof sampleBacktestSettings> | null) =>
  apply(initialBacktestPane(), { type: "loaded", tables: SAMPLE_TABLES, stored });

describe("the Back-test pane reducer", () => {
  test("on the sample's tables with nothing stored, the form's settings are exactly the sample's", () => {
    const pane = loaded();
    expect(backtestIssues({ pane })).toEqual([]);
    expect(backtestSettingsFrom({ pane })).toEqual(sampleBacktestSettings());
  });

  test("choosing another table guesses its columns; a column it lacks is named, and the run waits", () => {
    const pane = apply(
      loaded(),
      { type: "dealsTableChanged", table: "Bookings" },
      { type: "peopleTableChanged", table: "Staff" },
    );
    expect(pane.deals).toMatchObject({
      deal: "Opportunity ID",
      owner: "Deal Owner",
      amount: "Value",
      closeDate: "Close Date",
      stage: "Status",
      sdr: "",
      paymentDate: "",
    });
    expect(pane.people).toEqual({
      table: "Staff",
      id: "Employee ID",
      role: "Title",
      start: "Hire Date",
      end: "Left",
      draw: "",
      quota: "",
    });
    const s = backtestSettingsFrom({ pane })!;
    expect(s.deals.credits).toEqual({ kind: "owner" });
    expect([s.deals.paymentDate, s.people.end]).toEqual([null, "Left"]);

    const wrong = apply(
      pane,
      { type: "dealsChanged", patch: { amount: "Amount" } },
      { type: "peopleChanged", patch: { role: "" } },
    );
    expect(backtestIssues({ pane: wrong })).toEqual([
      'Bookings has no column "Amount" (the amount); choose another.',
      "Choose the people table's role column.",
    ]);
    expect(backtestSettingsFrom({ pane: wrong })).toBeNull();
  });

  test("a missing table, an SDR share without SDR and a bad year are listed", () => {
    const pane = apply(
      loaded(),
      { type: "dealsTableChanged", table: "Nope" },
      { type: "peopleChanged", patch: { start: "" } },
      { type: "yearChanged", year: "20x6" },
    );
    expect(backtestIssues({ pane })).toEqual([
      'There is no table named "Nope"; choose the deals table.',
      'The plan year "20x6" is not a year; enter one such as 2026.',
    ]);
    const share = apply(loaded(), { type: "dealsChanged", patch: { sdr: "" } });
    expect(backtestIssues({ pane: share })).toEqual([
      "An SDR share column needs the SDR column too; choose it, or clear the share.",
    ]);
  });

  test("a proposed curve typed like the OTE step changes only the proposed plan's role", () => {
    // AE is the first role of the sample's proposed plan.
    const pane = apply(
      loaded(),
      { type: "curveChanged", role: 0, patch: { tiers: "0:1, 1:2", threshold: "", cap: "3", mode: "RETRO" } },
      { type: "periodsChanged", periods: "quarters" },
    );
    const s = backtestSettingsFrom({ pane })!;
    expect(s.proposed.roles[0].curve).toEqual({
      tiers: [
        { lower: 0, rate: 1 },
        { lower: 1, rate: 2 },
      ],
      mode: "RETRO",
      threshold: null,
      cap: 3,
    });
    expect(s.proposed.roles.slice(1)).toEqual(SAMPLE_PROPOSED.roles.slice(1));
    expect(s.proposed.roles[0].payTiming).toEqual(SAMPLE_PROPOSED.roles[0].payTiming);
    expect(s.current).toEqual(SAMPLE_CURRENT);
    expect(s.periods).toBe("quarters");
  });

  test("bad curves name the role and what to fix", () => {
    const draft = { role: "AE", tiers: "0:1, 1:1.5", mode: "MARGINAL" as const, threshold: "", cap: "" };
    expect(parseCurveDraft(draft)).toEqual({
      tiers: [
        { lower: 0, rate: 1 },
        { lower: 1, rate: 1.5 },
      ],
      mode: "MARGINAL",
      threshold: null,
      cap: null,
    });
    expect(parseCurveDraft({ ...draft, tiers: "0:1, one:2" })).toBe(
      'Proposed plan, AE: "one:2" is not a tier; write lower bound:rate, e.g. 1:1.5.',
    );
    expect(parseCurveDraft({ ...draft, tiers: "" })).toBe(
      "Proposed plan, AE: enter tiers as lower bound:rate, e.g. 0:1, 1:1.5.",
    );
    expect(parseCurveDraft({ ...draft, cap: "lots" })).toBe(
      "Proposed plan, AE: the cap must be a number, or blank for none.",
    );
    expect(parseCurveDraft({ ...draft, threshold: "x" })).toBe(
      "Proposed plan, AE: the threshold must be a number, or blank for none.",
    );
    // Bounds must ascend: the core's curve check says so.
    expect(parseCurveDraft({ ...draft, tiers: "1:1, 0:2" })).toMatch(/^Proposed plan, AE: /);
    const pane = apply(loaded(), { type: "curveChanged", role: 2, patch: { tiers: "0:x" } });
    expect(backtestIssues({ pane })).toEqual([
      'Proposed plan, SDR: "0:x" is not a tier; write lower bound:rate, e.g. 1:1.5.',
    ]);
    expect(backtestSettingsFrom({ pane })).toBeNull();
  });

  test("Copy current plan to proposed: the proposed plan is the current one under the proposed name", () => {
    const pane = apply(loaded(), { type: "curveChanged", role: 0, patch: { tiers: "0:5" } }, { type: "copyCurrent" });
    expect(pane.plans.proposed.map((c) => [c.role, c.tiers, c.threshold, c.cap])).toEqual([
      ["AE", "0:1, 1:1.5, 1.25:2", "", ""],
      ["CSR/AM", "0:1, 1:1.5, 1.25:2", "", ""],
      ["SDR", "0:0.02", "", ""],
    ]);
    const s = backtestSettingsFrom({ pane })!;
    expect(s.proposed).toEqual(copyPlan(SAMPLE_CURRENT, "Proposed"));
  });

  test("stored settings are put back in the form; anything else is not the back-test's", () => {
    const stored = sampleBacktestSettings({ year: 2025, periods: "quarters" });
    const pane = loaded(stored);
    expect([pane.year, pane.periods]).toEqual(["2025", "quarters"]);
    expect(backtestSettingsFrom({ pane })).toEqual(stored);
    expect(parseBacktestSettings(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
    expect(parseBacktestSettings(null)).toBeNull();
    expect(parseBacktestSettings({ ...stored, year: "2025" })).toBeNull();
    expect(parseBacktestSettings({ ...stored, proposed: { name: "P" } })).toBeNull();
  });

  test("an edit clears a finished run's message; a run's events keep its state", () => {
    let pane = apply(
      loaded(),
      { type: "run", event: { type: "started" } },
      { type: "run", event: { type: "succeeded", summary: { message: "Wrote", details: [] } } },
    );
    expect(pane.run.status).toBe("done");
    pane = apply(pane, { type: "yearChanged", year: "2027" });
    expect(pane.run.status).toBe("idle");
    pane = apply(pane, { type: "run", event: { type: "started" } }, { type: "yearChanged", year: "2026" });
    expect(pane.run.status).toBe("running");
  });
});

describe("the Back-test pane's quotas per role", () => {
  test("one field per role paid on attainment; typed quotas reach the settings and bad ones are named", () => {
    const pane = loaded();
    // The sample's AE and CSR/AM are paid on attainment; its SDR on the amount, with no quota.
    expect(pane.quotas).toEqual([
      { role: "AE", annual: "1100000" },
      { role: "CSR/AM", annual: "900000" },
    ]);
    const typed = apply(pane, { type: "quotaChanged", role: 0, annual: "1,250,000" });
    expect(backtestSettingsFrom({ pane: typed })!.quotas).toEqual({
      kind: "role",
      annual: { AE: 1_250_000, "CSR/AM": 900_000 },
    });
    const bad = apply(
      pane,
      { type: "quotaChanged", role: 1, annual: "" },
      { type: "quotaChanged", role: 0, annual: "-1" },
    );
    expect(backtestIssues({ pane: bad })).toEqual([
      'AE: the annual quota is "-1"; enter an amount above 0.',
      'CSR/AM: the annual quota is ""; enter an amount above 0.',
    ]);
    expect(backtestSettingsFrom({ pane: bad })).toBeNull();
  });

  test("quotas from the people table: no per-role fields, and the settings keep them", () => {
    const stored = sampleBacktestSettings({
      quotas: { kind: "people" },
      people: { ...sampleBacktestSettings().people, quota: "Prior Year Bookings" },
    });
    const pane = loaded(stored);
    expect(pane.quotas).toEqual([]);
    expect(backtestSettingsFrom({ pane })).toEqual(stored);
  });
});
