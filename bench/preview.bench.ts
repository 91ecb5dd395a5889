/**
 * The preview's spreadsheet engine with the COMP plugin: paste 10,000 rows under a column of
 * 10,000 PAYOUT formulas, and recalculate the column after a change to the tiers it uses.
 * Target (issue: run the add-in anywhere): under 2 s to recalculate a 10,000-row PAYOUT column.
 */
import { compileCurve, CompiledCurve, payout } from "../src/core/tiers";
import { PreviewWorkbook } from "../src/workbook/preview/previewWorkbook";
import { CaseResult, peakMiB, runCaseFromArgv, seeded, timeMedian } from "./harness";

const ROWS = 10_000;

function workbook(): PreviewWorkbook {
  const wb = new PreviewWorkbook();
  wb.addSheet("Plan");
  wb.batch(() => {
    wb.setCell("Plan", { row: 0, col: 4 }, 0);
    wb.setCell("Plan", { row: 0, col: 5 }, 1);
    wb.setCell("Plan", { row: 1, col: 4 }, 1);
    wb.setCell("Plan", { row: 1, col: 5 }, 1.5);
    wb.setCell("Plan", { row: 2, col: 4 }, 1.25);
    wb.setCell("Plan", { row: 2, col: 5 }, 2);
  });
  wb.setBlock(
    "Plan",
    { row: 0, col: 2 },
    Array.from({ length: ROWS }, (_, r) => [`=COMP.PAYOUT(A${r + 1},B${r + 1},$E$1:$F$3,"MARGINAL",,2.5)`]),
  );
  return wb;
}

function pasteRows(wb: PreviewWorkbook, seed: number): void {
  const rnd = seeded(seed);
  const rows = Array.from({ length: ROWS }, () => [
    Math.round(Math.exp((rnd() - 0.5) * 1.2) * 10000) / 10000,
    Math.round(20000 + rnd() * 80000),
  ]);
  wb.setBlock("Plan", { row: 0, col: 0 }, rows);
}

function paste(): CaseResult {
  const wb = workbook();
  let seed = 1;
  const ms = timeMedian(() => pasteRows(wb, seed++), 5, 1);
  const curve = compileCurve({
    tiers: [
      { lower: 0, rate: 1 },
      { lower: 1, rate: 1.5 },
      { lower: 1.25, rate: 2 },
    ],
    mode: "MARGINAL",
    threshold: null,
    cap: 2.5,
  }) as CompiledCurve;
  const baselineMs = timeMedian(() => {
    const rnd = seeded(seed++);
    for (let r = 0; r < ROWS; r++)
      payout(Math.round(Math.exp((rnd() - 0.5) * 1.2) * 10000) / 10000, Math.round(20000 + rnd() * 80000), curve);
  });
  return {
    name: "Preview: paste 10,000 rows under 10,000 PAYOUT formulas (recalculates them)",
    rows: ROWS,
    ms,
    baselineMs,
    peakMiB: peakMiB(),
    notes: "baseline: the same 10,000 payouts computed directly by the core",
  };
}

function recalc(): CaseResult {
  const wb = workbook();
  pasteRows(wb, 1);
  let rate = 2;
  const ms = timeMedian(() => wb.setCell("Plan", { row: 2, col: 5 }, (rate += 0.01)), 5, 1);
  const check = wb.cell("Plan", { row: 0, col: 2 }).value;
  if (typeof check !== "number") throw new Error(`PAYOUT did not compute: ${JSON.stringify(check)}`);
  return {
    name: "Preview: recalculate a 10,000-row PAYOUT column after a tier change",
    rows: ROWS,
    ms,
    baselineMs: 0,
    peakMiB: peakMiB(),
    notes: "target < 2,000 ms",
  };
}

runCaseFromArgv({ "preview-paste": paste, "preview-recalc": recalc });
