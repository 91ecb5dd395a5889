import { LedgerClawback, PayTiming } from "../../core/ledger";
import { DrawPolicy, ProrationBasis } from "../../core/payoutRules";
import { PayoutCurve } from "../../core/tiers";

/** Extra people credited on a deal from columns of the deals table (an SDR, a CSR). */
export interface CreditColumns {
  /** The column naming the person credited. */
  readonly person: string;
  /** The column with their share (blank column name or blank cell: {@link CreditColumns.defaultShare}). */
  readonly share: string | null;
  /** Their share when there is no share column or its cell is blank; absent or null: 100%. */
  readonly defaultShare?: number | null;
}

/** Where deals are credited from, besides the owner. */
export type CreditSource =
  /** Only the owner, in full. */
  | { readonly kind: "owner" }
  /** The owner in full, plus people named in columns of the deals table. */
  | {
      readonly kind: "columns";
      readonly columns: readonly CreditColumns[];
      /**
       * False when the pane's SDR field was left empty, so the first column reopens among the
       * further credit columns (a CSR's alone); absent: the first column is the SDR's.
       */
      readonly firstIsSdr?: boolean;
    }
  /** A separate table of credits: deal, person, share (optional role); it replaces the owner. */
  | {
      readonly kind: "table";
      readonly table: string;
      readonly deal: string;
      readonly person: string;
      readonly share: string;
      readonly role: string | null;
    };

/** The deals table and the headers of its columns. */
export interface DealsMapping {
  readonly table: string;
  readonly deal: string;
  readonly owner: string;
  readonly amount: string;
  readonly closeDate: string;
  readonly stage: string;
  readonly paymentDate: string | null;
  readonly cancelDate: string | null;
  /** The contract term in months, for prorated clawbacks (blank: the plan's). */
  readonly term: string | null;
  readonly credits: CreditSource;
}

/** The people table and the headers of its columns. */
export interface PeopleMapping {
  readonly table: string;
  readonly id: string;
  readonly role: string;
  readonly start: string | null;
  readonly end: string | null;
  /** Each person's quota per period. */
  readonly quota: string | null;
  /** Each person's draw per period. */
  readonly draw: string | null;
}

/** A role's plan in a back-test: the payout rules of the ledger core, on the credited amount. */
export interface BacktestRolePlan {
  readonly role: string;
  /** The annual target incentive (ATTAINMENT curves) or the multiplier of money tiers (AMOUNT, usually 1). */
  readonly targetIncentive: number;
  readonly curve: PayoutCurve;
  /** ATTAINMENT: the curve reads credited / quota; AMOUNT: the credited amount itself. */
  readonly curveOn: "ATTAINMENT" | "AMOUNT";
  /** RUNNING through the year, or RESET each period. */
  readonly attainment: "RUNNING" | "RESET";
  /** Stages that count (any case); null: every credited deal. */
  readonly stages: readonly string[] | null;
  /** EXACT: each deal's shares for this role add up to 100%; ANY: overlay allowed. */
  readonly splits: "EXACT" | "ANY";
  readonly proration: ProrationBasis | "NONE";
  readonly draw: DrawPolicy | null;
  /**
   * The draw per period of the role's people whose draw cell is blank (or with no draw column);
   * absent or null: none. Stored settings from before it have none.
   */
  readonly drawAmount?: number | null;
  readonly clawback: LedgerClawback | null;
  readonly payTiming: PayTiming | null;
}

/** What the back-test compares: the plans of each role. */
export interface BacktestPlan {
  /** Shown on the sheets: "Current", "Proposed". */
  readonly name: string;
  readonly roles: readonly BacktestRolePlan[];
}

/** The table of what was actually paid, per person. */
export interface ActualPayouts {
  readonly table: string;
  readonly person: string;
  readonly amount: string;
}

/** The period a quota sheet's quotas are for (the quota step's period). */
export type QuotaPeriod = "month" | "quarter" | "year";

/** Where each person's quota comes from. */
export type QuotaSource =
  /** The people table's quota per period column. */
  | { readonly kind: "people" }
  /**
   * The reps table the quota step wrote on its sheet (`Quotas_Reps`: Rep, Quota), matched by
   * person id (the same text), its quotas being per `per`.
   */
  | { readonly kind: "sheet"; readonly table: string; readonly per: QuotaPeriod }
  /** One annual quota per role. */
  | { readonly kind: "role"; readonly annual: Readonly<Record<string, number>> };

/** How many of a quota period make a year: 12 months, 4 quarters, 1 year. */
export const PER_YEAR: Readonly<Record<QuotaPeriod, number>> = { month: 12, quarter: 4, year: 1 };

/** Everything the back-test reads and compares; stored in the workbook for a re-run. */
export interface BacktestSettings {
  readonly deals: DealsMapping;
  readonly people: PeopleMapping;
  /** The plan year, e.g. 2026. */
  readonly year: number;
  readonly periods: "months" | "quarters";
  /** Quotas per period from the people table, from the quota step's reps table, or one annual quota per role. */
  readonly quotas: QuotaSource;
  readonly current: BacktestPlan;
  readonly proposed: BacktestPlan;
  readonly actual: ActualPayouts | null;
  /** Deals closed outside the plan year: refused (the default) or left out with a note. */
  readonly outsideYear: "refuse" | "skip";
  /** Which plan the statements are written for. */
  readonly statementsFor: "current" | "proposed";
}

/** The settings key the back-test stores its last run under. */
export const BACKTEST_SETTINGS_KEY = "backtest";

/**
 * A copy of a plan under another name, to change into the proposed plan ("copy the current,
 * then change it").
 */
export function copyPlan(plan: BacktestPlan, name: string): BacktestPlan {
  return JSON.parse(JSON.stringify({ ...plan, name })) as BacktestPlan;
}
