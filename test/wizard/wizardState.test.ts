import { TableData } from "../../src/workbook/host";
import { quotaIssues, quotaSettings } from "../../src/wizard/quotas/quotaForm";
import {
  canEnter,
  initialWizardState,
  openProblems,
  territoryIssues,
  territorySettings,
  WizardAction,
  wizardReducer,
  WizardState,
} from "../../src/wizard/wizardState";

const accounts: TableData = {
  source: "Accounts",
  headers: ["Account", "Potential", "Workload", "Region", "Current Owner", "Pinned Owner"],
  rows: [
    ["A1", 100, 5, "West", "R1", ""],
    ["A2", "lots", 5, "East", "R2", ""],
    ["A3", 50, 5, "East", "R1", "R9"],
    ["A4", 80, 5, "West", "", ""],
  ],
};
const reps: TableData = {
  source: "Reps",
  headers: ["Rep ID", "Role", "Capacity"],
  rows: [
    ["R1", "AE", 1],
    ["R2", "AE", 0.5],
    ["S1", "SDR", 1],
  ],
};
const run = (...actions: WizardAction[]) => actions.reduce<WizardState>(wizardReducer, initialWizardState);

describe("wizardReducer", () => {
  test("suggests the accounts and reps tables from their names", () => {
    const s = run({
      type: "tablesLoaded",
      tables: [
        { name: "Deals", sheet: "D", rowCount: 1, headers: [], address: "A1:B2" },
        { name: "Accounts", sheet: "A", rowCount: 4, headers: [], address: "A1:B2" },
        { name: "Reps", sheet: "R", rowCount: 3, headers: [], address: "A1:B2" },
      ],
    });
    expect(s.source).toEqual({ kind: "table", name: "Accounts" });
    expect(s.territory.repsTable).toBe("Reps");
  });

  test("loading data maps columns automatically; the user can correct a mapping", () => {
    let s = run({ type: "sourceChosen", source: { kind: "table", name: "Accounts" } });
    expect(s.loading).toBe(true);
    s = wizardReducer(s, { type: "dataLoaded", data: accounts });
    expect(s.mapping).toMatchObject({ id: 0, potential: 1, workload: 2, region: 3, owner: 4, pinned: 5 });
    s = wizardReducer(s, { type: "mappingChanged", field: "workload", column: null });
    expect(s.mapping!.workload).toBeNull();
  });

  test("problems list their rows; excluding the problem rows clears them; nothing is fixed silently", () => {
    let s = run(
      { type: "sourceChosen", source: { kind: "table", name: "Accounts" } },
      { type: "dataLoaded", data: accounts },
    );
    expect(openProblems(s).map((p) => p.message)).toEqual(['Row 2: potential is the text "lots", not a number.']);
    expect(territoryIssues(s)).toContain("1 data problem(s) remain: fix or exclude them in the Data step.");
    s = wizardReducer(s, { type: "problemRowsExcluded" });
    expect(s.excluded).toEqual([2]);
    expect(openProblems(s)).toEqual([]);
    s = wizardReducer(s, { type: "rowExcluded", row: 2, excluded: false });
    expect(openProblems(s)).toHaveLength(1);
  });

  test("with reps, pinned owners are checked against them and default roles are those owning accounts", () => {
    let s = run(
      { type: "sourceChosen", source: { kind: "table", name: "Accounts" } },
      { type: "dataLoaded", data: accounts },
      { type: "problemRowsExcluded" },
    );
    s = wizardReducer(s, { type: "territoryOptionsChanged", options: { seatsKind: "reps" } });
    s = wizardReducer(s, { type: "repsLoaded", table: "Reps", data: reps });
    expect(s.territory.repColumns).toEqual({ id: 0, capacity: 2, role: 1 });
    expect(s.territory.roles).toEqual(["AE"]);
    expect(openProblems(s).map((p) => p.message)).toEqual(['Row 3: pinned owner "R9" is not among the reps.']);
    s = wizardReducer(s, { type: "roleToggled", role: "AE", on: false });
    expect(territoryIssues(s)).toContain("Choose at least one role to give territories to.");
  });

  test("the territory step opens only once accounts are mapped; the others read tables of their own", () => {
    expect(canEnter(initialWizardState, "territories")).toBe(false);
    expect(wizardReducer(initialWizardState, { type: "stepChosen", step: "territories" }).step).toBe("data");
    expect(canEnter(initialWizardState, "quotas") && canEnter(initialWizardState, "scenarios")).toBe(true);
    const s = run(
      { type: "sourceChosen", source: { kind: "table", name: "Accounts" } },
      { type: "dataLoaded", data: accounts },
    );
    expect(wizardReducer(s, { type: "stepChosen", step: "territories" }).step).toBe("territories");
  });

  test("territory options are validated with messages that say what to fix", () => {
    let s = run(
      { type: "sourceChosen", source: { kind: "table", name: "Accounts" } },
      { type: "dataLoaded", data: accounts },
      { type: "problemRowsExcluded" },
    );
    s = wizardReducer(s, { type: "mappingChanged", field: "workload", column: null });
    s = wizardReducer(s, {
      type: "territoryOptionsChanged",
      options: { count: 9, balanceOn: "potential+workload", groupBy: "group", sheet: "Bad/Name" },
    });
    expect(territoryIssues(s)).toEqual([
      "Territories must be a whole number from 1 to 3 (the number of accounts).",
      "Map a workload column in the Data step to balance workload.",
      "Map a segment column in the Data step to keep groups pure.",
      '"Bad/Name" cannot be a sheet name: use 1 to 31 characters, none of : \\ / ? * [ ], not starting or ending with an apostrophe.',
    ]);
    expect(territorySettings(s)).toBeNull();
    s = wizardReducer(s, {
      type: "territoryOptionsChanged",
      options: { count: 2, balanceOn: "potential", groupBy: "region", sheet: "Territories" },
    });
    // A3 is pinned to R9, and equal territories have no reps: said before running.
    expect(territoryIssues(s)).toEqual([
      '1 account is pinned to a named rep ("A3" to "R9"), and equal territories have no reps to keep them with: split between the reps of a table, or turn off "Honour pinned (named) accounts".',
    ]);
    expect(territorySettings(s)).toBeNull();
    s = wizardReducer(s, { type: "territoryOptionsChanged", options: { honourPins: false } });
    expect(territorySettings(s)).toMatchObject({
      seats: { kind: "count", count: 2 },
      groupBy: "region",
      excluded: [2],
      sheet: "Territories",
    });
  });

  test("stored settings restore the step, and a reload keeps the user's mapping", () => {
    const base = run(
      { type: "sourceChosen", source: { kind: "table", name: "Accounts" } },
      { type: "dataLoaded", data: accounts },
      { type: "problemRowsExcluded" },
      { type: "territoryOptionsChanged", options: { count: 2, honourPins: false } },
    );
    const settings = territorySettings(base)!;
    let s = run({
      type: "settingsRestored",
      settings: {
        ...settings,
        mapping: { ...settings.mapping, workload: null },
        mappingHeaders: { ...settings.mappingHeaders!, workload: null },
      },
    });
    expect(s.territory.count).toBe(2);
    s = wizardReducer(s, { type: "dataLoaded", data: accounts, keepMapping: true });
    expect(s.mapping!.workload).toBeNull();
    expect(s.excluded).toEqual([2]);
    expect(s.mappingNotice).toBeNull();
  });

  test("a restored mapping follows its headers when the columns were reordered, and says so", () => {
    const base = run(
      { type: "sourceChosen", source: { kind: "table", name: "Accounts" } },
      { type: "dataLoaded", data: accounts },
    );
    const settings = territorySettings(
      run(
        { type: "sourceChosen", source: { kind: "table", name: "Accounts" } },
        { type: "dataLoaded", data: accounts },
        { type: "problemRowsExcluded" },
        { type: "territoryOptionsChanged", options: { count: 2, honourPins: false } },
      ),
    )!;
    expect(settings.mappingHeaders).toMatchObject({ id: accounts.headers[base.mapping!.id!] });
    const order = [...accounts.headers.keys()].reverse();
    const reordered: TableData = {
      ...accounts,
      headers: order.map((i) => accounts.headers[i]),
      rows: accounts.rows.map((r) => order.map((i) => r[i])),
    };
    const s = wizardReducer(run({ type: "settingsRestored", settings }), {
      type: "dataLoaded",
      data: reordered,
      keepMapping: true,
    });
    for (const field of ["id", "potential"] as const)
      expect(reordered.headers[s.mapping![field]!]).toBe(accounts.headers[base.mapping![field]!]);
    expect(s.mappingNotice).toMatch(/matched by header name/);
  });

  test("a restored mapping whose header vanished leaves that field unmapped and names the column", () => {
    const settings = territorySettings(
      run(
        { type: "sourceChosen", source: { kind: "table", name: "Accounts" } },
        { type: "dataLoaded", data: accounts },
        { type: "problemRowsExcluded" },
        { type: "territoryOptionsChanged", options: { count: 2, honourPins: false } },
      ),
    )!;
    const potential = settings.mapping.potential!;
    const renamed: TableData = {
      ...accounts,
      headers: accounts.headers.map((h, i) => (i === potential ? "Revenue 2027" : h)),
    };
    const s = wizardReducer(run({ type: "settingsRestored", settings }), {
      type: "dataLoaded",
      data: renamed,
      keepMapping: true,
    });
    expect(s.mapping!.potential).toBeNull();
    expect(s.mappingNotice).toContain(
      `the column "${accounts.headers[potential]}" (Potential) is no longer in the data`,
    );
  });

  describe("restored rep columns are matched by header name, never by position", () => {
    /** Settings saved with the reps table as `reps` (Rep ID, Role, Capacity). */
    const saved = () =>
      territorySettings(
        run(
          { type: "sourceChosen", source: { kind: "table", name: "Accounts" } },
          { type: "dataLoaded", data: accounts },
          { type: "problemRowsExcluded" },
          { type: "territoryOptionsChanged", options: { seatsKind: "reps", repsTable: "Reps", honourPins: false } },
          { type: "repsLoaded", table: "Reps", data: reps },
        ),
      )!;
    const reorder = (t: TableData, order: number[], rename: Record<string, string> = {}): TableData => ({
      ...t,
      headers: order.map((i) => rename[t.headers[i]] ?? t.headers[i]),
      rows: t.rows.map((r) => order.map((i) => r[i])),
    });
    const restore = (settings: ReturnType<typeof saved>, data: TableData) =>
      run({ type: "settingsRestored", settings }, { type: "repsLoaded", table: "Reps", data });

    test("the settings keep each column's header", () => {
      const s = saved();
      expect(s.seats).toMatchObject({ kind: "reps", columns: { id: 0, role: 1, capacity: 2 } });
      expect(s.seats.kind === "reps" && s.seats.headers).toEqual({ id: "Rep ID", role: "Role", capacity: "Capacity" });
    });

    test("columns that moved are followed, and the pane says so", () => {
      // Capacity, Rep ID, Role: the id is now column 1, the role 2, the capacity 0.
      const s = restore(saved(), reorder(reps, [2, 0, 1]));
      expect(s.territory.repColumns).toEqual({ id: 1, role: 2, capacity: 0 });
      expect(s.territory.repColumnsNotice).toBe(
        "The saved reps table's column choice was matched by header name: Rep, Capacity, Role followed their columns to a new position. Check the mapping before running.",
      );
      // The same table read again in the session keeps what is chosen, and the notice stays until a column is changed.
      const again = wizardReducer(s, { type: "repsLoaded", table: "Reps", data: reorder(reps, [2, 0, 1]) });
      expect(again.territory.repColumns).toEqual({ id: 1, role: 2, capacity: 0 });
      const changed = wizardReducer(again, { type: "repColumnChanged", field: "capacity", column: null });
      expect(changed.territory.repColumnsNotice).toBeNull();
    });

    test("a column that vanished is left unmapped and named", () => {
      const s = restore(saved(), reorder(reps, [0, 1, 2], { Capacity: "FTE 2027" }));
      expect(s.territory.repColumns).toEqual({ id: 0, role: 1, capacity: null });
      expect(s.territory.repColumnsNotice).toContain(
        'the column "Capacity" (Capacity) is no longer in the data, so Capacity is unmapped',
      );
    });

    test("unchanged columns restore without a notice", () => {
      const s = restore(saved(), reps);
      expect(s.territory.repColumns).toEqual({ id: 0, role: 1, capacity: 2 });
      expect(s.territory.repColumnsNotice).toBeNull();
    });

    test("settings saved before header names were kept are guessed again from the headers, with a notice when that differs", () => {
      const old = saved();
      if (old.seats.kind !== "reps") throw new Error("reps expected");
      const { headers: _dropped, ...seatsWithoutHeaders } = old.seats;
      void _dropped;
      const s = restore({ ...old, seats: seatsWithoutHeaders }, reorder(reps, [2, 0, 1]));
      // The old positions (id 0, role 1, capacity 2) would now read Capacity as the rep id.
      expect(s.territory.repColumns).toEqual({ id: 1, role: 2, capacity: 0 });
      expect(s.territory.repColumnsNotice).toMatch(/had no header names, so they were matched again from the headers/);
    });
  });

  test("a run goes through progress to a result, failure or cancellation, each step on its own", () => {
    let s = run(
      { type: "runStarted", step: "territories" },
      { type: "runProgress", step: "territories", fraction: 0.5, label: "Splitting" },
    );
    expect(s.runs.territories).toMatchObject({ status: "running", fraction: 0.5, label: "Splitting" });
    expect(s.runs.quotas.status).toBe("idle");
    s = wizardReducer(s, { type: "runFailed", step: "territories", message: "A sheet named ..." });
    expect(s.runs.territories).toMatchObject({ status: "failed", message: "A sheet named ..." });
    expect(wizardReducer(s, { type: "runCancelled", step: "quotas" }).runs.quotas.message).toBe(
      "Cancelled; nothing was written.",
    );
  });
});

