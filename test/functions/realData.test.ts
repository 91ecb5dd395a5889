import fc from "fast-check";
import { conversion, kpiBonus, revenueConcentration, salesCycle } from "../../src/functions/kpis";
import { payout, payoutExplain } from "../../src/functions/payout";
import { col, errorOf } from "./helpers";

const ACCEL = [
  [0, 1],
  [1, 1.5],
  [1.25, 2],
];

/** An Excel error value as the custom-functions runtime passes it in a range. */
const excelError = (code: string) => ({ code, message: "" });

/** The Payout column of a PAYOUT_EXPLAIN table, without the header and the total. */
const payoutRows = (table: unknown[][]) => table.slice(1, -1).map((r) => r[5] as number);
/** Adds numbers one after the other in doubles, as Excel's SUM adds a column. */
const sumAsExcel = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe("KPI_BONUS without tiers honours threshold, cap and mode", () => {
  test("cap 1.5: attainment 3 on a 1,000 component pays 1,500, not 3,000", () => {
    // linear: 3 x 1 x 1,000 = 3,000; capped at 1.5 x 1,000 = 1,500.
    expect(kpiBonus(col(3), col(1), 1000, null, null, null, 1.5)).toBe(1500);
  });
  test("threshold 0.5: a component at 40% pays nothing, one at 120% pays in full", () => {
    // 0.4 < 0.5 -> 0; 1.2 x 0.5 x 1,000 = 600.
    expect(kpiBonus(col(0.4, 1.2), col(0.5, 0.5), 1000, null, null, 0.5)).toBe(600);
  });
  test("mode is read and checked even without tiers (one linear tier: MARGINAL and RETRO agree)", () => {
    expect(kpiBonus(col(1.2), col(1), 1000, null, "RETRO")).toBe(1200);
    expect(errorOf(kpiBonus(col(1.2), col(1), 1000, null, "CUMULATIVE")).message).toBe(
      'mode is "CUMULATIVE"; use "MARGINAL" or "RETRO".',
    );
    expect(errorOf(kpiBonus(col(1.2), col(1), 1000, null, null, null, 0)).message).toBe(
      "cap is 0; it must be above 0 (leave it out for no cap).",
    );
  });
});

