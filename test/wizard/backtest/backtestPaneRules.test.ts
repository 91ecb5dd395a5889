import { TableInfo } from "../../../src/workbook/host";
import {
  BacktestPaneAction,
  backtestPaneReducer,
  BacktestPaneState,
  backtestIssues,
  backtestSettingsFrom,
  initialBacktestPane,
  parseBacktestSettings,
} from "../../../src/wizard/backtest/backtestPane";
import { BacktestSettings } from "../../../src/wizard/backtest/backtestSettings";
import { SAMPLE_CURRENT, SAMPLE_PROPOSED, sampleBacktestSettings } from "../../../src/wizard/backtest/sampleBacktest";

const table = (name: string, headers: string[]): TableInfo => ({
  name,
  sheet: name,
  rowCount: 3,
  headers,
  address: "A1:F4",
});

const TABLES = [
  table("Deals", ["Deal ID", "Owner", "Stage", "Closed", "Amount", "Payment Date", "Cancel Date", "SDR", "SDR Share"]),
  table("Reps", ["Rep ID", "Name", "Role", "Start Date", "Monthly Draw"]),
  table("Credits", ["Deal", "Rep", "Split %", "Role"]),
  table("Paid 2026", ["Rep ID", "Total Paid"]),
];

const apply = (state: BacktestPaneState, ...actions: BacktestPaneAction[]) =>
  actions.reduce(backtestPaneReducer, state);
const loaded = (stored: BacktestSettings | null = null) =>
  apply(initialBacktestPane(), { type: "loaded", tables: TABLES, stored });

describe("the Back-test pane's rules per plan and role", () => {
  test("one rules draft per role of each plan, as the settings have them", () => {
    const pane = loaded();
    expect(pane.rules.current.map((r) => [r.role, r.clawback, r.windowMonths, r.payTiming])).toEqual([
      ["AE", "PRORATED", "6", "BOOKING"],
      ["CSR/AM", "PRORATED", "6", "BOOKING"],
      ["SDR", "NONE", "", "BOOKING"],
    ]);
    expect(pane.rules.proposed.map((r) => [r.role, r.clawback, r.payTiming, r.holdbackShare])).toEqual([
      ["AE", "FULL", "HOLDBACK", "25%"],
      ["CSR/AM", "PRORATED", "BOOKING", ""],
      ["SDR", "NONE", "PAYMENT", ""],
    ]);
  });

  test("a draw on the current plan and a clawback window on the proposed one reach only their plan and role", () => {
    const pane = apply(
      loaded(),
      { type: "rulesChanged", plan: "current", role: 0, patch: { drawAmount: "3,000", recoveryLimit: "50%" } },
      { type: "rulesChanged", plan: "proposed", role: 0, patch: { windowMonths: "2" } },
      { type: "rulesChanged", plan: "proposed", role: 2, patch: { splits: "EXACT" } },
    );
    const s = backtestSettingsFrom({ pane })!;
    expect(s.current.roles[0]).toEqual({
      ...SAMPLE_CURRENT.roles[0],
      drawAmount: 3000,
      draw: { recoverable: true, recoveryLimit: 0.5 },
    });
    expect(s.current.roles.slice(1)).toEqual(SAMPLE_CURRENT.roles.slice(1));
    expect(s.proposed.roles[0]).toEqual({
      ...SAMPLE_PROPOSED.roles[0],
      clawback: { method: "FULL", windowMonths: 2, termMonths: 12 },
    });
    expect(s.proposed.roles[1]).toEqual(SAMPLE_PROPOSED.roles[1]);
    expect(s.proposed.roles[2]).toEqual({ ...SAMPLE_PROPOSED.roles[2], splits: "EXACT" });
  });

  test("bad rules are listed naming plan, role and field, and the run waits", () => {
    const pane = apply(
      loaded(),
      { type: "rulesChanged", plan: "current", role: 1, patch: { clawback: "SHARE", clawbackShare: "150%" } },
      { type: "rulesChanged", plan: "proposed", role: 0, patch: { holdbackMonths: "soon" } },
    );
    expect(backtestIssues({ pane })).toEqual([
      'Current plan, CSR/AM: the clawback share is "150%"; enter a share from 0% to 100%.',
      'Proposed plan, AE: the holdback release is "soon"; enter a whole number of months above 0.',
    ]);
    expect(backtestSettingsFrom({ pane })).toBeNull();
  });

  test("Copy current plan to proposed copies the current rules as typed", () => {
    const pane = apply(
      loaded(),
      { type: "rulesChanged", plan: "current", role: 0, patch: { draw: "GUARANTEE", drawAmount: "1000" } },
      { type: "copyCurrent" },
    );
    expect(pane.rules.proposed).toEqual(pane.rules.current);
    const s = backtestSettingsFrom({ pane })!;
    expect(s.proposed.roles).toEqual(s.current.roles);
    expect(s.proposed.roles[0]).toMatchObject({ draw: { recoverable: false, recoveryLimit: 1 }, drawAmount: 1000 });
    expect(s.proposed.name).toBe("Proposed");
  });
});

