/** OTE pay-mix scenarios: see {@link evaluateScenario}. */
export {
  bandText,
  DEFAULT_MIX_BAND,
  evaluateScenario,
  MIX_BANDS,
  mixBand,
  mixLabel,
  PAYOUT_POINTS,
  COST_OF_SALES_BAND,
} from "./evaluate";
export { lognormalDistribution } from "./distribution";
export { ScenarioInputError } from "./types";
export type { AttainmentDistribution, NamedCurve, ScenarioInput, ScenarioResult } from "./types";
