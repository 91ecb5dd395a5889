/**
 * Elastic quotas (issue: the task-pane wizard, part 2). Target: simulating 1,000 reps x 10,000
 * draws in under 1 s. The baseline is the bare loop: 10 million Math.random Box-Muller normals,
 * exponentiated and compared with 1, no histogram, no seeded generator.
 */
import { AttainmentSimulation, setQuotas } from "../src/core/quotas";
import { CaseResult, peakMiB, runCaseFromArgv, timeMedian } from "./harness";

const REPS = 1000;
const DRAWS = 10_000;

function simulation(): CaseResult {
  const reps = Array.from({ length: REPS }, (_, i) => ({
    id: `R${i}`,
    potential: 50 + (i % 37) * 7,
    history: [100 + (i % 11) * 9, 90 + (i % 13) * 8, 110 + (i % 7) * 5],
  }));
  const plan = setQuotas(reps, { companyTarget: 500_000_000, rounding: 1000 });
  let share = 0;
  let band: readonly [number, number] = [0, 0];
  const ms = timeMedian(
    () => {
      const r = new AttainmentSimulation(plan.reps, DRAWS, 1).runAll();
      share = r.meanShare;
      band = r.band;
    },
    5,
    1,
  );
  const baselineMs = timeMedian(
    () => {
      let hits = 0;
      for (let i = 0; i < REPS * DRAWS; i++) {
        const z = Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
        if (1.1 * Math.exp(0.25 * z) >= 1) hits++;
      }
      return hits;
    },
    5,
    1,
  );
  return {
    name: "Quotas: simulate 1,000 reps x 10,000 draws",
    rows: REPS * DRAWS,
    ms,
    baselineMs,
    peakMiB: peakMiB(),
    notes: `target < 1,000 ms; mean share ${(share * 100).toFixed(2)}% (target 65%), band ${(band[0] * 100).toFixed(1)}-${(band[1] * 100).toFixed(1)}%`,
  };
}

runCaseFromArgv({ "quotas-simulation": simulation });
