import { seededRandom } from "../../../src/core/random";
import { TerritoryAccount } from "../../../src/core/territories";

/** Seeded accounts: lognormal potential (mu 0), workload loosely tied to it, uniform coordinates. */
export function lognormalAccounts(n: number, sigma: number, seed: number): TerritoryAccount[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const potential = r.lognormal(0, sigma);
    return {
      id: `A${i + 1}`,
      potential,
      workload: 5 + r.lognormal(0, 0.8) * (1 + Math.sqrt(potential)),
      x: r.uniform(0, 100),
      y: r.uniform(0, 100),
    };
  });
}

/** Mean distance of accounts to the centre of their territory. */
export function meanDistanceToCentre(
  accounts: readonly TerritoryAccount[],
  assignment: readonly number[],
  seats: number,
): number {
  const cx = new Float64Array(seats);
  const cy = new Float64Array(seats);
  const count = new Float64Array(seats);
  accounts.forEach((a, i) => {
    cx[assignment[i]] += a.x!;
    cy[assignment[i]] += a.y!;
    count[assignment[i]]++;
  });
  let total = 0;
  accounts.forEach((a, i) => {
    const s = assignment[i];
    total += Math.hypot(a.x! - cx[s] / count[s], a.y! - cy[s] / count[s]);
  });
  return total / accounts.length;
}
