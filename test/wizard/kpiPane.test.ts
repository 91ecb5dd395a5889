import { PlanVersion } from "../../src/core/kpiPlan";
import { DEFAULT_KPI_PLAN } from "../../src/wizard/kpi/defaultPlan";
import {
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
} from "../../src/wizard/kpi/kpiPane";
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
