import {
  initialScenarioForm,
  parseMixes,
  parseScenarioForm,
  parseTiers,
  scenarioFormFrom,
  scenarioIssues,
  scenarioSettings,
} from "../../src/wizard/scenarios/scenarioForm";
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
    expect(s.scenario.roles.map((r) => r.headcount)).toEqual(["1", "2", "8"]);
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
    expect(s.scenario.roles.map((r) => [r.role, r.quota])).toEqual([
      ["SDR", "750000"],
      ["AE", "1000000"],
      ["CSR/AM", "1500000"],
    ]);
  });
});
