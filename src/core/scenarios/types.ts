import { InputError } from "../errors";
import { PayoutCurve } from "../tiers";

/** A named payout curve a scenario can use. */
export interface NamedCurve {
  readonly name: string;
  readonly curve: PayoutCurve;
}

/** One scenario: a role with one pay mix and one curve, and its own inputs. */
export interface ScenarioInput {
  readonly role: string;
  readonly headcount: number;
  /** On-target earnings per person. */
  readonly ote: number;
  /** Quota per person for the period the OTE covers. */
  readonly quota: number;
  /** Base share of OTE (0.6 = a 60/40 mix). */
  readonly baseShare: number;
  readonly curve: NamedCurve;
}

/**
 * The attainment distribution the costs are taken over: equally likely points (the quota
 * step's 100 quantiles), and the points where percentiles and leverage are read.
 */
export interface AttainmentDistribution {
  readonly points: readonly number[];
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  /** The excellence point: the attainment only the top 7.5% reach. */
  readonly excellence: number;
}

/** What a scenario costs and pays. */
export interface ScenarioResult {
  readonly base: number;
  readonly targetIncentive: number;
  /** target incentive / quota. */
  readonly commissionRate: number;
  readonly baseCost: number;
  readonly variableCost: number;
  readonly totalCost: number;
  readonly expectedRevenue: number;
  /** totalCost / expectedRevenue. */
  readonly costOfSales: number;
  /** Payout per person at 50, 75, 100, 125 and 150% attainment. */
  readonly payoutAt: readonly number[];
  /** Earnings (base + payout) at the 10th, 50th and 90th percentile of attainment. */
  readonly earnings: readonly [number, number, number];
  /** Payout at the excellence point / target incentive. */
  readonly leverage: number;
  readonly warnings: readonly string[];
}

/** Bad scenario input, with a message that says what to fix. */
export class ScenarioInputError extends InputError {}
