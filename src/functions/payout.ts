import { CalcError, isCalcError, messages } from "../core/errors";
import { CompiledCurve, explainPayout, payout as corePayout } from "../core/tiers";
import { CURVE_OPTIONS, curveOf } from "./curveArgs";
import { defineFunction, elementwiseSize } from "./functionSpec";
import { cells, eachCell, num, tiers } from "./params";
import { OutMatrix, OutValue } from "./values";

/**
 * PAYOUT(attainment, target_incentive, tiers, [mode], [threshold], [cap]): target incentive x
 * f(attainment), element-wise over attainment and target incentive. A bad curve is one error;
 * a bad row is an error in that row only.
 */
export const PAYOUT = defineFunction({
  id: "PAYOUT",
  params: [
    cells("attainment", "any"),
    cells("target_incentive", "atLeast0"),
    tiers("tiers"),
    CURVE_OPTIONS.mode,
    CURVE_OPTIONS.threshold,
    CURVE_OPTIONS.cap,
  ],
  result: "matrix",
  spillSize: elementwiseSize,
  body: (attainment, targetIncentive, t, mode, threshold, cap) => {
    const curve = curveOf(t, mode, threshold, cap);
    if (isCalcError(curve)) return curve;
    return eachCell([attainment, targetIncentive], ([a, ti]) => corePayout(a, ti, curve));
  },
});

/** The PAYOUT adapter. */
export const payout = PAYOUT.compute;

/** The header row of PAYOUT_EXPLAIN's table. */
export const EXPLAIN_HEADERS = ["Step", "From", "To", "Rate", "Slice", "Payout"] as const;

/**
 * PAYOUT_EXPLAIN: PAYOUT for one attainment, spilled as a table: one row per tier (from, to,
 * rate, slice of the measure, payout from that slice), then the threshold and cap effects and the
 * total. The rows' payouts, added as Excel's SUM adds them, equal the total, which equals PAYOUT
 * exactly (a "Rounding" line holds any residue of adding the rows in doubles). Beyond Excel's
 * number range it is #NUM!, as PAYOUT is.
 */
export const PAYOUT_EXPLAIN = defineFunction({
  id: "PAYOUT_EXPLAIN",
  params: [
    num("attainment"),
    num("target_incentive", { limit: "atLeast0" }),
    tiers("tiers"),
    CURVE_OPTIONS.mode,
    CURVE_OPTIONS.threshold,
    CURVE_OPTIONS.cap,
  ],
  result: "matrix",
  // Header, one row per tier, threshold, cap, total; six columns.
  spillSize: (shapes) => ({ height: (shapes[2]?.height ?? 1) + 4, width: EXPLAIN_HEADERS.length }),
  body: (an, tn, t, mode, threshold, cap) => {
    const curve = curveOf(t, mode, threshold, cap);
    if (isCalcError(curve)) return curve;
    return explainRows(an, tn, curve);
  },
});

/** The PAYOUT_EXPLAIN adapter. */
export const payoutExplain = PAYOUT_EXPLAIN.compute;

function explainRows(an: number, tn: number, curve: CompiledCurve): OutMatrix | CalcError {
  const b = explainPayout(an, tn, curve);
  const { threshold: th, cap: cp, mode: md } = curve.curve;
  const rows: OutValue[][] = [[...EXPLAIN_HEADERS]];
  for (const line of b.lines) {
    rows.push([`Tier ${line.tier} (${md})`, line.from, line.to ?? "", line.rate, line.slice, line.amount]);
  }
  const thresholdNote = th === null ? "no threshold" : b.belowThreshold ? "not met: nothing paid" : "met";
  rows.push(["Threshold", th ?? "", "", "", thresholdNote, b.thresholdAdjustment]);
  const capNote = cp === null ? "no cap" : b.capped ? `capped at ${cp} x target incentive` : "not reached";
  rows.push(["Cap", cp ?? "", "", "", capNote, b.capAdjustment]);
  // Each row is the nearest double to its exact amount; added up as SUM adds doubles they can
  // miss the exact total by a rounding residue, which gets a line of its own.
  const added = rows.slice(1).reduce((sum, r) => sum + (r[5] as number), 0);
  if (added !== b.total) rows.push(["Rounding", "", "", "", ROUNDING_NOTE, b.total - added]);
  rows.push(["Total", "", "", "", "", b.total]);
  if (rows.some((r) => r.some((v) => typeof v === "number" && !Number.isFinite(v)))) return messages.outOfRange("");
  return rows;
}

/** What PAYOUT_EXPLAIN's rounding line says. */
export const ROUNDING_NOTE = "the rows above, added as Excel adds them, differ from the exact total by this";
