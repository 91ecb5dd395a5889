import { isDateSerial } from "../core/dates";
import { CalcError, isCalcError, messages } from "../core/errors";
import { dec, Dec, sumExact, toNumber } from "../core/money";
import {
  applyDraw,
  checkPeriods,
  clawback as coreClawback,
  CLAWBACK_METHODS,
  Period,
  prorate as coreProrate,
  PRORATION_BASES,
  runningPayout as coreRunningPayout,
  splitCredit as coreSplitCredit,
} from "../core/payoutRules";
import { CURVE_OPTIONS, curveOf } from "./curveArgs";
import { defineFunction } from "./functionSpec";
import { readNumbersOrBlank } from "./kpiArgs";
import { bool, cells, eachCell, num, option, range, shareOrOption, tiers } from "./params";
import { finite, isBlank, Matrix, OutMatrix, OutValue, readNumber, whereIn } from "./values";

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
export const RUNNING_PAYOUT = defineFunction({
  id: "RUNNING_PAYOUT",
  params: [
    range("amounts", { oneColumn: true }),
    num("target_incentive", { limit: "atLeast0" }),
    tiers("tiers"),
    num("start", { optional: true, fallback: 0 }),
    CURVE_OPTIONS.mode,
    CURVE_OPTIONS.threshold,
    CURVE_OPTIONS.cap,
  ],
  result: "matrix",
  spillSize: (shapes) => ({ height: shapes[0]?.height ?? 1, width: 1 }),
  body: (a, ti, t, start, mode, threshold, cap): OutMatrix | CalcError => {
    const curve = curveOf(t, mode, threshold, cap);
    if (isCalcError(curve)) return curve;
    const values = readNumbersOrBlank(a, "amounts");
    if (isCalcError(values)) return values;
    const rows = coreRunningPayout(values, ti, curve, start);
    return rows.map((v, i) => [v === null ? "" : finite(v, ` in row ${i + 1}`)]);
  },
});

/** The RUNNING_PAYOUT adapter. */
export const runningPayout = RUNNING_PAYOUT.compute;

/** The largest |decimals| SPLIT_CREDIT accepts. */
const MAX_DECIMALS = 10;

/**
 * SPLIT_CREDIT(amount, shares, [decimals]): each share's credit, amount x share rounded to
 * `decimals` (default 2) by largest remainder, spilled in the shape of `shares`. Blank shares
 * stay blank and take no part.
 */
export const SPLIT_CREDIT = defineFunction({
  id: "SPLIT_CREDIT",
  params: [
    num("amount"),
    range("shares"),
    num("decimals", { optional: true, fallback: 2, whole: { min: -MAX_DECIMALS, max: MAX_DECIMALS } }),
  ],
  result: "matrix",
  spillSize: (shapes) => shapes[1] ?? { height: 1, width: 1 },
  body: (am, s, places): OutMatrix | CalcError => {
    const values = readNumbersOrBlank(s, "shares");
    if (isCalcError(values)) return values;
    const given: number[] = [];
    const width = s[0].length;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null) continue;
      if (v < 0) return messages.negative(whereIn(s, "shares", Math.floor(i / width), i % width), v);
      given.push(v);
    }
    if (given.length === 0) return messages.blank({ arg: "shares" });
    const total = dec(am).times(sumExact(given));
    if (!total.abs().lt(Number.MAX_VALUE)) return messages.outOfRange("");
    const parts = coreSplitCredit(am, given, places);
    let next = 0;
    return s.map((row, r) => row.map((_, c) => (values[r * width + c] === null ? "" : cell(parts[next++]))));
  },
});

/** The SPLIT_CREDIT adapter. */
export const splitCredit = SPLIT_CREDIT.compute;

/**
 * PRORATE(amount, periods, start_date, [end_date], [weights], [basis]): per period, amount x
 * weight x the share of the period the person is in the plan (by days, or by whole months).
 */
