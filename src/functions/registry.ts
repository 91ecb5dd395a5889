import { CalcError } from "../core/errors";
import { cac } from "./cac";
import {
  attainmentShare,
  avgDealSize,
  commissionRate,
  conversion,
  costOfSales,
  kpiBonus,
  payMix,
  revenueConcentration,
  salesCycle,
} from "./kpis";
import { EXPLAIN_HEADERS, payout, payoutExplain } from "./payout";
import { clawback, draw, DRAW_HEADERS, prorate, runningPayout, splitCredit } from "./payoutRules";
import { quotaAttainment } from "./quotaAttainment";
import { cacPayback, funnel, funnelSpillsRow, leadGrowth, ltv, ltvToCac } from "./unitEconomics";
import { OutMatrix } from "./values";
import { winRate } from "./winRate";

/** How a parameter is passed: a range (matrix) or a single value. */
export type ParamKind = "range" | "value";

/** One parameter of a COMP function, as its help shows it. */
export interface ParamSpec {
  /** The parameter's name in Excel's help. */
  readonly name: string;
  /** Range or single value. */
  readonly kind: ParamKind;
  /** True for [optional] parameters. */
  readonly optional: boolean;
}

/** A result's size in cells. */
export interface Shape {
  /** Rows. */
  readonly height: number;
  /** Columns. */
  readonly width: number;
}

/** One COMP function: its id, parameters and the adapter that computes it. */
export interface FunctionSpec {
  /** The id after the COMP. namespace; never changes once released. */
  readonly id: string;
  /** Parameters in their final order. */
  readonly params: readonly ParamSpec[];
  /** "matrix" for functions that spill, "scalar" for one value. */
  readonly result: "matrix" | "scalar";
  /** The adapter both Excel and the preview engine call. */
  readonly compute: (...args: unknown[]) => OutMatrix | number | CalcError;
  /**
   * For spilling functions: the largest result for arguments of these shapes, known before the
   * values are (spreadsheet engines reserve the spill area first).
   */
  readonly spillSize?: (argShapes: readonly Shape[]) => Shape;
}

/** Element-wise functions spill to the shape of their widest element-wise argument. */
const elementwiseSize = (argShapes: readonly Shape[]): Shape =>
  argShapes.slice(0, 2).find((s) => s.height * s.width > 1) ?? { height: 1, width: 1 };

/** Element-wise over every argument: the widest of them all (optional arguments included). */
const broadcastSize = (argShapes: readonly Shape[]): Shape =>
  argShapes.find((s) => s.height * s.width > 1) ?? { height: 1, width: 1 };

/** FUNNEL: one stage more than the rates, along the rates' direction. */
const funnelSize = (argShapes: readonly Shape[]): Shape => {
  const rates = argShapes[1] ?? { height: 1, width: 1 };
  return funnelSpillsRow(rates) ? { height: 1, width: rates.width + 1 } : { height: rates.height + 1, width: 1 };
};

const range = (name: string, optional = false): ParamSpec => ({ name, kind: "range", optional });
const value = (name: string, optional = false): ParamSpec => ({ name, kind: "value", optional });

/**
 * Every COMP function as a row of a table (as HyperFormula declares its functions). The Excel
 * entry points in functions.ts and the preview's engine plugin both read from here.
 */
