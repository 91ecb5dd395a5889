import { KpiPlan } from "../../src/core/kpiPlan";
import { parseCell } from "../../src/workbook/a1";
import { NotOwnedError } from "../../src/workbook/host";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../../src/workbook/previewHost";
import { KPI_NAMES, WHAT_IF_LABEL, WHAT_IF_NAMES, WHAT_IF_SHEET } from "../../src/wizard/kpi/layout";
import { KPI_PLAN_KEY, readKpiRecord, runKpiStep, saveKpiPlan } from "../../src/wizard/kpi/runKpiStep";
import { KPI_WHAT_IF_KEY, readStoredWhatIf, runWhatIf } from "../../src/wizard/kpi/whatIfStep";
import { StepError } from "../../src/wizard/stepRun";

const curve = { tiers: [{ lower: 0, rate: 1 }], mode: "MARGINAL" as const, threshold: null, cap: null };
/** One AE KPI: the sum of Amount over Deals closed in the month, target 100, target bonus 1,000. */
const PLAN: KpiPlan = {
  roles: [
    {
      role: "AE",
      targetBonus: 1000,
      kpis: [
        {
          name: "Revenue",
          measure: { table: "Deals", person: "Owner", date: "Closed", aggregate: "sum", value: "Amount", filters: [] },
          target: 100,
          weight: 1,
          curve,
        },
      ],
    },
  ],
};
const PEOPLE = { table: "Reps", id: "Rep ID", role: "Role" };
const OCT_5 = 46300; // 2026-10-05
const MAR_2019 = 43525; // 2019-03-01
const SEP_1 = new Date("2026-09-01T09:00:00Z");
const NOV_20 = new Date("2026-11-20T10:00:00Z");

/** Two AEs; deals in October 2026 and in March 2019. */
function book() {
  const wb = new PreviewWorkbook();
  wb.addSheet("Data");
  writeSpec(wb, {
    name: "Data",
    tables: [
      {
        name: "Reps",
        anchor: "A1",
        headers: ["Rep ID", "Role"],
        rows: [
          ["R1", "AE"],
          ["R2", "AE"],
        ],
      },
      {
        name: "Deals",
        anchor: "D1",
        headers: ["Owner", "Closed", "Amount"],
        rows: [
          ["R1", OCT_5, 50],
          ["R2", OCT_5, 70],
          ["R1", MAR_2019, 200],
          ["R2", MAR_2019 + 3, 10],
        ],
      },
    ],
  });
  return { wb, host: new PreviewHost(wb) };
}

const text = (wb: PreviewWorkbook, sheet: string, a1: string) => String(wb.cell(sheet, parseCell(a1)).value ?? "");

/** A table's rows as the engine computed them, by header. */
function rowsOf(wb: PreviewWorkbook, table: string): Record<string, unknown>[] {
  const t = wb.tables().find((x) => x.name === table)!;
  return Array.from({ length: t.rowCount }, (_, r) =>
    Object.fromEntries(
      t.headers.map((h, c) => [h, wb.cell(t.sheet, { row: t.anchor.row + 1 + r, col: t.anchor.col + c }).value]),
    ),
  );
}

