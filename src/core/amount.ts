import { decimalScale, POW10 } from "./exactDecimal";
import { dec, Dec, toNumber } from "./money";

/**
 * An exact amount held as cheaply as it allows: a double when the double's decimal form is the
 * exact value (short decimals: money in cents, rates as typed), a decimal otherwise. Loops that
 * add many amounts (the ledger) stay in doubles while the numbers allow and move to decimal.js
 * only when a value really needs more digits, with bit-for-bit the results decimal.js gives.
 */
export type Amount = number | Dec;

/** A decimal with at most this many significant digits survives a trip through a double. */
const ROUND_TRIP_DIGITS = 15;

/** The scaled integers stay below 10^15, so the result has at most 15 significant digits. */
const SHORT_LIMIT = 1e15;

/** A decimal as an Amount: a double when it survives the trip through one, else itself. */
export function settle(d: Dec): Amount {
  if (d.isZero()) return 0;
  const e = d.e;
  return d.sd() <= ROUND_TRIP_DIGITS && e > -290 && e < 290 ? toNumber(d) : d;
}

/**
 * a + b exactly as a double whose decimal form is the exact sum, when both are short decimals
 * and the sum has at most 15 significant digits; undefined otherwise.
 */
export function addShort(a: number, b: number): number | undefined {
  const ka = decimalScale(a);
  if (ka < 0) return undefined;
  const kb = decimalScale(b);
  if (kb < 0) return undefined;
  const k = ka > kb ? ka : kb;
  const ia = Math.round(a * POW10[ka]) * POW10[k - ka];
  const ib = Math.round(b * POW10[kb]) * POW10[k - kb];
  if (!(Math.abs(ia) < SHORT_LIMIT && Math.abs(ib) < SHORT_LIMIT)) return undefined;
  const sum = ia + ib;
  return Math.abs(sum) < SHORT_LIMIT ? sum / POW10[k] + 0 : undefined;
}

/** a x b exactly as a double, under the same conditions as {@link addShort}; undefined otherwise. */
export function timesShort(a: number, b: number): number | undefined {
  const ka = decimalScale(a);
  if (ka < 0) return undefined;
  const kb = decimalScale(b);
  if (kb < 0 || ka + kb >= POW10.length) return undefined;
  const product = Math.round(a * POW10[ka]) * Math.round(b * POW10[kb]);
  return Math.abs(product) < SHORT_LIMIT ? product / POW10[ka + kb] + 0 : undefined;
}

/** a + b, exactly. */
export function plus(a: Amount, b: Amount): Amount {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) return a;
    if (a === 0) return b;
    const s = addShort(a, b);
    if (s !== undefined) return s;
  }
  return settle(dec(a).plus(b));
}

/** a - b, exactly. */
export function minus(a: Amount, b: Amount): Amount {
  return plus(a, typeof b === "number" ? -b : b.neg());
}

/** a x b, exactly. */
export function times(a: Amount, b: Amount): Amount {
  if (typeof a === "number" && typeof b === "number") {
    const p = timesShort(a, b);
    if (p !== undefined) return p;
  }
  return settle(dec(a).times(b));
}

/** The nearest double to an amount. */
export function amountToNumber(a: Amount): number {
  return typeof a === "number" ? a + 0 : toNumber(a);
}

/** -1, 0 or 1: the amount's sign. */
export function signOf(a: Amount): number {
  return typeof a === "number" ? Math.sign(a) : a.isZero() ? 0 : a.isNegative() ? -1 : 1;
}
