import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../../src/workbook/previewHost";
import { parseCell } from "../../src/workbook/a1";
import { runQuotaStep } from "../../src/wizard/quotas/runQuotaStep";
import { runScenarioStep } from "../../src/wizard/scenarios/runScenarioStep";
import { ScenarioStepSettings } from "../../src/wizard/scenarios/scenarioTypes";
import { SCENARIO_HEADERS } from "../../src/wizard/scenarios/layout";
import { StepError } from "../../src/wizard/stepRun";
import { quotaSettings } from "./stepFixtures";

const CURVES: ScenarioStepSettings["curves"] = [
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
  {
    name: "Accelerated",
    tiers: [
      { lower: 0, rate: 0.8 },
      { lower: 1, rate: 2 },
      { lower: 1.5, rate: 2.5 },
    ],
    mode: "MARGINAL",
    threshold: 0.5,
    cap: 3,
  },
];
const ROLES: ScenarioStepSettings["roles"] = [
  { role: "SDR", headcount: 8, ote: 80_000, quota: 900_000, mixes: [0.7, 0.6] },
  { role: "AE", headcount: 14, ote: 150_000, quota: 1_200_000, mixes: [0.5, 0.6, 0.7] },
  { role: "CSR/AM", headcount: 8, ote: 110_000, quota: 1_500_000, mixes: [0.7] },
];

/** A workbook with a small quota run, as the scenario step finds it after the Quotas step. */
async function afterQuotas() {
  const wb = new PreviewWorkbook();
  wb.addSheet("Data");
  const rows = Array.from({ length: 12 }, (_, i) => [`R${i + 1}`, 100 + i * 10, 1000 + i * 37, 900 + ((i * 53) % 200)]);
  writeSpec(wb, {
    name: "Data",
    tables: [{ name: "Reps", anchor: "A1", headers: ["Rep", "Potential", "Bookings 2024", "Bookings 2025"], rows }],
  });
  const host = new PreviewHost(wb);
  await runQuotaStep(
    host,
    quotaSettings({
      potential: { table: "Reps", id: "Rep", columns: ["Potential"] },
      history: { table: "Reps", id: "Rep", columns: ["Bookings 2024", "Bookings 2025"] },
      companyTarget: 1_000_000,
    }),
  );
  return { wb, host };
}

const settings = (over: Partial<ScenarioStepSettings> = {}): ScenarioStepSettings => ({
  roles: ROLES,
  curves: CURVES,
  distribution: { kind: "quotas", distributionTable: "Quotas_Distribution", pointsTable: "Quotas_Points" },
  sheet: "OTE Scenarios",
  ...over,
});

/** The scenario table's rows as the engine computed them, by header. */
function sheetRows(wb: PreviewWorkbook, sheet: string): Record<string, unknown>[] {
  const t = wb.tables().find((x) => x.name === "OTE_Scenarios_Scenarios")!;
  return Array.from({ length: t.rowCount }, (_, r) =>
    Object.fromEntries(
      t.headers.map((h, c) => [h, wb.cell(sheet, { row: t.anchor.row + 1 + r, col: t.anchor.col + c }).value]),
    ),
  );
}

const close = (a: unknown, b: number) =>
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(Math.abs(b) * 1e-12 + 1e-9);