export const COMP_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: "QUOTA_ATTAINMENT",
    params: [range("actual"), range("quota")],
    result: "matrix",
    compute: quotaAttainment,
    spillSize: elementwiseSize,
  },
  {
    id: "PAYOUT",
    params: [
      range("attainment"),
      range("target_incentive"),
      range("tiers"),
      value("mode", true),
      value("threshold", true),
      value("cap", true),
    ],
    result: "matrix",
    compute: payout,
    spillSize: elementwiseSize,
  },
  {
    id: "PAYOUT_EXPLAIN",
    params: [
      value("attainment"),
      value("target_incentive"),
      range("tiers"),
      value("mode", true),
      value("threshold", true),
      value("cap", true),
    ],
    result: "matrix",
    compute: payoutExplain,
    // Header, one row per tier, threshold, cap, total; six columns.
    spillSize: (shapes) => ({ height: (shapes[2]?.height ?? 1) + 4, width: EXPLAIN_HEADERS.length }),
  },
  { id: "CAC", params: [range("spend"), range("new_customers")], result: "scalar", compute: cac },
  {
    id: "WIN_RATE",
    params: [range("outcomes"), value("won_label", true), value("lost_label", true), value("basis", true)],
    result: "scalar",
    compute: winRate,
  },
  {
    id: "AVG_DEAL_SIZE",
    params: [range("amounts"), range("outcomes", true), value("won_label", true)],
    result: "scalar",
    compute: avgDealSize,
  },
  {
    id: "SALES_CYCLE",
    params: [range("start_dates"), range("close_dates"), range("outcomes", true), value("statistic", true)],
    result: "scalar",
    compute: salesCycle,
  },
  { id: "CONVERSION", params: [range("entered"), range("advanced")], result: "scalar", compute: conversion },
  {
    id: "REVENUE_CONCENTRATION",
    params: [range("amounts"), range("accounts"), value("measure", true)],
    result: "scalar",
    compute: revenueConcentration,
  },
  {
    id: "ATTAINMENT_SHARE",
    params: [range("attainments"), value("level", true)],
    result: "scalar",
    compute: attainmentShare,
  },
  { id: "COST_OF_SALES", params: [range("compensation"), range("revenue")], result: "scalar", compute: costOfSales },
  {
    id: "COMMISSION_RATE",
    params: [range("target_incentive"), range("quota")],
    result: "matrix",
    compute: commissionRate,
    spillSize: elementwiseSize,
  },
  {
    id: "PAY_MIX",
    params: [range("base"), range("target_incentive")],
    result: "matrix",
    compute: payMix,
    spillSize: elementwiseSize,
  },
  {
    id: "KPI_BONUS",
    params: [
      range("attainments"),
      range("weights"),
      value("target_bonus"),
      range("tiers", true),
      value("mode", true),
      value("threshold", true),
      value("cap", true),
    ],
    result: "scalar",
    compute: kpiBonus,
  },
  {
    id: "CAC_PAYBACK",
    params: [range("cac"), range("monthly_revenue"), range("gross_margin", true)],
    result: "matrix",
    compute: cacPayback,
    spillSize: broadcastSize,
  },
  {
    id: "LTV",
    params: [range("monthly_revenue"), range("monthly_churn"), range("gross_margin", true)],
    result: "matrix",
    compute: ltv,
    spillSize: broadcastSize,
  },
  {
    id: "LTV_TO_CAC",
    params: [range("monthly_revenue"), range("monthly_churn"), range("cac"), range("gross_margin", true)],
    result: "matrix",
    compute: ltvToCac,
    spillSize: broadcastSize,
  },
  {
    id: "LEAD_GROWTH",
    params: [range("current"), range("previous")],
    result: "matrix",
    compute: leadGrowth,
    spillSize: elementwiseSize,
  },
  {
    id: "FUNNEL",
    params: [value("entered"), range("rates")],
    result: "matrix",
    compute: funnel,
    spillSize: funnelSize,
  },
  {
    id: "RUNNING_PAYOUT",
    params: [
      range("amounts"),
      value("target_incentive"),
      range("tiers"),
      value("start", true),
      value("mode", true),
      value("threshold", true),
      value("cap", true),
    ],
    result: "matrix",
    compute: runningPayout,
    spillSize: (shapes) => ({ height: shapes[0]?.height ?? 1, width: 1 }),
  },
  {
    id: "SPLIT_CREDIT",
    params: [value("amount"), range("shares"), value("decimals", true)],
    result: "matrix",
    compute: splitCredit,
    spillSize: (shapes) => shapes[1] ?? { height: 1, width: 1 },
  },
  {
    id: "PRORATE",
    params: [
      value("amount"),
      range("periods"),
      value("start_date"),
      value("end_date", true),
      range("weights", true),
      value("basis", true),
    ],
    result: "matrix",
    compute: prorate,
    spillSize: (shapes) => ({ height: shapes[1]?.height ?? 1, width: 1 }),
  },
  {
    id: "DRAW",
    params: [
      range("earnings"),
      range("draw"),
      value("recoverable", true),
      value("recovery_limit", true),
      value("opening_balance", true),
    ],
    result: "matrix",
    compute: draw,
    // The header row, then one row per period.
    spillSize: (shapes) => ({ height: (shapes[0]?.height ?? 1) + 1, width: DRAW_HEADERS.length }),
  },
  {
    id: "CLAWBACK",
    params: [
      range("commission"),
      range("months_kept"),
      range("term_months"),
      value("method", true),
      value("window_months", true),
    ],
    result: "matrix",
    compute: clawback,
    spillSize: (shapes) => shapes.slice(0, 3).find((s) => s.height * s.width > 1) ?? { height: 1, width: 1 },
  },
];
