import { addVersion, PlanVersion } from "../../src/core/kpiPlan";
import { DEFAULT_KPI_PLAN } from "../../src/wizard/kpi/defaultPlan";
import {
  clockProblemOf,
  computedThroughOf,
  DEFAULT_PEOPLE,
  defaultEffective,
  effectiveProblem,
  headersOf,
  initialKpiPane,
  KpiPaneAction,
  kpiPaneReducer,
  KpiPaneState,
  planIssues,
  planSettings,
  scorecardIssues,
  scorecardSettings,
  versionInForce,
  versionsText,
  whatIfIssues,
  whatIfMonthProblem,
  whatIfSettings,
} from "../../src/wizard/kpi/kpiPane";
import { kpiWhatIfStep } from "../../src/wizard/kpi/whatIfStep";
import { kpiPlanStep, kpiScorecardStep, latestVersion, totalBonus } from "../../src/wizard/kpi/runKpiStep";

const NOV_20 = new Date("2026-11-20T10:00:00Z");
const run = (...actions: KpiPaneAction[]) => actions.reduce<KpiPaneState>(kpiPaneReducer, initialKpiPane(NOV_20));
const version = (n: number, effective: string, plan = DEFAULT_KPI_PLAN): PlanVersion => ({
  version: n,
  effective,
  changedAt: "2026-08-15T09:00:00Z",
  plan,
});
const tables = [{ name: "Reps", sheet: "Reps", rowCount: 3, headers: ["Rep ID", "Role"], address: "A1:B4" }];

describe("the KPI pane's state, without React", () => {
  test("starts from the default plan and scores the month before today", () => {
    const s = initialKpiPane(NOV_20);
    expect(s.month).toBe("2026-10");
    expect(initialKpiPane(new Date("2027-01-05T00:00:00Z")).month).toBe("2026-12");
    expect(s.roles.map((r) => r.role)).toEqual(DEFAULT_KPI_PLAN.roles.map((r) => r.role));
    expect(s.people).toEqual({ table: "Reps", id: "Rep ID", role: "Role" });
    expect(s.save.status).toBe("idle");
  });

  test("loading the workbook takes the latest version's plan into the form", () => {
    const smaller = { roles: [DEFAULT_KPI_PLAN.roles[0]] };
    const s = run({ type: "loaded", history: [version(1, "2026-09"), version(2, "2026-12", smaller)], tables });
    expect(s.roles.map((r) => r.role)).toEqual(["SDR"]);
    expect(headersOf(s, " reps ")).toEqual(["Rep ID", "Role"]);
    expect(headersOf(s, "Deals")).toEqual([]);
    expect(versionsText(s)).toBe("1 from 2026-09 (saved 2026-08-15); 2 from 2026-12 (saved 2026-08-15)");
    // The version in force is the latest effective in or before the month.
    expect(versionInForce(s)?.version).toBe(1);
    expect(versionInForce(kpiPaneReducer(s, { type: "monthChanged", month: "2027-01" }))?.version).toBe(2);
  });

  test("a failed read is shown on the save panel", () => {
    expect(run({ type: "loadFailed", message: "boom" }).save).toMatchObject({
      status: "failed",
      message: "Could not read the workbook: boom",
    });
  });

  test("editing roles and KPIs: change, add and remove", () => {
    let s = run(
      { type: "roleChanged", role: 1, patch: { targetBonus: "5000" } },
      { type: "kpiChanged", role: 1, kpi: 0, patch: { target: "50000" } },
    );
    expect(s.roles[1].targetBonus).toBe("5000");
    expect(s.roles[1].kpis[0].target).toBe("50000");
    const kpis = s.roles[1].kpis.length;
    s = kpiPaneReducer(s, { type: "kpiAdded", role: 1 });
    expect(s.roles[1].kpis).toHaveLength(kpis + 1);
    s = kpiPaneReducer(s, { type: "kpiRemoved", role: 1, kpi: 0 });
    expect(s.roles[1].kpis[0].target).not.toBe("50000");
    s = kpiPaneReducer(s, { type: "roleAdded" });
    expect(s.roles[s.roles.length - 1]).toMatchObject({ role: "", targetBonus: "0" });
  });

  test("what blocks a save: the plan's problems and a bad effective month; otherwise the change to save", () => {
    let s = run({ type: "effectiveChanged", effective: "2026-13" }, { type: "roleAdded" });
    expect(effectiveProblem(s)).toBe('"2026-13" is not a month; write it as YYYY-MM, e.g. 2026-12.');
    const issues = planIssues({ pane: s, now: NOV_20 });
    expect(issues).toContain("Role 4 has no name.");
    expect(issues[issues.length - 1]).toBe('"2026-13" is not a month; write it as YYYY-MM, e.g. 2026-12.');
    expect(planSettings({ pane: s, now: NOV_20 })).toBeNull();
    s = run({ type: "effectiveChanged", effective: " " });
    expect(kpiPlanStep.issues({ pane: s, now: NOV_20 })).toEqual([]);
    expect(planSettings({ pane: s, now: NOV_20 })).toEqual({
      plan: DEFAULT_KPI_PLAN,
      now: NOV_20,
      effective: undefined,
    });
  });

  test("what blocks the scorecards: a bad month, or no version in force for it", () => {
    const ctx = (pane: KpiPaneState) => ({ pane, now: NOV_20 });
    expect(scorecardIssues(ctx(run({ type: "monthChanged", month: "Oct" })))).toEqual([
      '"Oct" is not a month; write it as YYYY-MM, e.g. 2026-12.',
    ]);
    const loaded = run({ type: "loaded", history: [version(1, "2026-11")], tables });
    expect(scorecardIssues(ctx(loaded))).toEqual(["No plan version is in force in 2026-10."]);
    const november = kpiPaneReducer(loaded, { type: "monthChanged", month: "2026-11" });
    expect(kpiScorecardStep.issues(ctx(november))).toEqual([]);
    expect(
      scorecardSettings(ctx(kpiPaneReducer(november, { type: "showAmountsChanged", showAmounts: false }))),
    ).toEqual({
      people: { table: "Reps", id: "Rep ID", role: "Role" },
      month: "2026-11",
      showAmounts: false,
      now: NOV_20,
    });
  });

  test("each run goes through its own lifecycle; saving reports 'Saving'", () => {
    let s = run({ type: "save", event: { type: "started" } });
    expect(s.save).toMatchObject({ status: "running", label: "Saving" });
    expect(s.run.status).toBe("idle");
    s = kpiPaneReducer(s, { type: "planSaved", history: [version(1, "2026-12")] });
    s = kpiPaneReducer(s, {
      type: "save",
      event: {
        type: "succeeded",
        summary: kpiPlanStep.summary({ plan: DEFAULT_KPI_PLAN, now: NOV_20 }, { versions: s.history, computed: [] }),
      },
    });
    expect(s.save.message).toBe(
      "Saved plan version 1, in force from 2026-12. Months before it keep the version they had.",
    );
    s = kpiPaneReducer(s, { type: "run", event: { type: "cancelled" } });
    expect(s.run.message).toBe("Cancelled; nothing was written.");
  });

  test("the latest version is the highest number, whatever the month order; bonuses total exactly", () => {
    expect(latestVersion([version(2, "2026-09"), version(3, "2026-08"), version(1, "2026-07")])?.version).toBe(3);
    expect(latestVersion([])).toBeNull();
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; the total is exact.
    expect(
      totalBonus(
        [{ bonus: 0.1 }, { bonus: 0.2 }].map((p, i) => ({ ...p, person: `P${i}`, role: "AE", attainment: 1, rank: 1 })),
      ),
    ).toBe(0.3);
  });
});

