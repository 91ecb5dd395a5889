import { QuotaPlan, SimulationResult } from "../../core/quotas";
import { CellSpec, SheetSpec } from "../../workbook/sheetSpec";
import {
  DISTRIBUTION_COLUMNS,
  DISTRIBUTION_POINTS,
  HISTOGRAM_COLUMNS,
  POINT_COLUMNS,
  QUOTA_REP_COLUMNS,
  quotaNames,
} from "./layout";

/** What the sheet records about how the quotas were set. */
export interface QuotaSheetInputs {
  readonly period: "month" | "quarter" | "year";
  readonly targetShare: number;
  readonly method: "equal-stretch" | "equal-probability";
  readonly overAssignment: number;
  readonly rounding: number;
}

/** The first row of the notes under the trade-off. */
const NOTES_AT = 12;
/** The reps table starts at row 16, or lower when there are more than four notes. */
const MIN_REPS_AT = 16;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const money = (x: number) => Math.round(x).toLocaleString("en-US");

/**
 * The trade-off between the share of reps reaching quota and the wanted total, in words: when
 * they conflict, what each would need and which one the quotas keep (the sheet's rows 10-11 and,
 * on a conflict, the step's summary).
 */
export function tradeOffLines(plan: QuotaPlan, inputs: QuotaSheetInputs): string[] {
  const t = plan.tradeOff;
  return t.conflict
    ? [
        `Trade-off: ${pct(inputs.targetShare)} of reps reaching quota needs total quota of ${money(t.totalForShare)}, ${money(t.totalWanted - t.totalForShare)} below the target plus the wanted ${pct(inputs.overAssignment)} over-assignment (${money(t.totalWanted)}).`,
        `Keeping the total at ${money(t.totalWanted)} instead implies ${pct(t.shareAtWantedTotal)} of reps reaching quota. These quotas keep the ${t.kept === "share" ? 'share (choose "Keep the total" in the Quotas step to keep the over-assignment instead)' : 'total (choose "Keep the share" in the Quotas step to keep the share instead)'}.`,
      ]
    : [
        `No conflict: ${pct(inputs.targetShare)} attaining needs ${money(t.totalForShare)} of quota, at least the wanted ${money(t.totalWanted)}.`,
      ];
}

/**
 * The "Quotas" sheet: the inputs, a summary whose figures are live formulas over the reps table
 * (sum of quotas, over-assignment, expected share), the simulated band and the threshold and
 * excellence points (values, as simulated when the step ran), the trade-off in words, the reps
 * (forecast and quota as values; stretch and probability as formulas, so editing a quota
 * updates them), and a histogram of simulated attainment.
 */
