import { Partition } from "./partition";

/**
 * First placement of the accounts not fixed by pins or current owners: the largest first, each
 * to the seat whose remaining need best matches it (the dot product of the seat's remaining
 * target and the account's size, both as fractions of the total). On one dimension that is
 * "the seat furthest below its target", the longest-processing-time rule, which leaves every
 * seat within about one small account of its target once there are many accounts per seat.
 */
export function placeGreedy(
  p: Partition,
  accounts: readonly number[],
  seats: readonly number[],
  target: readonly Float64Array[],
  total: readonly number[],
): void {
  const dims = p.size.length;
  const weight = (a: number) => {
    let w = 0;
    for (let d = 0; d < dims; d++) if (total[d] > 0) w += p.size[d][a] / total[d];
    return w;
  };
  const order = [...accounts].sort((a, b) => weight(b) - weight(a) || a - b);
  for (const a of order) {
    let best = seats[0];
    let bestScore = -Infinity;
    const w = weight(a);
    for (const s of seats) {
      let score = 0;
      for (let d = 0; d < dims; d++) {
        if (total[d] === 0) continue;
        const need = (target[d][s] - p.load[d][s]) / total[d];
        // An account of size 0 changes no balance: it goes where the most is still missing.
        score += w > 0 ? need * (p.size[d][a] / total[d]) : need;
      }
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    p.place(a, best);
  }
}

/**
 * First placement for compact territories: recursive bisection. The seats are halved, and the
 * accounts are cut across the longer side of their bounding box where the running total reaches
 * the first half's share of the targets; each half recurses. Territories come out as contiguous
 * blocks, each within about one account per level of its target.
 */
export function placeBisection(
  p: Partition,
  accounts: readonly number[],
  seats: readonly number[],
  target: readonly Float64Array[],
  total: readonly number[],
  x: Float64Array,
  y: Float64Array,
): void {
  const dims = p.size.length;
  const weight = (a: number) => {
    let w = 0;
    for (let d = 0; d < dims; d++) if (total[d] > 0) w += p.size[d][a] / total[d];
    return w;
  };
  const need = (s: number) => {
    let w = 0;
    for (let d = 0; d < dims; d++) if (total[d] > 0) w += Math.max(0, target[d][s] - p.load[d][s]) / total[d];
    return w;
  };
  const split = (list: number[], group: readonly number[]): void => {
    if (group.length === 1) {
      for (const a of list) p.place(a, group[0]);
      return;
    }
    const half = group.length >> 1;
    const left = group.slice(0, half);
    const right = group.slice(half);
    const needLeft = left.reduce((s, t) => s + need(t), 0);
    const needAll = needLeft + right.reduce((s, t) => s + need(t), 0);
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const a of list) {
      minX = Math.min(minX, x[a]);
      maxX = Math.max(maxX, x[a]);
      minY = Math.min(minY, y[a]);
      maxY = Math.max(maxY, y[a]);
    }
    const coord = maxX - minX >= maxY - minY ? x : y;
    const sorted = [...list].sort((a, b) => coord[a] - coord[b] || a - b);
    const weights = sorted.map(weight);
    const all = weights.reduce((s, w) => s + w, 0);
    let cut: number;
    if (all === 0 || needAll === 0) {
      cut = Math.round((sorted.length * half) / group.length);
    } else {
      const goal = (all * needLeft) / needAll;
      let run = 0;
      cut = 0;
      while (cut < sorted.length && run + weights[cut] / 2 < goal) run += weights[cut++];
    }
    split(sorted.slice(0, cut), left);
    split(sorted.slice(cut), right);
  };
  split([...accounts], seats);
}
