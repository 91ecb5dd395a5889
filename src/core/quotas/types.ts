import { InputError } from "../errors";
/** Inputs and outputs of the elastic quota model. */

/** One rep (or territory) to set a quota for. */
export interface QuotaRep {
  readonly id: string;
  /** Territory potential; above 0. */
  readonly potential: number;
  /** Bookings of prior periods (one or more; blank = no data for that period); 0 or more. */
  readonly history?: readonly (number | null)[];
}

/** How the quotas are set. */
export interface QuotaOptions {
  /** The company target for the period; above 0. */
  readonly companyTarget: number;
  /** Share of reps who should reach quota; default 0.65 (the healthy band is 0.60-0.70). */
  readonly targetShare?: number;
  /** Weight of history against potential in the forecast, 0-1; default 0.5. */
  readonly historyWeight?: number;
  /** Spread (sigma of ln actual/forecast) when history cannot give one; default 0.25. */
  readonly sigma?: number;
  /** "equal-stretch": Q = k F for all; "equal-probability": every rep the same chance. */
  readonly method?: "equal-stretch" | "equal-probability";
  /** Round each quota to a multiple of this (e.g. 1000); the total stays exact. Default 1. */
  readonly rounding?: number;
  /** The over-assignment wanted: total quota = target x (1 + this); default 0.10. */
  readonly overAssignment?: number;
  /** When share and total conflict: keep the share (default) or keep the total. */
  readonly keep?: "share" | "total";
}

/** One rep's quota. */
export interface RepQuota {
  readonly id: string;
  readonly forecast: number;
  readonly quota: number;
  /** quota / forecast. */
  readonly stretch: number;
  /** Chance of reaching quota under the model. */
  readonly probability: number;
  /** The spread used for this rep. */
  readonly sigma: number;
}

/** What the model says about the plan as a whole. */
export interface QuotaSummary {
  readonly companyTarget: number;
  readonly sumOfQuotas: number;
  /** sumOfQuotas / companyTarget - 1. */
  readonly overAssignment: number;
  /** The mean of the reps' probabilities. */
  readonly expectedShare: number;
  readonly sigma: number;
  readonly sigmaSource: "history" | "entered";
  /** The common stretch (equal stretch), or the mean stretch. */
  readonly stretch: number;
}

/** The conflict between the share attaining and the total wanted, in numbers. */
export interface TradeOff {
  /** Total quota that gives the target share. */
  readonly totalForShare: number;
  /** Target x (1 + wanted over-assignment). */
  readonly totalWanted: number;
  /** The expected share if the total is kept at totalWanted. */
  readonly shareAtWantedTotal: number;
  /** True when the target share needs less total quota than wanted. */
  readonly conflict: boolean;
  /** Which one the quotas keep. */
  readonly kept: "share" | "total";
}

/** The quota model's result. */
export interface QuotaPlan {
  readonly reps: readonly RepQuota[];
  readonly summary: QuotaSummary;
  readonly tradeOff: TradeOff;
  readonly notes: readonly string[];
}

/** Bad input to the quota model, with a message that says what to fix. */
export class QuotaInputError extends InputError {}
