import { CalcError, isCalcError, messages, Where } from "../core/errors";
import { Dec } from "../core/money";
import { Tier } from "../core/tiers";
import {
  asMatrix,
  elementwise,
  inputError,
  isBlank,
  Matrix,
  OutMatrix,
  OutValue,
  readNumber,
  sumOfNonNegativeCells,
} from "./values";

/**
 * The COMP functions' parameters, declared once (as HyperFormula declares its functions'
 * arguments): each with the form Excel passes it in, what it must hold, its limits and whether it
 * may be left out. {@link readArgs} turns the arguments of a call into checked values before a
 * function's body runs; the metadata test and the preview engine's plugin read the same table.
 */

/** How a parameter is passed: a range (matrix) or a single value. */
export type ParamKind = "range" | "value";

/**
 * What a number must be: any finite number, 0 or more, above 0, a share from 0 to 1, or a
 * monthly churn rate (above 0, at most 1).
 */
export type Limit = "any" | "atLeast0" | "above0" | "share" | "churn";

interface ParamBase {
  /** The parameter's name in Excel's help (and in every message about it). */
  readonly name: string;
  /** Range or single value, as functions.json declares it. */
  readonly kind: ParamKind;
  /** True for [optional] parameters. */
  readonly optional: boolean;
}

/** A range read as its rectangle of cells; the body reads the cells. Omitted and optional: null. */
export interface RangeParam<Optional extends boolean = boolean> extends ParamBase {
  readonly type: "range";
  readonly kind: "range";
  readonly optional: Optional;
  /** True when the range must be one column. */
  readonly oneColumn: boolean;
}

/**
 * A range of numbers that an element-wise function reads cell by cell (see {@link eachCell}):
 * each cell within `limit`; a blank cell is an error unless `blankMeans` stands for it.
 */
export interface CellsParam extends ParamBase {
  readonly type: "cells";
  readonly kind: "range";
  readonly limit: Limit;
  /** For optional arguments: the number a blank cell or an omitted argument stands for. */
  readonly blankMeans?: number;
  /** False when a blank here does not make the row an empty row (a term given once, say). */
  readonly marksRow: boolean;
}

/** A range of numbers that is summed exactly: blanks count as nothing, negatives are refused. */
export interface SumParam extends ParamBase {
  readonly type: "sum";
  readonly kind: "range";
}

/** A payout curve's tiers: two columns, lower bound and rate. Omitted and optional: null. */
export interface TiersParam<Optional extends boolean = boolean> extends ParamBase {
  readonly type: "tiers";
  readonly kind: "range";
  readonly optional: Optional;
}

/** One number within `limit`. Omitted and optional: `fallback` (null when there is none). */
export interface NumberParam<Value extends number | null = number | null> extends ParamBase {
  readonly type: "number";
  readonly kind: "value";
  readonly limit: Limit;
  readonly fallback: Value extends number ? number | undefined : null;
  /** Whole numbers only, from `min` to `max`. */
  readonly whole?: { readonly min: number; readonly max: number };
}

/** One of a fixed list of words, compared trimmed and case-insensitive; omitted gives the first. */
export interface OptionParam<Word extends string = string> extends ParamBase {
  readonly type: "option";
  readonly kind: "value";
  readonly options: readonly Word[];
}

/** Optional free text (a label); omitted gives null. */
export interface TextParam extends ParamBase {
  readonly type: "text";
  readonly kind: "value";
}

/** TRUE or FALSE; omitted gives `fallback`. */
export interface BooleanParam extends ParamBase {
  readonly type: "boolean";
  readonly kind: "value";
  readonly fallback: boolean;
}

/** A share from 0 to 1, or one of a fixed list of words; omitted gives the first word. */
export interface ShareOrOptionParam<Word extends string = string> extends ParamBase {
  readonly type: "shareOrOption";
  readonly kind: "value";
  readonly options: readonly Word[];
}

/** Any declared parameter. */
export type Param =
  | RangeParam
  | CellsParam
  | SumParam
  | TiersParam
  | NumberParam
  | OptionParam
  | TextParam
  | BooleanParam
  | ShareOrOptionParam;

