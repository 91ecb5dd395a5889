/**
 * Calculation errors and every user-facing error message, in one module.
 *
 * A CalcError is a value, not an exception: functions return it where a number would go, and the
 * host boundary turns it into an Excel error (CustomFunctions.Error, or the preview engine's error).
 */

import { isoDate, LAST_DATE_SERIAL } from "./dates";
import { formatNumber as num } from "./format";

/** The Excel error values the product uses, with their meaning in this product (design.md). */
export type ErrorCode =
  /** Wrong type or shape. */
  | "#VALUE!"
  /** Empty or zero denominator. */
  | "#DIV/0!"
  /** A number outside its domain (negative quota, tiers not ascending). */
  | "#NUM!"
  /** Nothing to compute from. */
  | "#N/A";

/** The error values the product returns, in the order of {@link ErrorCode}. */
export const ERROR_CODES: readonly ErrorCode[] = ["#VALUE!", "#DIV/0!", "#NUM!", "#N/A"];

/**
 * Every error value an Excel cell can hold, as its text: the product's own codes, then Excel's
 * others. An input holding one of the others reaches a COMP function as #VALUE!.
 */
export const EXCEL_ERROR_TEXTS: readonly string[] = [
  ...ERROR_CODES,
  "#NULL!",
  "#REF!",
  "#NAME?",
  "#CALC!",
  "#SPILL!",
  "#BUSY!",
  "#GETTING_DATA",
  "#CONNECT!",
  "#FIELD!",
  "#BLOCKED!",
  "#UNKNOWN!",
];

/** True for one of the product's own error codes. */
export function isErrorCode(text: unknown): text is ErrorCode {
  return typeof text === "string" && (ERROR_CODES as readonly string[]).includes(text);
}

/** An Excel error value with a message that says what to fix. */
export class CalcError {
  /** Marks CalcErrors across bundles and realms, where `instanceof` is not reliable. */
  readonly isCalcError = true;
  constructor(
    /** The Excel error value shown in the cell. */
    readonly code: ErrorCode,
    /** What is wrong and what to do about it, naming the argument and the row. */
    readonly message: string,
  ) {}
}

/** True for a CalcError (from any copy of this module). */
export function isCalcError(value: unknown): value is CalcError {
  return typeof value === "object" && value !== null && (value as { isCalcError?: unknown }).isCalcError === true;
}

/** Where a bad value sits: the argument's name and, inside a range, its 1-based row and column. */
export interface Where {
  /** The argument name as the function's help shows it. */
  arg: string;
  /** 1-based row inside the argument's range. */
  row?: number;
  /** 1-based column inside the argument's range; only named when the range has several columns. */
  col?: number;
}

/** "quota", "quota row 3" or "tiers row 2, column 1". */
export function describeWhere(where: Where): string {
  if (where.row === undefined) return where.arg;
  return where.col === undefined
    ? `${where.arg} row ${where.row}`
    : `${where.arg} row ${where.row}, column ${where.col}`;
}

