/**
 * What would stop a split, found before running it: the checks the core makes when it splits
 * (accounts it can balance, seats, pinned accounts, pure groups), run on the rows the pane has
 * loaded so that every combination of options either runs or is a form issue saying why not.
 * Pure; the core's own checks decide wherever they can (their messages are the run's).
 */
import { TerritoryAccount, TerritoryInputError } from "../../core/territories";
import { checkAccounts, seatsFrom, seatsPerGroup } from "../../core/territories/seats";
import type { Seat } from "../../core/territories";
import { textKey } from "../../core/text";
import type { WizardState } from "../wizardState";
import { accountsFromTable } from "./accountsFromTable";
import { repsFromTable } from "./repsFromTable";

/** The label of accounts with a blank group, as the split names it. */
const NO_GROUP = "(no group)";
const SHOWN = 3;

/** The core's message when a check throws one it explains, else null. */
function refused(check: () => void): string | null {
  try {
    check();
    return null;
  } catch (e) {
    if (e instanceof TerritoryInputError) return e.message;
    throw e;
  }
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** Equal territories have no rep to keep a pinned account with: pinning needs the reps of a table. */
function pinsWithoutReps(accounts: readonly TerritoryAccount[]): string | null {
  const pinned = accounts.filter((a) => a.pinned);
  if (pinned.length === 0) return null;
  const shown = pinned
    .slice(0, SHOWN)
    .map((a) => `"${a.id}" to "${a.pinned}"`)
    .join(", ");
  return `${plural(pinned.length, "account is", "accounts are")} pinned to a named rep (${shown}${pinned.length > SHOWN ? ", ..." : ""}), and equal territories have no reps to keep them with: split between the reps of a table, or turn off "Honour pinned (named) accounts".`;
}

/** Reps whose pinned accounts lie in more than one group: with pure groups a rep serves one group. */
function repsPinnedAcrossGroups(accounts: readonly TerritoryAccount[], groupName: string): string | null {
  const groupsOf = new Map<string, { rep: string; groups: Map<string, string> }>();
  for (const a of accounts) {
    if (!a.pinned) continue;
    const label = a.group ?? NO_GROUP;
    const key = textKey(a.pinned);
    const r = groupsOf.get(key) ?? { rep: a.pinned, groups: new Map<string, string>() };
    r.groups.set(textKey(label), label);
    groupsOf.set(key, r);
  }
  const split = [...groupsOf.values()].filter((r) => r.groups.size > 1);
  if (split.length === 0) return null;
  const shown = split
    .slice(0, SHOWN)
    .map((r) => `"${r.rep}": ${[...r.groups.values()].join(", ")}`)
    .join("; ");
  return `With territories kept inside one ${groupName}, a rep serves one ${groupName}, but ${plural(split.length, "rep has", "reps have")} pinned accounts in more than one (${shown}${split.length > SHOWN ? "; ..." : ""}): turn off "Honour pinned (named) accounts", keep groups pure by another column (or not at all), or unpin those accounts.`;
}

/** The seat apportionment the split makes for pure groups, with the same inputs, or why it cannot be made. */
function groupSeats(accounts: readonly TerritoryAccount[], seats: readonly Seat[], honourPins: boolean): string | null {
  const seatIndex = new Map(seats.map((s, i) => [textKey(s.name), i]));
  const byKey = new Map<
    string,
    { key: string; label: string; potential: number; pinnedSeats: Set<number>; ownedBySeat: Map<number, number> }
  >();
  for (const a of accounts) {
    const label = a.group ?? NO_GROUP;
    const key = textKey(label);
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { key, label, potential: 0, pinnedSeats: new Set(), ownedBySeat: new Map() }));
    g.potential += a.potential;
    const pin = honourPins && a.pinned ? seatIndex.get(textKey(a.pinned)) : undefined;
    if (pin !== undefined) g.pinnedSeats.add(pin);
    const owner = a.owner ? seatIndex.get(textKey(a.owner)) : undefined;
    if (owner !== undefined) g.ownedBySeat.set(owner, (g.ownedBySeat.get(owner) ?? 0) + a.potential);
  }
  return refused(() => seatsPerGroup([...byKey.values()], seats));
}

/**
 * What would stop the split of the loaded accounts with the territory options as they are; empty
 * when it can run. Call it only once the data step lists no open problems and the seats are
 * chosen (the territory issues say those first).
 */
export function splitBlockers(state: WizardState): string[] {
  if (!state.data || !state.mapping) return [];
  const t = state.territory;
  const { accounts } = accountsFromTable(state.data, state.mapping, new Set(state.excluded), t.groupBy);
  const problem = refused(() => checkAccounts(accounts, t.balanceOn === "potential+workload"));
  if (problem) return [problem];
  let seats: Seat[];
  if (t.seatsKind === "reps") {
    if (!state.repsData) return [];
    const read = repsFromTable(state.repsData, t.repColumns, t.roles);
    if (read.problems.length) return read.problems.map((p) => p.message);
    seats = read.reps;
  } else {
    if (t.honourPins) {
      const pins = pinsWithoutReps(accounts);
      if (pins) return [pins];
    }
    const count = refused(() => seatsFrom({ territories: t.count }, accounts.length));
    if (count) return [count];
    seats = seatsFrom({ territories: t.count }, accounts.length);
  }
  if (t.groupBy === "none") return [];
  const groupName = t.groupBy === "group" ? "segment" : "region";
  if (t.honourPins) {
    const across = repsPinnedAcrossGroups(accounts, groupName);
    if (across) return [across];
  }
  const apportion = groupSeats(accounts, seats, t.honourPins);
  return apportion ? [apportion] : [];
}
