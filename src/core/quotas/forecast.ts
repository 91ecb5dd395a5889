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
}

/** Pseudo-periods of the pooled spread mixed into each rep's own (shrinkage). */
const SHRINK = 3;

/**
 * Forecasts: each rep's share is a blend of their share of the history (mean of their periods)
 * and of the potential, `historyWeight` to history; a rep without history is forecast on
 * potential alone; the shares are scaled to add up to the company target.
 *
 * Spread: in each period a rep's expected bookings are their blended share of that period's
 * total; sigma is the standard deviation of ln(actual / expected) over all (rep, period) points
 * with bookings above 0 (a lognormal fit). A rep's own sigma uses their points, shrunk toward the
 * pooled sigma with the weight of three periods, as a few periods alone would be too noisy.
 */
export function forecasts(reps: readonly QuotaRep[], companyTarget: number, historyWeight: number): Forecasts {
  const periods = Math.max(0, ...reps.map((r) => r.history?.length ?? 0));
  const hist = reps.map((r) => Array.from({ length: periods }, (_, t) => r.history?.[t] ?? null));
  reps.forEach((r, i) =>
    hist[i].forEach((h, t) => {
      if (h !== null && (!Number.isFinite(h) || h < 0)) throw new QuotaInputError(`Rep "${r.id}" has history ${h} in period ${t + 1}; bookings must be a number of 0 or more.`);
    }),
  );
  const totalPotential = reps.reduce((s, r) => s + r.potential, 0);
  const repMean = hist.map((hs) => {
    const known = hs.filter((h): h is number => h !== null);
    return known.length ? known.reduce((s, h) => s + h, 0) / known.length : null;
  });
  const totalHistory = repMean.reduce<number>((s, m) => s + (m ?? 0), 0);
  const withHistory = repMean.filter((m) => m !== null).length;
  // Reps with history share the history part among themselves, in proportion to their potential.
  const potentialOfHistoryReps = reps.reduce((s, r, i) => s + (repMean[i] !== null ? r.potential : 0), 0);
  const blend = reps.map((r, i) => {
    const p = r.potential / totalPotential;
    const m = repMean[i];
    if (m === null || totalHistory === 0) return p;
    const h = (m / totalHistory) * (potentialOfHistoryReps / totalPotential);
    return historyWeight * h + (1 - historyWeight) * p;
  });
  const blendTotal = blend.reduce((s, b) => s + b, 0);
  const forecast = blend.map((b) => (b / blendTotal) * companyTarget);

  if (withHistory === 0 || periods === 0) return { forecast, pooledSigma: null, repSigma: reps.map(() => null), points: 0 };
  const logs: number[][] = reps.map(() => []);
  for (let t = 0; t < periods; t++) {
    const present = reps.map((_, i) => i).filter((i) => hist[i][t] !== null);
    const periodTotal = present.reduce((s, i) => s + (hist[i][t] as number), 0);
    const shareTotal = present.reduce((s, i) => s + blend[i], 0);
    if (periodTotal <= 0 || present.length < 2) continue;
    for (const i of present) {
      const actual = hist[i][t] as number;
      if (actual > 0) logs[i].push(Math.log(actual / ((blend[i] / shareTotal) * periodTotal)));
    }
  }
  const all = logs.flat();
  if (all.length < 3) return { forecast, pooledSigma: null, repSigma: reps.map(() => null), points: all.length };
  const pooled = stdDev(all);
  const repSigma = logs.map((ls) => (ls.length >= 2 ? Math.sqrt((ls.length * variance(ls) + SHRINK * pooled * pooled) / (ls.length + SHRINK)) : pooled));
  return { forecast, pooledSigma: pooled, repSigma, points: all.length };
}

function variance(xs: readonly number[]): number {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}
const stdDev = (xs: readonly number[]) => Math.sqrt(variance(xs));
