import { dateSerial } from "../../src/core/dates";
import { parseRange } from "../../src/workbook/a1";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";

/** The payout-rule functions evaluated by the preview's engine, spills included. */
describe("the preview engine evaluates the payout-rule functions", () => {
  const wb = new PreviewWorkbook();
  wb.addSheet("Rules");
  const values = (a1: string) => wb.values("Rules", parseRange(a1));
  // Tiers in A1:B3, credits in D1:D3, draw earnings in F1:F3.
  wb.setBlock("Rules", { row: 0, col: 0 }, [
    [0, 0.03, null, 250000, null, 3000],
    [300000, 0.05, null, 300000, null, 7000],
    [500000, 0.07, null, -100000, null, 6000],
  ]);

  test("RUNNING_PAYOUT spills one column and agrees with the core's worked example", () => {
    wb.setCell("Rules", { row: 5, col: 0 }, '=COMP.RUNNING_PAYOUT(D1:D3,1,A1:B3,,"RETRO")');
    expect(values("A6:A8")).toEqual([[7500], [31000], [-16000]]);
  });
  test("SPLIT_CREDIT spills the parts, the cent placed", () => {
    wb.setCell("Rules", { row: 5, col: 2 }, "=COMP.SPLIT_CREDIT(100,{0.5;0.25;0.25},0)");
    wb.setCell("Rules", { row: 9, col: 2 }, "=SUM(COMP.SPLIT_CREDIT(100,{0.3333;0.3333;0.3334}))");
    expect(values("C6:C8")).toEqual([[50], [25], [25]]);
    expect(values("C10:C10")).toEqual([[100]]);
  });
  test("PRORATE over quarters given as date cells", () => {
    const q = (m: number) => [dateSerial(2026, m, 1), dateSerial(2026, m + 3, 0)];
    wb.setBlock("Rules", { row: 11, col: 0 }, [q(1), q(4), q(7), q(10)]);
    wb.setCell(
      "Rules",
      { row: 11, col: 3 },
      `=COMP.PRORATE(1200000,A12:B15,${dateSerial(2026, 5, 16)},,{0.2;0.3;0.3;0.2},"MONTHS")`,
    );
    expect(values("D12:D15")).toEqual([[0], [120000], [360000], [240000]]);
  });
  test("DRAW spills its header row and one row per period", () => {
    wb.setCell("Rules", { row: 20, col: 0 }, "=COMP.DRAW(F1:F3,5000)");
    expect(values("A21:G24")).toEqual([
      ["Period", "Earned", "Draw", "Top-up", "Recovered", "Paid", "Owed"],
      [1, 3000, 5000, 2000, 0, 5000, 2000],
      [2, 7000, 5000, 0, 2000, 5000, 0],
      [3, 6000, 5000, 0, 0, 6000, 0],
    ]);
  });
  test("CLAWBACK, and an error reaches the cell with its message", () => {
    wb.setCell("Rules", { row: 30, col: 0 }, "=COMP.CLAWBACK(1200,3,12,,6)");
    wb.setCell("Rules", { row: 30, col: 1 }, '=COMP.CLAWBACK(1200,3,12,"HALF")');
    expect(values("A31:A31")).toEqual([[-900]]);
    expect(values("B31:B31")).toEqual([[{ error: "#VALUE!", message: 'method is "HALF"; use "PRORATED" or "FULL".' }]]);
  });
});

describe("a spilled payout-rule function whose input is an error", () => {
  test("fills its spill with the error, and a formula over exactly that range shows the error instead of stopping the engine", () => {
    // A back-test ledger's shape: RUNNING_PAYOUT over credits, SUMIFS over its spill. When a credit
    // becomes #REF! (its deals sheet deleted), the engine threw "Unknown array" on the SUMIFS.
    const wb = new PreviewWorkbook();
    wb.addSheet("Rules");
    wb.addSheet("Deals");
    wb.setBlock("Deals", { row: 0, col: 0 }, [[250000], [300000], [-100000]]);
    wb.setBlock("Rules", { row: 0, col: 0 }, [
      [0, 0.03, null, "=Deals!A1", "p"],
      [300000, 0.05, null, "=Deals!A2", "p"],
      [500000, 0.07, null, "=Deals!A3", "q"],
    ]);
    wb.setCell("Rules", { row: 5, col: 0 }, '=COMP.RUNNING_PAYOUT(D1:D3,1,A1:B3,,"RETRO")');
    wb.setCell("Rules", { row: 5, col: 2 }, '=SUMIFS(A6:A8,E1:E3,"p")');
    expect(wb.values("Rules", parseRange("C6:C6"))).toEqual([[38500]]);
    expect(() => wb.removeSheet("Deals")).not.toThrow();
    const shown = wb
      .values("Rules", parseRange("A6:C8"))
      .map((r) => r.map((v) => (v !== null && typeof v === "object" ? v.error : v)));
    expect(shown).toEqual([
      ["#VALUE!", null, "#VALUE!"],
      ["#VALUE!", null, null],
      ["#VALUE!", null, null],
    ]);
  });
});