describe("the OTE scenario step (preview engine)", () => {
  test("writes one row per role x mix x curve; every formula equals the core's number", async () => {
    const { wb, host } = await afterQuotas();
    const { scenarios, results } = await runScenarioStep(host, settings());
    expect(scenarios).toHaveLength((2 + 3 + 1) * 2);
    const rows = sheetRows(wb, "OTE Scenarios");
    expect(Object.keys(rows[0])).toEqual([...SCENARIO_HEADERS]);
    results.forEach((r, i) => {
      const row = rows[i];
      close(row["Base"], r.base);
      close(row["Target incentive"], r.targetIncentive);
      close(row["Commission rate"], r.commissionRate);
      close(row["Base cost"], r.baseCost);
      close(row["Variable cost"], r.variableCost);
      close(row["Total cost"], r.totalCost);
      close(row["Expected revenue"], r.expectedRevenue);
      close(row["Cost of sales"], r.costOfSales);
      r.payoutAt.forEach((p, k) => close(row[`Payout at ${[50, 75, 100, 125, 150][k]}%`], p));
      close(row["Earnings P10"], r.earnings[0]);
      close(row["Earnings P50"], r.earnings[1]);
      close(row["Earnings P90"], r.earnings[2]);
      close(row["Leverage"], r.leverage);
      expect(row["Warnings"] === "").toBe(r.warnings.length === 0);
    });
    // The chosen plan: the first scenario of each role.
    const chosen = results.filter((_, i) => rows[i]["Chosen"] === "Yes");
    expect(chosen).toHaveLength(3);
    close(
      wb.cell("OTE Scenarios", parseCell("D3")).value,
      chosen.reduce((s, r) => s + r.totalCost, 0),
    );
    expect(wb.charts("OTE Scenarios")[0].series).toHaveLength(scenarios.length);
  });

  test("changing an input in the sheet recalculates the comparison", async () => {
    const { wb, host } = await afterQuotas();
    await runScenarioStep(host, settings());
    const t = wb.tables().find((x) => x.name === "OTE_Scenarios_Scenarios")!;
    const before = sheetRows(wb, "OTE Scenarios")[0];
    wb.setCell("OTE Scenarios", { row: t.anchor.row + 1, col: t.anchor.col + 3 }, 100_000); // OTE 80k -> 100k
    const after = sheetRows(wb, "OTE Scenarios")[0];
    close(after["Base"], 70_000);
    expect(after["Total cost"] as number).toBeGreaterThan(before["Total cost"] as number);
    // A steeper accelerator in the Standard curve raises its variable cost.
    const curve = wb.tables().find((x) => x.name === "OTE_Scenarios_Curve1")!;
    wb.setCell("OTE Scenarios", { row: curve.anchor.row + 2, col: curve.anchor.col + 1 }, 3);
    expect(sheetRows(wb, "OTE Scenarios")[0]["Variable cost"] as number).toBeGreaterThan(
      after["Variable cost"] as number,
    );
  });

  test("without a quota run, a lognormal distribution at 65% is used", async () => {
    const wb = new PreviewWorkbook();
    const host = new PreviewHost(wb);
    const { results } = await runScenarioStep(
      host,
      settings({ distribution: { kind: "lognormal", share: 0.65, sigma: 0.25 } }),
    );
    const rows = sheetRows(wb, "OTE Scenarios");
    close(rows[0]["Variable cost"], results[0].variableCost);
    expect(String(wb.cell("OTE Scenarios", parseCell("A2")).value)).toMatch(
      /^Attainment distribution: lognormal, sigma 0.25/,
    );
  });

  test("role and curve names with quotes, wildcards or a leading = are text in every formula", async () => {
    const wb = new PreviewWorkbook();
    const host = new PreviewHost(wb);
    const roles = [{ ...ROLES[1], role: '=1+1 "AE" *', mixes: [0.5, 0.9] }];
    const curves = [{ ...CURVES[0], name: '="x" [a]' }];
    const { results } = await runScenarioStep(
      host,
      settings({ roles, curves, distribution: { kind: "lognormal", share: 0.65, sigma: 0.25 } }),
    );
    const rows = sheetRows(wb, "OTE Scenarios");
    expect(rows.map((r) => [r["Role"], r["Curve"]])).toEqual(results.map(() => ['=1+1 "AE" *', '="x" [a]']));
    rows.forEach((row, i) => {
      close(row["Variable cost"], results[i].variableCost);
      expect(typeof row["Warnings"]).toBe("string");
    });
    // A mix outside the band of other roles (50-80%): the warning names the role as typed.
    expect(rows.find((r) => r["Base share"] === 0.9)!["Warnings"]).toMatch(
      /^Mix outside the usual 50-80% base for =1\+1 "AE" \*\./,
    );
  });

  test("bad input is a clear message naming the role or curve, and nothing is written", async () => {
    const { wb, host } = await afterQuotas();
    await expect(runScenarioStep(host, settings({ roles: [{ ...ROLES[1], ote: 0 }] }))).rejects.toThrow(
      "AE: OTE is 0; enter an amount above 0.",
    );
    await expect(
      runScenarioStep(
        host,
        settings({
          curves: [
            {
              ...CURVES[0],
              tiers: [
                { lower: 1, rate: 1 },
                { lower: 0.5, rate: 2 },
              ],
            },
          ],
        }),
      ),
    ).rejects.toThrow(StepError);
    await expect(
      runScenarioStep(
        host,
        settings({
          curves: [
            {
              ...CURVES[0],
              tiers: [
                { lower: 1, rate: 1 },
                { lower: 0.5, rate: 2 },
              ],
            },
          ],
        }),
      ),
    ).rejects.toThrow(/^Curve "Standard": /);
    expect(wb.hasSheet("OTE Scenarios")).toBe(false);
  });
});
