import { CalcError, isCalcError, messages } from "../core/errors";
import { explainPayout, payout as corePayout } from "../core/tiers";
import { readCurve } from "./curveArgs";
import { asMatrix, asSingle, elementwise, isBlank, OutMatrix, OutValue, readNumber } from "./values";

/**
 * PAYOUT(attainment, target_incentive, tiers, [mode], [threshold], [cap]): target incentive x
 * f(attainment), element-wise over attainment and target incentive. A bad curve is one error;
 * a bad row is an error in that row only.
 */
export function payout(
  attainment: unknown,
  targetIncentive: unknown,
  tiers: unknown,
  mode?: unknown,
  threshold?: unknown,
  cap?: unknown,
): OutMatrix | CalcError {
  const curve = readCurve(tiers, mode, threshold, cap);
  if (isCalcError(curve)) return curve;
  const a = asMatrix(attainment, "attainment");
  if (isCalcError(a)) return a;
  const t = asMatrix(targetIncentive, "target_incentive");
  if (isCalcError(t)) return t;
  return elementwise(
    [
      { name: "attainment", m: a },
      { name: "target_incentive", m: t },
    ],
    ([av, tv], where) => {
      if (isBlank(av) && isBlank(tv)) return "";
      if (isBlank(av)) return messages.blank(where(0));
      if (isBlank(tv)) return messages.blank(where(1));
      const an = readNumber(av, where(0));
      if (isCalcError(an)) return an;
      const tn = readNumber(tv, where(1));
      if (isCalcError(tn)) return tn;
      if (tn < 0) return messages.negative(where(1), tn);
      return corePayout(an, tn, curve);
    },
  );
}

/** The header row of PAYOUT_EXPLAIN's table. */
export const EXPLAIN_HEADERS = ["Step", "From", "To", "Rate", "Slice", "Payout"] as const;

/**
 * PAYOUT_EXPLAIN: PAYOUT for one attainment, spilled as a table: one row per tier (from, to,
 * rate, slice of the measure, payout from that slice), then the threshold and cap effects and the
 * total. The rows' payouts, added as Excel's SUM adds them, equal the total, which equals PAYOUT
 * exactly (a "Rounding" line holds any residue of adding the rows in doubles). Beyond Excel's
 * number range it is #NUM!, as PAYOUT is.
 */
export function payoutExplain(
  attainment: unknown,
  targetIncentive: unknown,
  tiers: unknown,
  mode?: unknown,
  threshold?: unknown,
  cap?: unknown,
): OutMatrix | CalcError {
  const curve = readCurve(tiers, mode, threshold, cap);
  if (isCalcError(curve)) return curve;
  const av = asSingle(attainment, "attainment");
  if (isCalcError(av)) return av;
  const tv = asSingle(targetIncentive, "target_incentive");
  if (isCalcError(tv)) return tv;
  if (isBlank(av)) return messages.blank({ arg: "attainment" });
  if (isBlank(tv)) return messages.blank({ arg: "target_incentive" });
  const an = readNumber(av, { arg: "attainment" });
  if (isCalcError(an)) return an;
  const tn = readNumber(tv, { arg: "target_incentive" });
  if (isCalcError(tn)) return tn;
  if (tn < 0) return messages.negative({ arg: "target_incentive" }, tn);

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
