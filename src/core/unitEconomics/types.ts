import { InputError } from "../errors";

/** The funnel's stages, in order: a lead is qualified, gets a meeting, and is won. */
export const FUNNEL_STAGES = ["Leads", "Qualified", "Meetings", "Won"] as const;

/** The sales team structures the model costs (domain.md: assembly line, island, POD). */
export type StructureKind = "Assembly" | "Island" | "POD";

/** Every structure, in the order the sheet shows them. */
export const STRUCTURE_KINDS: readonly StructureKind[] = ["Assembly", "Island", "POD"];

/** What a channel really did, where the user has the figures (each null when unknown). */
export interface ChannelFact {
  readonly spend: number | null;
  readonly leads: number | null;
  readonly qualified: number | null;
  readonly meetings: number | null;
  readonly won: number | null;
  /** Monthly revenue of the customers won (compared with the plan's new revenue); absent in settings stored before it existed. */
  readonly revenue?: number | null;
}

/** One acquisition channel's monthly plan. */
export interface ChannelInput {
  /** Its name, unique among the channels ("Web", "Partners"). */
  readonly name: string;
  /** Marketing spend per month (the sales team's cost is added by the model). */
  readonly spend: number;
  /** Leads per month. */
  readonly leads: number;
  /** Conversion rates 0 to 1: lead -> qualified, qualified -> meeting, meeting -> won. */
  readonly rates: readonly [number, number, number];
  /** Average deal: the monthly revenue one won customer brings. */
  readonly averageDeal: number;
  /** Gross margin on that revenue, above 0 and at most 1. */
  readonly grossMargin: number;
  /** Share of customers lost each month, above 0 and at most 1. */
  readonly monthlyChurn: number;
  /** Actual figures, when known. */
  readonly fact?: ChannelFact;
}

/** What one person in each role handles per month. */
export interface Capacities {
  /** Leads an SDR works per month. */
  readonly leadsPerSdr: number;
  /** Meetings an AE runs per month. */
  readonly meetingsPerAe: number;
  /** Customers a CSR/AM keeps. */
  readonly customersPerCsr: number;
}

/** One role's pay: annual on-target earnings and the base share of it (0.7 = a 70/30 mix). */
export interface RolePay {
  readonly ote: number;
  readonly baseShare: number;
}

/** Pay under each structure: the assembly line's three roles, the island's generalist, the POD member. */
export interface StructurePay {
  readonly sdr: RolePay;
  readonly ae: RolePay;
  readonly csr: RolePay;
  readonly generalist: RolePay;
  readonly podMember: RolePay;
}

/** Everything the unit-economics model needs. */
export interface UnitEconomicsInput {
  readonly channels: readonly ChannelInput[];
  readonly capacities: Capacities;
  /** The structures to cost, side by side; the first also sets the sales cost in each channel's CAC. */
  readonly structures: readonly StructureKind[];
  readonly pay: StructurePay;
  /** The target number of people per POD, 3 to 7. */
  readonly podSize: number;
  /** Potential clients in the market (for the POD warning), or null when unknown. */
  readonly potentialClients: number | null;
  /** Months of the cash plan (default 24). */
  readonly horizonMonths?: number;
}

