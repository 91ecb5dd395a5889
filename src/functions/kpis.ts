import { CalcError, isCalcError, messages } from "../core/errors";
import { concentration, mean, median, sumByKey } from "../core/kpis";
import { dec, sumExact, toNumber } from "../core/money";
import { exactRatio } from "../core/ratio";
import { CompiledCurve, payout as corePayout } from "../core/tiers";
import { readCurve } from "./curveArgs";
import { cellLabel, readNumbersOrBlank, readWon, sameShape, wonLabels } from "./kpiArgs";
import {
  asMatrix,
  elementwise,
  finite,
  inputError,
  isBlank,
  OutMatrix,
  readNumber,
  readOption,
  readOptionalNumber,
  readOptionalText,
  sumsOfTwo,
  whereIn,
} from "./values";

/** AVG_DEAL_SIZE(amounts, [outcomes], [won_label]): mean deal amount; with outcomes, won deals only. */
export function avgDealSize(amounts: unknown, outcomes?: unknown, wonLabel?: unknown): number | CalcError {
  const a = asMatrix(amounts, "amounts");
  if (isCalcError(a)) return a;
  const values = readNumbersOrBlank(a, "amounts");
  if (isCalcError(values)) return values;
  let keep = values.map(() => true);
  if (!isBlank(outcomes)) {
    const o = asMatrix(outcomes, "outcomes");
    if (isCalcError(o)) return o;
    const shape = sameShape(a, "amounts", o, "outcomes");
    if (shape) return shape;
    const label = readOptionalText(wonLabel, "won_label");
    if (isCalcError(label)) return label;
    const won = readWon(o, wonLabels(label));
    if (isCalcError(won)) return won;
    keep = won;
  }
  const picked = values.filter((v, i): v is number => v !== null && keep[i]);
  return mean(picked) ?? messages.noDeals(isBlank(outcomes) ? "amounts" : "won deals with an amount");
}