describe("the quota step's form", () => {
  const tables = [
    {
      name: "Territories_Summary",
      sheet: "Territories",
      rowCount: 3,
      headers: ["Territory", "Capacity", "Potential"],
      address: "A1:B2",
    },
    {
      name: "Reps",
      sheet: "Reps",
      rowCount: 3,
      headers: ["Rep ID", "Role", "Prior Year Bookings", "Bookings 2024"],
      address: "A1:B2",
    },
  ];
  test("defaults: potential from the territory summary, history from the reps table's bookings columns", () => {
    const s = run({ type: "tablesLoaded", tables });
    expect(s.quota).toMatchObject({
      potentialTable: "Territories_Summary",
      potentialId: "Territory",
      potentialColumn: "Potential",
    });
    expect(s.quota).toMatchObject({
      historyTable: "Reps",
      historyId: "Rep ID",
      historyColumns: ["Prior Year Bookings", "Bookings 2024"],
    });
  });
  test("every field is validated with a message; a valid form gives the step's settings", () => {
    let s = run(
      { type: "tablesLoaded", tables },
      { type: "quotaFormChanged", patch: { targetShare: 1.2, draws: 50, sheet: "" } },
    );
    expect(quotaIssues(s.quota, s.tables)).toEqual([
      "Enter the company target for the period, an amount above 0.",
      "The target share of reps reaching quota must be between 1% and 99% (60-70% is healthy).",
      "Simulation draws must be a whole number from 100 to 100,000.",
      '"" cannot be a sheet name: use 1 to 31 characters, none of : \\ / ? * [ ], not starting or ending with an apostrophe.',
    ]);
    s = wizardReducer(s, {
      type: "quotaFormChanged",
      patch: { targetShare: 0.65, draws: 1000, sheet: "Quotas", companyTarget: 1e6 },
    });
    s = wizardReducer(s, { type: "quotaHistoryTableChosen", table: null });
    expect(quotaSettings(s.quota, s.tables)).toMatchObject({
      potential: { table: "Territories_Summary", id: "Territory", columns: ["Potential"] },
      history: null,
      companyTarget: 1e6,
    });
    expect(wizardReducer(s, { type: "stepChosen", step: "quotas" }).step).toBe("quotas");
  });
});

