import { CalcError, isCalcError } from "../core/errors";
import { ArgValues, Param, readArgs } from "./params";
import { OutMatrix } from "./values";

/** A result's size in cells. */
export interface Shape {
  /** Rows. */
  readonly height: number;
  /** Columns. */
  readonly width: number;
}

/** What a COMP function returns: a spilled matrix or one number, or the error saying what to fix. */
export type FunctionResult = OutMatrix | number;

/** One COMP function: its id, its declared parameters and the adapter that computes it. */
export interface FunctionSpec<R extends FunctionResult = FunctionResult> {
  /** The id after the COMP. namespace; never changes once released. */
  readonly id: string;
  /** Parameters in their final order. */
  readonly params: readonly Param[];
  /** "matrix" for functions that spill, "scalar" for one value. */
  readonly result: "matrix" | "scalar";
  /** The adapter both Excel and the preview engine call: raw arguments in, checked, then computed. */
  readonly compute: (...args: unknown[]) => R | CalcError;
  /**
   * For spilling functions: the largest result for arguments of these shapes, known before the
   * values are (spreadsheet engines reserve the spill area first).
   */
  readonly spillSize?: (argShapes: readonly Shape[]) => Shape;
}

/** A COMP function as declared: the body receives the arguments already checked by {@link readArgs}. */
export interface FunctionDefinition<Ps extends readonly Param[], R extends FunctionResult> {
  /** The id after the COMP. namespace. */
  readonly id: string;
  /** Parameters in their final order. */
  readonly params: Ps;
  /** "matrix" for functions that spill, "scalar" for one value. */
  readonly result: "matrix" | "scalar";
  /** The computation on checked values. */
  readonly body: (...args: ArgValues<Ps>) => R | CalcError;
  /** See {@link FunctionSpec.spillSize}. */
  readonly spillSize?: (argShapes: readonly Shape[]) => Shape;
}

/** A COMP function from its declaration: its adapter reads and checks the arguments, then runs the body. */
export function defineFunction<const Ps extends readonly Param[], R extends FunctionResult>(
  def: FunctionDefinition<Ps, R>,
): FunctionSpec<R> {
  const { body, ...rest } = def;
  return {
    ...rest,
    compute: (...raw: unknown[]) => {
      const args = readArgs(def.params, raw);
      return isCalcError(args) ? args : body(...args);
    },
  };
}

/** Element-wise functions spill to the shape of their widest element-wise argument (the first two). */
export const elementwiseSize = (argShapes: readonly Shape[]): Shape =>
  argShapes.slice(0, 2).find((s) => s.height * s.width > 1) ?? { height: 1, width: 1 };

/** Element-wise over every argument: the widest of them all (optional arguments included). */
export const broadcastSize = (argShapes: readonly Shape[]): Shape =>
  argShapes.find((s) => s.height * s.width > 1) ?? { height: 1, width: 1 };
