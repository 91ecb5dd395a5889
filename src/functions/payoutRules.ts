import { CalcError, isCalcError, messages } from "../core/errors";
import { dec, Dec, sumExact, toNumber } from "../core/money";
import {
  applyDraw,
  checkPeriods,
  clawback as coreClawback,
  CLAWBACK_METHODS,
  ClawbackMethod,
  Period,
  prorate as coreProrate,
  PRORATION_BASES,
  runningPayout as coreRunningPayout,
  splitCredit as coreSplitCredit,
} from "../core/payoutRules";
import { readCurve } from "./curveArgs";
import { readNumbersOrBlank } from "./kpiArgs";
import {
  asMatrix,
  asSingle,
  elementwise,
  finite,
  inputError,
  isBlank,
  Matrix,
  OutMatrix,
  OutValue,
  readNumber,
  readOption,
  readOptionalBoolean,
  readOptionalNumber,
  readRequiredNumber,
  whereIn,
} from "./values";

/** A range that must be one column: its matrix, or the error. */
function oneColumn(value: unknown, arg: string): Matrix | CalcError {
  const m = asMatrix(value, arg);
  if (isCalcError(m)) return m;
  return m[0].length === 1 ? m : messages.notOneColumn(arg, m[0].length);
}

/** The number of rows up to the last one with anything in it (trailing blank rows of a selection are ignored). */
function filledRows(m: Matrix): number {
  let last = m.length;
  while (last > 0 && m[last - 1].every(isBlank)) last--;
  return last;
}

/** A decimal result as a cell: the nearest double, or #NUM! when it is beyond Excel's range. */
const cell = (d: Dec, where = ""): OutValue => finite(toNumber(d), where);

/**
 * RUNNING_PAYOUT(amounts, target_incentive, tiers, [start], [mode], [threshold], [cap]): for each
 * credit in booking order, target_incentive x (f(start + c_i) - f(start + c_(i-1))), c_i the
 * running sum through row i. Blank rows stay blank; a bad row is one error naming it (the rows
 * after it depend on it).
 */
export function runningPayout(
  amounts: unknown,
  targetIncentive: unknown,
  tiers: unknown,
  start?: unknown,
  mode?: unknown,
  threshold?: unknown,
  cap?: unknown,
): OutMatrix | CalcError {
  const curve = readCurve(tiers, mode, threshold, cap);
  if (isCalcError(curve)) return curve;
  const a = oneColumn(amounts, "amounts");
  if (isCalcError(a)) return a;
  const ti = readRequiredNumber(targetIncentive, "target_incentive");
  if (isCalcError(ti)) return ti;
  if (ti < 0) return messages.negative({ arg: "target_incentive" }, ti);
  const st = readOptionalNumber(start, "start");
  if (isCalcError(st)) return st;
  const values = readNumbersOrBlank(a, "amounts");
  if (isCalcError(values)) return values;
  const rows = coreRunningPayout(values, ti, curve, st ?? 0);
  return rows.map((v, i) => [v === null ? "" : finite(v, ` in row ${i + 1}`)]);
}

/** The largest |decimals| SPLIT_CREDIT accepts. */
const MAX_DECIMALS = 10;

/**
 * SPLIT_CREDIT(amount, shares, [decimals]): each share's credit, amount x share rounded to
 * `decimals` (default 2) by largest remainder, spilled in the shape of `shares`. Blank shares
 * stay blank and take no part.
 */
export function splitCredit(amount: unknown, shares: unknown, decimals?: unknown): OutMatrix | CalcError {
  const am = readRequiredNumber(amount, "amount");
  if (isCalcError(am)) return am;
  const s = asMatrix(shares, "shares");
  if (isCalcError(s)) return s;
  const dp = readOptionalNumber(decimals, "decimals");
  if (isCalcError(dp)) return dp;
  const places = dp ?? 2;
  if (!Number.isInteger(places) || Math.abs(places) > MAX_DECIMALS)
    return messages.notWholeNumber({ arg: "decimals" }, places, -MAX_DECIMALS, MAX_DECIMALS);
  const values = readNumbersOrBlank(s, "shares");
  if (isCalcError(values)) return values;
  const given: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) continue;
    const w = s[0].length;
    if (v < 0) return messages.negative(whereIn(s, "shares", Math.floor(i / w), i % w), v);
    given.push(v);
  }
  if (given.length === 0) return messages.blank({ arg: "shares" });
  const total = dec(am).times(sumExact(given));
  if (!total.abs().lt(Number.MAX_VALUE)) return messages.outOfRange("");
  const parts = coreSplitCredit(am, given, places);
  let next = 0;
  const width = s[0].length;
  return s.map((row, r) => row.map((_, c) => (values[r * width + c] === null ? "" : cell(parts[next++]))));
}

