import { dec, Dec, Money, toNumber } from "./money";

/**
 * Splits `total` into parts proportional to `weights`, in whole multiples of `step` (0.01 for
 * cents, 1000 for quotas rounded to thousands), so that the parts add up exactly to `total`.
 *
 * Largest-remainder method: every part first gets the whole steps of its exact share; the steps
 * left over go one each to the parts with the largest remainders, ties to the earlier part, so
 * the result is deterministic.
 *
 * @throws RangeError when a weight is negative or not finite, all weights are 0, `step` is not
 * positive, or `total` is not a whole number of steps.
 */
export function allocate(total: number | Dec, weights: readonly number[], step: number | Dec = 0.01): Dec[] {
  const stepD = dec(step);
  if (!stepD.isFinite() || stepD.lte(0)) throw new RangeError(`step must be above 0, got ${stepD.toString()}`);
  const totalD = dec(total);
  const units = totalD.div(stepD);
  if (!units.isInteger()) {
    throw new RangeError(`total ${totalD.toString()} is not a whole number of steps of ${stepD.toString()}`);
  }
  weights.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0)
      throw new RangeError(`weight ${i + 1} is ${w}; weights must be finite and 0 or more`);
  });
  const weightSum = weights.reduce((s, w) => s.plus(w), new Money(0));
  if (weightSum.isZero()) throw new RangeError("all weights are 0; there is nothing to split by");

  const sign = units.isNegative() ? -1 : 1;
  const absUnits = units.abs();
  // Each part is units x w / sum(w). The remainders are compared as exact numerators
  // (units x w mod sum(w)), never as rounded quotients: two parts whose remainders are equal must
  // tie, and then the earlier part gets the step (a 40-digit quotient once broke such a tie).
  const products = weights.map((w) => absUnits.times(w));
  const whole = products.map((p) => p.divToInt(weightSum));
  const remainders = products.map((p, i) => p.minus(whole[i].times(weightSum)));
  let left = absUnits.minus(whole.reduce((s, w) => s.plus(w), new Money(0))).toNumber();
  const order = remainders
    .map((remainder, i) => ({ i, remainder }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    whole[i] = whole[i].plus(1);
    left -= 1;
  }
  return whole.map((u) => u.times(stepD).times(sign));
}

/** {@link allocate}, with the parts as numbers. */
export function allocateNumbers(total: number, weights: readonly number[], step = 0.01): number[] {
  return allocate(total, weights, step).map(toNumber);
}