describe("PAYOUT_EXPLAIN: never Infinity, and rows that add up as Excel adds them", () => {
  test("beyond Excel's number range it is #NUM!, as PAYOUT is", () => {
    expect(errorOf((payout(1e300, 1e10, ACCEL) as unknown[][])[0][0]).code).toBe("#NUM!");
    const e = errorOf(payoutExplain(1e300, 1e10, ACCEL));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toContain("beyond Excel's number range");
  });

  test("a realistic plan whose rows, added in doubles, miss the total: the residue is a visible line", () => {
    const tiers = [
      [0, 0.5],
      [0.8, 1],
      [1.1, 1.7],
      [1.5, 2.3],
    ];
    // 94,078.75 x (0.8 x 0.5 + 0.3 x 1 + 0.4 x 1.7 + 0.1618 x 2.3) = 164,839.141025 exactly, but
    // 37,631.5 + 28,223.625 + 63,973.55 + 35,010.466025 in doubles is 164,839.14102500002.
    const table = payoutExplain(1.6618, 94078.75, tiers, null, 0.5, 2.5) as unknown[][];
    const total = table.at(-1)![5] as number;
    expect(total).toBe((payout(1.6618, 94078.75, tiers, null, 0.5, 2.5) as number[][])[0][0]);
    expect(total).toBe(164839.141025);
    const rounding = table.find((r) => r[0] === "Rounding")!;
    expect(rounding[4]).toBe("the rows above, added as Excel adds them, differ from the exact total by this");
    expect(rounding[5]).not.toBe(0);
    expect(sumAsExcel(payoutRows(table))).toBe(total);
  });

  test("no rounding line when the rows already add up; a cap not reached adjusts by exactly 0", () => {
    const table = payoutExplain(1.3, 50000, ACCEL, null, 0.5, 1.4) as unknown[][];
    expect(table.some((r) => r[0] === "Rounding")).toBe(false);
    // Not capped (cap 9x): the cap row is 0, never the double's rounding of the total (-4.8E-8).
    const tiers = [
      [0, 0.537],
      [0.8, 1.13],
      [1.1, 1.777],
    ];
    const uncapped = payoutExplain(2.5074, 331651537.26, tiers, null, null, 9) as unknown[][];
    expect(uncapped.find((r) => r[0] === "Cap")!.slice(4)).toEqual(["not reached", 0]);
    expect(sumAsExcel(payoutRows(uncapped))).toBe(uncapped.at(-1)![5]);
  });

  test("property: for plans at cents, the rows add up exactly to the total, which equals PAYOUT", () => {
    const cents = fc.integer({ min: 0, max: 50_000_000 }).map((n) => n / 100);
    const ratio = fc.integer({ min: 0, max: 40_000 }).map((n) => n / 10_000);
    const curve = fc.record({
      gaps: fc.array(
        fc.integer({ min: 1, max: 8000 }).map((n) => n / 10_000),
        { minLength: 1, maxLength: 5 },
      ),
      rates: fc.array(
        fc.integer({ min: 0, max: 3000 }).map((n) => n / 1000),
        { minLength: 5, maxLength: 5 },
      ),
      mode: fc.constantFrom("MARGINAL", "RETRO"),
      threshold: fc.option(
        fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
        { nil: null },
      ),
      cap: fc.option(
        fc.integer({ min: 1, max: 400 }).map((n) => n / 100),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(ratio, cents, curve, (a, ti, c) => {
        let lower = 0;
        const tiers = c.gaps.map((g, i) => {
          const row = [lower, c.rates[i]];
          lower = Math.round((lower + g) * 10_000) / 10_000;
          return row;
        });
        const table = payoutExplain(a, ti, tiers, c.mode, c.threshold, c.cap) as unknown[][];
        const total = table.at(-1)![5] as number;
        expect(total).toBe((payout(a, ti, tiers, c.mode, c.threshold, c.cap) as number[][])[0][0]);
        expect(sumAsExcel(payoutRows(table))).toBe(total);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("REVENUE_CONCENTRATION: an error in an account cell is an error naming the row", () => {
  test("two #N/A accounts are not merged into one account", () => {
    // Without the check, 600 + 300 under one "account" would be 90% of 1,000.
    const e = errorOf(revenueConcentration(col(100, 600, 300), col("Acme", excelError("#N/A"), excelError("#N/A"))));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe("input accounts row 2 is the error #N/A; fix that cell first.");
  });
});

describe("RETRO with a negative first bound", () => {
  test("is refused: the whole measure at the tier's rate would pay a negative amount no cap bounds", () => {
    const tiers = [
      [-1, 1],
      [1, 2],
    ];
    const e = errorOf(payout(-0.5, 1000, tiers, "RETRO"));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toBe(
      "tiers row 1: lower bound -1 is below 0; RETRO pays the whole measure at the tier's rate, so a negative measure would pay a negative amount. Start the first tier at 0 or more, or use MARGINAL.",
    );
    // MARGINAL pays the slice above the bound, never less than 0: 0.5 x 1 x 1,000 = 500.
    expect(payout(-0.5, 1000, tiers)).toEqual([[500]]);
  });
});

describe("numbers and dates in messages are written for people", () => {
  test("a conversion total is shown as Excel shows it, not as 33000000.000000004", () => {
    // The advanced total is the double 33000000.000000004 (a sum of doubles, as real data gives).
    const e = errorOf(conversion(col(10000000, 20000000), col(33000000.000000004)));
    expect(e.message).toBe(
      "advanced sums to 33,000,000, more than entered (30,000,000); a stage cannot convert more than entered it.",
    );
  });
  test("a negative amount is shown with grouping and at most 15 significant digits", () => {
    const e = errorOf(revenueConcentration(col(-1234567.1000000001), col("Acme")));
    expect(e.message).toBe("amounts row 1 is negative (-1,234,567.1); it must be 0 or more.");
  });
  test("SALES_CYCLE names the dates as dates", () => {
    const e = errorOf(salesCycle(col(46023, 46050), col(46030, 46040)));
    expect(e.message).toBe(
      "close_dates row 2: close date 2026-01-18 is before start date 2026-01-28; check the dates.",
    );
  });
});
