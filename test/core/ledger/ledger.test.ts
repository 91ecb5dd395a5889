import { dateSerial } from "../../../src/core/dates";
import {
  LedgerCredit,
  LedgerInputError,
  LedgerPerson,
  LedgerPlan,
  LedgerResult,
  LedgerRow,
  runLedger,
} from "../../../src/core/ledger";
import { Period } from "../../../src/core/payoutRules";
import { ACCEL_TIERS, curve, MONEY_TIERS, MONTHS, plan, QUARTERS } from "./fixtures";
import { payout } from "../../../src/functions/payout";
import { draw, runningPayout } from "../../../src/functions/payoutRules";
import { quotaAttainment } from "../../../src/functions/quotaAttainment";

const d = (m: number, day: number) => dateSerial(2026, m, day);
const credit = (
  deal: string,
  person: string,
  date: number,
  amount: number,
  over: Partial<LedgerCredit> = {},
): LedgerCredit => ({ deal, person, date, amount, ...over });
const run = (
  plans: LedgerPlan[],
  people: LedgerPerson[],
  credits: LedgerCredit[],
  periods: Period[] = MONTHS,
): LedgerResult => runLedger({ periods, plans, people, credits });
const rowOf = (r: LedgerResult, person: string, period: number): LedgerRow =>
  r.rows.find((x) => x.person === person && x.period === period)!;
const col = (values: unknown[]) => values.map((v) => [v]);
const flat = (m: unknown) => (m as unknown[][]).map((r) => r[0]);
const errorOf = (f: () => unknown): LedgerInputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof LedgerInputError) return e;
    throw e;
  }
  throw new Error("expected a LedgerInputError");
};

describe("ledger: commission on running attainment", () => {
  test("money tiers, RETRO: the deal lines are RUNNING_PAYOUT's rows, true-up and reversal included", () => {
    // Jan 250,000 x 3% = 7,500; Mar 550,000 x 7% - 7,500 = 31,000; May back to 450,000: 22,500 - 38,500 = -16,000
    const p = plan({ curve: curve(MONEY_TIERS, "RETRO") });
    const credits = [
      credit("D1", "ana", d(1, 10), 250000),
      credit("D2", "ana", d(3, 5), 300000),
      credit("D1-rev", "ana", d(5, 2), -100000),
    ];
    const r = run([p], [{ id: "ana", role: "AE" }], credits);
    const earned = r.lines.filter((l) => l.kind === "EARNED").map((l) => l.amount);
    expect(earned).toEqual([7500, 31000, -16000]);
    const tiers = MONEY_TIERS.map((t) => [t.lower, t.rate]);
    expect(earned).toEqual(flat(runningPayout(col([250000, 300000, -100000]), 1, tiers, null, "RETRO")));
    expect([1, 3, 5].map((m) => rowOf(r, "ana", m).earned)).toEqual([7500, 31000, -16000]);
    // May's -16,000 cannot be paid as a negative: paid 0, and the 16,000 is owed (no draw, recoverable).
    expect(rowOf(r, "ana", 5)).toMatchObject({ paid: 0, topUp: 16000, owed: 16000 });
    expect(rowOf(r, "ana", 3).credited).toBe(300000);
  });

  test("attainment tiers, running through the year: cumulative earned is PAYOUT of the year-to-date attainment", () => {
    // quota 1,200,000, TI 60,000, tiers 1x / 1.5x from 100% / 2x from 125%
    // Jan 600,000: 0.5 -> 30,000. Jun +660,000 = 1,260,000: 1.05 -> 1 + 0.05 x 1.5 = 1.075 -> 64,500 (line 34,500)
    // Sep +240,000 = 1,500,000: 1.25 -> 1.375 -> 82,500 (line 18,000)
    const p = plan({ curve: curve(ACCEL_TIERS), curveOn: "ATTAINMENT", targetIncentive: 60000 });
    const r = run(
      [p],
      [{ id: "ana", role: "AE" }],
      [credit("A", "ana", d(1, 5), 600000), credit("B", "ana", d(6, 5), 660000), credit("C", "ana", d(9, 5), 240000)],
    );
    expect([1, 6, 9].map((m) => rowOf(r, "ana", m).earned)).toEqual([30000, 34500, 18000]);
    expect(rowOf(r, "ana", 9).attainmentYtd).toBe(1500000 / 900000);
    const tiers = ACCEL_TIERS.map((t) => [t.lower, t.rate]);
    let cumulative = 0;
    for (const [m, ytd] of [
      [1, 600000],
      [6, 1260000],
      [9, 1500000],
    ]) {
      cumulative += rowOf(r, "ana", m).earned;
      const att = (quotaAttainment(ytd, 1200000) as number[][])[0][0];
      expect(cumulative).toBe((payout(att, 60000, tiers) as number[][])[0][0]);
    }
  });

  test("reset each quarter: each period on its own quota and target incentive", () => {
    // quota 300,000 a quarter, TI 60,000 / 4 = 15,000. Q1 330,000: 1.1 -> 1.15 x 15,000 = 17,250.
    // Q2 starts again at 0: 150,000 = 0.5 -> 7,500.
    const p = plan({
      curve: curve(ACCEL_TIERS),
      curveOn: "ATTAINMENT",
      targetIncentive: 60000,
      attainment: "RESET",
      quota: { perPeriod: [300000, 300000, 300000, 300000] },
    });
    const r = run(
      [p],
      [{ id: "ana", role: "AE" }],
      [credit("A", "ana", d(2, 1), 330000), credit("B", "ana", d(5, 1), 150000)],
      QUARTERS,
    );
    expect(r.rows.map((x) => [x.earned, x.attainment])).toEqual([
      [17250, 1.1],
      [7500, 0.5],
      [0, 0],
      [0, 0],
    ]);
  });

  test("a joiner mid-quarter: quota and target incentive prorated by days, with uneven weights", () => {
    // starts 16 May; Q2 91 days, 46 in the plan. Quota 1,200,000 x 0.3 x 46 / 91; TI 60,000 x 0.3 x 46 / 91
    const weights = [0.2, 0.3, 0.3, 0.2];
    const p = plan({ quota: { annual: 1200000, weights }, curveOn: "ATTAINMENT", targetIncentive: 60000 });
    const r = run([p], [{ id: "joe", role: "AE", start: d(5, 16) }], [], QUARTERS);
    expect(r.rows.map((x) => x.quota)).toEqual([0, 16560000 / 91, 360000, 240000]);
    const months = run([{ ...p, proration: "MONTHS" }], [{ id: "joe", role: "AE", start: d(5, 16) }], [], QUARTERS);
    // by whole months: June only of Q2 -> 1,200,000 x 0.3 / 3 = 120,000
    expect(months.rows.map((x) => x.quota)).toEqual([0, 120000, 360000, 240000]);
  });

  test("a credit before the joiner's first quota is refused, naming the row", () => {
    const p = plan({ curveOn: "ATTAINMENT", attainment: "RESET", targetIncentive: 1000 });
    const e = errorOf(() => run([p], [{ id: "joe", role: "AE", start: d(5, 1) }], [credit("X", "joe", d(2, 3), 10)]));
    expect(e.message).toBe(
      "credits row 1, date: joe has no quota in period 2 (not in the plan then); give a quota or correct the date.",
    );
  });
});

