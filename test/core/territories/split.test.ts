import { splitTerritories, TerritoryAccount, TerritoryInputError } from "../../../src/core/territories";
import { lognormalAccounts, meanDistanceToCentre } from "./fixtures";

const acc = (id: string, potential: number, extra: Partial<TerritoryAccount> = {}): TerritoryAccount => ({
  id,
  potential,
  ...extra,
});

describe("splitTerritories: worked examples", () => {
  test("six accounts into two: 160 in all, 80 each (50+20+10 and 40+30+10)", () => {
    const accounts = [acc("a", 50), acc("b", 40), acc("c", 30), acc("d", 20), acc("e", 10), acc("f", 10)];
    const r = splitTerritories(accounts, { territories: 2 });
    expect(r.territories.map((t) => t.potential)).toEqual([80, 80]);
    expect(r.worstDeviation).toBe(0);
    expect(r.territories.map((t) => t.pctOfMean)).toEqual([100, 100]);
  });

  test("capacity weights: a rep ramping at 0.5 gets half a share (300 = 200 + 100)", () => {
    const accounts = [100, 60, 40, 40, 30, 20, 10].map((p, i) => acc(`a${i}`, p));
    const r = splitTerritories(accounts, {
      reps: [
        { name: "Ann", capacity: 1 },
        { name: "Ben", capacity: 0.5 },
      ],
    });
    expect(r.territories.map((t) => t.potential)).toEqual([200, 100]);
    expect(r.notes.join(" ")).toContain("Ben 0.5");
  });

  test("an account larger than a share holds a territory alone, and the output says so", () => {
    // 1,000 split three ways is 333.33; the 500 account cannot share. The others split 500: 250 each.
    const accounts = [acc("Giant", 500), ...[100, 100, 90, 80, 60, 40, 20, 10].map((p, i) => acc(`s${i}`, p))];
    const r = splitTerritories(accounts, { territories: 3 });
    const giant = r.territories[r.assignment[0]];
    expect(giant.accounts).toBe(1);
    expect(giant.lowerBound).toContain("larger than a share");
    expect(r.notes[0]).toBe(
      'Account "Giant" (potential 500) is larger than a share (333.33), so territory T1 holds it alone and cannot be smaller; the others share the rest.',
    );
    expect(r.territories.filter((t) => !t.lowerBound).map((t) => t.potential)).toEqual([250, 250]);
  });

  test("pinned accounts stay with their named rep, whatever the balance", () => {
    const accounts = [acc("a", 50, { pinned: "ann " }), acc("b", 40, { pinned: "Ann" }), acc("c", 30), acc("d", 20)];
    const r = splitTerritories(accounts, {
      reps: [
        { name: "Ann", capacity: 1 },
        { name: "Ben", capacity: 1 },
      ],
    });
    expect(r.assignment.slice(0, 2)).toEqual([0, 0]);
    expect(r.territories[0].potential).toBe(90);
  });

  test("pure groups: reps apportioned by potential (largest remainder), no territory mixes groups", () => {
    // West 600, East 300, North 100 of 1,000 over 5 seats: exact quotas 3, 1.5, 0.5. Largest
    // remainder: 3, 1, 0 and the tie of .5 remainders goes to the earlier group -> 3, 2, 0. Every
    // group needs a seat, so East (furthest above its quota: 2 - 1.5) gives one to North: 3, 1, 1.
    const accounts: TerritoryAccount[] = [];
    const add = (group: string, total: number, count: number) => {
      for (let i = 0; i < count; i++) accounts.push(acc(`${group}${i}`, total / count, { group }));
    };
    add("West", 600, 30);
    add("East", 300, 20);
    add("North", 100, 10);
    const r = splitTerritories(accounts, { territories: 5, keepGroupsPure: true });
    const groupsPerTerritory = r.territories.map(
      (_, s) => new Set(accounts.filter((_, i) => r.assignment[i] === s).map((a) => a.group)).size,
    );
    expect(groupsPerTerritory).toEqual([1, 1, 1, 1, 1]);
    const seatsPerGroup = (g: string) => r.territories.filter((t) => t.group === g).length;
    expect([seatsPerGroup("West"), seatsPerGroup("East"), seatsPerGroup("North")]).toEqual([3, 1, 1]);
    expect(r.territories.filter((t) => t.group === "West").map((t) => t.potential)).toEqual([200, 200, 200]);
  });
});