/** A cells argument as the body receives it: its declaration and its rectangle. */
export interface Cells {
  /** The parameter it came from. */
  readonly param: CellsParam;
  /** Its cells; a 1x1 rectangle broadcasts against the others. */
  readonly m: Matrix;
}

/** The checked value one parameter gives the body. */
export type ValueOf<P> =
  P extends RangeParam<infer O>
    ? O extends true
      ? Matrix | null
      : Matrix
    : P extends CellsParam
      ? Cells
      : P extends SumParam
        ? Dec
        : P extends TiersParam<infer O>
          ? O extends true
            ? Tier[] | null
            : Tier[]
          : P extends NumberParam<infer V>
            ? V
            : P extends OptionParam<infer W>
              ? W
              : P extends TextParam
                ? string | null
                : P extends BooleanParam
                  ? boolean
                  : P extends ShareOrOptionParam<infer W>
                    ? number | W
                    : never;

/** The checked values of a parameter list, in order. */
export type ArgValues<Ps extends readonly Param[]> = { -readonly [K in keyof Ps]: ValueOf<Ps[K]> };

/** A range argument. */
export function range(name: string, opts?: { optional?: false; oneColumn?: boolean }): RangeParam<false>;
export function range(name: string, opts: { optional: true; oneColumn?: boolean }): RangeParam<true>;
export function range(name: string, opts: { optional?: boolean; oneColumn?: boolean } = {}): RangeParam {
  return { name, kind: "range", type: "range", optional: opts.optional ?? false, oneColumn: opts.oneColumn ?? false };
}

/** A range of numbers read cell by cell by an element-wise function. */
export function cells(name: string, limit: Limit, opts: { blankMeans?: number; marksRow?: boolean } = {}): CellsParam {
  const optional = opts.blankMeans !== undefined;
  return {
    name,
    kind: "range",
    type: "cells",
    optional,
    limit,
    blankMeans: opts.blankMeans,
    marksRow: opts.marksRow ?? true,
  };
}

/** A range of non-negative numbers, summed exactly. */
export function sum(name: string): SumParam {
  return { name, kind: "range", type: "sum", optional: false };
}

/** A payout curve's tiers. */
export function tiers(name: string, opts?: { optional?: false }): TiersParam<false>;
export function tiers(name: string, opts: { optional: true }): TiersParam<true>;
export function tiers(name: string, opts: { optional?: boolean } = {}): TiersParam {
  return { name, kind: "range", type: "tiers", optional: opts.optional ?? false };
}

interface NumberOptions {
  readonly limit?: Limit;
  readonly whole?: { readonly min: number; readonly max: number };
}

/** A number that must be given. */
export function num(name: string, opts?: NumberOptions & { optional?: false }): NumberParam<number>;
/** An optional number with a value for when it is left out. */
export function num(name: string, opts: NumberOptions & { optional: true; fallback: number }): NumberParam<number>;
/** An optional number; left out, the body gets null. */
export function num(name: string, opts: NumberOptions & { optional: true }): NumberParam<number | null>;
export function num(
  name: string,
  opts: NumberOptions & { optional?: boolean; fallback?: number } = {},
): NumberParam<number> | NumberParam<number | null> {
  return {
    name,
    kind: "value",
    type: "number",
    optional: opts.optional ?? false,
    limit: opts.limit ?? "any",
    fallback: (opts.fallback ?? null) as never,
    whole: opts.whole,
  };
}

/** An optional word from a fixed list (the first is the default). */
export function option<Word extends string>(name: string, options: readonly Word[]): OptionParam<Word> {
  return { name, kind: "value", type: "option", optional: true, options };
}

/** An optional text label. */
export function text(name: string): TextParam {
  return { name, kind: "value", type: "text", optional: true };
}

/** An optional TRUE/FALSE. */
export function bool(name: string, fallback: boolean): BooleanParam {
  return { name, kind: "value", type: "boolean", optional: true, fallback };
}

/** An optional share from 0 to 1 or a word from a fixed list (the first is the default). */
export function shareOrOption<Word extends string>(name: string, options: readonly Word[]): ShareOrOptionParam<Word> {
  return { name, kind: "value", type: "shareOrOption", optional: true, options };
}

