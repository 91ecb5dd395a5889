import { QuotaInputError, QuotaRep } from "./types";

/** Per-rep forecasts and the spread of actual / forecast. */
export interface Forecasts {
  /** Forecasts, summing to the company target. */
  readonly forecast: number[];
  /** Pooled sigma from history, or null when history cannot give one. */
  readonly pooledSigma: number | null;
  /** Per-rep sigma from that rep's history, shrunk toward the pooled one; null without history. */
  readonly repSigma: (number | null)[];
  /** Number of (rep, period) points the fit used. */
  readonly points: number;
  /** Number of prior periods the fit used. */
  readonly periods: number;
}

/** Pseudo-periods of the pooled spread mixed into each rep's own (shrinkage). */
const SHRINK = 3;

/**
 * Forecasts: each rep's share is a blend of their share of the history (mean of their periods)
 * and of the potential, `historyWeight` to history; a rep without history is forecast on
 * potential alone; the shares are scaled to add up to the company target.
 *
 * Spread, fitted out of sample: a period's bookings are compared with the forecast that the
 * other periods would have given (leave one period out), never with a forecast built from those
 * same bookings, which would fit a spread of 0 with one prior period or with history
 * proportional to potential. In each period a rep's expected bookings are their blended share of
 * that period's total; sigma is the standard deviation of ln(actual / expected) over all (rep,
 * period) points with bookings above 0 (a lognormal fit). A rep's own sigma uses their points,
 * shrunk toward the pooled sigma with the weight of three periods, as a few periods alone would
 * be too noisy.
 */
export function forecasts(reps: readonly QuotaRep[], companyTarget: number, historyWeight: number): Forecasts {
  const periods = Math.max(0, ...reps.map((r) => r.history?.length ?? 0));
  const hist = reps.map((r) => Array.from({ length: periods }, (_, t) => r.history?.[t] ?? null));
  reps.forEach((r, i) =>
    hist[i].forEach((h, t) => {
      if (h !== null && (!Number.isFinite(h) || h < 0))
        throw new QuotaInputError(
          `Rep "${r.id}" has history ${h} in period ${t + 1}; bookings must be a number of 0 or more.`,
        );
    }),
  );
  const blend = blendedShares(reps, hist, historyWeight, -1);
  const blendTotal = blend.reduce((s, b) => s + b, 0);
  const forecast = blend.map((b) => (b / blendTotal) * companyTarget);
  const withHistory = hist.filter((hs) => hs.some((h) => h !== null)).length;

  if (withHistory === 0 || periods === 0)
    return { forecast, pooledSigma: null, repSigma: reps.map(() => null), points: 0, periods: 0 };
  const logs: number[][] = reps.map(() => []);
  let periodsUsed = 0;
  for (let t = 0; t < periods; t++) {
    const present = reps.map((_, i) => i).filter((i) => hist[i][t] !== null);
    const periodTotal = present.reduce((s, i) => s + (hist[i][t] as number), 0);
    if (periodTotal <= 0 || present.length < 2) continue;
    const outOfSample = blendedShares(reps, hist, historyWeight, t);
    const shareTotal = present.reduce((s, i) => s + outOfSample[i], 0);
    let used = false;
    for (const i of present) {
      const actual = hist[i][t] as number;
      if (actual > 0) {
        logs[i].push(Math.log(actual / ((outOfSample[i] / shareTotal) * periodTotal)));
        used = true;
      }
    }
    if (used) periodsUsed++;
  }
  const all = logs.flat();
  if (all.length < 3)
    return { forecast, pooledSigma: null, repSigma: reps.map(() => null), points: all.length, periods: periodsUsed };
  const pooled = stdDev(all);
  const repSigma = logs.map((ls) =>
    ls.length >= 2 ? Math.sqrt((ls.length * variance(ls) + SHRINK * pooled * pooled) / (ls.length + SHRINK)) : pooled,
  );
  return { forecast, pooledSigma: pooled, repSigma, points: all.length, periods: periodsUsed };
}

/**
 * Each rep's blended share of the whole (history and potential), from every period but `leaveOut`
 * (-1 leaves none out). Reps with history share the history part among themselves, in proportion
 * to their potential; a rep with no (other) history gets their potential share.
 */
function blendedShares(
  reps: readonly QuotaRep[],
  hist: readonly (number | null)[][],
  historyWeight: number,
  leaveOut: number,
): number[] {
  const totalPotential = reps.reduce((s, r) => s + r.potential, 0);
  const repMean = hist.map((hs) => {
    const known = hs.filter((h, t): h is number => h !== null && t !== leaveOut);
    return known.length ? known.reduce((s, h) => s + h, 0) / known.length : null;
  });
  const totalHistory = repMean.reduce<number>((s, m) => s + (m ?? 0), 0);
  const potentialOfHistoryReps = reps.reduce((s, r, i) => s + (repMean[i] !== null ? r.potential : 0), 0);
  return reps.map((r, i) => {
    const p = r.potential / totalPotential;
    const m = repMean[i];
    if (m === null || totalHistory === 0) return p;
    const h = (m / totalHistory) * (potentialOfHistoryReps / totalPotential);
    return historyWeight * h + (1 - historyWeight) * p;
  });
}

function variance(xs: readonly number[]): number {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}
const stdDev = (xs: readonly number[]) => Math.sqrt(variance(xs));
