import { LedgerRow } from "../../../src/core/ledger";
import { PreviewWorkbook } from "../../../src/workbook/preview/previewWorkbook";
import {
  ALL_LINE_COLUMNS,
  BACKTEST_TABLES,
  creditColumn,
  PLAN_KEYS,
} from "../../../src/wizard/backtest/backtestLayout";
import { runBacktestStep } from "../../../src/wizard/backtest/runBacktestStep";
import { book, curve, d, plan, rolePlan, rowsOf, settings } from "./fixtures";

// A year with every rule in play: AE joiner and leaver, draws, SDR credit columns with overlay,
// reversals, lost deals, payment and cancel dates; plans that differ in every rule.
const people = [
  ["a1", "AE", "", "", 100000, 3000],
  ["a2", "AE", d(4, 16), "", 90000, 0],
  ["a3", "AE", "", d(9, 30), 110000, 2000],
  ["s1", "SDR", "", "", 40000, 0],
  ["s2", "SDR", d(2, 1), "", 40000, 1000],
];
function deals(): unknown[][] {
  const out: unknown[][] = [];
  const owners = ["a1", "a2", "a3"];
  for (let i = 0; i < 90; i++) {
    const owner = owners[i % 3];
    const month = 1 + ((i * 5) % 12);
    const day = 1 + ((i * 7) % 28);
    const closed = owner === "a2" && month < 5 ? d(5, day) : owner === "a3" && month > 9 ? d(9, day) : d(month, day);
    const amount = i % 17 === 16 ? -12000 : 5000 + ((i * 7919) % 40) * 1250;
    const stage = i % 4 === 3 ? "Lost" : "Won";
    const payment = i % 3 === 0 ? closed + 40 : i % 3 === 1 ? closed + 100 : "";
    const cancel = i % 11 === 5 ? closed + 70 : i % 13 === 7 ? closed + 200 : "";
    const sdr = i % 2 === 0 ? (i % 4 === 0 ? "s1" : "s2") : "";
    const share = sdr ? (i % 8 === 0 ? 0.5 : 1) : "";
    out.push([`D${i + 1}`, owner, stage, closed, amount, payment, cancel, sdr, share]);
  }
  return out;
}

const current = plan("Current", [
  rolePlan("AE", {
    draw: { recoverable: true, recoveryLimit: 1 },
    clawback: { method: "PRORATED", windowMonths: 6, termMonths: 12 },
  }),
  rolePlan("SDR", {
    curveOn: "AMOUNT",
    targetIncentive: 1,
    curve: curve([
      [0, 0.02],
      [30000, 0.03],
    ]),
    attainment: "RESET",
    splits: "ANY",
  }),
]);
const proposed = plan("Proposed", [
  rolePlan("AE", {
    curve: curve(
      [
        [0, 0.8],
        [1, 1.6],
        [1.3, 2.2],
      ],
      { mode: "RETRO", threshold: 0.4, cap: 2 },
    ),
    attainment: "RESET",
    draw: { recoverable: false, recoveryLimit: 1 },
    clawback: { method: "FULL", windowMonths: 3, termMonths: 12 },
    payTiming: { kind: "HOLDBACK", share: 0.3, months: 3 },
  }),
  rolePlan("SDR", {
    curveOn: "AMOUNT",
    targetIncentive: 1,
    curve: curve([
      [0, 0.025],
      [200000, 0.04],
    ]),
    splits: "ANY",
    proration: "MONTHS",
    payTiming: { kind: "PAYMENT" },
    stages: null,
  }),
]);

/** A line column's value for credit i (0-based), read beside the credits table. */
function lineColumns(wb: PreviewWorkbook) {
  const t = wb.tables().find((x) => x.name === BACKTEST_TABLES.credits)!;
  return (header: string, i: number) => {
    const col = ALL_LINE_COLUMNS.indexOf(header) + t.anchor.col + t.headers.length + 1;
    expect(wb.cell(t.sheet, { row: t.anchor.row, col }).value).toBe(header);
    return wb.cell(t.sheet, { row: t.anchor.row + 1 + i, col }).value as number | null;
  };
}

const MONEY = [
  "credited",
  "quota",
  "earned",
  "heldBack",
  "released",
  "clawedBack",
  "topUp",
  "recovered",
  "paid",
  "owed",
] as const;
const HEADER: Record<(typeof MONEY)[number], string> = {
  credited: "Credited",
  quota: "Quota",
  earned: "Earned",
  heldBack: "Held back",
  released: "Released",
  clawedBack: "Clawed back",
  topUp: "Top-up",
  recovered: "Recovered",
  paid: "Paid",
  owed: "Owed",
};

