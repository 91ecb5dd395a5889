import { loadSample } from "../../src/preview/loadSample";
import { columnLetter, parseCell as parseAddress } from "../../src/workbook/a1";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";
import {
  ALL_LINE_COLUMNS,
  BACKTEST_SHEETS,
  BACKTEST_TABLES,
  creditColumn,
  STATEMENT_LINES,
} from "../../src/wizard/backtest/backtestLayout";
import { ledgerGeometry } from "../../src/wizard/backtest/ledgerSheet";
import { BacktestResult, runBacktestStep } from "../../src/wizard/backtest/runBacktestStep";
import { sampleBacktestSettings } from "../../src/wizard/backtest/sampleBacktest";
import { explainActiveCell } from "../../src/wizard/explain/explainCell";
import { showMoney } from "../../src/wizard/explain/explanation";
import fc from "fast-check";
import { book, curve, d, plan, rolePlan, rowsOf, settings } from "./backtest/fixtures";

/** Selects the cell of a table's data row and column, as a user clicks it. */
function selectIn(wb: PreviewWorkbook, table: string, row: number, column: string): void {
  const t = wb.tables().find((x) => x.name === table)!;
  wb.select(t.sheet, `${columnLetter(t.anchor.col + t.headers.indexOf(column))}${t.anchor.row + 2 + row}`);
}

/** The link address of a deals table's 1-based data row. */
function dealsRow(wb: PreviewWorkbook, table: string, dealRow: number): string {
  const t = wb.tables().find((x) => x.name === table)!;
  const r = t.anchor.row + 1 + dealRow;
  return `${columnLetter(t.anchor.col)}${r}:${columnLetter(t.anchor.col + t.headers.length - 1)}${r}`;
}

