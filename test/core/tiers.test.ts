import { CalcError, isCalcError } from "../../src/core/errors";
import {
  compileCurve,
  CompiledCurve,
  explainPayout,
  payout,
  PayoutCurve,
  payoutFast,
  Tier,
} from "../../src/core/tiers";

function curve(tiers: Tier[], extra: Partial<PayoutCurve> = {}): CompiledCurve {
  const c = compileCurve({ tiers, mode: "MARGINAL", threshold: null, cap: null, ...extra });
  if (isCalcError(c)) throw new Error(c.message);
  return c;
}

const ACCEL: Tier[] = [
  { lower: 0, rate: 1 },
  { lower: 1, rate: 1.5 },
  { lower: 1.25, rate: 2 },
];
const MONEY: Tier[] = [
  { lower: 0, rate: 0.03 },
  { lower: 300000, rate: 0.05 },
  { lower: 500000, rate: 0.07 },
];

describe("payout: the worked examples of the specification", () => {
  test("MARGINAL at 130% on 50,000: 1x1 + 1.5x0.25 + 2x0.05 = 1.475 -> 73,750", () => {
    expect(payout(1.3, 50000, curve(ACCEL))).toBe(73750);
  });
  test("RETRO at 130% on 50,000: the whole 1.3 at the top rate 2 -> 2.6 x 50,000 = 130,000", () => {
    expect(payout(1.3, 50000, curve(ACCEL, { mode: "RETRO" }))).toBe(130000);
  });
  test("a cap of 1.4x limits the MARGINAL 1.475 to 1.4 -> 70,000", () => {
    expect(payout(1.3, 50000, curve(ACCEL, { cap: 1.4 }))).toBe(70000);
  });
  test("money tiers on 600,000: MARGINAL 9,000 + 10,000 + 7,000 = 26,000", () => {
    expect(payout(600000, 1, curve(MONEY))).toBe(26000);
  });
  test("money tiers on 600,000: RETRO 7% x 600,000 = 42,000", () => {
    expect(payout(600000, 1, curve(MONEY, { mode: "RETRO" }))).toBe(42000);
  });
});

describe("payout: boundaries", () => {
  test("a value exactly on a lower bound belongs to that tier (RETRO pays the higher rate)", () => {
    // 1.0 sits on tier 2's lower bound: RETRO pays 1.0 x 1.5.
    expect(payout(1, 100, curve(ACCEL, { mode: "RETRO" }))).toBe(150);
    // MARGINAL: tier 2's slice is 0 wide, so 1.0 x 1 = 1.0.
    expect(payout(1, 100, curve(ACCEL))).toBe(100);
  });
  test("below the first lower bound nothing is paid", () => {
    const c = curve([
      { lower: 0.5, rate: 1 },
      { lower: 1, rate: 2 },
    ]);
    expect(payout(0.4, 1000, c)).toBe(0);
    // 0.8: slice 0.5..0.8 = 0.3 at rate 1 -> 300.
    expect(payout(0.8, 1000, c)).toBe(300);
  });
  test("the threshold gates the payout: below it 0, on it paid in full", () => {
    const c = curve(ACCEL, { threshold: 0.5 });
    expect(payout(0.49, 1000, c)).toBe(0);
    expect(payout(0.5, 1000, c)).toBe(500);
  });
  test("at the cap exactly nothing is cut", () => {
    // f(1.2) = 1 + 1.5 x 0.2 = 1.3 = cap.
    const b = explainPayout(1.2, 1000, curve(ACCEL, { cap: 1.3 }));
    expect(b.total).toBe(1300);
    expect(b.capped).toBe(false);
  });
  test("zero attainment and zero target incentive pay 0, never -0", () => {
    expect(Object.is(payout(0, 1000, curve(ACCEL)), 0)).toBe(true);
    expect(Object.is(payout(1.3, 0, curve(ACCEL)), 0)).toBe(true);
    expect(Object.is(payout(-0, 1000, curve(ACCEL)), 0)).toBe(true);
  });
  test("decimal exactness: 0.1 + 0.2 style sums are exact", () => {
    // 0.3 attainment at rate 0.1 on 3: 0.3 x 0.1 x 3 = 0.09 exactly (floats give 0.09000000000000001).
    expect(payout(0.3, 3, curve([{ lower: 0, rate: 0.1 }]))).toBe(0.09);
  });
  test("long decimals take the exact decimal path and agree with it", () => {
    const c = curve(ACCEL, { cap: 2 });
    const a = 1.1223336363636363;
    expect(payoutFast(a, 54321.987654321, c)).toBeUndefined();
    expect(payout(a, 54321.987654321, c)).toBe(explainPayout(a, 54321.987654321, c).total);
  });
});

describe("explainPayout", () => {
  test("lines add up to the total, with the cap shown as an adjustment", () => {
    const b = explainPayout(1.3, 50000, curve(ACCEL, { cap: 1.4 }));
    expect(b.lines.map((l) => l.amount)).toEqual([50000, 18750, 5000]);
    expect(b.lines.map((l) => l.slice)).toEqual([1, 0.25, 0.05]);
    expect(b.earned).toBe(73750);
    expect(b.capAdjustment).toBe(-3750);
    expect(b.total).toBe(70000);
  });
  test("below the threshold the lines show what the tiers would pay and the threshold takes it back", () => {
    const b = explainPayout(0.4, 1000, curve(ACCEL, { threshold: 0.5 }));
    expect(b.earned).toBe(400);
    expect(b.thresholdAdjustment).toBe(-400);
    expect(b.total).toBe(0);
  });
});

describe("compileCurve refuses bad curves with a message naming the row", () => {
  const bad = (tiers: Tier[], extra: Partial<PayoutCurve> = {}) =>
    compileCurve({ tiers, mode: "MARGINAL", threshold: null, cap: null, ...extra }) as CalcError;
  test("lower bounds not strictly ascending: #NUM!", () => {
    const e = bad([
      { lower: 0, rate: 1 },
      { lower: 0, rate: 2 },
    ]);
    expect(e.code).toBe("#NUM!");
    expect(e.message).toContain("tiers row 2");
  });
  test("negative rate: #NUM!", () => {
    const e = bad([{ lower: 0, rate: -1 }]);
    expect(e.code).toBe("#NUM!");
    expect(e.message).toContain("row 1");
  });
  test("no tiers: #N/A", () => expect(bad([]).code).toBe("#N/A"));
  test("cap of 0 or less: #NUM!", () => expect(bad(ACCEL, { cap: 0 }).code).toBe("#NUM!"));
  test("non-finite bound: #NUM!", () => expect(bad([{ lower: Infinity, rate: 1 }]).code).toBe("#NUM!"));
});
