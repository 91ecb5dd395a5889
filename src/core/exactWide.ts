/**
 * Exact arithmetic on decimals of any length with BigInt, for the numbers exactDecimal.ts cannot
 * hold in doubles: full-precision doubles as a division like actual / quota leaves them.
 *
 * A double is read as its shortest decimal form (the digits Excel and decimal.js see), as an
 * integer mantissa and a power of ten; sums and products are then exact integers, and one
 * correctly rounded conversion gives the nearest double to the exact result, the same double
 * decimal.js gives whenever it computed the result exactly.
 */

/** A decimal: mantissa x 10^exponent. */
export interface WideDecimal {
  /** The digits as an integer (negative for negative numbers). */
  readonly mantissa: bigint;
  /** The power of ten. */
  readonly exponent: number;
}

/** The shortest decimal form of a finite double as a mantissa and a power of ten. */
export function wideOf(x: number): WideDecimal {
  const text = String(x);
  let digits = text;
  let exponent = 0;
  const e = text.indexOf("e");
  if (e >= 0) {
    exponent = Number(text.slice(e + 1));
    digits = text.slice(0, e);
  }
  const dot = digits.indexOf(".");
  if (dot >= 0) {
    exponent -= digits.length - dot - 1;
    digits = digits.slice(0, dot) + digits.slice(dot + 1);
  }
  return { mantissa: BigInt(digits), exponent };
}

/** Powers of ten as BigInts, computed once. */
const POW10N: bigint[] = [1n];

/** 10^k as a BigInt (k >= 0). */
export function pow10n(k: number): bigint {
  while (POW10N.length <= k) POW10N.push(POW10N[POW10N.length - 1] * 10n);
  return POW10N[k];
}

/** Bits kept in the quotient before the final rounding: 53 for the double, the rest as guard bits. */
const QUOTIENT_BITS = 66;

/**
 * The nearest double (ties to even) to n / 10^scale, or undefined when the result would be
 * subnormal or beyond the double range (the caller then uses decimal.js, which handles them).
 */
export function wideToNumber(n: bigint, scale: number): number | undefined {
  if (n === 0n) return 0;
  const negative = n < 0n;
  const a = negative ? -n : n;
  let result: number;
  if (scale <= 0) {
    result = Number(a * pow10n(-scale));
  } else {
    const d = pow10n(scale);
    // Shift so the quotient has at least QUOTIENT_BITS bits; a remainder sets the lowest
    // (sticky) bit, so rounding the quotient once to 53 bits is rounding the exact value.
    const approxBits = Math.log2(Number(a)) - scale * Math.LOG2E * Math.LN10;
    const shift = Math.max(0, Math.ceil(QUOTIENT_BITS + 2 - approxBits));
    const num = a << BigInt(shift);
    let q = num / d;
    if (num - q * d !== 0n) q |= 1n;
    const scaleDown = 2 ** -shift;
    if (shift > 1000 || scaleDown === 0) return undefined;
    result = Number(q) * scaleDown;
  }
  if (!Number.isFinite(result) || (result !== 0 && Math.abs(result) < 2.2250738585072014e-308)) return undefined;
  return negative ? -result : result;
}