describe("ledger: draws", () => {
  // Earnings at 10% of credit; a draw of 5,000 for six months, none after.
  const earnings = [3000, 4000, 5000, 2000, 6000, 5000, 3000, 8000];
  const credits = earnings.map((e, i) => credit(`D${i + 1}`, "sam", d(i + 1, 15), e * 10));
  const drawPerPeriod = [5000, 5000, 5000, 5000, 5000, 5000, 0, 0, 0, 0, 0, 0];

  test("a recoverable draw over six months, repaid over two later months: the same table as COMP.DRAW", () => {
    const r = run([plan()], [{ id: "sam", role: "AE", draw: drawPerPeriod }], credits);
    const table = (draw(col(earnings), col(drawPerPeriod.slice(0, 8))) as unknown[][]).slice(1);
    expect(
      r.rows
        .slice(0, 8)
        .map((x) => [x.period, x.earned, drawPerPeriod[x.period - 1], x.topUp, x.recovered, x.paid, x.owed]),
    ).toEqual(table);
    // m7: 3,000 recovered, paid 0; m8: the last 2,000, paid 6,000
    expect([rowOf(r, "sam", 7).paid, rowOf(r, "sam", 8).paid, rowOf(r, "sam", 8).owed]).toEqual([0, 6000, 0]);
  });
  test("the same with a 50% recovery limit", () => {
    const r = run(
      [plan({ draw: { recoverable: true, recoveryLimit: 0.5 } })],
      [{ id: "sam", role: "AE", draw: drawPerPeriod }],
      credits,
    );
    // m7: 1,500 recovered (half of 3,000), owed 3,500; m8: 3,500 recovered, paid 4,500
    expect([7, 8].map((m) => [rowOf(r, "sam", m).recovered, rowOf(r, "sam", m).paid, rowOf(r, "sam", m).owed])).toEqual(
      [
        [1500, 1500, 3500],
        [3500, 4500, 0],
      ],
    );
  });
  test("a guarantee: top-ups are never owed", () => {
    const r = run(
      [plan({ draw: { recoverable: false, recoveryLimit: 1 } })],
      [{ id: "sam", role: "AE", draw: drawPerPeriod }],
      credits,
    );
    // top-ups 2,000 + 1,000 + 3,000 = 6,000, never recovered
    expect(r.rows.reduce((s, x) => s + x.topUp, 0)).toBe(6000);
    expect(r.rows.every((x) => x.recovered === 0 && x.owed === 0)).toBe(true);
  });
  test("a leaver's draw stops at the end date (prorated by days in the last month)", () => {
    // leaves 15 June: June's draw 5,000 x 15 / 30 = 2,500; nothing after
    const r = run(
      [plan({ draw: { recoverable: false, recoveryLimit: 1 } })],
      [{ id: "sam", role: "AE", draw: 5000, end: d(6, 15) }],
      [],
    );
    expect(r.rows.map((x) => x.paid)).toEqual([5000, 5000, 5000, 5000, 5000, 2500, 0, 0, 0, 0, 0, 0]);
  });
  test("a negative draw names the row and the field", () => {
    expect(errorOf(() => run([plan()], [{ id: "sam", role: "AE", draw: -1 }], [])).message).toBe(
      "people row 1, draw: -1 is negative or not a number; a draw is 0 or more.",
    );
  });
});

