import fc from "fast-check";
import { decimalScale } from "../../src/core/exactDecimal";
import { dec } from "../../src/core/money";
import { exactRatio } from "../../src/core/ratio";

describe("decimalScale", () => {
  test.each([
    [0, 0],
    [5, 0],
    [1.25, 2],
    [0.07, 2],
    [0.1, 1],
    [-3.5, 1],
    [123456.789, 3],
  ])("%p has %p decimals", (x, k) => expect(decimalScale(x)).toBe(k));
  test("too many digits, too large or not finite gives -1", () => {
    expect(decimalScale(1 / 3)).toBe(-1);
    expect(decimalScale(1e300)).toBe(-1);
    expect(decimalScale(NaN)).toBe(-1);
    expect(decimalScale(Infinity)).toBe(-1);
  });
  test("property: when it answers, x is exactly its shortest decimal at that scale", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const k = decimalScale(x);
        if (k < 0) return;
        expect(dec(x).decimalPlaces()).toBe(k);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("decimalScale's quick refusal", () => {
  test("never refuses a short decimal: every M / 10^k below 1,125 with k <= 12 is found", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.double({ min: -1125, max: 1125, noNaN: true }), (k, v) => {
        const x = Math.round(v * 10 ** k) / 10 ** k;
        // (a 16-digit M may not survive the trip through a double; then its shortest form is longer)
        const places = dec(x).decimalPlaces();
        expect(decimalScale(x)).toBe(places <= 12 ? places : -1);
      }),
      { numRuns: 20000 },
    );
  });
});

describe("exactRatio", () => {
  test("1,234,567 / 1,000,000 = 1.234567", () => expect(exactRatio(1234567, 1000000)).toBe(1.234567));
  test("0.3 / 0.1 = 3 exactly (floats give 2.9999999999999996)", () => expect(exactRatio(0.3, 0.1)).toBe(3));
  test("property: equals decimal.js division rounded to the nearest double", () => {
    const num = fc.oneof(
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
    );
    fc.assert(
      fc.property(num, num, (a, b) => {
        fc.pre(b !== 0);
        expect(exactRatio(a, b)).toBe(dec(a).div(b).toNumber() + 0);
      }),
      { numRuns: 5000 },
    );
  });
});