describe("splitTerritories: quality targets", () => {
  const accounts = lognormalAccounts(10000, 1.5, 7);

  test("10,000 lognormal accounts (sigma 1.5) into 50: every territory within 0.5% of its share", () => {
    const r = splitTerritories(accounts, { territories: 50, compact: false });
    expect(r.territories).toHaveLength(50);
    expect(r.worstDeviation).toBeLessThanOrEqual(0.005);
    expect(r.notes).toEqual([]);
  });

  test("potential and workload together: both within 2%", () => {
    const r = splitTerritories(accounts, { territories: 50, compact: false, balanceOn: "potential+workload" });
    expect(r.worstDeviation).toBeLessThanOrEqual(0.02);
    expect(r.worstWorkloadDeviation).toBeLessThanOrEqual(0.02);
  });

  test("one of 50 reps leaves: balance within 1%, moving only their accounts plus at most 5% of the rest", () => {
    const before = splitTerritories(accounts, { territories: 50, compact: false });
    const reps = before.seats.map((s) => ({ name: s.name, capacity: 1 }));
    const owned = accounts.map((a, i) => ({ ...a, owner: reps[before.assignment[i]].name }));
    const leaverAccounts = owned.filter((a) => a.owner === "T17").length;
    const after = splitTerritories(owned, { reps: reps.filter((r) => r.name !== "T17"), compact: false });
    expect(after.worstDeviation).toBeLessThanOrEqual(0.01);
    const othersMoved = after.moved - leaverAccounts;
    expect(othersMoved).toBeLessThanOrEqual(0.05 * (accounts.length - leaverAccounts));
    expect(after.territories.reduce((s, t) => s + t.movedOut, 0)).toBe(othersMoved);
  });

  test("with coordinates: compact (mean distance to centre at most a third of a geography-blind split), potential within 2%", () => {
    const blind = splitTerritories(accounts, { territories: 50, compact: false });
    const compact = splitTerritories(accounts, { territories: 50 });
    expect(compact.worstDeviation).toBeLessThanOrEqual(0.02);
    const ratio =
      meanDistanceToCentre(accounts, compact.assignment, 50) / meanDistanceToCentre(accounts, blind.assignment, 50);
    expect(ratio).toBeLessThanOrEqual(1 / 3);
  });
});

describe("splitTerritories: bad input says what to fix", () => {
  const two = [acc("a", 1), acc("b", 2)];
  test.each([
    ['Account "a" has potential -5; potential must be a number of 0 or more.', [acc("a", -5)], { territories: 1 }],
    ['Account "a" has potential NaN', [acc("a", NaN)], { territories: 1 }],
    ['Account "a" appears twice', [acc("a", 1), acc("a", 2)], { territories: 1 }],
    ["3 territories for 2 accounts would leave some empty; use at most 2.", two, { territories: 3 }],
    ["The number of territories is 1.5; use a whole number of 1 or more.", two, { territories: 1.5 }],
    ["Give either a number of territories or a list of reps.", two, {}],
    ['Rep "Ann" has capacity 0', two, { reps: [{ name: "Ann", capacity: 0 }] }],
    [
      'Rep " ann" is listed twice',
      two,
      {
        reps: [
          { name: "Ann", capacity: 1 },
          { name: " ann", capacity: 1 },
        ],
      },
    ],
    [
      '1 pinned account(s) name a rep who is not in the list: "a" (pinned to "Zoe").',
      [acc("a", 1, { pinned: "Zoe" })],
      { reps: [{ name: "Ann", capacity: 1 }] },
    ],
    [
      "There are 2 groups but only 1 territory; turn off pure groups or add territories.",
      [acc("a", 1, { group: "W" }), acc("b", 1, { group: "E" })],
      { territories: 1, keepGroupsPure: true },
    ],
    [
      'Account "a" has workload blank',
      [acc("a", 1, { workload: null })],
      { territories: 1, balanceOn: "potential+workload" as const },
    ],
  ])("%s", (message, accounts, options) => {
    expect(() => splitTerritories(accounts, options)).toThrow(TerritoryInputError);
    expect(() => splitTerritories(accounts, options)).toThrow(message);
  });
});
