/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars */
/*
 * The COMP custom functions as Excel registers them. custom-functions-metadata-plugin reads the
 * JSDoc below to build functions.json and adds the CustomFunctions.associate calls itself, so
 * each function must stay a top-level `function` declaration. Ranges are typed any[][] and values
 * any: the adapters in this folder validate every argument and explain what is wrong.
 * Function ids and argument orders are final: functions.json is snapshot-tested.
 */
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
import { toExcelMatrix, toExcelValue } from "./excelBoundary";
import { payout, payoutExplain } from "./payout";
import { clawback, draw as drawTable, prorate, runningPayout, splitCredit } from "./payoutRules";
import { quotaAttainment } from "./quotaAttainment";
import { cacPayback, funnel, leadGrowth, ltv, ltvToCac } from "./unitEconomics";
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
function payoutFn(
  attainment: any[][],
  target_incentive: any[][],
  tiers: any[][],
  mode?: any,
  threshold?: any,
  cap?: any,
): any[][] {
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
function payoutExplainFn(
  attainment: any,
  target_incentive: any,
  tiers: any[][],
  mode?: any,
  threshold?: any,
  cap?: any,
): any[][] {
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

/**
 * Average deal size: the mean of the deal amounts; with outcomes, won deals only.
 * @customfunction AVG_DEAL_SIZE
 * @param amounts Deal amounts (blanks are skipped).
 * @param [outcomes] Deal stages, the same shape as amounts; only won deals count.
 * @param [won_label] Stage that counts as won (default "Won" or "Closed Won").
 * @returns Mean amount.
 */
function avgDealSizeFn(amounts: any[][], outcomes?: any[][], won_label?: any): any {
  return toExcelValue(avgDealSize(amounts, outcomes, won_label));
}

/**
 * Sales cycle: days from start to close, over deals with both dates; with outcomes, won deals only.
 * @customfunction SALES_CYCLE
 * @param start_dates Start (created) dates.
 * @param close_dates Close dates, the same shape as start_dates.
 * @param [outcomes] Deal stages; only won deals count.
 * @param [statistic] "MEAN" (default) or "MEDIAN".
 * @returns Days.
 */
function salesCycleFn(start_dates: any[][], close_dates: any[][], outcomes?: any[][], statistic?: any): any {
  return toExcelValue(salesCycle(start_dates, close_dates, outcomes, statistic));
}

/**
 * Stage-to-stage conversion: sum(advanced) / sum(entered).
 * @customfunction CONVERSION
 * @param entered Counts that entered the stage (e.g. MQLs).
 * @param advanced Counts that reached the next stage (e.g. SQLs).
 * @returns Conversion ratio.
 */
function conversionFn(entered: any[][], advanced: any[][]): any {
  return toExcelValue(conversion(entered, advanced));
}

/**
 * Revenue concentration: revenue summed per account; "TOP" the largest account's share, "HHI" the sum of squared shares.
 * @customfunction REVENUE_CONCENTRATION
 * @param amounts Revenue amounts.
 * @param accounts The account of each amount, the same shape.
 * @param [measure] "TOP" (default) or "HHI".
 * @returns Share (TOP) or index (HHI), as a ratio.
 */
function revenueConcentrationFn(amounts: any[][], accounts: any[][], measure?: any): any {
  return toExcelValue(revenueConcentration(amounts, accounts, measure));
}

/**
 * Share of reps with attainment at or above a level: the 60-70% health check of a quota plan.
 * @customfunction ATTAINMENT_SHARE
 * @param attainments Attainment ratios (blanks are skipped).
 * @param [level] The attainment to reach (default 1 = 100%).
 * @returns Share of reps, as a ratio.
 */
function attainmentShareFn(attainments: any[][], level?: any): any {
  return toExcelValue(attainmentShare(attainments, level));
}

/**
 * Compensation cost of sales: sum(compensation) / sum(revenue); 3-9% is typical.
 * @customfunction COST_OF_SALES
 * @param compensation Sales compensation paid.
 * @param revenue Revenue.
 * @returns Cost of sales, as a ratio.
 */
function costOfSalesFn(compensation: any[][], revenue: any[][]): any {
  return toExcelValue(costOfSales(compensation, revenue));
}

/**
 * Base commission rate: target_incentive / quota.
 * @customfunction COMMISSION_RATE
 * @param target_incentive Target incentive (variable pay at 100%): a number or a range.
 * @param quota Quota: a number or a range of the same shape.
 * @returns Commission rate for each row.
 */
function commissionRateFn(target_incentive: any[][], quota: any[][]): any[][] {
  return toExcelMatrix(commissionRate(target_incentive, quota));
}

/**
 * Pay mix: the base share of OTE, base / (base + target_incentive); 0.6 means 60/40.
 * @customfunction PAY_MIX
 * @param base Base salary: a number or a range.
 * @param target_incentive Target incentive: a number or a range of the same shape.
 * @returns Base share for each row.
 */
function payMixFn(base: any[][], target_incentive: any[][]): any[][] {
  return toExcelMatrix(payMix(base, target_incentive));
}

/**
 * KPI bonus: the sum over KPIs of PAYOUT(attainment, weight x target_bonus, tiers, ...); without tiers each KPI pays linearly.
 * @customfunction KPI_BONUS
 * @param attainments Each KPI's attainment.
 * @param weights Each KPI's weight (0 or more; they need not sum to 1), the same shape.
 * @param target_bonus Bonus at 100% on every KPI with weights summing to 1.
 * @param [tiers] Two columns: lower bound, rate. Without them every KPI pays at rate 1.
 * @param [mode] "MARGINAL" (default) or "RETRO".
 * @param [threshold] Below this attainment a KPI pays nothing.
 * @param [cap] The largest payout of a KPI, as a multiple of its weight x target_bonus.
 * @returns The bonus.
 */
function kpiBonusFn(
  attainments: any[][],
  weights: any[][],
  target_bonus: any,
  tiers?: any[][],
  mode?: any,
  threshold?: any,
  cap?: any,
): any {
  return toExcelValue(kpiBonus(attainments, weights, target_bonus, tiers, mode, threshold, cap));
}

/**
 * CAC payback: the months a customer takes to earn back its acquisition cost, cac / (monthly_revenue x gross_margin).
 * @customfunction CAC_PAYBACK
 * @param cac Customer acquisition cost (0 or more): a number or a range.
 * @param monthly_revenue Monthly revenue per customer (above 0): a number or a range of the same shape.
 * @param [gross_margin] Gross margin from 0 to 1 (default 1): a number or a range of the same shape.
 * @returns Months, for each row.
 */
function cacPaybackFn(cac: any[][], monthly_revenue: any[][], gross_margin?: any[][]): any[][] {
  return toExcelMatrix(cacPayback(cac, monthly_revenue, gross_margin));
}

/**
 * Customer lifetime value: monthly_revenue x gross_margin / monthly_churn.
 * @customfunction LTV
 * @param monthly_revenue Monthly revenue per customer (0 or more): a number or a range.
 * @param monthly_churn Share of customers lost per month, above 0 and at most 1 (0.02 = 2%).
 * @param [gross_margin] Gross margin from 0 to 1 (default 1).
 * @returns Lifetime value, for each row.
 */
function ltvFn(monthly_revenue: any[][], monthly_churn: any[][], gross_margin?: any[][]): any[][] {
  return toExcelMatrix(ltv(monthly_revenue, monthly_churn, gross_margin));
}

/**
 * LTV / CAC: lifetime value per unit of acquisition cost; 3 or more is the usual health mark.
 * @customfunction LTV_TO_CAC
 * @param monthly_revenue Monthly revenue per customer (0 or more): a number or a range.
 * @param monthly_churn Share of customers lost per month, above 0 and at most 1.
 * @param cac Customer acquisition cost (above 0).
 * @param [gross_margin] Gross margin from 0 to 1 (default 1).
 * @returns LTV / CAC, for each row.
 */
function ltvToCacFn(monthly_revenue: any[][], monthly_churn: any[][], cac: any[][], gross_margin?: any[][]): any[][] {
  return toExcelMatrix(ltvToCac(monthly_revenue, monthly_churn, cac, gross_margin));
}

/**
 * Lead growth: (current - previous) / previous, element-wise.
 * @customfunction LEAD_GROWTH
 * @param current Leads this period: a number or a range.
 * @param previous Leads the period before (above 0): a number or a range of the same shape.
 * @returns Growth as a ratio (0.1 = 10%), for each row.
 */
function leadGrowthFn(current: any[][], previous: any[][]): any[][] {
  return toExcelMatrix(leadGrowth(current, previous));
}

/**
 * Funnel: spills the count at each stage, entered first, then each count times the next conversion rate.
 * @customfunction FUNNEL
 * @param entered The count entering the funnel (e.g. leads per month).
 * @param rates Conversion rates 0 to 1, one row (spills right) or one column (spills down).
 * @returns The count at each stage.
 */
function funnelFn(entered: any, rates: any[][]): any[][] {
  return toExcelMatrix(funnel(entered, rates));
}

/**
 * Running (year-to-date) payout per credit: row i pays target_incentive x (f(start + c_i) - f(start + c_(i-1))), c_i the running sum; RETRO true-ups and reversals included. The rows add up to the payout of the total.
 * @customfunction RUNNING_PAYOUT
 * @param amounts One column of credits in booking order (negative = a reversal); blank rows stay blank.
 * @param target_incentive Target incentive paid at a rate of 1 (use 1 for money tiers).
 * @param tiers Two columns: tier lower bound, rate, applied to the running measure.
 * @param [start] The measure already booked before the first row (default 0).
 * @param [mode] "MARGINAL" (default) or "RETRO".
 * @param [threshold] Below this running measure nothing is paid.
 * @param [cap] The largest payout, as a multiple of target_incentive.
 * @returns What each credit pays.
 */
function runningPayoutFn(
  amounts: any[][],
  target_incentive: any,
  tiers: any[][],
  start?: any,
  mode?: any,
  threshold?: any,
  cap?: any,
): any[][] {
  return toExcelMatrix(runningPayout(amounts, target_incentive, tiers, start, mode, threshold, cap));
}

/**
 * Splits a deal's credit by shares, rounded by largest remainder so the parts add up exactly to amount x sum(shares), rounded.
 * @customfunction SPLIT_CREDIT
 * @param amount The deal's amount.
 * @param shares Each person's share (0 or more; the sum may exceed 1 for overlay credit).
 * @param [decimals] Decimal places of each part (default 2: cents).
 * @returns Each person's credit.
 */
function splitCreditFn(amount: any, shares: any[][], decimals?: any): any[][] {
  return toExcelMatrix(splitCredit(amount, shares, decimals));
}

/**
 * Prorates an amount (a quota or a target incentive) over periods for a joiner or leaver: amount x weight x the share of each period in the plan.
 * @customfunction PRORATE
 * @param amount The amount for a full year in the plan.
 * @param periods Two columns: first day, last day of consecutive periods (dates).
 * @param start_date The first day in the plan.
 * @param [end_date] The last day in the plan (blank: through the last period).
 * @param [weights] Each period's share of amount, adding up to 1 (default: equal).
 * @param [basis] "DAYS" (default) or "MONTHS" (whole calendar months in the plan).
 * @returns The amount for each period.
 */
function prorateFn(
  amount: any,
  periods: any[][],
  start_date: any,
  end_date?: any,
  weights?: any[][],
  basis?: any,
): any[][] {
  return toExcelMatrix(prorate(amount, periods, start_date, end_date, weights, basis));
}

/**
 * A draw settled period by period: spills Period, Earned, Draw, Top-up, Recovered, Paid, Owed.
 * @customfunction DRAW
 * @param earnings One column: what was earned each period, in order.
 * @param draw The draw per period: one number, or a column of the same rows (blank = no draw).
 * @param [recoverable] TRUE (default): top-ups are owed and repaid from later earnings; FALSE: a guarantee.
 * @param [recovery_limit] The largest share of a period's earnings that repays what is owed (default 1).
 * @param [opening_balance] What is owed at the start (default 0).
 * @returns The draw table with headers.
 */
function drawFn(
  earnings: any[][],
  draw: any[][],
  recoverable?: any,
  recovery_limit?: any,
  opening_balance?: any,
): any[][] {
  return toExcelMatrix(drawTable(earnings, draw, recoverable, recovery_limit, opening_balance));
}

/**
 * The commission to reverse when a customer cancels, as a negative number (0 when none).
 * @customfunction CLAWBACK
 * @param commission The commission paid on the deal: a number or a range.
 * @param months_kept Months the customer stayed: a number or a range.
 * @param term_months The contract term in months: a number or a range.
 * @param [method] "PRORATED" (default): the unearned part of the term; "FULL"; or a share from 0 to 1.
 * @param [window_months] No clawback once months_kept reaches this (default term_months).
 * @returns The clawback for each row.
 */
function clawbackFn(
  commission: any[][],
  months_kept: any[][],
  term_months: any[][],
  method?: any,
  window_months?: any,
): any[][] {
  return toExcelMatrix(clawback(commission, months_kept, term_months, method, window_months));
}
