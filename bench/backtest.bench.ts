/**
 * The back-test at scale (issue: back-test): 300 people, 12 months, 50,000 deals, both plans,
 * written as live formulas into the preview's engine and recalculated; target under 10 s. The
 * baseline is the ledger core computing both plans directly. Sizes can be reduced with
 * BACKTEST_PEOPLE and BACKTEST_DEALS to see how the time grows.
 */
import { dateSerial } from "../src/core/dates";
import { PreviewWorkbook } from "../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../src/workbook/previewHost";
import { BacktestPlan, BacktestSettings } from "../src/wizard/backtest/backtestSettings";
import { ledgerInput, readBacktest } from "../src/wizard/backtest/readBacktest";
import { runBacktestStep } from "../src/wizard/backtest/runBacktestStep";
import { SAMPLE_CURRENT, SAMPLE_PROPOSED, sampleBacktestSettings } from "../src/wizard/backtest/sampleBacktest";
import { runLedger } from "../src/core/ledger";
import { CaseResult, peakMiB, seeded } from "./harness";

const PEOPLE = Number(process.env.BACKTEST_PEOPLE ?? 300);
const DEALS = Number(process.env.BACKTEST_DEALS ?? 50_000);

function data(): { people: unknown[][]; deals: unknown[][] } {
  const rnd = seeded(7);
  const people = Array.from({ length: PEOPLE }, (_, i) => [
    `P${i + 1}`,
    i % 10 < 2 ? "SDR" : i % 10 < 8 ? "AE" : "CSR/AM",
    dateSerial(2020, 1, 1),
  ]);
  const closers = people.filter((p) => p[1] !== "SDR");
  const sdrs = people.filter((p) => p[1] === "SDR");
  const deals = Array.from({ length: DEALS }, (_, i) => {
    const closed = dateSerial(2026, 1, 1) + Math.floor(rnd() * 365);
    const won = rnd() < 0.6;
    const sdr = won && rnd() < 0.3 ? sdrs[Math.floor(rnd() * sdrs.length)][0] : "";
    return [
      `D${i + 1}`,
      closers[Math.floor(rnd() * closers.length)][0],
      won ? "Won" : "Lost",
      closed,
      Math.round(2000 + rnd() * 60000),
      won && rnd() < 0.85 ? closed + 20 + Math.floor(rnd() * 60) : "",
      won && rnd() < 0.05 ? closed + 30 + Math.floor(rnd() * 200) : "",
      sdr,
      sdr ? 1 : "",
    ];
  });
  return { people, deals };
}

function book(d: ReturnType<typeof data>): PreviewWorkbook {
  const wb = new PreviewWorkbook();
  const tables = [
    {
      sheet: "Deals",
      table: "Deals",
      headers: ["Deal ID", "Owner", "Stage", "Closed", "Amount", "Payment Date", "Cancel Date", "SDR", "SDR Share"],
      rows: d.deals,
    },
    { sheet: "Reps", table: "Reps", headers: ["Rep ID", "Role", "Start Date"], rows: d.people },
  ];
  for (const t of tables) {
    wb.addSheet(t.sheet);
    writeSpec(wb, {
      name: t.sheet,
      tables: [{ name: t.table, anchor: "A1", headers: t.headers, rows: t.rows as never }],
    });
  }
  return wb;
}

async function large(): Promise<CaseResult> {
  const d = data();
  const s: BacktestSettings = sampleBacktestSettings({ outsideYear: "refuse" });
  const wb = book(d);
  const t0 = process.hrtime.bigint();
  await runBacktestStep(new PreviewHost(wb), s);
  const written = Number(process.hrtime.bigint() - t0) / 1e6;
  // Recalculate after a change to the proposed AE tiers (every AE formula of that plan depends on it).
  const t1 = process.hrtime.bigint();
  const tiers = wb.tables().find((t) => t.name === "BT_Tiers_proposed_1")!;
  wb.setCell(tiers.sheet, { row: tiers.anchor.row + 2, col: tiers.anchor.col + 1 }, 1.9);
  const recalc = Number(process.hrtime.bigint() - t1) / 1e6;
  const b0 = process.hrtime.bigint();
  const hostData = readBacktest(
    s,
    {
      source: "Deals",
      headers: ["Deal ID", "Owner", "Stage", "Closed", "Amount", "Payment Date", "Cancel Date", "SDR", "SDR Share"],
      rows: d.deals,
    },
    { source: "Reps", headers: ["Rep ID", "Role", "Start Date"], rows: d.people },
    null,
  );
  for (const plan of [SAMPLE_CURRENT, SAMPLE_PROPOSED] as BacktestPlan[]) runLedger(ledgerInput(hostData, plan, s));
  const baselineMs = Number(process.hrtime.bigint() - b0) / 1e6;
  return {
    name: `Back-test: ${PEOPLE} people x 12 months, ${DEALS.toLocaleString("en-US")} deals, both plans, written and recalculated in the preview`,
    rows: DEALS,
    ms: written + recalc,
    baselineMs,
    peakMiB: peakMiB(),
    notes: `target < 10,000 ms; write ${Math.round(written)} ms, recalculation after a tier change ${Math.round(recalc)} ms; baseline: the ledger core alone, both plans`,
  };
}

const name = process.argv[2];
if (name !== "backtest-large") {
  console.error(`unknown case "${name}"; cases: backtest-large`);
  process.exit(2);
}
void large().then((r) => console.log(JSON.stringify(r)));