describe("Explain on the back-test: a worked example", () => {
  // One AE, quota 10,000 a month (120,000 a year), target incentive 60,000, running attainment.
  // D1 (January) 60,000 won; D2 (February) 90,000 won; D3 (February) 40,000 lost: not counted.
  // Current curve 1x to 100%, 1.5x above: January f(0.5) = 60,000 x 0.5 = 30,000. February YTD
  // 150,000 / 120,000 = 125%: f(1.25) = 60,000 x (1 + 1.5 x 0.25) = 82,500, so February earns
  // 82,500 - 30,000 = 52,500. Proposed: 2x above 100%: f(1.25) = 60,000 x 1.5 = 90,000; 60,000.
  const deals = [
    ["D1", "R1", "Won", d(1, 15), 60000, "", "", "", ""],
    ["D2", "R1", "Won", d(2, 10), 90000, "", "", "", ""],
    ["D3", "R1", "Lost", d(2, 20), 40000, "", "", "", ""],
  ];
  const people = [["R1", "AE", "", "", 10000, ""]];
  let wb: PreviewWorkbook;
  let host: PreviewHost;

  beforeAll(async () => {
    ({ wb, host } = book(deals, people));
    await runBacktestStep(
      host,
      settings(
        plan("Current", [rolePlan("AE")]),
        plan("Proposed", [
          rolePlan("AE", {
            curve: curve([
              [0, 1],
              [1, 2],
            ]),
          }),
        ]),
      ),
    );
  }, 60_000);

  test("a ledger Earned cell: plan, person, period, the deal credited, the curve's move tier by tier", async () => {
    // Ledger rows: the current plan's 12 months first; February is row index 1.
    selectIn(wb, BACKTEST_TABLES.ledger, 1, "Earned");
    const e = await explainActiveCell(host);
    expect(e.title).toBe("R1, Current plan, period 2: Earned");
    expect(e.inWords).toContain(
      "the curve pays 82,500.00 at 125.0% of the year's quota (120,000.00) and paid 30,000.00 at 50.0%, so the period's 1 deal(s) earned 52,500.00",
    );
    expect(e.rows.map((r) => [r.label, r.sheet, r.address])).toEqual([
      ["Deals row 2: D2", "Deals", dealsRow(wb, "Deals", 2)],
    ]);
    expect(e.rows[0].detail).toBe(
      "Credit 90,000.00 · Closed 2026-02-10 (period 2) · Stage Won · Commission Current 52,500.00",
    );
    expect(e.inputs.find((x) => x.label === "Earned")!.value).toBe("52,500.00");
    expect(e.inputs.filter((x) => ["mode", "threshold", "cap", "tiers"].includes(x.label)).map((x) => x.value)).toEqual(
      ["2 tier(s)", "MARGINAL", "(none)", "(none)"],
    );
    expect(e.inputs.find((x) => x.label === "target_incentive")!.value).toBe("60,000.00");
    // PAYOUT_EXPLAIN at 125%: 1 x 1 x 60,000 and 0.25 x 1.5 x 60,000 = 22,500.
    expect(e.breakdown!.slice(1).map((r) => [r[0], r[4], r[5]])).toEqual([
      ["Tier 1 (MARGINAL)", 1, 60000],
      ["Tier 2 (MARGINAL)", 0.25, 22500],
      ["Threshold", "no threshold", 0],
      ["Cap", "no cap", 0],
      ["Total", "", 82500],
    ]);
  });

  test("the proposed plan's row of the same period is explained with the proposed curve", async () => {
    selectIn(wb, BACKTEST_TABLES.ledger, 12 + 1, "Paid");
    const e = await explainActiveCell(host);
    expect(e.title).toBe("R1, Proposed plan, period 2: Paid");
    expect(e.inWords).toContain(
      "the curve pays 90,000.00 at 125.0% of the year's quota (120,000.00) and paid 30,000.00 at 50.0%",
    );
    expect(e.inputs.find((x) => x.label === "Paid")!.value).toBe("60,000.00");
  });

  test("a deal's commission line beside the credits: the move this one deal makes", async () => {
    // Credit rows in booking order: D1, D2, D3. D2's line under the current plan.
    const t = wb.tables().find((x) => x.name === BACKTEST_TABLES.credits)!;
    const letter = ledgerGeometry({ periods: [], people: [], credits: [], problems: [], notes: [] }, 0).creditLetter(
      creditColumn("Earned", "current"),
    );
    expect(ALL_LINE_COLUMNS).toContain(creditColumn("Earned", "current"));
    wb.select(BACKTEST_SHEETS.ledger, `${letter}${t.anchor.row + 3}`);
    const e = await explainActiveCell(host);
    expect(e.title).toBe("R1: commission on deal D2, Current plan");
    expect(e.inWords).toContain(
      "the curve's measure moves from 50.0% to 125.0% of the year's quota (120,000.00) with this deal: it pays 82,500.00 after it and 30,000.00 before it, so the deal earns 52,500.00",
    );
    expect(e.rows.map((r) => r.label)).toEqual(["Deals row 2: D2"]);
  });

  test("a ledger row's Person cell explains what the row pays", async () => {
    selectIn(wb, BACKTEST_TABLES.ledger, 1, "Person");
    const e = await explainActiveCell(host);
    expect(e.title).toBe("R1, Current plan, period 2: Person");
    expect(e.inWords).toMatch(/^Paid of R1 \(AE\) in period 2, 2026-02-01 to 2026-02-28, under the Current plan: /);
    expect(e.inputs.find((x) => x.label === "Paid")!.value).toBe("52,500.00");
    expect(e.rows.map((r) => r.label)).toEqual(["Deals row 2: D2"]);
  });

  test("a lost deal's credit row says that it does not count", async () => {
    selectIn(wb, BACKTEST_TABLES.credits, 2, creditColumn("Counts", "proposed"));
    const e = await explainActiveCell(host);
    expect(e.title).toBe("R1: commission on deal D3, Proposed plan");
    expect(e.inWords).toContain("Its stage does not count under the Proposed plan, so it earns nothing there.");
    expect(e.rows[0].detail).toContain("Not counted by the Proposed plan");
  });

  test("a comparison row: pay under each plan, the difference, and every deal with its commissions", async () => {
    // Current pays 30,000 + 52,500 = 82,500; proposed 30,000 + 60,000 = 90,000: a winner by 7,500.
    selectIn(wb, BACKTEST_TABLES.comparison, 0, "Flag");
    const e = await explainActiveCell(host);
    expect(e.title).toBe("R1: Flag");
    expect(e.inWords).toBe(
      "R1 is paid 90,000.00 under the Proposed plan and 82,500.00 under the Current plan: Winner. The 2 deal(s) credited to R1 are listed below with their commission under each plan.",
    );
    expect(e.inputs.find((x) => x.label === "Pay Current")!.source).toBe(
      "Paid on the Payout Ledger, summed over the year: period 1 30,000.00; period 2 52,500.00",
    );
    expect(e.inputs.find((x) => x.label === "Difference")!.value).toBe("7,500.00");
    expect(e.rows.map((r) => r.label)).toEqual(["Deals row 1: D1", "Deals row 2: D2"]);
  });

  test("a statement's deal line is that deal's commission; its total is the ledger's Paid", async () => {
    const lines = rowsOf(wb, BACKTEST_TABLES.statements);
    const deal = lines.findIndex((l) => l.Line === STATEMENT_LINES.deal && l.Item === "D2");
    selectIn(wb, BACKTEST_TABLES.statements, deal, "Amount");
    const e = await explainActiveCell(host);
    expect(e.title).toBe("R1: commission on deal D2, Proposed plan");
    expect(e.inWords).toContain("so the deal earns 60,000.00");
    const total = lines.findIndex((l, i) => i > deal && l.Line === STATEMENT_LINES.total);
    selectIn(wb, BACKTEST_TABLES.statements, total, "Amount");
    const t = await explainActiveCell(host);
    expect(t.title).toBe("R1, Proposed plan, period 2: Paid");
    expect(t.rows.map((r) => r.label)).toEqual(["Deals row 2: D2"]);
  });
});

