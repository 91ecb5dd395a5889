import { addMonths, wholeMonthsBetween } from "../dates";
import { Dec, Money, toNumber } from "../money";
import { clawback, drawPeriod, Period, RunningPayout } from "../payoutRules";
import { exactRatio } from "../ratio";
import { LedgerInput, LedgerInputError, LedgerLine, LedgerResult, LedgerRow, LineKind } from "./types";
import { periodOf, readyInput, ReadyCredit, ReadyPerson } from "./validate";

const ZERO = new Money(0);

/**
 * Runs a plan year: for each person and period what was credited, earned, held back, released,
 * clawed back, topped up, recovered and paid, with the lines behind every figure.
 *
 * Commission uses the same tier engine as PAYOUT through {@link RunningPayout}: a deal's line is
 * target incentive x (f(measure after) - f(measure before)), so with AMOUNT tiers the lines are
 * RUNNING_PAYOUT's rows bit for bit, and with ATTAINMENT tiers the cumulative earned is PAYOUT of
 * QUOTA_ATTAINMENT(credited so far, quota). Every money figure of a row is the exact sum of its
 * lines, rounded once.
 *
 * @throws LedgerInputError naming the table, row and field of the first bad input.
 */
export function runLedger(input: LedgerInput): LedgerResult {
  const { people, credits } = readyInput(input);
  const byPerson = new Map<ReadyPerson, ReadyCredit[]>();
  for (const p of people) byPerson.set(p, []);
  for (const c of credits) byPerson.get(c.person)!.push(c);
  const rows: LedgerRow[] = [];
  const lines: LedgerLine[] = [];
  for (const p of people) {
    const own = byPerson.get(p)!.sort((a, b) => a.credit.date - b.credit.date || a.row - b.row);
    const result = personLedger(p, own, input.periods);
    rows.push(...result.rows);
    lines.push(...result.lines);
  }
  return { rows, lines };
}

