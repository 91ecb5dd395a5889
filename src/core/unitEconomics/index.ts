/** Unit economics per acquisition channel and sales structure: see {@link unitEconomics}. */
export * from "./metrics";
export * from "./facts";
export {
  LOAD_DECIMALS,
  MIN_ASSEMBLY_PEOPLE,
  peopleFor,
  POD_MAX_PEOPLE,
  POD_MIN_CLIENTS,
  POD_SENSIBLE_CLIENTS,
  unitEconomics,
  warningText,
} from "./model";
export { checkUnitEconomicsInput, RATE_NAMES } from "./validate";
export { FUNNEL_STAGES, STRUCTURE_KINDS, UnitEconomicsInputError } from "./types";
export type {
  Capacities,
  ChannelFact,
  ChannelInput,
  ChannelResult,
  Headcount,
  RolePay,
  StructureKind,
  StructurePay,
  StructureResult,
  UnitEconomicsInput,
  UnitEconomicsResult,
  Workload,
} from "./types";