describe("the Back-test pane's credits, draw column and actual payouts tables", () => {
  test("a credits table: columns guessed; the SDR column must be cleared; the settings read the table", () => {
    let pane = apply(loaded(), { type: "creditsTableChanged", table: "Credits" });
    expect(pane.credits).toEqual({ table: "Credits", deal: "Deal", person: "Rep", share: "Split %", role: "Role" });
    expect(backtestIssues({ pane })).toEqual([
      "Credits come from the credits table or from the SDR column, not both; clear one of them.",
    ]);
    pane = apply(pane, { type: "dealsChanged", patch: { sdr: "", sdrShare: "" } });
    expect(backtestSettingsFrom({ pane })!.deals.credits).toEqual({
      kind: "table",
      table: "Credits",
      deal: "Deal",
      person: "Rep",
      share: "Split %",
      role: "Role",
    });
    const wrong = apply(pane, { type: "creditsChanged", patch: { share: "Share", role: "" } });
    expect(backtestIssues({ pane: wrong })).toEqual(['Credits has no column "Share" (the share); choose another.']);
    pane = apply(pane, { type: "creditsTableChanged", table: "" });
    expect(backtestSettingsFrom({ pane })!.deals.credits).toEqual({ kind: "owner" });
  });

  test("the SDR share when blank: a share, and only with the SDR column", () => {
    const pane = apply(loaded(), { type: "dealsChanged", patch: { sdrDefaultShare: "50%" } });
    expect(backtestSettingsFrom({ pane })!.deals.credits).toEqual({
      kind: "columns",
      columns: [{ person: "SDR", share: "SDR Share", defaultShare: 0.5 }],
    });
    const bad = apply(pane, { type: "dealsChanged", patch: { sdrDefaultShare: "half" } });
    expect(backtestIssues({ pane: bad })).toEqual([
      'The SDR share when blank is "half"; enter a share from 0% to 100%.',
    ]);
    const alone = apply(pane, { type: "dealsChanged", patch: { sdr: "", sdrShare: "" } });
    expect(backtestIssues({ pane: alone })).toEqual([
      "An SDR share when blank needs the SDR column too; choose it, or clear the share.",
    ]);
  });

  test("an actual payouts table and a people draw column reach the settings", () => {
    const pane = apply(
      loaded(),
      { type: "actualTableChanged", table: "Paid 2026" },
      { type: "peopleChanged", patch: { draw: "Monthly Draw" } },
    );
    expect(pane.actual).toEqual({ table: "Paid 2026", person: "Rep ID", amount: "Total Paid" });
    const s = backtestSettingsFrom({ pane })!;
    expect(s.actual).toEqual({ table: "Paid 2026", person: "Rep ID", amount: "Total Paid" });
    expect(s.people.draw).toBe("Monthly Draw");
    const missing = apply(pane, { type: "actualChanged", patch: { amount: "" } });
    expect(backtestIssues({ pane: missing })).toEqual(["Choose the actual payouts table's amount paid column."]);
    expect(backtestSettingsFrom({ pane: apply(pane, { type: "actualTableChanged", table: "" }) })!.actual).toBeNull();
  });
});

