import { CalcError, ErrorCode, isCalcError } from "../core/errors";
import { OutMatrix, OutValue } from "./values";

/**
 * Error mapping at the Excel boundary, in one place: CalcErrors become CustomFunctions.Error
 * values for the cell. Excel shows a custom message only with #VALUE! and #N/A, so the message
 * goes with those codes; for #DIV/0! and #NUM! the code alone reaches the cell.
 */

const CODE_TO_EXCEL: Record<ErrorCode, CustomFunctions.ErrorCode> = {
  "#VALUE!": "#VALUE!" as CustomFunctions.ErrorCode.invalidValue,
  "#DIV/0!": "#DIV/0!" as CustomFunctions.ErrorCode.divisionByZero,
  "#NUM!": "#NUM!" as CustomFunctions.ErrorCode.invalidNumber,
  "#N/A": "#N/A" as CustomFunctions.ErrorCode.notAvailable,
};

const CODES_WITH_MESSAGE: readonly ErrorCode[] = ["#VALUE!", "#N/A"];

/** A CalcError as the Excel error value a custom function returns. */
export function toExcelError(error: CalcError): CustomFunctions.Error {
  const message = CODES_WITH_MESSAGE.includes(error.code) ? error.message : undefined;
  return new CustomFunctions.Error(CODE_TO_EXCEL[error.code], message);
}

/** One result value for Excel. */
export function toExcelValue(value: OutValue | CalcError): number | string | CustomFunctions.Error {
  return isCalcError(value) ? toExcelError(value) : value;
}

/** A spilled result for Excel; a whole-call error becomes a 1x1 result holding that error. */
export function toExcelMatrix(result: OutMatrix | CalcError): (number | string | CustomFunctions.Error)[][] {
  if (isCalcError(result)) return [[toExcelError(result)]];
  return result.map((row) => row.map(toExcelValue));
}
