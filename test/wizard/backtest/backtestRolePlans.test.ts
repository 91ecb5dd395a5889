import fc from "fast-check";
import { TableInfo } from "../../../src/workbook/host";
import {
  BacktestPaneAction,
  backtestPaneReducer,
  BacktestPaneState,
  backtestIssues,
  backtestSettingsFrom,
  initialBacktestPane,
  renameRoleProblem,
  rolesIn,
  rolesToAdd,
} from "../../../src/wizard/backtest/backtestPane";
import {
  newRolePlan,
  parseRolePlanDraft,
  rolePlanDraft,
  RolePlanDraft,
} from "../../../src/wizard/backtest/backtestRolePlans";
import { rulesDraft, parseRulesDraft } from "../../../src/wizard/backtest/backtestRules";
import { BacktestRolePlan } from "../../../src/wizard/backtest/backtestSettings";
import { SAMPLE_CURRENT, SAMPLE_PROPOSED, sampleBacktestSettings } from "../../../src/wizard/backtest/sampleBacktest";

const AE = SAMPLE_CURRENT.roles[0];
const parsed = (base: BacktestRolePlan, patch: Partial<RolePlanDraft>, plan = "Current") => {
  const r = parseRolePlanDraft(plan, base, { ...rolePlanDraft(base), ...patch });
  if (!("plan" in r)) throw new Error(r.issues.join(" "));
  return r.plan;
};
const issuesOf = (base: BacktestRolePlan, patch: Partial<RolePlanDraft>, plan = "Current") => {
  const r = parseRolePlanDraft(plan, base, { ...rolePlanDraft(base), ...patch });
  return "issues" in r ? r.issues : [];
};

