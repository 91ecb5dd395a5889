/**
 * COMP functions over 1,000,000 rows in one call, each beside a plain-JavaScript number loop doing
 * the same arithmetic on the same input (the floor). PAYOUT's results are checked, row by row,
 * against a plain decimal.js reference.
 */
import Decimal from "decimal.js";
import { payout } from "../src/functions/payout";
import { quotaAttainment } from "../src/functions/quotaAttainment";
import { winRate } from "../src/functions/winRate";
import { CaseResult, peakMiB, runCaseFromArgv, seeded, timeMedian } from "./harness";

const ROWS = 1_000_000;
const TIERS = [
  [0, 1],
  [1, 1.5],
  [1.25, 2],
];
const CAP = 2.5;

/** Attainments as users type them (4 decimals) or as a division leaves them (full doubles). */
function attainments(kind: "short" | "full"): number[][] {
  const rnd = seeded(42);
  return Array.from({ length: ROWS }, () => {
    const a = Math.exp((rnd() - 0.5) * 1.2); // 0.55 .. 1.82, lognormal-ish around 1
    return [kind === "short" ? Math.round(a * 10000) / 10000 : a];
  });
}

function targetIncentives(): number[][] {
  const rnd = seeded(7);
  return Array.from({ length: ROWS }, () => [Math.round(20000 + rnd() * 80000)]);
}

/** The floor: the same tiered arithmetic in plain doubles, same matrix in and out. */
function floorPayout(a: number[][], t: number[][]): number[][] {
  const out: number[][] = new Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const m = a[i][0];
    let f = 0;
    for (let k = 0; k < TIERS.length; k++) {
      const lower = TIERS[k][0];
      if (m < lower) break;
      const top = k + 1 < TIERS.length && m >= TIERS[k + 1][0] ? TIERS[k + 1][0] : m;
      f += (top - lower) * TIERS[k][1];
    }
    out[i] = [Math.min(f, CAP) * t[i][0]];
  }
  return out;
}

/** The reference: the same formula in plain decimal.js, one row at a time. */
function referencePayout(m: number, ti: number): number {
  const D = Decimal.clone({ precision: 40 });
  let f = new D(0);
  for (let k = 0; k < TIERS.length; k++) {
    if (m < TIERS[k][0]) break;
    const top = k + 1 < TIERS.length && m >= TIERS[k + 1][0] ? new D(TIERS[k + 1][0]) : new D(m);
    f = f.plus(top.minus(TIERS[k][0]).times(TIERS[k][1]));
  }
  if (f.gt(CAP)) f = new D(CAP);
  return f.times(ti).toNumber() + 0;
}

function payoutCase(kind: "short" | "full"): CaseResult {
  const a = attainments(kind);
  const t = targetIncentives();
  let result: unknown;
  const ms = timeMedian(() => (result = payout(a, t, TIERS, null, null, CAP)));
  const baselineMs = timeMedian(() => floorPayout(a, t));
  const rows = result as number[][];
  let mismatches = 0;
  for (let i = 0; i < ROWS; i++) if (rows[i][0] !== referencePayout(a[i][0], t[i][0])) mismatches++;
  if (mismatches > 0) throw new Error(`PAYOUT differs from the decimal.js reference on ${mismatches} rows`);
  return {
    name: `PAYOUT, 3 tiers + cap, ${kind === "short" ? "4-decimal attainments" : "full-precision attainments"}`,
    rows: ROWS,
    ms,
    baselineMs,
    peakMiB: peakMiB(),
    notes: "equal to the decimal.js reference on every row",
  };
}

function attainmentCase(): CaseResult {
  const rnd = seeded(3);
  const actual = Array.from({ length: ROWS }, () => [Math.round(rnd() * 2_000_000)]);
  const quota = Array.from({ length: ROWS }, () => [Math.round(500_000 + rnd() * 1_000_000)]);
  const ms = timeMedian(() => quotaAttainment(actual, quota));
  const baselineMs = timeMedian(() => actual.map((r, i) => [r[0] / quota[i][0]]));
  return {
    name: "QUOTA_ATTAINMENT, whole-currency actual and quota",
    rows: ROWS,
    ms,
    baselineMs,
    peakMiB: peakMiB(),
    notes: "",
  };
}

function winRateCase(): CaseResult {
  const labels = ["Won", "Lost", "Closed Won", "Negotiation", "Closed Lost", "Proposal"];
  const rnd = seeded(5);
  const stages = Array.from({ length: ROWS }, () => [labels[Math.floor(rnd() * labels.length)]]);
  const ms = timeMedian(() => winRate(stages));
  const baselineMs = timeMedian(() => {
    let won = 0;
    let lost = 0;
    for (const [s] of stages) {
      const l = s.trim().toLowerCase();
      if (l === "won" || l === "closed won") won++;
      else if (l === "lost" || l === "closed lost") lost++;
    }
    return won / (won + lost);
  });
  return { name: "WIN_RATE, default labels", rows: ROWS, ms, baselineMs, peakMiB: peakMiB(), notes: "" };
}

runCaseFromArgv({
  "payout-short": () => payoutCase("short"),
  "payout-full": () => payoutCase("full"),
  "quota-attainment": attainmentCase,
  "win-rate": winRateCase,
});
