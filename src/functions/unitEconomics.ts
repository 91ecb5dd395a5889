import { CalcError, isCalcError, messages, Where } from "../core/errors";
import {
  cacPayback as coreCacPayback,
  funnel as coreFunnel,
  leadGrowth as coreLeadGrowth,
  ltv as coreLtv,
  ltvToCac as coreLtvToCac,
} from "../core/unitEconomics/metrics";
import {
  asMatrix,
  asSingle,
  elementwise,
  finite,
  isBlank,
  Matrix,
  OutMatrix,
  OutValue,
  readNumber,
  shapeOf,
  whereIn,
} from "./values";

/**
 * The unit-economics COMP functions: CAC_PAYBACK, LTV, LTV_TO_CAC and LEAD_GROWTH work
 * element-wise (ranges of one shape row by row, a single cell broadcasting); FUNNEL spills the
 * count at each stage. The maths is in src/core/unitEconomics/metrics.ts.
 */

/** What a numeric argument may hold. */
type Domain =
  /** A count or an amount: 0 or more. */
  | "amount"
  /** A share such as a gross margin or a conversion rate: 0 to 1. */
  | "share"
  /** A monthly churn rate: above 0, at most 1. */
  | "churn";

/** One argument of an element-wise unit-economics function. */
interface NumericArg {
  readonly name: string;
  readonly value: unknown;
  readonly domain: Domain;
  /** For optional arguments: the value a blank or omitted argument stands for. */
  readonly blankMeans?: number;
}

/** A number checked against its domain, or the error naming where it sits. */
function inDomain(n: number, domain: Domain, where: Where): number | CalcError {
  if (domain === "churn") return n > 0 && n <= 1 ? n : messages.churnOutOfRange(where, n);
  if (n < 0) return messages.negative(where, n);
  if (domain === "share" && n > 1) return messages.notZeroToOne(where, n);
  return n;
}

/**
 * Applies `compute` element-wise to checked numbers. A position where every required argument
 * is blank stays blank (so a few spare rows are harmless); one blank required argument is #N/A.
 */
function numericElementwise(
  args: readonly NumericArg[],
  compute: (n: number[], where: (i: number) => Where) => OutValue,
): OutMatrix | CalcError {
  const matrices: Matrix[] = [];
  for (const a of args) {
    const m = asMatrix(a.value, a.name);
    if (isCalcError(m)) return m;
    matrices.push(m);
  }
  return elementwise(
    args.map((a, i) => ({ name: a.name, m: matrices[i] })),
    (values, where) => {
      if (args.every((a, i) => a.blankMeans !== undefined || isBlank(values[i]))) return "";
      const nums: number[] = [];
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (isBlank(values[i])) {
          if (a.blankMeans === undefined) return messages.blank(where(i));
          nums.push(a.blankMeans);
          continue;
        }
        const n = readNumber(values[i], where(i));
        if (isCalcError(n)) return n;
        const checked = inDomain(n, a.domain, where(i));
        if (isCalcError(checked)) return checked;
        nums.push(checked);
      }
      return compute(nums, where);
    },
  );
}

/** CAC_PAYBACK(cac, monthly_revenue, [gross_margin]): months to earn back the CAC, cac / (monthly_revenue x gross_margin). */
export function cacPayback(cac: unknown, monthlyRevenue: unknown, grossMargin?: unknown): OutMatrix | CalcError {
  return numericElementwise(
    [
      { name: "cac", value: cac, domain: "amount" },
      { name: "monthly_revenue", value: monthlyRevenue, domain: "amount" },
      { name: "gross_margin", value: grossMargin, domain: "share", blankMeans: 1 },
    ],
    ([c, r, g], where) => {
      if (r === 0) return messages.zeroDivisor(where(1));
      if (g === 0) return messages.zeroDivisor(where(2));
      return coreCacPayback(c, r, g);
    },
  );
}

