import fc from "fast-check";
import { dateSerial } from "../../../src/core/dates";
import { LedgerCredit, LedgerInput, LedgerPerson, LedgerPlan, LedgerResult, runLedger } from "../../../src/core/ledger";
import { dec, sumExact, toNumber } from "../../../src/core/money";
import { payout } from "../../../src/functions/payout";
import { runningPayout } from "../../../src/functions/payoutRules";
import { quotaAttainment } from "../../../src/functions/quotaAttainment";
import { ACCEL_TIERS, curve, MONEY_TIERS, MONTHS, plan } from "./fixtures";

const PEOPLE = ["p1", "p2", "p3"];
const cents = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((c) => c / 100);
const dayOfYear = fc.integer({ min: 0, max: 364 }).map((k) => MONTHS[0].first + k);

/**
 * Monthly quotas adding up to 1,000,000, each a divisor with only 2s and 5s, so attainments, and
 * with them every figure, are short decimals: then doubles hold every sum exactly and the
 * properties can ask for exact equality. (Full-precision figures have their own property below.)
 */
const SHORT_QUOTAS = [80000, 80000, 80000, 80000, 80000, 80000, 80000, 80000, 80000, 80000, 100000, 100000];

/** A plan with every rule drawn at random (money or attainment tiers, timing, clawback, draw). */
const planArb: fc.Arbitrary<LedgerPlan> = fc
  .record({
    curveOn: fc.constantFrom("AMOUNT" as const, "ATTAINMENT" as const),
    attainment: fc.constantFrom("RUNNING" as const, "RESET" as const),
    mode: fc.constantFrom("MARGINAL" as const, "RETRO" as const),
    timing: fc.oneof(
      fc.constant({ kind: "BOOKING" as const }),
      fc.constant({ kind: "PAYMENT" as const }),
      fc.record({
        kind: fc.constant("HOLDBACK" as const),
        share: fc.constantFrom(0.3, 0.5, 1),
        months: fc.integer({ min: 0, max: 8 }),
      }),
    ),
    clawback: fc.option(
      fc.record({
        method: fc.constantFrom("PRORATED" as const, "FULL" as const, 0.5),
        windowMonths: fc.option(fc.integer({ min: 0, max: 12 })),
        termMonths: fc.constantFrom(4, 5, 10, 20),
      }),
    ),
    recoverable: fc.boolean(),
    recoveryLimit: fc.constantFrom(0.5, 1),
  })
  .map((r) =>
    plan({
      curveOn: r.curveOn,
      attainment: r.attainment,
      curve: r.curveOn === "AMOUNT" ? curve(MONEY_TIERS, r.mode) : curve(ACCEL_TIERS, r.mode),
      targetIncentive: r.curveOn === "AMOUNT" ? 1 : 60000,
      payTiming: r.timing,
      clawback: r.clawback,
      draw: { recoverable: r.recoverable, recoveryLimit: r.recoveryLimit },
      quota: { perPeriod: SHORT_QUOTAS },
    }),
  );

/** A deal: one person, or split 60/40 or 50/50 between two, with optional payment and cancel dates. */
const dealArb = fc.record({
  amount: cents(-50000, 400000),
  date: dayOfYear,
  split: fc.constantFrom([1], [0.6, 0.4], [0.5, 0.5]),
  first: fc.integer({ min: 0, max: PEOPLE.length - 1 }),
  paymentDays: fc.option(fc.integer({ min: 0, max: 200 })),
  cancelDays: fc.option(fc.integer({ min: 0, max: 300 })),
});

