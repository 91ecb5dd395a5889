import fc from "fast-check";
import { halfUlp, pair, roundQuotient, shortestDigits, sumIntegers, twoProduct } from "../../src/core/exactDouble";
import { wideOf, wideToNumber } from "../../src/core/exactWide";

/** The double n ulps away from x (n may be negative), through its bits. */
function ulpsAway(x: number, n: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0) + BigInt(x < 0 ? -n : n);
  view.setBigInt64(0, bits);
  return view.getFloat64(0);
}

/** The shortest form as a BigInt and a power of ten, from shortestDigits; null when it declines. */
function digitsOf(x: number): { n: bigint; q: number } | null {
  const out = pair();
  const q = shortestDigits(x, out);
  return q < 0 ? null : { n: BigInt(out.hi) + BigInt(out.lo), q };
}

/** What String(x) says, in the same form. */
function stringDigits(x: number): { n: bigint; q: number } {
  const w = wideOf(x);
  return { n: w.mantissa, q: -w.exponent };
}

describe("exact pairs of doubles", () => {
  test("twoProduct keeps the whole product", () => {
    // (2^53 - 1)^2 = 2^106 - 2^54 + 1: the double is 2^106 - 2^54 and the remainder 1.
    const out = pair();
    twoProduct(2 ** 53 - 1, 2 ** 53 - 1, out);
    expect(out.hi).toBe(2 ** 106 - 2 ** 54);
    expect(out.lo).toBe(1);
  });

  test("sumIntegers adds exactly where doubles alone lose the ones", () => {
    // 2^60 + 1 + 1 + 1 - 2^60 = 3, which a double sum gives as 0.
    const out = pair();
    sumIntegers(2 ** 60, 1, 1, 1, -(2 ** 60), out);
    expect(out.hi + out.lo).toBe(3);
    expect(2 ** 60 + 1 + 1 + 1 - 2 ** 60).toBe(0);
  });

  test("halfUlp: half the spacing of doubles; 0 for powers of two", () => {
    // Doubles in [1, 2) are 2^-52 apart, in [1024, 2048) 2^-42.
    expect(halfUlp(1.5)).toBe(2 ** -53);
    expect(halfUlp(1500)).toBe(2 ** -43);
    expect(halfUlp(0.5)).toBe(0);
    expect(halfUlp(1)).toBe(0);
  });
});

describe("shortestDigits", () => {
  test("worked examples: the digits String() writes", () => {
    // 1/3 prints as 0.3333333333333333: 16 threes, 16 decimals.
    expect(digitsOf(1 / 3)).toEqual({ n: 3333333333333333n, q: 16 });
    // 0.1 + 0.2 prints as 0.30000000000000004: 17 decimals.
    expect(digitsOf(0.1 + 0.2)).toEqual({ n: 30000000000000004n, q: 17 });
    // 1.1 x 1.1 prints as 1.2100000000000002.
    expect(digitsOf(1.1 * 1.1)).toEqual({ n: 12100000000000002n, q: 16 });
    // Short numbers work too: 0.1 is 1 x 10^-1; negative numbers keep their sign.
    expect(digitsOf(0.1)).toEqual({ n: 1n, q: 1 });
    expect(digitsOf(-123456 / 99991)).toEqual({ n: -1234671120400836n, q: 15 });
  });

  test("declines what it does not decide: powers of two, out of range, integers, zero", () => {
    expect(digitsOf(0.5)).toBeNull();
    expect(digitsOf(1e5 / 3)).toBeNull();
    expect(digitsOf(1e-5 / 3)).toBeNull();
    expect(digitsOf(3)).toBeNull();
    expect(digitsOf(0)).toBeNull();
    expect(digitsOf(NaN)).toBeNull();
  });

  test("equals String() on full-precision doubles of every size it takes", () => {
    let decided = 0;
    // Uniform over magnitudes 1e-4 .. 1e4 (fc.double alone spreads over all 2,000 binary exponents).
    const sized = fc
      .tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -4, max: 3 }), fc.boolean())
      .map(([a, k, negative]) => (negative ? -1 : 1) * a * 10 ** k);
    fc.assert(
      fc.property(fc.oneof(sized, fc.double({ min: -1e4, max: 1e4, noNaN: true })), (x) => {
        const got = digitsOf(x);
        if (got === null) return;
        decided++;
        expect(got).toEqual(stringDigits(x));
      }),
      { numRuns: 20000 },
    );
    expect(decided).toBeGreaterThan(9000);
  });

  test("equals String() next to short decimals (few digits, a few ulps off) and on divisions", () => {
    const shortNear = fc
      .tuple(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: -3, max: 3 }))
      .map(([n, k, u]) => ulpsAway(n / 10 ** k, u))
      .filter((x) => x >= 1e-4 && x < 1e4);
    const division = fc
      .tuple(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }))
      .map(([a, b]) => a / b);
    fc.assert(
      fc.property(fc.oneof(shortNear, division), (x) => {
        const got = digitsOf(x);
        if (got !== null) expect(got).toEqual(stringDigits(x));
      }),
      { numRuns: 20000 },
    );
  });
});

describe("roundQuotient", () => {
  test("worked examples", () => {
    // 1 / 10 is the double 0.1; 12345678901234567890 / 10^18 = 12.34567890123456789 -> 12.345678901234567.
    expect(roundQuotient({ hi: 1, lo: 0 }, 1)).toBe(0.1);
    expect(roundQuotient({ hi: 12345678901234567000, lo: 890 }, 18)).toBe(12.345678901234567);
    // 3 x 2^52 + 1 lies exactly halfway between two doubles (2 apart there): a tie, declined.
    expect(roundQuotient({ hi: 3 * 2 ** 52, lo: 1 }, 0)).toBeUndefined();
    expect(roundQuotient({ hi: 0, lo: 0 }, 5)).toBe(0);
  });

  test("equals the BigInt conversion whenever it answers, and nearly always answers", () => {
    let answered = 0;
    const big = fc.bigInt({ min: -(2n ** 100n), max: 2n ** 100n });
    fc.assert(
      fc.property(big, fc.integer({ min: 0, max: 22 }), (n, scale) => {
        const hi = Number(n);
        const p = { hi, lo: Number(n - BigInt(hi)) };
        const got = roundQuotient(p, scale);
        if (got === undefined) return;
        answered++;
        expect(got).toBe(wideToNumber(n, scale));
      }),
      { numRuns: 20000 },
    );
    expect(answered).toBeGreaterThan(19000);
  });

  test("near midpoints: exact answers or a decline, never a wrong double", () => {
    // n = (2 x odd + e) x 2^k x 5^scale ... built as midpoint x 10^scale plus a small offset.
    fc.assert(
      fc.property(
        fc.bigInt({ min: 2n ** 52n, max: 2n ** 53n - 1n }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: -3, max: 3 }),
        (m, scale, offset) => {
          const n = (2n * m + 1n) * 10n ** BigInt(scale) + BigInt(offset);
          const hi = Number(n);
          const got = roundQuotient({ hi, lo: Number(n - BigInt(hi)) }, scale);
          if (got !== undefined) expect(got).toBe(wideToNumber(n, scale));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