describe("Explain on the back-test of the sample workbook", () => {
  let wb: PreviewWorkbook;
  let host: PreviewHost;
  let result: BacktestResult;

  beforeAll(async () => {
    wb = new PreviewWorkbook();
    loadSample(wb);
    host = new PreviewHost(wb);
    result = await runBacktestStep(host, sampleBacktestSettings());
  }, 60_000);

  test("every ledger Earned cell of an AE lists exactly the counted deals of its period and adds up to the core's figure", async () => {
    const n = result.data.periods.length;
    const j = result.data.people.findIndex((p) => p.role === "AE");
    const person = result.data.people[j];
    const won = new Set(["won", "closed won"]);
    for (const [half, plan] of [
      [0, "current"],
      [1, "proposed"],
    ] as const) {
      for (let k = 1; k <= n; k++) {
        const row = half * result.data.people.length * n + j * n + k - 1;
        selectIn(wb, BACKTEST_TABLES.ledger, row, "Earned");
        const e = await explainActiveCell(host);
        const mine = result.data.credits.filter(
          (c) => c.person === person.id && c.period === k && won.has(c.stage.trim().toLowerCase()),
        );
        expect(e.title).toBe(`${person.id}, ${plan === "current" ? "Current" : "Proposed"} plan, period ${k}: Earned`);
        expect(e.rows.map((r) => r.label)).toEqual(mine.map((c) => `Deals row ${c.dealRow}: ${c.deal}`));
        const earned = result.ledgers[plan].rows[j * n + k - 1].earned;
        expect(e.inputs.find((x) => x.label === "Earned")!.value).toBe(showMoney(earned));
        if (mine.length) expect(e.inWords).toContain(`deal(s) earned ${showMoney(earned)}`);
      }
    }
  }, 120_000);

  test("a person's proposed pay on the comparison lists their deals with links to the Deals sheet", async () => {
    const j = result.data.people.findIndex((p) => p.role === "AE");
    const person = result.data.people[j];
    selectIn(wb, BACKTEST_TABLES.comparison, j, "Pay proposed");
    const e = await explainActiveCell(host);
    expect(e.title).toBe(`${person.id}: Pay proposed`);
    const won = new Set(["won", "closed won"]);
    const mine = result.data.credits.filter((c) => c.person === person.id && won.has(c.stage.trim().toLowerCase()));
    expect(e.rows).toHaveLength(mine.length);
    expect(e.rows.every((r) => r.sheet === "Deals")).toBe(true);
    const paid = result.ledgers.proposed.rows.slice(j * 12, j * 12 + 12).reduce((a, r) => a + r.paid, 0);
    expect(e.inputs[0].value).toBe(showMoney(paid));
  });

  test("an SDR's split credit says it is split with SPLIT_CREDIT", async () => {
    const i = result.data.credits.findIndex((c) => c.role === "SDR" && c.share === 0.5);
    selectIn(wb, BACKTEST_TABLES.credits, i, "Credit");
    const e = await explainActiveCell(host);
    expect(e.title).toBe(`Deal ${result.data.credits[i].deal} credited to ${result.data.credits[i].person}`);
    expect(e.inputs.find((x) => x.label === "Credit")!.source).toMatch(/COMP\.SPLIT_CREDIT/);
    expect(e.rows[0].detail).toMatch(/^Credit [\d,]+\.\d\d \(50\.0% of [\d,]+\.\d\d\)/);
  });

  test("an Attainment cell shows COMP.QUOTA_ATTAINMENT's arguments: this row's credited and quota", async () => {
    const j = result.data.people.findIndex((p) => p.role === "AE");
    const row = result.ledgers.current.rows[j * 12 + 5];
    selectIn(wb, BACKTEST_TABLES.ledger, j * 12 + 5, "Attainment");
    const e = await explainActiveCell(host);
    expect(e.formula).toMatch(/COMP\.QUOTA_ATTAINMENT/);
    const arg = (label: string) => e.inputs.find((x) => x.label === label)!.value;
    expect(arg("QUOTA_ATTAINMENT quota")).toBe((1_100_000 / 12).toLocaleString("en-US", { maximumFractionDigits: 4 }));
    expect(arg("QUOTA_ATTAINMENT actual")).toBe(row.credited.toLocaleString("en-US", { maximumFractionDigits: 4 }));
  });
});

