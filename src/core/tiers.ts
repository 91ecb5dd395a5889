import { CalcError, messages } from "./errors";
import { decimalScale, isExact, POW10 } from "./exactDecimal";
import { pair, roundQuotient, shortestDigits, sumIntegers, TERM_LIMIT, twoProduct } from "./exactDouble";
import { pow10n, wideOf, wideToNumber } from "./exactWide";
import { dec, Dec, Money, toNumber } from "./money";

/**
 * How tier rates apply. MARGINAL: each slice of the measure is paid at its own tier's rate, like
 * tax brackets. RETRO: the whole measure is paid at the rate of the highest tier reached.
 */
export type PayoutMode = "MARGINAL" | "RETRO";

/** The payout modes, in the order the help text lists them. */
export const PAYOUT_MODES: readonly PayoutMode[] = ["MARGINAL", "RETRO"];

/** One tier: from `lower` (inclusive) up to the next tier's lower bound, paid at `rate` per unit. */
export interface Tier {
  /** The tier's lower bound; a measure exactly on it belongs to this tier. */
  readonly lower: number;
  /** Payout per 1.0 of the measure inside the tier (1.5 = an accelerator of 1.5x). */
  readonly rate: number;
}

/** A payout curve: tiers, mode, and the optional threshold (gate) and cap. */
export interface PayoutCurve {
  /** Tiers with strictly ascending lower bounds and rates of 0 or more. */
  readonly tiers: readonly Tier[];
  /** MARGINAL (the default in this product) or RETRO. */
  readonly mode: PayoutMode;
  /** Below this measure nothing is paid; null for no threshold. */
  readonly threshold: number | null;
  /** The largest payout factor, as a multiple of the target incentive; null for no cap. */
  readonly cap: number | null;
}

/** One line of a payout's explanation: what one tier contributed. */
export interface TierLine {
  /** 1-based tier number. */
  readonly tier: number;
  /** The tier's lower bound. */
  readonly from: number;
  /** The next tier's lower bound, or null for the open top tier. */
  readonly to: number | null;
  /** The tier's rate. */
  readonly rate: number;
  /** How much of the measure this tier paid on. */
  readonly slice: number;
  /** slice x rate x target incentive. */
  readonly amount: number;
}

/** A payout, line by line, with the threshold and cap effects; `total` equals {@link payout}. */
export interface PayoutBreakdown {
  /** One line per tier, in order. */
  readonly lines: readonly TierLine[];
  /** Sum of the lines' amounts: what the tiers alone would pay. */
  readonly earned: number;
  /** True when the measure is below the threshold, so nothing is paid. */
  readonly belowThreshold: boolean;
  /** Change made by the threshold (0 or minus `earned`). */
  readonly thresholdAdjustment: number;
  /** True when the cap cut the payout. */
  readonly capped: boolean;
  /** Change made by the cap (0 or negative). */
  readonly capAdjustment: number;
  /** The payout factor after threshold and cap: total / target incentive. */
  readonly factor: number;
  /** The payout. */
  readonly total: number;
}

/**
 * A curve checked once and prepared for many payouts: decimal copies for the exact path and
 * scaled integers for the fast path.
 */
export interface CompiledCurve {
  /** The curve as given. */
  readonly curve: PayoutCurve;
  /** Lower bounds as decimals. */
  readonly lowerDec: readonly Dec[];
  /** Rates as decimals. */
  readonly rateDec: readonly Dec[];
  /** MARGINAL: the payout factor earned by the tiers below each tier, at that tier's lower bound. */
  readonly factorAtLower: readonly Dec[];
  /** The cap as a decimal, or null. */
  readonly capDec: Dec | null;
  /** Decimals of the bounds' shortest forms (the most of any bound); -1 when too long. */
  readonly boundScale: number;
  /** Lower bounds as integers at boundScale decimals. */
  readonly lowerInt: readonly number[];
  /** Decimals of the rates (the most of any rate); -1 when too long. */
  readonly rateScale: number;
  /** Rates as integers at rateScale decimals. */
  readonly rateInt: readonly number[];
  /** Decimals of the cap; -1 when there is none or it is too long. */
  readonly capScale: number;
  /** The cap as an integer at capScale decimals. */
  readonly capInt: number;
  /** The same integers as BigInts for the wide path, or null when a bound, rate or cap is too long. */
  readonly wide: WideCurve | null;
  /** The same integers as doubles for the double-double path, or null when one is too long. */
  readonly double: DoubleCurve | null;
}