describe("the KPI pane: computed months, clock skew, what-ifs and month warnings", () => {
  const ctx = (pane: KpiPaneState, now = NOV_20) => ({ pane, now });
  const computed = [{ month: "2026-10", version: 1, computedAt: "2026-11-19T10:00:00.000Z" }];
  const draft = {
    plan: { roles: [DEFAULT_KPI_PLAN.roles[1]] },
    month: "2019-03",
    computedAt: "2026-11-18T10:00:00.000Z",
  };

  test("the placeholder's month is the month a blank field saves", () => {
    const s = run({ type: "loaded", history: [version(1, "2026-09")], tables });
    expect(defaultEffective(NOV_20)).toBe("2026-12");
    expect(planSettings(ctx(s))?.effective).toBeUndefined();
    const saved = addVersion(s.history, DEFAULT_KPI_PLAN, NOV_20, planSettings(ctx(s))?.effective);
    expect(saved[saved.length - 1].effective).toBe(defaultEffective(NOV_20));
  });

  test("loading keeps the computed months and the stored draft", () => {
    const s = run({ type: "loaded", history: [version(1, "2026-09")], tables, computed, whatIf: draft });
    expect(computedThroughOf(s)).toBe("2026-10");
    expect(s.storedWhatIf).toEqual(draft);
    expect(clockProblemOf(ctx(s))).toBeNull();
    expect(planIssues(ctx(s))).toEqual([]);
    // Loading without a record keeps what the pane had.
    expect(kpiPaneReducer(s, { type: "loaded", history: s.history, tables }).computed).toEqual(computed);
  });

  test("a clock behind what is recorded blocks both the save and the scorecards, saying what to do", () => {
    const s = run({ type: "loaded", history: [version(1, "2026-09")], tables, computed });
    const skewed = new Date("2026-09-20T10:00:00Z");
    const message =
      "This computer's clock reads 2026-09-20, but scorecards for 2026-10 are recorded as computed already. Check the computer's date and time settings, then try again.";
    expect(clockProblemOf(ctx(s, skewed))).toBe(message);
    expect(planIssues(ctx(s, skewed))).toEqual([message]);
    expect(scorecardIssues(ctx(kpiPaneReducer(s, { type: "monthChanged", month: "2026-09" }), skewed))).toEqual([
      message,
    ]);
    expect(scorecardSettings(ctx(s, skewed))).toBeNull();
  });

  test("the official scorecards wait for a month to start; a what-if takes any month and the plan as typed", () => {
    let s = run(
      { type: "loaded", history: [version(1, "2026-09")], tables },
      { type: "monthChanged", month: "2027-02" },
      { type: "roleChanged", role: 0, patch: { targetBonus: "900" } },
    );
    expect(scorecardIssues(ctx(s))).toEqual([
      "2027-02 has not started yet (today is 2026-11-20), so it cannot be computed with the official plan. To try a month ahead, compute a what-if instead.",
    ]);
    expect(s.whatIfMonth).toBe("2026-10");
    s = kpiPaneReducer(s, { type: "whatIfMonthChanged", month: "2027-02 " });
    expect(whatIfIssues(ctx(s))).toEqual([]);
    const settings = whatIfSettings(ctx(s));
    expect(settings).toMatchObject({ month: "2027-02", people: DEFAULT_PEOPLE, now: NOV_20 });
    expect(settings?.plan.roles[0].targetBonus).toBe(900);
    expect(kpiWhatIfStep.settingsFrom(ctx(s))).toEqual(settings);
    s = kpiPaneReducer(s, { type: "whatIfMonthChanged", month: "1999-3" });
    expect(whatIfMonthProblem(s)).toBe('"1999-3" is not a month; write it as YYYY-MM, e.g. 2026-12.');
    expect(whatIfIssues(ctx(s))).toEqual(['"1999-3" is not a month; write it as YYYY-MM, e.g. 2026-12.']);
    expect(whatIfSettings(ctx(s))).toBeNull();
    // The plan's problems are listed once, before the save; the what-if counts them.
    s = kpiPaneReducer(s, { type: "whatIfMonthChanged", month: "2019-03" });
    s = kpiPaneReducer(s, { type: "roleChanged", role: 0, patch: { role: "" } });
    expect(planIssues(ctx(s))).toContain("Role 1 has no name.");
    expect(whatIfIssues(ctx(s))).toEqual([
      'The plan above has a problem, listed before "Save plan changes"; fix it first.',
    ]);
    expect(whatIfSettings(ctx(s))).toBeNull();
  });

  test("the stored draft can be edited, and the form can start again from the official plan", () => {
    let s = run({ type: "loaded", history: [version(1, "2026-09")], tables, whatIf: draft });
    s = kpiPaneReducer(s, { type: "whatIfDraftLoaded" });
    expect(s.roles.map((r) => r.role)).toEqual(["AE"]);
    expect(s.whatIfMonth).toBe("2019-03");
    s = kpiPaneReducer(s, { type: "officialPlanRestored" });
    expect(s.roles.map((r) => r.role)).toEqual(DEFAULT_KPI_PLAN.roles.map((r) => r.role));
    // Without a stored draft, loading it changes nothing.
    const none = run({ type: "loaded", history: [], tables });
    expect(kpiPaneReducer(none, { type: "whatIfDraftLoaded" })).toBe(none);
  });

  test("a run's month warnings and computed months are kept until the next run starts", () => {
    const warnings = [
      "No row of Deals has a Closed date in 2026-09 (it has no dates), so every KPI on Deals is 0 for everyone.",
    ];
    let s = run({ type: "scored", month: "2026-09", warnings, computed });
    expect(s.warnings).toEqual(warnings);
    expect(s.scoredMonth).toBe("2026-09");
    expect(s.computed).toEqual(computed);
    s = kpiPaneReducer(s, { type: "run", event: { type: "progress", fraction: 0.5, label: "x" } });
    expect(s.warnings).toEqual(warnings);
    s = kpiPaneReducer(s, { type: "run", event: { type: "started" } });
    expect(s.warnings).toEqual([]);
    s = kpiPaneReducer(s, { type: "whatIfScored", warnings, record: draft });
    expect(s.whatIfWarnings).toEqual(warnings);
    expect(s.storedWhatIf).toEqual(draft);
    expect(s.warnings).toEqual([]);
    s = kpiPaneReducer(s, { type: "whatIf", event: { type: "started" } });
    expect(s.whatIfWarnings).toEqual([]);
    expect(s.whatIf.status).toBe("running");
  });
});