describe("Explain on the back-test: a joiner's prorated quota", () => {
  test("a Quota cell shows COMP.PRORATE's arguments with their values", async () => {
    // R2 joins on 2026-07-16 with a quota of 10,000 a month (120,000 a year): July's quota is
    // PRORATE(120,000, the 12 periods, 2026-07-16) for period 7 = 120,000 / 12 x 16/31 days = 5,161.29.
    const { wb, host } = book(
      [["D1", "R2", "Won", d(7, 15), 60000, "", "", "", ""]],
      [["R2", "AE", d(7, 16), "", 10000, ""]],
    );
    await runBacktestStep(host, settings(plan("Current", [rolePlan("AE")]), plan("Proposed", [rolePlan("AE")])));
    selectIn(wb, BACKTEST_TABLES.ledger, 6, "Quota");
    const e = await explainActiveCell(host);
    expect(e.formula).toMatch(/^=INDEX\(COMP\.PRORATE\(/);
    const arg = (label: string) => e.inputs.find((x) => x.label === label)!;
    expect(arg("PRORATE amount").value).toBe("120,000");
    expect(arg("PRORATE periods")).toMatchObject({ value: "12 x 2 range" });
    expect(arg("PRORATE start_date").value).toBe("2026-07-16");
    expect(e.inputs.find((x) => x.label === "Quota")!.value).toBe(showMoney((10000 * 16) / 31));
    expect(e.rows).toEqual([]);
  }, 60_000);
});

describe("Explain on the back-test: property", () => {
  test("for random deals, each period's Earned lists exactly its won deals and the curve's move equals the core's figure", async () => {
    const deal = fc.record({
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      amount: fc.integer({ min: 1, max: 900 }).map((x) => x * 100),
      won: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(deal, { minLength: 1, maxLength: 6 }), async (ds) => {
        const rows = ds.map((x, i) => [
          `D${i + 1}`,
          "R1",
          x.won ? "Won" : "Lost",
          d(x.month, x.day),
          x.amount,
          "",
          "",
          "",
          "",
        ]);
        const { wb, host } = book(rows, [["R1", "AE", "", "", 10000, ""]]);
        const r = await runBacktestStep(
          host,
          settings(plan("Current", [rolePlan("AE")]), plan("Proposed", [rolePlan("AE")])),
        );
        for (const k of new Set(ds.map((x) => x.month))) {
          selectIn(wb, BACKTEST_TABLES.ledger, k - 1, "Earned");
          const e = await explainActiveCell(host);
          const won = r.data.credits.filter((c) => c.period === k && c.stage === "Won");
          expect(e.rows.map((x) => x.label)).toEqual(won.map((c) => `Deals row ${c.dealRow}: ${c.deal}`));
          const earned = showMoney(r.ledgers.current.rows[k - 1].earned);
          expect(e.inputs.find((x) => x.label === "Earned")!.value).toBe(earned);
          if (won.length) expect(e.inWords).toContain(`deal(s) earned ${earned}`);
        }
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});

describe("Explain on the COMP.DRAW spills beside the ledger", () => {
  // Two AEs; R2 has a recoverable draw of 3,000 a month and closes nothing until March.
  const deals = [
    ["D1", "R1", "Won", d(1, 15), 60000, "", "", "", ""],
    ["D2", "R2", "Won", d(3, 10), 90000, "", "", "", ""],
  ];
  const people = [
    ["R1", "AE", "", "", 10000, ""],
    ["R2", "AE", "", "", 10000, 3000],
  ];
  async function run() {
    const { wb, host } = book(deals, people);
    const withDraw = rolePlan("AE", { draw: { recoverable: true, recoveryLimit: 1 } });
    await runBacktestStep(host, settings(plan("Current", [withDraw]), plan("Proposed", [withDraw])));
    return { wb, host };
  }
  /** Where the ledger's own cell reads the spill (its formula is a reference to the spill cell), as the engine has it. */
  function spillCellOf(wb: PreviewWorkbook, plan: string, person: string, period: number, column: string): string {
    const ledger = wb.tables().find((t) => t.name === BACKTEST_TABLES.ledger)!;
    const r = rowsOf(wb, BACKTEST_TABLES.ledger).findIndex(
      (l) => l.Plan === plan && l.Person === person && l.Period === period,
    );
    const formula = wb.cell(ledger.sheet, {
      row: ledger.anchor.row + 1 + r,
      col: ledger.anchor.col + ledger.headers.indexOf(column),
    }).formula!;
    return /^=\$?([A-Z]+)\$?(\d+)$/.exec(formula)!.slice(1).join("");
  }

  test("a spill cell is explained as the ledger figure it holds, with COMP.DRAW's arguments", async () => {
    const { wb, host } = await run();
    const address = spillCellOf(wb, "Proposed", "R2", 1, "Top-up");
    wb.select(BACKTEST_SHEETS.ledger, address);
    const e = await explainActiveCell(host);
    expect(e.title).toMatch(/Top-up.*\(COMP\.DRAW spill\)$/);
    expect(e.formula).toMatch(/^=COMP\.DRAW\(\$[A-Z]+\$\d+:\$[A-Z]+\$\d+,\$[A-Z]+\$\d+:\$[A-Z]+\$\d+,TRUE,1\)$/);
    expect(e.inWords).toContain("R2's draw under the Proposed plan");
    expect(e.inWords).toContain("Top-up of R2 (AE) in period 1");
    // Nothing earned in January: the whole draw is topped up, as the ledger's own cell says.
    const topUp = e.inputs.find((i) => i.label === "Top-up")!;
    expect(topUp.value).toBe(showMoney(3000));
    expect(e.inputs.some((i) => i.label.startsWith("DRAW "))).toBe(true);
  });

  test("the Earned column of the spill is the ledger's Payable; its header names the person and the plan", async () => {
    const { wb, host } = await run();
    const paid = parseAddress(spillCellOf(wb, "Current", "R1", 1, "Paid"));
    // DRAW's columns: Period, Earned, Draw, Top-up, Recovered, Paid, Owed.
    const earned = `${columnLetter(paid.col - 4)}${paid.row + 1}`;
    const header = `${columnLetter(paid.col - 5)}${paid.row}`;
    wb.select(BACKTEST_SHEETS.ledger, earned);
    const e = await explainActiveCell(host);
    expect(wb.cell(BACKTEST_SHEETS.ledger, parseAddress(earned)).value).toBe(
      rowsOf(wb, BACKTEST_TABLES.ledger).find((l) => l.Plan === "Current" && l.Person === "R1" && l.Period === 1)!
        .Payable,
    );
    expect(e.inWords).toContain("Earned (the ledger's Payable) column");
    expect(wb.cell(BACKTEST_SHEETS.ledger, parseAddress(header)).formula).toMatch(/^=COMP\.DRAW\(/);
    wb.select(BACKTEST_SHEETS.ledger, header);
    const h = await explainActiveCell(host);
    expect(h.title).toBe("COMP.DRAW: R1's draw under the Current plan");
    expect(h.inWords).toContain("The header of the COMP.DRAW spill");
    // The next block's header shares a row with this block's last period, in the other group of columns.
    const next = parseAddress(spillCellOf(wb, "Current", "R2", 1, "Paid"));
    const nextHeader = `${columnLetter(next.col - 5)}${next.row}`;
    expect(next.col).not.toBe(paid.col);
    expect(wb.cell(BACKTEST_SHEETS.ledger, parseAddress(nextHeader)).formula).toMatch(/^=COMP\.DRAW\(/);
    wb.select(BACKTEST_SHEETS.ledger, nextHeader);
    expect((await explainActiveCell(host)).title).toBe("COMP.DRAW: R2's draw under the Current plan");
    const lastOfR1 = spillCellOf(wb, "Current", "R1", 12, "Paid");
    expect(parseAddress(lastOfR1).row).toBe(next.row - 1);
    wb.select(BACKTEST_SHEETS.ledger, lastOfR1);
    expect((await explainActiveCell(host)).inWords).toContain("Paid of R1 (AE) in period 12");
  });
});
