import { allocate } from "../allocate";
import { dec, Dec, Money, roundTo, Rounding, sumExact } from "../money";

/**
 * Splits a deal's credit by shares: each part is amount x share, rounded to `decimals` by largest
 * remainder, so the parts add up exactly to amount x sum(shares) rounded to `decimals` (halves away
 * from zero, as Excel's ROUND). Shares are 0 or more; their sum may exceed 1 (overlay credit).
 * All shares 0 gives all parts 0.
 */
export function splitCredit(amount: number | Dec, shares: readonly number[], decimals = 2): Dec[] {
  const shareSum = sumExact(shares);
  const total = roundTo(dec(amount).times(shareSum), decimals, Rounding.halfUp);
  if (shareSum.isZero()) return shares.map(() => new Money(0));
  return allocate(total, shares, new Money(10).pow(-decimals));
}
