import { TableData } from "../../src/workbook/host";
import { quotaIssues, quotaSettings } from "../../src/wizard/quotas/quotaForm";
import { canEnter, initialWizardState, openProblems, territoryIssues, territorySettings, WizardAction, wizardReducer, WizardState } from "../../src/wizard/wizardState";

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
    const s = run({ type: "tablesLoaded", tables: [{ name: "Deals", sheet: "D", rowCount: 1, headers: [], address: "A1:B2" }, { name: "Accounts", sheet: "A", rowCount: 4, headers: [], address: "A1:B2" }, { name: "Reps", sheet: "R", rowCount: 3, headers: [], address: "A1:B2" }] });
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
    let s = run({ type: "sourceChosen", source: { kind: "table", name: "Accounts" } }, { type: "dataLoaded", data: accounts });
    expect(openProblems(s).map((p) => p.message)).toEqual(['Row 2: potential is the text "lots", not a number.']);
    expect(territoryIssues(s)).toContain("1 data problem(s) remain: fix or exclude them in the Data step.");
    s = wizardReducer(s, { type: "problemRowsExcluded" });
    expect(s.excluded).toEqual([2]);
    expect(openProblems(s)).toEqual([]);
    s = wizardReducer(s, { type: "rowExcluded", row: 2, excluded: false });
    expect(openProblems(s)).toHaveLength(1);
  });

  test("with reps, pinned owners are checked against them and default roles are those owning accounts", () => {
    let s = run({ type: "sourceChosen", source: { kind: "table", name: "Accounts" } }, { type: "dataLoaded", data: accounts }, { type: "problemRowsExcluded" });
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
    const s = run({ type: "sourceChosen", source: { kind: "table", name: "Accounts" } }, { type: "dataLoaded", data: accounts });
    expect(wizardReducer(s, { type: "stepChosen", step: "territories" }).step).toBe("territories");
  });

  test("territory options are validated with messages that say what to fix", () => {
    let s = run({ type: "sourceChosen", source: { kind: "table", name: "Accounts" } }, { type: "dataLoaded", data: accounts }, { type: "problemRowsExcluded" });
    s = wizardReducer(s, { type: "mappingChanged", field: "workload", column: null });
    s = wizardReducer(s, { type: "territoryOptionsChanged", options: { count: 9, balanceOn: "potential+workload", groupBy: "group", sheet: "Bad/Name" } });
    expect(territoryIssues(s)).toEqual([
      "Territories must be a whole number from 1 to 3 (the number of accounts).",
      "Map a workload column in the Data step to balance workload.",
      "Map a segment column in the Data step to keep groups pure.",
      '"Bad/Name" cannot be a sheet name: use 1 to 31 characters, none of : \\ / ? * [ ], not starting or ending with an apostrophe.',
    ]);
    expect(territorySettings(s)).toBeNull();
    s = wizardReducer(s, { type: "territoryOptionsChanged", options: { count: 2, balanceOn: "potential", groupBy: "region", sheet: "Territories" } });
    expect(territorySettings(s)).toMatchObject({ seats: { kind: "count", count: 2 }, groupBy: "region", excluded: [2], sheet: "Territories" });
  });

  test("stored settings restore the step, and a reload keeps the user's mapping", () => {
    const base = run({ type: "sourceChosen", source: { kind: "table", name: "Accounts" } }, { type: "dataLoaded", data: accounts }, { type: "problemRowsExcluded" }, { type: "territoryOptionsChanged", options: { count: 2 } });
    const settings = territorySettings(base)!;
    let s = run({ type: "settingsRestored", settings: { ...settings, mapping: { ...settings.mapping, workload: null } } });
    expect(s.territory.count).toBe(2);
    s = wizardReducer(s, { type: "dataLoaded", data: accounts, keepMapping: true });
    expect(s.mapping!.workload).toBeNull();
    expect(s.excluded).toEqual([2]);
  });

  test("a run goes through progress to a result, failure or cancellation, each step on its own", () => {
    let s = run({ type: "runStarted", step: "territories" }, { type: "runProgress", step: "territories", fraction: 0.5, label: "Splitting" });
    expect(s.runs.territories).toMatchObject({ status: "running", fraction: 0.5, label: "Splitting" });
    expect(s.runs.quotas.status).toBe("idle");
    s = wizardReducer(s, { type: "runFailed", step: "territories", message: "A sheet named ..." });
    expect(s.runs.territories).toMatchObject({ status: "failed", message: "A sheet named ..." });
    expect(wizardReducer(s, { type: "runCancelled", step: "quotas" }).runs.quotas.message).toBe("Cancelled; nothing was written.");
  });
});

describe("the quota step's form", () => {
  const tables = [
    { name: "Territories_Summary", sheet: "Territories", rowCount: 3, headers: ["Territory", "Capacity", "Potential"], address: "A1:B2" },
    { name: "Reps", sheet: "Reps", rowCount: 3, headers: ["Rep ID", "Role", "Prior Year Bookings", "Bookings 2024"], address: "A1:B2" },
  ];
  test("defaults: potential from the territory summary, history from the reps table's bookings columns", () => {
    const s = run({ type: "tablesLoaded", tables });
    expect(s.quota).toMatchObject({ potentialTable: "Territories_Summary", potentialId: "Territory", potentialColumn: "Potential" });
    expect(s.quota).toMatchObject({ historyTable: "Reps", historyId: "Rep ID", historyColumns: ["Prior Year Bookings", "Bookings 2024"] });
  });
  test("every field is validated with a message; a valid form gives the step's settings", () => {
    let s = run({ type: "tablesLoaded", tables }, { type: "quotaFormChanged", patch: { targetShare: 1.2, draws: 50, sheet: "" } });
    expect(quotaIssues(s.quota, s.tables)).toEqual([
      "Enter the company target for the period, an amount above 0.",
      "The target share of reps reaching quota must be between 1% and 99% (60-70% is healthy).",
      "Simulation draws must be a whole number from 100 to 100,000.",
      '"" cannot be a sheet name: use 1 to 31 characters, none of : \\ / ? * [ ], not starting or ending with an apostrophe.',
    ]);
    s = wizardReducer(s, { type: "quotaFormChanged", patch: { targetShare: 0.65, draws: 1000, sheet: "Quotas", companyTarget: 1e6 } });
    s = wizardReducer(s, { type: "quotaHistoryTableChosen", table: null });
    expect(quotaSettings(s.quota, s.tables)).toMatchObject({ potential: { table: "Territories_Summary", id: "Territory", columns: ["Potential"] }, history: null, companyTarget: 1e6 });
    expect(wizardReducer(s, { type: "stepChosen", step: "quotas" }).step).toBe("quotas");
  });
});