/** A year for three people (full year, so attainment always has a quota) with random draws and deals. */
const scenarioArb = fc
  .record({
    plan: planArb,
    deals: fc.array(dealArb, { maxLength: 25 }),
    draws: fc.array(fc.constantFrom(0, 2000, 5000), { minLength: 3, maxLength: 3 }),
  })
  .map(({ plan: p, deals, draws }) => {
    const people: LedgerPerson[] = PEOPLE.map((id, i) => ({ id, role: "AE", draw: draws[i] }));
    const credits: LedgerCredit[] = [];
    deals.forEach((d, k) =>
      d.split.forEach((share, j) =>
        credits.push({
          deal: `D${k + 1}`,
          person: PEOPLE[(d.first + j) % PEOPLE.length],
          date: d.date,
          amount: d.amount,
          share,
          paymentDate: d.paymentDays === null ? null : d.date + d.paymentDays,
          cancelDate: d.cancelDays === null ? null : d.date + d.cancelDays,
        }),
      ),
    );
    const input: LedgerInput = { periods: MONTHS, plans: [p], people, credits };
    return input;
  });

/** The same scenarios with quotas that leave attainments at full precision (thirds, twelfths). */
const fullPrecisionArb = scenarioArb.map((input) => ({
  ...input,
  plans: [{ ...input.plans[0], quota: { annual: 1000000 } }],
}));

const linesOf = (r: LedgerResult, person: string, period?: number) =>
  r.lines.filter((l) => l.person === person && (period === undefined || l.period === period));
const RUNS = { numRuns: 200 };

