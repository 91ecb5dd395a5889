import { checkPlanColumns, DataTable, KpiPlan, KpiPlanError } from "../../../src/core/kpiPlan";

const LINEAR = { tiers: [{ lower: 0, rate: 1 }], mode: "MARGINAL" as const, threshold: null, cap: null };
const plan = (measure: KpiPlan["roles"][number]["kpis"][number]["measure"]): KpiPlan => ({
  roles: [{ role: "AE", targetBonus: 1000, kpis: [{ name: "Won", measure, target: 10, weight: 1, curve: LINEAR }] }],
});
const deals = (headers: string[]): Map<string, DataTable> => new Map([["deals", { headers, rows: [] }]]);
const base = { table: "Deals", person: "Owner", date: "Closed", filters: [] };

describe("a KPI plan checked against its data before it is saved", () => {
  test("every column the KPI reads must be in its table (trimmed, any case)", () => {
    const winRate = plan({
      ...base,
      aggregate: "win-rate",
      outcome: { column: "Stage", won: ["Won"], lost: ["Lost"] },
      filters: [{ column: "Type", values: ["New"] }],
    });
    expect(() => checkPlanColumns(winRate, deals([" owner", "CLOSED", "Stage", "Type"]))).not.toThrow();
    expect(() => checkPlanColumns(winRate, deals(["Owner", "Closed", "Stage"]))).toThrow(
      new KpiPlanError('KPI "Won": table Deals has no column "Type".'),
    );
    expect(() => checkPlanColumns(winRate, deals(["Owner", "Closed", "Type"]))).toThrow(
      'KPI "Won": table Deals has no column "Stage".',
    );
  });

  test("the person and date columns, and a conversion's two columns, are checked too", () => {
    const conversion = plan({ ...base, aggregate: "conversion", entered: "SQLs", advanced: "Wins" });
    expect(() => checkPlanColumns(conversion, deals(["Owner", "Closed", "SQLs"]))).toThrow('no column "Wins"');
    expect(() => checkPlanColumns(plan({ ...base, aggregate: "count" }), deals(["Owner"]))).toThrow(
      'no column "Closed"',
    );
  });

  test("a table that was not read is named", () => {
    expect(() => checkPlanColumns(plan({ ...base, aggregate: "count" }), new Map())).toThrow(
      'KPI "Won": there is no table named "Deals".',
    );
  });
});