/**
 * A curve's scaled integers for the double-double path: the factor of a measure N in tier i is
 * N x rate[i] + base[i] x 10^(decimals of N - boundScale), at boundScale + rateScale decimals.
 */
export interface DoubleCurve {
  /** MARGINAL: factor below the tier minus lower bound x rate; RETRO: 0. All exact doubles. */
  readonly base: readonly number[];
  /** Rates at rateScale decimals, at most 2^40 (so a low part of N times a rate stays exact). */
  readonly rate: readonly number[];
  /** The cap at capScale decimals, or null for none. */
  readonly cap: number | null;
}

/** A curve's scaled integers as BigInts: lower bounds, rates, the factor below each tier, the cap. */
export interface WideCurve {
  /** Lower bounds at boundScale decimals. */
  readonly lower: readonly bigint[];
  /** Rates at rateScale decimals. */
  readonly rate: readonly bigint[];
  /** MARGINAL: the factor earned below each tier, at boundScale + rateScale decimals. */
  readonly factorAtLower: readonly bigint[];
  /** The cap at capScale decimals, or null for none. */
  readonly cap: bigint | null;
}

/**
 * Checks a curve: at least one tier, finite numbers, lower bounds strictly ascending, rates of 0
 * or more, a cap above 0, and in RETRO a first bound of 0 or more (RETRO pays measure x rate, so a
 * negative measure in a tier below 0 would pay a negative amount that no cap bounds). Returns the
 * first problem, naming the tier row, or null.
 */
export function checkCurve(curve: PayoutCurve): CalcError | null {
  if (curve.tiers.length === 0) return messages.tiersEmpty();
  for (let i = 0; i < curve.tiers.length; i++) {
    const { lower, rate } = curve.tiers[i];
    if (!Number.isFinite(lower)) return messages.notFinite({ arg: "tiers", row: i + 1, col: 1 });
    if (!Number.isFinite(rate)) return messages.notFinite({ arg: "tiers", row: i + 1, col: 2 });
    if (i > 0 && !(lower > curve.tiers[i - 1].lower))
      return messages.tiersNotAscending(i + 1, lower, curve.tiers[i - 1].lower);
    if (rate < 0) return messages.negativeRate(i + 1, rate);
  }
  if (curve.mode === "RETRO" && curve.tiers[0].lower < 0) return messages.retroBelowZero(curve.tiers[0].lower);
  if (curve.threshold !== null && !Number.isFinite(curve.threshold)) return messages.notFinite({ arg: "threshold" });
  if (curve.cap !== null) {
    if (!Number.isFinite(curve.cap)) return messages.notFinite({ arg: "cap" });
    if (curve.cap <= 0) return messages.capNotPositive(curve.cap);
  }
  return null;
}

/** The common scale of a list of numbers (the most decimals of any), or -1 if one is too long. */
function commonScale(values: readonly number[]): number {
  let scale = 0;
  for (const v of values) {
    const k = decimalScale(v);
    if (k < 0) return -1;
    scale = Math.max(scale, k);
  }
  return scale;
}

/** Checks and prepares a curve; returns the problem instead when the curve is invalid. */
export function compileCurve(curve: PayoutCurve): CompiledCurve | CalcError {
  const problem = checkCurve(curve);
  if (problem) return problem;
  const lowers = curve.tiers.map((t) => t.lower);
  const rates = curve.tiers.map((t) => t.rate);
  const boundScale = commonScale(lowers);
  const rateScale = commonScale(rates);
  const capScale = curve.cap === null ? -1 : decimalScale(curve.cap);
  const toInt = (v: number, k: number) => (k < 0 ? NaN : Math.round(v * POW10[k]));
  const lowerDec = lowers.map((v) => dec(v));
  const rateDec = rates.map((v) => dec(v));
  const factorAtLower: Dec[] = [new Money(0)];
  for (let i = 1; i < lowers.length; i++) {
    factorAtLower.push(factorAtLower[i - 1].plus(lowerDec[i].minus(lowerDec[i - 1]).times(rateDec[i - 1])));
  }
  const lowerInt = lowers.map((v) => toInt(v, boundScale));
  const rateInt = rates.map((v) => toInt(v, rateScale));
  const capInt = curve.cap === null ? NaN : toInt(curve.cap, capScale);
  const compiled = {
    curve,
    lowerDec,
    rateDec,
    factorAtLower,
    capDec: curve.cap === null ? null : dec(curve.cap),
    boundScale,
    lowerInt,
    rateScale,
    rateInt,
    capScale,
    capInt,
    wide:
      boundScale < 0 || rateScale < 0 || (curve.cap !== null && capScale < 0)
        ? null
        : wideCurve(lowerInt, rateInt, curve.cap === null ? null : capInt),
  };
  return { ...compiled, double: doubleCurve(compiled) };
}

