import { computeScorecards, DataTable, KpiPlan, KpiPlanError } from "../../../src/core/kpiPlan";

const plan: KpiPlan = {
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
          curve: { tiers: [{ lower: 0, rate: 1 }], mode: "MARGINAL", threshold: null, cap: null },
        },
      ],
    },
  ],
};
const compute = (closed: unknown[]) =>
  computeScorecards(
    plan,
    [{ id: "R1", role: "AE" }],
    new Map<string, DataTable>([
      ["deals", { headers: ["Owner", "Closed", "Amount"], rows: closed.map((c) => ["R1", c, 50]) }],
    ]),
    "2026-10",
  );
const messageOf = (closed: unknown[]): string => {
  try {
    compute(closed);
  } catch (e) {
    if (e instanceof KpiPlanError) return e.message;
    throw e;
  }
  throw new Error("expected a KpiPlanError");
};

// The KPI scorecards are live formulas over the table's cells, so text dates stay refused there
// (the sheet would count no row); the rule of core/dates.ts says which text names one date.
describe("the KPI step's date columns follow the one rule for dates", () => {
  test("ISO date-times are ISO dates stored as text; a day that does not exist is not", () => {
    expect(messageOf(["2026-10-05 10:00", "2026-10-06T08:30:00"])).toContain("The text reads as ISO dates;");
    expect(messageOf(["2026-10-05", "2026-02-30"])).toContain(
      'Text such as "2026-02-30" names no real day; enter the dates as dates',
    );
  });
  test("text that is no date is named as such, ambiguous text as ambiguous", () => {
    expect(messageOf(["next week"])).toBe(
      'KPI "Revenue": Deals column "Closed" holds text, not dates, on row 1 ("next week"). Text such as "next week" is not a date; enter the dates as dates (or as yyyy-mm-dd text, then convert it) and compute again.',
    );
    expect(messageOf(["03/04/2026"])).toContain(
      'Text such as "03/04/2026" can be read as more than one date (3 April 2026 or 4 March 2026);',
    );
  });
  test("date serials compute as before", () => {
    // 2026-10-05 is serial 46300.
    expect(compute([46300]).lines[0]).toMatchObject({ person: "R1", actual: 50 });
  });
});
