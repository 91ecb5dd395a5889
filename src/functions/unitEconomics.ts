import { CalcError, isCalcError, messages } from "../core/errors";
import {
  cacPayback as coreCacPayback,
  funnel as coreFunnel,
  leadGrowth as coreLeadGrowth,
  ltv as coreLtv,
  ltvToCac as coreLtvToCac,
} from "../core/unitEconomics/metrics";
import { broadcastSize, defineFunction, elementwiseSize } from "./functionSpec";
import { cells, eachCell, num, range, withinLimit } from "./params";
import { finite, isBlank, Matrix, OutMatrix, OutValue, readNumber, shapeOf, whereIn } from "./values";

/**
 * The unit-economics COMP functions: CAC_PAYBACK, LTV, LTV_TO_CAC and LEAD_GROWTH work
 * element-wise (ranges of one shape row by row, a single cell broadcasting); FUNNEL spills the
 * count at each stage. The maths is in src/core/unitEconomics/metrics.ts.
 */

/** The optional gross margin the unit-economics functions share: a share, 1 when left out. */
const GROSS_MARGIN = cells("gross_margin", "share", { blankMeans: 1 });

/** CAC_PAYBACK(cac, monthly_revenue, [gross_margin]): months to earn back the CAC, cac / (monthly_revenue x gross_margin). */
export const CAC_PAYBACK = defineFunction({
  id: "CAC_PAYBACK",
  params: [cells("cac", "atLeast0"), cells("monthly_revenue", "atLeast0"), GROSS_MARGIN],
  result: "matrix",
  spillSize: broadcastSize,
  body: (cac, revenue, margin) =>
    eachCell([cac, revenue, margin], ([c, r, g], where) => {
      if (r === 0) return messages.zeroDivisor(where(1));
      if (g === 0) return messages.zeroDivisor(where(2));
      return coreCacPayback(c, r, g);
    }),
});

/** The CAC_PAYBACK adapter. */
export const cacPayback = CAC_PAYBACK.compute;

/** LTV(monthly_revenue, monthly_churn, [gross_margin]): lifetime value, monthly_revenue x gross_margin / monthly_churn. */
export const LTV = defineFunction({
  id: "LTV",
  params: [cells("monthly_revenue", "atLeast0"), cells("monthly_churn", "churn"), GROSS_MARGIN],
  result: "matrix",
  spillSize: broadcastSize,
  body: (revenue, churn, margin) => eachCell([revenue, churn, margin], ([r, ch, g]) => coreLtv(r, ch, g)),
});

/** The LTV adapter. */
export const ltv = LTV.compute;

/** LTV_TO_CAC(monthly_revenue, monthly_churn, cac, [gross_margin]): LTV / CAC; 3 or more is the usual health mark. */
export const LTV_TO_CAC = defineFunction({
  id: "LTV_TO_CAC",
  params: [
    cells("monthly_revenue", "atLeast0"),
    cells("monthly_churn", "churn"),
    cells("cac", "atLeast0"),
    GROSS_MARGIN,
  ],
  result: "matrix",
  spillSize: broadcastSize,
  body: (revenue, churn, cac, margin) =>
    eachCell([revenue, churn, cac, margin], ([r, ch, c, g], where) =>
      c === 0 ? messages.zeroDivisor(where(2)) : coreLtvToCac(r, ch, c, g),
    ),
});

/** The LTV_TO_CAC adapter. */
export const ltvToCac = LTV_TO_CAC.compute;

/** LEAD_GROWTH(current, previous): (current - previous) / previous, element-wise. */
export const LEAD_GROWTH = defineFunction({
  id: "LEAD_GROWTH",
  params: [cells("current", "atLeast0"), cells("previous", "atLeast0")],
  result: "matrix",
  spillSize: elementwiseSize,
  body: (current, previous) =>
    eachCell([current, previous], ([c, p], where) => (p === 0 ? messages.zeroDivisor(where(1)) : coreLeadGrowth(c, p))),
});

/** The LEAD_GROWTH adapter. */
export const leadGrowth = LEAD_GROWTH.compute;

/** True when FUNNEL spills a row: its rates are one row of two or more cells. */
export function funnelSpillsRow(rates: { readonly height: number; readonly width: number }): boolean {
  return rates.height === 1 && rates.width > 1;
}

/**
 * FUNNEL(entered, rates): the count at each stage, `entered` first, then each count times the
 * next rate. Rates are one row (the result spills right) or one column (it spills down). Blank
 * cells at the end of `rates` are spare cells: their stages stay blank.
 */
export const FUNNEL = defineFunction({
  id: "FUNNEL",
  params: [num("entered", { limit: "atLeast0" }), range("rates")],
  result: "matrix",
  spillSize: (shapes) => {
    const rates = shapes[1] ?? { height: 1, width: 1 };
    return funnelSpillsRow(rates) ? { height: 1, width: rates.width + 1 } : { height: rates.height + 1, width: 1 };
  },
  body: (en, m) => funnelCounts(en, m),
});

/** The FUNNEL adapter. */
export const funnel = FUNNEL.compute;

function funnelCounts(en: number, m: Matrix): OutMatrix | CalcError {
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
    const checked = withinLimit(r, "share", where);
    if (isCalcError(checked)) return checked;
    rs.push(checked);
  }
  const counts: OutValue[] = coreFunnel(en, rs).map((x) => finite(x));
  while (counts.length < cells.length + 1) counts.push("");
  return row ? [counts] : counts.map((c) => [c]);
}