/** Largest rate integer for the double-double path. */
const RATE_LIMIT = 2 ** 40;

function doubleCurve(c: Omit<CompiledCurve, "double">): DoubleCurve | null {
  const w = c.wide;
  if (w === null || c.rateInt.some((r) => r > RATE_LIMIT)) return null;
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  const base: number[] = [];
  for (let i = 0; i < w.lower.length; i++) {
    const b = c.curve.mode === "MARGINAL" ? w.factorAtLower[i] - w.lower[i] * w.rate[i] : 0n;
    if (b > limit || -b > limit) return null;
    base.push(Number(b));
  }
  return { base, rate: c.rateInt, cap: w.cap === null ? null : c.capInt };
}

function wideCurve(lowerInt: readonly number[], rateInt: readonly number[], capInt: number | null): WideCurve {
  const lower = lowerInt.map((v) => BigInt(v));
  const rate = rateInt.map((v) => BigInt(v));
  const factorAtLower: bigint[] = [0n];
  for (let i = 1; i < lower.length; i++)
    factorAtLower.push(factorAtLower[i - 1] + (lower[i] - lower[i - 1]) * rate[i - 1]);
  return { lower, rate, factorAtLower, cap: capInt === null ? null : BigInt(capInt) };
}

/** Index of the highest tier whose lower bound is at or below the measure; -1 below the first. */
function tierReached(measure: number, tiers: readonly Tier[]): number {
  let reached = -1;
  for (let i = 0; i < tiers.length && measure >= tiers[i].lower; i++) reached = i;
  return reached;
}

/**
 * The payout for a measure (attainment, or money) and a target incentive, exactly as decimal
 * arithmetic gives it, line by line. Comparisons are made on the doubles themselves: the decimal
 * form of a double orders exactly as the double does.
 */
export function explainPayout(measure: number, targetIncentive: number, compiled: CompiledCurve): PayoutBreakdown {
  const { curve, lowerDec, rateDec } = compiled;
  const m = dec(measure);
  const ti = dec(targetIncentive);
  const reached = tierReached(measure, curve.tiers);
  const lines: TierLine[] = [];
  let factor: Dec = new Money(0);
  for (let i = 0; i < curve.tiers.length; i++) {
    const next = i + 1 < curve.tiers.length ? curve.tiers[i + 1].lower : null;
    let slice: Dec = new Money(0);
    if (curve.mode === "MARGINAL") {
      if (i <= reached) slice = (i < reached ? lowerDec[i + 1] : m).minus(lowerDec[i]);
    } else if (i === reached) {
      slice = m;
    }
    const part = slice.times(rateDec[i]);
    factor = factor.plus(part);
    lines.push({
      tier: i + 1,
      from: curve.tiers[i].lower,
      to: next,
      rate: curve.tiers[i].rate,
      slice: toNumber(slice),
      amount: toNumber(part.times(ti)),
    });
  }
  const earned = factor.times(ti);
  const belowThreshold = curve.threshold !== null && measure < curve.threshold;
  let paidFactor = belowThreshold ? new Money(0) : factor;
  let capped = false;
  if (curve.cap !== null && paidFactor.gt(curve.cap)) {
    paidFactor = dec(curve.cap);
    capped = true;
  }
  const afterThreshold = belowThreshold ? new Money(0) : earned;
  const total = dec(payoutDecimal(measure, targetIncentive, compiled));
  return {
    lines,
    earned: toNumber(earned),
    belowThreshold,
    thresholdAdjustment: toNumber(afterThreshold.minus(earned)),
    capped,
    // The cap's own effect, exactly: 0 when not capped (never the total's rounding to a double).
    capAdjustment: capped ? toNumber(paidFactor.times(ti).minus(afterThreshold)) : 0,
    factor: toNumber(paidFactor),
    total: toNumber(total),
  };
}

