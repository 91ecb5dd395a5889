import { computeScorecards, DataTable, KpiPlan, KpiPlanError } from "../../../src/core/kpiPlan";

const LINEAR = { tiers: [{ lower: 0, rate: 1 }], mode: "MARGINAL" as const, threshold: null, cap: null };
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
          curve: LINEAR,
        },
        {
          name: "Cycle",
          measure: {
            table: "Deals",
            person: "Owner",
            date: "Closed",
            start: "Created",
            aggregate: "cycle",
            filters: [],
          },
          target: 30,
          weight: 0.5,
          curve: LINEAR,
        },
      ],
    },
  ],
};
const people = [
  { id: "R1", role: "AE" },
  { id: "R2", role: "AE" },
];
const table = (rows: unknown[][]): Map<string, DataTable> =>
  new Map([["deals", { headers: ["Owner", "Created", "Closed", "Amount"], rows }]]);
const compute = (rows: unknown[][], month = "2026-10") => computeScorecards(plan, people, table(rows), month);
const messageOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof KpiPlanError) return e.message;
    throw e;
  }
  throw new Error("expected a KpiPlanError");
};

// 2026-10-05 is serial 46300; 2026-09-01 is 46266.
describe("text in a KPI's date columns is a data problem naming the column and the first rows", () => {
  test("ISO dates stored as text: refused, saying they read as dates and how to convert them", () => {
    const rows = [
      ["R1", 46266, "2026-10-05", 50],
      ["R1", 46266, 46301, 20],
      ["R2", 46266, "2026-10-06", 70],
      ["R2", 46266, "2026-10-07", 70],
      ["R2", 46266, "2026-10-08", 70],
    ];
    expect(messageOf(() => compute(rows))).toBe(
      'KPI "Revenue": Deals column "Closed" holds text, not dates, on rows 1, 3, 4 and 1 more ("2026-10-05", "2026-10-06", "2026-10-07"). ' +
        "The text reads as ISO dates; convert the column to dates (select it, then Data > Text to Columns > Finish) and compute again.",
    );
  });
  test("ambiguous text dates are refused as ambiguous; the start column of a cycle is checked too", () => {
    const rows = [
      ["R1", "03/04/2026", 46300, 50],
      ["R2", 46266, 46301, 20],
    ];
    expect(messageOf(() => compute(rows))).toBe(
      'KPI "Cycle": Deals column "Created" holds text, not dates, on row 1 ("03/04/2026"). ' +
        'Text such as "03/04/2026" can be read as more than one date (3 April 2026 or 4 March 2026); enter the dates as dates (or as yyyy-mm-dd text, then convert it) and compute again.',
    );
  });
  test("blank date cells are skipped, as before", () => {
    const { lines } = compute([
      ["R1", 46266, "", 50],
      ["R1", 46266, 46300, 20],
    ]);
    expect(lines[0]).toMatchObject({ person: "R1", kpi: "Revenue", actual: 20 });
  });
});

describe("a month in which no rows fall for anyone is a warning, never a silent zero", () => {
  test("historical data: the warning names the table, the column, the month and the dates the data covers", () => {
    // 2019-03-01 is serial 43525; 2019-12-30 is 43829.
    const { warnings, people: scores } = compute([
      ["R1", 43500, 43525, 50],
      ["R2", 43800, 43829, 70],
    ]);
    expect(scores.map((p) => p.bonus)).toEqual([0, 0]);
    expect(warnings).toEqual([
      "No row of Deals has a Closed date in 2026-10 (its dates run from 2019-03-01 to 2019-12-30), so every KPI on Deals is 0 for everyone. Check the month, or the table.",
      "Every actual in 2026-10 is 0: every bonus pays its 0% point (0 in total). Check the month, the date columns and the KPI filters.",
    ]);
  });
  test("rows in the month but every actual 0 (nobody's rows): one warning", () => {
    const { warnings } = compute([["R9", 46266, 46300, 50]]);
    expect(warnings).toEqual([
      "Every actual in 2026-10 is 0: every bonus pays its 0% point (0 in total). Check the month, the date columns and the KPI filters.",
    ]);
  });
  test("a normal month has no warning", () => {
    expect(compute([["R1", 46266, 46300, 50]]).warnings).toEqual([]);
  });
});
