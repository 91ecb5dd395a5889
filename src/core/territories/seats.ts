import { allocateNumbers } from "../allocate";
import { textKey as nameKey } from "../text";
import { Seat, SplitOptions, TerritoryAccount, TerritoryInputError } from "./types";

/** The seats from the options: the reps as given, or T1..Tn of capacity 1. */
export function seatsFrom(options: SplitOptions, accountCount: number): Seat[] {
  if (options.reps && options.reps.length > 0) {
    const seen = new Set<string>();
    for (const r of options.reps) {
      if (!r.name.trim()) throw new TerritoryInputError("A rep has no name; every rep needs one.");
      if (!Number.isFinite(r.capacity) || r.capacity <= 0)
        throw new TerritoryInputError(
          `Rep "${r.name}" has capacity ${r.capacity}; use a number above 0 (1 = a full share, 0.5 = a rep ramping at half).`,
        );
      if (seen.has(nameKey(r.name))) throw new TerritoryInputError(`Rep "${r.name}" is listed twice; each rep once.`);
      seen.add(nameKey(r.name));
    }
    return options.reps.map((r) => ({ name: r.name.trim(), capacity: r.capacity }));
  }
  const n = options.territories;
  if (n === undefined) throw new TerritoryInputError("Give either a number of territories or a list of reps.");
  if (!Number.isInteger(n) || n < 1)
    throw new TerritoryInputError(`The number of territories is ${n}; use a whole number of 1 or more.`);
  if (n > accountCount)
    throw new TerritoryInputError(
      `${n} territories for ${accountCount} accounts would leave some empty; use at most ${accountCount}.`,
    );
  return Array.from({ length: n }, (_, i) => ({ name: `T${i + 1}`, capacity: 1 }));
}

/**
 * For pure groups: how many seats each group gets (largest remainder on potential, at least one
 * each, and at least the number of reps pinned into it), and which seats. Seats pinned into a
 * group go there; then each seat goes where it owns the most potential today; the rest in order.
 */
export function seatsPerGroup(
  groups: readonly {
    key: string;
    label: string;
    potential: number;
    pinnedSeats: ReadonlySet<number>;
    ownedBySeat: ReadonlyMap<number, number>;
  }[],
  seats: readonly Seat[],
): number[][] {
  const n = seats.length;
  if (groups.length > n)
    throw new TerritoryInputError(
      `There are ${groups.length} groups but only ${n} ${n === 1 ? "territory" : "territories"}; turn off pure groups or add territories.`,
    );
  const weights = groups.map((g) => g.potential);
  const total = weights.reduce((s, w) => s + w, 0);
  const quota = weights.map((w) => (total > 0 ? (w / total) * n : n / groups.length));
  const count =
    total > 0
      ? allocateNumbers(n, weights, 1)
      : allocateNumbers(
          n,
          weights.map(() => 1),
          1,
        );
  const floor = groups.map((g) => Math.max(1, g.pinnedSeats.size));
  for (let g = 0; g < groups.length; g++) {
    while (count[g] < floor[g]) {
      // Take a seat from the group with the most seats above its exact quota that can spare one.
      let donor = -1;
      for (let h = 0; h < groups.length; h++) {
        if (count[h] <= floor[h]) continue;
        if (donor < 0 || count[h] - quota[h] > count[donor] - quota[donor]) donor = h;
      }
      if (donor < 0)
        throw new TerritoryInputError(
          `Reps pinned into groups need more territories than there are (${n}); add reps or unpin accounts.`,
        );
      count[donor]--;
      count[g]++;
    }
  }
  const seatGroup = new Int32Array(n).fill(-1);
  const members: number[][] = groups.map(() => []);
  const put = (s: number, g: number) => {
    seatGroup[s] = g;
    members[g].push(s);
  };
  groups.forEach((g, gi) => {
    for (const s of g.pinnedSeats) {
      if (seatGroup[s] >= 0)
        throw new TerritoryInputError(
          `Rep "${seats[s].name}" has pinned accounts in two groups ("${groups[seatGroup[s]].label}" and "${g.label}"); with pure groups a rep serves one group.`,
        );
      put(s, gi);
    }
  });
  const owned: { s: number; g: number; p: number }[] = [];
  groups.forEach((g, gi) => g.ownedBySeat.forEach((p, s) => owned.push({ s, g: gi, p })));
  owned.sort((a, b) => b.p - a.p || a.s - b.s || a.g - b.g);
  for (const { s, g } of owned) if (seatGroup[s] < 0 && members[g].length < count[g]) put(s, g);
  let g = 0;
  for (let s = 0; s < n; s++) {
    if (seatGroup[s] >= 0) continue;
    while (members[g].length >= count[g]) g++;
    put(s, g);
  }
  return members.map((m) => m.sort((a, b) => a - b));
}

/** Validates the accounts against what the options ask to balance; throws with the account named. */
export function checkAccounts(accounts: readonly TerritoryAccount[], withWorkload: boolean): void {
  if (accounts.length === 0) throw new TerritoryInputError("There are no accounts to split.");
  const ids = new Set<string>();
  for (const a of accounts) {
    if (ids.has(a.id)) throw new TerritoryInputError(`Account "${a.id}" appears twice; account ids must be unique.`);
    ids.add(a.id);
    if (!Number.isFinite(a.potential) || a.potential < 0)
      throw new TerritoryInputError(
        `Account "${a.id}" has potential ${a.potential}; potential must be a number of 0 or more.`,
      );
    if (
      withWorkload &&
      (a.workload === null || a.workload === undefined || !Number.isFinite(a.workload) || a.workload < 0)
    )
      throw new TerritoryInputError(
        `Account "${a.id}" has workload ${a.workload ?? "blank"}; to balance workload every account needs a number of 0 or more.`,
      );
  }
}
