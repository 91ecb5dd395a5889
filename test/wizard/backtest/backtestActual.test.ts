import { BACKTEST_SHEETS, BACKTEST_TABLES } from "../../../src/wizard/backtest/backtestLayout";
import { copyPlan } from "../../../src/wizard/backtest/backtestSettings";
import { runBacktestStep } from "../../../src/wizard/backtest/runBacktestStep";
import { book, d, plan, rolePlan, rowsOf, settings } from "./fixtures";

const aePlan = plan("Current", [rolePlan("AE", { drawAmount: 1000, draw: { recoverable: false, recoveryLimit: 1 } })]);
const deals = [["D1", "a1", "Won", d(3, 5), 60000, "", "", "", ""]];
const people = [["a1", "AE", "", "", 50000, ""]];
const paid = { sheet: "Paid", table: "Paid", headers: ["Rep", "Paid"], rows: [["a1", 15000]] };

describe("back-test: the actual payouts table as the pane stores it", () => {
  test("a column the table lacks is named, and nothing is written", async () => {
    const { wb, host } = book(deals, people, [paid]);
    await expect(
      runBacktestStep(
        host,
        settings(aePlan, copyPlan(aePlan, "Proposed"), { actual: { table: "Paid", person: "Rep", amount: "Amount" } }),
      ),
    ).rejects.toThrow(
      '1 problem(s) in the actual payouts; fix them, then run again. Table Paid has no column "Amount" (the amount paid); choose another.',
    );
    for (const name of Object.values(BACKTEST_SHEETS)) expect(wb.hasSheet(name)).toBe(false);
  });

  test("model minus actual with a role's draw: the guarantee counts in what the model pays", async () => {
    const { wb, host } = book(deals, people, [paid]);
    await runBacktestStep(
      host,
      settings(aePlan, copyPlan(aePlan, "Proposed"), { actual: { table: "Paid", person: "rep", amount: "paid" } }),
    );
    // a1's blank draw cell takes the role's 1,000 a month, a guarantee. March earns
    // 60,000 / 600,000 x 60,000 = 6,000 (over the draw, so paid as earned); the other 11 months
    // earn nothing and are topped up to 1,000: 6,000 + 11 x 1,000 = 17,000. Actually paid 15,000.
    const rows = rowsOf(wb, BACKTEST_TABLES.comparison);
    expect(rows.map((r) => [r["Person"], r["Pay current"], r["Actual paid"], r["Model minus actual"]])).toEqual([
      ["a1", 17000, 15000, 2000],
    ]);
  });
});
