import {
  initialScenarioForm,
  parseMixes,
  parseScenarioForm,
  parseTiers,
  scenarioFormFrom,
  scenarioIssues,
  scenarioSettings,
} from "../../src/wizard/scenarios/scenarioForm";
import { generateSample } from "../../src/sample/sampleData";
import { sampleTables } from "../../src/sample/sampleTables";
import { initialWizardState, WizardAction, wizardReducer, WizardState } from "../../src/wizard/wizardState";

const run = (...actions: WizardAction[]) => actions.reduce<WizardState>(wizardReducer, initialWizardState);

describe("the OTE scenario form", () => {
  test("mixes and tiers are typed as a user writes them", () => {
    expect(parseMixes("70/30, 60/40; 65")).toEqual([0.7, 0.6, 0.65]);
    expect(parseMixes("70/20")).toBe('"70/20" does not add up to 100');
    expect(parseMixes("abc")).toBe('"abc" is not a mix; write base/variable, e.g. 60/40');
    expect(parseTiers("0:1, 1:1.5")).toEqual([
      { lower: 0, rate: 1 },
      { lower: 1, rate: 1.5 },
    ]);
    expect(parseTiers("1-1.5")).toBe('"1-1.5" is not a tier; write lower bound:rate, e.g. 1:1.5');
  });

  test("the defaults follow domain.md and are valid", () => {
    const { roles, curves, problems } = parseScenarioForm(initialScenarioForm);
    expect(problems).toEqual([]);
    expect(roles.map((r) => [r.role, r.mixes])).toEqual([
      ["SDR", [0.7, 0.6]],
      ["AE", [0.5, 0.6, 0.7]],
      ["CSR/AM", [0.7, 0.65]],
    ]);
    expect(curves.map((c) => c.name)).toEqual(["Standard", "Accelerated"]);
  });

  test("every problem names its role or curve", () => {
    const s = run(
      { type: "scenarioRoleChanged", index: 1, patch: { ote: "lots", mixes: "" } },
      { type: "scenarioCurveChanged", index: 0, patch: { tiers: "1:1, 0.5:2" } },
      { type: "scenarioCurveChanged", index: 1, patch: { name: "Standard" } },
      { type: "scenarioRoleAdded" },
    );
    const issues = scenarioIssues(s.scenario, []);
    expect(issues).toContain("AE: OTE must be an amount above 0.");
    expect(issues).toContain("AE: enter one or more mixes, e.g. 60/40, 70/30.");
    expect(issues).toContain("Role 4 has no name.");
    expect(issues).toContain('Curve "Standard" is listed twice.');
    expect(issues.some((m) => m.startsWith('Curve "Standard": '))).toBe(true);
    expect(scenarioSettings(s.scenario, [])).toBeNull();
  });

  test("headcounts come from the reps table's roles until the user edits them", () => {
    const reps = {
      source: "Reps",
      headers: ["Rep ID", "Role"],
      rows: [
        ["R1", "AE"],
        ["R2", "AE"],
        ["R3", "SDR"],
      ],
    };
    const s = run({ type: "repsLoaded", table: "Reps", data: reps });
    // The table has SDRs and AEs only: no placeholder CSR/AM row.
    expect(s.scenario.roles.map((r) => [r.role, r.headcount])).toEqual([
      ["SDR", "1"],
      ["AE", "2"],
    ]);
  });

  test("a reps table of AEs only gives one AE role, no placeholder SDR or CSR/AM headcounts", () => {
    const reps = {
      source: "Reps",
      headers: ["Rep ID", "Role"],
      rows: [
        ["R1", "AE"],
        ["R2", " ae "],
        ["R3", "AE"],
      ],
    };
    const s = run({ type: "repsLoaded", table: "Reps", data: reps });
    expect(s.scenario.roles).toEqual([{ ...initialScenarioForm.roles[1], headcount: "3" }]);
    expect(scenarioIssues(s.scenario, [])).toEqual([]);
    expect(scenarioSettings(s.scenario, [])!.roles.map((r) => [r.role, r.headcount])).toEqual([["AE", 3]]);
  });

  test("the sample's reps table (every role) gives each role its count; a role of the data's own is added blank", () => {
    const { reps } = generateSample();
    const table = sampleTables(generateSample()).find((t) => t.table === "Reps")!;
    const data = { source: "Reps", headers: table.headers, rows: table.rows };
    const s = run({ type: "repsLoaded", table: "Reps", data });
    const count = (role: string) => String(reps.filter((r) => r.role === role).length);
    // 30 reps, i % 15 < 4 SDR, < 11 AE, else CSR/AM: 8, 14 and 8.
    expect(s.scenario.roles.map((r) => [r.role, r.headcount])).toEqual([
      ["SDR", count("SDR")],
      ["AE", count("AE")],
      ["CSR/AM", count("CSR/AM")],
    ]);
    expect(count("AE")).toBe("14");
    const withBizDev = { ...data, rows: [...data.rows, ["R99", "X", "BizDev", "", "", 0, 0]] };
    const b = run({ type: "repsLoaded", table: "Reps", data: withBizDev });
    expect(b.scenario.roles.map((r) => r.role)).toEqual(["SDR", "AE", "CSR/AM", "BizDev"]);
    expect(b.scenario.roles[3]).toMatchObject({ headcount: "1", ote: "", quota: "" });
    expect(scenarioIssues(b.scenario, [])).toContain("BizDev: OTE must be an amount above 0.");
  });

  test("the distribution: the Quotas step's tables when present, else a lognormal share and sigma", () => {
    const quotaTables = ["Quotas_Distribution", "Quotas_Points"].map((name) => ({
      name,
      sheet: "Quotas",
      rowCount: 1,
      headers: [],
      address: "A1:B2",
    }));
    expect(scenarioSettings(initialScenarioForm, quotaTables)!.distribution).toEqual({
      kind: "quotas",
      distributionTable: "Quotas_Distribution",
      pointsTable: "Quotas_Points",
    });
    expect(scenarioSettings(initialScenarioForm, [])!.distribution).toEqual({
      kind: "lognormal",
      share: 0.65,
      sigma: 0.25,
    });
  });

  test("stored settings restore the form as typed", () => {
    const settings = scenarioSettings(initialScenarioForm, [])!;
    expect(parseScenarioForm(scenarioFormFrom(settings))).toEqual(parseScenarioForm(initialScenarioForm));
  });
});

describe("quotas for the scenarios from the quota step", () => {
  test("each role's mean quota, scaled to a year; typed quotas are kept", () => {
    const reps = {
      source: "Reps",
      headers: ["Rep ID", "Role"],
      rows: [
        ["R1", "AE"],
        ["R2", "AE"],
        ["R3", "SDR"],
      ],
    };
    let s = run(
      { type: "repsLoaded", table: "Reps", data: reps },
      { type: "scenarioRoleChanged", index: 0, patch: { quota: "750000" } },
    );
    s = wizardReducer(s, { type: "quotaFormChanged", patch: { period: "quarter" } });
    s = wizardReducer(s, {
      type: "quotasSet",
      quotas: [
        { id: "R1", quota: 300_000 },
        { id: "r2 ", quota: 200_000 },
        { id: "R3", quota: 100_000 },
      ],
    });
    // AE: mean of 300k and 200k = 250k a quarter = 1,000,000 a year. SDR was typed over: kept.
    // The reps table has no CSR/AM, so there is no CSR/AM role to give a quota to.
    expect(s.scenario.roles.map((r) => [r.role, r.quota])).toEqual([
      ["SDR", "750000"],
      ["AE", "1000000"],
    ]);
  });
});
