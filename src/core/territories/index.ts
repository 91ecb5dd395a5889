/** Balanced territory splits: see {@link splitTerritories}. */
export { splitTerritories } from "./split";
export { TerritoryInputError } from "./types";
export type { Seat, SplitOptions, SplitResult, TerritoryAccount, TerritoryStats } from "./types";
