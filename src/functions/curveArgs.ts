import { CalcError, isCalcError, messages } from "../core/errors";
import { compileCurve, CompiledCurve, PAYOUT_MODES, Tier } from "../core/tiers";
import { asMatrix, isBlank, readNumber, readOption, readOptionalNumber } from "./values";

/**
 * Reads the tiers range: two columns (lower bound, rate). Trailing blank rows of a selected range
 * are ignored; a blank row with tiers below it, or a row with only one of the two, is refused.
 */
export function readTiers(value: unknown): Tier[] | CalcError {
  const m = asMatrix(value, "tiers");
  if (isCalcError(m)) return m;
  if (m[0].length !== 2) return messages.tiersShape(m[0].length);
  let last = m.length - 1;
  while (last >= 0 && isBlank(m[last][0]) && isBlank(m[last][1])) last--;
  const tiers: Tier[] = [];
  for (let r = 0; r <= last; r++) {
    const [lowerCell, rateCell] = m[r];
    if (isBlank(lowerCell) && isBlank(rateCell)) return messages.tiersGap(r + 1);
    if (isBlank(lowerCell) || isBlank(rateCell)) return messages.tiersHalfRow(r + 1);
    const lower = readNumber(lowerCell, { arg: "tiers", row: r + 1, col: 1 });
    if (isCalcError(lower)) return lower;
    const rate = readNumber(rateCell, { arg: "tiers", row: r + 1, col: 2 });
    if (isCalcError(rate)) return rate;
    tiers.push({ lower, rate });
  }
  return tiers;
}

/** Reads PAYOUT's curve arguments (tiers, mode, threshold, cap) and prepares the curve. */
export function readCurve(tiers: unknown, mode: unknown, threshold: unknown, cap: unknown): CompiledCurve | CalcError {
  const t = readTiers(tiers);
  if (isCalcError(t)) return t;
  const md = readOption(mode, "mode", PAYOUT_MODES);
  if (isCalcError(md)) return md;
  const th = readOptionalNumber(threshold, "threshold");
  if (isCalcError(th)) return th;
  const cp = readOptionalNumber(cap, "cap");
  if (isCalcError(cp)) return cp;
  return compileCurve({ tiers: t, mode: md, threshold: th, cap: cp });
}
