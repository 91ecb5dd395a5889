import fc from "fast-check";
import { dec } from "../../../src/core/money";
import { setQuotas } from "../../../src/core/quotas";

const reps = fc.array(
  fc.record({
    potential: fc.double({ min: 1, max: 1e6, noNaN: true }),
    history: fc.array(fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: null }), { maxLength: 4 }),
  }),
  { minLength: 1, maxLength: 40 },
);
const method = fc.constantFrom("equal-stretch" as const, "equal-probability" as const);
const rounding = fc.constantFrom(1, 100, 1000, 0.01);

describe("setQuotas properties", () => {
  test("rounded quotas add up exactly to the rounded total, each within one step of its exact share", () => {
    fc.assert(
      fc.property(reps, method, rounding, fc.double({ min: 0.05, max: 0.95, noNaN: true }), (rs, m, step, share) => {
        const list = rs.map((r, i) => ({ id: `R${i}`, ...r }));
        const plan = setQuotas(list, { companyTarget: 5_000_000, method: m, rounding: step, targetShare: share });
        const sum = plan.reps.reduce((s, r) => s.plus(r.quota), dec(0));
        expect(sum.eq(plan.summary.sumOfQuotas)).toBe(true);
        expect(dec(plan.summary.sumOfQuotas).div(step).isInteger()).toBe(true);
        for (const r of plan.reps) expect(dec(r.quota).div(step).isInteger()).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test("a higher target share never raises any quota (before rounding: see docs/quotas.md on why not after)", () => {
    fc.assert(
      fc.property(
        reps,
        method,
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        fc.double({ min: 0.001, max: 0.09, noNaN: true }),
        (rs, m, share, more) => {
          const list = rs.map((r, i) => ({ id: `R${i}`, ...r }));
          // Rounding to a tiny step leaves the exact quotas (to 1e-6) visible.
          const low = setQuotas(list, { companyTarget: 5_000_000, method: m, targetShare: share, rounding: 1e-6 });
          const high = setQuotas(list, {
            companyTarget: 5_000_000,
            method: m,
            targetShare: share + more,
            rounding: 1e-6,
          });
          high.reps.forEach((r, i) => expect(r.quota).toBeLessThanOrEqual(low.reps[i].quota + 1e-6));
        },
      ),
      { numRuns: 200 },
    );
  });
});
