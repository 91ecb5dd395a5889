import { loadSample } from "../../src/preview/loadSample";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";
import { compCall, explainActiveCell } from "../../src/wizard/explain/explainCell";
import { DEFAULT_KPI_PLAN } from "../../src/wizard/kpi/defaultPlan";
import { KPI_NAMES } from "../../src/wizard/kpi/layout";
import { KpiStepResult, runKpiStep, saveKpiPlan } from "../../src/wizard/kpi/runKpiStep";
import { columnLetter } from "../../src/workbook/a1";
import { sampleTerritorySettings } from "./stepFixtures";

let wb: PreviewWorkbook;
let host: PreviewHost;
let result: KpiStepResult;

beforeAll(async () => {
  wb = new PreviewWorkbook();
  loadSample(wb);
  host = new PreviewHost(wb);
  await saveKpiPlan(host, DEFAULT_KPI_PLAN, new Date("2026-11-20T10:00:00Z"), "2026-09");
  result = await runKpiStep(host, {
    people: { table: "Reps", id: "Rep ID", role: "Role" },
    month: "2026-10",
    showAmounts: true,
  });
}, 60_000);

/** Selects the cell of a table's data row and column, as a user clicks it. */
function selectIn(table: string, row: number, column: string): void {
  const t = wb.tables().find((x) => x.name === table)!;
  wb.select(t.sheet, `${columnLetter(t.anchor.col + t.headers.indexOf(column))}${t.anchor.row + 2 + row}`);
}

describe("why is this number?", () => {
  test("a scorecard payout: the rows behind the actual are exactly the core's, and the tiers add up to the payout", async () => {
    const i = result.lines.findIndex((l) => l.kpi === "New revenue" && l.rows.length > 1 && l.payout > 0);
    const line = result.lines[i];
    selectIn(KPI_NAMES.lines, i, "Payout");
    const e = await explainActiveCell(host);
    expect(e.title).toBe(`${line.person}: "New revenue" in 2026-10`);
    expect(e.formula).toMatch(/^=COMP\.PAYOUT\(\[@Attainment\],\[@Weight\]\*\[@\[Target bonus\]\]/);
    expect(e.inputs[0].source).toBe(
      `the sum of Amount of Deals rows where Owner is ${line.person}, Closed falls in 2026-10, Stage is Won or Closed Won, Type is New: ${line.rows.length} row(s), listed below`,
    );
    expect(e.rows.map((r) => r.label)).toEqual(
      line.rows.map((r) => expect.stringMatching(new RegExp(`^Deals row ${r + 1}: D\\d{5}$`))),
    );
    // Each link selects its deal's row on the Deals sheet.
    const deals = wb.tables().find((t) => t.name === "Deals")!;
    const lastColumn = columnLetter(deals.anchor.col + deals.headers.length - 1);
    expect(e.rows[0]).toMatchObject({
      sheet: "Deals",
      address: `A${deals.anchor.row + 2 + line.rows[0]}:${lastColumn}${deals.anchor.row + 2 + line.rows[0]}`,
    });
    expect(e.breakdown!.at(-1)).toEqual(["Total", "", "", "", "", line.payout]);
  });

  test("a bonus: the components add up to it, and every deal behind them is listed", async () => {
    const p = result.people.find((x) => x.role === "AE" && x.bonus > 0)!;
    selectIn(KPI_NAMES.bonus, result.people.indexOf(p), "Bonus");
    const e = await explainActiveCell(host);
    const mine = result.lines.filter((l) => l.person === p.person);
    expect(e.inputs.map((x) => x.label)).toEqual(mine.map((l) => l.kpi));
    expect(e.inWords).toContain(`= ${p.bonus.toLocaleString("en-US", { maximumFractionDigits: 4 })}`);
    expect(e.rows.length).toBe(
      Math.min(
        200,
        mine.reduce((s, l) => s + l.rows.length, 0),
      ),
    );
  });

  test("a leaderboard row explains the same person's bonus and rank", async () => {
    selectIn(KPI_NAMES.leaderboard, 0, "Rank");
    const e = await explainActiveCell(host);
    expect(e.inWords).toMatch(/ranks by attainment/);
    expect(e.title).toMatch(/'s bonus for 2026-10$/);
  });

  test("a COMP.PAYOUT typed anywhere: its arguments' values and origins, and the tiers", async () => {
    wb.setCell("Plan", { row: 1, col: 12 }, "=COMP.PAYOUT(1.3,50000,PlanTiers)");
    wb.select("Plan", "M2");
    const e = await explainActiveCell(host);
    expect(e.inputs.map((x) => [x.label, x.value, x.source])).toEqual([
      ["attainment", "1.3", "typed in the formula"],
      ["target_incentive", "50,000", "typed in the formula"],
      ["tiers", "3 x 2 range", "table PlanTiers"],
      ["mode", "(blank)", "left out"],
      ["threshold", "(blank)", "left out"],
      ["cap", "(blank)", "left out"],
    ]);
    expect(e.breakdown!.at(-1)).toEqual(["Total", "", "", "", "", 73750]);
  });

  test("the top-level arguments of a COMP call are split as written", () => {
    expect(compCall('=ROUND(COMP.PAYOUT(A1,SUM(B1:B3),T,"MARGINAL",,{1,2}),2)')).toEqual({
      id: "PAYOUT",
      args: ["A1", "SUM(B1:B3)", "T", '"MARGINAL"', "", "{1,2}"],
    });
  });

  test("a territory's potential lists the accounts in it, with links", async () => {
    const { runTerritoryStep } = await import("../../src/wizard/territories/runTerritoryStep");
    const split = await runTerritoryStep(
      host,
      sampleTerritorySettings({ seats: { kind: "count", count: 5 }, honourPins: false, minimiseDisruption: false }),
    );
    selectIn("Territories_Summary", 2, "Potential");
    const e = await explainActiveCell(host);
    expect(e.title).toBe("Territory T3: Potential");
    expect(e.rows).toHaveLength(Math.min(200, split.territories[2].accounts));
    expect(e.rows[0].sheet).toBe("Territories");
  });

  test("a plain value says so", async () => {
    wb.select("Accounts", "A2");
    const e = await explainActiveCell(host);
    expect(e.inWords).toBe("This cell holds a value typed or pasted in, not a computation.");
  });
});
