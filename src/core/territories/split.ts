import { Partition } from "./partition";
import { placeBisection, placeGreedy } from "./placement";
import { refine } from "./refine";
import { textKey as nameKey } from "../text";
import { checkAccounts, seatsFrom, seatsPerGroup } from "./seats";
import { describeSplit } from "./stats";
import { Seat, SplitOptions, SplitResult, TerritoryAccount, TerritoryInputError } from "./types";

const NO_GROUP = "(no group)";

/** One group's sub-problem: its accounts and seats, solved on its own. */
interface Group {
  key: string;
  label: string;
  accounts: number[];
  seats: number[];
}

/**
 * Splits accounts into balanced territories.
 *
 * Each group (all accounts, unless groups are kept pure) is solved on its own: an account larger
 * than a share gets a territory to itself (the lower bound); pinned accounts are fixed to their
 * named rep; with current owners, accounts first stay where they are; the rest are placed (by
 * recursive bisection when territories should be compact, else largest first into the seat that
 * needs them most); then a local search moves single accounts until every territory is within
 * the tolerance of its target. Deterministic: the same input gives the same split.
 *
 * @throws TerritoryInputError naming what to fix (a bad potential, an unknown pinned rep, ...).
 */
export function splitTerritories(accounts: readonly TerritoryAccount[], options: SplitOptions): SplitResult {
  const withWorkload = options.balanceOn === "potential+workload";
  checkAccounts(accounts, withWorkload);
  const seats = seatsFrom(options, accounts.length);
  const seatIndex = new Map(seats.map((s, i) => [nameKey(s.name), i]));
  const n = accounts.length;
  const honourPins = options.honourPins ?? true;
  const tolerance = options.tolerance ?? 0.002;

  const pinnedSeat = new Int32Array(n).fill(-1);
  const ownerSeat = new Int32Array(n).fill(-1);
  const unknownPins: string[] = [];
  accounts.forEach((a, i) => {
    if (honourPins && a.pinned && a.pinned.trim()) {
      const s = seatIndex.get(nameKey(a.pinned));
      if (s === undefined) unknownPins.push(`"${a.id}" (pinned to "${a.pinned.trim()}")`);
      else pinnedSeat[i] = s;
    }
    if (a.owner && a.owner.trim()) ownerSeat[i] = seatIndex.get(nameKey(a.owner)) ?? -1;
  });
  if (unknownPins.length > 0) {
    const shown = unknownPins.slice(0, 5).join(", ");
    throw new TerritoryInputError(
      `${unknownPins.length} pinned account(s) name a rep who is not in the list: ${shown}${unknownPins.length > 5 ? ", ..." : ""}. Add the rep, correct the name, or turn off pinning.`,
    );
  }
  const hasOwners = accounts.some((a) => a.owner && a.owner.trim());
  const keepOwners = (options.minimiseDisruption ?? true) && hasOwners;
  const hasCoords = accounts.every((a) => Number.isFinite(a.x) && Number.isFinite(a.y));
  const compact = (options.compact ?? true) && hasCoords;

  const size = [Float64Array.from(accounts, (a) => a.potential)];
  if (withWorkload) size.push(Float64Array.from(accounts, (a) => a.workload as number));
  const p = new Partition(size, seats.length);
  const locked = new Uint8Array(n);
  const target = size.map(() => new Float64Array(seats.length));
  const closed = new Uint8Array(seats.length);
  const notes: string[] = [];
  const x = Float64Array.from(accounts, (a) => a.x ?? 0);
  const y = Float64Array.from(accounts, (a) => a.y ?? 0);

  const groups = groupsOf(accounts, seats, options.keepGroupsPure ?? false, pinnedSeat, ownerSeat);
  for (const g of groups) {
    solveGroup(g, {
      accounts,
      seats,
      p,
      locked,
      target,
      closed,
      pinnedSeat,
      ownerSeat,
      keepOwners,
      compact,
      tolerance,
      x,
      y,
      notes,
    });
  }
  if ((options.compact ?? true) && !hasCoords && accounts.some((a) => Number.isFinite(a.x))) {
    notes.push("Some accounts have no coordinates, so territories were balanced without regard to geography.");
  }
  return describeSplit({ accounts, seats, p, target, closed, groups, withWorkload, notes });
}

/** The groups to solve: one for everything, or one per group key with its apportioned seats. */
function groupsOf(
  accounts: readonly TerritoryAccount[],
  seats: readonly Seat[],
  pure: boolean,
  pinnedSeat: Int32Array,
  ownerSeat: Int32Array,
): Group[] {
  const all = accounts.map((_, i) => i);
  if (!pure) return [{ key: "", label: "", accounts: all, seats: seats.map((_, i) => i) }];
  const byKey = new Map<
    string,
    {
      key: string;
      label: string;
      accounts: number[];
      potential: number;
      pinnedSeats: Set<number>;
      ownedBySeat: Map<number, number>;
    }
  >();
  accounts.forEach((a, i) => {
    const label = a.group && a.group.trim() ? a.group.trim() : NO_GROUP;
    const key = nameKey(label);
    let g = byKey.get(key);
    if (!g)
      byKey.set(key, (g = { key, label, accounts: [], potential: 0, pinnedSeats: new Set(), ownedBySeat: new Map() }));
    g.accounts.push(i);
    g.potential += a.potential;
    if (pinnedSeat[i] >= 0) g.pinnedSeats.add(pinnedSeat[i]);
    if (ownerSeat[i] >= 0) g.ownedBySeat.set(ownerSeat[i], (g.ownedBySeat.get(ownerSeat[i]) ?? 0) + a.potential);
  });
  const list = [...byKey.values()];
  const seatLists = seatsPerGroup(list, seats);
  return list.map((g, i) => ({ key: g.key, label: g.label, accounts: g.accounts, seats: seatLists[i] }));
}

