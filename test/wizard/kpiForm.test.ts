import { DEFAULT_KPI_PLAN } from "../../src/wizard/kpi/defaultPlan";
import { blankKpi, checkMonth, draftsOf, parseFilters, parseKpiDrafts } from "../../src/wizard/kpi/kpiForm";

describe("the KPI bonus form", () => {
  test("the default plan round-trips through the drafts the pane edits", () => {
    expect(parseKpiDrafts(draftsOf(DEFAULT_KPI_PLAN))).toEqual({ plan: DEFAULT_KPI_PLAN, problems: [] });
  });
  test("filters are typed as column=value|value; ...", () => {
    expect(parseFilters("Stage=Won|Closed Won; Type=New")).toEqual([
      { column: "Stage", values: ["Won", "Closed Won"] },
      { column: "Type", values: ["New"] },
    ]);
    expect(parseFilters("Stage")).toBe('"Stage" is not a filter; write column=value, or column=value1|value2');
  });
  test("every problem names the role and KPI: zero target, negative weight, missing column, bad curve", () => {
    const drafts = draftsOf(DEFAULT_KPI_PLAN);
    const ae = drafts[1];
    const broken = [
      drafts[0],
      {
        ...ae,
        kpis: [
          { ...ae.kpis[0], target: "0" },
          { ...ae.kpis[1], weight: "-1" },
          { ...ae.kpis[2], value: "" },
          { ...blankKpi, name: "Upsell", target: "5", tiers: "1-2" },
        ],
      },
    ];
    const { plan, problems } = parseKpiDrafts(broken);
    expect(plan).toBeNull();
    expect(problems).toEqual([
      'AE, "New revenue": the target must be above 0.',
      'AE, "Win rate": the weight must be 0 or more.',
      'AE, "Average deal size": choose the value column.',
      'AE, "Upsell": "1-2" is not a tier; write lower bound:rate, e.g. 1:1.5.',
    ]);
  });
  test("months are typed as YYYY-MM", () => {
    expect(checkMonth("2026-12")).toBeNull();
    expect(checkMonth("Dec 2026")).toBe('"Dec 2026" is not a month; write it as YYYY-MM, e.g. 2026-12.');
  });
});