describe("a role's plan as the pane types it", () => {
  test("the sample's current AE plan as typed", () => {
    expect(rolePlanDraft(AE)).toEqual({
      role: "AE",
      tiers: "0:1, 1:1.5, 1.25:2",
      mode: "MARGINAL",
      threshold: "",
      cap: "",
      curveOn: "ATTAINMENT",
      attainment: "RUNNING",
      targetIncentive: String(AE.targetIncentive),
      stages: (AE.stages ?? []).join(", "),
      proration: AE.proration,
    });
  });

  test("worked example: a retro curve with a threshold and cap, a target incentive, stages and no proration", () => {
    // Tiers 0 -> 0.5x, 1 (100%) -> 2x, retro; nothing below 40%; at most 3x the target incentive 75,000.
    const rp = parsed(AE, {
      tiers: "0:0.5, 1:2",
      mode: "RETRO",
      threshold: "0.4",
      cap: "3",
      targetIncentive: "75,000",
      stages: " Won , Closed Won ",
      proration: "NONE",
      attainment: "RESET",
    });
    expect(rp).toEqual({
      ...AE,
      curve: {
        tiers: [
          { lower: 0, rate: 0.5 },
          { lower: 1, rate: 2 },
        ],
        mode: "RETRO",
        threshold: 0.4,
        cap: 3,
      },
      targetIncentive: 75000,
      stages: ["Won", "Closed Won"],
      proration: "NONE",
      attainment: "RESET",
    });
    // Blank stages: every credited deal counts. The draw, clawback and pay timing are the base's.
    expect(parsed(AE, { stages: "" }).stages).toBeNull();
    expect(parsed(AE, {})).toEqual(AE);
  });

  test("bad fields name the plan, the role and what to fix", () => {
    expect(issuesOf(AE, { targetIncentive: "lots" })).toEqual([
      'Current plan, AE: the target incentive is "lots"; enter an amount of 0 or more (1 for money tiers).',
    ]);
    expect(issuesOf(AE, { targetIncentive: "" })).toHaveLength(1);
    expect(issuesOf(AE, { targetIncentive: "-5" })).toHaveLength(1);
    expect(issuesOf(AE, { tiers: "0:1, x" }, "Proposed")).toEqual([
      'Proposed plan, AE: "x" is not a tier; write lower bound:rate, e.g. 1:1.5.',
    ]);
    expect(issuesOf(AE, { cap: "big", targetIncentive: "" })).toEqual([
      "Current plan, AE: the cap must be a number, or blank for none.",
      'Current plan, AE: the target incentive is ""; enter an amount of 0 or more (1 for money tiers).',
    ]);
  });

  test("a new role's plan: 10% of the credited amount, the plan's stages, no draw, clawback or holdback", () => {
    expect(newRolePlan("CSM", AE)).toEqual({
      role: "CSM",
      targetIncentive: 1,
      curve: { tiers: [{ lower: 0, rate: 0.1 }], mode: "MARGINAL", threshold: null, cap: null },
      curveOn: "AMOUNT",
      attainment: "RUNNING",
      stages: AE.stages,
      splits: "EXACT",
      proration: "DAYS",
      draw: null,
      clawback: null,
      payTiming: null,
    });
    expect(newRolePlan("CSM", undefined).stages).toBeNull();
  });

  test("property: any role plan, typed and parsed back over another plan, is the same role plan", () => {
    // Decimals with few digits, so String() prints them as the tiers field reads them (no exponent).
    const decimal = (max: number, scale: number) => fc.integer({ min: 0, max }).map((k) => k / scale);
    const tiersArb = fc
      .uniqueArray(decimal(400, 100), { minLength: 1, maxLength: 5 })
      .chain((lowers) =>
        fc
          .array(decimal(5000, 1000), { minLength: lowers.length, maxLength: lowers.length })
          .map((rates) => [...lowers].sort((a, b) => a - b).map((lower, i) => ({ lower, rate: rates[i] }))),
      );
    const stage = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,10}[A-Za-z0-9]$/).map((x) => x.replace(/ +/g, " "));
    const planArb = fc.record({
      role: fc.constantFrom("AE", "SDR", "CSR/AM"),
      targetIncentive: decimal(20_000_000, 100),
      curve: fc.record({
        tiers: tiersArb,
        mode: fc.constantFrom("MARGINAL" as const, "RETRO" as const),
        threshold: fc.option(decimal(100, 100), { nil: null }),
        cap: fc.option(
          decimal(500, 100).map((c) => c + 1),
          { nil: null },
        ),
      }),
      curveOn: fc.constantFrom("ATTAINMENT" as const, "AMOUNT" as const),
      attainment: fc.constantFrom("RUNNING" as const, "RESET" as const),
      stages: fc.option(fc.array(stage, { minLength: 1, maxLength: 3 }), { nil: null }),
      proration: fc.constantFrom("DAYS" as const, "MONTHS" as const, "NONE" as const),
    });
    fc.assert(
      fc.property(planArb, fc.constantFrom(...SAMPLE_PROPOSED.roles), (fields, other) => {
        const rp: BacktestRolePlan = { ...other, ...fields };
        // Typed from rp, parsed over a different plan of the role: its rules kept, every typed field rp's.
        const base: BacktestRolePlan = { ...newRolePlan(rp.role, undefined), ...rulesOnly(rp) };
        const back = parseRolePlanDraft("Proposed", base, rolePlanDraft(rp));
        expect(back).toEqual({ plan: rp });
        // With its rules typed too, the whole role plan comes back.
        const full = parseRulesDraft("Proposed", (back as { plan: BacktestRolePlan }).plan, rulesDraft(rp));
        expect(full).toEqual({ plan: rp });
      }),
    );
  });
});

const rulesOnly = (rp: BacktestRolePlan) => ({
  draw: rp.draw,
  clawback: rp.clawback,
  payTiming: rp.payTiming,
  splits: rp.splits,
  ...(rp.drawAmount === undefined ? {} : { drawAmount: rp.drawAmount }),
});

const table = (name: string, headers: string[]): TableInfo => ({
  name,
  sheet: name,
  rowCount: 3,
  headers,
  address: "A1:F4",
});
const TABLES = [
  table("Deals", ["Deal ID", "Owner", "Stage", "Closed", "Amount", "Payment Date", "Cancel Date", "SDR", "SDR Share"]),
  table("Reps", ["Rep ID", "Name", "Role", "Start Date"]),
];
const apply = (state: BacktestPaneState, ...actions: BacktestPaneAction[]) =>
  actions.reduce(backtestPaneReducer, state);
const loaded = () => apply(initialBacktestPane(), { type: "loaded", tables: TABLES, stored: null });

