import { ErrorType } from "hyperformula";
import { ErrorCode } from "../../core/errors";

/**
 * The preview engine's errors as Excel's, in one table: the grid shows this text and the COMP
 * functions receive it, as they would in Excel. The product's own codes come first, so each
 * maps back to one engine error. The engine's own kinds become the nearest Excel error: a cycle
 * #REF!, an unparsable formula #VALUE!.
 */
const ENGINE_ERRORS: readonly (readonly [ErrorType, string])[] = [
  [ErrorType.VALUE, "#VALUE!"],
  [ErrorType.DIV_BY_ZERO, "#DIV/0!"],
  [ErrorType.NUM, "#NUM!"],
  [ErrorType.NA, "#N/A"],
  [ErrorType.REF, "#REF!"],
  [ErrorType.NAME, "#NAME?"],
  [ErrorType.SPILL, "#SPILL!"],
  [ErrorType.CYCLE, "#REF!"],
  [ErrorType.ERROR, "#VALUE!"],
  [ErrorType.LIC, "#VALUE!"],
];

/** The Excel text of an engine error. */
export function engineErrorText(type: ErrorType | string): string {
  return ENGINE_ERRORS.find(([t]) => t === type)?.[1] ?? "#VALUE!";
}

/** The engine error of one of the product's codes. */
export function engineErrorType(code: ErrorCode): ErrorType {
  return ENGINE_ERRORS.find(([, text]) => text === code)?.[0] ?? ErrorType.VALUE;
}

/**
 * What to fix, for an engine error that came without a message: HyperFormula gives none for a
 * circular reference (Excel warns of one), nor for a spill over its own cells.
 */
export function engineErrorMessage(type: ErrorType | string): string {
  return type === ErrorType.CYCLE
    ? "This formula depends on its own value (a circular reference, directly or through the cells it reads); change it, or the cells it refers to, so that it does not."
    : "";
}
