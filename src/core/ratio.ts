import { decimalScale, isExact, POW10 } from "./exactDecimal";
import { dec, toNumber } from "./money";

/**
 * numerator / denominator on the numbers' decimal values, returned as the nearest double.
 *
 * When both are short decimals they are scaled to integers with the same number of decimals; the
 * quotient of two exact integers is then correctly rounded by the hardware, which is the same
 * double decimal.js would give. Otherwise decimal.js computes it. The denominator must not be 0.
 */
export function exactRatio(numerator: number, denominator: number): number {
  const kn = decimalScale(numerator);
  const kd = decimalScale(denominator);
  if (kn >= 0 && kd >= 0) {
    const k = Math.max(kn, kd);
    const n = Math.round(numerator * POW10[kn]) * POW10[k - kn];
    const d = Math.round(denominator * POW10[kd]) * POW10[k - kd];
    if (isExact(n) && isExact(d)) return n / d + 0;
  }
  return toNumber(dec(numerator).div(denominator));
}
