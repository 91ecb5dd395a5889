/**
 * Exact arithmetic on short decimals with plain doubles.
 *
 * A double whose shortest decimal form has few digits (1.25, 50000, 0.07) is m / 10^k for a small
 * integer m. Integer sums and products below 2^53 are exact in doubles, and one final division by
 * 10^k (k <= 22, so 10^k is exact) is correctly rounded. The result is therefore bit-for-bit the
 * number that exact decimal arithmetic (decimal.js) would return, at a small fraction of its cost.
 * Callers fall back to decimal.js whenever a value or an intermediate does not fit.
 */

/** Powers of ten that are exact doubles. */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** Largest scaled integer accepted from an input: leaves room for rounding error in x * 10^k. */
const INPUT_LIMIT = 2 ** 50;

/** How many decimals we try before giving up on the fast path. */
const MAX_SCALE = 12;

/** Below this magnitude x x 10^MAX_SCALE is at most 2^50 (see decimalScale). */
const QUICK_LIMIT = INPUT_LIMIT / 1e12;

/**
 * The number of decimals k of x's shortest decimal form, when x = m / 10^k with |m| <= 2^50;
 * -1 otherwise (too many digits, too large, or not finite).
 */
export function decimalScale(x: number): number {
  // Quick refusal of full-precision doubles: when |x| x 10^12 stays below 2^50, x x 10^12 lands
  // within a quarter of the integer M x 10^(12-k) of any shorter form M / 10^k, so if even 12
  // decimals do not give x back, no shorter form does.
  if (Math.abs(x) <= QUICK_LIMIT) {
    const m = Math.round(x * POW10[MAX_SCALE]);
    if (m / POW10[MAX_SCALE] !== x) return -1;
  }
  for (let k = 0; k <= MAX_SCALE; k++) {
    const m = Math.round(x * POW10[k]);
    if (!(Math.abs(m) <= INPUT_LIMIT)) return -1;
    // Division by an exact power of ten is correctly rounded, so equality means m / 10^k is a
    // decimal that rounds to x; with |m| <= 2^50 it is the only one with k decimals.
    if (m / POW10[k] === x) return k;
  }
  return -1;
}

/** True when an integer computed in doubles is still exact. */
export function isExact(n: number): boolean {
  return Math.abs(n) <= Number.MAX_SAFE_INTEGER;
}