describe("back-test: the engine's evaluation of every written sheet equals the ledger core", () => {
  test("Payout Ledger, credits, Plan Comparison and Statements, cell for cell", async () => {
    const { wb, host } = book(deals(), people);
    const result = await runBacktestStep(host, settings(current, proposed));
    const ledger = rowsOf(wb, BACKTEST_TABLES.ledger);
    const expected: LedgerRow[] = [...result.ledgers.current.rows, ...result.ledgers.proposed.rows];
    expect(ledger).toHaveLength(expected.length);
    let nonZero = 0;
    let exact = 0;
    let total = 0;
    ledger.forEach((row, i) => {
      const e = expected[i];
      expect([row["Person"], row["Period"]]).toEqual([e.person, e.period]);
      for (const k of MONEY) {
        const v = row[HEADER[k]];
        expect(typeof v).toBe("number");
        // Same value to a millionth of a cent; most are bit for bit (see docs/backtest.md).
        expect(Math.abs((v as number) - e[k])).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(e[k])));
        if (e[k] !== 0) nonZero++;
        if (v === e[k]) exact++;
        total++;
      }
      for (const [h, k] of [
        ["Attainment", "attainment"],
        ["Attainment YTD", "attainmentYtd"],
      ] as const) {
        const v = row[h];
        if (e[k] === null) expect(v === null || v === "").toBe(true);
        else expect(v).toBe(e[k]);
      }
    });
    expect(nonZero).toBeGreaterThan(300);
    // Most are the same double; the rest differ in the last bit, where the sheet adds doubles
    // (SUMIFS, a running sum) and the ledger adds exact decimals.
    expect(exact / total).toBeGreaterThan(0.95);
    // Every rule is exercised: each figure is non-zero somewhere under the plan that has it.
    const some = (plan: "current" | "proposed", k: keyof LedgerRow) =>
      result.ledgers[plan].rows.some((r) => r[k] !== 0);
    expect(["earned", "topUp", "recovered", "clawedBack"].every((k) => some("current", k as keyof LedgerRow))).toBe(
      true,
    );
    expect(
      ["earned", "topUp", "heldBack", "released", "clawedBack"].every((k) => some("proposed", k as keyof LedgerRow)),
    ).toBe(true);

    // Each credit's commission line (spilled beside the credits table) is the ledger's line for that credit row.
    const credits = rowsOf(wb, BACKTEST_TABLES.credits);
    expect(credits).toHaveLength(result.data.credits.length);
    const lines = lineColumns(wb);
    for (const p of PLAN_KEYS) {
      const byRow = (kind: string, sign: number) =>
        new Map(result.ledgers[p].lines.filter((l) => l.kind === kind).map((l) => [l.creditRow!, sign * l.amount]));
      const earned = byRow("EARNED", 1);
      const held = byRow("HOLDBACK", -1);
      const claw = byRow("CLAWBACK", 1);
      credits.forEach((_, i) => {
        expect(lines(creditColumn("Earned", p), i)).toBeCloseTo(earned.get(i + 1) ?? 0, 8);
        expect(lines(creditColumn("Held", p), i) ?? 0).toBeCloseTo(held.get(i + 1) ?? 0, 8);
        expect(lines(creditColumn("Clawback", p), i) ?? 0).toBeCloseTo(claw.get(i + 1) ?? 0, 8);
      });
    }

    // Plan Comparison: year attainment and pay per person, the difference and the flag.
    const n = 12;
    const comparison = rowsOf(wb, BACKTEST_TABLES.comparison);
    result.data.people.forEach((p, j) => {
      const pay = (plan: "current" | "proposed") =>
        result.ledgers[plan].rows.slice(j * n, j * n + n).reduce((a, r) => a + r.paid, 0);
      const row = comparison[j];
      expect(row["Person"]).toBe(p.id);
      expect(row["Pay current"]).toBeCloseTo(pay("current"), 6);
      expect(row["Pay proposed"]).toBeCloseTo(pay("proposed"), 6);
      expect(row["Attainment current"]).toBe(result.ledgers.current.rows[j * n + n - 1].attainmentYtd);
      const diff = pay("proposed") - pay("current");
      expect(row["Flag"]).toBe(diff >= 0.005 ? "Winner" : diff <= -0.005 ? "Loser" : "Same");
    });

    // Statements: deal lines are the proposed plan's EARNED lines, totals its paid figures.
    const statements = rowsOf(wb, BACKTEST_TABLES.statements);
    const totals = statements.filter((r) => r["Line"] === "Total paid");
    expect(totals.length).toBeGreaterThan(20);
    for (const t of totals) {
      const j = result.data.people.findIndex((p) => p.id === t["Person"]);
      expect(t["Amount"]).toBeCloseTo(result.ledgers.proposed.rows[j * n + (t["Period"] as number) - 1].paid, 8);
    }
    const dealLines = statements.filter((r) => r["Line"] === "Deal");
    const earnedByDeal = new Map(
      result.ledgers.proposed.lines.filter((l) => l.kind === "EARNED").map((l) => [`${l.person}|${l.deal}`, l.amount]),
    );
    expect(dealLines).toHaveLength(earnedByDeal.size);
    for (const l of dealLines) expect(l["Amount"]).toBeCloseTo(earnedByDeal.get(`${l["Person"]}|${l["Item"]}`)!, 8);
  });
});
