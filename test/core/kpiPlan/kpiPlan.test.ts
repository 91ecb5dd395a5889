import fc from "fast-check";
import {
  addVersion,
  computeScorecards,
  DataTable,
  KpiPlan,
  KpiPlanError,
  monthBounds,
  monthOf,
  nextMonth,
  PlanVersion,
  versionFor,
} from "../../../src/core/kpiPlan";

const LINEAR = { tiers: [{ lower: 0, rate: 1 }], mode: "MARGINAL" as const, threshold: null, cap: 2 };
// 2026-10-01 is serial 46296; 2026-11-01 is 46327.
const deals: DataTable = {
  headers: ["Deal", "Owner", "Stage", "Closed", "Amount", "Type"],
  rows: [
    ["D1", "R1", "Won", 46300, 30_000, "New"],
    ["D2", "R1", "Closed Won", 46310, 20_000, "New"],
    ["D3", "R1", "Lost", 46320, 50_000, "New"],
    ["D4", "R1", "Won", 46330, 99_000, "New"], // November: not October
    ["D5", "r1 ", "Won", 46305, 10_000, "Renewal"],
    ["D6", "R2", "Won", 46301, 60_000, "New"],
  ],
};
const won = { column: "Stage", values: ["Won", "Closed Won"] };
const plan: KpiPlan = {
  roles: [
    {
      role: "AE",
      targetBonus: 10_000,
      kpis: [
        {
          name: "New revenue",
          measure: {
            table: "Deals",
            person: "Owner",
            date: "Closed",
            aggregate: "sum",
            value: "Amount",
            filters: [won, { column: "Type", values: ["New"] }],
          },
          target: 40_000,
          weight: 0.6,
          curve: LINEAR,
        },
        {
          name: "Win rate",
          measure: {
            table: "Deals",
            person: "Owner",
            date: "Closed",
            aggregate: "win-rate",
            filters: [],
            outcome: { column: "Stage", won: ["Won", "Closed Won"], lost: ["Lost", "Closed Lost"] },
          },
          target: 0.5,
          weight: 0.4,
          curve: LINEAR,
        },
      ],
    },
  ],
};
const tables = new Map([["deals", deals]]);

describe("computeScorecards: a worked example (October 2026)", () => {
  const { lines, people } = computeScorecards(
    plan,
    [
      { id: "R1", role: "AE" },
      { id: "R2", role: "AE" },
      { id: "S1", role: "SDR" },
    ],
    tables,
    "2026-10",
  );
  test("R1: new revenue 30,000 + 20,000 = 50,000 of 40,000 = 125%, paying 6,000 x 1.25 = 7,500", () => {
    expect(lines[0]).toMatchObject({
      person: "R1",
      kpi: "New revenue",
      actual: 50_000,
      attainment: 1.25,
      payout: 7500,
      rows: [0, 1],
    });
  });
  test("R1: win rate 3 won (D1, D2, D5) / 4 closed = 0.75 of 0.5 = 150%, paying 4,000 x 1.5 = 6,000; bonus 13,500", () => {
    expect(lines[1]).toMatchObject({ actual: 0.75, attainment: 1.5, payout: 6000, rows: [0, 1, 2, 4] });
    expect(people[0]).toMatchObject({ person: "R1", bonus: 13_500, attainment: 0.6 * 1.25 + 0.4 * 1.5, rank: 2 });
  });
  test("R2: 60,000 of 40,000 = 150% pays 9,000; 1 / 1 won = 200% pays 8,000 (at the 2x cap); ranked first; an SDR without a plan is left out", () => {
    expect(people.map((p) => [p.person, p.bonus, p.rank])).toEqual([
      ["R1", 13_500, 2],
      ["R2", 17_000, 1],
    ]);
  });
  test("month bounds are Excel serials of the first days", () => {
    expect(monthBounds("2026-10")).toEqual([46296, 46327]);
    expect(monthBounds("2026-12")).toEqual([46357, 46388]);
  });
  test("bad input names the KPI: a zero target, a negative weight, a missing column", () => {
    const k = plan.roles[0].kpis[0];
    const withKpi = (over: object) => ({ roles: [{ ...plan.roles[0], kpis: [{ ...k, ...over }] }] });
    expect(() => computeScorecards(withKpi({ target: 0 }), [{ id: "R1", role: "AE" }], tables, "2026-10")).toThrow(
      'KPI "New revenue" (AE): the target is 0; enter a target above 0.',
    );
    expect(() => computeScorecards(withKpi({ weight: -1 }), [{ id: "R1", role: "AE" }], tables, "2026-10")).toThrow(
      'KPI "New revenue" (AE): the weight is -1; weights are 0 or more.',
    );
    expect(() =>
      computeScorecards(
        withKpi({ measure: { ...k.measure, value: "Revenue" } }),
        [{ id: "R1", role: "AE" }],
        tables,
        "2026-10",
      ),
    ).toThrow('KPI "New revenue": table Deals has no column "Revenue".');
  });
});

