/** Elastic quotas: see {@link setQuotas} and {@link AttainmentSimulation}. */
export { normalCdf, normalQuantile } from "./normal";
export { setQuotas, shareForStretch, stretchForShare } from "./setQuotas";
export { AttainmentSimulation } from "./simulate";
export type { HistogramBar, SimulatedRep, SimulationResult } from "./simulate";
export { QuotaInputError } from "./types";
export type { QuotaOptions, QuotaPlan, QuotaRep, QuotaSummary, RepQuota, TradeOff } from "./types";
