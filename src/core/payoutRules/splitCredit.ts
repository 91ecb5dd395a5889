import { allocate } from "../allocate";
import { decimalScale, POW10 } from "../exactDecimal";
import { dec, Dec, Money, sumExact } from "../money";

/**
 * Splits a deal's credit by shares: each part is amount x share, rounded to `decimals` by largest
 * remainder, so the parts add up exactly to amount x sum(shares) rounded to `decimals` (halves away
 * from zero, as Excel's ROUND). Shares are 0 or more; their sum may exceed 1 (overlay credit).
 * All shares 0 gives all parts 0.
 */
export function splitCredit(amount: number | Dec, shares: readonly number[], decimals = 2): Dec[] {
  const fast = typeof amount === "number" ? splitCreditFast(amount, shares, decimals) : undefined;
  if (fast) return fast.map((n) => dec(n));
  const shareSum = sumExact(shares);
  const total = dec(amount).times(shareSum).toDecimalPlaces(decimals, Money.ROUND_HALF_UP);
  if (shareSum.isZero()) return shares.map(() => new Money(0));
  return allocate(total, shares, new Money(10).pow(-decimals));
}

/** Integers below this stay exact through the products below. */
const LIMIT = 2 ** 53;

/**
 * {@link splitCredit} on scaled integers held in doubles, for the usual case (an amount in cents,
 * shares with a few decimals): the same largest-remainder steps, exactly. Undefined when a number
 * or a product is too long to stay exact; the caller then uses decimals. Tests check both agree.
 */
export function splitCreditFast(amount: number, shares: readonly number[], decimals = 2): number[] | undefined {
  if (decimals < 0 || decimals > 10) return undefined;
  // A reversal (negative amount) goes through the decimal allocation: mirroring the remainders of a
  // negative amount here placed a cent differently (seed 1134592659: -343,153.81 over six shares).
  if (amount < 0) return undefined;
  const ka = decimalScale(amount);
  if (ka < 0 || ka > decimals) return undefined;
  let ks = 0;
  for (const s of shares) {
    const k = decimalScale(s);
    if (k < 0) return undefined;
    if (k > ks) ks = k;
  }
  // amount in units of 10^-decimals; shares as integers at ks decimals
  const units = Math.round(Math.abs(amount) * POW10[ka]) * POW10[decimals - ka];
  const w = shares.map((s) => Math.round(s * POW10[ks]));
  const wSum = w.reduce((a, b) => a + b, 0);
  if (!(units < LIMIT) || !(wSum < LIMIT) || units * wSum >= LIMIT) return undefined;
  const sign = amount < 0 ? -1 : 1;
  if (wSum === 0) return shares.map(() => 0);
  // total = units x wSum / 10^ks, rounded half up (on the magnitude: halves away from zero)
  const scale = POW10[ks];
  const exact = units * wSum;
  let total = Math.floor(exact / scale);
  if ((exact - total * scale) * 2 >= scale) total++;
  if (total * wSum >= LIMIT) return undefined;
  // largest remainder: parts floor(total x w_i / wSum), the units left to the largest remainders
  const whole = w.map((wi) => Math.floor((total * wi) / wSum));
  const rem = w.map((wi, i) => total * wi - whole[i] * wSum);
  let left = total - whole.reduce((a, b) => a + b, 0);
  const order = rem.map((r, i) => i).sort((a, b) => rem[b] - rem[a] || a - b);
  for (const i of order) {
    if (left <= 0) break;
    whole[i]++;
    left--;
  }
  return whole.map((u) => (sign * u) / POW10[decimals] + 0);
}
