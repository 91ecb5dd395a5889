import { CalcError } from "../core/errors";
import { compileCurve, CompiledCurve, PAYOUT_MODES, PayoutMode, Tier } from "../core/tiers";
import { num, option } from "./params";

/** The curve parameters every payout function declares after its tiers (see params.ts). */
export const CURVE_OPTIONS = {
  mode: option("mode", PAYOUT_MODES),
  threshold: num("threshold", { optional: true }),
  cap: num("cap", { optional: true }),
} as const;

/** A curve from its checked arguments, prepared for paying (or the error in the curve). */
export function curveOf(
  tiers: Tier[],
  mode: PayoutMode,
  threshold: number | null,
  cap: number | null,
): CompiledCurve | CalcError {
  return compileCurve({ tiers, mode, threshold, cap });
}
