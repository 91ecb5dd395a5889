import {
  attainmentShare,
  avgDealSize,
  commissionRate,
  conversion,
  costOfSales,
  kpiBonus,
  payMix,
  revenueConcentration,
  salesCycle,
} from "../../src/functions/kpis";
import { BLANKS, col, errorOf } from "./helpers";

describe("COMP.AVG_DEAL_SIZE", () => {
  const amounts = col(10000, 30000, 20000, 5000, null);
  const stages = col("Won", "Lost", "Closed Won", "Negotiation", "Won");
  test("all amounts: (10,000 + 30,000 + 20,000 + 5,000) / 4 = 16,250", () => {
    expect(avgDealSize(amounts)).toBe(16250);
  });
  test("won only: (10,000 + 20,000) / 2 = 15,000 (the blank won row has no amount)", () => {
    expect(avgDealSize(amounts, stages)).toBe(15000);
  });
  test("a given won label replaces the defaults: only 'Lost' rows -> 30,000", () => {
    expect(avgDealSize(amounts, stages, "lost")).toBe(30000);
  });
  test("exact decimals: (0.1 + 0.2) / 2 = 0.15", () => {
    expect(avgDealSize(col(0.1, 0.2))).toBe(0.15);
  });
  test.each(BLANKS)("no won deals (blank %p): #DIV/0! with a message", (b) => {
    const e = errorOf(avgDealSize(col(b, 100), col("Won", "Lost")));
    expect(e.code).toBe("#DIV/0!");
    expect(e.message).toBe("there are no won deals with an amount to average.");
  });
  test("text amount and mismatched shapes are refused", () => {
    expect(errorOf(avgDealSize(col(1, "x"))).message).toBe('amounts row 2 is the text "x"; enter a number.');
    expect(errorOf(avgDealSize(col(1, 2), col("Won"))).message).toContain("amounts is 2x1 but outcomes is 1x1");
  });
});

describe("COMP.SALES_CYCLE", () => {
  // 2026-01-01 is serial 46023.
  const starts = col(46023, 46023, 46030, null, 46040);
  const closes = col(46053, 46083, 46040, 46050, 46100);
  const stages = col("Won", "Lost", "Won", "Won", "Won");
  test("MEAN over rows with both dates: (30 + 60 + 10 + 60) / 4 = 40 days", () => {
    expect(salesCycle(starts, closes)).toBe(40);
  });
  test("MEDIAN: sorted 10, 30, 60, 60 -> (30 + 60) / 2 = 45", () => {
    expect(salesCycle(starts, closes, null, "median")).toBe(45);
  });
  test("won deals only: 30, 10, 60 -> mean 33.33..., median 30", () => {
    expect(salesCycle(starts, closes, stages)).toBeCloseTo(100 / 3, 12);
    expect(salesCycle(starts, closes, stages, "MEDIAN")).toBe(30);
  });
  test("close before start: #NUM! naming the row", () => {
    const e = errorOf(salesCycle(col(46023, 46050), col(46030, 46040)));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toBe(
      "close_dates row 2: close date 2026-01-18 is before start date 2026-01-28; check the dates.",
    );
  });
  test("a number that is no date (the fuzz test's -99974431, a year past 9999): #NUM! naming the cell", () => {
    // Before: isoDate threw "Invalid time value" writing the close-before-start message.
    const e = errorOf(salesCycle(col(0), col(-99974431.00000001)));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toBe(
      "close_dates is -99,974,431, which is not a date: Excel's dates run from 0 to 2,958,465 (9999-12-31); enter the date.",
    );
    expect(errorOf(salesCycle(col(46023, 2958466), col(46030, 2958470))).message).toMatch(
      /^start_dates row 2 is 2,958,466/,
    );
    expect(salesCycle(col(0), col(2958465.5))).toBe(2958465.5); // both ends of Excel's dates are dates
  });
  test("unknown statistic and no complete rows", () => {
    expect(errorOf(salesCycle(starts, closes, null, "MODE")).message).toBe(
      'statistic is "MODE"; use "MEAN" or "MEDIAN".',
    );
    expect(errorOf(salesCycle(col(null), col(46000))).code).toBe("#DIV/0!");
  });
});

describe("COMP.CONVERSION", () => {
  test("(40 + 60) entered, (10 + 20) advanced: 30 / 100 = 0.3", () => {
    expect(conversion(col(40, 60), col(10, 20))).toBe(0.3);
  });
  test("nothing entered: #DIV/0!; more advanced than entered: #NUM!", () => {
    expect(errorOf(conversion(col(0, null), col(0))).code).toBe("#DIV/0!");
    const e = errorOf(conversion(col(10), col(11)));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toContain("advanced sums to 11, more than entered (10)");
  });
  test("negative counts are refused with the row", () => {
    expect(errorOf(conversion(col(10, -1), col(1))).message).toBe(
      "entered row 2 is negative (-1); it must be 0 or more.",
    );
  });
});

