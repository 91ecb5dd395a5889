import { dec, Dec, Money } from "../money";

/** How a draw is settled. */
export interface DrawPolicy {
  /** True: a shortfall is owed and repaid from later earnings. False: a guarantee, never owed. */
  readonly recoverable: boolean;
  /** The largest share of a period's earnings that may go to repaying what is owed (0 to 1). */
  readonly recoveryLimit: number;
}

/** One period of a draw. */
export interface DrawPeriod {
  /** What the rep earned in the period. */
  readonly earned: Dec;
  /** The period's draw (0 for none). */
  readonly draw: Dec;
  /** What the company adds to the earnings to reach the draw. */
  readonly topUp: Dec;
  /** What the period's earnings repay of what is owed. */
  readonly recovered: Dec;
  /** What the rep is paid: the draw when earnings are short, else earned - recovered. */
  readonly paid: Dec;
  /** What the rep owes at the end of the period. */
  readonly owed: Dec;
}

/**
 * One period of a draw, given what is owed at its start. Earnings short of the draw: the draw is
 * paid and the shortfall is the top-up (owed when recoverable). Otherwise only earnings above the
 * draw repay what is owed, and at most recoveryLimit x the period's earnings.
 */
export function drawPeriod(owedBefore: Dec, earned: number | Dec, draw: number | Dec, policy: DrawPolicy): DrawPeriod {
  const e = dec(earned);
  const d = dec(draw);
  const zero = new Money(0);
  if (e.lt(d)) {
    const topUp = d.minus(e);
    return {
      earned: e,
      draw: d,
      topUp,
      recovered: zero,
      paid: d,
      owed: policy.recoverable ? owedBefore.plus(topUp) : owedBefore,
    };
  }
  let recovered = zero;
  if (owedBefore.gt(0)) recovered = Money.min(owedBefore, e.minus(d), e.times(policy.recoveryLimit));
  return { earned: e, draw: d, topUp: zero, recovered, paid: e.minus(recovered), owed: owedBefore.minus(recovered) };
}

/** A draw over consecutive periods, starting from an opening balance owed. */
export function applyDraw(
  earnings: readonly (number | Dec)[],
  draws: readonly (number | Dec)[],
  policy: DrawPolicy,
  openingBalance: number | Dec = 0,
): DrawPeriod[] {
  let owed = dec(openingBalance);
  return earnings.map((e, i) => {
    const p = drawPeriod(owed, e, draws[i], policy);
    owed = p.owed;
    return p;
  });
}
