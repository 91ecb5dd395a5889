import { BACKTEST_SHEETS, comparisonNamedCells } from "../../src/wizard/backtest/backtestLayout";
import { runBacktestStep } from "../../src/wizard/backtest/runBacktestStep";
import { explainActiveCell } from "../../src/wizard/explain/explainCell";
import { book, curve, d, plan, rolePlan, settings } from "./backtest/fixtures";

// One AE, quota 10,000 a month = 120,000 a year. Won deals of 60,000 (Jan) and 90,000 (Feb):
// current pays 60,000 x f(150,000 / 120,000 = 1.25) = 60,000 x (1 + 1.5 x 0.25) = 82,500;
// proposed 60,000 x (1 + 2 x 0.25) = 90,000. Revenue 150,000 under both.
const deals = [
  ["D1", "R1", "Won", d(1, 15), 60000, "", "", "", ""],
  ["D2", "R1", "Won", d(2, 10), 90000, "", "", "", ""],
];
const people = [["R1", "AE", "", "", 10000, ""]];

async function run() {
  const { wb, host } = book(deals, people);
  const proposed = plan("Proposed", [
    rolePlan("AE", {
      curve: curve([
        [0, 1],
        [1, 2],
      ]),
    }),
  ]);
  const result = await runBacktestStep(host, settings(plan("Current", [rolePlan("AE")]), proposed));
  return { wb, host, result };
}

const at = (name: string) => comparisonNamedCells().find((n) => n.name === name)!.address;

describe("Explain reads the comparison's named totals as arguments", () => {
  test("the written sheet names its totals where the layout says", async () => {
    const { result } = await run();
    const comparison = result.sheets.find((s) => s.name === BACKTEST_SHEETS.comparison)!;
    // Without actual payouts there is no model-minus-actual total; every other name is where the layout puts it.
    expect(comparison.namedRanges).toEqual(comparisonNamedCells().filter((n) => n.name !== "BT_Model_Minus_Actual"));
  });

  test("cost of sales: COMP.COST_OF_SALES(BT_Cost_current, BT_Revenue_current) with both totals read", async () => {
    const { wb, host } = await run();
    wb.select(BACKTEST_SHEETS.comparison, at("BT_CostOfSales_current"));
    const e = await explainActiveCell(host);
    expect(e.title).toBe("COMP.COST_OF_SALES");
    expect(e.formula).toBe("=COMP.COST_OF_SALES(BT_Cost_current,BT_Revenue_current)");
    // 82,500 / 150,000 = 55%.
    expect(e.inputs.map((i) => i.source)).toEqual([
      `BT_Cost_current: Plan Comparison!${at("BT_Cost_current")}`,
      `BT_Revenue_current: Plan Comparison!${at("BT_Revenue_current")}`,
    ]);
    expect(e.inputs.map((i) => i.value)).toEqual(["82,500", "150,000"]);
    expect(e.inWords).toMatch(/= 0\.55|= 55/);
  });

  test("the change in cost: each named total it subtracts, with its value and cell", async () => {
    const { wb, host } = await run();
    wb.select(BACKTEST_SHEETS.comparison, at("BT_Cost_Change"));
    const e = await explainActiveCell(host);
    expect(e.formula).toBe("=BT_Cost_proposed-BT_Cost_current");
    // 90,000 - 82,500 = 7,500.
    const text = JSON.stringify(e);
    expect(text).toContain(`Plan Comparison!${at("BT_Cost_proposed")}`);
    expect(text).toContain(`Plan Comparison!${at("BT_Cost_current")}`);
    expect(text).not.toContain("not found");
  });
});
