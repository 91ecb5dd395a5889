import { allocate } from "../allocate";
import { dec, toNumber } from "../money";
import { forecasts } from "./forecast";
import { normalCdf, normalQuantile } from "./normal";
import { QuotaInputError, QuotaOptions, QuotaPlan, QuotaRep, RepQuota } from "./types";

/** The stretch factor k for equal stretch: P(actual >= k x forecast) = share, lognormal spread sigma, no drift. */
export function stretchForShare(share: number, sigma: number): number {
  return Math.exp(sigma * normalQuantile(1 - share));
}

/** The share of reps expected to reach quota at stretch k (the inverse of {@link stretchForShare}). */
export function shareForStretch(k: number, sigma: number): number {
  return 1 - normalCdf(Math.log(k) / sigma);
}

/**
 * Elastic quotas. Forecasts blend history and potential and add up to the company target (see
 * {@link forecasts}); actual / forecast is lognormal with no drift (the median rep meets their
 * forecast) and spread sigma. Quota i = forecast i x exp(sigma_i x z): with equal stretch every
 * sigma_i is the pooled sigma, so Q = k F; with equal probability each rep's own spread gives
 * everyone the same chance. z comes from the target share, or, when the total is kept instead,
 * from total quota = target x (1 + over-assignment). Quotas are rounded to the rounding step by
 * largest remainder, so they add up exactly to the rounded total.
 *
 * @throws QuotaInputError naming what to fix.
 */
export function setQuotas(reps: readonly QuotaRep[], options: QuotaOptions): QuotaPlan {
  const o = checkOptions(reps, options);
  const fc = forecasts(reps, o.companyTarget, o.historyWeight);
  const notes: string[] = [];
  // The entered sigma is a floor: a fit can only widen the spread, so that a short or too-regular
  // history never makes quotas look certain (a spread of 0 would divide by zero on the sheet).
  const fitted = fc.pooledSigma;
  const sigma = Math.max(fitted ?? 0, o.sigma);
  const sigmaSource = fitted !== null && fitted >= o.sigma ? "history" : "entered";
  if (fitted === null) {
    if (reps.some((r) => r.history?.some((h) => h !== null)))
      notes.push(`Too little history to fit a spread; using the entered sigma ${o.sigma}.`);
  } else {
    const from = `out of sample from ${fc.points} rep-periods of history`;
    if (sigmaSource === "history") notes.push(`Spread sigma ${fitted.toFixed(3)} fitted ${from}.`);
    else
      notes.push(
        `The spread fitted ${from} is ${fitted.toFixed(3)}, below the entered sigma ${o.sigma} (the floor); using ${o.sigma}.`,
      );
    if (fc.periods === 1)
      notes.push("The spread rests on one prior period: add earlier periods of history for a firmer fit.");
  }
  const sig = reps.map((_, i) =>
    o.method === "equal-probability" ? Math.max(fc.repSigma[i] ?? sigma, o.sigma) : sigma,
  );
  const F = fc.forecast;
  const totalAt = (z: number) => F.reduce((s, f, i) => s + f * Math.exp(sig[i] * z), 0);
  // With no drift, quota = F exp(sigma_i z) gives every rep the same chance, 1 - Phi(z).
  const shareAt = (z: number) => 1 - normalCdf(z);

  const zShare = normalQuantile(1 - o.targetShare);
  const totalWanted = o.companyTarget * (1 + o.overAssignment);
  const zTotal = solveZ(totalAt, totalWanted);
  const totalForShare = totalAt(zShare);
  const z = o.keep === "share" ? zShare : zTotal;
  const exact = F.map((f, i) => f * Math.exp(sig[i] * z));

  const step = o.rounding;
  const wanted = o.keep === "total" ? totalWanted : totalForShare;
  const total = dec(wanted).div(step).toDecimalPlaces(0).times(step);
  if (o.keep === "total" && !total.eq(wanted))
    notes.push(
      `The wanted total ${wanted} is not a multiple of the rounding ${step}; quotas add up to ${toNumber(total)}.`,
    );
  const rounded = allocate(total, exact, step).map(toNumber);

  const out: RepQuota[] = reps.map((r, i) => {
    const q = rounded[i];
    return {
      id: r.id,
      forecast: F[i],
      quota: q,
      stretch: q / F[i],
      probability: q > 0 ? 1 - normalCdf(Math.log(q / F[i]) / sig[i]) : 1,
      sigma: sig[i],
    };
  });
  const sum = toNumber(total);
  return {
    reps: out,
    summary: {
      companyTarget: o.companyTarget,
      sumOfQuotas: sum,
      overAssignment: sum / o.companyTarget - 1,
      expectedShare: out.reduce((s, r) => s + r.probability, 0) / out.length,
      sigma,
      sigmaSource,
      stretch: sum / o.companyTarget,
    },
    tradeOff: {
      totalForShare,
      totalWanted,
      shareAtWantedTotal: shareAt(zTotal),
      conflict: totalForShare < totalWanted * (1 - 1e-12),
      kept: o.keep,
    },
    notes,
  };
}

/** The z where totalAt(z) = wanted (totalAt rises with z): bisection. */
function solveZ(totalAt: (z: number) => number, wanted: number): number {
  let lo = -12;
  let hi = 12;
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = (lo + hi) / 2;
    if (totalAt(mid) < wanted) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

type Checked = Required<Omit<QuotaOptions, "sigma">> & { sigma: number };

function checkOptions(reps: readonly QuotaRep[], o: QuotaOptions): Checked {
  if (reps.length === 0) throw new QuotaInputError("There are no reps to set quotas for.");
  if (typeof o.companyTarget !== "number" || !Number.isFinite(o.companyTarget) || o.companyTarget <= 0)
    throw new QuotaInputError(`The company target is ${JSON.stringify(o.companyTarget)}; enter an amount above 0.`);
  const share = o.targetShare ?? 0.65;
  if (!(share >= 0.01 && share <= 0.99))
    throw new QuotaInputError(`The target share of reps attaining is ${share}; use 1% to 99% (60-70% is healthy).`);
  const weight = o.historyWeight ?? 0.5;
  if (!(weight >= 0 && weight <= 1)) throw new QuotaInputError(`The weight of history is ${weight}; use 0% to 100%.`);
  const sigma = o.sigma ?? 0.25;
  if (!(sigma > 0 && sigma <= 3))
    throw new QuotaInputError(`The spread sigma is ${sigma}; use a number above 0 (0.25 is typical).`);
  const rounding = o.rounding ?? 1;
  if (!(rounding > 0) || !Number.isFinite(rounding))
    throw new QuotaInputError(`Rounding is ${rounding}; use a step above 0, e.g. 1000.`);
  const over = o.overAssignment ?? 0.1;
  if (!(over > -1 && over <= 2)) throw new QuotaInputError(`The over-assignment is ${over}; use e.g. 10% (0.1).`);
  const seen = new Set<string>();
  for (const r of reps) {
    if (seen.has(r.id)) throw new QuotaInputError(`Rep "${r.id}" appears twice.`);
    seen.add(r.id);
    if (!Number.isFinite(r.potential) || r.potential <= 0)
      throw new QuotaInputError(
        `Rep "${r.id}" has no potential (${r.potential}); every rep needs a potential above 0.`,
      );
  }
  return {
    companyTarget: o.companyTarget,
    targetShare: share,
    historyWeight: weight,
    sigma,
    method: o.method ?? "equal-stretch",
    rounding,
    overAssignment: over,
    keep: o.keep ?? "share",
  };
}
