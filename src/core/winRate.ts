import { textKey } from "./text";

/** Which deals a win rate divides by. */
export type WinRateBasis = "CLOSED" | "ALL";

/** The win-rate bases, default first. */
export const WIN_RATE_BASES: readonly WinRateBasis[] = ["CLOSED", "ALL"];

/** Deal counts by outcome. */
export interface OutcomeCounts {
  /** Deals won. */
  readonly won: number;
  /** Deals lost. */
  readonly lost: number;
  /** Deals neither won nor lost (still open). */
  readonly open: number;
}

/**
 * Win rate: won / (won + lost) on the CLOSED basis (open deals do not count), or won / all deals
 * on the ALL basis some CRMs use. Returns null when there is nothing to divide by.
 */
export function winRate(counts: OutcomeCounts, basis: WinRateBasis = "CLOSED"): number | null {
  const denominator = basis === "CLOSED" ? counts.won + counts.lost : counts.won + counts.lost + counts.open;
  return denominator === 0 ? null : counts.won / denominator;
}

/** The default stage labels that count as won and as lost (compared trimmed, case-insensitive). */
export const DEFAULT_WON_LABELS: readonly string[] = ["won", "closed won"];
/** See {@link DEFAULT_WON_LABELS}. */
export const DEFAULT_LOST_LABELS: readonly string[] = ["lost", "closed lost"];

/** A stage label as it is compared: {@link textKey}'s rules (trimmed, lower-cased). */
export function normaliseLabel(label: string): string {
  return textKey(label);
}
