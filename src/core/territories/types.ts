import { InputError } from "../errors";
/** Inputs and outputs of the territory split. */

/** One account to place. Optional fields may be null when the data has no such column. */
export interface TerritoryAccount {
  readonly id: string;
  /** Opportunity to balance on (revenue potential); 0 or more. */
  readonly potential: number;
  /** Effort to serve (hours, contacts); 0 or more. Needed only when balancing on workload. */
  readonly workload?: number | null;
  /** Group key (region, vertical) for pure groups. */
  readonly group?: string | null;
  /** The rep who owns the account today. */
  readonly owner?: string | null;
  /** A named owner the account must stay with. */
  readonly pinned?: string | null;
  readonly x?: number | null;
  readonly y?: number | null;
}

/** A territory's seat: a rep (or a numbered territory) and its capacity (1 = a full share). */
export interface Seat {
  readonly name: string;
  readonly capacity: number;
}

/** What to balance and which constraints to honour. */
export interface SplitOptions {
  /** Either a number of equal territories... */
  readonly territories?: number;
  /** ...or the reps, with capacity weights (a rep ramping at 50% has 0.5). */
  readonly reps?: readonly Seat[];
  /** "potential", or "potential+workload" to balance both. Default "potential". */
  readonly balanceOn?: "potential" | "potential+workload";
  /** Keep each territory inside one group (account.group). Default false. */
  readonly keepGroupsPure?: boolean;
  /** Keep pinned accounts with their named owner. Default true. */
  readonly honourPins?: boolean;
  /** Keep accounts with their current owner unless balance needs a move. Default true when owners exist. */
  readonly minimiseDisruption?: boolean;
  /** Prefer compact territories when every account has coordinates. Default true. */
  readonly compact?: boolean;
  /** Stop refining once every territory is this close to its target (fraction). Default 0.002. */
  readonly tolerance?: number;
}

/** One territory's figures in the result. */
export interface TerritoryStats {
  readonly seat: Seat;
  readonly group: string | null;
  readonly accounts: number;
  readonly potential: number;
  readonly workload: number;
  /** The territory's capacity share of the potential it competes for (its group's, when groups are pure). */
  readonly targetPotential: number;
  /** potential / targetPotential - 1. */
  readonly deviation: number;
  /** workload / target workload - 1 (0 when workload is not balanced). */
  readonly workloadDeviation: number;
  /** Potential as a percentage of the mean territory (100 = average). */
  readonly pctOfMean: number;
  readonly workloadPctOfMean: number;
  readonly movedIn: number;
  readonly movedOut: number;
  /** Set when one account alone is larger than the share: the territory cannot be smaller. */
  readonly lowerBound: string | null;
}

/** The split: a territory (seat index) per account, in input order, and the figures. */
export interface SplitResult {
  readonly seats: readonly Seat[];
  readonly assignment: readonly number[];
  readonly territories: readonly TerritoryStats[];
  /** Largest / smallest territory potential per unit of capacity. */
  readonly maxOverMin: number;
  /** The largest |deviation| over territories not at a lower bound. */
  readonly worstDeviation: number;
  readonly worstWorkloadDeviation: number;
  /** Accounts whose territory differs from their current owner (0 without owners). */
  readonly moved: number;
  /** Plain-language notes: lower bounds, constraints that could not all be met. */
  readonly notes: readonly string[];
}

/** Bad input to the split, with a message that says what to fix. */
export class TerritoryInputError extends InputError {}
