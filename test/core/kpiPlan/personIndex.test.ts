import fc from "fast-check";
import { DataTable, KpiDefinition, kpiActual, monthBounds, PersonIndex } from "../../../src/core/kpiPlan";

/** Scoring through the per-person index reads fewer rows and gives exactly the full scan's result. */
const curve = { tiers: [{ lower: 0, rate: 1 }], mode: "MARGINAL" as const, threshold: null, cap: null };
const base = {
  table: "Deals",
  person: "Owner",
  date: "Closed",
  filters: [{ column: "Stage", values: ["Won", "Lost"] }],
};
/** The sum, average, count and win-rate measures the property compares. */
function measureFor(aggregate: "sum" | "average" | "count" | "win-rate"): KpiDefinition["measure"] {
  if (aggregate === "count") return { ...base, aggregate };
  if (aggregate === "win-rate")
    return { ...base, aggregate, outcome: { column: "Stage", won: ["Won"], lost: ["Lost"] } };
  return { ...base, aggregate, value: "Amount" };
}
const kpi = (aggregate: "sum" | "average" | "count" | "win-rate"): KpiDefinition => ({
  name: "K",
  target: 1,
  weight: 1,
  curve,
  measure: measureFor(aggregate),
});

describe("PersonIndex", () => {
  test("worked example: the index finds a person's rows whatever their case and spaces", () => {
    const t: DataTable = { headers: ["Owner"], rows: [["Ann"], ["bob"], [" ANN "], ["Cy"]] };
    expect(new PersonIndex().rowsOf(t, 0, "ann")).toEqual([0, 2]);
  });

  test("property: kpiActual with the index equals kpiActual without it", () => {
    const [start] = monthBounds("2026-10");
    const row = fc.tuple(
      fc.constantFrom("Ann", "ann ", "Bob", "Cy", "", null),
      fc.constantFrom("Won", "Lost", "Open"),
      fc.integer({ min: start - 40, max: start + 40 }),
      fc.integer({ min: 0, max: 10_000 }),
    );
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 60 }),
        fc.constantFrom<"sum" | "average" | "count" | "win-rate">("sum", "count", "average", "win-rate"),
        fc.constantFrom("Ann", "Bob", "Dee"),
        (rows, aggregate, person) => {
          const t: DataTable = { headers: ["Owner", "Stage", "Closed", "Amount"], rows };
          expect(kpiActual(kpi(aggregate), t, person, "2026-10", new PersonIndex())).toEqual(
            kpiActual(kpi(aggregate), t, person, "2026-10"),
          );
        },
      ),
    );
  });
});
