import { BACKTEST_TABLES } from "../../../src/wizard/backtest/backtestLayout";
import { runBacktestStep } from "../../../src/wizard/backtest/runBacktestStep";
import { book, d, plan, rolePlan, rowsOf, settings } from "./fixtures";

// One AE, quota 10,000 a month (120,000 a year), target incentive 60,000, marginal 1x to 100%
// and 1.5x above, attainment running. January books 150,000: 125% of the year's quota, paid
// 60,000 x 1 + 60,000 x 1.5 x 0.25 = 82,500. February reverses 60,000: back to 75%, paid
// 45,000 in all, so February earns -37,500: the tier above 100% gives back 0.25 x 1.5 x 60,000
// = 22,500 and the first tier 0.25 x 60,000 = 15,000.
const deals = [
  ["D1", "R1", "Won", d(1, 15), 150000, "", "", "", ""],
  ["D2", "R1", "Won", d(2, 10), -60000, "", "", "", ""],
];
const people = [["R1", "AE", "", "", 10000, ""]];

describe("Statements: the tier slices of a period's move along the curve", () => {
  test("a period that moves down the curve shows negative slices on the tiers it leaves, adding up to its commission", async () => {
    const { wb, host } = book(deals, people);
    await runBacktestStep(host, settings(plan("Current", [rolePlan("AE")]), plan("Proposed", [rolePlan("AE")])));
    const lines = rowsOf(wb, BACKTEST_TABLES.statements);
    const tiers = (k: number) =>
      lines.filter((l) => l.Period === k && l.Line === "Tier").map((l) => [l.Item, l.Credit, l.Rate, l.Amount]);
    expect(tiers(1)).toEqual([
      ["Tier from 0%", 1, 1, 60000],
      ["Tier from 100%", 0.25, 1.5, 22500],
    ]);
    expect(tiers(2)).toEqual([
      ["Tier from 0%", -0.25, 1, -15000],
      ["Tier from 100%", -0.25, 1.5, -22500],
    ]);
    const ledger = rowsOf(wb, BACKTEST_TABLES.ledger).filter((r) => r.Plan === "Proposed");
    for (const k of [1, 2]) {
      const sum = tiers(k).reduce((t, r) => t + (r[3] as number), 0);
      expect(sum).toBeCloseTo(ledger.find((r) => r.Period === k)!.Earned as number, 9);
    }
  });
});
