import { InputError } from "../errors";
import { ClawbackMethod, DrawPolicy, Period, ProrationBasis } from "../payoutRules";
import { PayoutCurve } from "../tiers";

/**
 * One credit row: a deal (or a reversal of one) credited to one person. A deal split between
 * people is several rows with the same deal, date and amount, each with its share.
 */
export interface LedgerCredit {
  /** The deal's id, shown on statements. */
  readonly deal: string;
  /** The person credited (a LedgerPerson id). */
  readonly person: string;
  /** The capacity credited (SDR, AE...); blank: the person's role. Must be the person's role. */
  readonly role?: string | null;
  /** Booking (close) date, an Excel date serial inside the plan year. */
  readonly date: number;
  /** The deal's amount; negative for a reversal. */
  readonly amount: number;
  /** This person's share of the deal (default 1). */
  readonly share?: number | null;
  /** The deal's stage, for plans that count some stages only. */
  readonly stage?: string | null;
  /** When the customer paid (for plans that pay at payment); blank: not paid. */
  readonly paymentDate?: number | null;
  /** When the customer cancelled (clawbacks, forfeited holdbacks); blank: not cancelled. */
  readonly cancelDate?: number | null;
  /** The contract's term in months, for prorated clawbacks; blank: the plan's. */
  readonly termMonths?: number | null;
}

/** A person on a plan. */
export interface LedgerPerson {
  /** Unique id, as the credits name them. */
  readonly id: string;
  /** The role, whose plan applies. */
  readonly role: string;
  /** First day in the plan; blank: the plan year's first day. */
  readonly start?: number | null;
  /** Last day in the plan; blank: through the year. */
  readonly end?: number | null;
  /** The draw per period: one amount for every period, or one per period; blank: none. */
  readonly draw?: number | readonly number[] | null;
  /** The person's own quota: annual (spread by the plan's weights) or one per period; blank: the plan's. */
  readonly quota?: number | readonly number[] | null;
  /** The person's own annual target incentive; blank: the plan's. */
  readonly targetIncentive?: number | null;
  /** What the person owes at the start of the year (an earlier draw); default 0. */
  readonly openingBalance?: number | null;
}

/** A role's quota: one per period, or annual spread over the periods by weights. */
export type LedgerQuota =
  { readonly perPeriod: readonly number[] } | { readonly annual: number; readonly weights?: readonly number[] | null };

/** When commission is paid. */
export type PayTiming =
  /** In the period of booking. */
  | { readonly kind: "BOOKING" }
  /** In the period of the customer's payment date (not at all without one). */
  | { readonly kind: "PAYMENT" }
  /** `share` held back at booking and paid `months` later unless the customer cancelled first. */
  | { readonly kind: "HOLDBACK"; readonly share: number; readonly months: number };

/** A clawback policy for cancelled customers. */
export interface LedgerClawback {
  /** PRORATED, FULL, or a share from 0 to 1. */
  readonly method: ClawbackMethod;
  /** No clawback once the customer stayed this long; null: the term. */
  readonly windowMonths: number | null;
  /** The contract term for credits that give none. */
  readonly termMonths: number;
}

/** A role's plan. */
export interface LedgerPlan {
  /** The role it applies to. */
  readonly role: string;
  /** AMOUNT: the credited amount counts; COUNT: each deal counts its share (a reversal takes it back). */
  readonly measure: "AMOUNT" | "COUNT";
  /** The stages that count (trimmed, any case); null: every credit counts. */
  readonly stages?: readonly string[] | null;
  /** The quota for a full year in the plan. */
  readonly quota: LedgerQuota;
  /** The annual target incentive (ATTAINMENT), or the multiplier of money tiers (AMOUNT, usually 1). */
  readonly targetIncentive: number;
  /** The payout curve. */
  readonly curve: PayoutCurve;
  /** ATTAINMENT: the curve reads measure / quota; AMOUNT: the curve reads the measure itself. */
  readonly curveOn: "ATTAINMENT" | "AMOUNT";
  /** RUNNING: attainment accumulates through the year (the annual quota); RESET: each period on its own quota. */
  readonly attainment: "RUNNING" | "RESET";
  /** How quota and target incentive are prorated for joiners and leavers; NONE: not at all. */
  readonly proration: ProrationBasis | "NONE";
  /** EXACT: a deal's shares for this role must add up to 100%; ANY: any sum (overlay). */
  readonly splits: "EXACT" | "ANY";
  /** How draws are settled; blank: recoverable, no limit. */
  readonly draw?: DrawPolicy | null;
  /** Clawbacks for cancelled customers; blank: none. */
  readonly clawback?: LedgerClawback | null;
  /** When commission is paid; blank: at booking. */
  readonly payTiming?: PayTiming | null;
}