describe("stored back-test settings", () => {
  test("settings with every new field survive the workbook (JSON) and come back to the same form", () => {
    const pane = apply(
      loaded(),
      { type: "rulesChanged", plan: "current", role: 0, patch: { drawAmount: "2000", draw: "GUARANTEE" } },
      { type: "rulesChanged", plan: "proposed", role: 1, patch: { clawback: "SHARE", clawbackShare: "30%" } },
      { type: "dealsChanged", patch: { sdrDefaultShare: "0.5" } },
      { type: "actualTableChanged", table: "Paid 2026" },
    );
    const s = backtestSettingsFrom({ pane })!;
    const back = parseBacktestSettings(JSON.parse(JSON.stringify(s)));
    expect(back).toEqual(s);
    const again = loaded(back);
    expect([again.rules, again.actual, again.deals.sdrDefaultShare]).toEqual([pane.rules, pane.actual, "50%"]);
    expect(backtestSettingsFrom({ pane: again })).toEqual(s);
  });

  test("settings stored before the new fields load, with their defaults", () => {
    // As the first release stored them: no drawAmount, defaultShare, term, quota/draw columns,
    // actual, outsideYear or statementsFor.
    const full = JSON.parse(JSON.stringify(sampleBacktestSettings())) as Record<string, unknown>;
    const { actual: _a, outsideYear: _o, statementsFor: _s, ...old } = full;
    void [_a, _o, _s];
    const deals = { ...(old.deals as Record<string, unknown>) };
    delete deals.term;
    const people = { ...(old.people as Record<string, unknown>) };
    delete people.quota;
    delete people.draw;
    const s = parseBacktestSettings({ ...old, deals, people })!;
    expect(s).toEqual(sampleBacktestSettings({ actual: null, outsideYear: "refuse", statementsFor: "proposed" }));
    expect(s.current.roles.every((r) => r.drawAmount === undefined)).toBe(true);
    const pane = loaded(s);
    expect(pane.rules.current[0]).toMatchObject({ drawAmount: "", draw: "RECOVERABLE", recoveryLimit: "100%" });
    expect(backtestSettingsFrom({ pane })).toEqual(s);
  });

  test("what is not the back-test's is refused", () => {
    const s = sampleBacktestSettings();
    const role = { ...s.current.roles[0] };
    const withRole = (r: object) => ({ ...s, current: { ...s.current, roles: [r] } });
    expect(parseBacktestSettings(withRole({ ...role, drawAmount: -1 }))).toBeNull();
    expect(parseBacktestSettings(withRole({ ...role, draw: { recoverable: true, recoveryLimit: 2 } }))).toBeNull();
    expect(
      parseBacktestSettings(withRole({ ...role, payTiming: { kind: "HOLDBACK", share: 0.2, months: 0 } })),
    ).toBeNull();
    expect(parseBacktestSettings({ ...s, deals: { ...s.deals, credits: { kind: "sheet" } } })).toBeNull();
    expect(parseBacktestSettings(withRole(role))).toEqual(withRole(role));
  });
});

