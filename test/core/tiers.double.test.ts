import fc from "fast-check";
import { isCalcError } from "../../src/core/errors";
import { dec } from "../../src/core/money";
import {
  compileCurve,
  CompiledCurve,
  PayoutCurve,
  PayoutMode,
  payout,
  payoutDecimal,
  payoutDouble,
} from "../../src/core/tiers";

function compiled(curve: PayoutCurve): CompiledCurve {
  const c = compileCurve(curve);
  if (isCalcError(c)) throw new Error(c.message);
  return c;
}

/** The bench's curve: 0-100% at 1x, 100-125% at 1.5x, above at 2x, capped at 2.5x. */
const BENCH: PayoutCurve = {
  tiers: [
    { lower: 0, rate: 1 },
    { lower: 1, rate: 1.5 },
    { lower: 1.25, rate: 2 },
  ],
  mode: "MARGINAL",
  threshold: null,
  cap: 2.5,
};

/** The double n ulps away from x (n may be negative), through its bits. */
function ulpsAway(x: number, n: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigInt64(0, view.getBigInt64(0) + BigInt(x < 0 ? -n : n));
  return view.getFloat64(0);
}

const short = (max: number, decimals: number) =>
  fc.integer({ min: -max * 10 ** decimals, max: max * 10 ** decimals }).map((n) => n / 10 ** decimals);

/** Curves with short bounds, rates and caps (the double path's domain), negative bounds in MARGINAL. */
const curveArb = fc
  .record({
    start: fc.oneof(fc.constant(0), short(1, 2)),
    gaps: fc.array(
      fc.integer({ min: 1, max: 1000 }).map((n) => n / 1000),
      { minLength: 1, maxLength: 5 },
    ),
    rates: fc.array(
      fc.integer({ min: 0, max: 3000 }).map((n) => n / 1000),
      { minLength: 5, maxLength: 5 },
    ),
    mode: fc.constantFrom<PayoutMode>("MARGINAL", "RETRO"),
    threshold: fc.option(short(1, 2), { nil: null }),
    cap: fc.option(
      fc.integer({ min: 1, max: 300 }).map((n) => n / 100),
      { nil: null },
    ),
  })
  .map(({ start, gaps, rates, mode, threshold, cap }) => {
    let lower = mode === "RETRO" ? Math.abs(start) : start;
    const tiers = gaps.map((g, i) => {
      const t = { lower, rate: rates[i] };
      lower = dec(lower).plus(g).toNumber();
      return t;
    });
    return compiled({ tiers, mode, threshold, cap });
  });

/** Full-precision measures: anywhere, at and beside tier bounds and cap points, and extreme sizes. */
function measureArb(c: CompiledCurve) {
  const bounds = c.curve.tiers.map((t) => t.lower).concat(c.curve.threshold ?? [], c.curve.cap ?? []);
  return fc.oneof(
    fc.double({ min: -2, max: 5, noNaN: true }),
    fc.tuple(fc.integer({ min: 1, max: 3_000_000 }), fc.integer({ min: 1, max: 2_000_000 })).map(([a, b]) => a / b),
    fc.tuple(fc.constantFrom(...bounds), fc.integer({ min: -4, max: 4 })).map(([b, u]) => ulpsAway(b, u)),
    fc.tuple(fc.constantFrom(...bounds), fc.integer({ min: 1, max: 999 })).map(([b, k]) => b + k / 3000),
    fc.double({ min: 1e-6, max: 1e-3, noNaN: true }),
    fc.double({ min: 1e3, max: 1e6, noNaN: true }),
    fc.constantFrom(1 / 3, 2 / 3, 1.0000000000000002, 0.9999999999999999, 5e-324, 1e300, -0, 0),
  );
}

const incentive = fc.oneof(
  fc.integer({ min: 0, max: 200_000 }),
  fc.integer({ min: 0, max: 20_000_000 }).map((n) => n / 100),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.constantFrom(1e9, 123456789012, 0.01),
);

