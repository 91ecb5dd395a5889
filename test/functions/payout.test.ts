import { payout, payoutExplain } from "../../src/functions/payout";
import { BLANKS, col, errorOf } from "./helpers";

const ACCEL = [
  [0, 1],
  [1, 1.5],
  [1.25, 2],
];
const MONEY = [
  [0, 0.03],
  [300000, 0.05],
  [500000, 0.07],
];

describe("COMP.PAYOUT", () => {
  test("MARGINAL at 130% on 50,000: 50,000 x (1x1 + 1.5x0.25 + 2x0.05) = 73,750", () => {
    expect(payout(1.3, 50000, ACCEL)).toEqual([[73750]]);
  });
  test("RETRO, case-insensitive: 50,000 x 2 x 1.3 = 130,000", () => {
    expect(payout(1.3, 50000, ACCEL, " retro ")).toEqual([[130000]]);
  });
  test("cap 1.4: 70,000", () => {
    expect(payout(1.3, 50000, ACCEL, null, null, 1.4)).toEqual([[70000]]);
  });
  test("money measure with percentage rates: 26,000 MARGINAL and 42,000 RETRO on 600,000", () => {
    expect(payout(600000, 1, MONEY)).toEqual([[26000]]);
    expect(payout(600000, 1, MONEY, "RETRO")).toEqual([[42000]]);
  });
  test("ranges spill row by row; target incentive may be a range too", () => {
    expect(payout(col(0.5, 1, 1.3), col(10000, 20000, 50000), ACCEL)).toEqual([[5000], [20000], [73750]]);
  });
  test("threshold: 0.49 pays 0, 0.5 pays in full", () => {
    expect(payout(col(0.49, 0.5), 1000, ACCEL, "MARGINAL", 0.5)).toEqual([[0], [500]]);
  });
  test("trailing blank rows of a selected tiers range are ignored, in every blank form", () => {
    for (const b of BLANKS) expect(payout(1.3, 50000, [...ACCEL, [b, b], [b, b]])).toEqual([[73750]]);
  });
  test("omitted optional arguments arrive as null or undefined and mean the defaults", () => {
    expect(payout(1.3, 50000, ACCEL, undefined, undefined, undefined)).toEqual([[73750]]);
    expect(payout(1.3, 50000, ACCEL, "", "", "")).toEqual([[73750]]);
  });

  describe("errors name the argument and the row", () => {
    const err = (...args: unknown[]) => errorOf((payout as (...a: unknown[]) => unknown)(...args));
    test("tiers not ascending: #NUM!", () => {
      const e = err(1, 1, [
        [0, 1],
        [1, 2],
        [0.5, 3],
      ]);
      expect(e.code).toBe("#NUM!");
      expect(e.message).toBe(
        "tiers row 3: lower bound 0.5 is not above row 2's 1; lower bounds must be strictly ascending.",
      );
    });
    test("negative rate: #NUM!", () =>
      expect(err(1, 1, [[0, -0.5]]).message).toContain("tiers row 1: rate -0.5 is negative"));
    test("tiers with one column: #VALUE!", () =>
      expect(err(1, 1, [[0], [1]]).message).toContain("tiers has 1 column(s)"));
    test("a header row selected with the tiers: #VALUE! naming the cell", () =>
      expect(
        err(1, 1, [
          ["From", "Rate"],
          [0, 1],
        ]).message,
      ).toBe('tiers row 1, column 1 is the text "From"; enter a number.'));
    test("a blank row inside the tiers: #VALUE!", () =>
      expect(
        err(1, 1, [
          [0, 1],
          [null, null],
          [1, 2],
        ]).message,
      ).toContain("tiers row 2 is blank"));
    test("a half-filled tier row: #VALUE!", () =>
      expect(
        err(1, 1, [
          [0, 1],
          [1, null],
        ]).message,
      ).toContain("tiers row 2 has a lower bound or a rate"));
    test("no tiers: #N/A", () => expect(err(1, 1, [[null, null]]).code).toBe("#N/A"));
    test("unknown mode: #VALUE!", () =>
      expect(err(1, 1, ACCEL, "CUMULATIVE").message).toBe('mode is "CUMULATIVE"; use "MARGINAL" or "RETRO".'));
    test("cap of 0 (a blank cell on some platforms): #NUM! saying to leave it out", () =>
      expect(err(1, 1, ACCEL, null, null, 0).message).toBe("cap is 0; it must be above 0 (leave it out for no cap)."));
    test("text threshold: #VALUE!", () =>
      expect(err(1, 1, ACCEL, null, "high").message).toBe('threshold is the text "high"; enter a number.'));
    test("a range where one value is expected: #VALUE!", () =>
      expect(err(1, 1, ACCEL, null, [[1], [2]]).message).toBe("threshold must be a single value, not a range."));
  });

  test("a bad row in a spill is an error in that row only", () => {
    const out = payout(col(1, -0.5, "x", null), col(100, 100, 100, 100), ACCEL) as unknown[][];
    expect(out[0][0]).toBe(100);
    expect(out[1][0]).toBe(0); // below the first bound nothing is paid
    expect(errorOf(out[2][0]).message).toBe('attainment row 3 is the text "x"; enter a number.');
    expect(errorOf(out[3][0]).message).toBe("attainment row 4 is blank; enter a number.");
  });
  test("a negative target incentive is #NUM!", () => {
    expect(errorOf((payout(1, -5, ACCEL) as unknown[][])[0][0]).code).toBe("#NUM!");
  });
});

describe("COMP.PAYOUT_EXPLAIN", () => {
  test("spills tier rows, threshold, cap and total; the total equals PAYOUT", () => {
    const table = payoutExplain(1.3, 50000, ACCEL, null, 0.5, 1.4) as unknown[][];
    expect(table).toEqual([
      ["Step", "From", "To", "Rate", "Slice", "Payout"],
      ["Tier 1 (MARGINAL)", 0, 1, 1, 1, 50000],
      ["Tier 2 (MARGINAL)", 1, 1.25, 1.5, 0.25, 18750],
      ["Tier 3 (MARGINAL)", 1.25, "", 2, 0.05, 5000],
      ["Threshold", 0.5, "", "", "met", 0],
      ["Cap", 1.4, "", "", "capped at 1.4 x target incentive", -3750],
      ["Total", "", "", "", "", 70000],
    ]);
    expect(table[table.length - 1][5]).toBe((payout(1.3, 50000, ACCEL, null, 0.5, 1.4) as number[][])[0][0]);
  });
  test("RETRO shows the whole measure in the tier reached", () => {
    const table = payoutExplain(600000, 1, MONEY, "RETRO") as unknown[][];
    expect(table[3]).toEqual(["Tier 3 (RETRO)", 500000, "", 0.07, 600000, 42000]);
    expect(table[1][4]).toBe(0);
    expect(table[6]).toEqual(["Total", "", "", "", "", 42000]);
  });
  test("one attainment only: a range is #VALUE!", () => {
    expect(errorOf(payoutExplain(col(1, 2), 1, ACCEL)).message).toBe("attainment must be a single value, not a range.");
  });
  test("a 1x1 range is accepted as one value", () => {
    expect((payoutExplain([[1]], [[100]], ACCEL) as unknown[][]).at(-1)).toEqual(["Total", "", "", "", "", 100]);
  });
  test.each(BLANKS)("blank attainment (%p) is #N/A", (b) => {
    expect(errorOf(payoutExplain(b, 1, ACCEL)).code).toBe("#N/A");
  });
});