describe("credit columns after the SDR's (a CSR's, say)", () => {
  const withCsr = [table("Deals", [...TABLES[0].headers, "CSR", "CSR Share"]), ...TABLES.slice(1)];
  const loadedWith = (stored: BacktestSettings | null) =>
    apply(initialBacktestPane(), { type: "loaded", tables: withCsr, stored });

  test("a stored CSR column pair is shown in the pane beside the SDR's and kept when the SDR's is edited", () => {
    const csr = { person: "CSR", share: null, defaultShare: 0.25 };
    const base = sampleBacktestSettings();
    const stored = sampleBacktestSettings({
      deals: { ...base.deals, credits: { kind: "columns", columns: [{ person: "SDR", share: "SDR Share" }, csr] } },
    });
    const pane = apply(loadedWith(stored), { type: "dealsChanged", patch: { sdrDefaultShare: "100%" } });
    expect(pane.deals.moreCredits).toEqual([{ person: "CSR", share: "", defaultShare: "25%" }]);
    expect(backtestSettingsFrom({ pane })!.deals.credits).toEqual({
      kind: "columns",
      columns: [{ person: "SDR", share: "SDR Share", defaultShare: 1 }, csr],
    });
  });

  test("added, edited and removed in the pane; each reaches the settings in order", () => {
    let pane = apply(
      loadedWith(null),
      { type: "dealsTableChanged", table: "Deals" },
      { type: "creditPairAdded" },
      { type: "creditPairChanged", index: 0, patch: { person: "CSR", share: "CSR Share" } },
    );
    expect(backtestSettingsFrom({ pane })!.deals.credits).toEqual({
      kind: "columns",
      columns: [
        { person: "SDR", share: "SDR Share" },
        { person: "CSR", share: "CSR Share" },
      ],
    });
    // Without the SDR's, the CSR's alone is the credit column, and it reopens where it was chosen.
    pane = apply(pane, { type: "dealsChanged", patch: { sdr: "", sdrShare: "" } });
    const csrAlone = backtestSettingsFrom({ pane })!;
    expect(csrAlone.deals.credits).toEqual({
      kind: "columns",
      columns: [{ person: "CSR", share: "CSR Share" }],
      firstIsSdr: false,
    });
    const stored = parseBacktestSettings(JSON.parse(JSON.stringify(csrAlone)));
    expect(stored).toEqual(csrAlone);
    const reopened = loadedWith(stored);
    expect([reopened.deals.sdr, reopened.deals.sdrShare]).toEqual(["", ""]);
    expect(reopened.deals.moreCredits).toEqual([{ person: "CSR", share: "CSR Share", defaultShare: "" }]);
    expect(backtestSettingsFrom({ pane: reopened })!.deals.credits).toEqual(csrAlone.deals.credits);
    pane = apply(pane, { type: "creditPairRemoved", index: 0 });
    expect(pane.deals.moreCredits).toEqual([]);
    expect(backtestSettingsFrom({ pane })!.deals.credits).toEqual({ kind: "owner" });
  });

  test("what is wrong with a pair is named: a gone column, a share with no person, a bad share, and a credits table beside it", () => {
    const pane = apply(
      loadedWith(null),
      { type: "dealsTableChanged", table: "Deals" },
      { type: "creditPairAdded" },
      { type: "creditPairChanged", index: 0, patch: { person: "CSM", defaultShare: "lots" } },
      { type: "creditPairAdded" },
      { type: "creditPairChanged", index: 1, patch: { share: "CSR Share" } },
    );
    expect(backtestIssues({ pane })).toEqual([
      'Deals has no column "CSM" (credit column 2\'s person); choose another.',
      'Credit column 2\'s share when blank is "lots"; enter a share from 0% to 100%.',
      "Credit column 3 has a share but no person column; choose the column naming who is credited, or remove it.",
    ]);
    const both = apply(
      pane,
      { type: "dealsChanged", patch: { sdr: "", sdrShare: "" } },
      { type: "creditPairRemoved", index: 1 },
      { type: "creditPairChanged", index: 0, patch: { person: "CSR", defaultShare: "" } },
      { type: "creditsTableChanged", table: "Credits" },
    );
    expect(backtestIssues({ pane: both })).toEqual([
      "Credits come from the credits table or from the deals table's credit columns, not both; remove the credit columns, or clear the credits table.",
    ]);
  });
});