describe("the Back-test pane's roles per plan", () => {
  test("the people table's roles, each once, in table order", () => {
    const t = {
      source: "Reps",
      headers: ["Rep ID", "Role"],
      rows: [
        ["a", " AE "],
        ["b", "CSM"],
        ["c", "ae"],
        ["d", ""],
        ["e", null],
      ],
    };
    expect(rolesIn(t, "role")).toEqual(["AE", "CSM"]);
    expect(rolesIn(t, "Title")).toEqual([]);
  });

  test("a role of the people table without a plan is added to both plans and reaches the settings", () => {
    const pane = apply(loaded(), { type: "peopleRolesRead", roles: ["AE", "SDR", "CSM", "CSR/AM"] });
    expect(rolesToAdd(pane, "current")).toEqual(["CSM"]);
    const one = apply(pane, { type: "roleAdded", plan: "current", role: "CSM" });
    expect(rolesToAdd(one, "current")).toEqual([]);
    expect(rolesToAdd(one, "proposed")).toEqual(["CSM"]);
    // In one plan only, its people would be refused: the pane says so first.
    expect(backtestIssues({ pane: one })).toEqual([
      "CSM has a plan in Current but none in Proposed; add it to Proposed, or remove it.",
    ]);
    const both = apply(
      one,
      { type: "roleAdded", plan: "proposed", role: "CSM" },
      { type: "rolePlanChanged", plan: "proposed", role: 3, patch: { tiers: "0:0.12" } },
      { type: "rulesChanged", plan: "proposed", role: 3, patch: { payTiming: "PAYMENT" } },
    );
    expect(backtestIssues({ pane: both })).toEqual([]);
    const s = backtestSettingsFrom({ pane: both })!;
    expect(s.current.roles.map((r) => r.role)).toEqual(["AE", "CSR/AM", "SDR", "CSM"]);
    expect(s.current.roles[3]).toEqual(newRolePlan("CSM", SAMPLE_CURRENT.roles[0]));
    expect(s.proposed.roles[3]).toEqual({
      ...newRolePlan("CSM", SAMPLE_PROPOSED.roles[0]),
      curve: { tiers: [{ lower: 0, rate: 0.12 }], mode: "MARGINAL", threshold: null, cap: null },
      payTiming: { kind: "PAYMENT" },
    });
    // The other roles are as they were.
    expect(s.current.roles.slice(0, 3)).toEqual(SAMPLE_CURRENT.roles);
    expect(s.proposed.roles.slice(0, 3)).toEqual(SAMPLE_PROPOSED.roles);
    // A role already planned, or blank, is not added twice.
    expect(apply(both, { type: "roleAdded", plan: "current", role: "csm" })).toBe(both);
    expect(apply(both, { type: "roleAdded", plan: "current", role: " " })).toBe(both);
  });

  test("a removed role leaves with its rules; the roles after it keep theirs", () => {
    const pane = apply(
      loaded(),
      { type: "rulesChanged", plan: "current", role: 2, patch: { drawAmount: "700" } },
      { type: "rolePlanChanged", plan: "current", role: 2, patch: { targetIncentive: "2" } },
      { type: "roleRemoved", plan: "current", role: 1 },
      { type: "roleRemoved", plan: "proposed", role: 1 },
    );
    expect(pane.plans.current.map((d) => d.role)).toEqual(["AE", "SDR"]);
    expect(pane.rules.current.map((d) => d.role)).toEqual(["AE", "SDR"]);
    // CSR/AM is no longer paid on attainment in either plan: its quota field goes, AE's stays.
    expect(pane.quotas.map((q) => q.role)).toEqual(["AE"]);
    const s = backtestSettingsFrom({ pane })!;
    expect(s.current.roles).toEqual([
      SAMPLE_CURRENT.roles[0],
      { ...SAMPLE_CURRENT.roles[2], drawAmount: 700, targetIncentive: 2 },
    ]);
    expect(s.proposed.roles).toEqual([SAMPLE_PROPOSED.roles[0], SAMPLE_PROPOSED.roles[2]]);
    const empty = apply(
      pane,
      { type: "roleRemoved", plan: "current", role: 0 },
      { type: "roleRemoved", plan: "current", role: 0 },
    );
    expect(backtestIssues({ pane: empty })).toContain("The Current plan has no roles; add one.");
  });

  test("the current plan's curve, target incentive, stages and proration change only that plan's role", () => {
    const pane = apply(loaded(), {
      type: "rolePlanChanged",
      plan: "current",
      role: 0,
      patch: { tiers: "0:1, 1:2", targetIncentive: "50000", stages: "Closed Won", proration: "MONTHS" },
    });
    const s = backtestSettingsFrom({ pane })!;
    expect(s.current.roles[0]).toEqual({
      ...SAMPLE_CURRENT.roles[0],
      curve: {
        ...SAMPLE_CURRENT.roles[0].curve,
        tiers: [
          { lower: 0, rate: 1 },
          { lower: 1, rate: 2 },
        ],
      },
      targetIncentive: 50000,
      stages: ["Closed Won"],
      proration: "MONTHS",
    });
    expect(s.current.roles.slice(1)).toEqual(SAMPLE_CURRENT.roles.slice(1));
    expect(s.proposed).toEqual(SAMPLE_PROPOSED);
    // An SDR switched to attainment gets a quota field while quotas are per role.
    const sdr = apply(pane, { type: "rolePlanChanged", plan: "proposed", role: 2, patch: { curveOn: "ATTAINMENT" } });
    expect(sdr.quotas.map((q) => [q.role, q.annual])).toEqual([
      ["AE", "1100000"],
      ["CSR/AM", "900000"],
      ["SDR", ""],
    ]);
    expect(backtestIssues({ pane: sdr })).toEqual(['SDR: the annual quota is ""; enter an amount above 0.']);
    expect(sampleBacktestSettings().quotas.kind).toBe("role");
  });
});

