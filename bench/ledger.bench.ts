/**
 * The ledger core over a year: 1,000 people x 12 months, 100,000 credits (splits, reversals,
 * cancellations, joiners, draws, a holdback and a clawback policy), beside a plain-JavaScript
 * loop doing the same sums in doubles (the floor: no validation, no exactness, no lines).
 */
import { LedgerCredit, LedgerPerson, LedgerPlan, runLedger } from "../src/core/ledger";
import { Period } from "../src/core/payoutRules";
import { CaseResult, peakMiB, runCaseFromArgv, seeded, timeMedian } from "./harness";

const PEOPLE = 1000;
const CREDITS = 100_000;
const EPOCH = Date.UTC(1899, 11, 30);
const serial = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - EPOCH) / 86_400_000);
const PERIODS: Period[] = Array.from({ length: 12 }, (_, i) => ({
  first: serial(2026, i + 1, 1),
  last: serial(2026, i + 2, 0),
}));
const YEAR_FIRST = PERIODS[0].first;
const YEAR_LAST = PERIODS[11].last;
const TIERS = [
  { lower: 0, rate: 1 },
  { lower: 1, rate: 1.5 },
  { lower: 1.25, rate: 2 },
];
const QUOTA = 1_000_000;
const TI = 60_000;
const HOLD = 0.3;

const PLAN: LedgerPlan = {
  role: "AE",
  measure: "AMOUNT",
  quota: { annual: QUOTA },
  targetIncentive: TI,
  curve: { tiers: TIERS, mode: "MARGINAL", threshold: null, cap: 2.5 },
  curveOn: "ATTAINMENT",
  attainment: "RUNNING",
  proration: "NONE",
  splits: "EXACT",
  draw: { recoverable: true, recoveryLimit: 0.5 },
  clawback: { method: "FULL", windowMonths: 6, termMonths: 12 },
  payTiming: { kind: "HOLDBACK", share: HOLD, months: 3 },
};

/** A seeded year: every tenth person has a draw; a tenth of deals split 60/40, 2% reversed, 3% cancelled. */
function dataset(): { people: LedgerPerson[]; credits: LedgerCredit[] } {
  const rnd = seeded(11);
  const people: LedgerPerson[] = Array.from({ length: PEOPLE }, (_, i) => ({
    id: `rep${i}`,
    role: "AE",
    draw: i % 10 === 0 ? 4000 : null,
  }));
  const credits: LedgerCredit[] = [];
  let deal = 0;
  while (credits.length < CREDITS) {
    const owner = Math.floor(rnd() * PEOPLE);
    const date = YEAR_FIRST + Math.floor(rnd() * (YEAR_LAST - YEAR_FIRST + 1));
    const amount = Math.round(rnd() * 2_000_000) / 100;
    const cancelDate = rnd() < 0.03 ? date + 30 + Math.floor(rnd() * 150) : null;
    const id = `D${deal++}`;
    if (rnd() < 0.1) {
      credits.push({ deal: id, person: `rep${owner}`, date, amount, share: 0.6, cancelDate });
      credits.push({ deal: id, person: `rep${(owner + 1) % PEOPLE}`, date, amount, share: 0.4, cancelDate });
    } else credits.push({ deal: id, person: `rep${owner}`, date, amount, cancelDate });
    if (rnd() < 0.02 && date + 10 <= YEAR_LAST)
      credits.push({ deal: `${id}-rev`, person: `rep${owner}`, date: date + 10, amount: -amount });
  }
  return { people, credits: credits.slice(0, CREDITS) };
}

/** The tier curve in plain doubles. */
function curve(m: number): number {
  let f = 0;
  for (let k = 0; k < TIERS.length; k++) {
    if (m < TIERS[k].lower) break;
    const top = k + 1 < TIERS.length && m >= TIERS[k + 1].lower ? TIERS[k + 1].lower : m;
    f += (top - TIERS[k].lower) * TIERS[k].rate;
  }
  return Math.min(f, 2.5);
}

/** The floor: the same grouping, ordering, running payout, holdback, clawback and draw sums in doubles. */
function plainLedger(people: LedgerPerson[], credits: LedgerCredit[]): number {
  const index = new Map(people.map((p, i) => [p.id, i]));
  const own: number[][] = people.map(() => []);
  credits.forEach((c, i) => own[index.get(c.person)!].push(i));
  const periodOf = (d: number) => {
    for (let k = 0; k < 12; k++) if (d <= PERIODS[k].last) return k;
    return -1;
  };
  let totalPaid = 0;
  for (let p = 0; p < people.length; p++) {
    const list = own[p].sort((a, b) => credits[a].date - credits[b].date || a - b);
    const payable = new Array(12).fill(0);
    let cum = 0;
    let before = 0;
    for (const i of list) {
      const c = credits[i];
      const k = periodOf(c.date);
      cum += c.amount * (c.share ?? 1);
      const now = TI * curve(cum / QUOTA);
      const earned = now - before;
      before = now;
      payable[k] += earned;
      if (earned <= 0) continue;
      const held = earned * HOLD;
      payable[k] -= held;
      const releaseDate = c.date + 91;
      const cancel = c.cancelDate ?? null;
      const forfeited = cancel !== null && cancel < releaseDate;
      if (!forfeited && releaseDate <= YEAR_LAST) payable[periodOf(releaseDate)] += held;
      if (cancel !== null && cancel - c.date < 183 && periodOf(cancel) >= 0)
        payable[periodOf(cancel)] -= forfeited ? earned - held : earned;
    }
    const draw = (people[p].draw as number | null) ?? 0;
    let owed = 0;
    for (let k = 0; k < 12; k++) {
      const e = payable[k];
      if (e < draw) {
        owed += draw - e;
        totalPaid += draw;
      } else {
        const rec = Math.min(owed, e - draw, e * 0.5);
        owed -= rec;
        totalPaid += e - rec;
      }
    }
  }
  return totalPaid;
}

function ledgerCase(): CaseResult {
  const { people, credits } = dataset();
  const input = { periods: PERIODS, plans: [PLAN], people, credits };
  let result: ReturnType<typeof runLedger> | null = null;
  const ms = timeMedian(() => (result = runLedger(input)), 5, 1);
  let plainTotal = 0;
  const baselineMs = timeMedian(() => (plainTotal = plainLedger(people, credits)), 5, 1);
  const r = result as unknown as ReturnType<typeof runLedger>;
  const paid = r.rows.reduce((s, x) => s + x.paid, 0);
  // The floor rounds differently (doubles, months approximated) but must tell the same story.
  const gap = Math.abs(paid - plainTotal) / Math.max(1, Math.abs(paid));
  if (gap > 0.01) throw new Error(`ledger paid ${paid} but the plain loop ${plainTotal}`);
  return {
    name: "Ledger: 1,000 people x 12 months over 100,000 credits (splits, reversals, holdback, clawback, draws)",
    rows: CREDITS,
    ms,
    baselineMs,
    peakMiB: peakMiB(),
    notes: `target < 1,000 ms; ${r.rows.length.toLocaleString("en-US")} person-periods, ${r.lines.length.toLocaleString("en-US")} lines; paid ${Math.round(paid).toLocaleString("en-US")} (plain loop within ${(gap * 100).toFixed(3)}%)`,
  };
}

runCaseFromArgv({ ledger: ledgerCase });
