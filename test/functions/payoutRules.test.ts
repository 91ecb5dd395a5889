import fc from "fast-check";
import { dateSerial } from "../../src/core/dates";
import { allocate } from "../../src/core/allocate";
import { dec, Money, sumExact } from "../../src/core/money";
import { splitCreditFast } from "../../src/core/payoutRules/splitCredit";
import { payout } from "../../src/functions/payout";
import { clawback, draw, DRAW_HEADERS, prorate, runningPayout, splitCredit } from "../../src/functions/payoutRules";
import { BLANKS, col, errorOf } from "./helpers";

/** Tiers on money: 3% to 300k, 5% to 500k, 7% above (domain.md's example). */
const MONEY = [
  [0, 0.03],
  [300000, 0.05],
  [500000, 0.07],
];
const ACCEL = [
  [0, 1],
  [1, 1.5],
  [1.25, 2],
];
const flat = (m: unknown) => (m as unknown[][]).map((r) => r[0]);
const exactSum = (values: unknown[]) => sumExact(values.filter((v): v is number => typeof v === "number"));

describe("COMP.RUNNING_PAYOUT", () => {
  test("a credit that crosses two tiers pays each slice at its own rate", () => {
    // row 1: 250,000 x 3% = 7,500
    // row 2: running 250k -> 550k: 50,000 x 3% + 200,000 x 5% + 50,000 x 7% = 1,500 + 10,000 + 3,500 = 15,000
    // row 3: running 550k -> 650k: 100,000 x 7% = 7,000
    const rows = runningPayout(col(250000, 300000, 100000), 1, MONEY);
    expect(rows).toEqual([[7500], [15000], [7000]]);
    // 7,500 + 15,000 + 7,000 = 29,500 = PAYOUT(650,000) = 9,000 + 10,000 + 10,500
    expect(exactSum(flat(rows)).toNumber()).toBe(29500);
    expect(payout(650000, 1, MONEY)).toEqual([[29500]]);
  });

  test("RETRO: the row that crosses a tier carries the true-up; a reversal below it takes it back", () => {
    // row 1: 250,000 x 3% = 7,500
    // row 2: 550,000 x 7% - 7,500 = 38,500 - 7,500 = 31,000 (300,000 x 7% = 21,000 plus the
    //        true-up on the 250,000 before it, 250,000 x (7% - 3%) = 10,000)
    // row 3: a reversal of 100,000 drops to 450,000: 450,000 x 5% - 38,500 = 22,500 - 38,500 = -16,000
    const rows = runningPayout(col(250000, 300000, -100000), 1, MONEY, null, "RETRO");
    expect(rows).toEqual([[7500], [31000], [-16000]]);
    expect(exactSum(flat(rows)).toNumber()).toBe(22500);
  });

  test("start: the measure booked before the first row (start-of-year values)", () => {
    // 280,000 already booked; 40,000 more: f(320,000) - f(280,000)
    //   = (9,000 + 20,000 x 5%) - 280,000 x 3% = 10,000 - 8,400 = 1,600
    expect(runningPayout(col(40000), 1, MONEY, 280000)).toEqual([[1600]]);
  });

  test("on attainment with a target incentive: the rows add up to PAYOUT of the total", () => {
    // 50,000 x f(0.6) = 30,000; f(1.1) = 1 + 0.1 x 1.5 = 1.15 -> 57,500 - 30,000 = 27,500;
    // f(1.3) = 1.475 -> 73,750 - 57,500 = 16,250
    expect(runningPayout(col(0.6, 0.5, 0.2), 50000, ACCEL)).toEqual([[30000], [27500], [16250]]);
  });

  test("threshold and cap apply to the running measure", () => {
    // threshold 0.5: row 1 (0.4) pays nothing; row 2 reaches 0.6 and pays all of f(0.6) = 0.6
    // cap 1.2: f(1.3) = 1.475 is capped to 1.2, so row 3 pays 1.2 - 0.6 = 0.6 only
    expect(runningPayout(col(0.4, 0.2, 0.7), 1000, ACCEL, 0, "MARGINAL", 0.5, 1.2)).toEqual([[0], [600], [600]]);
  });

  test("blank rows stay blank and pay nothing, in every blank form", () => {
    for (const b of BLANKS) expect(runningPayout(col(250000, b, 300000), 1, MONEY)).toEqual([[7500], [""], [15000]]);
  });

  describe("errors name the argument and the row", () => {
    const err = (...args: unknown[]) => errorOf((runningPayout as (...a: unknown[]) => unknown)(...args));
    test("text among the amounts", () =>
      expect(err(col(1, "x"), 1, MONEY).message).toBe('amounts row 2 is the text "x"; enter a number.'));
    test("two columns of amounts", () =>
      expect(err([[1, 2]], 1, MONEY).message).toBe("amounts has 2 columns; give one column, in order."));
    test("blank target incentive", () =>
      expect(err(col(1), null, MONEY).message).toBe("target_incentive is blank; enter a number."));
    test("negative target incentive", () => expect(err(col(1), -1, MONEY).code).toBe("#NUM!"));
    test("bad tiers", () =>
      expect(
        err(col(1), 1, [
          [0, 1],
          [0, 2],
        ]).message,
      ).toContain("tiers row 2"));
    test("a range for start", () =>
      expect(err(col(1), 1, MONEY, [[1], [2]]).message).toBe("start must be a single value, not a range."));
  });

  test("property: the rows telescope to target_incentive x (f(start + total) - f(start)), as PAYOUT gives them", () => {
    const cents = fc.integer({ min: -5_000_000, max: 20_000_000 }).map((c) => c / 100);
    fc.assert(
      fc.property(
        fc.array(cents, { minLength: 1, maxLength: 30 }),
        cents,
        fc.constantFrom("MARGINAL", "RETRO"),
        (amounts, start, mode) => {
          const rows = flat(runningPayout(col(...amounts), 1, MONEY, start, mode)) as number[];
          const total = sumExact([start, ...amounts]).toNumber();
          const end = (payout(total, 1, MONEY, mode) as number[][])[0][0];
          const begin = (payout(start, 1, MONEY, mode) as number[][])[0][0];
          expect(exactSum(rows).eq(dec(end).minus(begin))).toBe(true);
          // Each prefix too: row by row the cumulative sum is PAYOUT of the running measure.
          let running = dec(start);
          let paid = dec(0);
          amounts.forEach((a, i) => {
            running = running.plus(a);
            paid = paid.plus(rows[i]);
            expect(paid.eq(dec((payout(running.toNumber(), 1, MONEY, mode) as number[][])[0][0]).minus(begin))).toBe(
              true,
            );
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("COMP.SPLIT_CREDIT", () => {
  test("thirds of 100 leave a cent to place: it goes to the first of the tied remainders", () => {
    // 100 x 1/3 = 33.333...; three parts of 33.33 make 99.99, the cent left goes to the first
    const third = 1 / 3;
    expect(splitCredit(100, col(third, third, third))).toEqual([[33.34], [33.33], [33.33]]);
  });
  test("60/40 of 12,345.67: the cent goes to the larger remainder", () => {
    // 12,345.67 x 0.6 = 7,407.402 and x 0.4 = 4,938.268: whole cents 7,407.40 + 4,938.26 = 12,345.66;
    // the cent left goes to the larger remainder (0.8 of a cent, the second part): 4,938.27.
    expect(splitCredit(12345.67, col(0.6, 0.4))).toEqual([[7407.4], [4938.27]]);
  });
  test("overlay credit: shares summing above 1 credit more than the deal, on purpose", () => {
    // AE 100%, SE overlay 100%, SDR 10%: 1,000 x 2.1 = 2,100 in all
    expect(splitCredit(1000, col(1, 1, 0.1))).toEqual([[1000], [1000], [100]]);
  });
  test("a reversal splits the same way, negated", () => {
    const third = 1 / 3;
    expect(splitCredit(-100, col(third, third, third))).toEqual([[-33.34], [-33.33], [-33.33]]);
  });
  test("decimals: whole units, and blank shares stay blank", () => {
    // 1,000 x 0.5 = 500, 1,000 x 0.25 = 250 twice; rounded to units
    expect(splitCredit(1001, col(0.5, null, 0.25, 0.25), 0)).toEqual([[501], [""], [250], [250]]);
    // 1,001 x 1 = 1,001 units: 500.5, 250.25, 250.25 -> 500 + 250 + 250 = 1,000, the unit left to 500.5
  });
  test("the parts add up exactly to amount x sum(shares), rounded", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 100),
        fc.array(
          fc.integer({ min: 0, max: 1000 }).map((s) => s / 1000),
          { minLength: 1, maxLength: 8 },
        ),
        (amount, shares) => {
          const parts = flat(splitCredit(amount, col(...shares))) as number[];
          const whole = dec(amount).times(sumExact(shares)).toDecimalPlaces(2, Money.ROUND_HALF_UP);
          expect(sumExact(parts).eq(whole)).toBe(true);
          // each part is within a cent of its share of the rounded total, which is within half a
          // cent of amount x sum(shares): so within 1.5 cents of amount x share
          parts.forEach((p, i) => expect(Math.abs(p - amount * shares[i])).toBeLessThan(0.015 + 1e-6));
        },
      ),
      { numRuns: 300 },
    );
  });
  describe("errors", () => {
    const err = (...args: unknown[]) => errorOf((splitCredit as (...a: unknown[]) => unknown)(...args));
    test("a negative share names its row", () =>
      expect(err(100, col(0.5, -0.5)).message).toBe("shares row 2 is negative (-0.5); it must be 0 or more."));
    test("decimals not whole", () => expect(err(100, col(1), 1.5).code).toBe("#NUM!"));
    test("no shares", () => expect(err(100, col(null, null)).code).toBe("#N/A"));
    test("blank amount", () => expect(err(null, col(1)).message).toBe("amount is blank; enter a number."));
  });
});

/** The quarters of 2026 as two columns of serials. */
const QUARTERS = [
  [dateSerial(2026, 1, 1), dateSerial(2026, 3, 31)],
  [dateSerial(2026, 4, 1), dateSerial(2026, 6, 30)],
  [dateSerial(2026, 7, 1), dateSerial(2026, 9, 30)],
  [dateSerial(2026, 10, 1), dateSerial(2026, 12, 31)],
];
const SEASONAL = col(0.2, 0.3, 0.3, 0.2);

describe("COMP.PRORATE", () => {
  test("a joiner mid-quarter by days, with uneven weights", () => {
    // Starts 16 May. Q2 has 30 + 31 + 30 = 91 days; in the plan 16 May to 30 June = 16 + 30 = 46.
    // Q1: 0; Q2: 1,200,000 x 0.3 x 46 / 91 = 16,560,000 / 91 = 181,978.02197...; Q3: 360,000; Q4: 240,000
    const rows = flat(prorate(1200000, QUARTERS, dateSerial(2026, 5, 16), null, SEASONAL));
    expect(rows).toEqual([0, 16560000 / 91, 360000, 240000]);
  });
  test("the same joiner by whole months: May is not whole, so Q2 counts June only", () => {
    // Q2: 1,200,000 x 0.3 x 1 / 3 = 120,000
    expect(flat(prorate(1200000, QUARTERS, dateSerial(2026, 5, 16), null, SEASONAL, "MONTHS"))).toEqual([
      0, 120000, 360000, 240000,
    ]);
  });
  test("a leaver mid-quarter, by days and by months; equal weights by default", () => {
    // Leaves 15 August: Q3 has 92 days, in the plan 1 July to 15 August = 31 + 15 = 46: half.
    // Equal weights: 100,000 / 4 = 25,000 a quarter; Q3 25,000 x 46 / 92 = 12,500; Q4 0
    expect(flat(prorate(100000, QUARTERS, dateSerial(2026, 1, 1), dateSerial(2026, 8, 15)))).toEqual([
      25000, 25000, 12500, 0,
    ]);
    // By months: July only of Q3's three: 25,000 / 3 = 8,333.33...
    expect(flat(prorate(100000, QUARTERS, dateSerial(2026, 1, 1), dateSerial(2026, 8, 15), null, "MONTHS"))).toEqual([
      25000,
      25000,
      25000 / 3,
      0,
    ]);
  });
  test("a full year in the plan gives the weights back exactly", () => {
    expect(flat(prorate(1000, QUARTERS, dateSerial(2026, 1, 1), null, SEASONAL))).toEqual([200, 300, 300, 200]);
  });
  test("trailing blank rows of the periods stay blank", () => {
    expect(flat(prorate(400, [...QUARTERS, [null, null]], dateSerial(2026, 1, 1)))).toEqual([100, 100, 100, 100, ""]);
  });
  describe("errors name the argument", () => {
    const err = (...args: unknown[]) => errorOf((prorate as (...a: unknown[]) => unknown)(...args));
    test("start after end: #NUM! naming end_date", () => {
      const e = err(1, QUARTERS, dateSerial(2026, 6, 1), dateSerial(2026, 5, 1));
      expect(e.code).toBe("#NUM!");
      expect(e.message).toContain("end_date");
    });
    test("start outside the periods: #NUM! naming start_date", () =>
      expect(err(1, QUARTERS, dateSerial(2025, 12, 1)).message).toContain("start_date"));
    test("end outside the periods: #NUM! naming end_date", () =>
      expect(err(1, QUARTERS, dateSerial(2026, 1, 1), dateSerial(2027, 1, 1)).message).toContain("end_date"));
    test("weights not adding up to 1", () =>
      expect(err(1, QUARTERS, dateSerial(2026, 1, 1), null, col(0.3, 0.3, 0.3, 0.3)).message).toBe(
        "weights add up to 1.2; they must add up to 1 (leave them out for equal shares).",
      ));
    test("periods with a gap", () => {
      const gap = [QUARTERS[0], [QUARTERS[1][0] + 1, QUARTERS[1][1]]];
      expect(err(1, gap, QUARTERS[0][0]).message).toContain("periods row 2 starts on");
    });
    test("weeks by months", () =>
      expect(
        err(1, [[dateSerial(2026, 1, 5), dateSerial(2026, 1, 11)]], dateSerial(2026, 1, 5), null, null, "MONTHS")
          .message,
      ).toContain('use basis "DAYS"'));
    test("dates in the messages are dates, and a number that is no date is named", () => {
      expect(err(1, QUARTERS, dateSerial(2025, 12, 1)).message).toBe(
        "start_date 2025-12-01 is outside the periods (2026-01-01 to 2026-12-31); give a date inside them.",
      );
      expect(err(1, QUARTERS, dateSerial(2026, 6, 1), dateSerial(2026, 5, 1)).message).toBe(
        "end_date 2026-05-01 is before start_date 2026-06-01; check the dates.",
      );
      expect(err(1, QUARTERS, -5).message).toBe(
        "start_date is -5, which is not a date: Excel's dates run from 0 to 2,958,465 (9999-12-31); enter the date.",
      );
      expect(err(1, [[-1e12, 3]], 1).message).toMatch(
        /^periods row 1, column 1 is -1,000,000,000,000, which is not a date/,
      );
    });
    test("one column of periods", () => expect(err(1, col(1, 2), 1).message).toContain("give two columns"));
  });
});

describe("COMP.DRAW", () => {
  /** Draw of 5,000 for six months, none after; earnings short in months 1, 2 and 4. */
  const EARNED = col(3000, 4000, 5000, 2000, 6000, 5000, 3000, 8000);
  const DRAWS = col(5000, 5000, 5000, 5000, 5000, 5000, null, null);

  test("a recoverable draw over six months, the shortfall repaid over two later months", () => {
    // m1: 3,000 < 5,000: paid 5,000, top-up 2,000, owed 2,000
    // m2: top-up 1,000, owed 3,000.  m3: 5,000 = draw: nothing above it to recover.
    // m4: top-up 3,000, owed 6,000.  m5: 6,000 - 5,000 = 1,000 above the draw recovered, owed 5,000.
    // m6: 5,000: nothing above the draw.  m7 (no draw): 3,000 recovered, paid 0, owed 2,000.
    // m8: 2,000 recovered of 8,000, paid 6,000, owed 0.
    expect(draw(EARNED, DRAWS)).toEqual([
      [...DRAW_HEADERS],
      [1, 3000, 5000, 2000, 0, 5000, 2000],
      [2, 4000, 5000, 1000, 0, 5000, 3000],
      [3, 5000, 5000, 0, 0, 5000, 3000],
      [4, 2000, 5000, 3000, 0, 5000, 6000],
      [5, 6000, 5000, 0, 1000, 5000, 5000],
      [6, 5000, 5000, 0, 0, 5000, 5000],
      [7, 3000, 0, 0, 3000, 0, 2000],
      [8, 8000, 0, 0, 2000, 6000, 0],
    ]);
  });
  test("the same with a 50% recovery limit: at most half of a period's earnings repays", () => {
    // m5: min(owed 6,000, above the draw 1,000, half of 6,000) = 1,000, owed 5,000
    // m7: min(5,000, 3,000, 1,500) = 1,500, paid 1,500, owed 3,500
    // m8: min(3,500, 8,000, 4,000) = 3,500, paid 4,500, owed 0
    const t = draw(EARNED, DRAWS, true, 0.5) as unknown[][];
    expect(t.slice(5).map((r) => r.slice(4))).toEqual([
      [1000, 5000, 5000],
      [0, 5000, 5000],
      [1500, 1500, 3500],
      [3500, 4500, 0],
    ]);
  });
  test("a guarantee (not recoverable): the top-up is never owed", () => {
    // m1: paid the guarantee 5,000, top-up 2,000; m2: 7,000 paid in full, nothing recovered
    expect(draw(col(3000, 7000), 5000, false)).toEqual([
      [...DRAW_HEADERS],
      [1, 3000, 5000, 2000, 0, 5000, 0],
      [2, 7000, 5000, 0, 0, 7000, 0],
    ]);
  });
  test("an opening balance is repaid from earnings above the draw", () => {
    // owed 1,000 at the start; m1: 6,500 - 5,000 = 1,500 above the draw, 1,000 recovered
    expect((draw(col(6500), 5000, true, null, 1000) as unknown[][])[1]).toEqual([1, 6500, 5000, 0, 1000, 5500, 0]);
  });
  test("trailing blank rows of the selection stay blank; a blank inside is a period with nothing earned", () => {
    const t = draw(col(null, 6000, null), 1000) as unknown[][];
    // m1: nothing earned, the draw 1,000 paid, owed 1,000; m2: 1,000 recovered of the 5,000 above
    expect(t).toEqual([
      [...DRAW_HEADERS],
      [1, 0, 1000, 1000, 0, 1000, 1000],
      [2, 6000, 1000, 0, 1000, 5000, 0],
      ["", "", "", "", "", "", ""],
    ]);
  });
  describe("errors", () => {
    const err = (...args: unknown[]) => errorOf((draw as (...a: unknown[]) => unknown)(...args));
    test("a negative draw names its row", () =>
      expect(err(col(1, 2), col(5, -5)).message).toBe("draw row 2 is negative (-5); it must be 0 or more."));
    test("draw rows differ from earnings", () =>
      expect(err(col(1, 2), col(5, 5, 5)).message).toContain("draw has 3 row(s) but earnings has 2"));
    test("recoverable as text", () =>
      expect(err(col(1), 1, "yes").message).toBe('recoverable is the text "yes"; enter TRUE or FALSE.'));
    test("recovery limit above 1", () => expect(err(col(1), 1, true, 1.5).code).toBe("#NUM!"));
  });
});

describe("COMP.CLAWBACK", () => {
  test("inside the window, prorated: the unearned part of the term", () => {
    // 12-month contract cancelled after 3 months, window 6: 1,200 x (12 - 3) / 12 = 900 reversed
    expect(clawback(1200, 3, 12, null, 6)).toEqual([[-900]]);
  });
  test("after the window nothing is clawed back", () => {
    expect(clawback(1200, 6, 12, null, 6)).toEqual([[0]]);
    // default window = term: 11 months kept of 12 still claws 1,200 x 1 / 12 = 100; 12 kept: 0
    expect(clawback(1200, col(11, 12), 12)).toEqual([[-100], [0]]);
  });
  test('"FULL" and a share', () => {
    expect(clawback(1200, 3, 12, "full")).toEqual([[-1200]]);
    expect(clawback(1200, 3, 12, 0.5)).toEqual([[-600]]);
  });
  test("a column of deals spills; blank rows stay blank", () => {
    expect(clawback(col(1200, null, 600), col(3, null, 0), 12)).toEqual([[-900], [""], [-600]]);
  });
  describe("errors", () => {
    const err = (...args: unknown[]) => errorOf((clawback as (...a: unknown[]) => unknown)(...args));
    test("a term of 0", () =>
      expect(errorOf((clawback(1, 1, 0) as unknown[][])[0][0]).message).toBe("term_months is 0; it must be above 0."));
    test("a share above 1", () => expect(err(1, 1, 12, 1.5).message).toBe("method is 1.5; it must be from 0 to 1."));
    test("an unknown method", () =>
      expect(err(1, 1, 12, "HALF").message).toBe('method is "HALF"; use "PRORATED" or "FULL".'));
    test("a negative commission names its row", () => {
      const out = clawback(col(1, -1), 1, 12) as unknown[][];
      expect(errorOf(out[1][0]).message).toBe("commission row 2 is negative (-1); it must be 0 or more.");
    });
  });
});

describe("SPLIT_CREDIT's integer path", () => {
  test("gives the same parts as the decimal largest-remainder allocation", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }).map((c) => c / 100),
        fc.array(
          fc.integer({ min: 0, max: 10000 }).map((s) => s / 10000),
          { minLength: 1, maxLength: 8 },
        ),
        fc.integer({ min: 2, max: 4 }),
        (amount, shares, decimals) => {
          const fast = splitCreditFast(amount, shares, decimals);
          // too long for integers in doubles: the decimal path answers (fast-check counts the skips)
          fc.pre(fast !== undefined);
          const sum = sumExact(shares);
          const expected = sum.isZero()
            ? shares.map(() => 0)
            : allocate(
                dec(amount).times(sum).toDecimalPlaces(decimals, Money.ROUND_HALF_UP),
                shares,
                dec(10).pow(-decimals),
              ).map((d) => d.toNumber() + 0);
          expect(fast).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