/** A short, unambiguous rendering of a cell value inside a message. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") {
    const shown = value.length > 30 ? `${value.slice(0, 27)}...` : value;
    return `the text "${shown}"`;
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return num(value);
  if (value === null || value === undefined || value === "") return "blank";
  return "not a single value";
}

/** Every message the product shows for bad input. */
export const messages = {
  notANumber: (w: Where, value: unknown) =>
    new CalcError("#VALUE!", `${describeWhere(w)} is ${describeValue(value)}; enter a number.`),
  notFinite: (w: Where) => new CalcError("#NUM!", `${describeWhere(w)} is not a finite number.`),
  blank: (w: Where) => new CalcError("#N/A", `${describeWhere(w)} is blank; enter a number.`),
  negative: (w: Where, value: number) =>
    new CalcError("#NUM!", `${describeWhere(w)} is negative (${num(value)}); it must be 0 or more.`),
  zeroDivisor: (w: Where) => new CalcError("#DIV/0!", `${describeWhere(w)} is 0; it cannot be divided by.`),
  emptyDivisor: (w: Where) => new CalcError("#DIV/0!", `${describeWhere(w)} sums to 0; there is nothing to divide by.`),
  notRectangular: (arg: string) => new CalcError("#VALUE!", `${arg} is not a rectangular range.`),
  shapeMismatch: (a: string, aShape: string, b: string, bShape: string) =>
    new CalcError(
      "#VALUE!",
      `${a} is ${aShape} but ${b} is ${bShape}; give ranges of the same shape, or a single cell.`,
    ),
  blankArgument: (arg: string) => new CalcError("#N/A", `${arg} is left out; give a range or a value.`),
  notSingleValue: (arg: string) => new CalcError("#VALUE!", `${arg} must be a single value, not a range.`),
  notText: (w: Where, value: unknown) =>
    new CalcError("#VALUE!", `${describeWhere(w)} is ${describeValue(value)}; enter text.`),
  unknownOption: (arg: string, value: string, allowed: readonly string[]) =>
    new CalcError("#VALUE!", `${arg} is "${value}"; use ${allowed.map((a) => `"${a}"`).join(" or ")}.`),

  tiersShape: (columns: number) =>
    new CalcError("#VALUE!", `tiers has ${columns} column(s); give two columns: lower bound, rate.`),
  tiersEmpty: () => new CalcError("#N/A", "tiers has no rows with a lower bound and a rate."),
  tiersHalfRow: (row: number) =>
    new CalcError(
      "#VALUE!",
      `tiers row ${row} has a lower bound or a rate but not both; fill in both or clear the row.`,
    ),
  tiersGap: (row: number) =>
    new CalcError("#VALUE!", `tiers row ${row} is blank but rows below it are not; remove the blank row.`),
  tiersNotAscending: (row: number, lower: number, previous: number) =>
    new CalcError(
      "#NUM!",
      `tiers row ${row}: lower bound ${num(lower)} is not above row ${row - 1}'s ${num(previous)}; lower bounds must be strictly ascending.`,
    ),
  negativeRate: (row: number, rate: number) =>
    new CalcError("#NUM!", `tiers row ${row}: rate ${num(rate)} is negative; rates must be 0 or more.`),
  retroBelowZero: (lower: number) =>
    new CalcError(
      "#NUM!",
      `tiers row 1: lower bound ${num(lower)} is below 0; RETRO pays the whole measure at the tier's rate, so a negative measure would pay a negative amount. Start the first tier at 0 or more, or use MARGINAL.`,
    ),
  capNotPositive: (cap: number) =>
    new CalcError("#NUM!", `cap is ${num(cap)}; it must be above 0 (leave it out for no cap).`),

  closeBeforeStart: (where: string, start: number, close: number) =>
    new CalcError(
      "#NUM!",
      `${where}: close date ${isoDate(close)} is before start date ${isoDate(start)}; check the dates.`,
    ),
  noDeals: (what: string, verb = "average") => new CalcError("#DIV/0!", `there are no ${what} to ${verb}.`),
  blankKey: (where: string) => new CalcError("#VALUE!", `${where} has an amount but no account; fill in the account.`),
  moreAdvancedThanEntered: (advanced: number, entered: number) =>
    new CalcError(
      "#NUM!",
      `advanced sums to ${num(advanced)}, more than entered (${num(entered)}); a stage cannot convert more than entered it.`,
    ),
  noClosedDeals: () =>
    new CalcError("#DIV/0!", "outcomes has no won or lost deals; win rate needs at least one closed deal."),
  noOutcomes: () => new CalcError("#DIV/0!", "outcomes has no deals (every cell is blank)."),
  sameLabel: (label: string) =>
    new CalcError("#VALUE!", `won_label and lost_label are both "${label}"; they must differ.`),
  notZeroToOne: (w: Where, value: number) =>
    new CalcError("#NUM!", `${describeWhere(w)} is ${value}; it must be from 0 to 1 (0.25 = 25%).`),
  churnOutOfRange: (w: Where, value: number) =>
    new CalcError(
      "#NUM!",
      `${describeWhere(w)} is ${value}; monthly churn must be above 0 and at most 1 (0.02 = 2% a month).`,
    ),
  notOneDimensional: (arg: string, shape: string) =>
    new CalcError("#VALUE!", `${arg} is ${shape}; give one row or one column.`),
  notPositive: (w: Where, value: number) =>
    new CalcError("#NUM!", `${describeWhere(w)} is ${value}; it must be above 0.`),
  notAShare: (w: Where, value: number) =>
    new CalcError("#NUM!", `${describeWhere(w)} is ${value}; it must be from 0 to 1.`),
  notWholeNumber: (w: Where, value: number, min: number, max: number) =>
    new CalcError("#NUM!", `${describeWhere(w)} is ${value}; enter a whole number from ${min} to ${max}.`),
  notBoolean: (w: Where, value: unknown) =>
    new CalcError("#VALUE!", `${describeWhere(w)} is ${describeValue(value)}; enter TRUE or FALSE.`),
  notOneColumn: (arg: string, columns: number) =>
    new CalcError("#VALUE!", `${arg} has ${columns} columns; give one column, in order.`),
  rowCountMismatch: (arg: string, rows: number, other: string, otherRows: number) =>
    new CalcError(
      "#VALUE!",
      `${arg} has ${rows} row(s) but ${other} has ${otherRows}; give one row per row of ${other}.`,
    ),
  periodsShape: (columns: number) =>
    new CalcError("#VALUE!", `periods has ${columns} column(s); give two columns: first day, last day.`),
  periodLastBeforeFirst: (row: number, first: number, last: number) =>
    new CalcError("#NUM!", `periods row ${row}: last day ${isoDate(last)} is before first day ${isoDate(first)}.`),
  periodsNotConsecutive: (row: number, first: number, previousLast: number) =>
    new CalcError(
      "#NUM!",
      `periods row ${row} starts on ${isoDate(first)}, not the day after row ${row - 1} ends (${isoDate(previousLast)}); periods must be consecutive.`,
    ),
  periodNoWholeMonth: (row: number) =>
    new CalcError("#NUM!", `periods row ${row} holds no whole calendar month; use basis "DAYS".`),
  dateOutsidePeriods: (arg: string, date: number, first: number, last: number) =>
    new CalcError(
      "#NUM!",
      `${arg} ${isoDate(date)} is outside the periods (${isoDate(first)} to ${isoDate(last)}); give a date inside them.`,
    ),
  endBeforeStart: (start: number, end: number) =>
    new CalcError("#NUM!", `end_date ${isoDate(end)} is before start_date ${isoDate(start)}; check the dates.`),
  notADate: (w: Where, value: number) =>
    new CalcError(
      "#NUM!",
      `${describeWhere(w)} is ${num(value)}, which is not a date: Excel's dates run from 0 to ${num(LAST_DATE_SERIAL)} (9999-12-31); enter the date.`,
    ),
  weightsNotOne: (sum: string) =>
    new CalcError("#NUM!", `weights add up to ${sum}; they must add up to 1 (leave them out for equal shares).`),
  outOfRange: (where: string) =>
    new CalcError(
      "#NUM!",
      `the result${where} is beyond Excel's number range (about 1.8E+308); check the inputs' magnitudes.`,
    ),
} as const;

/**
 * Bad input to one of the core's models (territories, quotas, scenarios, KPI plans), with a
 * message that says what to fix. Each model has its own subclass, named after it.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