describe("ledger: clawbacks and pay timing", () => {
  const cb = { method: "PRORATED" as const, windowMonths: 6, termMonths: 12 };

  test("a clawback inside its window, prorated; none after the window", () => {
    // D1 booked 15 Jan, 12,000 at 10% = 1,200 earned; cancelled 20 April: 3 whole months kept,
    //   1,200 x (12 - 3) / 12 = 900 clawed back in April.
    // D2 booked 15 Jan, cancelled 20 August: 7 months kept >= the 6-month window: nothing back.
    const r = run(
      [plan({ clawback: cb })],
      [{ id: "ana", role: "AE" }],
      [
        credit("D1", "ana", d(1, 15), 12000, { cancelDate: d(4, 20) }),
        credit("D2", "ana", d(1, 15), 5000, { cancelDate: d(8, 20) }),
      ],
    );
    expect(r.lines.filter((l) => l.kind === "CLAWBACK")).toEqual([
      expect.objectContaining({ deal: "D1", period: 4, amount: -900 }),
    ]);
    expect(rowOf(r, "ana", 4)).toMatchObject({ clawedBack: -900, paid: 0, topUp: 900, owed: 900 });
    // a later deal repays it: May 20,000 -> 2,000 earned, 900 recovered, 1,100 paid
    const later = run(
      [plan({ clawback: cb })],
      [{ id: "ana", role: "AE" }],
      [credit("D1", "ana", d(1, 15), 12000, { cancelDate: d(4, 20) }), credit("D3", "ana", d(5, 2), 20000)],
    );
    expect(rowOf(later, "ana", 5)).toMatchObject({ earned: 2000, recovered: 900, paid: 1100, owed: 0 });
  });

  test("a holdback released after six months, and one forfeited by a cancellation", () => {
    // 30% held for 6 months. D1 15 Jan: earned 1,000, 300 held, 700 paid; released 15 July: 300.
    // D2 1 Feb: earned 1,000, 300 held; cancelled 1 May, before its release on 1 Aug: forfeited.
    const hb = plan({ payTiming: { kind: "HOLDBACK", share: 0.3, months: 6 } });
    const r = run(
      [hb],
      [{ id: "ana", role: "AE" }],
      [credit("D1", "ana", d(1, 15), 10000), credit("D2", "ana", d(2, 1), 10000, { cancelDate: d(5, 1) })],
    );
    expect(rowOf(r, "ana", 1)).toMatchObject({ earned: 1000, heldBack: 300, paid: 700 });
    expect(rowOf(r, "ana", 2)).toMatchObject({ earned: 1000, heldBack: 300, paid: 700 });
    expect(rowOf(r, "ana", 7)).toMatchObject({ released: 300, paid: 300 });
    expect(rowOf(r, "ana", 8)).toMatchObject({ released: 0, paid: 0 });
    expect(r.lines.filter((l) => l.kind === "FORFEIT").map((l) => [l.deal, l.period])).toEqual([["D2", 5]]);
    // with a FULL clawback the paid 70% of D2 comes back too: -700 in May
    const both = run(
      [{ ...hb, clawback: { method: "FULL", windowMonths: 6, termMonths: 12 } }],
      [{ id: "ana", role: "AE" }],
      [credit("D2", "ana", d(2, 1), 10000, { cancelDate: d(5, 1) })],
    );
    expect(rowOf(both, "ana", 5).clawedBack).toBe(-700);
  });

  test("paid at the payment date; unpaid at year end stays held back", () => {
    const pp = plan({ payTiming: { kind: "PAYMENT" } });
    const r = run(
      [pp],
      [{ id: "ana", role: "AE" }],
      [credit("D1", "ana", d(1, 15), 10000, { paymentDate: d(3, 2) }), credit("D2", "ana", d(2, 1), 5000)],
    );
    expect(
      [1, 2, 3].map((m) => [rowOf(r, "ana", m).heldBack, rowOf(r, "ana", m).released, rowOf(r, "ana", m).paid]),
    ).toEqual([
      [1000, 0, 0],
      [500, 0, 0],
      [0, 1000, 1000],
    ]);
  });
});

