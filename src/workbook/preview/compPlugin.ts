import {
  ArraySize,
  CellError,
  EmptyValue,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import { CalcError, isCalcError } from "../../core/errors";
import { COMP_FUNCTIONS, FunctionSpec, ParamKind, Shape } from "../../functions/registry";
import { OutValue } from "../../functions/values";
import { engineErrorText, engineErrorType } from "./engineErrors";

/**
 * The COMP functions inside the preview's spreadsheet engine (HyperFormula, GPL-3.0: preview and
 * tests only, never the add-in bundle). Every function calls the same adapter Excel calls; this
 * file only converts values at the engine's boundary, as excelBoundary.ts does for Excel.
 */

/** An engine cell value as the adapters expect an Excel one: blanks null, errors { code }. */
function fromEngineValue(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) return { code: engineErrorText(v.type), message: v.message };
  if (typeof v === "object" && v !== null && "val" in v) return (v as { val: unknown }).val; // dates, percents, currency
  return v;
}

/** An argument as Excel would pass it: a range as rows of values, a scalar as itself. */
function fromEngineArg(arg: unknown): unknown {
  if (arg instanceof SimpleRangeValue) return arg.rawData().map((row) => row.map(fromEngineValue));
  return fromEngineValue(arg);
}

function toEngineError(e: CalcError): CellError {
  return new CellError(engineErrorType(e.code), e.message);
}

function toEngineValue(v: OutValue): number | string | CellError {
  return isCalcError(v) ? toEngineError(v) : v;
}

/** Pads a spilled result to the size the engine reserved, as Excel leaves unused spill cells empty. */
function padded(rows: (number | string | CellError)[][], size: Shape): (number | string | CellError)[][] {
  const out = rows.map((r) => r.concat(Array(Math.max(0, size.width - r.length)).fill("")));
  while (out.length < size.height) out.push(Array(size.width).fill(""));
  return out;
}

/**
 * The engine's argument type for each kind of parameter in the registry. Ranges are RANGE, so a
 * single cell arrives as a 1x1 range, as Excel passes a matrix parameter. Single values are ANY,
 * not NUMBER or SCALAR: the registry's reader checks them and names the argument in its message,
 * and the engine would otherwise coerce text to #VALUE! or a range to one cell silently.
 */
const ENGINE_ARGUMENT_TYPE: Record<ParamKind, FunctionArgumentType> = {
  range: FunctionArgumentType.RANGE,
  value: FunctionArgumentType.ANY,
};

/** The engine's method names for one function: its computation and its spill size. */
const methodName = (spec: FunctionSpec) => `comp_${spec.id.toLowerCase()}`;
const sizeMethodName = (spec: FunctionSpec) => `${methodName(spec)}_size`;

/** The HyperFormula plugin class holding every COMP function (built from the registry). */
export class CompPlugin extends FunctionPlugin {
  /** Engine metadata for every COMP function, keyed by its full name (COMP.PAYOUT). */
  static implementedFunctions = Object.fromEntries(
    COMP_FUNCTIONS.map((spec) => [
      `COMP.${spec.id}`,
      {
        method: methodName(spec),
        ...(spec.spillSize ? { sizeOfResultArrayMethod: sizeMethodName(spec) } : {}),
        vectorizationForbidden: true,
        parameters: spec.params.map((p) => ({ argumentType: ENGINE_ARGUMENT_TYPE[p.kind], optionalArg: p.optional })),
      },
    ]),
  );
}

for (const spec of COMP_FUNCTIONS) {
  const proto = CompPlugin.prototype as unknown as Record<string, unknown>;
  proto[methodName(spec)] = function (this: CompPlugin, ast: { args: unknown[] }, state: unknown) {
    const self = this as unknown as {
      runFunction: (args: unknown[], state: unknown, metadata: unknown, fn: (...a: unknown[]) => unknown) => unknown;
      metadata: (name: string) => unknown;
      arraySizeForAst: (ast: unknown, state: unknown) => ArraySize;
    };
    const out = self.runFunction(ast.args, state, self.metadata(`COMP.${spec.id}`), (...args: unknown[]) => {
      const result = spec.compute(...args.map(fromEngineArg));
      if (isCalcError(result)) return toEngineError(result);
      if (typeof result === "number") return result;
      if (!spec.spillSize) return toEngineValue(result[0][0]);
      const size = spec.spillSize(ast.args.map((a) => self.arraySizeForAst(a, state)));
      return SimpleRangeValue.onlyValues(
        padded(
          result.map((row) => row.map(toEngineValue)),
          size,
        ),
      );
    });
    // A spill that is one error fills its reserved cells with it: the engine cannot read a range
    // over an errored spill (its formulas stop with "Unknown array"); this way they show the error.
    if (spec.spillSize && out instanceof CellError) {
      const size = spec.spillSize(ast.args.map((a) => self.arraySizeForAst(a, state)));
      return SimpleRangeValue.onlyValues(Array.from({ length: size.height }, () => Array(size.width).fill(out)));
    }
    return out;
  };
  if (spec.spillSize) {
    proto[sizeMethodName(spec)] = function (this: CompPlugin, ast: { args: unknown[] }, state: unknown) {
      const self = this as unknown as { arraySizeForAst: (ast: unknown, state: unknown) => ArraySize };
      const size = spec.spillSize!(ast.args.map((a) => self.arraySizeForAst(a, state)));
      return new ArraySize(size.width, size.height);
    };
  }
}

/** English names for the functions, which HyperFormula requires for every registered language. */
const translations = {
  enGB: Object.fromEntries(COMP_FUNCTIONS.map((spec) => [`COMP.${spec.id}`, `COMP.${spec.id}`])),
};

let registered = false;

/** Registers the COMP functions with HyperFormula once per page. */
export function registerCompPlugin(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(CompPlugin, translations);
  registered = true;
}
