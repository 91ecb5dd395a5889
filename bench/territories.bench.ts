/**
 * Territory splits (issue: the task-pane wizard, part 1). Targets: 100,000 accounts into 500
 * territories in under 2 s; and on 10,000 lognormal accounts (sigma 1.5) into 50: every territory
 * within 0.5% of its share, potential and workload both within 2%, a rep leaving restored within
 * 1% moving at most that rep's accounts plus 5% of the rest, compact territories at most a third
 * of a geography-blind split's mean distance to centre with potential within 2%.
 * The baseline is the simplest balancing there is: largest account first into the emptiest
 * territory (no workload, groups, pins, owners or geography).
 */
import { seededRandom } from "../src/core/random";
import { splitTerritories, TerritoryAccount } from "../src/core/territories";
import { CaseResult, peakMiB, runCaseFromArgv, timeMedian } from "./harness";

function accounts(n: number, seed: number): TerritoryAccount[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const potential = r.lognormal(0, 1.5);
    return {
      id: `A${i + 1}`,
      potential,
      workload: 5 + r.lognormal(0, 0.8) * (1 + Math.sqrt(potential)),
      x: r.uniform(0, 100),
      y: r.uniform(0, 100),
    };
  });
}

/** Largest first into the territory with the least potential so far. */
function baselineSplit(list: readonly TerritoryAccount[], k: number): number[] {
  const order = list.map((_, i) => i).sort((a, b) => list[b].potential - list[a].potential);
  const load = new Float64Array(k);
  const out = new Array<number>(list.length);
  for (const a of order) {
    let best = 0;
    for (let t = 1; t < k; t++) if (load[t] < load[best]) best = t;
    load[best] += list[a].potential;
    out[a] = best;
  }
  return out;
}

function meanDistance(list: readonly TerritoryAccount[], assignment: readonly number[], k: number): number {
  const cx = new Float64Array(k);
  const cy = new Float64Array(k);
  const c = new Float64Array(k);
  list.forEach((a, i) => {
    cx[assignment[i]] += a.x!;
    cy[assignment[i]] += a.y!;
    c[assignment[i]]++;
  });
  return (
    list.reduce(
      (s, a, i) =>
        s + Math.hypot(a.x! - cx[assignment[i]] / c[assignment[i]], a.y! - cy[assignment[i]] / c[assignment[i]]),
      0,
    ) / list.length
  );
}

const pct = (x: number) => `${(x * 100).toFixed(3)}%`;

function large(): CaseResult {
  const list = accounts(100_000, 11);
  let result = splitTerritories(list, { territories: 500 });
  const ms = timeMedian(() => (result = splitTerritories(list, { territories: 500 })), 5, 1);
  const baselineMs = timeMedian(() => baselineSplit(list, 500), 5, 1);
  return {
    name: "Territories: 100,000 accounts into 500, compact (coordinates)",
    rows: list.length,
    ms,
    baselineMs,
    peakMiB: peakMiB(),
    notes: `target < 2,000 ms; worst territory ${pct(result.worstDeviation)} from its share`,
  };
}

function quality(): CaseResult {
  const list = accounts(10_000, 7);
  let blind = splitTerritories(list, { territories: 50, compact: false });
  const ms = timeMedian(() => (blind = splitTerritories(list, { territories: 50, compact: false })), 5, 1);
  const baselineMs = timeMedian(() => baselineSplit(list, 50), 5, 1);
  const both = splitTerritories(list, { territories: 50, compact: false, balanceOn: "potential+workload" });
  const compact = splitTerritories(list, { territories: 50 });
  const reps = blind.seats.map((s) => ({ name: s.name, capacity: 1 }));
  const owned = list.map((a, i) => ({ ...a, owner: reps[blind.assignment[i]].name }));
  const leaver = owned.filter((a) => a.owner === "T17").length;
  const after = splitTerritories(owned, { reps: reps.filter((r) => r.name !== "T17"), compact: false });
  const ratio = meanDistance(list, compact.assignment, 50) / meanDistance(list, blind.assignment, 50);
  return {
    name: "Territories: 10,000 lognormal accounts (sigma 1.5) into 50",
    rows: list.length,
    ms,
    baselineMs,
    peakMiB: peakMiB(),
    notes:
      `potential: worst ${pct(blind.worstDeviation)} (target 0.5%); ` +
      `with workload: ${pct(both.worstDeviation)} / ${pct(both.worstWorkloadDeviation)} (target 2%); ` +
      `rep leaves: worst ${pct(after.worstDeviation)} (target 1%), moved ${after.moved - leaver} others = ${pct((after.moved - leaver) / (list.length - leaver))} (target 5%) besides the leaver's ${leaver}; ` +
      `compact: distance ratio ${ratio.toFixed(3)} (target 0.333), worst ${pct(compact.worstDeviation)}`,
  };
}

runCaseFromArgv({ "territories-large": large, "territories-quality": quality });