describe("plan versions: at most one change a month, never rewriting the past", () => {
  const nov20 = new Date("2026-11-20T09:00:00Z");
  test("a change takes effect the month after it is made; the first version may start earlier", () => {
    let h = addVersion([], plan, nov20, "2026-09");
    expect(h.map((v) => v.effective)).toEqual(["2026-09"]);
    h = addVersion(h, plan, nov20);
    expect(h.map((v) => [v.version, v.effective])).toEqual([
      [1, "2026-09"],
      [2, "2026-12"],
    ]);
    expect(versionFor(h, "2026-11")!.version).toBe(1);
    expect(versionFor(h, "2027-03")!.version).toBe(2);
    expect(versionFor(h, "2026-08")).toBeNull();
  });
  test("a second change for the same month is refused, saying when and from which month", () => {
    const h = addVersion(addVersion([], plan, nov20, "2026-09"), plan, nov20);
    expect(() => addVersion(h, plan, new Date("2026-11-28T10:00:00Z"))).toThrow(
      "KPI settings change at most once a month, and 2026-12 already has a change, made on 2026-11-20. The next change can take effect from 2027-01.",
    );
    expect(() => addVersion(h, plan, nov20, "2026-10")).toThrow(
      "A change made on 2026-11-20 can take effect from 2026-12 at the earliest",
    );
    expect(() => addVersion(h, plan, nov20, "2026-13")).toThrow(KpiPlanError);
  });

  test("months are read strictly: spaces never make a second change for a month or move a plan in time", () => {
    const h = addVersion(addVersion([], plan, nov20, "2026-09"), plan, nov20);
    // "2026-12 " once slipped past the once-a-month check; " 2030-01" sorted before 2026 and was in force at once.
    expect(() => addVersion(h, plan, new Date("2026-11-28T10:00:00Z"), "2026-12 ")).toThrow(
      "KPI settings change at most once a month, and 2026-12 already has a change",
    );
    const later = addVersion(h, plan, new Date("2026-11-28T10:00:00Z"), " 2030-01");
    expect(later.map((v) => v.effective)).toEqual(["2026-09", "2026-12", "2030-01"]);
    expect(versionFor(later, "2027-06")!.version).toBe(2);
    expect(() => addVersion(h, plan, nov20, "2027-1")).toThrow(
      '"2027-1" is not a month; write it as YYYY-MM, e.g. 2026-12.',
    );
  });

  test("a version never takes effect in or before a month already computed, whatever the clock says", () => {
    const h = addVersion([], plan, nov20, "2026-09");
    // Scorecards for December were published early; a change made in November cannot reach them.
    expect(() => addVersion(h, plan, nov20, undefined, { computedThrough: "2026-12" })).toThrow(
      "Scorecards for 2026-12 were already computed with the settings in force then, so a change can take effect from 2027-01 at the earliest.",
    );
    expect(addVersion(h, plan, nov20, "2027-01", { computedThrough: "2026-12" }).map((v) => v.effective)).toEqual([
      "2026-09",
      "2027-01",
    ]);
    // Even the first version cannot start in a computed month.
    expect(() => addVersion([], plan, nov20, "2026-05", { computedThrough: "2026-10" })).toThrow(KpiPlanError);
  });

  test("a clock set back before the last recorded change is refused as skewed", () => {
    const h = addVersion([], plan, nov20, "2026-09");
    expect(() => addVersion(h, plan, new Date("2026-10-02T09:00:00Z"))).toThrow(
      "This computer's clock reads 2026-10-02, earlier than the last recorded change of the KPI settings (2026-11-20). Check the date and time settings, then save again.",
    );
  });

  test("property: for any edits and dates, one version per month, and every started month keeps its result", () => {
    const edit = fc.record({
      days: fc.integer({ min: 0, max: 70 }),
      bonus: fc.integer({ min: 0, max: 50_000 }),
      later: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        let now = new Date("2026-01-15T12:00:00Z");
        let h: PlanVersion[] = [];
        const months = Array.from(
          { length: 30 },
          (_, i) => `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
        );
        const bonusIn = (hist: PlanVersion[], m: string) => versionFor(hist, m)?.plan.roles[0].targetBonus ?? null;
        for (const e of edits) {
          now = new Date(now.getTime() + e.days * 86_400_000);
          let effective: string | undefined;
          if (e.later !== null) {
            effective = nextMonth(monthOf(now));
            for (let i = 0; i < e.later; i++) effective = nextMonth(effective);
          }
          const before = months.map((m) => bonusIn(h, m));
          const variant = { roles: [{ ...plan.roles[0], targetBonus: e.bonus }] };
          try {
            h = addVersion(h, variant, now, effective);
          } catch (err) {
            expect(err).toBeInstanceOf(KpiPlanError);
            continue;
          }
          expect(new Set(h.map((v) => v.effective)).size).toBe(h.length);
          // Months that have started (this one and earlier) compute as before the edit.
          months.forEach((m, i) => {
            if (h.length > 1 && m <= monthOf(now)) expect(bonusIn(h, m)).toBe(before[i]);
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("cycle and conversion KPIs", () => {
  const funnel: DataTable = {
    headers: ["Rep", "Created", "Closed", "Entered", "Advanced"],
    rows: [
      ["R1", 46290, 46300, 40, 10],
      ["R1", 46280, 46320, 60, 20],
      ["R1", "", 46310, 0, 0], // no start date: not in the cycle
      ["R1", 46200, 46330, 100, 100], // closed in November
    ],
  };
  const t = new Map([["funnel", funnel]]);
  const kpi = (aggregate: "cycle" | "conversion", target: number) => ({
    name: aggregate,
    measure:
      aggregate === "cycle"
        ? { table: "Funnel", person: "Rep", date: "Closed", aggregate, start: "Created", filters: [] }
        : {
            table: "Funnel",
            person: "Rep",
            date: "Closed",
            aggregate,
            advanced: "Advanced",
            entered: "Entered",
            filters: [],
          },
    target,
    weight: 1,
    curve: LINEAR,
  });
  const plan2: KpiPlan = {
    roles: [{ role: "AE", targetBonus: 1000, kpis: [kpi("cycle", 30), kpi("conversion", 0.25)] }],
  };
  const { lines } = computeScorecards(plan2, [{ id: "R1", role: "AE" }], t, "2026-10");
  test("cycle: (10 + 40) / 2 = 25 days against 30; shorter is better, so attainment 30 / 25 = 120%", () => {
    expect(lines[0]).toMatchObject({ actual: 25, attainment: 1.2, payout: 1200, rows: [0, 1] });
  });
  test("conversion: (10 + 20 + 0) / (40 + 60 + 0) = 0.3 against 0.25 = 120%", () => {
    expect(lines[1]).toMatchObject({ actual: 0.3, attainment: 1.2, payout: 1200, rows: [0, 1, 2] });
  });
});
