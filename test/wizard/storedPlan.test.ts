import { DEFAULT_KPI_PLAN } from "../../src/wizard/kpi/defaultPlan";
import { measureFromStored, parsePlanHistory } from "../../src/wizard/kpi/storedPlan";
import { KpiMeasure } from "../../src/core/kpiPlan";

const rows = { table: "Funnel", person: "Rep", date: "Closed", filters: [] };
/** A measure as plans saved before each aggregate had its own fields stored it. */
const older = (m: object) => ({ ...rows, value: null, from: null, outcome: null, ...m }) as unknown as KpiMeasure;

describe("KPI plans stored in a workbook", () => {
  test("older measures are read into each aggregate's own fields", () => {
    expect(measureFromStored(older({ aggregate: "count" }))).toEqual({ ...rows, aggregate: "count" });
    expect(measureFromStored(older({ aggregate: "sum", value: "Amount" }))).toEqual({
      ...rows,
      aggregate: "sum",
      value: "Amount",
    });
    expect(measureFromStored(older({ aggregate: "cycle", from: "Created" }))).toEqual({
      ...rows,
      aggregate: "cycle",
      start: "Created",
    });
    expect(measureFromStored(older({ aggregate: "conversion", value: "Advanced", from: "Entered" }))).toEqual({
      ...rows,
      aggregate: "conversion",
      advanced: "Advanced",
      entered: "Entered",
    });
    const outcome = { column: "Stage", won: ["Won"], lost: ["Lost"] };
    expect(measureFromStored(older({ aggregate: "win-rate", outcome }))).toEqual({
      ...rows,
      aggregate: "win-rate",
      outcome,
    });
  });

  test("today's measures come back unchanged; anything that is not a history is refused", () => {
    const history = [{ version: 1, effective: "2026-09", changedAt: "2026-08-15T09:00:00Z", plan: DEFAULT_KPI_PLAN }];
    expect(parsePlanHistory({ versions: history })).toEqual(history);
    expect(parsePlanHistory(null)).toBeNull();
    expect(parsePlanHistory({ versions: "none" })).toBeNull();
  });
});
