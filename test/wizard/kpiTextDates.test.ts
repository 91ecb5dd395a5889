import { KpiPlan } from "../../src/core/kpiPlan";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../../src/workbook/previewHost";
import { runKpiStep, saveKpiPlan } from "../../src/wizard/kpi/runKpiStep";
import { StepError } from "../../src/wizard/stepRun";

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
          curve: { tiers: [{ lower: 0, rate: 1 }], mode: "MARGINAL", threshold: null, cap: null },
        },
      ],
    },
  ],
};

/** A CRM export whose Closed column came in as text. */
async function bookWithTextDates() {
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
          ["R1", "2026-10-05", 50],
          ["R2", "2026-10-09", 70],
        ],
      },
    ],
  });
  const host = new PreviewHost(wb);
  await saveKpiPlan(host, PLAN, new Date("2026-09-20T10:00:00Z"), "2026-10");
  return { wb, host };
}

describe("the KPI step on text dates", () => {
  test("is refused with the column and its first rows named; no scorecard of zeros is written", async () => {
    const { wb, host } = await bookWithTextDates();
    const run = runKpiStep(host, {
      people: { table: "Reps", id: "Rep ID", role: "Role" },
      month: "2026-10",
      showAmounts: true,
    });
    await expect(run).rejects.toThrow(StepError);
    await expect(
      runKpiStep(host, { people: { table: "Reps", id: "Rep ID", role: "Role" }, month: "2026-10", showAmounts: true }),
    ).rejects.toThrow(
      'KPI "Revenue": Deals column "Closed" holds text, not dates, on rows 1, 2 ("2026-10-05", "2026-10-09"). The text reads as ISO dates;',
    );
    expect(wb.hasSheet("Scorecards")).toBe(false);
  });
});
