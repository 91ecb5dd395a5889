import { loadSample } from "../../src/preview/loadSample";
import { parseCell } from "../../src/workbook/a1";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../../src/workbook/previewHost";
import { runQuotaStep, QuotaStepSettings } from "../../src/wizard/quotas/runQuotaStep";
import { CancelledError, StepError } from "../../src/wizard/stepRun";
import { runTerritoryStep } from "../../src/wizard/territories/runTerritoryStep";
import { quotaSettings, sampleTerritorySettings } from "./stepFixtures";

/** The sample workbook after the territory step, as a user reaches the quota step. */
async function afterTerritories() {
  const wb = new PreviewWorkbook();
  loadSample(wb);
  const host = new PreviewHost(wb);
  await runTerritoryStep(host, sampleTerritorySettings());
  return { wb, host };
}

const settings = (over: Partial<QuotaStepSettings> = {}): QuotaStepSettings =>
  quotaSettings({
    potential: { table: "Territories_Summary", id: "Territory", columns: ["Potential"] },
    history: { table: "Reps", id: "Rep ID", columns: ["Prior Year Bookings"] },
    companyTarget: 30_000_000,
    ...over,
  });

/** A column of the quota sheet's reps table, computed by the engine, by rep. */
function column(wb: PreviewWorkbook, header: string): Map<string, unknown> {
  const t = wb.tables().find((x) => x.name === "Quotas_Reps")!;
  const c = t.headers.indexOf(header);
  const out = new Map<string, unknown>();
  for (let r = 1; r <= t.rowCount; r++)
    out.set(
      String(wb.cell("Quotas", { row: t.anchor.row + r, col: t.anchor.col }).value),
      wb.cell("Quotas", { row: t.anchor.row + r, col: t.anchor.col + c }).value,
    );
  return out;
}

describe("the quota step on one prior period proportional to potential", () => {
  test("no generated cell shows an error: the spread falls back to the entered floor", async () => {
    const wb = new PreviewWorkbook();
    wb.addSheet("Reps");
    writeSpec(wb, {
      name: "Reps",
      tables: [
        {
          name: "Reps",
          anchor: "A1",
          headers: ["Rep", "Potential", "Last Year"],
          rows: Array.from({ length: 12 }, (_, i) => [`R${i + 1}`, 100 * (i + 1), 1_000 * (i + 1)]),
        },
      ],
    });
    const host = new PreviewHost(wb);
    const { plan } = await runQuotaStep(
      host,
      settings({
        potential: { table: "Reps", id: "Rep", columns: ["Potential"] },
        history: { table: "Reps", id: "Rep", columns: ["Last Year"] },
        companyTarget: 1_000_000,
        historyWeight: 1,
      }),
    );
    const used = wb.usedRange("Quotas")!;
    const errors = wb
      .values("Quotas", used)
      .flat()
      .filter((v) => v !== null && typeof v === "object");
    expect(errors).toEqual([]);
    expect(plan.summary.sigma).toBe(0.25);
    expect(wb.cell("Quotas", parseCell("G5")).value as number).toBeCloseTo(plan.summary.expectedShare, 6);
  });
});

