import { CalcError, isCalcError, messages } from "../core/errors";
import { concentration, mean, median, sumByKey } from "../core/kpis";
import { dec, sumExact, toNumber } from "../core/money";
import { exactRatio } from "../core/ratio";
import { payout as corePayout } from "../core/tiers";
import { CURVE_OPTIONS, curveOf } from "./curveArgs";
import { defineFunction, elementwiseSize } from "./functionSpec";
import { cellLabel, readDatesOrBlank, readNumbersOrBlank, readWon, sameShape, wonLabels } from "./kpiArgs";
import { cells, eachCell, num, option, range, sum, text, tiers } from "./params";
import { finite, inputError, isBlank, Matrix, whereIn } from "./values";

/** AVG_DEAL_SIZE(amounts, [outcomes], [won_label]): mean deal amount; with outcomes, won deals only. */
export const AVG_DEAL_SIZE = defineFunction({
  id: "AVG_DEAL_SIZE",
  params: [range("amounts"), range("outcomes", { optional: true }), text("won_label")],
  result: "scalar",
  body: (a, o, label) => {
    const values = readNumbersOrBlank(a, "amounts");
    if (isCalcError(values)) return values;
    let keep = values.map(() => true);
    if (o !== null) {
      const shape = sameShape(a, "amounts", o, "outcomes");
      if (shape) return shape;
      const won = readWon(o, wonLabels(label));
      if (isCalcError(won)) return won;
      keep = won;
    }
    const picked = values.filter((v, i): v is number => v !== null && keep[i]);
    return mean(picked) ?? messages.noDeals(o === null ? "amounts" : "won deals with an amount");
  },
});

/** The AVG_DEAL_SIZE adapter. */
export const avgDealSize = AVG_DEAL_SIZE.compute;

/** SALES_CYCLE(start_dates, close_dates, [outcomes], [statistic]): days from start to close. */
export const SALES_CYCLE = defineFunction({
  id: "SALES_CYCLE",
  params: [
    range("start_dates"),
    range("close_dates"),
    range("outcomes", { optional: true }),
    option("statistic", ["MEAN", "MEDIAN"] as const),
  ],
  result: "scalar",
  body: (s, c, o, stat) => {
    const shape = sameShape(s, "start_dates", c, "close_dates");
    if (shape) return shape;
    const starts = readDatesOrBlank(s, "start_dates");
    if (isCalcError(starts)) return starts;
    const closes = readDatesOrBlank(c, "close_dates");
    if (isCalcError(closes)) return closes;
    let keep = starts.map(() => true);
    if (o !== null) {
      const oShape = sameShape(s, "start_dates", o, "outcomes");
      if (oShape) return oShape;
      const won = readWon(o, wonLabels(null));
      if (isCalcError(won)) return won;
      keep = won;
    }
    const days: number[] = [];
    for (let i = 0; i < starts.length; i++) {
      const a = starts[i];
      const b = closes[i];
      if (a === null || b === null || !keep[i]) continue;
      if (b < a) return messages.closeBeforeStart(cellLabel(c, "close_dates", i), a, b);
      days.push(toNumber(sumExact([b, -a])));
    }
    const result = stat === "MEAN" ? mean(days) : median(days);
    return result ?? messages.noDeals("deals with both dates");
  },
});

/** The SALES_CYCLE adapter. */
export const salesCycle = SALES_CYCLE.compute;

/** CONVERSION(entered, advanced): sum(advanced) / sum(entered). */
export const CONVERSION = defineFunction({
  id: "CONVERSION",
  params: [sum("entered"), sum("advanced")],
  result: "scalar",
  body: (totalEntered, totalAdvanced) => {
    if (totalEntered.isZero()) return messages.emptyDivisor({ arg: "entered" });
    if (totalAdvanced.gt(totalEntered))
      return messages.moreAdvancedThanEntered(toNumber(totalAdvanced), toNumber(totalEntered));
    return toNumber(totalAdvanced.div(totalEntered));
  },
});

/** The CONVERSION adapter. */
export const conversion = CONVERSION.compute;

/** REVENUE_CONCENTRATION(amounts, accounts, [measure]): the largest account's share ("TOP") or HHI. */
export const REVENUE_CONCENTRATION = defineFunction({
  id: "REVENUE_CONCENTRATION",
  params: [range("amounts"), range("accounts"), option("measure", ["TOP", "HHI"] as const)],
  result: "scalar",
  body: (a, k, m) => concentrationOf(a, k, m),
});

/** The REVENUE_CONCENTRATION adapter. */
export const revenueConcentration = REVENUE_CONCENTRATION.compute;

function concentrationOf(a: Matrix, k: Matrix, m: "TOP" | "HHI"): number | CalcError {
  const shape = sameShape(a, "amounts", k, "accounts");
  if (shape) return shape;
  const values = readNumbersOrBlank(a, "amounts");
  if (isCalcError(values)) return values;
  const keys: string[] = [];
  const amountsKept: number[] = [];
  const flatKeys = k.flat();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) continue;
    if (v < 0) return messages.negative({ arg: cellLabel(a, "amounts", i) }, v);
    const bad = inputError(flatKeys[i], whereIn(k, "accounts", Math.floor(i / k[0].length), i % k[0].length));
    if (bad) return bad;
    if (isBlank(flatKeys[i])) return messages.blankKey(cellLabel(k, "accounts", i));
    keys.push(String(flatKeys[i]).trim().toLowerCase());
    amountsKept.push(v);
  }
  const share = concentration([...sumByKey(keys, amountsKept).values()], m);
  return share ?? messages.emptyDivisor({ arg: "amounts" });
}

