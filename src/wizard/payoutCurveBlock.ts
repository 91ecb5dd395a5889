/**
 * The payout-curve block every sheet that writes curves shares (the OTE scenarios, the KPI
 * scorecards): a title, the threshold and cap as named cells, the tiers as a table, and the
 * COMP.PAYOUT call that reads them, so an edit to any of them recalculates every payout.
 */
import { PayoutCurve } from "../core/tiers";
import { columnLetter } from "../workbook/a1";
import { CellSpec, NamedRangeSpec, TableSpec } from "../workbook/sheetSpec";

/** The workbook names of one curve's cells: its tiers table, threshold and cap. */
export interface CurveNames {
  readonly tiers: string;
  readonly threshold: string;
  readonly cap: string;
}

/** Where a curve block goes and how it is labelled. */
export interface CurveBlockPlace {
  /** 0-based column of the labels (the values are one column right). */
  readonly column: number;
  /** 1-based row of the title; threshold and cap follow on the next two rows. */
  readonly top: number;
  /** 1-based row of the tiers table's header. */
  readonly tiersAt: number;
  readonly title: string;
  /** The cap's label, e.g. "Cap (x TI)". */
  readonly capLabel: string;
  /** Number formats of the tiers table (the lower bound is a percentage of target). */
  readonly tierFormats: Readonly<Record<string, string>>;
}

/** The cells, named ranges and tiers table of one curve: threshold and cap are named only when set. */
export function curveBlock(
  curve: PayoutCurve,
  names: CurveNames,
  at: CurveBlockPlace,
): { cells: CellSpec[]; namedRanges: NamedRangeSpec[]; table: TableSpec } {
  const label = columnLetter(at.column);
  const value = columnLetter(at.column + 1);
  const cells: CellSpec[] = [
    { address: `${label}${at.top}`, value: at.title, bold: true },
    { address: `${label}${at.top + 1}`, value: "Threshold" },
    { address: `${value}${at.top + 1}`, value: curve.threshold, numberFormat: "0%" },
    { address: `${label}${at.top + 2}`, value: at.capLabel },
    { address: `${value}${at.top + 2}`, value: curve.cap, numberFormat: "0.0#" },
  ];
  const namedRanges: NamedRangeSpec[] = [];
  if (curve.threshold !== null) namedRanges.push({ name: names.threshold, address: `${value}${at.top + 1}` });
  if (curve.cap !== null) namedRanges.push({ name: names.cap, address: `${value}${at.top + 2}` });
  const table: TableSpec = {
    name: names.tiers,
    anchor: `${label}${at.tiersAt}`,
    headers: ["Lower bound", "Rate"],
    rows: curve.tiers.map((t) => [t.lower, t.rate]),
    numberFormats: at.tierFormats,
  };
  return { cells, namedRanges, table };
}

/**
 * The COMP.PAYOUT call of a curve block: attainment and target as given (references or
 * expressions), then the tiers table, the mode, and the threshold and cap cells when the curve
 * has them (trailing arguments left out, as a user would write it).
 */
export function payoutCall(attainment: string, target: string, curve: PayoutCurve, names: CurveNames): string {
  const args = [attainment, target, names.tiers, `"${curve.mode}"`, curve.threshold !== null ? names.threshold : ""];
  if (curve.cap !== null) args.push(names.cap);
  return `COMP.PAYOUT(${args.join(",").replace(/,+$/, "")})`;
}