describe("the quota step on the sample workbook (preview engine)", () => {
  test("writes the Quotas sheet; its formulas equal the core's numbers, cell for cell", async () => {
    const { wb, host } = await afterTerritories();
    const { plan, simulation } = await runQuotaStep(host, settings());
    expect(plan.reps).toHaveLength(22);
    const quota = column(wb, "Quota");
    const stretch = column(wb, "Stretch");
    const probability = column(wb, "Probability");
    for (const r of plan.reps) {
      expect(quota.get(r.id)).toBe(r.quota);
      expect(stretch.get(r.id) as number).toBeCloseTo(r.stretch, 12);
      // The engine's NORM.S.DIST and the core's normal CDF agree to well within 1e-6.
      expect(Math.abs((probability.get(r.id) as number) - r.probability)).toBeLessThan(1e-6);
    }
    expect(wb.cell("Quotas", parseCell("G3")).value).toBe(plan.summary.sumOfQuotas);
    expect(wb.cell("Quotas", parseCell("G4")).value as number).toBeCloseTo(plan.summary.overAssignment, 12);
    expect(Math.abs((wb.cell("Quotas", parseCell("G5")).value as number) - plan.summary.expectedShare)).toBeLessThan(
      1e-6,
    );
    expect(wb.cell("Quotas", parseCell("G6")).value).toBe(simulation.band[0]);
    expect(plan.summary.sigmaSource).toBe("history");
    expect(String(wb.cell("Quotas", parseCell("A10")).value)).toMatch(
      /^Trade-off: 65.0% of reps reaching quota needs total quota of/,
    );
    expect(wb.charts("Quotas")[0].title).toBe("Simulated attainment");
    expect(await host.readSettings("quotas")).toMatchObject({ companyTarget: 30_000_000 });
  });

  test("editing a quota in the sheet updates the stretch, the probability and the sum", async () => {
    const { wb, host } = await afterTerritories();
    const { plan } = await runQuotaStep(host, settings());
    const t = wb.tables().find((x) => x.name === "Quotas_Reps")!;
    const first = plan.reps[0];
    wb.setCell("Quotas", { row: t.anchor.row + 1, col: t.anchor.col + 3 }, first.quota + 100_000);
    expect(wb.cell("Quotas", parseCell("G3")).value).toBe(plan.summary.sumOfQuotas + 100_000);
    expect(column(wb, "Stretch").get(first.id) as number).toBeCloseTo((first.quota + 100_000) / first.forecast, 12);
    expect(column(wb, "Probability").get(first.id) as number).toBeLessThan(first.probability);
  });

  test.each([
    ["a company target of 0", { companyTarget: 0 }, "The company target is 0; enter an amount above 0."],
    ["a share outside 1-99%", { targetShare: 1.5 }, "The target share of reps attaining is 1.5"],
    [
      "a missing column",
      { history: { table: "Reps", id: "Rep ID", columns: ["Bookings 2019"] } },
      'Table Reps has no column "Bookings 2019"',
    ],
  ])("bad input (%s) is a clear message and nothing is written", async (_, over, message) => {
    const { wb, host } = await afterTerritories();
    await expect(runQuotaStep(host, settings(over as Partial<QuotaStepSettings>))).rejects.toThrow(StepError);
    await expect(runQuotaStep(host, settings(over as Partial<QuotaStepSettings>))).rejects.toThrow(message);
    expect(wb.hasSheet("Quotas")).toBe(false);
  });

  test("negative history and a rep with no potential are named with their rows", async () => {
    const { wb, host } = await afterTerritories();
    const reps = wb.tables().find((x) => x.name === "Reps")!;
    wb.setCell("Reps", { row: reps.anchor.row + 2, col: reps.anchor.col + 5 }, -5);
    const summary = wb.tables().find((x) => x.name === "Territories_Summary")!;
    // A hand edit that blanks the first territory's potential.
    wb.setCell("Territories", { row: summary.anchor.row + 1, col: summary.anchor.col + 4 }, null);
    const error = await runQuotaStep(host, settings()).catch((e: Error) => e.message);
    expect(error).toMatch(/Reps row 2: Prior Year Bookings is negative \(-5\)/);
    expect(error).toMatch(
      /Territories_Summary row 1: rep "R\d+" has no potential \(blank\); every rep needs a potential above 0\./,
    );
    expect(wb.hasSheet("Quotas")).toBe(false);
  });

  test("a workbook name Quotas_Target the user made is refused with what to rename; nothing is written", async () => {
    const { wb, host } = await afterTerritories();
    wb.setName("Quotas_Target", "=Reps!$A$2");
    const parts = [...wb.customXmlParts()];
    const error = await runQuotaStep(host, settings({ draws: 200 })).catch((e: Error) => e.message);
    expect(error).toBe(
      'The workbook already has a name "Quotas_Target" that Comp Planner did not create. Rename or delete it (Formulas > Name Manager), then run again.',
    );
    expect(wb.hasSheet("Quotas")).toBe(false);
    expect(wb.engine.getNamedExpressionFormula("Quotas_Target")).toBe("=Reps!$A$2");
    expect([...wb.customXmlParts()]).toEqual(parts);
  });

  test("cancelling during the simulation writes nothing", async () => {
    const { wb, host } = await afterTerritories();
    const controller = new AbortController();
    const run = runQuotaStep(
      host,
      settings({ draws: 50_000 }),
      (f) => f > 0.3 && controller.abort(),
      controller.signal,
    );
    await expect(run).rejects.toThrow(CancelledError);
    expect(wb.hasSheet("Quotas")).toBe(false);
  });
});
