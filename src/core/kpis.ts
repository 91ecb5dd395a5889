import { dec, Dec, Money, toNumber } from "./money";

/**
 * Sales KPIs on plain numbers, computed exactly (decimal sums) and returned as the nearest double.
 * Validation of cells happens in the functions layer; these take clean inputs.
 */

/** Mean of numbers; null for none. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return toNumber(values.reduce<Dec>((s, v) => s.plus(v), new Money(0)).div(values.length));
}

/** Median of numbers (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? sorted[mid]
    : toNumber(
        dec(sorted[mid - 1])
          .plus(sorted[mid])
          .div(2),
      );
}

/** Revenue per account, in first-seen order of the accounts. */
export function sumByKey(keys: readonly string[], amounts: readonly number[]): Map<string, Dec> {
  const totals = new Map<string, Dec>();
  keys.forEach((k, i) => totals.set(k, (totals.get(k) ?? new Money(0)).plus(amounts[i])));
  return totals;
}

/** The largest part's share of the total ("TOP") or the sum of squared shares ("HHI"); null when the total is 0. */
export function concentration(parts: readonly Dec[], measure: "TOP" | "HHI"): number | null {
  const total = parts.reduce<Dec>((s, p) => s.plus(p), new Money(0));
  if (total.isZero()) return null;
  if (measure === "TOP") return toNumber(parts.reduce<Dec>((m, p) => (p.gt(m) ? p : m), new Money(0)).div(total));
  return toNumber(parts.reduce<Dec>((s, p) => s.plus(p.div(total).pow(2)), new Money(0)));
}
