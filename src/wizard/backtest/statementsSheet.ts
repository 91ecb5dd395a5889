import { LedgerResult } from "../../core/ledger";
import { CellInput, SheetSpec } from "../../workbook/sheetSpec";
import {
  BACKTEST_SHEETS,
  BACKTEST_TABLES,
  creditColumn,
  LedgerColumn,
  PlanKey,
  STATEMENT_COLUMNS,
  STATEMENT_LINES,
} from "./backtestLayout";
import { BacktestSettings } from "./backtestSettings";
import { LedgerGeometry, planFor } from "./ledgerSheet";
import { isoDate } from "../../core/dates";
import { BacktestData, countedStages } from "./readBacktest";

/**
 * "Statements": for the chosen plan, one block of lines per person and period with anything in
 * it, that a rep could read: a title, each credited deal with its credit and commission, the
 * tier slices of the period's move along the curve (marginal curves; negative where reversals
 * move it back down), the adjustments the plan
 * has (held back, released, clawed back, draw top-up and recovery) and the total paid. Every
 * figure is a reference to the Payout Ledger, so the statement is the ledger's own numbers.
 */
export function statementsSheet(
  data: BacktestData,
  s: BacktestSettings,
  g: LedgerGeometry,
  plan: PlanKey,
  result: LedgerResult,
): SheetSpec {
  const L = STATEMENT_LINES;
  const n = data.periods.length;
  const rows: CellInput[][] = [];
  const byPerson = new Map<string, number[]>();
  data.credits.forEach((c, i) => {
    const list = byPerson.get(c.person);
    if (list) list.push(i);
    else byPerson.set(c.person, [i]);
  });
  data.people.forEach((person, j) => {
    const { rp, index } = planFor(s, plan, person.role);
    const stages = countedStages(rp);
    const own = (byPerson.get(person.id) ?? []).filter(
      (i) => stages === null || stages.has(data.credits[i].stage.trim().toLowerCase()),
    );
    const timing = rp.payTiming ?? { kind: "BOOKING" };
    for (let k = 1; k <= n; k++) {
      const lr = g.ledgerRow(plan, j, k);
      const figures = result.rows[j * n + k - 1];
      const deals = own.filter((i) => data.credits[i].period === k);
      const moves = [
        figures.earned,
        figures.heldBack,
        figures.released,
        figures.clawedBack,
        figures.topUp,
        figures.recovered,
        figures.paid,
      ].some((v) => v !== 0);
      if (deals.length === 0 && !moves) continue;
      const ref = (c: LedgerColumn) => ({ formula: `=${g.ledgerCell(c, lr)}` });
      const neg = (c: LedgerColumn) => ({
        formula: `=-${g.ledgerCell(c, lr)}`,
      });
      const p = data.periods[k - 1];
      rows.push([
        person.id,
        k,
        L.title,
        `${person.id} (${person.role}), ${s[plan].name} plan, period ${k}: ${isoDate(p.first)} to ${isoDate(p.last)}`,
        "",
        "",
        "",
        "",
      ]);
      for (const i of deals) {
        const c = data.credits[i];
        const r = g.creditRow(i);
        rows.push([
          person.id,
          k,
          L.deal,
          c.deal,
          c.date,
          { formula: `=${g.creditCell("Credit", r)}` },
          "",
          { formula: `=${g.creditCell(creditColumn("Earned", plan), r)}` },
        ]);
      }
      if (deals.length && rp.curve.mode === "MARGINAL" && rp.curve.threshold === null && rp.curve.cap === null) {
        // The period moves the curve's measure from m0 to m1; each tier pays its slice at its rate.
        const credited = g.ledgerCell("Credited", lr);
        const ytd = g.ledgerCell("Credited YTD", lr);
        const reset = rp.attainment === "RESET";
        const start = reset ? "0" : `(${ytd}-${credited})`;
        const end = reset ? credited : ytd;
        const divisor =
          rp.curveOn === "AMOUNT"
            ? ""
            : `/${reset ? g.ledgerCell("Quota", lr) : g.ledgerCell("Year quota", g.ledgerRow(plan, j))}`;
        const ti =
          rp.curveOn === "AMOUNT"
            ? String(rp.targetIncentive)
            : reset
              ? g.ledgerCell("Target incentive", lr)
              : // The year's figures are on the first row of the person's block.
                g.ledgerCell("Year target incentive", g.ledgerRow(plan, j));
        const tiers = BACKTEST_TABLES.tiers(plan, index);
        rp.curve.tiers.forEach((t, ti2) => {
          const lower = `INDEX(${tiers}[Lower bound],${ti2 + 1})`;
          const upper = ti2 + 1 < rp.curve.tiers.length ? `INDEX(${tiers}[Lower bound],${ti2 + 2})` : null;
          // The part of [from, to] inside the tier (0 when none); the last tier has no upper bound.
          const overlap = (from: string, to: string) =>
            `MAX(0,${upper === null ? to : `MIN(${upper},${to})`}-MAX(${lower},${from}))`;
          // A move up the curve fills the tier's slice; a move down (reversals) gives it back.
          const [m0, m1] = [`${start}${divisor}`, `${end}${divisor}`];
          const label =
            rp.curveOn === "ATTAINMENT" ? `Tier from ${+(t.lower * 100).toFixed(4)}%` : `Tier from ${t.lower}`;
          rows.push([
            person.id,
            k,
            L.tier,
            label,
            "",
            { formula: `=${overlap(m0, m1)}-${overlap(m1, m0)}` },
            { formula: `=INDEX(${tiers}[Rate],${ti2 + 1})` },
            { formula: `=[@Credit]*[@Rate]*${ti}` },
          ]);
        });
      }
      if (timing.kind !== "BOOKING") {
        rows.push([person.id, k, L.heldBack, "", "", "", "", neg("Held back")]);
        rows.push([person.id, k, L.released, "", "", "", "", ref("Released")]);
      }
      if (rp.clawback) rows.push([person.id, k, L.clawedBack, "", "", "", "", ref("Clawed back")]);
      rows.push([person.id, k, L.topUp, "", "", "", "", ref("Top-up")]);
      rows.push([person.id, k, L.recovered, "", "", "", "", neg("Recovered")]);
      rows.push([person.id, k, L.total, "", "", "", "", ref("Paid")]);
    }
  });
  return {
    name: BACKTEST_SHEETS.statements,
    cells: [
      {
        address: "A1",
        value: `Statements ${s.year}, ${s[plan].name} plan: per person and period, each deal credited, the tier slices, adjustments and the total paid`,
        bold: true,
      },
      {
        address: "A2",
        value:
          "Every amount is read from the Payout Ledger. Tier slices show how the period's move along the curve was paid (marginal curves without threshold or cap).",
      },
    ],
    tables: [
      {
        name: BACKTEST_TABLES.statements,
        anchor: "A4",
        headers: [...STATEMENT_COLUMNS],
        rows,
        numberFormats: {
          Date: "yyyy-mm-dd",
          Credit: "#,##0.00##",
          Rate: "0.00##",
          Amount: "#,##0.00",
        },
      },
    ],
    freeze: { rows: 4, columns: 0 },
    columnWidths: { A: 70, C: 90, D: 380 },
  };
}