describe("payoutDouble (full-precision measures on pairs of doubles)", () => {
  test("worked examples against decimal.js", () => {
    const c = compiled(BENCH);
    // 2/3 reads as 0.6666666666666666 (tier 1, rate 1): x 60000 = 39999.999999999996 exactly, whose
    // nearest double is 39999.99999999999; plain doubles give 40000 (the binary 2/3 is larger).
    expect(payoutDouble(2 / 3, 60000, c)).toBe(39999.99999999999);
    expect((2 / 3) * 60000).toBe(40000);
    // 1.1 x 1.1 reads as 1.2100000000000002 (tier 2): 1 + 0.2100000000000002 x 1.5 =
    // 1.3150000000000003, x 50000 = 65750.000000000015 -> 65750.00000000001.
    expect(payoutDouble(1.1 * 1.1, 50000, c)).toBe(65750.00000000001);
    // RETRO: 1.2100000000000002 x 1.5 x 50000 = 90750.000000000015 -> 90750.00000000001.
    expect(payoutDouble(1.1 * 1.1, 50000, compiled({ ...BENCH, mode: "RETRO" }))).toBe(90750.00000000001);
    // Capped: 1.8125 is where the factor reaches 2.5 (1 + 0.25 x 1.5 + 0.5625 x 2). One ulp above,
    // 1.8125000000000002 gives 2.5000000000000004 > 2.5, so it pays 2.5 x 40000 = 100000 exactly.
    expect(payoutDouble(ulpsAway(1.8125, 1), 40000, c)).toBe(100000);
    // One ulp below, 1.8124999999999998: 1.375 + 0.5624999999999998 x 2 = 2.4999999999999996,
    // x 40000 = 99999.999999999984, whose nearest double is 99999.99999999999 (ulps are 2^-36 there).
    expect(payoutDouble(ulpsAway(1.8125, -1), 40000, c)).toBe(99999.99999999999);
  });

  test("declines (for the BigInt path) what it cannot decide", () => {
    const c = compiled(BENCH);
    expect(payoutDouble(1.5e6 / 7, 1000, c)).toBeUndefined(); // measure above 1e4
    expect(payoutDouble(1.1 * 1.1, 1 / 3, c)).toBeUndefined(); // full-precision incentive
    expect(payoutDouble(2 ** -10, 1000, c)).toBeUndefined(); // a power of two (uneven rounding interval)
    expect(payoutDouble(1.5, 1000, c)).toBeUndefined(); // fewer decimals than the bounds (the fast path's)
    expect(payoutDouble(NaN, 1000, c)).toBeUndefined();
  });

  test("equals decimal.js bit for bit whenever it answers, over adversarial inputs", () => {
    let answered = 0;
    const cases = curveArb.chain((c) => fc.tuple(fc.constant(c), measureArb(c), incentive));
    fc.assert(
      fc.property(cases, ([c, m, ti]) => {
        const expected = payoutDecimal(m, ti, c);
        const got = payoutDouble(m, ti, c);
        if (got !== undefined) {
          answered++;
          expect(Object.is(got, expected)).toBe(true);
        }
        expect(Object.is(payout(m, ti, c), expected)).toBe(true);
      }),
      { numRuns: 20000 },
    );
    // the path is taken on most rows, so this test checks it rather than its fallback
    expect(answered).toBeGreaterThan(8000);
  });

  test("answers nearly every row of attainments as actual / quota leaves them", () => {
    const c = compiled(BENCH);
    let answered = 0;
    let rows = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 100_000, max: 2_000_000 }),
        fc.integer({ min: 500_000, max: 1_500_000 }),
        (a, q) => {
          const m = a / q;
          const got = payoutDouble(m, 75000, c);
          rows++;
          if (got === undefined) return;
          answered++;
          expect(got).toBe(payoutDecimal(m, 75000, c));
        },
      ),
      { numRuns: 5000 },
    );
    expect(answered / rows).toBeGreaterThan(0.99);
  });
});
