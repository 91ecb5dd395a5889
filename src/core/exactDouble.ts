/**
 * Exact integer arithmetic on pairs of doubles, for full-precision doubles without strings or
 * BigInt: the fast form of exactWide.ts.
 *
 * An integer below 2^106 is held exactly as an unevaluated sum hi + lo of two integer doubles
 * (Dekker's products and Knuth's sums are exact). A double's shortest decimal form (the digits
 * String() and decimal.js read) is found as an integer N and a power of ten from its exact binary
 * value, and a quotient is rounded once to the nearest double. Every step that could be
 * ambiguous (a rounding tie, a value on a rounding boundary, a power of two, a result too close
 * to a midpoint to decide with the margin kept) reports failure instead of guessing, and the
 * caller then takes the BigInt path: a result from here is always the one exact arithmetic gives.
 */

/** A mutable pair hi + lo, reused by callers so the inner loop allocates nothing. */
export interface Pair {
  /** The leading part: the double nearest to the pair's value. */
  hi: number;
  /** The exact remainder, at most half an ulp of hi. */
  lo: number;
}

/** A new pair holding 0. */
export function pair(): Pair {
  return { hi: 0, lo: 0 };
}

/** Veltkamp's splitting constant, 2^27 + 1. */
const SPLIT = 134217729;

/** out = a x b exactly (Dekker), for products well inside the normal range. */
export function twoProduct(a: number, b: number, out: Pair): void {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  out.hi = p;
  out.lo = ah * bh - p + ah * bl + al * bh + al * bl;
}

/** out = a + b exactly (Knuth's two-sum). */
export function twoSum(a: number, b: number, out: Pair): void {
  const s = a + b;
  const bb = s - a;
  out.hi = s;
  out.lo = a - (s - bb) + (b - bb);
}

/** Bits of a double, read through one shared buffer. */
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
F64[0] = 1;
/** The word order of this platform is the one the bit reads below assume (little-endian). */
const LITTLE_ENDIAN = U32[1] === 0x3ff00000;

/**
 * Half the spacing of doubles at a positive normal x whose significand is not a power of two
 * (the spacing is then the same on both sides); 0 when x is a power of two, subnormal or too
 * large, or on a platform whose word order differs.
 */
export function halfUlp(x: number): number {
  if (!LITTLE_ENDIAN) return 0;
  F64[0] = x;
  const high = U32[1];
  const exponent = (high >>> 20) & 0x7ff;
  if (((high & 0xfffff) === 0 && U32[0] === 0) || exponent <= 54 || exponent >= 0x7ff) return 0;
  U32[0] = 0;
  U32[1] = (exponent - 53) << 20;
  return F64[0];
}

/** Powers of ten that are exact doubles. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** Scratch pairs for this module's own steps. */
const p1 = pair();
const p2 = pair();

/** Result of {@link decimalFit}: 1 = some integer times 10^-q reads back as x, 0 = none, -1 = undecided. */
type Fit = 1 | 0 | -1;

/**
 * Whether the integer nearest to a x 10^q, times 10^-q, reads back as a (a positive double with
 * half-ulp h); that integer goes to out. Undecided on a tie between two integers or a value
 * exactly on a rounding boundary (where the reading would depend on ties-to-even).
 */
function decimalFit(a: number, h: number, q: number, out: Pair): Fit {
  const scale = POW10[q];
  twoProduct(a, scale, p1);
  const ph = p1.hi;
  const pl = p1.lo;
  const r1 = Math.round(ph);
  // ph - r1 is exact; the fraction of a x 10^q is (ph - r1) + pl, kept as a pair.
  twoSum(ph - r1, pl, p2);
  const r2 = Math.round(p2.hi);
  const s = p2.hi - r2;
  twoSum(s, p2.lo, p2);
  const d = Math.abs(p2.hi);
  if (d >= 0.5) return -1;
  const hs = h * scale;
  const dl = p2.hi < 0 ? -p2.lo : p2.lo;
  if (d === hs && dl === 0) return -1;
  twoSum(r1, r2, out);
  return d < hs || (d === hs && dl < 0) ? 1 : 0;
}

/** log10(2), to estimate a double's decimal exponent from its binary one. */
const LOG10_2 = Math.LOG10E * Math.LN2;