export const PRORATE = defineFunction({
  id: "PRORATE",
  params: [
    num("amount"),
    range("periods"),
    num("start_date"),
    num("end_date", { optional: true }),
    range("weights", { optional: true, oneColumn: true }),
    option("basis", PRORATION_BASES),
  ],
  result: "matrix",
  spillSize: (shapes) => ({ height: shapes[1]?.height ?? 1, width: 1 }),
  body: (am, pm, sd, ed, wm, bs) => prorated(am, pm, sd, ed, wm, bs),
});

/** The PRORATE adapter. */
export const prorate = PRORATE.compute;

function prorated(
  am: number,
  pm: Matrix,
  sd: number,
  ed: number | null,
  wm: Matrix | null,
  bs: (typeof PRORATION_BASES)[number],
): OutMatrix | CalcError {
  if (pm[0].length !== 2) return messages.periodsShape(pm[0].length);
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
      if (!isDateSerial(v)) return messages.notADate(where, v);
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
  if (!isDateSerial(sd)) return messages.notADate({ arg: "start_date" }, sd);
  if (ed !== null && !isDateSerial(ed)) return messages.notADate({ arg: "end_date" }, ed);
  const start = Math.floor(sd);
  if (start < first || start > last) return messages.dateOutsidePeriods("start_date", start, first, last);
  const end = ed === null ? null : Math.floor(ed);
  if (end !== null) {
    if (end < start) return messages.endBeforeStart(start, end);
    if (end > last) return messages.dateOutsidePeriods("end_date", end, first, last);
  }
  let w: number[] | null = null;
  if (wm !== null) {
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
export const DRAW = defineFunction({
  id: "DRAW",
  params: [
    range("earnings", { oneColumn: true }),
    range("draw", { oneColumn: true }),
    bool("recoverable", true),
    num("recovery_limit", { optional: true, fallback: 1, limit: "share" }),
    num("opening_balance", { optional: true, fallback: 0, limit: "atLeast0" }),
  ],
  result: "matrix",
  // The header row, then one row per period.
  spillSize: (shapes) => ({ height: (shapes[0]?.height ?? 1) + 1, width: DRAW_HEADERS.length }),
  body: (em, dm, rec, lim, open) => drawTable(em, dm, rec, lim, open),
});

/** The DRAW adapter. */
export const draw = DRAW.compute;

function drawTable(em: Matrix, dm: Matrix, rec: boolean, lim: number, open: number): OutMatrix | CalcError {
  const perRow = dm.length > 1;
  if (perRow && dm.length !== em.length) return messages.rowCountMismatch("draw", dm.length, "earnings", em.length);
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
    { recoverable: rec, recoveryLimit: lim },
    open,
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

/**
 * CLAWBACK(commission, months_kept, term_months, [method], [window_months]): the commission to
 * reverse when a customer cancels, as a negative number (0 when nothing is clawed back).
 * Element-wise over the first three arguments, so a column of deals spills a column.
 */
export const CLAWBACK = defineFunction({
  id: "CLAWBACK",
  params: [
    cells("commission", "atLeast0"),
    cells("months_kept", "atLeast0"),
    // A deal row with neither commission nor months kept is an empty row (the term is often one cell).
    cells("term_months", "atLeast0", { marksRow: false }),
    shareOrOption("method", CLAWBACK_METHODS),
    num("window_months", { optional: true, limit: "atLeast0" }),
  ],
  result: "matrix",
  spillSize: (shapes) => shapes.slice(0, 3).find((s) => s.height * s.width > 1) ?? { height: 1, width: 1 },
  body: (commission, kept, term, method, windowMonths) =>
    eachCell([commission, kept, term], ([cm, k, t], where) =>
      t === 0 ? messages.notPositive(where(2), t) : toNumber(coreClawback(cm, k, t, { method, windowMonths })),
    ),
});

/** The CLAWBACK adapter. */
export const clawback = CLAWBACK.compute;
