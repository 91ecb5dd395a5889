import { dec, Dec, Money } from "../money";

/**
 * How much of a commission a cancellation takes back. PRORATED: the unearned part of the term,
 * (term - kept) / term; FULL: all of it; a number from 0 to 1: that share.
 */
export type ClawbackMethod = "PRORATED" | "FULL" | number;

/** The clawback methods by name, default first. */
export const CLAWBACK_METHODS: readonly ("PRORATED" | "FULL")[] = ["PRORATED", "FULL"];

/** A clawback policy: how much, and for how long after booking. */
export interface ClawbackPolicy {
  /** PRORATED (default), FULL, or a share from 0 to 1. */
  readonly method: ClawbackMethod;
  /** No clawback once the customer has stayed this many months; null: the term. */
  readonly windowMonths: number | null;
}

/**
 * The amount to reverse when a customer cancels after `monthsKept` months of a `termMonths`
 * contract, as a negative decimal (0 when nothing is clawed back): nothing once monthsKept
 * reaches the window (default: the term). The commission is 0 or more and the term above 0.
 */
export function clawback(
  commission: number | Dec,
  monthsKept: number,
  termMonths: number,
  policy: ClawbackPolicy,
): Dec {
  const window = policy.windowMonths ?? termMonths;
  if (monthsKept >= window) return new Money(0);
  const c = dec(commission);
  let share: Dec;
  if (policy.method === "FULL") share = new Money(1);
  else if (policy.method === "PRORATED") share = Money.max(0, dec(termMonths).minus(monthsKept)).div(termMonths);
  else share = dec(policy.method);
  // 0 - x rather than x.neg(): no negative zero.
  return new Money(0).minus(c.times(share));
}