describe("COMP.REVENUE_CONCENTRATION", () => {
  // Acme 50 + 30 = 80, Beta 15, Core 5; total 100.
  const amounts = col(50, 15, 30, 5);
  const accounts = col("Acme", "Beta", " acme", "Core");
  test("TOP: Acme 80 / 100 = 0.8 (account keys trimmed, case-insensitive)", () => {
    expect(revenueConcentration(amounts, accounts)).toBe(0.8);
  });
  test("HHI: 0.8^2 + 0.15^2 + 0.05^2 = 0.64 + 0.0225 + 0.0025 = 0.665", () => {
    expect(revenueConcentration(amounts, accounts, "hhi")).toBe(0.665);
  });
  test("an amount with no account is refused; blank amounts are skipped", () => {
    expect(errorOf(revenueConcentration(col(5, 1), col("A", null))).message).toBe(
      "accounts row 2 has an amount but no account; fill in the account.",
    );
    expect(revenueConcentration(col(5, null), col("A", null))).toBe(1);
  });
  test("zero total: #DIV/0!", () => {
    expect(errorOf(revenueConcentration(col(0), col("A"))).code).toBe("#DIV/0!");
  });
});

describe("COMP.ATTAINMENT_SHARE", () => {
  const att = col(0.8, 1, 1.2, 0.95, null, 1.05);
  test("level 1 (default): 1, 1.2, 1.05 of 5 reps -> 3 / 5 = 0.6", () => {
    expect(attainmentShare(att)).toBe(0.6);
  });
  test("level 0.9: 1, 1.2, 0.95, 1.05 -> 4 / 5 = 0.8", () => {
    expect(attainmentShare(att, 0.9)).toBe(0.8);
  });
  test("no attainments: #DIV/0! saying there is nothing to count", () => {
    expect(errorOf(attainmentShare(col(null))).message).toBe("there are no attainments to count.");
  });
});

describe("COMP.COST_OF_SALES", () => {
  test("(120,000 + 30,000) / 2,500,000 = 0.06", () => {
    expect(costOfSales(col(120000, 30000), 2500000)).toBe(0.06);
  });
  test("no revenue: #DIV/0!", () => {
    expect(errorOf(costOfSales(1, col(0))).code).toBe("#DIV/0!");
  });
});

describe("COMP.COMMISSION_RATE and COMP.PAY_MIX", () => {
  test("commission rate: 60,000 / 600,000 = 0.1; ranges spill", () => {
    expect(commissionRate(60000, 600000)).toEqual([[0.1]]);
    expect(commissionRate(col(60000, 30000), col(600000, 400000))).toEqual([[0.1], [0.075]]);
  });
  test("pay mix: 70,000 / (70,000 + 30,000) = 0.7", () => {
    expect(payMix(70000, 30000)).toEqual([[0.7]]);
  });
  test("zero quota is #DIV/0! in its cell; a blank pair stays blank", () => {
    const out = commissionRate(col(1, null), col(0, null)) as unknown[][];
    expect(errorOf(out[0][0]).code).toBe("#DIV/0!");
    expect(out[1][0]).toBe("");
  });
  test("zero OTE is #DIV/0!; negative base is refused", () => {
    expect(errorOf((payMix(0, 0) as unknown[][])[0][0]).code).toBe("#DIV/0!");
    expect(errorOf((payMix(-1, 5) as unknown[][])[0][0]).message).toContain("negative (-1)");
  });
});

describe("COMP.KPI_BONUS", () => {
  const ACCEL = [
    [0, 1],
    [1, 1.5],
  ];
  test("linear without tiers: 10,000 x (0.5 x 1.1 + 0.3 x 0.8 + 0.2 x 1.0) = 10,000 x 0.99 = 9,900", () => {
    expect(kpiBonus(col(1.1, 0.8, 1), col(0.5, 0.3, 0.2), 10000)).toBe(9900);
  });
  test("with an accelerator above 100%: 5,000 x (1 + 1.5 x 0.2) + 3,000 x 0.8 + 2,000 x 1 = 6,500 + 2,400 + 2,000 = 10,900", () => {
    expect(kpiBonus(col(1.2, 0.8, 1), col(0.5, 0.3, 0.2), 10000, ACCEL)).toBe(10900);
  });
  test("threshold 0.9 zeroes the 80% component: 6,500 + 0 + 2,000 = 8,500; cap 1.1 (a multiple of the component's target) limits the first to 1.1 x 5,000 = 5,500 -> 7,500", () => {
    expect(kpiBonus(col(1.2, 0.8, 1), col(0.5, 0.3, 0.2), 10000, ACCEL, "MARGINAL", 0.9)).toBe(8500);
    expect(kpiBonus(col(1.2, 0.8, 1), col(0.5, 0.3, 0.2), 10000, ACCEL, "MARGINAL", 0.9, 1.1)).toBe(7500);
  });
  test("weights need not sum to 1: weights 1 and 1 on 1,000 at 100% -> 2,000", () => {
    expect(kpiBonus(col(1, 1), col(1, 1), 1000)).toBe(2000);
  });
  test("exact to the cent: 0.1 x 0.3 weights on 0.1 bonus sum without float drift", () => {
    expect(kpiBonus(col(1, 1), col(0.1, 0.2), 0.1)).toBe(0.03);
  });
  test("negative weight, blank attainment beside a weight and blank target bonus are refused", () => {
    expect(errorOf(kpiBonus(col(1), col(-0.5), 100)).message).toBe(
      "weights row 1 is negative (-0.5); it must be 0 or more.",
    );
    expect(errorOf(kpiBonus(col(null, 1), col(0.5, 0.5), 100)).message).toContain("attainments row 1");
    expect(errorOf(kpiBonus(col(1), col(1), null)).message).toContain("target_bonus");
  });
});
