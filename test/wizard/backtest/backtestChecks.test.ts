import { seededRandom } from "../../../src/core/random";
import { NotOwnedError } from "../../../src/workbook/host";
import { BACKTEST_SHEETS, BACKTEST_TABLES } from "../../../src/wizard/backtest/backtestLayout";
import { copyPlan } from "../../../src/wizard/backtest/backtestSettings";
import { runBacktestStep } from "../../../src/wizard/backtest/runBacktestStep";
import { StepError } from "../../../src/wizard/stepRun";
import { book, curve, d, plan, rolePlan, rowsOf, settings } from "./fixtures";

const aePlan = plan("Current", [
  rolePlan("AE"),
  rolePlan("SDR", { curveOn: "AMOUNT", targetIncentive: 1, curve: curve([[0, 0.05]]), splits: "ANY" }),
]);

describe("back-test: a data set whose answer is known by construction", () => {
  // 12 AEs on 50,000 a month (600,000 a year), target incentive 60,000, 1x to quota and 1.5x
  // above, running through the year: f(C) = 60,000 x (min(C/600,000, 1) + 1.5 x max(0, C/600,000 - 1)),
  // so each month pays f(booked through it) - f(booked before it). Every other deal also
  // credits two SDRs 50/50, paid 5% of their credit. AE "a0" has a recoverable draw of 4,000.
  const rnd = seededRandom(42);
  const aes = Array.from({ length: 12 }, (_, i) => `a${i}`);
  const deals: unknown[][] = [];
  for (let i = 0; i < 600; i++) {
    const month = rnd.int(1, 12);
    const amount = rnd.int(10, 400) * 100;
    const sdr = i % 2 === 0;
    deals.push([
      `D${i}`,
      aes[i % 12],
      rnd.next() < 0.7 ? "Won" : "Lost",
      d(month, rnd.int(1, 28)),
      amount,
      "",
      "",
      "",
      "",
    ]);
    if (sdr) deals[deals.length - 1].splice(7, 2, "s1", 0.5);
  }
  // The second SDR half of each split deal, from a credits column of its own.
  const people = [
    ...aes.map((a, i) => [a, "AE", "", "", 50000, i === 0 ? 4000 : ""]),
    ["s1", "SDR", "", "", "", ""],
    ["s2", "SDR", "", "", "", ""],
  ];
  const f = (c: number) => 60000 * (Math.min(c / 600000, 1) + 1.5 * Math.max(0, c / 600000 - 1));

  test("every person's pay per month reproduces to the cent", async () => {
    const rows = deals.map((r) => [...r, r[7] === "s1" ? "s2" : "", r[7] === "s1" ? 0.5 : ""]);
    const headers = [
      "Deal ID",
      "Owner",
      "Stage",
      "Closed",
      "Amount",
      "Payment Date",
      "Cancel Date",
      "SDR",
      "SDR Share",
      "SDR 2",
      "SDR 2 Share",
    ];
    const { wb, host } = book([], people, [{ sheet: "Deals2", table: "Deals2", headers, rows }]);
    const s = settings(aePlan, copyPlan(aePlan, "Proposed"));
    await runBacktestStep(host, {
      ...s,
      deals: {
        ...s.deals,
        table: "Deals2",
        credits: {
          kind: "columns",
          columns: [
            { person: "SDR", share: "SDR Share" },
            { person: "SDR 2", share: "SDR 2 Share" },
          ],
        },
      },
    });
    const ledger = rowsOf(wb, BACKTEST_TABLES.ledger).filter((r) => r["Plan"] === "Current");
    const won = (filter: (r: unknown[]) => boolean, m: number) =>
      rows
        .filter(
          (r) =>
            r[2] === "Won" &&
            filter(r) &&
            new Date(Date.UTC(1899, 11, 30) + (r[3] as number) * 864e5).getUTCMonth() + 1 === m,
        )
        .reduce((a, r) => a + (r[4] as number), 0);
    let owed = 0;
    let checked = 0;
    for (const a of aes) {
      let cum = 0;
      for (let m = 1; m <= 12; m++) {
        const booked = won((r) => r[1] === a, m);
        const earned = f(cum + booked) - f(cum);
        cum += booked;
        const row = ledger.find((r) => r["Person"] === a && r["Period"] === m)!;
        expect(row["Credited"]).toBe(booked);
        expect(row["Earned"] as number).toBeCloseTo(earned, 2);
        let paid = earned;
        if (a === "a0") {
          // Recoverable draw: short months pay the draw and the shortfall is owed; later
          // months repay from what is earned above the draw.
          if (earned < 4000) {
            paid = 4000;
            owed += 4000 - earned;
          } else {
            const back = Math.min(owed, earned - 4000);
            owed -= back;
            paid = earned - back;
          }
          expect(row["Owed"] as number).toBeCloseTo(owed, 2);
        }
        expect(row["Paid"] as number).toBeCloseTo(paid, 2);
        checked++;
      }
    }
    for (const sdr of ["s1", "s2"]) {
      for (let m = 1; m <= 12; m++) {
        const credit = won((r) => r[7] === "s1", m) / 2;
        const row = ledger.find((r) => r["Person"] === sdr && r["Period"] === m)!;
        expect(row["Credited"]).toBe(credit);
        expect(row["Paid"] as number).toBeCloseTo(credit * 0.05, 2);
        checked++;
      }
    }
    expect(checked).toBe(14 * 12);
    expect(owed).toBeGreaterThanOrEqual(0);
    // Statements: in each block the tier slices pay what its deals earned (marginal tiers).
    const lines = rowsOf(wb, BACKTEST_TABLES.statements);
    const blocks = new Map<string, { deals: number; tiers: number }>();
    for (const l of lines) {
      const k = `${l["Person"]}|${l["Period"]}`;
      const b = blocks.get(k) ?? { deals: 0, tiers: 0 };
      if (l["Line"] === "Deal") b.deals += l["Amount"] as number;
      if (l["Line"] === "Tier") b.tiers += l["Amount"] as number;
      blocks.set(k, b);
    }
    expect(blocks.size).toBeGreaterThan(100);
    for (const b of blocks.values()) expect(b.tiers).toBeCloseTo(b.deals, 6);
    expect([...blocks.values()].some((b) => b.deals > 0)).toBe(true);
  });
});

