/**
 * In Excel a formula that is only a range (`=A1:A4`, `=Deals!G2:G10`) spills the range's values.
 * HyperFormula sizes such a formula as one cell and shows "#VALUE! Cell range not allowed". Here
 * a formula that is only an A1 range of more than one cell is sized as the range, so that it
 * spills as in Excel; whole columns and rows (`=A:A`) are left as the engine sizes them, and the
 * sizes of every other formula and of names are the engine's own (`=(A1:A4)`, a range in
 * parentheses, stays #VALUE! here, where Excel spills it).
 */
import type { ArraySize, HyperFormula } from "hyperformula";

/** The parts of a formula's syntax tree this reads. */
interface Ast {
  readonly type: string;
}

/** HyperFormula's array size predictor, as far as this needs it (not part of its API). */
interface ArraySizePredictor {
  checkArraySize(ast: Ast, formulaAddress: unknown): ArraySize;
}

/** What the engine holds, as far as this needs it. */
interface EngineInternals {
  readonly _crudOperations?: { readonly operations?: { readonly arraySizePredictor?: ArraySizePredictor } };
}

/** Marks a predictor already changed. */
const SPILLS_RANGES = Symbol.for("comp-planner:spilled-range-formulas");

/**
 * Makes formulas that are only an A1 range spill the range, as Excel does. Leaves the engine as
 * it is when its internals are not as expected.
 * @returns whether the engine now spills such formulas.
 */
export function spillRangeFormulas(engine: HyperFormula): boolean {
  const predictor = (engine as unknown as EngineInternals)._crudOperations?.operations?.arraySizePredictor;
  if (!predictor || typeof predictor.checkArraySize !== "function") return false;
  const marked = predictor as unknown as Record<symbol, boolean>;
  if (marked[SPILLS_RANGES]) return true;
  const check = predictor.checkArraySize;
  predictor.checkArraySize = function (this: ArraySizePredictor, ast: Ast, formulaAddress: unknown) {
    const size = check.call(this, ast, formulaAddress);
    if (ast.type !== "CELL_RANGE" || !size.isRef || (size.width === 1 && size.height === 1)) return size;
    // The engine's own class (the engine may come from another copy of the library than this one).
    const Size = size.constructor as new (width: number, height: number) => ArraySize;
    return new Size(size.width, size.height);
  };
  marked[SPILLS_RANGES] = true;
  return true;
}
