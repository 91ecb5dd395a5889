/**
 * HyperFormula cannot read a range that is exactly the cells of a spill whose formula gave an
 * error (a circular `=A1:A4*2` in A1, a COMP spill refused, a #SPILL!): its interpreter throws
 * "Unknown array" for such a range, the exception leaves the engine's evaluation, and the typed
 * formula that read the range never gets a value. Excel shows an error in the reading cell. Here
 * the reading formula gets the spill's error, with a message that names the formula to fix; every
 * other read is left to the engine as it is.
 */
import { ErrorType, HyperFormula } from "hyperformula";
import { cellAddress, rangeAddress } from "../a1";
import type { EngineAddress } from "./blockedSpills";
import { engineErrorText } from "./engineErrors";

/** A cell reference of a formula's syntax tree, relative to the formula's cell. */
interface AstReference {
  toSimpleCellAddress(base: EngineAddress): EngineAddress;
}

/** A node of a formula's syntax tree, as far as this needs it. */
interface Ast {
  readonly type: string;
  readonly start?: AstReference;
  readonly end?: AstReference;
}

/** The interpreter's evaluation state: the cell whose formula is evaluated. */
interface EvaluationState {
  readonly formulaAddress: EngineAddress;
}

/** HyperFormula's formula interpreter, as far as this needs it (not part of its API). */
interface Interpreter {
  evaluateAstWithoutPostprocessing(ast: Ast, state: EvaluationState): unknown;
  readonly dependencyGraph?: {
    readonly arrayMapping?: { getArrayByCorner(address: EngineAddress): { readonly array?: unknown } | undefined };
  };
}

/** An engine error (HyperFormula's CellError, of the engine's own module, which may not be this one's). */
interface EngineError {
  readonly type: ErrorType;
  readonly message?: string;
  readonly constructor: new (type: ErrorType, message?: string) => EngineError;
}

/** What the engine holds, as far as this needs it. */
interface EngineInternals {
  readonly _evaluator?: { readonly interpreter?: Interpreter };
}

/** The interpreter's message for a range read over an errored spill. */
const UNKNOWN_ARRAY = "Unknown array";

/** Marks an interpreter already changed. */
const READS_ERRORED_SPILLS = Symbol.for("comp-planner:errored-spill-reads");

/**
 * Makes the engine's formulas that read an errored spill's range get its error instead of
 * stopping the engine. Leaves the engine as it is when its internals are not as expected.
 * @returns whether the engine now reads errored spills as errors.
 */
export function readErroredSpillsAsErrors(engine: HyperFormula): boolean {
  const interpreter = (engine as unknown as EngineInternals)._evaluator?.interpreter;
  if (!interpreter || typeof interpreter.evaluateAstWithoutPostprocessing !== "function") return false;
  if (typeof interpreter.dependencyGraph?.arrayMapping?.getArrayByCorner !== "function") return false;
  const marked = interpreter as unknown as Record<symbol, boolean>;
  if (marked[READS_ERRORED_SPILLS]) return true;
  const evaluate = interpreter.evaluateAstWithoutPostprocessing;
  // An own property: the interpreter's recursion (this.evaluateAst) reaches it for nested ranges.
  interpreter.evaluateAstWithoutPostprocessing = function (this: Interpreter, ast: Ast, state: EvaluationState) {
    if (ast.type !== "CELL_RANGE") return evaluate.call(this, ast, state);
    try {
      return evaluate.call(this, ast, state);
    } catch (e) {
      const error =
        e instanceof Error && e.message === UNKNOWN_ARRAY ? erroredSpillRead(engine, this, ast, state) : null;
      if (error) return error;
      throw e;
    }
  };
  marked[READS_ERRORED_SPILLS] = true;
  return true;
}

/** The error a formula reading an errored spill's range gets, or null when the range is not one. */
function erroredSpillRead(
  engine: HyperFormula,
  interpreter: Interpreter,
  ast: Ast,
  state: EvaluationState,
): EngineError | null {
  if (!ast.start || !ast.end) return null;
  const start = ast.start.toSimpleCellAddress(state.formulaAddress);
  const end = ast.end.toSimpleCellAddress(state.formulaAddress);
  const array = interpreter.dependencyGraph?.arrayMapping?.getArrayByCorner(start)?.array as
    { readonly error?: EngineError } | undefined;
  const spilled = array?.error;
  if (!spilled || typeof spilled.type !== "string") return null;
  const onSheet = start.sheet === state.formulaAddress.sheet ? "" : `'${engine.getSheetName(start.sheet)}'!`;
  const range = onSheet + rangeAddress({ start, end });
  const anchor = onSheet + cellAddress(start);
  const why = spilled.type === ErrorType.CYCLE ? "a circular reference" : spilled.message;
  return new spilled.constructor(
    spilled.type === ErrorType.CYCLE ? ErrorType.REF : spilled.type,
    `This formula reads ${range}, the result of the formula in ${anchor}, which is ${engineErrorText(spilled.type)}` +
      (why ? ` (${why.replace(/\.$/, "")})` : "") +
      `: fix the formula in ${anchor} first.`,
  );
}