/**
 * {@link payout} in decimal.js: the exact path for any finite input. MARGINAL uses the factor
 * already earned below the tier reached, so a row costs one subtraction, two products and a sum.
 */
export function payoutDecimal(measure: number, targetIncentive: number, c: CompiledCurve): number {
  const { curve } = c;
  if (curve.threshold !== null && measure < curve.threshold) return 0;
  const reached = tierReached(measure, curve.tiers);
  if (reached < 0) return 0;
  const m = dec(measure);
  let factor =
    curve.mode === "MARGINAL"
      ? c.factorAtLower[reached].plus(m.minus(c.lowerDec[reached]).times(c.rateDec[reached]))
      : m.times(c.rateDec[reached]);
  if (c.capDec !== null && factor.gt(c.capDec)) factor = c.capDec;
  return toNumber(factor.times(targetIncentive));
}

/**
 * The fast path of {@link payout}: the same arithmetic on scaled integers held in doubles. Returns
 * undefined when an input or an intermediate is too long to stay exact; the caller then uses the
 * decimal path. Property tests check that both paths agree bit for bit.
 */
export function payoutFast(measure: number, targetIncentive: number, c: CompiledCurve): number | undefined {
  const { curve } = c;
  if (c.boundScale < 0 || c.rateScale < 0 || (curve.cap !== null && c.capScale < 0)) return undefined;
  const km = decimalScale(measure);
  if (km < 0) return undefined;
  const kt = decimalScale(targetIncentive);
  if (kt < 0) return undefined;
  if (curve.threshold !== null && measure < curve.threshold) return 0;
  const reached = tierReached(measure, curve.tiers);
  if (reached < 0) return 0;

  const s = Math.max(km, c.boundScale);
  const boundUp = POW10[s - c.boundScale];
  const m = Math.round(measure * POW10[km]) * POW10[s - km];
  if (!isExact(m)) return undefined;
  let factor = 0;
  if (curve.mode === "MARGINAL") {
    for (let i = 0; i <= reached; i++) {
      const top = i < reached ? c.lowerInt[i + 1] * boundUp : m;
      const part = (top - c.lowerInt[i] * boundUp) * c.rateInt[i];
      factor += part;
      if (!isExact(part) || !isExact(factor) || !isExact(top)) return undefined;
    }
  } else {
    factor = m * c.rateInt[reached];
  }
  let scale = s + c.rateScale;
  if (curve.cap !== null) {
    const common = Math.max(scale, c.capScale);
    const f = factor * POW10[common - scale];
    const cap = c.capInt * POW10[common - c.capScale];
    if (!isExact(f) || !isExact(cap)) return undefined;
    factor = f > cap ? cap : f;
    scale = common;
  }
  const total = factor * Math.round(targetIncentive * POW10[kt]);
  scale += kt;
  if (!isExact(factor) || !isExact(total) || scale >= POW10.length) return undefined;
  return total / POW10[scale] + 0;
}

/** Integers of 40 digits or more: decimal.js (40 significant digits) would round them, so it answers. */
const DECIMAL_DIGITS_LIMIT = 10n ** 40n;

/**
 * The wide path of {@link payout}, for a measure or target incentive too long for the fast path
 * (full-precision doubles): the same arithmetic on their shortest decimal forms as exact BigInt
 * integers, with one correctly rounded conversion at the end. Returns undefined when the curve
 * has a long bound, rate or cap, or when decimal.js would have rounded an intermediate; the
 * caller then uses the decimal path. Property tests check it agrees with it bit for bit.
 */
