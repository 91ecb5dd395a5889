import { seededRandom } from "../random";

/** What a simulation needs per rep: forecast, quota and spread. */
export interface SimulatedRep {
  readonly forecast: number;
  readonly quota: number;
  readonly sigma: number;
}

/** One bar of the attainment histogram: [from, to) and the share of rep-draws in it. */
export interface HistogramBar {
  readonly from: number;
  /** null for the open last bar. */
  readonly to: number | null;
  readonly share: number;
}

/** What the simulation found. */
export interface SimulationResult {
  readonly draws: number;
  /** Mean realised share of reps at or above quota. */
  readonly meanShare: number;
  /** 10th and 90th percentiles of the realised share: the band for this team size. */
  readonly band: readonly [number, number];
  /** The attainment 92.5% of reps pass (threshold point). */
  readonly threshold: number;
  /** The attainment only the top 7.5% reach (excellence point). */
  readonly excellence: number;
  readonly histogram: readonly HistogramBar[];
  /**
   * The attainment distribution as 100 equally likely points: the quantiles at 0.5%, 1.5%, ...
   * 99.5% of all rep-draws. Later steps (OTE scenarios) take expectations over these.
   */
  readonly quantiles: readonly number[];
  /** Attainment at the 10th, 50th and 90th percentile of all rep-draws. */
  readonly percentiles: readonly [number, number, number];
}

const FINE = 1000; // bins per unit of attainment, for quantiles
const FINE_MAX = 10; // attainment above this is counted in an overflow bin
const BAR = 0.1;
const BARS = 25; // 0% to 250% in 10% bars, then 250%+
const QUANTILES = 100;

/**
 * Monte Carlo of attainment: each draw gives every rep actual = forecast x exp(sigma x Z),
 * Z standard normal (seeded), and records the share at or above quota and every attainment.
 * Runs in chunks (`step`) so a caller can show progress and stay responsive.
 */
export class AttainmentSimulation {
  private readonly shares: Float64Array;
  private readonly fine = new Float64Array(FINE * FINE_MAX + 1);
  private done = 0;
  private readonly random;
  private readonly scale: Float64Array;

  constructor(
    private readonly reps: readonly SimulatedRep[],
    readonly draws: number,
    seed: number,
  ) {
    if (!Number.isInteger(draws) || draws < 1)
      throw new RangeError(`draws must be a whole number of 1 or more, got ${draws}`);
    this.shares = new Float64Array(draws);
    this.random = seededRandom(seed);
    this.scale = Float64Array.from(reps, (r) => (r.quota > 0 ? r.forecast / r.quota : Infinity));
  }

  /** Fraction of draws done. */
  get progress(): number {
    return this.done / this.draws;
  }

  /** Runs up to `count` more draws; returns true when all are done. */
  step(count: number): boolean {
    const n = this.reps.length;
    const end = Math.min(this.draws, this.done + count);
    for (let d = this.done; d < end; d++) {
      let attained = 0;
      for (let i = 0; i < n; i++) {
        const a = this.scale[i] * Math.exp(this.reps[i].sigma * this.random.normal());
        if (a >= 1) attained++;
        const bin = a >= FINE_MAX ? FINE * FINE_MAX : Math.floor(a * FINE);
        this.fine[bin]++;
      }
      this.shares[d] = attained / n;
    }
    this.done = end;
    return this.done === this.draws;
  }

  /** Runs every remaining draw at once. */
  runAll(): SimulationResult {
    this.step(this.draws);
    return this.result();
  }

  /** The result over the draws done so far. */
  result(): SimulationResult {
    const shares = Array.from(this.shares.subarray(0, this.done)).sort((a, b) => a - b);
    const total = this.done * this.reps.length;
    const histogram: HistogramBar[] = [];
    for (let b = 0; b <= BARS; b++) {
      const from = Math.round(b * BAR * FINE);
      const to = b === BARS ? this.fine.length : Math.round((b + 1) * BAR * FINE);
      let c = 0;
      for (let k = from; k < to; k++) c += this.fine[k];
      histogram.push({ from: b * BAR, to: b === BARS ? null : (b + 1) * BAR, share: total ? c / total : 0 });
    }
    return {
      draws: this.done,
      meanShare: shares.reduce((s, x) => s + x, 0) / Math.max(1, shares.length),
      band: [percentile(shares, 0.1), percentile(shares, 0.9)],
      threshold: this.attainmentQuantile(0.075, total),
      excellence: this.attainmentQuantile(0.925, total),
      histogram,
      quantiles: Array.from({ length: QUANTILES }, (_, j) => this.attainmentQuantile((j + 0.5) / QUANTILES, total)),
      percentiles: [
        this.attainmentQuantile(0.1, total),
        this.attainmentQuantile(0.5, total),
        this.attainmentQuantile(0.9, total),
      ],
    };
  }

  /** The attainment below which a fraction q of all rep-draws fall (to 1/1000, interpolated in its bin). */
  private attainmentQuantile(q: number, total: number): number {
    const goal = q * total;
    let run = 0;
    for (let k = 0; k < this.fine.length; k++) {
      if (run + this.fine[k] >= goal && this.fine[k] > 0) return (k + (goal - run) / this.fine[k]) / FINE;
      run += this.fine[k];
    }
    return FINE_MAX;
  }
}

/** The p-th percentile of sorted values (nearest rank). */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
