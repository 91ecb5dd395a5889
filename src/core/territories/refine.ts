import { Partition } from "./partition";

/** What the local search may do and when it stops. */
export interface RefineSetup {
  /** The open seats of this group (seats closed around one oversized account are left out). */
  readonly seats: readonly number[];
  /** target[d][seat]. */
  readonly target: readonly Float64Array[];
  /** Accounts that never move (pins, oversized accounts). */
  readonly locked: Uint8Array;
  /** Stop once every seat is within this fraction of its target in every dimension. */
  readonly tolerance: number;
  /** For compact territories: the seats near each seat; moves go only between neighbours. */
  readonly neighbours?: ReadonlyMap<number, readonly number[]>;
  readonly maxIterations?: number;
}

/**
 * Local search that evens out the seats. Each round takes the seat furthest from its target and
 * makes the single move (one account into or out of it) that lowers the sum of squared relative
 * deviations the most; when no move helps, the best swap of two accounts with its most opposite
 * partner. Every step strictly lowers that sum, so it cannot cycle, and it stops as soon as all
 * seats are within the tolerance: with current owners, that is what keeps moves few.
 * Returns the number of accounts moved.
 */
export function refine(p: Partition, setup: RefineSetup): number {
  const { seats, target, locked, tolerance } = setup;
  const dims = p.size.length;
  const usable = Array.from({ length: dims }, (_, d) => seats.some((s) => target[d][s] > 0));
  const dev = (d: number, s: number, load: number) => (target[d][s] > 0 ? (load - target[d][s]) / target[d][s] : 0);
  /** Change in the objective when `a` goes from seat s to seat t. */
  const delta = (a: number, s: number, t: number): number => {
    let change = 0;
    for (let d = 0; d < dims; d++) {
      if (!usable[d]) continue;
      const v = p.size[d][a];
      const ls = p.load[d][s];
      const lt = p.load[d][t];
      const es = dev(d, s, ls);
      const es2 = dev(d, s, ls - v);
      const et = dev(d, t, lt);
      const et2 = dev(d, t, lt + v);
      change += es2 * es2 - es * es + et2 * et2 - et * et;
    }
    return change;
  };
  const worstOf = (s: number) => {
    let worst = 0;
    let sign = 0;
    for (let d = 0; d < dims; d++) {
      if (!usable[d]) continue;
      const e = dev(d, s, p.load[d][s]);
      if (Math.abs(e) > worst) {
        worst = Math.abs(e);
        sign = Math.sign(e);
      }
    }
    return { worst, sign };
  };
  const partners = (s: number) => setup.neighbours?.get(s) ?? seats;
  const limit = setup.maxIterations ?? 20000;
  let moves = 0;

  for (let iteration = 0; iteration < limit; iteration++) {
    let s = -1;
    let worst = 0;
    let sign = 0;
    for (const t of seats) {
      const w = worstOf(t);
      if (w.worst > worst) {
        worst = w.worst;
        sign = w.sign;
        s = t;
      }
    }
    if (s < 0 || worst <= tolerance) break;

    let best = -1e-15;
    let bestAccount = -1;
    let bestTo = -1;
    for (const t of partners(s)) {
      if (t === s) continue;
      // Over target: something leaves s; under: something comes in.
      const [from, to] = sign > 0 ? [s, t] : [t, s];
      for (const a of p.members[from]) {
        if (locked[a]) continue;
        const change = delta(a, from, to);
        if (change < best || (change === best && bestAccount >= 0 && a < bestAccount)) {
          best = change;
          bestAccount = a;
          bestTo = to;
        }
      }
    }
    if (bestAccount >= 0) {
      p.move(bestAccount, bestTo);
      moves++;
      continue;
    }
    if (!swapOnce(p, s, sign, partners(s), delta, locked, dev)) break;
    moves += 2;
  }
  return moves;
}

/** The best improving swap between seat s and its partners; false when none improves. */
function swapOnce(
  p: Partition,
  s: number,
  sign: number,
  partners: readonly number[],
  delta: (a: number, s: number, t: number) => number,
  locked: Uint8Array,
  dev: (d: number, s: number, load: number) => number,
): boolean {
  // The three partners whose first-dimension deviation is most opposite to s's.
  const ranked = partners
    .filter((t) => t !== s)
    .map((t) => ({ t, e: dev(0, t, p.load[0][t]) * sign }))
    .sort((a, b) => a.e - b.e || a.t - b.t)
    .slice(0, 3);
  let best = -1e-15;
  let pick: [number, number, number] | null = null;
  for (const { t } of ranked) {
    for (const a of p.members[s]) {
      if (locked[a]) continue;
      const out = delta(a, s, t);
      p.move(a, t);
      for (const b of p.members[t]) {
        if (locked[b] || b === a) continue;
        const change = out + delta(b, t, s);
        if (change < best) {
          best = change;
          pick = [a, b, t];
        }
      }
      p.move(a, s);
    }
  }
  if (!pick) return false;
  const [a, b, t] = pick;
  p.move(a, t);
  p.move(b, s);
  return true;
}