interface Context {
  accounts: readonly TerritoryAccount[];
  seats: readonly Seat[];
  p: Partition;
  locked: Uint8Array;
  target: Float64Array[];
  closed: Uint8Array;
  pinnedSeat: Int32Array;
  ownerSeat: Int32Array;
  keepOwners: boolean;
  compact: boolean;
  tolerance: number;
  x: Float64Array;
  y: Float64Array;
  notes: string[];
}

function solveGroup(g: Group, c: Context): void {
  const { p, seats, locked, target, closed } = c;
  const inGroup = new Set(g.seats);
  const dims = p.size.length;
  const total = p.size.map((sz) => g.accounts.reduce((s, a) => s + sz[a], 0));

  // Pins first: they are fixed whatever the balance.
  for (const a of g.accounts) {
    if (c.pinnedSeat[a] >= 0) {
      p.place(a, c.pinnedSeat[a]);
      locked[a] = 1;
    }
  }
  closeOversizedAccounts(g, c, total[0]);

  const open = g.seats.filter((s) => !closed[s]);
  const remaining = p.size.map(
    (sz, d) => total[d] - g.seats.filter((s) => closed[s]).reduce((sum, s) => sum + p.load[d][s], 0),
  );
  const capacity = open.reduce((s, t) => s + seats[t].capacity, 0);
  for (let d = 0; d < dims; d++) for (const s of open) target[d][s] = (remaining[d] * seats[s].capacity) / capacity;

  const free: number[] = [];
  for (const a of g.accounts) {
    if (p.assign[a] >= 0) continue;
    const owner = c.ownerSeat[a];
    if (c.keepOwners && owner >= 0 && inGroup.has(owner) && !closed[owner]) p.place(a, owner);
    else free.push(a);
  }
  if (c.compact && !c.keepOwners) placeBisection(p, free, open, target, total, c.x, c.y);
  else placeGreedy(p, free, open, target, total);

  refine(p, {
    seats: open,
    target,
    locked,
    tolerance: c.tolerance,
    neighbours: c.compact ? nearestSeats(p, open, c.x, c.y, 8) : undefined,
  });
}

/**
 * An account larger than its territory's share cannot share a territory without making it the
 * largest: it gets one to itself (its pinned rep's, its owner's, or the largest free seat), and
 * the other territories split the rest.
 */
function closeOversizedAccounts(g: Group, c: Context, totalPotential: number): void {
  const { p, seats, locked, closed } = c;
  const order = [...g.accounts].sort((a, b) => p.size[0][b] - p.size[0][a] || a - b);
  let rest = totalPotential;
  let capacity = g.seats.reduce((s, t) => s + seats[t].capacity, 0);
  for (const a of order) {
    const openSeats = g.seats.filter((s) => !closed[s]);
    if (openSeats.length <= 1) break;
    const preferred = [c.pinnedSeat[a], c.keepOwners ? c.ownerSeat[a] : -1].find(
      (s) => s >= 0 && openSeats.includes(s),
    );
    const seat =
      preferred ?? openSeats.reduce((best, s) => (seats[s].capacity > seats[best].capacity ? s : best), openSeats[0]);
    const share = (rest * seats[seat].capacity) / capacity;
    if (p.size[0][a] <= share) break;
    if (p.assign[a] < 0) p.place(a, seat);
    locked[a] = 1;
    closed[seat] = 1;
    rest -= p.load[0][seat];
    capacity -= seats[seat].capacity;
    const id = c.accounts[a].id;
    c.notes.push(
      `Account "${id}" (potential ${round(p.size[0][a])}) is larger than a share (${round(share)}), so territory ${seats[seat].name} holds it alone and cannot be smaller; the others share the rest.`,
    );
  }
}

/** For each seat, the k seats whose accounts' centres are nearest (itself excluded). */
function nearestSeats(
  p: Partition,
  seats: readonly number[],
  x: Float64Array,
  y: Float64Array,
  k: number,
): Map<number, number[]> {
  const centre = new Map<number, [number, number]>();
  for (const s of seats) {
    const m = p.members[s];
    let cx = 0;
    let cy = 0;
    for (const a of m) {
      cx += x[a];
      cy += y[a];
    }
    centre.set(s, m.length ? [cx / m.length, cy / m.length] : [0, 0]);
  }
  const out = new Map<number, number[]>();
  for (const s of seats) {
    const [sx, sy] = centre.get(s)!;
    const others = seats
      .filter((t) => t !== s)
      .map((t) => {
        const [tx, ty] = centre.get(t)!;
        return { t, d: (tx - sx) ** 2 + (ty - sy) ** 2 };
      })
      .sort((a, b) => a.d - b.d || a.t - b.t)
      .slice(0, k)
      .map((o) => o.t);
    out.set(s, others);
  }
  return out;
}

const round = (v: number) => Math.round(v * 100) / 100;
