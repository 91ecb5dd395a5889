import { addMonths, wholeMonthsBetween } from "../dates";
import { Amount, amountToNumber, minus, plus, settle, signOf, times } from "../amount";
import { Money, toNumber } from "../money";
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
 * RUNNING_PAYOUT's rows bit for bit, and with ATTAINMENT tiers each line is PAYOUT of
 * QUOTA_ATTAINMENT(credited after, quota) minus the same before, exactly, rounded once (so the
 * lines add up to PAYOUT itself whenever the attainments are short decimals). Every money figure
 * of a row is the exact sum of its lines, rounded once.
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
    // One by one: spreading a person's lines into push() would overflow the stack past ~100,000.
    for (const r of result.rows) rows.push(r);
    for (const l of result.lines) lines.push(l);
  }
  return { rows, lines };
}

function personLedger(p: ReadyPerson, credits: readonly ReadyCredit[], periods: readonly Period[]): LedgerResult {
  const n = periods.length;
  const plan = p.plan.plan;
  const id = p.person.id;
  const lines: LedgerLine[] = [];
  const credited: Amount[] = new Array(n).fill(0);
  // Each line's exact value, beside the line (whose amount is its nearest double): the period
  // figures are exact sums of these, rounded once.
  const exact: Amount[] = [];
  const push = (
    period: number,
    kind: LineKind,
    c: ReadyCredit | null,
    amount: Amount,
    credit = 0,
    from: number | null = null,
    to: number | null = null,
  ) => {
    exact.push(amount);
    lines.push({
      person: id,
      period: period + 1,
      kind,
      deal: c ? c.credit.deal : null,
      creditRow: c ? c.row : null,
      credit,
      measureFrom: from,
      measureTo: to,
      amount: amountToNumber(amount),
    });
  };

  const running = plan.attainment === "RUNNING";
  const yearQuota = p.quota.reduce((s, q) => s.plus(q), ZERO);
  const yearTi = p.targetIncentive.reduce((s, t) => s.plus(t), ZERO);
  const meterFor = (period: number): RunningPayout => {
    const ti = toNumber(
      plan.curveOn === "AMOUNT" ? p.targetIncentive[period] : running ? yearTi : p.targetIncentive[period],
    );
    const divisor = plan.curveOn === "AMOUNT" ? null : toNumber(running ? yearQuota : p.quota[period]);
    return new RunningPayout(p.plan.curve, ti, 0, divisor);
  };
  let meter: RunningPayout | null = null;
  let meterPeriod = -1;
  const last = periods[n - 1].last;

  for (const c of credits) {
    if (!c.counted) continue;
    credited[c.period] = plus(credited[c.period], c.value);
    if (plan.curveOn === "ATTAINMENT" && (running ? yearQuota : p.quota[c.period]).isZero()) {
      throw noQuota(c, running);
    }
    if (meter === null || (!running && meterPeriod !== c.period)) {
      meter = meterFor(c.period);
      meterPeriod = c.period;
    }
    const from = meter.measure();
    const earned = meter.add(c.value);
    push(c.period, "EARNED", c, earned, amountToNumber(c.value), from, meter.measure());
    if (signOf(earned) <= 0) continue;
    const cancel = c.credit.cancelDate ?? null;
    const cancelPeriod = cancel === null ? -1 : periodOf(periods, cancel);
    let forfeited: Amount = 0;
    const timing = p.plan.timing;
    if (timing.kind !== "BOOKING") {
      const held = timing.kind === "PAYMENT" ? earned : times(earned, timing.share);
      const release =
        timing.kind === "PAYMENT" ? (c.credit.paymentDate ?? null) : addMonths(c.credit.date, timing.months);
      if (signOf(held) !== 0) {
        push(c.period, "HOLDBACK", c, minus(0, held));
        if (cancel !== null && (release === null || cancel < release)) {
          forfeited = held;
          if (cancelPeriod >= 0) push(cancelPeriod, "FORFEIT", c, 0);
        } else if (release !== null && release <= last) {
          push(Math.max(c.period, periodOf(periods, release)), "RELEASE", c, held);
        }
      }
    }
    const policy = plan.clawback;
    if (policy && cancelPeriod >= 0) {
      const kept = wholeMonthsBetween(c.credit.date, cancel!);
      const term = c.credit.termMonths ?? policy.termMonths;
      const base = minus(earned, forfeited);
      const back = clawback(base, kept, term, { method: policy.method, windowMonths: policy.windowMonths });
      if (!back.isZero()) push(Math.max(c.period, cancelPeriod), "CLAWBACK", c, settle(back));
    }
  }

  // Period figures from the lines, then the draw on what the lines make payable.
  const sums: Record<LineKind, Amount>[] = Array.from({ length: n }, () => ({
    EARNED: 0,
    HOLDBACK: 0,
    RELEASE: 0,
    FORFEIT: 0,
    CLAWBACK: 0,
    TOPUP: 0,
    RECOVERY: 0,
  }));
  lines.forEach((l, i) => (sums[l.period - 1][l.kind] = plus(sums[l.period - 1][l.kind], exact[i])));
  const rows: LedgerRow[] = [];
  let owed = p.openingBalance;
  let cumCredited: Amount = 0;
  let cumQuota = ZERO;
  for (let k = 0; k < n; k++) {
    const s = sums[k];
    const payable = plus(plus(s.EARNED, s.HOLDBACK), plus(s.RELEASE, s.CLAWBACK));
    const d = drawPeriod(owed, payable, p.draw[k], p.plan.draw);
    owed = d.owed;
    if (!d.topUp.isZero()) push(k, "TOPUP", null, settle(d.topUp));
    if (!d.recovered.isZero()) push(k, "RECOVERY", null, settle(d.recovered.neg()));
    cumCredited = plus(cumCredited, credited[k]);
    cumQuota = cumQuota.plus(p.quota[k]);
    const creditedK = amountToNumber(credited[k]);
    const quotaK = toNumber(p.quota[k]);
    rows.push({
      person: id,
      role: p.person.role,
      period: k + 1,
      credited: creditedK,
      quota: quotaK,
      attainment: quotaK === 0 ? null : exactRatio(creditedK, quotaK),
      attainmentYtd: cumQuota.isZero() ? null : exactRatio(amountToNumber(cumCredited), toNumber(cumQuota)),
      earned: amountToNumber(s.EARNED),
      topUp: toNumber(d.topUp),
      recovered: toNumber(d.recovered),
      clawedBack: amountToNumber(s.CLAWBACK),
      heldBack: amountToNumber(minus(0, s.HOLDBACK)),
      released: amountToNumber(s.RELEASE),
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
