/**
 * A small benchmark harness: warm up, time several runs, report the median. Each benchmark case
 * runs in its own process (see scripts/bench.js) so that peak memory belongs to that case alone.
 */

/** What one measured case reports. */
export interface CaseResult {
  /** Case name, as in RESULTS.md. */
  readonly name: string;
  /** Rows (or items) processed per run. */
  readonly rows: number;
  /** Median wall time of one run, in milliseconds. */
  readonly ms: number;
  /** Median wall time of the baseline doing the same arithmetic, in milliseconds (0 when none). */
  readonly baselineMs: number;
  /** Peak resident memory of the process, in MiB. */
  readonly peakMiB: number;
  /** Free-form facts about the run (exactness checks, quality figures). */
  readonly notes: string;
}

/** Median wall time of `runs` calls of fn after `warmup` unmeasured calls. */
export function timeMedian(fn: () => unknown, runs = 5, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Peak resident set size of this process so far, in MiB. */
export function peakMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** A seeded uniform random generator (mulberry32), so every run sees the same inputs. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the case named on the command line from a table of cases and prints its result as JSON. */
export function runCaseFromArgv(cases: Record<string, () => CaseResult>): void {
  const name = process.argv[2];
  const run = cases[name];
  if (!run) {
    console.error(`unknown case "${name}"; cases: ${Object.keys(cases).join(", ")}`);
    process.exit(2);
  }
  console.log(JSON.stringify(run()));
}

/** As runCaseFromArgv, for cases that run asynchronously (whole wizard steps). */
export function runCaseFromArgvAsync(cases: Record<string, () => Promise<CaseResult>>): void {
  const name = process.argv[2];
  const run = cases[name];
  if (!run) {
    console.error(`unknown case "${name}"; cases: ${Object.keys(cases).join(", ")}`);
    process.exit(2);
  }
  run().then(
    (r) => console.log(JSON.stringify(r)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
