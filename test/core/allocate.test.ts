import fc from "fast-check";
import { allocate, allocateNumbers } from "../../src/core/allocate";
import { dec } from "../../src/core/money";

describe("allocate (largest remainder)", () => {
  test("100.00 in three equal parts: 33.34 + 33.33 + 33.33 (the first tie gets the cent)", () => {
    expect(allocateNumbers(100, [1, 1, 1])).toEqual([33.34, 33.33, 33.33]);
  });
  test("quotas to the nearest 1,000: 10,000,000 by 1:2:3:4 is exact", () => {
    expect(allocateNumbers(10_000_000, [1, 2, 3, 4], 1000)).toEqual([1_000_000, 2_000_000, 3_000_000, 4_000_000]);
  });
  test("the largest remainders get the leftover steps", () => {
    // 10 units by 0.35/0.35/0.3 -> exact 3.5, 3.5, 3 -> floors 3,3,3 -> one left to the first 0.5 remainder.
    expect(allocateNumbers(10, [0.35, 0.35, 0.3], 1)).toEqual([4, 3, 3]);
  });
  test("a zero weight gets nothing", () => {
    expect(allocateNumbers(1, [0, 1, 1])).toEqual([0, 0.5, 0.5]);
  });
  test("negative totals split with the same rounding, mirrored", () => {
    expect(allocateNumbers(-100, [1, 1, 1])).toEqual([-33.34, -33.33, -33.33]);
  });
  test("refuses negative weights, all-zero weights and totals that are not whole steps", () => {
    expect(() => allocate(100, [1, -1])).toThrow(RangeError);
    expect(() => allocate(100, [0, 0])).toThrow(/all weights are 0/);
    expect(() => allocate(100.005, [1, 1])).toThrow(/whole number of steps/);
  });
  test("property: the parts add up exactly to the whole and each is within one step of its share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (cents, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const total = dec(cents).div(100);
          const parts = allocate(total, weights);
          expect(parts.reduce((s, p) => s.plus(p), dec(0)).eq(total)).toBe(true);
          const wsum = weights.reduce((s, w) => s.plus(w), dec(0));
          parts.forEach((p, i) => {
            const share = total.times(weights[i]).div(wsum);
            expect(p.minus(share).abs().lte(0.01)).toBe(true);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("allocate: exact ties in the remainders", () => {
  test("two parts whose remainders are equal tie exactly, and the earlier one gets the step", () => {
    // 1,875,451,598 thousandths by 883 : 2565 : 558 : 8 (of 4014): the second and third parts both
    // leave 1,656/4,014 over; a 40-digit quotient once ranked the third first.
    const parts = allocate(1875451.598, [0.0883, 0.2565, 0.0558, 0.0008], 0.001).map((d) => d.toNumber());
    expect(parts).toEqual([412561.973, 1198438.802, 260713.002, 3737.821]);
  });
});
