import fc from "fast-check";
import { splitTerritories, TerritoryAccount } from "../../../src/core/territories";

const REPS = ["Ann", "Ben", "Cleo", "Dev", "Eve"];

/** Small random books: potentials with ties and zeros, a few groups, some pins and owners, coordinates. */
const book = fc
  .array(
    fc.record({
      potential: fc.oneof(
        fc.constant(0),
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
      ),
      workload: fc.integer({ min: 0, max: 50 }),
      group: fc.constantFrom("West", "East", "North"),
      owner: fc.option(fc.constantFrom(...REPS, "Left Co"), { nil: null }),
      pinned: fc.option(fc.constantFrom(...REPS), { freq: 8, nil: null }),
      x: fc.double({ min: -180, max: 180, noNaN: true }),
      y: fc.double({ min: -90, max: 90, noNaN: true }),
    }),
    { minLength: 5, maxLength: 120 },
  )
  .map((rows): TerritoryAccount[] => rows.map((r, i) => ({ id: `A${i}`, ...r })));

const options = fc.record({
  reps: fc
    .integer({ min: 3, max: 5 })
    .map((n) => REPS.slice(0, n).map((name, i) => ({ name, capacity: i === 0 ? 0.5 : 1 }))),
  balanceOn: fc.constantFrom("potential" as const, "potential+workload" as const),
  keepGroupsPure: fc.boolean(),
  compact: fc.boolean(),
  minimiseDisruption: fc.boolean(),
});

/** Pins only to reps in the list (the rest are input errors, tested elsewhere). */
const fitPins = (accounts: TerritoryAccount[], reps: { name: string }[]) =>
  accounts.map((a) => (a.pinned && !reps.some((r) => r.name === a.pinned) ? { ...a, pinned: null } : a));

describe("splitTerritories properties", () => {
  test("every account in exactly one territory; pins respected; groups pure when asked; counts add up", () => {
    fc.assert(
      fc.property(book, options, (raw, o) => {
        const accounts = fitPins(raw, o.reps);
        let r;
        try {
          r = splitTerritories(accounts, o);
        } catch (e) {
          // Pure groups may need more seats than there are reps, or reps pinned into two groups: refused, by design.
          expect(o.keepGroupsPure).toBe(true);
          expect(String(e)).toMatch(/groups|group/);
          return;
        }
        expect(r.assignment).toHaveLength(accounts.length);
        for (const s of r.assignment) expect(s >= 0 && s < o.reps.length).toBe(true);
        expect(r.territories.reduce((s, t) => s + t.accounts, 0)).toBe(accounts.length);
        accounts.forEach((a, i) => {
          if (a.pinned) expect(o.reps[r.assignment[i]].name).toBe(a.pinned);
        });
        if (o.keepGroupsPure) {
          const groupOfSeat = new Map<number, string>();
          accounts.forEach((a, i) => {
            const g = groupOfSeat.get(r.assignment[i]);
            if (g !== undefined) expect(a.group).toBe(g);
            groupOfSeat.set(r.assignment[i], a.group!);
          });
        }
      }),
      { numRuns: 200 },
    );
  });

  test("deterministic: the same input gives the same split", () => {
    fc.assert(
      fc.property(book, options, (raw, o) => {
        const accounts = fitPins(raw, o.reps);
        const run = () => {
          try {
            return splitTerritories(accounts, o).assignment;
          } catch (e) {
            return String(e);
          }
        };
        expect(run()).toEqual(run());
      }),
      { numRuns: 100 },
    );
  });
});