function personLedger(p: ReadyPerson, credits: readonly ReadyCredit[], periods: readonly Period[]): LedgerResult {
  const n = periods.length;
  const plan = p.plan.plan;
  const id = p.person.id;
  const lines: LedgerLine[] = [];
  const credited: Dec[] = Array.from({ length: n }, () => ZERO);
  // Each line's exact value, beside the line (whose amount is its nearest double): the period
  // figures are exact sums of these, rounded once.
  const exact: Dec[] = [];
  const push = (period: number, kind: LineKind, c: ReadyCredit | null, amount: Dec, credit = 0, from: number | null = null, to: number | null = null) => {
    exact.push(amount);
    lines.push({ person: id, period: period + 1, kind, deal: c ? c.credit.deal : null, creditRow: c ? c.row : null, credit, measureFrom: from, measureTo: to, amount: toNumber(amount) });
  };

  const running = plan.attainment === "RUNNING";
  const yearQuota = p.quota.reduce((s, q) => s.plus(q), ZERO);
  const yearTi = p.targetIncentive.reduce((s, t) => s.plus(t), ZERO);
  const meterFor = (period: number): RunningPayout => {
    const ti = toNumber(plan.curveOn === "AMOUNT" ? p.targetIncentive[period] : running ? yearTi : p.targetIncentive[period]);
    const divisor = plan.curveOn === "AMOUNT" ? null : toNumber(running ? yearQuota : p.quota[period]);
    return new RunningPayout(p.plan.curve, ti, 0, divisor);
  };
  let meter: RunningPayout | null = null;
  let meterPeriod = -1;
  const last = periods[n - 1].last;

  for (const c of credits) {
    if (!c.counted) continue;
    credited[c.period] = credited[c.period].plus(c.value);
    if (plan.curveOn === "ATTAINMENT" && (running ? yearQuota : p.quota[c.period]).isZero()) {
      throw noQuota(c, running);
    }
    if (meter === null || (!running && meterPeriod !== c.period)) {
      meter = meterFor(c.period);
      meterPeriod = c.period;
    }
    const from = meter.measure();
    const earned = meter.add(c.value);
    push(c.period, "EARNED", c, earned, toNumber(c.value), from, meter.measure());
    if (!earned.gt(0)) continue;
    const cancel = c.credit.cancelDate ?? null;
    const cancelPeriod = cancel === null ? -1 : periodOf(periods, cancel);
    let forfeited: Dec = ZERO;
    const timing = p.plan.timing;
    if (timing.kind !== "BOOKING") {
      const held = timing.kind === "PAYMENT" ? earned : earned.times(timing.share);
      const release = timing.kind === "PAYMENT" ? (c.credit.paymentDate ?? null) : addMonths(c.credit.date, timing.months);
      if (!held.isZero()) {
        push(c.period, "HOLDBACK", c, ZERO.minus(held));
        if (cancel !== null && (release === null || cancel < release)) {
          forfeited = held;
          if (cancelPeriod >= 0) push(cancelPeriod, "FORFEIT", c, ZERO);
        } else if (release !== null && release <= last) {
          push(Math.max(c.period, periodOf(periods, release)), "RELEASE", c, held);
        }
      }
    }
    const policy = plan.clawback;
    if (policy && cancelPeriod >= 0) {
      const kept = wholeMonthsBetween(c.credit.date, cancel!);
      const term = c.credit.termMonths ?? policy.termMonths;
      const back = clawback(earned.minus(forfeited), kept, term, { method: policy.method, windowMonths: policy.windowMonths });
      if (!back.isZero()) push(Math.max(c.period, cancelPeriod), "CLAWBACK", c, back);
    }
  }

  // Period figures from the lines, then the draw on what the lines make payable.
  const sums = Array.from({ length: n }, () => ({ EARNED: ZERO, HOLDBACK: ZERO, RELEASE: ZERO, FORFEIT: ZERO, CLAWBACK: ZERO, TOPUP: ZERO, RECOVERY: ZERO }));
  lines.forEach((l, i) => (sums[l.period - 1][l.kind] = sums[l.period - 1][l.kind].plus(exact[i])));
  const rows: LedgerRow[] = [];
  let owed = p.openingBalance;
  let cumCredited = ZERO;
  let cumQuota = ZERO;
  for (let k = 0; k < n; k++) {
    const s = sums[k];
    const payable = s.EARNED.plus(s.HOLDBACK).plus(s.RELEASE).plus(s.CLAWBACK);
    const d = drawPeriod(owed, payable, p.draw[k], p.plan.draw);
    owed = d.owed;
    if (!d.topUp.isZero()) push(k, "TOPUP", null, d.topUp);
    if (!d.recovered.isZero()) push(k, "RECOVERY", null, ZERO.minus(d.recovered));
    cumCredited = cumCredited.plus(credited[k]);
    cumQuota = cumQuota.plus(p.quota[k]);
    const creditedK = toNumber(credited[k]);
    const quotaK = toNumber(p.quota[k]);
    rows.push({
      person: id,
      role: p.person.role,
      period: k + 1,
      credited: creditedK,
      quota: quotaK,
      attainment: quotaK === 0 ? null : exactRatio(creditedK, quotaK),
      attainmentYtd: cumQuota.isZero() ? null : exactRatio(toNumber(cumCredited), toNumber(cumQuota)),
      earned: toNumber(s.EARNED),
      topUp: toNumber(d.topUp),
      recovered: toNumber(d.recovered),
      clawedBack: toNumber(s.CLAWBACK),
      heldBack: toNumber(s.HOLDBACK.neg()),
      released: toNumber(s.RELEASE),
      paid: toNumber(d.paid),
      owed: toNumber(owed),
    });
  }
  // Statements read a person's lines period by period, each period in booking order (a stable sort).
  lines.sort((a, b) => a.period - b.period);
  return { rows, lines };
}

/** The error for a counted credit whose person has no quota to measure it against. */
function noQuota(c: ReadyCredit, running: boolean): LedgerInputError {
  const problem = running
    ? `${c.credit.person} has no quota for the year; give a quota to measure attainment against.`
    : `${c.credit.person} has no quota in period ${c.period + 1} (not in the plan then); give a quota or correct the date.`;
  return new LedgerInputError("credits", c.row, "date", problem);
}