export function payoutWide(measure: number, targetIncentive: number, c: CompiledCurve): number | undefined {
  const w = c.wide;
  if (w === null || !Number.isFinite(measure) || !Number.isFinite(targetIncentive)) return undefined;
  const { curve } = c;
  if (curve.threshold !== null && measure < curve.threshold) return 0;
  const reached = tierReached(measure, curve.tiers);
  if (reached < 0) return 0;

  const m = wideOf(measure);
  const s = Math.max(c.boundScale, -m.exponent);
  const mScaled = m.mantissa * pow10n(m.exponent + s);
  const boundUp = pow10n(s - c.boundScale);
  let factor =
    curve.mode === "MARGINAL"
      ? w.factorAtLower[reached] * boundUp + (mScaled - w.lower[reached] * boundUp) * w.rate[reached]
      : mScaled * w.rate[reached];
  let scale = s + c.rateScale;
  if (w.cap !== null) {
    const common = Math.max(scale, c.capScale);
    const f = factor * pow10n(common - scale);
    const cap = w.cap * pow10n(common - c.capScale);
    factor = f > cap ? cap : f;
    scale = common;
  }
  const kt = decimalScale(targetIncentive);
  const t =
    kt >= 0 ? { mantissa: BigInt(Math.round(targetIncentive * POW10[kt])), exponent: -kt } : wideOf(targetIncentive);
  const total = factor * t.mantissa;
  if (total >= DECIMAL_DIGITS_LIMIT || -total >= DECIMAL_DIGITS_LIMIT) return undefined;
  const result = wideToNumber(total, scale - t.exponent);
  return result === undefined ? undefined : result + 0;
}

/** Scratch pairs of the double-double path (reused: the inner loop allocates nothing). */
const digits = pair();
const partA = pair();
const partB = pair();
const factorPair = pair();

/**
 * The double-double path of {@link payout}, for full-precision measures: the wide path's
 * arithmetic on the measure's shortest decimal digits N x 10^-q, found from the double's exact
 * binary value, with the integers held exactly as pairs of doubles (src/core/exactDouble.ts) and
 * one correctly rounded division at the end. Returns undefined whenever a step cannot be decided
 * or kept exact there (ties, boundaries, long numbers, huge or tiny magnitudes); the caller then
 * uses the wide path. Property tests check it agrees with decimal.js bit for bit.
 */
export function payoutDouble(measure: number, targetIncentive: number, c: CompiledCurve): number | undefined {
  const d = c.double;
  if (d === null || !Number.isFinite(measure)) return undefined;
  const { curve } = c;
  if (curve.threshold !== null && measure < curve.threshold) return 0;
  const reached = tierReached(measure, curve.tiers);
  if (reached < 0) return 0;
  const kt = decimalScale(targetIncentive);
  if (kt < 0) return undefined;
  const q = shortestDigits(measure, digits);
  if (q < c.boundScale) return undefined;

  // factor = N x rate + base x 10^(q - boundScale), exactly, at q + rateScale decimals.
  const rate = d.rate[reached];
  twoProduct(digits.hi, rate, partA);
  twoProduct(d.base[reached], POW10[q - c.boundScale], partB);
  if (!(Math.abs(partA.hi) < TERM_LIMIT && Math.abs(partB.hi) < TERM_LIMIT)) return undefined;
  sumIntegers(partA.hi, partA.lo, digits.lo * rate, partB.hi, partB.lo, factorPair);
  let scale = q + c.rateScale;
  if (d.cap !== null) {
    const up = scale - c.capScale;
    if (up < 0 || up >= POW10.length) return undefined;
    twoProduct(d.cap, POW10[up], partA);
    if (factorPair.hi > partA.hi || (factorPair.hi === partA.hi && factorPair.lo > partA.lo)) {
      factorPair.hi = partA.hi;
      factorPair.lo = partA.lo;
    }
  }
  const t = Math.round(targetIncentive * POW10[kt]);
  twoProduct(factorPair.hi, t, partA);
  twoProduct(factorPair.lo, t, partB);
  if (!(Math.abs(partA.hi) < TERM_LIMIT)) return undefined;
  sumIntegers(partA.hi, partA.lo, partB.hi, partB.lo, 0, factorPair);
  scale += kt;
  if (scale >= POW10.length) return undefined;
  const result = roundQuotient(factorPair, scale);
  return result === undefined ? undefined : result + 0;
}

/**
 * target incentive x f(measure) for a compiled curve: exact (the nearest double to the decimal
 * result), through the fast path when the numbers allow it, the double-double path and then
 * the wide path for full-precision numbers, and decimal.js otherwise.
 */
export function payout(measure: number, targetIncentive: number, compiled: CompiledCurve): number {
  const fast = payoutFast(measure, targetIncentive, compiled);
  if (fast !== undefined) return fast;
  const double = payoutDouble(measure, targetIncentive, compiled);
  if (double !== undefined) return double;
  const wide = payoutWide(measure, targetIncentive, compiled);
  return wide !== undefined ? wide : payoutDecimal(measure, targetIncentive, compiled);
}
