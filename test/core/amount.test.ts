import fc from "fast-check";
import {
  addShort,
  Amount,
  amountToNumber,
  minus,
  plus,
  settle,
  signOf,
  times,
  timesShort,
} from "../../src/core/amount";
import { dec } from "../../src/core/money";

const asDec = (a: Amount) => dec(a);

describe("exact amounts in doubles while they are short", () => {
  test("examples: 0.1 + 0.2 is 0.3 exactly; 1/3 stays a decimal", () => {
    expect(plus(0.1, 0.2)).toBe(0.3);
    expect(times(0.3, 1234.56)).toBe(370.368);
    const third = dec(1).div(3);
    expect(settle(third)).toBe(third);
    expect(settle(dec("12.34"))).toBe(12.34);
    expect(signOf(minus(0, 5))).toBe(-1);
  });
  test("too long for doubles: the short helpers decline", () => {
    expect(addShort(1 / 3, 1)).toBeUndefined();
    expect(timesShort(123456789.12, 98765.4321)).toBeUndefined();
  });
  test("plus, minus and times equal decimal.js, whether they stay in doubles or not", () => {
    const value = fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100),
      fc.integer({ min: -1e6, max: 1e6 }).map((c) => c / 1e4),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    );
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(asDec(plus(a, b)).eq(dec(a).plus(b))).toBe(true);
        expect(asDec(minus(a, b)).eq(dec(a).minus(b))).toBe(true);
        expect(asDec(times(a, b)).eq(dec(a).times(b))).toBe(true);
        expect(amountToNumber(plus(a, b))).toBe(dec(a).plus(b).toNumber() + 0);
      }),
      { numRuns: 3000 },
    );
  });
});