export function quotasSheet(
  sheet: string,
  plan: QuotaPlan,
  sim: SimulationResult,
  inputs: QuotaSheetInputs,
  potentialOf: ReadonlyMap<string, number>,
  extraNotes: readonly string[] = [],
): SheetSpec {
  const n = quotaNames(sheet);
  const notes = [...extraNotes, ...plan.notes];
  // Every note is written; the tables start below the last one.
  const repsAt = Math.max(MIN_REPS_AT, NOTES_AT + notes.length);
  const R = (col: string) => `${n.reps}[${col}]`;
  const tradeOff = tradeOffLines(plan, inputs);
  const cells: CellSpec[] = [
    { address: "A1", value: `Quotas (${inputs.period})`, bold: true },
    { address: "A3", value: "Company target", bold: true },
    { address: "B3", value: plan.summary.companyTarget, numberFormat: "#,##0" },
    { address: "A4", value: "Target share of reps reaching quota", bold: true },
    { address: "B4", value: inputs.targetShare, numberFormat: "0%" },
    { address: "A5", value: "Method", bold: true },
    { address: "B5", value: inputs.method === "equal-stretch" ? "Equal stretch" : "Equal probability" },
    {
      address: "A6",
      value: `Spread sigma (${plan.summary.sigmaSource === "history" ? "fitted from history" : "entered"})`,
      bold: true,
    },
    { address: "B6", value: plan.summary.sigma, numberFormat: "0.000" },
    { address: "A7", value: "Rounding step", bold: true },
    { address: "B7", value: inputs.rounding, numberFormat: "#,##0.##" },
    { address: "D3", value: "Sum of quotas", bold: true },
    { address: "G3", value: { formula: `=SUM(${R("Quota")})` }, numberFormat: "#,##0" },
    { address: "D4", value: "Over-assignment (sum / target - 1)", bold: true },
    { address: "G4", value: { formula: `=G3/${n.target}-1` }, numberFormat: "0.0%" },
    { address: "D5", value: "Expected share reaching quota (model)", bold: true },
    { address: "G5", value: { formula: `=AVERAGE(${R("Probability")})` }, numberFormat: "0.0%" },
    {
      address: "D6",
      value: `Simulated share, 10th-90th percentile (${sim.draws.toLocaleString("en-US")} draws)`,
      bold: true,
    },
    { address: "G6", value: sim.band[0], numberFormat: "0%" },
    { address: "H6", value: sim.band[1], numberFormat: "0%" },
    { address: "D7", value: "Threshold point: attainment 92.5% of reps pass", bold: true },
    { address: "G7", value: sim.threshold, numberFormat: "0.0%" },
    { address: "D8", value: "Excellence point: attainment only the top 7.5% reach", bold: true },
    { address: "G8", value: sim.excellence, numberFormat: "0.0%" },
    ...tradeOff.map((text, i): CellSpec => ({ address: `A${10 + i}`, value: text })),
    ...notes.map((text, i): CellSpec => ({ address: `A${NOTES_AT + i}`, value: text })),
  ];
  const reps = plan.reps.map((r) => {
    return [
      r.id,
      potentialOf.get(r.id) ?? "",
      r.forecast,
      r.quota,
      { formula: "=[@Quota]/[@Forecast]" },
      { formula: "=IF([@Quota]<=0,1,1-NORM.S.DIST(LN([@Quota]/[@Forecast])/[@Sigma],TRUE))" },
      r.sigma,
    ];
  });
  return {
    name: sheet,
    tables: [
      {
        name: n.reps,
        anchor: `A${repsAt}`,
        headers: [...QUOTA_REP_COLUMNS],
        rows: reps,
        numberFormats: {
          Potential: "#,##0",
          Forecast: "#,##0",
          Quota: "#,##0",
          Stretch: "0.000",
          Probability: "0.0%",
          Sigma: "0.000",
        },
      },
      {
        // 100 equally likely attainments (quantiles at 0.5%, 1.5%, ... 99.5% of the simulation):
        // the distribution the OTE scenarios take expected costs over.
        name: n.distribution,
        anchor: `M${repsAt}`,
        headers: [...DISTRIBUTION_COLUMNS],
        rows: sim.quantiles.map((a, j) => [(j + 0.5) / 100, a]),
        numberFormats: { Quantile: "0.0%", Attainment: "0.0%" },
      },
      {
        name: n.points,
        anchor: `P${repsAt}`,
        headers: [...POINT_COLUMNS],
        rows: [...sim.percentiles, sim.excellence].map((a, i) => [DISTRIBUTION_POINTS[i], a]),
        numberFormats: { Attainment: "0.0%" },
      },
      {
        name: n.histogram,
        anchor: `J${repsAt}`,
        headers: [...HISTOGRAM_COLUMNS],
        rows: sim.histogram.map((b) => [
          b.to === null ? `${Math.round(b.from * 100)}%+` : `${Math.round(b.from * 100)}-${Math.round(b.to * 100)}%`,
          b.share,
        ]),
        numberFormats: { "Share of reps": "0.0%" },
      },
    ],
    cells,
    namedRanges: [{ name: n.target, address: "B3" }],
    columnWidths: { A: 230, D: 300 },
    freeze: { rows: repsAt, columns: 0 },
    charts: [
      {
        type: "column",
        title: "Simulated attainment",
        anchor: "S2",
        categories: { table: n.histogram, column: "Attainment" },
        series: [{ name: "Share of reps", values: { table: n.histogram, column: "Share of reps" } }],
      },
    ],
  };
}