/** A channel's plan and its economics. */
export interface ChannelResult {
  readonly name: string;
  /** Plan counts per month at each stage: leads, qualified, meetings, won (= new customers). */
  readonly funnel: readonly number[];
  /** New customers per month (the funnel's last stage). */
  readonly customers: number;
  /** Monthly revenue added each month: customers x average deal. */
  readonly newRevenue: number;
  /** Customers still active at the end of the horizon. */
  readonly customersAtHorizon: number;
  /** The channel's share of the first structure's monthly acquisition cost, by the workload it makes. */
  readonly salesCost: number;
  /** (spend + sales cost) / customers; null with no customers. */
  readonly cac: number | null;
  /** CAC / (average deal x gross margin), in months; null with no customers. */
  readonly paybackMonths: number | null;
  /** average deal x gross margin / churn. */
  readonly ltv: number;
  /** LTV / CAC; null when CAC is null or 0. */
  readonly ltvToCac: number | null;
  /**
   * The fact funnel (null where unknown), each stage's fact / plan (null where either is unknown
   * or the plan is 0) and fact - plan (null where the fact is unknown); the same for new revenue.
   */
  readonly fact: {
    readonly funnel: readonly (number | null)[];
    readonly vsPlan: readonly (number | null)[];
    readonly variance: readonly (number | null)[];
    readonly revenue: number | null;
    readonly revenueVsPlan: number | null;
    readonly revenueVariance: number | null;
    readonly cac: number | null;
  };
  readonly warnings: readonly string[];
}

/** People per role under one structure. */
export interface Headcount {
  readonly sdr: number;
  readonly ae: number;
  readonly csr: number;
  /** Island generalists (0 elsewhere). */
  readonly generalists: number;
  /** Number of PODs (0 elsewhere). */
  readonly pods: number;
}

/** One structure costed. */
export interface StructureResult {
  readonly kind: StructureKind;
  readonly headcount: Headcount;
  /** All people. */
  readonly total: number;
  /** People per POD (POD only; 0 elsewhere). */
  readonly podSize: number;
  /** Work needed / people, overall. */
  readonly utilisation: number;
  /** Work needed / people per role; null where the structure has no such specialists (island). */
  readonly roleUtilisation: { readonly sdr: number | null; readonly ae: number | null; readonly csr: number | null };
  /** Compensation per month at on-target earnings. */
  readonly monthlyCompensation: number;
  /** Compensation per year at on-target earnings. */
  readonly annualCompensation: number;
  /** The part of the monthly compensation that acquires customers (SDR and AE work). */
  readonly acquisitionCost: number;
  /** Compensation / revenue over the horizon. */
  readonly costOfSales: number | null;
  /** Blended CAC: (all spend + acquisition cost) / all new customers; null with none. */
  readonly cac: number | null;
  /** Blended CAC / (revenue per new customer x blended margin). */
  readonly paybackMonths: number | null;
  /** Blended LTV (the new customers' mean) / CAC. */
  readonly ltvToCac: number | null;
  /** The first month whose cumulative cash is 0 or more; null within the horizon. */
  readonly breakEvenMonth: number | null;
  /** Cumulative cash at the end of each month 1..horizon. */
  readonly cumulativeCash: readonly number[];
  readonly warnings: readonly string[];
}

/** The work the funnel makes, in people of each role (before rounding up). */
export interface Workload {
  readonly sdr: number;
  readonly ae: number;
  readonly csr: number;
  /** SDR + AE work. */
  readonly acquisition: number;
  /** All work. */
  readonly total: number;
  readonly customersAtHorizon: number;
}

/** The whole model's result. */
export interface UnitEconomicsResult {
  readonly horizonMonths: number;
  readonly channels: readonly ChannelResult[];
  readonly workload: Workload;
  readonly structures: readonly StructureResult[];
  readonly totals: {
    readonly spend: number;
    readonly customers: number;
    readonly newRevenue: number;
    /** Monthly revenue per new customer, over all channels. */
    readonly revenuePerCustomer: number | null;
    /** Gross profit / revenue of the new customers. */
    readonly blendedMargin: number | null;
    /** The mean LTV of a new customer. */
    readonly blendedLtv: number | null;
    /** Revenue over the whole horizon. */
    readonly horizonRevenue: number;
  };
  /** Per month 1..horizon: gross profit, and its running total. */
  readonly months: { readonly grossProfit: readonly number[]; readonly cumulativeGrossProfit: readonly number[] };
}

/** Bad unit-economics input, with a message naming the channel and field. */
export class UnitEconomicsInputError extends InputError {}