describe("never rewrite the past: what is recorded, not the clock", () => {
  test("computing a month records it (stored record and KPI Plan sheet); a clock set back cannot put a version in it", async () => {
    const { wb, host } = book();
    await saveKpiPlan(host, PLAN, SEP_1, "2026-09");
    expect((await readKpiRecord(host)).computed).toEqual([]);
    await runKpiStep(host, { people: PEOPLE, month: "2026-10", showAmounts: true, now: NOV_20 });
    expect((await readKpiRecord(host)).computed).toEqual([
      { month: "2026-10", version: 1, computedAt: "2026-11-20T10:00:00.000Z" },
    ]);
    expect(await host.readSettings(KPI_PLAN_KEY)).toMatchObject({ schema: 2 });
    expect(text(wb, "KPI Plan", "A2")).toBe(
      "Months computed with the official plan: 2026-10 (version 1). No change can take effect in or before 2026-10.",
    );
    // The clock set back to September: by the clock alone, October would be free for a change.
    const setBack = new Date("2026-09-15T09:00:00Z");
    const refused = await saveKpiPlan(host, PLAN, setBack, "2026-10").catch((e: Error) => e);
    expect(refused).toBeInstanceOf(StepError);
    expect((refused as Error).message).toBe(
      "This computer's clock reads 2026-09-15, but scorecards for 2026-10 are recorded as computed already. Check the computer's date and time settings, then try again.",
    );
    // Set back within the computed month, still before the computation: refused too.
    await expect(saveKpiPlan(host, PLAN, new Date("2026-11-02T09:00:00Z"))).rejects.toThrow(
      "This computer's clock reads 2026-11-02, earlier than the last recorded change or computation of the KPI plan (2026-11-20). Check the computer's date and time settings, then try again.",
    );
    await expect(
      runKpiStep(host, { people: PEOPLE, month: "2026-09", showAmounts: true, now: setBack }),
    ).rejects.toThrow("This computer's clock reads 2026-09-15, but scorecards for 2026-10 are recorded as computed");
    expect((await readKpiRecord(host)).versions.map((v) => v.effective)).toEqual(["2026-09"]);
    // With the clock right, the next change takes effect after the computed month.
    const later = await saveKpiPlan(host, PLAN, new Date("2026-11-21T09:00:00Z"));
    expect(later.map((v) => v.effective)).toEqual(["2026-09", "2026-12"]);
    expect((await readKpiRecord(host)).computed.map((c) => c.month)).toEqual(["2026-10"]);
    expect(rowsOf(wb, KPI_NAMES.history).map((r) => r["Effective from"])).toEqual(["2026-09", "2026-12"]);
  });

  test("a month that has not started is not computed with the official plan; nothing is written or recorded", async () => {
    const { wb, host } = book();
    await saveKpiPlan(host, PLAN, SEP_1, "2026-09");
    await expect(
      runKpiStep(host, { people: PEOPLE, month: "2026-12", showAmounts: true, now: NOV_20 }),
    ).rejects.toThrow(
      "2026-12 has not started yet (today is 2026-11-20), so it cannot be computed with the official plan. To try a month ahead, compute a what-if instead.",
    );
    expect(wb.hasSheet("Scorecards")).toBe(false);
    expect((await readKpiRecord(host)).computed).toEqual([]);
  });

  test("settings saved before months were recorded (schema 1, older measures) still load; the next run records in schema 2", async () => {
    const { host } = book();
    const { value, ...sumRows } = PLAN.roles[0].kpis[0].measure as { value: string };
    const oldMeasure = { ...sumRows, value, from: null, outcome: null };
    const stored = {
      versions: [
        {
          version: 1,
          effective: "2026-09",
          changedAt: "2026-08-15T09:00:00Z",
          plan: { roles: [{ ...PLAN.roles[0], kpis: [{ ...PLAN.roles[0].kpis[0], measure: oldMeasure }] }] },
        },
      ],
    };
    await host.writeSettings(KPI_PLAN_KEY, stored);
    const record = await readKpiRecord(host);
    expect(record.computed).toEqual([]);
    expect(record.versions[0].plan).toEqual(PLAN);
    const result = await runKpiStep(host, { people: PEOPLE, month: "2026-10", showAmounts: true, now: NOV_20 });
    expect(result.people.map((p) => p.bonus)).toEqual([500, 700]);
    expect(await host.readSettings(KPI_PLAN_KEY)).toMatchObject({
      schema: 2,
      computed: [{ month: "2026-10", version: 1 }],
    });
  });

  test("a stored record that cannot be read is named and never saved over", async () => {
    const { wb, host } = book();
    const damaged = { versions: [{ version: "one", effective: "2026-09", changedAt: "yesterday", plan: {} }] };
    await host.writeSettings(KPI_PLAN_KEY, damaged);
    const refused = await saveKpiPlan(host, PLAN, NOV_20).catch((e: Error) => e.message);
    expect(refused).toMatch(/^The KPI plan stored in this workbook cannot be read \(versions\.0\.version: /);
    expect(refused).toContain("It is left as it is and nothing is saved over it");
    await expect(
      runKpiStep(host, { people: PEOPLE, month: "2026-10", showAmounts: true, now: NOV_20 }),
    ).rejects.toThrow("The KPI plan stored in this workbook cannot be read");
    expect(await host.readSettings(KPI_PLAN_KEY)).toEqual(damaged);
    expect(wb.hasSheet("KPI Plan")).toBe(false);
  });
});

describe("month warnings on the generated sheets", () => {
  test("a month with no rows for anyone carries visible warning lines on Scorecards and Leaderboard, and the summary says so", async () => {
    const { wb, host } = book();
    await saveKpiPlan(host, PLAN, SEP_1, "2026-09");
    const result = await runKpiStep(host, { people: PEOPLE, month: "2026-09", showAmounts: true, now: NOV_20 });
    // No deal closed in September 2026: every actual is 0, so both warnings.
    expect(result.warnings).toEqual([
      "No row of Deals has a Closed date in 2026-09 (its dates run from 2019-03-01 to 2026-10-05), so every KPI on Deals is 0 for everyone. Check the month, or the table.",
      "Every actual in 2026-09 is 0: every bonus pays its 0% point (0 in total). Check the month, the date columns and the KPI filters.",
    ]);
    expect(text(wb, "Scorecards", "A3")).toBe(`Warning: ${result.warnings[0]}`);
    expect(text(wb, "Scorecards", "A4")).toBe(`Warning: ${result.warnings[1]}`);
    expect(text(wb, "Leaderboard", "A2")).toBe(`Warning: ${result.warnings[0]}`);
    expect(text(wb, "Leaderboard", "A3")).toBe(`Warning: ${result.warnings[1]}`);
    // The tables moved down below the warnings still compute as the core does.
    expect(rowsOf(wb, KPI_NAMES.bonus).map((r) => r["Bonus"])).toEqual([0, 0]);
    expect(rowsOf(wb, KPI_NAMES.leaderboard).map((r) => r["Rank"])).toEqual([1, 1]);
    const { kpiScorecardStep } = await import("../../src/wizard/kpi/runKpiStep");
    expect(kpiScorecardStep.summary({ people: PEOPLE, month: "2026-09", showAmounts: true }, result).message).toBe(
      "Wrote Scorecards and Leaderboard for 2026-09 with plan version 1: 2 people, bonuses totalling 0. Check the 2 warnings shown: this month computed to nothing.",
    );
  });

  test("a normal month has no warning line, and the sheets start where they always did", async () => {
    const { wb, host } = book();
    await saveKpiPlan(host, PLAN, SEP_1, "2026-09");
    const result = await runKpiStep(host, { people: PEOPLE, month: "2026-10", showAmounts: true, now: NOV_20 });
    expect(result.warnings).toEqual([]);
    expect(text(wb, "Scorecards", "A3")).toBe("");
    expect(text(wb, "Scorecards", "A4")).toBe("Curve 1 (MARGINAL)");
    expect(text(wb, "Leaderboard", "A3")).toBe("Rank");
    expect(rowsOf(wb, KPI_NAMES.bonus).map((r) => r["Bonus"])).toEqual([500, 700]);
  });
});

describe("what-if plans", () => {
  const richer: KpiPlan = { roles: [{ ...PLAN.roles[0], targetBonus: 3000 }] };

  test("a draft plan computed on a past month writes the labelled KPI What-if sheet; the official record is untouched", async () => {
    const { wb, host } = book();
    await saveKpiPlan(host, PLAN, SEP_1, "2026-09");
    await runKpiStep(host, { people: PEOPLE, month: "2026-10", showAmounts: true, now: NOV_20 });
    const before = await host.readSettings(KPI_PLAN_KEY);
    const historySheet = rowsOf(wb, KPI_NAMES.history);
    const scorecardBonus = rowsOf(wb, KPI_NAMES.bonus);

    // March 2019: years before the first version, which no official run can compute.
    const r = await runWhatIf(host, { plan: richer, month: " 2019-03", people: PEOPLE, now: NOV_20 });
    // R1: 200 / 100 = 200% x 3,000 = 6,000; R2: 10 / 100 = 10% x 3,000 = 300.
    expect(r.people.map((p) => [p.person, p.bonus])).toEqual([
      ["R1", 6000],
      ["R2", 300],
    ]);
    expect(text(wb, WHAT_IF_SHEET, "A1")).toBe(WHAT_IF_LABEL);
    expect(text(wb, WHAT_IF_SHEET, "A2")).toBe(
      "What-if scorecards for 2019-03 with the draft plan of 2026-11-20; the official plan history is unchanged.",
    );
    expect(rowsOf(wb, WHAT_IF_NAMES.bonus).map((b) => b["Bonus"])).toEqual([6000, 300]);
    rowsOf(wb, WHAT_IF_NAMES.lines).forEach((l, i) => expect(l["Actual"]).toBe(r.lines[i].actual));
    expect((await host.listSheets()).find((s) => s.name === WHAT_IF_SHEET)?.owned).toBe(true);

    // Official record, history sheet and scorecards exactly as they were; the draft is stored apart.
    expect(await host.readSettings(KPI_PLAN_KEY)).toEqual(before);
    expect(rowsOf(wb, KPI_NAMES.history)).toEqual(historySheet);
    expect(rowsOf(wb, KPI_NAMES.bonus)).toEqual(scorecardBonus);
    expect(await readStoredWhatIf(host)).toEqual({ plan: richer, month: "2019-03", computedAt: NOV_20.toISOString() });
    expect(await host.readSettings(KPI_WHAT_IF_KEY)).toMatchObject({ schema: 1, month: "2019-03" });
  });

  test("a future month can be tried too, with its warnings on the sheet; nothing is recorded as computed", async () => {
    const { wb, host } = book();
    await saveKpiPlan(host, PLAN, SEP_1, "2026-09");
    const r = await runWhatIf(host, { plan: richer, month: "2027-05", people: PEOPLE, now: NOV_20 });
    expect(r.warnings).toHaveLength(2);
    expect(text(wb, WHAT_IF_SHEET, "A4")).toBe(`Warning: ${r.warnings[0]}`);
    expect(text(wb, WHAT_IF_SHEET, "A5")).toBe(`Warning: ${r.warnings[1]}`);
    expect((await readKpiRecord(host)).computed).toEqual([]);
    expect(wb.hasSheet("Scorecards")).toBe(false);
    // A later official save is not blocked by the what-if's month.
    expect((await saveKpiPlan(host, richer, NOV_20, "2027-05")).map((v) => v.effective)).toEqual([
      "2026-09",
      "2027-05",
    ]);
  });

  test("a user's sheet named KPI What-if is never overwritten", async () => {
    const { wb, host } = book();
    wb.addSheet(WHAT_IF_SHEET);
    wb.setCell(WHAT_IF_SHEET, { row: 0, col: 0 }, "mine");
    await expect(runWhatIf(host, { plan: PLAN, month: "2019-03", people: PEOPLE, now: NOV_20 })).rejects.toThrow(
      NotOwnedError,
    );
    expect(text(wb, WHAT_IF_SHEET, "A1")).toBe("mine");
    expect(await readStoredWhatIf(host)).toBeNull();
  });
});
