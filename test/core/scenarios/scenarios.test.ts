import fc from "fast-check";
import {
  evaluateScenario,
  lognormalDistribution,
  mixBand,
  ScenarioInput,
  ScenarioInputError,
} from "../../../src/core/scenarios";
import { stretchForShare } from "../../../src/core/quotas";

const LINEAR = {
  name: "Linear",
  curve: { tiers: [{ lower: 0, rate: 1 }], mode: "MARGINAL" as const, threshold: null, cap: 2 },
};
const ACCEL = {
  name: "Accelerated",
  curve: {
    tiers: [
      { lower: 0, rate: 1 },
      { lower: 1, rate: 2 },
    ],
    mode: "MARGINAL" as const,
    threshold: null,
    cap: 3,
  },
};
// Three equally likely attainments: 50%, 100%, 150%.
const THREE = { points: [0.5, 1, 1.5], p10: 0.5, p50: 1, p90: 1.5, excellence: 1.5 };
const AE: ScenarioInput = { role: "AE", headcount: 10, ote: 150_000, quota: 1_000_000, baseShare: 0.6, curve: LINEAR };

describe("evaluateScenario: worked examples", () => {
  test("AE 60/40 on a linear curve: base 90k, TI 60k; variable 10 x mean(30k, 60k, 90k) = 600k; cost of sales 1.5M / 10M = 15%", () => {
    const r = evaluateScenario(AE, THREE);
    expect(r).toMatchObject({
      base: 90_000,
      targetIncentive: 60_000,
      commissionRate: 0.06,
      baseCost: 900_000,
      variableCost: 600_000,
      totalCost: 1_500_000,
    });
    expect(r.expectedRevenue).toBe(10_000_000);
    expect(r.costOfSales).toBe(0.15);
    expect(r.payoutAt).toEqual([30_000, 45_000, 60_000, 75_000, 90_000]);
    expect(r.earnings).toEqual([120_000, 150_000, 180_000]);
    expect(r.leverage).toBe(1.5);
    expect(r.warnings).toEqual(["Cost of sales 15.0% is outside 3-9%."]);
  });

  test("an accelerator above 100%: at 150% 60k x (1 + 2 x 0.5) = 120k, so variable 10 x mean(30k, 60k, 120k) = 700k", () => {
    const r = evaluateScenario({ ...AE, curve: ACCEL }, THREE);
    expect(r.variableCost).toBe(700_000);
    expect(r.leverage).toBe(2);
  });

  test("a mix outside the role's usual band is flagged (AE 70/30; usual 50-60% base)", () => {
    expect(evaluateScenario({ ...AE, baseShare: 0.7, quota: 3_000_000 }, THREE).warnings).toEqual([
      "Mix 70/30 is outside the usual 50%-60% base for AE.",
    ]);
    expect(mixBand("csr")).toEqual([0.65, 0.7]);
    expect(mixBand("BizDev")).toEqual([0.5, 0.8]);
  });

  test("the lognormal distribution without a quota run: 65% reach quota, the median is 1 / k", () => {
    const d = lognormalDistribution(0.65, 0.25);
    expect(d.points).toHaveLength(100);
    expect(d.points.filter((a) => a >= 1).length).toBe(65);
    expect(d.p50).toBeCloseTo(1 / stretchForShare(0.65, 0.25), 12);
  });

  test.each([
    ["AE: OTE is 0; enter an amount above 0.", { ote: 0 }],
    ["AE: quota is -1; enter an amount above 0.", { quota: -1 }],
    ["AE: headcount is 2.5; use a whole number of 0 or more.", { headcount: 2.5 }],
    ["AE: base share is 1.2; use 0% to 100% (60% is a 60/40 mix).", { baseShare: 1.2 }],
  ])("bad input: %s", (message, over) => {
    expect(() => evaluateScenario({ ...AE, ...over }, THREE)).toThrow(ScenarioInputError);
    expect(() => evaluateScenario({ ...AE, ...over }, THREE)).toThrow(message);
  });
});

describe("evaluateScenario properties", () => {
  test("cost never falls when an accelerator rate rises", () => {
    const dist = lognormalDistribution(0.65, 0.25);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 4, noNaN: true }), { minLength: 1, maxLength: 4 }),
        fc.nat({ max: 3 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.option(fc.double({ min: 0.5, max: 5, noNaN: true }), { nil: null }),
        fc.constantFrom("MARGINAL" as const, "RETRO" as const),
        (rates, which, more, cap, mode) => {
          const tiers = rates.map((rate, i) => ({ lower: i * 0.5, rate }));
          const raised = tiers.map((t, i) => (i === which % tiers.length ? { ...t, rate: t.rate + more } : t));
          const at = (ts: typeof tiers) =>
            evaluateScenario({ ...AE, curve: { name: "c", curve: { tiers: ts, mode, threshold: null, cap } } }, dist)
              .totalCost;
          expect(at(raised)).toBeGreaterThanOrEqual(at(tiers));
        },
      ),
      { numRuns: 300 },
    );
  });
});
