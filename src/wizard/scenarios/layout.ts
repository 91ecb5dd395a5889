/**
 * The layout of the sheet the OTE scenario step writes, declared once: the sheet writer builds
 * it and the tests and Explain read it from these names and columns.
 */
import { mixLabel, PAYOUT_POINTS, ScenarioInput } from "../../core/scenarios";
import { namePrefix } from "../../workbook/sheetSpec";
import { CurveNames } from "../payoutCurveBlock";

/** The default name of the sheet the OTE scenario step writes. */
export const SCENARIOS_SHEET = "OTE Scenarios";

/** Names on the scenario sheet, derived from the sheet name. */
export function scenarioNames(sheet: string) {
  const base = namePrefix(sheet);
  return {
    scenarios: `${base}_Scenarios`,
    distribution: `${base}_Distribution`,
    curves: `${base}_Curves`,
    curve: (i: number): CurveNames => ({
      tiers: `${base}_Curve${i + 1}`,
      threshold: `${base}_Curve${i + 1}_Threshold`,
      cap: `${base}_Curve${i + 1}_Cap`,
    }),
    point: (p: string) => `${base}_${p}`,
  };
}

/** A scenario's display name: role, mix and curve ("AE 60/40 Standard"). */
export const scenarioName = (s: ScenarioInput) => `${s.role} ${mixLabel(s.baseShare)} ${s.curve.name}`;

/** The headers of the scenario table: inputs first (editable), then results (formulas). */
export const SCENARIO_HEADERS = [
  "Scenario",
  "Role",
  "Headcount",
  "OTE",
  "Quota",
  "Base share",
  "Curve",
  "Chosen",
  "Base",
  "Target incentive",
  "Commission rate",
  "Base cost",
  "Variable cost",
  "Total cost",
  "Expected revenue",
  "Cost of sales",
  ...PAYOUT_POINTS.map((a) => `Payout at ${Math.round(a * 100)}%`),
  "Earnings P10",
  "Earnings P50",
  "Earnings P90",
  "Leverage",
  "Warnings",
] as const;
