import { normalQuantile } from "../quotas/normal";
import { stretchForShare } from "../quotas/setQuotas";
import { AttainmentDistribution } from "./types";

/**
 * The attainment distribution without a quota run: attainment = exp(sigma Z) / k, with k set
 * so that `share` of reps reach quota (the elastic-quota model), as 100 equally likely points
 * (the quantiles at 0.5%, 1.5%, ... 99.5%).
 */
export function lognormalDistribution(share: number, sigma: number): AttainmentDistribution {
  const k = stretchForShare(share, sigma);
  const at = (p: number) => Math.exp(sigma * normalQuantile(p)) / k;
  return {
    points: Array.from({ length: 100 }, (_, j) => at((j + 0.5) / 100)),
    p10: at(0.1),
    p50: at(0.5),
    p90: at(0.9),
    excellence: at(0.925),
  };
}