/** SALES_CYCLE(start_dates, close_dates, [outcomes], [statistic]): days from start to close. */
export function salesCycle(
  startDates: unknown,
  closeDates: unknown,
  outcomes?: unknown,
  statistic?: unknown,
): number | CalcError {
  const s = asMatrix(startDates, "start_dates");
  if (isCalcError(s)) return s;
  const c = asMatrix(closeDates, "close_dates");
  if (isCalcError(c)) return c;
  const shape = sameShape(s, "start_dates", c, "close_dates");
  if (shape) return shape;
  const stat = readOption(statistic, "statistic", ["MEAN", "MEDIAN"] as const);
  if (isCalcError(stat)) return stat;
  const starts = readNumbersOrBlank(s, "start_dates");
  if (isCalcError(starts)) return starts;
  const closes = readNumbersOrBlank(c, "close_dates");
  if (isCalcError(closes)) return closes;
  let keep = starts.map(() => true);
  if (!isBlank(outcomes)) {
    const o = asMatrix(outcomes, "outcomes");
    if (isCalcError(o)) return o;
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
}

/** CONVERSION(entered, advanced): sum(advanced) / sum(entered). */
export function conversion(entered: unknown, advanced: unknown): number | CalcError {
  const sums = sumsOfTwo(entered, "entered", advanced, "advanced");
  if (isCalcError(sums)) return sums;
  const [totalEntered, totalAdvanced] = sums;
  if (totalEntered.isZero()) return messages.emptyDivisor({ arg: "entered" });
  if (totalAdvanced.gt(totalEntered))
    return messages.moreAdvancedThanEntered(toNumber(totalAdvanced), toNumber(totalEntered));
  return toNumber(totalAdvanced.div(totalEntered));
}

/** REVENUE_CONCENTRATION(amounts, accounts, [measure]): the largest account's share ("TOP") or HHI. */
export function revenueConcentration(amounts: unknown, accounts: unknown, measure?: unknown): number | CalcError {
  const a = asMatrix(amounts, "amounts");
  if (isCalcError(a)) return a;
  const k = asMatrix(accounts, "accounts");
  if (isCalcError(k)) return k;
  const shape = sameShape(a, "amounts", k, "accounts");
  if (shape) return shape;
  const m = readOption(measure, "measure", ["TOP", "HHI"] as const);
  if (isCalcError(m)) return m;
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
export function attainmentShare(attainments: unknown, level?: unknown): number | CalcError {
  const m = asMatrix(attainments, "attainments");
  if (isCalcError(m)) return m;
  const lv = readOptionalNumber(level, "level");
  if (isCalcError(lv)) return lv;
  const values = readNumbersOrBlank(m, "attainments");
  if (isCalcError(values)) return values;
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return messages.noDeals("attainments", "count");
  return present.filter((v) => v >= (lv ?? 1)).length / present.length;
}

/** COST_OF_SALES(compensation, revenue): sum(compensation) / sum(revenue). */
export function costOfSales(compensation: unknown, revenue: unknown): number | CalcError {
  const sums = sumsOfTwo(compensation, "compensation", revenue, "revenue");
  if (isCalcError(sums)) return sums;
  const [pay, total] = sums;
  if (total.isZero()) return messages.emptyDivisor({ arg: "revenue" });
  return finite(toNumber(pay.div(total)));
}

/** An element-wise ratio of two non-negative arguments (a blank pair stays blank). */
function ratioOf(
  num: unknown,
  numName: string,
  den: unknown,
  denName: string,
  compute: (n: number, d: number) => number | CalcError,
): OutMatrix | CalcError {
  const a = asMatrix(num, numName);
  if (isCalcError(a)) return a;
  const b = asMatrix(den, denName);
  if (isCalcError(b)) return b;
  return elementwise(
    [
      { name: numName, m: a },
      { name: denName, m: b },
    ],
    ([av, bv], where) => {
      if (isBlank(av) && isBlank(bv)) return "";
      if (isBlank(av)) return messages.blank(where(0));
      if (isBlank(bv)) return messages.blank(where(1));
      const n = readNumber(av, where(0));
      if (isCalcError(n)) return n;
      const d = readNumber(bv, where(1));
      if (isCalcError(d)) return d;
      if (n < 0) return messages.negative(where(0), n);
      if (d < 0) return messages.negative(where(1), d);
      return compute(n, d);
    },
  );
}

/** COMMISSION_RATE(target_incentive, quota): the base commission rate, target_incentive / quota. */
export function commissionRate(targetIncentive: unknown, quota: unknown): OutMatrix | CalcError {
  return ratioOf(targetIncentive, "target_incentive", quota, "quota", (ti, q) =>
    q === 0 ? messages.zeroDivisor({ arg: "quota" }) : exactRatio(ti, q),
  );
}

/** PAY_MIX(base, target_incentive): the base share of OTE, base / (base + target_incentive). */
export function payMix(base: unknown, targetIncentive: unknown): OutMatrix | CalcError {
  return ratioOf(base, "base", targetIncentive, "target_incentive", (b, ti) => {
    const ote = toNumber(sumExact([b, ti]));
    return ote === 0 ? messages.emptyDivisor({ arg: "base + target_incentive" }) : exactRatio(b, ote);
  });
}

/** KPI_BONUS's curve without tiers: linear at rate 1, with the mode, threshold and cap given. */
function linearCurve(mode: unknown, threshold: unknown, cap: unknown): CompiledCurve | CalcError {
  return readCurve([[0, 1]], mode, threshold, cap);
}

/**
 * KPI_BONUS(attainments, weights, target_bonus, [tiers], [mode], [threshold], [cap]): the sum over
 * KPIs of PAYOUT(attainment_i, weight_i x target_bonus, tiers, ...); without tiers each component
 * pays linearly (rate 1 from 0), still with the threshold and cap given.
 */
export function kpiBonus(
  attainments: unknown,
  weights: unknown,
  targetBonus: unknown,
  tiers?: unknown,
  mode?: unknown,
  threshold?: unknown,
  cap?: unknown,
): number | CalcError {
  const a = asMatrix(attainments, "attainments");
  if (isCalcError(a)) return a;
  const w = asMatrix(weights, "weights");
  if (isCalcError(w)) return w;
  const shape = sameShape(a, "attainments", w, "weights");
  if (shape) return shape;
  const tb = readOptionalNumber(targetBonus, "target_bonus");
  if (isCalcError(tb)) return tb;
  if (tb === null) return messages.blank({ arg: "target_bonus" });
  if (tb < 0) return messages.negative({ arg: "target_bonus" }, tb);
  const curve = isBlank(tiers) ? linearCurve(mode, threshold, cap) : readCurve(tiers, mode, threshold, cap);
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
}