describe("a saved column mapping is restored by header name, never by position", () => {
  const { autoMap, mappingHeaders, restoreMapping } = jest.requireActual(
    "../../src/wizard/columnMapping",
  ) as typeof import("../../src/wizard/columnMapping");
  const headers = ["Account", "Potential", "Region", "Workload"];
  const saved = mappingHeaders(autoMap(headers), headers);

  test("the same headers: the same mapping, nothing to say", () => {
    const r = restoreMapping(saved, headers, autoMap(headers));
    expect(r.mapping).toEqual(autoMap(headers));
    expect(r.notice).toBeNull();
  });

  test("columns reordered: each field follows its header, and the move is said", () => {
    const now = ["Region", "Workload", "Account", "Potential"];
    const r = restoreMapping(saved, now, autoMap(headers));
    expect(r.mapping).toMatchObject({ id: 2, potential: 3, region: 0, workload: 1 });
    expect([...r.moved].sort()).toEqual(["id", "potential", "region", "workload"]);
    expect(r.notice).toMatch(/followed their columns to a new position/);
  });

  test("a header that vanished leaves its field unmapped and is named, even if another column took its place", () => {
    const now = ["Account", "Revenue", "Region", "Workload"];
    const r = restoreMapping(saved, now, autoMap(headers));
    expect(r.mapping.potential).toBeNull();
    expect(r.missing).toEqual([{ field: "potential", header: "Potential" }]);
    expect(r.notice).toMatch(/the column "Potential" \(Potential\) is no longer in the data/);
  });
});
