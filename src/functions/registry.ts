import { CalcError } from "../core/errors";
import { cac } from "./cac";
import { payout, payoutExplain } from "./payout";
import { quotaAttainment } from "./quotaAttainment";
import { OutMatrix } from "./values";
import { winRate } from "./winRate";

/** How a parameter is passed: a range (matrix) or a single value. */
export type ParamKind = "range" | "value";

/** One parameter of a COMP function, as its help shows it. */
export interface ParamSpec {
  /** The parameter's name in Excel's help. */
  readonly name: string;
  /** Range or single value. */
  readonly kind: ParamKind;
  /** True for [optional] parameters. */
  readonly optional: boolean;
}

/** One COMP function: its id, parameters and the adapter that computes it. */
export interface FunctionSpec {
  /** The id after the COMP. namespace; never changes once released. */
  readonly id: string;
  /** Parameters in their final order. */
  readonly params: readonly ParamSpec[];
  /** "matrix" for functions that spill, "scalar" for one value. */
  readonly result: "matrix" | "scalar";
  /** The adapter both Excel and the preview engine call. */
  readonly compute: (...args: unknown[]) => OutMatrix | number | CalcError;
}

const range = (name: string, optional = false): ParamSpec => ({ name, kind: "range", optional });
const value = (name: string, optional = false): ParamSpec => ({ name, kind: "value", optional });

/**
 * Every COMP function as a row of a table (as HyperFormula declares its functions). The Excel
 * entry points in functions.ts and the preview's engine plugin both read from here.
 */
export const COMP_FUNCTIONS: readonly FunctionSpec[] = [
  { id: "QUOTA_ATTAINMENT", params: [range("actual"), range("quota")], result: "matrix", compute: quotaAttainment },
  {
    id: "PAYOUT",
    params: [range("attainment"), range("target_incentive"), range("tiers"), value("mode", true), value("threshold", true), value("cap", true)],
    result: "matrix",
    compute: payout,
  },
  {
    id: "PAYOUT_EXPLAIN",
    params: [value("attainment"), value("target_incentive"), range("tiers"), value("mode", true), value("threshold", true), value("cap", true)],
    result: "matrix",
    compute: payoutExplain,
  },
  { id: "CAC", params: [range("spend"), range("new_customers")], result: "scalar", compute: cac },
  {
    id: "WIN_RATE",
    params: [range("outcomes"), value("won_label", true), value("lost_label", true), value("basis", true)],
    result: "scalar",
    compute: winRate,
  },
];