describe("ledger: credits, splits and what counts", () => {
  const people: LedgerPerson[] = [
    { id: "a", role: "AE" },
    { id: "b", role: "AE" },
    { id: "c", role: "AE" },
    { id: "s", role: "SE" },
  ];
  const se = plan({ role: "SE", splits: "ANY" });
  test("a three-way split places the cent by largest remainder; overlay credit adds on top", () => {
    const third = 1 / 3;
    const rows = ["a", "b", "c"].map((p) => credit("D", p, d(3, 3), 1000, { share: third }));
    const r = run([plan(), se], people, [...rows, credit("D", "s", d(3, 3), 1000, { share: 1 })]);
    // 1,000 / 3 = 333.333...: 333.34, 333.33, 333.33; the SE overlay is credited the full 1,000
    expect(["a", "b", "c", "s"].map((p) => rowOf(r, p, 3).credited)).toEqual([333.34, 333.33, 333.33, 1000]);
  });
  test("shares that do not add up where the plan requires 100%", () => {
    const e = errorOf(() =>
      run([plan(), se], people, [
        credit("D9", "a", d(3, 3), 1000, { share: 0.6 }),
        credit("D9", "b", d(3, 3), 1000, { share: 0.3 }),
      ]),
    );
    expect(e).toMatchObject({ table: "credits", row: 1, field: "share" });
    expect(e.message).toBe(
      "credits row 1, share: the shares of deal D9 for role AE add up to 0.9; this plan requires 100%.",
    );
  });
  test("a credit for an unknown person, and a date outside the plan year", () => {
    expect(errorOf(() => run([plan(), se], people, [credit("D", "zoe", d(3, 3), 1)])).message).toBe(
      'credits row 1, person: "zoe" is not in the people table.',
    );
    const e = errorOf(() =>
      run([plan(), se], people, [credit("D", "a", d(3, 3), 1), credit("E", "a", dateSerial(2027, 1, 4), 1)]),
    );
    expect(e.message).toBe(
      `credits row 2, date: ${dateSerial(2027, 1, 4)} is outside the plan year (${MONTHS[0].first} to ${MONTHS[11].last}).`,
    );
  });
  test("a person whose role has no plan", () => {
    expect(errorOf(() => run([plan()], [{ id: "x", role: "SDR" }], [])).message).toBe(
      'people row 1, role: "SDR" has no plan; add a plan for it or correct the role.',
    );
  });
  test("only the plan's stages count; COUNT measures deals by share", () => {
    const p = plan({ measure: "COUNT", stages: ["Won"], curve: curve([{ lower: 0, rate: 100 }]) });
    const r = run([p, se], people, [
      credit("D1", "a", d(1, 3), 500, { stage: " won " }),
      credit("D2", "a", d(1, 4), 900, { stage: "Open" }),
      credit("D3", "a", d(1, 5), -500, { stage: "Won" }),
    ]);
    // D1 counts +1 deal (100 paid), D2 not at all, D3 (a reversal) takes the deal back
    expect(r.lines.filter((l) => l.kind === "EARNED").map((l) => [l.deal, l.credit, l.amount])).toEqual([
      ["D1", 1, 100],
      ["D3", -1, -100],
    ]);
  });
});

describe("ledger: scale", () => {
  test("one person with 150,000 credits (more lines than a spread call takes)", () => {
    const credits = Array.from({ length: 150_000 }, (_, i) =>
      credit(`D${i}`, "big", d(1 + (i % 12), 1 + (i % 28)), 10),
    );
    const r = run([plan()], [{ id: "big", role: "AE" }], credits);
    expect(r.lines.filter((l) => l.kind === "EARNED")).toHaveLength(150_000);
    // 150,000 x 10 at 10% = 150,000
    expect(r.rows.reduce((s, x) => s + x.earned, 0)).toBe(150000);
  });
});