describe("back-test: bad input says what to fix and writes nothing", () => {
  const good = () => [
    ["D1", "a1", "Won", d(3, 5), 50000, "", "", "s1", 1],
    ["D2", "a1", "Won", d(6, 5), 70000, "", "", "", ""],
  ];
  const people = () => [
    ["a1", "AE", "", "", 50000, ""],
    ["s1", "SDR", "", "", "", ""],
  ];
  const exact = plan("Current", [
    rolePlan("AE"),
    rolePlan("SDR", { curveOn: "AMOUNT", targetIncentive: 1, curve: curve([[0, 0.05]]) }),
  ]);
  const cases: [string, (deals: unknown[][], people: unknown[][]) => void, string][] = [
    [
      "a deal for an unknown person",
      (ds) => (ds[1][1] = "zed"),
      'Deals row 2, Owner: "zed" is not in the People table; add them or correct the name.',
    ],
    [
      "a share total the plan does not allow",
      (ds) => (ds[0][8] = 0.6),
      "Deals row 1, shares: deal D1's shares for SDR add up to 60%; the Current plan requires 100% (or allow overlay credit).",
    ],
    [
      "a date outside the plan year",
      (ds) => (ds[1][3] = d(0, 15)),
      "Deals row 2, Closed: the close date 2025-12-15 is outside the plan year 2026; correct it or leave the deal out.",
    ],
    [
      "a missing quota",
      (_, ps) => (ps[0][4] = ""),
      "People row 1, Quota: a1 (AE) has no quota; attainment needs one. Enter a quota per period.",
    ],
  ];
  test.each(cases)("%s", async (_, spoil, message) => {
    const ds = good();
    const ps = people();
    spoil(ds, ps);
    const { wb, host } = book(ds, ps);
    const before = wb.sheetNames();
    const run = runBacktestStep(host, settings(exact, copyPlan(exact, "Proposed")));
    await expect(run).rejects.toBeInstanceOf(StepError);
    await expect(runBacktestStep(host, settings(exact, copyPlan(exact, "Proposed")))).rejects.toThrow(message);
    expect(wb.sheetNames()).toEqual(before);
  });
  test("the same data without the fault runs", async () => {
    const { wb, host } = book(good(), people());
    await runBacktestStep(host, settings(exact, copyPlan(exact, "Proposed")));
    expect(wb.sheetNames()).toEqual(expect.arrayContaining(Object.values(BACKTEST_SHEETS)));
  });
  test("Cancel before the write writes nothing", async () => {
    const { wb, host } = book(good(), people());
    const before = wb.sheetNames();
    const ctrl = new AbortController();
    const run = runBacktestStep(
      host,
      settings(exact, copyPlan(exact, "Proposed")),
      (f) => f >= 0.55 && ctrl.abort(),
      ctrl.signal,
    );
    await expect(run).rejects.toThrow("Cancelled; nothing was written.");
    expect(wb.sheetNames()).toEqual(before);
  });
  test("a user's sheet of the same name is never written over, and nothing else is written", async () => {
    const { wb, host } = book(good(), people());
    wb.addSheet(BACKTEST_SHEETS.comparison);
    const before = wb.sheetNames();
    await expect(runBacktestStep(host, settings(exact, copyPlan(exact, "Proposed")))).rejects.toBeInstanceOf(
      NotOwnedError,
    );
    expect(wb.sheetNames()).toEqual(before);
  });
  test("a re-run replaces its own sheets", async () => {
    const { wb, host } = book(good(), people());
    await runBacktestStep(host, settings(exact, copyPlan(exact, "Proposed")));
    await runBacktestStep(host, settings(exact, copyPlan(exact, "Proposed")));
    expect(wb.sheetNames().filter((n) => n === BACKTEST_SHEETS.ledger)).toHaveLength(1);
    expect(await host.readSettings("backtest")).toMatchObject({ year: 2026 });
  });
});

