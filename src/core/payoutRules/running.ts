import { Amount, amountToNumber, minus, plus } from "../amount";
import { CompiledCurve, payout } from "../tiers";
import { exactRatio } from "../ratio";

/**
 * Pays a running measure deal by deal: each step pays target incentive x (f(after) - f(before)),
 * where f is the curve on the measure accumulated so far. The cumulative payouts are PAYOUT's own
 * values (the same tier engine, so the same doubles), and each step is the exact decimal
 * difference of two of them, so the steps telescope: their exact sum is f(end) - f(start).
 */
export class RunningPayout {
  private cumulative: Amount;
  private paidSoFar: number;

  /**
   * @param curve The compiled payout curve.
   * @param targetIncentive What a rate of 1 pays per 1.0 of the measure (1 for money tiers).
   * @param start The measure already booked before the first step.
   * @param divisor When given, the curve reads cumulative / divisor (attainment of a quota).
   */
  constructor(
    private readonly curve: CompiledCurve,
    private readonly targetIncentive: number,
    start: Amount = 0,
    private readonly divisor: number | null = null,
  ) {
    this.cumulative = start;
    this.paidSoFar = this.cumulativePayout();
  }

  /** The measure the curve reads now (cumulative, or cumulative / divisor). */
  measure(): number {
    // The cumulative as a double first, as a worksheet holding it would: then the attainment is
    // bit for bit QUOTA_ATTAINMENT(cumulative, divisor).
    const c = amountToNumber(this.cumulative);
    return this.divisor === null ? c : exactRatio(c, this.divisor);
  }

  /** The running measure before any division, exactly. */
  total(): Amount {
    return this.cumulative;
  }

  /** target incentive x f(measure now), exactly as PAYOUT returns it. */
  cumulativePayout(): number {
    return payout(this.measure(), this.targetIncentive, this.curve);
  }

  /** Books one amount (negative for a reversal) and returns what it pays, exactly. */
  add(amount: Amount): Amount {
    this.cumulative = plus(this.cumulative, amount);
    const now = this.cumulativePayout();
    const step = minus(now, this.paidSoFar);
    this.paidSoFar = now;
    return step;
  }
}

/**
 * RUNNING_PAYOUT's rows: for each amount (null for a blank row, which pays nothing and stays
 * blank), the payout of the running measure after it minus before it, as the nearest double.
 */
export function runningPayout(
  amounts: readonly (number | null)[],
  targetIncentive: number,
  curve: CompiledCurve,
  start = 0,
): (number | null)[] {
  const meter = new RunningPayout(curve, targetIncentive, start);
  return amounts.map((a) => (a === null ? null : amountToNumber(meter.add(a))));
}
