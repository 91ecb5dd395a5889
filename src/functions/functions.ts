/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars */
/*
 * The COMP custom functions as Excel registers them. custom-functions-metadata-plugin reads the
 * JSDoc below to build functions.json and adds the CustomFunctions.associate calls itself, so
 * each function must stay a top-level `function` declaration. Ranges are typed any[][] and values
 * any: the adapters in this folder validate every argument and explain what is wrong.
 * Function ids and argument orders are final: functions.json is snapshot-tested.
 */
import { cac } from "./cac";
import { toExcelMatrix, toExcelValue } from "./excelBoundary";
import { payout, payoutExplain } from "./payout";
import { quotaAttainment } from "./quotaAttainment";
import { winRate } from "./winRate";

/**
 * Quota attainment: actual / quota, as a ratio (1 = 100%). Ranges of the same shape work row by
 * row and spill; a single cell applies to every row.
 * @customfunction QUOTA_ATTAINMENT
 * @param actual Actual credited amount (e.g. bookings): a number or a range.
 * @param quota Quota: a number above 0, or a range of the same shape as actual.
 * @returns Attainment ratio for each row.
 */
function quotaAttainmentFn(actual: any[][], quota: any[][]): any[][] {
  return toExcelMatrix(quotaAttainment(actual, quota));
}

/**
 * Incentive payout from a tiered curve: target_incentive x f(attainment). MARGINAL (default) pays
 * each slice at its tier's rate; RETRO pays the whole measure at the rate of the tier reached.
 * @customfunction PAYOUT
 * @param attainment Attainment ratio (or money, with target_incentive 1): a number or a range.
 * @param target_incentive Target incentive paid at a rate of 1 (use 1 for money measures): a number or a range.
 * @param tiers Two columns: tier lower bound, rate. Lower bounds strictly ascending.
 * @param [mode] "MARGINAL" (default) or "RETRO".
 * @param [threshold] Below this attainment nothing is paid.
 * @param [cap] The largest payout, as a multiple of target_incentive.
 * @returns Payout for each row.
 */
function payoutFn(attainment: any[][], target_incentive: any[][], tiers: any[][], mode?: any, threshold?: any, cap?: any): any[][] {
  return toExcelMatrix(payout(attainment, target_incentive, tiers, mode, threshold, cap));
}

/**
 * Explains a payout tier by tier: spills a table with a row per tier (from, to, rate, slice,
 * payout), the threshold and cap effects and the total, which equals PAYOUT.
 * @customfunction PAYOUT_EXPLAIN
 * @param attainment One attainment ratio (or money amount).
 * @param target_incentive Target incentive (1 for money measures).
 * @param tiers Two columns: tier lower bound, rate. Lower bounds strictly ascending.
 * @param [mode] "MARGINAL" (default) or "RETRO".
 * @param [threshold] Below this attainment nothing is paid.
 * @param [cap] The largest payout, as a multiple of target_incentive.
 * @returns The calculation as a table with headers.
 */
function payoutExplainFn(attainment: any, target_incentive: any, tiers: any[][], mode?: any, threshold?: any, cap?: any): any[][] {
  return toExcelMatrix(payoutExplain(attainment, target_incentive, tiers, mode, threshold, cap));
}

/**
 * Customer acquisition cost: total sales and marketing spend / new customers acquired.
 * @customfunction CAC
 * @param spend Sales and marketing spend: a number or a range (blanks count as nothing).
 * @param new_customers New customers acquired: a number or a range (blanks count as nothing).
 * @returns Cost per new customer.
 */
function cacFn(spend: any[][], new_customers: any[][]): any {
  return toExcelValue(cac(spend, new_customers));
}

/**
 * Win rate: won / (won + lost); open deals do not count. Basis "ALL" divides by all deals instead.
 * @customfunction WIN_RATE
 * @param outcomes Deal stages, e.g. "Won", "Closed Lost", "Negotiation".
 * @param [won_label] Stage that counts as won (default "Won" or "Closed Won").
 * @param [lost_label] Stage that counts as lost (default "Lost" or "Closed Lost").
 * @param [basis] "CLOSED" (default): won / (won + lost); "ALL": won / all non-blank stages.
 * @returns Win rate as a ratio.
 */
function winRateFn(outcomes: any[][], won_label?: any, lost_label?: any, basis?: any): any {
  return toExcelValue(winRate(outcomes, won_label, lost_label, basis));
}