/**
 * PRORATE(amount, periods, start_date, [end_date], [weights], [basis]): per period, amount x
 * weight x the share of the period the person is in the plan (by days, or by whole months).
 */
export function prorate(
  amount: unknown,
  periods: unknown,
  startDate: unknown,
  endDate?: unknown,
  weights?: unknown,
  basis?: unknown,
): OutMatrix | CalcError {
  const am = readRequiredNumber(amount, "amount");
  if (isCalcError(am)) return am;
  const pm = asMatrix(periods, "periods");
  if (isCalcError(pm)) return pm;
  if (pm[0].length !== 2) return messages.periodsShape(pm[0].length);
  const bs = readOption(basis, "basis", PRORATION_BASES);
  if (isCalcError(bs)) return bs;
  const n = filledRows(pm);
  if (n === 0) return messages.blank({ arg: "periods" });
  const list: Period[] = [];
  for (let r = 0; r < n; r++) {
    const ends: number[] = [];
    for (let c = 0; c < 2; c++) {
      const where = { arg: "periods", row: r + 1, col: c + 1 };
      if (isBlank(pm[r][c])) return messages.blank(where);
      const v = readNumber(pm[r][c], where);
      if (isCalcError(v)) return v;
      ends.push(Math.floor(v));
    }
    list.push({ first: ends[0], last: ends[1] });
  }
  const problem = checkPeriods(list, bs);
  if (problem) {
    const { row } = problem;
    const p = list[row - 1];
    if (problem.problem === "lastBeforeFirst") return messages.periodLastBeforeFirst(row, p.first, p.last);
    if (problem.problem === "notConsecutive") return messages.periodsNotConsecutive(row, p.first, list[row - 2].last);
    return messages.periodNoWholeMonth(row);
  }
  const first = list[0].first;
  const last = list[n - 1].last;
  const sd = readRequiredNumber(startDate, "start_date");
  if (isCalcError(sd)) return sd;
  const start = Math.floor(sd);
  if (start < first || start > last) return messages.dateOutsidePeriods("start_date", start, first, last);
  const ed = readOptionalNumber(endDate, "end_date");
  if (isCalcError(ed)) return ed;
  const end = ed === null ? null : Math.floor(ed);
  if (end !== null) {
    if (end < start) return messages.endBeforeStart(start, end);
    if (end > last) return messages.dateOutsidePeriods("end_date", end, first, last);
  }
  let w: number[] | null = null;
  if (!isBlank(weights)) {
    const wm = oneColumn(weights, "weights");
    if (isCalcError(wm)) return wm;
    if (wm.length !== n && filledRows(wm) !== n)
      return messages.rowCountMismatch("weights", filledRows(wm), "periods", n);
    const wv = readNumbersOrBlank(wm.slice(0, n), "weights");
    if (isCalcError(wv)) return wv;
    w = [];
    for (let i = 0; i < n; i++) {
      const v = wv[i];
      if (v === null) return messages.blank({ arg: "weights", row: i + 1 });
      if (v < 0) return messages.negative({ arg: "weights", row: i + 1 }, v);
      w.push(v);
    }
    const sum = sumExact(w);
    if (!sum.eq(1)) return messages.weightsNotOne(sum.toString());
  }
  const parts = coreProrate(am, list, start, end, w, bs);
  return pm.map((_, r) => [r < n ? cell(parts[r], ` in row ${r + 1}`) : ""]);
}

/** The header row of DRAW's table. */
export const DRAW_HEADERS = ["Period", "Earned", "Draw", "Top-up", "Recovered", "Paid", "Owed"] as const;

/**
 * DRAW(earnings, draw, [recoverable], [recovery_limit], [opening_balance]): a draw settled period
 * by period, spilled as a table under DRAW_HEADERS. Blank earnings are a period with nothing
 * earned; trailing blank rows of the selection stay blank.
 */