describe("renaming a role", () => {
  test("renames it in both plans with its curve, rules and quota, and the settings carry the new name", () => {
    const before = apply(loaded(), {
      type: "rolePlanChanged",
      plan: "proposed",
      role: 0,
      patch: { tiers: "0:1, 1:2.5" },
    });
    const pane = apply(before, { type: "roleRenamed", from: "AE", to: " Account Executive " });
    expect(pane.plans.current.map((d) => d.role)).toEqual(["Account Executive", "CSR/AM", "SDR"]);
    expect(pane.plans.proposed[0]).toEqual({ ...before.plans.proposed[0], role: "Account Executive" });
    expect(pane.rules.current[0]).toEqual({ ...before.rules.current[0], role: "Account Executive" });
    expect(pane.quotas.find((q) => q.role === "Account Executive")).toEqual({
      role: "Account Executive",
      annual: before.quotas.find((q) => q.role === "AE")!.annual,
    });
    expect(backtestIssues({ pane })).toEqual([]);
    const s = backtestSettingsFrom({ pane })!;
    const was = backtestSettingsFrom({ pane: before })!;
    expect(s.current.roles[0]).toEqual({ ...was.current.roles[0], role: "Account Executive" });
    expect(s.proposed.roles[0]).toEqual({ ...was.proposed.roles[0], role: "Account Executive" });
    expect(s.quotas).toEqual({
      kind: "role",
      annual: Object.fromEntries(
        Object.entries((was.quotas as { annual: Record<string, number> }).annual).map(([k, v]) => [
          k === "AE" ? "Account Executive" : k,
          v,
        ]),
      ),
    });
  });

  test("a blank name, its own name or another role's name is refused, saying why; a change of case is a rename", () => {
    const pane = loaded();
    expect(renameRoleProblem(pane, "AE", "  ")).toBe("Type the role's new name.");
    expect(renameRoleProblem(pane, "AE", "AE")).toBe('The role is called "AE" already.');
    expect(renameRoleProblem(pane, "AE", "sdr")).toBe('Another role is called "sdr"; choose another name.');
    expect(apply(pane, { type: "roleRenamed", from: "AE", to: "SDR" })).toBe(pane);
    expect(renameRoleProblem(pane, "AE", "ae")).toBeNull();
    expect(apply(pane, { type: "roleRenamed", from: "AE", to: "ae" }).plans.current[0].role).toBe("ae");
  });
});