/**
 * Reads the tiers range: two columns (lower bound, rate). Trailing blank rows of a selected range
 * are ignored; a blank row with tiers below it, or a row with only one of the two, is refused.
 */
export function readTiers(value: unknown): Tier[] | CalcError {
  const m = asMatrix(value, "tiers");
  if (isCalcError(m)) return m;
  if (m[0].length !== 2) return messages.tiersShape(m[0].length);
  let last = m.length - 1;
  while (last >= 0 && isBlank(m[last][0]) && isBlank(m[last][1])) last--;
  const tiers: Tier[] = [];
  for (let r = 0; r <= last; r++) {
    const [lowerCell, rateCell] = m[r];
    if (isBlank(lowerCell) && isBlank(rateCell)) return messages.tiersGap(r + 1);
    if (isBlank(lowerCell) || isBlank(rateCell)) return messages.tiersHalfRow(r + 1);
    const lower = readNumber(lowerCell, { arg: "tiers", row: r + 1, col: 1 });
    if (isCalcError(lower)) return lower;
    const rate = readNumber(rateCell, { arg: "tiers", row: r + 1, col: 2 });
    if (isCalcError(rate)) return rate;
    tiers.push({ lower, rate });
  }
  return tiers;
}

/** An argument that must be one value: a scalar, or a 1x1 range. Omitted arguments are null. */
function asSingle(value: unknown, arg: string): unknown | CalcError {
  if (!Array.isArray(value)) return value;
  const m = asMatrix(value, arg);
  if (isCalcError(m)) return m;
  if (m.length !== 1 || m[0].length !== 1) return messages.notSingleValue(arg);
  return m[0][0];
}

/** An optional TRUE or FALSE: blank or omitted gives `fallback`. */
function readOptionalBoolean(value: unknown, arg: string, fallback: boolean): boolean | CalcError {
  const single = asSingle(value, arg);
  if (isCalcError(single)) return single;
  if (isBlank(single)) return fallback;
  const err = inputError(single, { arg });
  if (err) return err;
  return typeof single === "boolean" ? single : messages.notBoolean({ arg }, single);
}

/** An optional text option from a fixed list, compared trimmed and case-insensitive. */
function readOption<T extends string>(value: unknown, arg: string, allowed: readonly T[]): T | CalcError {
  const single = asSingle(value, arg);
  if (isCalcError(single)) return single;
  if (isBlank(single)) return allowed[0];
  const err = inputError(single, { arg });
  if (err) return err;
  if (typeof single !== "string") return messages.notText({ arg }, single);
  const wanted = single.trim().toUpperCase();
  const found = allowed.find((a) => a === wanted);
  return found ?? messages.unknownOption(arg, single, allowed);
}

/** An optional text argument: blank or omitted gives null. */
function readOptionalText(value: unknown, arg: string): string | null | CalcError {
  const single = asSingle(value, arg);
  if (isCalcError(single)) return single;
  if (isBlank(single)) return null;
  const err = inputError(single, { arg });
  if (err) return err;
  return typeof single === "string" ? single : messages.notText({ arg }, single);
}

/** A number checked against its limit, or the error naming where it sits. */
export function withinLimit(n: number, limit: Limit, where: Where): number | CalcError {
  switch (limit) {
    case "any":
      return n;
    case "atLeast0":
      return n < 0 ? messages.negative(where, n) : n;
    case "above0":
      return n < 0 ? messages.negative(where, n) : n === 0 ? messages.notPositive(where, n) : n;
    case "share":
      return n < 0 ? messages.negative(where, n) : n > 1 ? messages.notZeroToOne(where, n) : n;
    case "churn":
      return n > 0 && n <= 1 ? n : messages.churnOutOfRange(where, n);
  }
}

/** True when an optional range argument was left out: omitted, blank, or one blank cell. */
function leftOut(value: unknown): boolean {
  if (isBlank(value)) return true;
  return (
    Array.isArray(value) &&
    value.length === 1 &&
    Array.isArray(value[0]) &&
    value[0].length === 1 &&
    isBlank(value[0][0])
  );
}

