import fc from "fast-check";
import {
  clockProblem,
  ComputedMonth,
  computedThrough,
  futureMonthProblem,
  PlanVersion,
  recordComputed,
} from "../../../src/core/kpiPlan";

const NOV_20 = new Date("2026-11-20T10:00:00Z");
const v1: PlanVersion = {
  version: 1,
  effective: "2026-09",
  changedAt: "2026-09-01T09:00:00.000Z",
  plan: { roles: [] },
};

describe("months computed with the official plan", () => {
  test("recording a month keeps one entry per month (the latest computation), in month order", () => {
    let c = recordComputed([], "2026-10", 1, NOV_20);
    c = recordComputed(c, "2026-09 ", 1, NOV_20);
    c = recordComputed(c, "2026-10", 2, new Date("2026-11-21T10:00:00Z"));
    expect(c).toEqual([
      { month: "2026-09", version: 1, computedAt: "2026-11-20T10:00:00.000Z" },
      { month: "2026-10", version: 2, computedAt: "2026-11-21T10:00:00.000Z" },
    ]);
    expect(computedThrough(c)).toBe("2026-10");
    expect(computedThrough([])).toBeNull();
    expect(() => recordComputed([], "2026-13", 1, NOV_20)).toThrow("is not a month");
  });

  test("a clock behind what is recorded is skewed: a computed month, a computation or a change later than it", () => {
    const computed: ComputedMonth[] = [{ month: "2026-10", version: 1, computedAt: "2026-11-20T10:00:00.000Z" }];
    expect(clockProblem(new Date("2026-11-21T00:00:00Z"), [v1], computed)).toBeNull();
    // The month of the clock (September) is before the computed October.
    expect(clockProblem(new Date("2026-09-30T23:00:00Z"), [v1], computed)).toBe(
      "This computer's clock reads 2026-09-30, but scorecards for 2026-10 are recorded as computed already. Check the computer's date and time settings, then try again.",
    );
    // In November, but before the recorded computation.
    expect(clockProblem(new Date("2026-11-19T10:00:00Z"), [v1], computed)).toBe(
      "This computer's clock reads 2026-11-19, earlier than the last recorded change or computation of the KPI plan (2026-11-20). Check the computer's date and time settings, then try again.",
    );
    // Before the last change, with nothing computed.
    expect(clockProblem(new Date("2026-08-31T10:00:00Z"), [v1], [])).toMatch(/earlier than the last recorded change/);
    expect(clockProblem(NOV_20, [], [])).toBeNull();
  });

  test("only a month that has started is computed with the official plan", () => {
    expect(futureMonthProblem("2026-11", NOV_20)).toBeNull();
    expect(futureMonthProblem("2019-03", NOV_20)).toBeNull();
    expect(futureMonthProblem(" 2026-12", NOV_20)).toBe(
      "2026-12 has not started yet (today is 2026-11-20), so it cannot be computed with the official plan. To try a month ahead, compute a what-if instead.",
    );
  });

  test("property: after any computations at a moving clock, a clock at or after the last one is never skewed, one before it always is", () => {
    const month = fc
      .integer({ min: 0, max: 47 })
      .map((i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(month, fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 20 }),
        (runs) => {
          let now = new Date("2028-01-01T00:00:00Z");
          let c: ComputedMonth[] = [];
          for (const [m, days] of runs) {
            now = new Date(now.getTime() + days * 86_400_000);
            c = recordComputed(c, m, 1, now);
          }
          expect(new Set(c.map((x) => x.month)).size).toBe(c.length);
          expect(c.map((x) => x.month)).toEqual([...c.map((x) => x.month)].sort());
          expect(computedThrough(c)).toBe([...runs.map(([m]) => m)].sort().pop());
          expect(clockProblem(now, [], c)).toBeNull();
          expect(clockProblem(new Date(now.getTime() - 1000), [], c)).not.toBeNull();
        },
      ),
    );
  });
});
