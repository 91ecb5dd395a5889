import { CalcError, isCalcError } from "../../src/core/errors";

/** The error a function returned, failing the test when it returned something else. */
export function errorOf(value: unknown): CalcError {
  if (!isCalcError(value)) throw new Error(`expected a CalcError, got ${JSON.stringify(value)}`);
  return value;
}

/** A column range from values, as Excel passes one. */
export const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

/** The three forms a blank cell arrives in, depending on the Excel platform. */
export const BLANKS: readonly unknown[] = [null, "", undefined];