export function draw(
  earnings: unknown,
  drawArg: unknown,
  recoverable?: unknown,
  recoveryLimit?: unknown,
  openingBalance?: unknown,
): OutMatrix | CalcError {
  const em = oneColumn(earnings, "earnings");
  if (isCalcError(em)) return em;
  const dm = oneColumn(drawArg, "draw");
  if (isCalcError(dm)) return dm;
  const perRow = dm.length > 1;
  if (perRow && dm.length !== em.length) return messages.rowCountMismatch("draw", dm.length, "earnings", em.length);
  const rec = readOptionalBoolean(recoverable, "recoverable", true);
  if (isCalcError(rec)) return rec;
  const lim = readOptionalNumber(recoveryLimit, "recovery_limit");
  if (isCalcError(lim)) return lim;
  if (lim !== null && (lim < 0 || lim > 1)) return messages.notAShare({ arg: "recovery_limit" }, lim);
  const open = readOptionalNumber(openingBalance, "opening_balance");
  if (isCalcError(open)) return open;
  if (open !== null && open < 0) return messages.negative({ arg: "opening_balance" }, open);

  const n = filledRows(em.map((row, i) => [row[0], perRow ? dm[i][0] : null]));
  const earned = readNumbersOrBlank(em.slice(0, n), "earnings");
  if (isCalcError(earned)) return earned;
  const draws: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = perRow ? dm[i][0] : dm[0][0];
    const where = perRow ? { arg: "draw", row: i + 1 } : { arg: "draw" };
    if (isBlank(v)) {
      draws.push(0);
      continue;
    }
    const d = readNumber(v, where);
    if (isCalcError(d)) return d;
    if (d < 0) return messages.negative(where, d);
    draws.push(d);
  }
  const periods = applyDraw(
    earned.map((e) => e ?? 0),
    draws,
    { recoverable: rec, recoveryLimit: lim ?? 1 },
    open ?? 0,
  );
  const rows: OutMatrix = [[...DRAW_HEADERS]];
  periods.forEach((p, i) => {
    const at = ` in row ${i + 1}`;
    rows.push([
      i + 1,
      cell(p.earned, at),
      cell(p.draw, at),
      cell(p.topUp, at),
      cell(p.recovered, at),
      cell(p.paid, at),
      cell(p.owed, at),
    ]);
  });
  for (let i = n; i < em.length; i++) rows.push(DRAW_HEADERS.map(() => ""));
  return rows;
}

/** CLAWBACK's method argument: "PRORATED" (default), "FULL", or a share from 0 to 1. */
function readClawbackMethod(value: unknown): ClawbackMethod | CalcError {
  const single = asSingle(value, "method");
  if (isCalcError(single)) return single;
  const err = inputError(single, { arg: "method" });
  if (err) return err;
  if (typeof single === "number") {
    if (!Number.isFinite(single)) return messages.notFinite({ arg: "method" });
    return single >= 0 && single <= 1 ? single + 0 : messages.notAShare({ arg: "method" }, single);
  }
  return readOption(single, "method", CLAWBACK_METHODS);
}

/**
 * CLAWBACK(commission, months_kept, term_months, [method], [window_months]): the commission to
 * reverse when a customer cancels, as a negative number (0 when nothing is clawed back).
 * Element-wise over the first three arguments, so a column of deals spills a column.
 */
export function clawback(
  commission: unknown,
  monthsKept: unknown,
  termMonths: unknown,
  method?: unknown,
  windowMonths?: unknown,
): OutMatrix | CalcError {
  const c = asMatrix(commission, "commission");
  if (isCalcError(c)) return c;
  const k = asMatrix(monthsKept, "months_kept");
  if (isCalcError(k)) return k;
  const t = asMatrix(termMonths, "term_months");
  if (isCalcError(t)) return t;
  const md = readClawbackMethod(method);
  if (isCalcError(md)) return md;
  const win = readOptionalNumber(windowMonths, "window_months");
  if (isCalcError(win)) return win;
  if (win !== null && win < 0) return messages.negative({ arg: "window_months" }, win);
  return elementwise(
    [
      { name: "commission", m: c },
      { name: "months_kept", m: k },
      { name: "term_months", m: t },
    ],
    (values, where) => {
      // A deal row with neither commission nor months kept is an empty row (the term is often one cell).
      if (isBlank(values[0]) && isBlank(values[1])) return "";
      const nums: number[] = [];
      for (let i = 0; i < 3; i++) {
        if (isBlank(values[i])) return messages.blank(where(i));
        const v = readNumber(values[i], where(i));
        if (isCalcError(v)) return v;
        if (v < 0) return messages.negative(where(i), v);
        nums.push(v);
      }
      const [cm, kept, term] = nums;
      if (term === 0) return messages.notPositive(where(2), term);
      return toNumber(coreClawback(cm, kept, term, { method: md, windowMonths: win }));
    },
  );
}
