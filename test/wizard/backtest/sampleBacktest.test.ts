import { loadSample } from "../../../src/preview/loadSample";
import { generateSample } from "../../../src/sample/sampleData";
import { sampleTables } from "../../../src/sample/sampleTables";
import { PreviewWorkbook } from "../../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../../src/workbook/previewHost";
import { autoMapDeals, autoMapPeople } from "../../../src/wizard/backtest/backtestColumns";
import { BACKTEST_TABLES, COMPARISON_NAMES } from "../../../src/wizard/backtest/backtestLayout";
import { runBacktestStep } from "../../../src/wizard/backtest/runBacktestStep";
import { sampleBacktestSettings } from "../../../src/wizard/backtest/sampleBacktest";
import { rowsOf } from "./fixtures";

describe("back-test on the sample workbook", () => {
  test("headers are matched: the sample's deals and reps columns", () => {
    const tables = sampleTables(generateSample());
    const headersOf = (name: string) => tables.find((t) => t.table === name)!.headers;
    const deals = autoMapDeals(headersOf("Deals"));
    expect(deals).toMatchObject({
      deal: "Deal ID",
      owner: "Owner",
      stage: "Stage",
      closeDate: "Closed",
      amount: "Amount",
      paymentDate: "Payment Date",
      cancelDate: "Cancel Date",
      sdr: "SDR",
      sdrShare: "SDR Share",
    });
    expect(autoMapPeople(headersOf("Reps"))).toMatchObject({
      id: "Rep ID",
      role: "Role",
      start: "Start Date",
      quota: null,
      draw: null,
    });
  });

  test("every rule is exercised and the written sheets equal the ledger core", async () => {
    const wb = new PreviewWorkbook();
    loadSample(wb);
    const result = await runBacktestStep(new PreviewHost(wb), sampleBacktestSettings());
    expect(result.data.people).toHaveLength(30);
    expect(result.notes.join(" ")).toMatch(/deal\(s\) closed outside 2026 are left out/);
    const any = (plan: "current" | "proposed", k: "clawedBack" | "heldBack" | "released" | "topUp" | "earned") =>
      result.ledgers[plan].rows.some((r) => r[k] !== 0);
    expect([
      any("current", "earned"),
      any("current", "clawedBack"),
      any("proposed", "heldBack"),
      any("proposed", "released"),
      any("proposed", "clawedBack"),
    ]).toEqual([true, true, true, true, true]);
    // SDR credit (some at 50%) and a pay-on-payment SDR plan.
    expect(result.data.credits.some((c) => c.role === "SDR" && c.share === 0.5)).toBe(true);
    const ledger = rowsOf(wb, BACKTEST_TABLES.ledger);
    const expected = [...result.ledgers.current.rows, ...result.ledgers.proposed.rows];
    ledger.forEach((row, i) => {
      expect(row["Paid"] as number).toBeCloseTo(expected[i].paid, 6);
      expect(row["Owed"] as number).toBeCloseTo(expected[i].owed, 6);
    });
    const cost = (plan: "current" | "proposed") => result.ledgers[plan].rows.reduce((a, r) => a + r.paid, 0);
    const names = Object.fromEntries(wb.engine.getAllNamedExpressionsSerialized().map((n) => [n.name, n.expression]));
    expect(names[COMPARISON_NAMES.cost("current")]).toBeDefined();
    const comparison = rowsOf(wb, BACKTEST_TABLES.comparison);
    expect(comparison.reduce((a, r) => a + (r["Pay current"] as number), 0)).toBeCloseTo(cost("current"), 4);
    expect(comparison.reduce((a, r) => a + (r["Pay proposed"] as number), 0)).toBeCloseTo(cost("proposed"), 4);
    // The histogram: open-ended bands have blank bounds, and the bands count once each person
    // with an attainment (those without a quota have none).
    const bands = rowsOf(wb, BACKTEST_TABLES.histogram);
    expect([bands[0]["From"], bands[bands.length - 1]["To"]]).toEqual([null, null]);
    for (const plan of ["Current", "Proposed"]) {
      const measured = comparison.filter((r) => typeof r[`Attainment ${plan.toLowerCase()}`] === "number").length;
      expect(measured).toBeGreaterThan(20);
      expect(bands.reduce((a, b) => a + (b[plan] as number), 0)).toBe(measured);
    }
    const below50 = comparison.filter((r) => {
      const a = r["Attainment current"];
      return typeof a === "number" && a < 0.5;
    }).length;
    expect(bands[0]["Current"]).toBe(below50);
  });
});