/** ATTAINMENT_SHARE(attainments, [level]): share of reps with attainment >= level (default 1). */
export const ATTAINMENT_SHARE = defineFunction({
  id: "ATTAINMENT_SHARE",
  params: [range("attainments"), num("level", { optional: true, fallback: 1 })],
  result: "scalar",
  body: (m, level) => {
    const values = readNumbersOrBlank(m, "attainments");
    if (isCalcError(values)) return values;
    const present = values.filter((v): v is number => v !== null);
    if (present.length === 0) return messages.noDeals("attainments", "count");
    return present.filter((v) => v >= level).length / present.length;
  },
});

/** The ATTAINMENT_SHARE adapter. */
export const attainmentShare = ATTAINMENT_SHARE.compute;

/** COST_OF_SALES(compensation, revenue): sum(compensation) / sum(revenue). */
export const COST_OF_SALES = defineFunction({
  id: "COST_OF_SALES",
  params: [sum("compensation"), sum("revenue")],
  result: "scalar",
  body: (pay, total) => (total.isZero() ? messages.emptyDivisor({ arg: "revenue" }) : finite(toNumber(pay.div(total)))),
});

/** The COST_OF_SALES adapter. */
export const costOfSales = COST_OF_SALES.compute;

/** COMMISSION_RATE(target_incentive, quota): the base commission rate, target_incentive / quota. */
export const COMMISSION_RATE = defineFunction({
  id: "COMMISSION_RATE",
  params: [cells("target_incentive", "atLeast0"), cells("quota", "atLeast0")],
  result: "matrix",
  spillSize: elementwiseSize,
  body: (ti, quota) =>
    eachCell([ti, quota], ([t, q], where) => (q === 0 ? messages.zeroDivisor(where(1)) : exactRatio(t, q))),
});

/** The COMMISSION_RATE adapter. */
export const commissionRate = COMMISSION_RATE.compute;

/** PAY_MIX(base, target_incentive): the base share of OTE, base / (base + target_incentive). */
export const PAY_MIX = defineFunction({
  id: "PAY_MIX",
  params: [cells("base", "atLeast0"), cells("target_incentive", "atLeast0")],
  result: "matrix",
  spillSize: elementwiseSize,
  body: (base, ti) => eachCell([base, ti], ([b, t]) => payMixOf(b, t)),
});

/** The PAY_MIX adapter. */
export const payMix = PAY_MIX.compute;

function payMixOf(base: number, targetIncentive: number): number | CalcError {
  const ote = toNumber(sumExact([base, targetIncentive]));
  return ote === 0 ? messages.emptyDivisor({ arg: "base + target_incentive" }) : exactRatio(base, ote);
}

/** The tiers KPI_BONUS pays on when none are given: linear at rate 1 from 0. */
const LINEAR_TIERS = [{ lower: 0, rate: 1 }];

/**
 * KPI_BONUS(attainments, weights, target_bonus, [tiers], [mode], [threshold], [cap]): the sum over
 * KPIs of PAYOUT(attainment_i, weight_i x target_bonus, tiers, ...); without tiers each component
 * pays linearly (rate 1 from 0), still with the threshold and cap given.
 */
export const KPI_BONUS = defineFunction({
  id: "KPI_BONUS",
  params: [
    range("attainments"),
    range("weights"),
    num("target_bonus", { limit: "atLeast0" }),
    tiers("tiers", { optional: true }),
    CURVE_OPTIONS.mode,
    CURVE_OPTIONS.threshold,
    CURVE_OPTIONS.cap,
  ],
  result: "scalar",
  body: (a, w, tb, t, mode, threshold, cap) => {
    const shape = sameShape(a, "attainments", w, "weights");
    if (shape) return shape;
    const curve = curveOf(t ?? LINEAR_TIERS, mode, threshold, cap);
    if (isCalcError(curve)) return curve;
    const att = readNumbersOrBlank(a, "attainments");
    if (isCalcError(att)) return att;
    const wt = readNumbersOrBlank(w, "weights");
    if (isCalcError(wt)) return wt;
    const parts: number[] = [];
    for (let i = 0; i < att.length; i++) {
      const ai = att[i];
      const wi = wt[i];
      if (ai === null && wi === null) continue;
      if (wi === null) return messages.blank({ arg: cellLabel(w, "weights", i) });
      if (ai === null) return messages.blank({ arg: cellLabel(a, "attainments", i) });
      if (wi < 0) return messages.negative({ arg: cellLabel(w, "weights", i) }, wi);
      // weight x target bonus is the component's target incentive; exact, then paid on its curve.
      parts.push(corePayout(ai, toNumber(dec(wi).times(tb)), curve));
    }
    return finite(toNumber(sumExact(parts)));
  },
});

/** The KPI_BONUS adapter. */
export const kpiBonus = KPI_BONUS.compute;