/** LTV(monthly_revenue, monthly_churn, [gross_margin]): lifetime value, monthly_revenue x gross_margin / monthly_churn. */
export function ltv(monthlyRevenue: unknown, monthlyChurn: unknown, grossMargin?: unknown): OutMatrix | CalcError {
  return numericElementwise(
    [
      { name: "monthly_revenue", value: monthlyRevenue, domain: "amount" },
      { name: "monthly_churn", value: monthlyChurn, domain: "churn" },
      { name: "gross_margin", value: grossMargin, domain: "share", blankMeans: 1 },
    ],
    ([r, ch, g]) => coreLtv(r, ch, g),
  );
}

/** LTV_TO_CAC(monthly_revenue, monthly_churn, cac, [gross_margin]): LTV / CAC; 3 or more is the usual health mark. */
export function ltvToCac(
  monthlyRevenue: unknown,
  monthlyChurn: unknown,
  cac: unknown,
  grossMargin?: unknown,
): OutMatrix | CalcError {
  return numericElementwise(
    [
      { name: "monthly_revenue", value: monthlyRevenue, domain: "amount" },
      { name: "monthly_churn", value: monthlyChurn, domain: "churn" },
      { name: "cac", value: cac, domain: "amount" },
      { name: "gross_margin", value: grossMargin, domain: "share", blankMeans: 1 },
    ],
    ([r, ch, c, g], where) => (c === 0 ? messages.zeroDivisor(where(2)) : coreLtvToCac(r, ch, c, g)),
  );
}

/** LEAD_GROWTH(current, previous): (current - previous) / previous, element-wise. */
export function leadGrowth(current: unknown, previous: unknown): OutMatrix | CalcError {
  return numericElementwise(
    [
      { name: "current", value: current, domain: "amount" },
      { name: "previous", value: previous, domain: "amount" },
    ],
    ([c, p], where) => (p === 0 ? messages.zeroDivisor(where(1)) : coreLeadGrowth(c, p)),
  );
}

/** True when FUNNEL spills a row: its rates are one row of two or more cells. */
export function funnelSpillsRow(rates: { readonly height: number; readonly width: number }): boolean {
  return rates.height === 1 && rates.width > 1;
}

/**
 * FUNNEL(entered, rates): the count at each stage, `entered` first, then each count times the
 * next rate. Rates are one row (the result spills right) or one column (it spills down). Blank
 * cells at the end of `rates` are spare cells: their stages stay blank.
 */
export function funnel(entered: unknown, rates: unknown): OutMatrix | CalcError {
  const e = asSingle(entered, "entered");
  if (isCalcError(e)) return e;
  if (isBlank(e)) return messages.blank({ arg: "entered" });
  const en = readNumber(e, { arg: "entered" });
  if (isCalcError(en)) return en;
  if (en < 0) return messages.negative({ arg: "entered" }, en);
  const m = asMatrix(rates, "rates");
  if (isCalcError(m)) return m;
  if (m.length > 1 && m[0].length > 1) return messages.notOneDimensional("rates", shapeOf(m));
  const row = funnelSpillsRow({ height: m.length, width: m[0].length });
  const cells = row ? m[0] : m.map((r) => r[0]);
  let used = cells.length;
  while (used > 0 && isBlank(cells[used - 1])) used--;
  const rs: number[] = [];
  for (let i = 0; i < used; i++) {
    const where = row ? whereIn(m, "rates", 0, i) : whereIn(m, "rates", i, 0);
    if (isBlank(cells[i])) return messages.blank(where);
    const r = readNumber(cells[i], where);
    if (isCalcError(r)) return r;
    const checked = inDomain(r, "share", where);
    if (isCalcError(checked)) return checked;
    rs.push(checked);
  }
  const counts: OutValue[] = coreFunnel(en, rs).map((x) => finite(x));
  while (counts.length < cells.length + 1) counts.push("");
  return row ? [counts] : counts.map((c) => [c]);
}
