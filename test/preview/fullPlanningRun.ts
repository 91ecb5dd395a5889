import { loadSample } from "../../src/preview/loadSample";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";
import { DEFAULT_KPI_PLAN } from "../../src/wizard/kpi/defaultPlan";
import { runKpiStep, saveKpiPlan } from "../../src/wizard/kpi/runKpiStep";
import { runQuotaStep } from "../../src/wizard/quotas/runQuotaStep";
import { runScenarioStep } from "../../src/wizard/scenarios/runScenarioStep";
import { runTerritoryStep } from "../../src/wizard/territories/runTerritoryStep";
import { quotaSettings, sampleTerritorySettings } from "../wizard/stepFixtures";

/**
 * The sample workbook after a full planning run, every tool in the order a user takes them:
 * territories, quotas, OTE scenarios, then the KPI plan and a month's scorecards.
 */
export async function fullPlanningRun(): Promise<{ wb: PreviewWorkbook; host: PreviewHost }> {
  const wb = new PreviewWorkbook();
  loadSample(wb);
  const host = new PreviewHost(wb, () => new Date("2026-11-20T10:00:00Z"));
  await runTerritoryStep(host, sampleTerritorySettings());
  await runQuotaStep(
    host,
    quotaSettings({
      potential: { table: "Territories_Summary", id: "Territory", columns: ["Potential"] },
      history: { table: "Reps", id: "Rep ID", columns: ["Prior Year Bookings"] },
      companyTarget: 30_000_000,
    }),
  );
  await runScenarioStep(host, {
    roles: [
      { role: "AE", headcount: 14, ote: 150_000, quota: 1_200_000, mixes: [0.5, 0.6] },
      { role: "SDR", headcount: 8, ote: 80_000, quota: 900_000, mixes: [0.7] },
    ],
    curves: [
      {
        name: "Standard",
        tiers: [
          { lower: 0, rate: 1 },
          { lower: 1, rate: 1.5 },
        ],
        mode: "MARGINAL",
        threshold: null,
        cap: 2,
      },
    ],
    distribution: { kind: "quotas", distributionTable: "Quotas_Distribution", pointsTable: "Quotas_Points" },
    sheet: "OTE Scenarios",
  });
  await saveKpiPlan(host, DEFAULT_KPI_PLAN, new Date("2026-11-20T10:00:00Z"), "2026-09");
  await runKpiStep(host, {
    people: { table: "Reps", id: "Rep ID", role: "Role" },
    month: "2026-10",
    showAmounts: true,
  });
  return { wb, host };
}