/**
 * The shortest decimal form of x (the one String(x) writes: fewest digits, then the closest to
 * x): out receives its digits as an integer N (sign included) and the result is q, so that the
 * form is N x 10^-q. Returns -1 when undecided here (x outside [1e-4, 1e4), a power of two, a
 * tie or a boundary case, or an integer-like x with q reaching 0); the caller then reads the
 * string.
 */
export function shortestDigits(x: number, out: Pair): number {
  const a = Math.abs(x);
  if (!(a >= 1e-4 && a < 1e4) || !LITTLE_ENDIAN) return -1;
  F64[0] = a;
  const binaryExponent = ((U32[1] >>> 20) & 0x7ff) - 1023;
  const h = halfUlp(a);
  if (h === 0) return -1;
  // A form that fits with q decimals also fits with q + 1 (append a zero), so the shortest is
  // the q that fits while q - 1 does not. The search starts at about 16 significant digits
  // (most full-precision doubles need 16 or 17; the estimate from the binary exponent may be one
  // digit long), goes down while forms fit, or up once when the first does not.
  let q = 15 - Math.floor(binaryExponent * LOG10_2);
  let fit = decimalFit(a, h, q, out);
  if (fit < 0) return -1;
  if (fit === 0) {
    q++;
    if (q >= POW10.length || decimalFit(a, h, q, out) !== 1) return -1;
  } else {
    let nh = out.hi;
    let nl = out.lo;
    for (;;) {
      if (q === 0) return -1;
      fit = decimalFit(a, h, q - 1, out);
      if (fit < 0) return -1;
      if (fit === 0) break;
      q--;
      nh = out.hi;
      nl = out.lo;
    }
    out.hi = nh;
    out.lo = nl;
  }
  if (x < 0) {
    out.hi = -out.hi;
    out.lo = -out.lo;
  }
  return q;
}

/** 2^99: terms above it could overflow the pair's exact range once added. */
export const TERM_LIMIT = 2 ** 99;

/**
 * out = the exact sum of integer doubles a + b + c + d + e, each below {@link TERM_LIMIT} in
 * magnitude (so every rounding error of the running sum is an integer below 2^50 and their
 * total is exact).
 */
export function sumIntegers(a: number, b: number, c: number, d: number, e: number, out: Pair): void {
  twoSum(a, b, p1);
  let err = p1.lo;
  twoSum(p1.hi, c, p1);
  err += p1.lo;
  twoSum(p1.hi, d, p1);
  err += p1.lo;
  twoSum(p1.hi, e, p1);
  err += p1.lo;
  twoSum(p1.hi, err, out);
}

/**
 * The nearest double to n / 10^scale for an exact integer pair n (|n| < 2^106, scale <= 22),
 * or undefined when that cannot be decided here: the quotient lies within 2^-20 of an ulp of a
 * midpoint, or next to a power of two, subnormal or out of range. The candidate c0 = n.hi /
 * 10^scale is within about an ulp; the remainder n - c0 x 10^scale, computed exactly, says how
 * many ulps (k) and what fraction of one the quotient lies from it, and the answer c0 + k ulps
 * is accepted only when that fraction is clearly inside half an ulp.
 */
export function roundQuotient(n: Pair, scale: number): number | undefined {
  if (n.hi === 0) return 0;
  const d = POW10[scale];
  const c0 = n.hi / d;
  const hu = halfUlp(Math.abs(c0));
  if (hu === 0) return undefined;
  twoProduct(c0, d, p1);
  // n.hi - p1.hi is exact (Sterbenz: c0 x 10^scale is within an ulp or two of n.hi); the rest is a pair.
  const r0 = n.hi - p1.hi;
  twoSum(n.lo, -p1.lo, p2);
  const ulpTimesD = 2 * hu * d;
  if (Math.abs(r0) > ulpTimesD * 4 || Math.abs(p2.hi) > ulpTimesD * 4) return undefined;
  // Each term is below 4 ulps x 10^scale, so the rounding errors of this sum and of the division
  // are below 2^-48 of an ulp: far inside the 2^-20 margin.
  const ulps = (r0 + p2.hi + p2.lo) / ulpTimesD;
  const k = Math.round(ulps);
  if (Math.abs(ulps - k) >= 0.5 - 2 ** -20 || k > 1 || k < -1) return undefined;
  if (k === 0) return c0;
  // One ulp either way: only within the same binade, where doubles are 2 x hu apart on both sides.
  const c = c0 + k * 2 * hu;
  return halfUlp(Math.abs(c)) === hu ? c : undefined;
}