describe("ledger properties", () => {
  test("each period's figures are the exact sums of its lines; paid is the sum of all of them", () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const r = runLedger(input);
        for (const row of r.rows) {
          const lines = linesOf(r, row.person, row.period);
          const sum = (kinds: string[]) =>
            toNumber(sumExact(lines.filter((l) => kinds.includes(l.kind)).map((l) => l.amount)));
          expect(row.paid).toBe(sum(["EARNED", "HOLDBACK", "RELEASE", "FORFEIT", "CLAWBACK", "TOPUP", "RECOVERY"]));
          expect(row.earned).toBe(sum(["EARNED"]));
          expect(row.heldBack).toBe(-sum(["HOLDBACK"]) + 0);
          expect(row.released).toBe(sum(["RELEASE"]));
          expect(row.clawedBack).toBe(sum(["CLAWBACK"]));
        }
      }),
      RUNS,
    );
  });

  test("at full precision each figure is its lines' exact sum rounded once: within a rounding of the doubles' sum", () => {
    fc.assert(
      fc.property(fullPrecisionArb, (input) => {
        const r = runLedger(input);
        for (const row of r.rows) {
          const lines = linesOf(r, row.person, row.period);
          const sum = toNumber(sumExact(lines.map((l) => l.amount)));
          // each line is its exact value rounded once, so the two differ by at most a few ulps of the lines
          const bound = lines.reduce((m, l) => Math.max(m, Math.abs(l.amount)), 0) * lines.length * Number.EPSILON;
          expect(Math.abs(row.paid - sum)).toBeLessThanOrEqual(bound);
          expect(row.paid).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  test("splits never create or lose credit: what everyone is credited adds up to the deals", () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const r = runLedger(input);
        const deals = new Map(input.credits.map((c) => [c.deal, c.amount]));
        expect(sumExact(r.rows.map((x) => x.credited)).eq(sumExact([...deals.values()]))).toBe(true);
      }),
      RUNS,
    );
  });

  test("a reversal of every credit brings earned back to zero", () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const reversals = input.credits.map((c) => ({
          ...c,
          deal: `${c.deal}-rev`,
          amount: -c.amount,
          cancelDate: null,
        }));
        const r = runLedger({ ...input, credits: [...input.credits, ...reversals] });
        for (const id of PEOPLE) {
          const earned = linesOf(r, id).filter((l) => l.kind === "EARNED");
          expect(sumExact(earned.map((l) => l.amount)).isZero()).toBe(true);
        }
      }),
      RUNS,
    );
  });

  test("recoverable draws never make the year's pay less than earned minus what is still owed (paid at booking)", () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const p: LedgerPlan = {
          ...input.plans[0],
          payTiming: null,
          clawback: null,
          draw: { recoverable: true, recoveryLimit: input.plans[0].draw!.recoveryLimit },
        };
        const r = runLedger({ ...input, plans: [p] });
        for (const id of PEOPLE) {
          const rows = r.rows.filter((x) => x.person === id);
          const paid = sumExact(rows.map((x) => x.paid));
          const earned = sumExact(rows.map((x) => x.earned));
          expect(paid.gte(earned.minus(rows[rows.length - 1].owed))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  test("no period pays a negative amount; only clawbacks, holdbacks, recoveries and reversals are negative lines", () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const r = runLedger(input);
        for (const row of r.rows) expect(row.paid).toBeGreaterThanOrEqual(0);
        for (const l of r.lines) {
          if (l.amount >= 0) continue;
          const reversal = l.kind === "EARNED" && l.credit < 0;
          expect(["CLAWBACK", "HOLDBACK", "RECOVERY"].includes(l.kind) || reversal).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe("ledger and worksheet functions agree bit for bit", () => {
  const oneRep = fc.array(fc.record({ amount: cents(-100000, 400000), date: dayOfYear }), {
    minLength: 1,
    maxLength: 30,
  });
  const sorted = (deals: { amount: number; date: number }[]) =>
    deals.map((d, i) => ({ ...d, i })).sort((a, b) => a.date - b.date || a.i - b.i);

  test("money tiers running through the year: the deal lines are RUNNING_PAYOUT's rows", () => {
    fc.assert(
      fc.property(oneRep, fc.constantFrom("MARGINAL" as const, "RETRO" as const), (deals, mode) => {
        const p = plan({ curve: curve(MONEY_TIERS, mode) });
        const r = runLedger({
          periods: MONTHS,
          plans: [p],
          people: [{ id: "a", role: "AE" }],
          credits: deals.map((d, i) => ({ deal: `D${i}`, person: "a", ...d })),
        });
        const order = sorted(deals);
        const rows = runningPayout(
          order.map((d) => [d.amount]),
          1,
          MONEY_TIERS.map((t) => [t.lower, t.rate]),
          null,
          mode,
        ) as number[][];
        const lines = r.lines.filter((l) => l.kind === "EARNED");
        expect(lines.map((l) => l.amount)).toEqual(rows.map((x) => x[0]));
        expect(lines.map((l) => l.creditRow! - 1)).toEqual(order.map((d) => d.i));
      }),
      RUNS,
    );
  });

  test("attainment tiers: earned so far is PAYOUT(QUOTA_ATTAINMENT(credited so far, quota), target incentive)", () => {
    fc.assert(
      fc.property(oneRep, fc.constantFrom(1000000, 800000, 1250000, 950000, 1200000), (deals, quota) => {
        const p = plan({
          curve: curve(ACCEL_TIERS),
          curveOn: "ATTAINMENT",
          targetIncentive: 60000,
          quota: { annual: quota },
        });
        const r = runLedger({
          periods: MONTHS,
          plans: [p],
          people: [{ id: "a", role: "AE" }],
          credits: deals.map((d, i) => ({ deal: `D${i}`, person: "a", ...d })),
        });
        const tiers = ACCEL_TIERS.map((t) => [t.lower, t.rate]);
        const paidAt = (booked: number) =>
          (payout((quotaAttainment(booked, quota) as number[][])[0][0], 60000, tiers) as number[][])[0][0];
        let booked = dec(0);
        let before = 0;
        let earned = dec(0);
        const order = sorted(deals);
        const short = quota !== 950000 && quota !== 1200000;
        r.lines
          .filter((l) => l.kind === "EARNED")
          .forEach((l, k) => {
            booked = booked.plus(order[k].amount);
            const now = paidAt(toNumber(booked));
            expect(l.measureTo).toBe((quotaAttainment(toNumber(booked), quota) as number[][])[0][0]);
            // the line is PAYOUT after minus PAYOUT before, exactly, rounded once
            expect(l.amount).toBe(toNumber(dec(now).minus(before)));
            earned = earned.plus(l.amount);
            // with short attainments nothing is rounded: the lines add up to PAYOUT itself
            if (short) expect(earned.eq(now)).toBe(true);
            before = now;
          });
      }),
      RUNS,
    );
  });
});

describe("ledger: a realistic year", () => {
  test("30 reps, a year of deals with splits, reversals, cancellations and draws: totals reconcile", () => {
    const people: LedgerPerson[] = Array.from({ length: 30 }, (_, i) => ({
      id: `rep${i + 1}`,
      role: "AE",
      start: i % 10 === 0 ? dateSerial(2026, 4, 1) : null,
      draw: i % 5 === 0 ? 3000 : null,
    }));
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const credits: LedgerCredit[] = [];
    for (let k = 0; k < 1500; k++) {
      const owner = Math.floor(rnd() * 30);
      const start = people[owner].start ?? MONTHS[0].first;
      const date = start + Math.floor(rnd() * (MONTHS[11].last - start + 1));
      const amount = Math.round(rnd() * 5000000) / 100;
      const cancel = rnd() < 0.05 ? date + 30 + Math.floor(rnd() * 200) : null;
      if (rnd() < 0.2) {
        const other = (owner + 1) % 30;
        const otherStart = people[other].start ?? MONTHS[0].first;
        const ok = date >= otherStart;
        credits.push({
          deal: `D${k}`,
          person: `rep${owner + 1}`,
          date,
          amount,
          share: ok ? 0.6 : 1,
          cancelDate: cancel,
        });
        if (ok)
          credits.push({ deal: `D${k}`, person: `rep${other + 1}`, date, amount, share: 0.4, cancelDate: cancel });
      } else credits.push({ deal: `D${k}`, person: `rep${owner + 1}`, date, amount, cancelDate: cancel });
      // about one deal in thirty is reversed a little later (a booking error), if the year allows
      const reversalDate = date + 20;
      if (rnd() < 0.033 && reversalDate <= MONTHS[11].last)
        credits.push({ deal: `D${k}-rev`, person: `rep${owner + 1}`, date: reversalDate, amount: -amount });
    }
    // seasonal monthly weights adding up to 1; attainment on 1,000,000 a year keeps every figure exact
    const p = plan({
      curve: { tiers: ACCEL_TIERS, mode: "MARGINAL", threshold: 0.5, cap: 2.5 },
      curveOn: "ATTAINMENT",
      targetIncentive: 60000,
      quota: { annual: 1000000, weights: [0.05, 0.05, 0.1, 0.08, 0.08, 0.09, 0.07, 0.07, 0.1, 0.1, 0.1, 0.11] },
      payTiming: { kind: "HOLDBACK", share: 0.3, months: 3 },
      clawback: { method: "FULL", windowMonths: 6, termMonths: 12 },
    });
    const r = runLedger({ periods: MONTHS, plans: [p], people, credits });
    expect(r.rows).toHaveLength(360);
    const total = (f: (x: (typeof r.rows)[number]) => number) => sumExact(r.rows.map(f));
    const lines = sumExact(r.lines.map((l) => l.amount));
    expect(total((x) => x.paid).eq(lines)).toBe(true);
    expect(total((x) => x.credited).eq(sumExact([...new Map(credits.map((c) => [c.deal, c.amount])).values()]))).toBe(
      true,
    );
    // paid = earned - held + released + clawed + top-ups - recovered, over the year
    const expected = total((x) => x.earned)
      .minus(total((x) => x.heldBack))
      .plus(total((x) => x.released))
      .plus(total((x) => x.clawedBack))
      .plus(total((x) => x.topUp))
      .minus(total((x) => x.recovered));
    expect(total((x) => x.paid).eq(expected)).toBe(true);
    expect(r.rows.every((x) => x.paid >= 0)).toBe(true);
    // joiners (every tenth rep starts in April) have no quota before April
    expect(r.rows.filter((x) => x.person === "rep1" && x.period < 4).every((x) => x.quota === 0)).toBe(true);
  });
});