function readNumberParam(value: unknown, p: NumberParam): number | null | CalcError {
  const single = asSingle(value, p.name);
  if (isCalcError(single)) return single;
  const where = { arg: p.name };
  if (isBlank(single)) return p.optional ? (p.fallback ?? null) : messages.blank(where);
  const n = readNumber(single, where);
  if (isCalcError(n)) return n;
  if (p.whole && (!Number.isInteger(n) || n < p.whole.min || n > p.whole.max))
    return messages.notWholeNumber(where, n, p.whole.min, p.whole.max);
  return withinLimit(n, p.limit, where);
}

function readShareOrOption(value: unknown, p: ShareOrOptionParam): number | string | CalcError {
  const single = asSingle(value, p.name);
  if (isCalcError(single)) return single;
  const err = inputError(single, { arg: p.name });
  if (err) return err;
  if (typeof single === "number") {
    if (!Number.isFinite(single)) return messages.notFinite({ arg: p.name });
    return single >= 0 && single <= 1 ? single + 0 : messages.notAShare({ arg: p.name }, single);
  }
  return readOption(single, p.name, p.options);
}

/** One argument, checked against its declaration. */
export function readParam(value: unknown, p: Param): unknown {
  // A required range left out altogether (not a range of blank cells) would read as empty.
  if (!p.optional && p.kind === "range" && p.type !== "cells" && isBlank(value)) return messages.blankArgument(p.name);
  switch (p.type) {
    case "range": {
      if (p.optional && leftOut(value)) return null;
      const m = asMatrix(value, p.name);
      if (isCalcError(m)) return m;
      return p.oneColumn && m[0].length !== 1 ? messages.notOneColumn(p.name, m[0].length) : m;
    }
    case "cells": {
      const m = asMatrix(value === undefined ? null : value, p.name);
      return isCalcError(m) ? m : ({ param: p, m } satisfies Cells);
    }
    case "sum": {
      const m = asMatrix(value, p.name);
      return isCalcError(m) ? m : sumOfNonNegativeCells(m, p.name);
    }
    case "tiers":
      return p.optional && leftOut(value) ? null : readTiers(value);
    case "number":
      return readNumberParam(value, p);
    case "option":
      return readOption(value, p.name, p.options);
    case "text":
      return readOptionalText(value, p.name);
    case "boolean":
      return readOptionalBoolean(value, p.name, p.fallback);
    case "shareOrOption":
      return readShareOrOption(value, p);
  }
}

/** Every argument of a call, checked in parameter order; the first problem is the result. */
export function readArgs<Ps extends readonly Param[]>(params: Ps, args: readonly unknown[]): ArgValues<Ps> | CalcError {
  const out: unknown[] = new Array(params.length);
  for (let i = 0; i < params.length; i++) {
    const v = readParam(args[i], params[i]);
    if (isCalcError(v)) return v;
    out[i] = v;
  }
  return out as ArgValues<Ps>;
}

/**
 * An element-wise function's cells, position by position: shapes must agree (a 1x1 argument
 * broadcasts); a position where every argument that marks a row is blank stays blank; otherwise
 * each cell must be a number within its limit (a blank one is #N/A unless it has a `blankMeans`),
 * and `compute` gets the numbers in argument order.
 */
export function eachCell(
  args: readonly Cells[],
  compute: (numbers: number[], where: (argIndex: number) => Where) => OutValue,
): OutMatrix | CalcError {
  return elementwise(
    args.map((a) => ({ name: a.param.name, m: a.m })),
    (values, where) => {
      if (args.every((a, i) => !marksRow(a.param) || isBlank(values[i]))) return "";
      const numbers: number[] = new Array(args.length);
      for (let i = 0; i < args.length; i++) {
        const p = args[i].param;
        if (isBlank(values[i])) {
          if (p.blankMeans === undefined) return messages.blank(where(i));
          numbers[i] = p.blankMeans;
          continue;
        }
        const n = readNumber(values[i], where(i));
        if (isCalcError(n)) return n;
        const checked = withinLimit(n, p.limit, where(i));
        if (isCalcError(checked)) return checked;
        numbers[i] = checked;
      }
      return compute(numbers, where);
    },
  );
}

function marksRow(p: CellsParam): boolean {
  return p.marksRow && p.blankMeans === undefined;
}