describe("back-test: credits from a separate credits table", () => {
  test("a deal split 60/40 between two AEs, and an SDR, from a credits table: engine equals core, revenue counts the deal once", async () => {
    // D1 100,000 split 60/40 between a1 and a2, s1 credited in full as SDR; D2 50,000 to a1 alone.
    const deals = [
      ["D1", "", "Won", d(3, 5), 100000, "", "", "", ""],
      ["D2", "", "Won", d(7, 9), 50000, "", "", "", ""],
    ];
    const people = [
      ["a1", "AE", "", "", 50000, ""],
      ["a2", "AE", "", "", 50000, ""],
      ["s1", "SDR", "", "", "", ""],
    ];
    const credits = [
      ["D1", "a1", 0.6, "AE"],
      ["D1", "a2", 0.4, "AE"],
      ["D1", "s1", 1, "SDR"],
      ["D2", "a1", 1, ""],
    ];
    const { wb, host } = book(deals, people, [
      { sheet: "Credits", table: "Credits", headers: ["Deal", "Person", "Share", "Role"], rows: credits },
    ]);
    const s = settings(aePlan, copyPlan(aePlan, "Proposed"));
    const result = await runBacktestStep(host, {
      ...s,
      deals: {
        ...s.deals,
        credits: { kind: "table", table: "Credits", deal: "Deal", person: "Person", share: "Share", role: "Role" },
      },
    });
    const ledger = rowsOf(wb, BACKTEST_TABLES.ledger);
    const expected = [...result.ledgers.current.rows, ...result.ledgers.proposed.rows];
    ledger.forEach((row, i) => {
      expect(row["Credited"]).toBe(expected[i].credited);
      expect(row["Paid"] as number).toBeCloseTo(expected[i].paid, 8);
    });
    // a1: March 60,000 of a 600,000 year = 10% -> 6,000; a2: 40,000 -> 4,000; s1: 5% of 100,000.
    const paid = (person: string, period: number) =>
      ledger.find((r) => r["Plan"] === "Current" && r["Person"] === person && r["Period"] === period)!["Paid"];
    expect([paid("a1", 3), paid("a2", 3), paid("s1", 3)]).toEqual([6000, 4000, 5000]);
    const revenue = Object.fromEntries(wb.engine.getAllNamedExpressionsSerialized().map((n) => [n.name, n.expression]));
    expect(revenue["BT_Revenue_current"]).toBeDefined();
    const cell = wb.engine.calculateFormula("=BT_Revenue_current", 0);
    expect(cell).toBe(150000);
  });
});

describe("back-test: against what was actually paid", () => {
  test("model minus actual per person and in total", async () => {
    const deals = [["D1", "a1", "Won", d(3, 5), 60000, "", "", "", ""]];
    const people = [
      ["a1", "AE", "", "", 50000, ""],
      ["a2", "AE", "", "", 50000, ""],
    ];
    // a1 earns 60,000 / 600,000 x 60,000 = 6,000; a2 nothing. Actually paid: a1 5,500 (two rows), a2 100.
    const actual = [
      ["a1", 5000],
      ["a1", 500],
      ["a2", 100],
    ];
    const { wb, host } = book(deals, people, [
      { sheet: "Paid", table: "Paid", headers: ["Rep", "Paid"], rows: actual },
    ]);
    await runBacktestStep(
      host,
      settings(aePlan, copyPlan(aePlan, "Proposed"), { actual: { table: "Paid", person: "Rep", amount: "Paid" } }),
    );
    const rows = rowsOf(wb, BACKTEST_TABLES.comparison);
    expect(rows.map((r) => [r["Person"], r["Pay current"], r["Actual paid"], r["Model minus actual"]])).toEqual([
      ["a1", 6000, 5500, 500],
      ["a2", 0, 100, -100],
    ]);
    expect(wb.engine.calculateFormula("=BT_Model_Minus_Actual", 0)).toBe(400);
  });
});