/** Everything the ledger computes from. */
export interface LedgerInput {
  /** The plan year's consecutive periods (months or quarters). */
  readonly periods: readonly Period[];
  /** One plan per role. */
  readonly plans: readonly LedgerPlan[];
  /** The people. */
  readonly people: readonly LedgerPerson[];
  /** The credits, in any order (booking order is by date, then row). */
  readonly credits: readonly LedgerCredit[];
}

/** One person in one period. Money figures are exact sums of the period's lines. */
export interface LedgerRow {
  /** The person's id. */
  readonly person: string;
  /** The person's role. */
  readonly role: string;
  /** 1-based period. */
  readonly period: number;
  /** The measure credited in the period (counted credits only). */
  readonly credited: number;
  /** The period's quota, prorated. */
  readonly quota: number;
  /** credited / quota; null when the quota is 0. */
  readonly attainment: number | null;
  /** Credited through the period / quota through the period; null when that quota is 0. */
  readonly attainmentYtd: number | null;
  /** Commission earned by the period's credits. */
  readonly earned: number;
  /** What the company added to reach the draw. */
  readonly topUp: number;
  /** What was repaid of earlier top-ups. */
  readonly recovered: number;
  /** Commission reversed for cancelled customers (0 or negative). */
  readonly clawedBack: number;
  /** Commission earned but held back (0 or more). */
  readonly heldBack: number;
  /** Held-back commission paid out in the period. */
  readonly released: number;
  /** What the person is paid: earned - held back + released + clawed back + top-up - recovered. */
  readonly paid: number;
  /** What the person owes at the end of the period. */
  readonly owed: number;
}

/** What a line is. */
export type LineKind = "EARNED" | "HOLDBACK" | "RELEASE" | "FORFEIT" | "CLAWBACK" | "TOPUP" | "RECOVERY";

/** One line behind a figure: a deal's commission, a holdback, a release, a clawback, or a draw. */
export interface LedgerLine {
  /** The person's id. */
  readonly person: string;
  /** 1-based period the line is paid in. */
  readonly period: number;
  /** What the line is. */
  readonly kind: LineKind;
  /** The deal, or null for draw lines. */
  readonly deal: string | null;
  /** The 1-based credits row, or null for draw lines. */
  readonly creditRow: number | null;
  /** The credit booked (EARNED lines; 0 otherwise). */
  readonly credit: number;
  /** The measure the curve read before the credit (EARNED lines). */
  readonly measureFrom: number | null;
  /** The measure the curve read after it (EARNED lines). */
  readonly measureTo: number | null;
  /** The line's effect on what is paid (FORFEIT lines are 0: the held amount is simply never paid). */
  readonly amount: number;
}

/** The ledger: a row per person and period, and the lines behind them. */
export interface LedgerResult {
  /** People in input order, each with one row per period. */
  readonly rows: readonly LedgerRow[];
  /** Every line, by person, then in the order they arise. */
  readonly lines: readonly LedgerLine[];
}

/** Bad ledger input, naming the table, the 1-based row and the field. */
export class LedgerInputError extends InputError {
  constructor(
    /** "credits", "people", "plans" or "periods". */
    readonly table: string,
    /** 1-based row in that table. */
    readonly row: number,
    /** The field at fault. */
    readonly field: string,
    problem: string,
  ) {
    super(`${table} row ${row}, ${field}: ${problem}`);
  }
}
