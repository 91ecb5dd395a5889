import { Partition } from "./partition";
import { textKey as nameKey } from "../text";
import { Seat, SplitResult, TerritoryAccount, TerritoryStats } from "./types";

/** What {@link describeSplit} needs from a finished split. */
export interface FinishedSplit {
  accounts: readonly TerritoryAccount[];
  seats: readonly Seat[];
  p: Partition;
  target: readonly Float64Array[];
  closed: Uint8Array;
  groups: readonly { label: string; seats: readonly number[] }[];
  withWorkload: boolean;
  notes: string[];
}

/** The result of a split: per-territory figures, the balance, moves against current owners. */
export function describeSplit(f: FinishedSplit): SplitResult {
  const { accounts, seats, p, target, closed } = f;
  const seatIndex = new Map(seats.map((s, i) => [nameKey(s.name), i]));
  const movedIn = new Array<number>(seats.length).fill(0);
  const movedOut = new Array<number>(seats.length).fill(0);
  let moved = 0;
  accounts.forEach((a, i) => {
    if (!a.owner || !a.owner.trim()) return;
    const from = seatIndex.get(nameKey(a.owner));
    const to = p.assign[i];
    if (from === to) return;
    moved++;
    movedIn[to]++;
    if (from !== undefined) movedOut[from]++;
  });
  const groupOf = new Map<number, string>();
  for (const g of f.groups) for (const s of g.seats) groupOf.set(s, g.label);
  const totalCapacity = seats.reduce((s, t) => s + t.capacity, 0);
  const meanPotential = sum(p.load[0]) / seats.length;
  const meanWorkload = f.withWorkload ? sum(p.load[1]) / seats.length : 0;

  const territories: TerritoryStats[] = seats.map((seat, s) => {
    const potential = p.load[0][s];
    const workload = f.withWorkload ? p.load[1][s] : sumOf(p.members[s], accounts, (a) => a.workload ?? 0);
    const lowerBound = closed[s] ? `holds one account larger than a share; it cannot be smaller` : null;
    const tp = closed[s] ? potential : target[0][s];
    return {
      seat,
      group: groupOf.get(s) || null,
      accounts: p.members[s].length,
      potential,
      workload,
      targetPotential: tp,
      deviation: tp > 0 ? potential / tp - 1 : 0,
      workloadDeviation: f.withWorkload && !closed[s] && target[1][s] > 0 ? workload / target[1][s] - 1 : 0,
      pctOfMean: meanPotential > 0 ? (potential / meanPotential) * 100 : 0,
      workloadPctOfMean: meanWorkload > 0 ? (workload / meanWorkload) * 100 : 0,
      movedIn: movedIn[s],
      movedOut: movedOut[s],
      lowerBound,
    };
  });
  const perCapacity = territories.map((t) => t.potential / t.seat.capacity);
  const open = territories.filter((t) => !t.lowerBound);
  const minPer = Math.min(...perCapacity);
  return {
    seats,
    assignment: Array.from(p.assign),
    territories,
    maxOverMin: minPer > 0 ? Math.max(...perCapacity) / minPer : Infinity,
    worstDeviation: Math.max(0, ...open.map((t) => Math.abs(t.deviation))),
    worstWorkloadDeviation: Math.max(0, ...open.map((t) => Math.abs(t.workloadDeviation))),
    moved,
    notes: [...f.notes, ...capacityNote(totalCapacity, seats)],
  };
}

function capacityNote(total: number, seats: readonly Seat[]): string[] {
  const partial = seats.filter((s) => s.capacity !== 1);
  if (partial.length === 0) return [];
  return [`Shares follow capacity: ${partial.map((s) => `${s.name} ${s.capacity}`).join(", ")} of ${total} in all.`];
}

const sum = (xs: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
};
const sumOf = <T>(idx: readonly number[], items: readonly T[], f: (t: T) => number) =>
  idx.reduce((s, i) => s + f(items[i]), 0);
