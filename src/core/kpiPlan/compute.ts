import { dateSerial } from "../dates";
import { isCalcError } from "../errors";
import { dec, toNumber } from "../money";
import { excelTrimKey, headerIndex, textKey } from "../text";
import { compileCurve, payout } from "../tiers";
import { checkDateColumns, monthWarnings, repeatedRowWarnings } from "./dataChecks";
import { KpiDefinition, KpiPlan, KpiPlanError, measureColumns } from "./types";
import { normalizeMonth, parseMonth } from "./versions";

/** A data table as read from the workbook: headers and rows of cell values. */
export interface DataTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

/** A person to score: id (as in the data's person columns) and role. */
export interface Person {
  readonly id: string;
  readonly role: string;
}

/** One person's result on one KPI, with the rows that fed it. */
export interface ScoreLine {
  readonly person: string;
  readonly role: string;
  readonly kpi: string;
  readonly actual: number;
  readonly target: number;
  readonly weight: number;
  readonly attainment: number;
  readonly payout: number;
  /** 0-based data rows of the KPI's table counted in the actual. */
  readonly rows: readonly number[];
}

/** One person's bonus: the sum of their lines, and their weighted attainment. */
export interface PersonScore {
  readonly person: string;
  readonly role: string;
  readonly bonus: number;
  /** sum(weight x attainment) / sum(weight). */
  readonly attainment: number;
  /** 1 + the number of people with a higher attainment (ties share a rank). */
  readonly rank: number;
}

/**
 * Attainments are ranked at this many decimal places: two people whose attainments differ only
 * by rounding noise (2E-17 against 0, from dividing in decimals or in doubles) share a rank, in
 * the core and on the Leaderboard alike (its Rank compares ROUND(attainment, RANK_PLACES)).
 */
export const RANK_PLACES = 12;

/** An attainment as ranks compare it: rounded to RANK_PLACES as the spreadsheet's ROUND rounds. */
export function rankingValue(attainment: number): number {
  const m = 10 ** RANK_PLACES;
  return attainment < 0 ? -Math.round(-attainment * m) / m : Math.round(attainment * m) / m;
}

/** Excel date serials of the first day of a month and of the next month. */
export function monthBounds(month: string): [number, number] {
  const [y, m] = parseMonth(normalizeMonth(month));
  return [dateSerial(y, m, 1), m === 12 ? dateSerial(y + 1, 1, 1) : dateSerial(y, m + 1, 1)];
}

/** The index of a column (trimmed, any case), or an error naming the KPI, table and column. */
function column(t: DataTable, name: string, kpi: string, table: string): number {
  const i = headerIndex(t.headers, name);
  if (i < 0) throw new KpiPlanError(`KPI "${kpi}": table ${table} has no column "${name}".`);
  return i;
}

/**
 * A KPI's actual for one person in a month, and the rows that fed it. Rows count when the
 * person column names the person, the date falls in the month, and every filter matches. Sum and
 * average read the value column (blank = skipped; text is an error naming the KPI and row);
 * win rate = won / (won + lost) among those rows. An average or win rate with nothing to
 * average is 0, as the sheet shows it (IFERROR), so the KPI pays its 0% point.
 */
export function kpiActual(
  k: KpiDefinition,
  t: DataTable,
  person: string,
  month: string,
  index?: PersonIndex,
): { actual: number; rows: number[] } {
  const m = k.measure;
  const p = column(t, m.person, k.name, m.table);
  const d = column(t, m.date, k.name, m.table);
  const filters = m.filters.map((f) => ({
    i: column(t, f.column, k.name, m.table),
    values: new Set(f.values.map(excelTrimKey)),
  }));
  const [start, end] = monthBounds(month);
  const rows: number[] = [];
  const who = excelTrimKey(person);
  const consider = (r: number) => {
    const row = t.rows[r];
    const date = row[d];
    if (excelTrimKey(row[p]) !== who || typeof date !== "number" || date < start || date >= end) return;
    if (filters.every((f) => f.values.has(excelTrimKey(row[f.i])))) rows.push(r);
  };
  if (index) for (const r of index.rowsOf(t, p, who)) consider(r);
  else for (let r = 0; r < t.rows.length; r++) consider(r);
  const col = (name: string) => column(t, name, k.name, m.table);
  switch (m.aggregate) {
    case "count":
      return { actual: rows.length, rows };
    case "win-rate": {
      const o = col(m.outcome.column);
      const won = new Set(m.outcome.won.map(excelTrimKey));
      const lost = new Set(m.outcome.lost.map(excelTrimKey));
      const w = rows.filter((r) => won.has(excelTrimKey(t.rows[r][o])));
      const l = rows.filter((r) => lost.has(excelTrimKey(t.rows[r][o])));
      return {
        actual: w.length + l.length === 0 ? 0 : w.length / (w.length + l.length),
        rows: [...w, ...l].sort((a, b) => a - b),
      };
    }
    case "cycle": {
      // The mean of (date - start) over the rows with a start date (days).
      const f = col(m.start);
      let days = dec(0);
      const used: number[] = [];
      for (const r of rows) {
        const begun = numberAt(k, t, r, f, m.start);
        if (begun === null) continue;
        days = days.plus(dec(t.rows[r][d] as number).minus(begun));
        used.push(r);
      }
      return { actual: used.length ? toNumber(days.div(used.length)) : 0, rows: used };
    }
    case "conversion": {
      // sum(advanced) / sum(entered); 0 when nothing entered (as the sheet's IFERROR).
      const e = col(m.entered);
      const a = col(m.advanced);
      let entered = dec(0);
      let advanced = dec(0);
      for (const r of rows) {
        entered = entered.plus(numberAt(k, t, r, e, m.entered) ?? 0);
        advanced = advanced.plus(numberAt(k, t, r, a, m.advanced) ?? 0);
      }
      return { actual: entered.isZero() ? 0 : toNumber(advanced.div(entered)), rows };
    }
    case "sum":
    case "average": {
      const v = col(m.value);
      let total = dec(0);
      const used: number[] = [];
      for (const r of rows) {
        const x = numberAt(k, t, r, v, m.value);
        if (x === null) continue;
        total = total.plus(x);
        used.push(r);
      }
      if (m.aggregate === "sum") return { actual: toNumber(total), rows: used };
      return { actual: used.length === 0 ? 0 : toNumber(total.div(used.length)), rows: used };
    }
  }
}

/**
 * Each table's rows by person (the person column's text as the sheet's TRIM(...)= compares it: {@link excelTrimKey}), built once per
 * table and column, so that scoring P people reads each table once instead of P times.
 */
export class PersonIndex {
  private readonly built = new Map<DataTable, Map<number, Map<string, number[]>>>();

  /** The rows of `t` whose column `c` names the person `who` (already a key), ascending. */
  rowsOf(t: DataTable, c: number, who: string): readonly number[] {
    let byColumn = this.built.get(t);
    if (!byColumn) this.built.set(t, (byColumn = new Map()));
    let byPerson = byColumn.get(c);
    if (!byPerson) {
      byPerson = new Map();
      for (let r = 0; r < t.rows.length; r++) {
        const k = excelTrimKey(t.rows[r][c]);
        const list = byPerson.get(k);
        if (list) list.push(r);
        else byPerson.set(k, [r]);
      }
      byColumn.set(c, byPerson);
    }
    return byPerson.get(who) ?? [];
  }
}

/** A number cell of a KPI's table, or an error naming the KPI, row and column; null when blank. */
function numberAt(k: KpiDefinition, t: DataTable, r: number, c: number, name: string): number | null {
  const x = t.rows[r][c];
  if (x === null || x === undefined || x === "") return null;
  if (typeof x !== "number" || !Number.isFinite(x))
    throw new KpiPlanError(
      `KPI "${k.name}": ${k.measure.table} row ${r + 1} has "${String(x)}" in ${name}, not a number.`,
    );
  return x;
}

/**
 * Attainment of a KPI: actual / target; for a cycle, where shorter is better, target / actual
 * (0 when there is no cycle to measure).
 */
export function kpiAttainment(k: KpiDefinition, actual: number): number {
  if (k.measure.aggregate === "cycle") return actual === 0 ? 0 : toNumber(dec(k.target).div(actual));
  return toNumber(dec(actual).div(k.target));
}

/** Checks a plan's KPIs: targets above 0, weights 0 or more, valid curves; errors name the KPI. */
export function checkPlan(plan: KpiPlan): void {
  for (const r of plan.roles) {
    if (!(r.targetBonus >= 0))
      throw new KpiPlanError(`Role ${r.role}: the target bonus is ${r.targetBonus}; enter an amount of 0 or more.`);
    for (const k of r.kpis) {
      if (!(k.target > 0))
        throw new KpiPlanError(`KPI "${k.name}" (${r.role}): the target is ${k.target}; enter a target above 0.`);
      if (!(k.weight >= 0))
        throw new KpiPlanError(`KPI "${k.name}" (${r.role}): the weight is ${k.weight}; weights are 0 or more.`);
      const c = compileCurve(k.curve);
      if (isCalcError(c)) throw new KpiPlanError(`KPI "${k.name}" (${r.role}): ${c.message}`);
    }
  }
}

/**
 * Checks a plan against its data before it is saved: every column a KPI reads (person, date,
 * filters and its measure's own) is in its table, so a plan that could never compute is not
 * stored. The message is the one a run would give.
 * @throws KpiPlanError naming the KPI, the table and the column.
 */
export function checkPlanColumns(plan: KpiPlan, tables: ReadonlyMap<string, DataTable>): void {
  for (const k of plan.roles.flatMap((r) => r.kpis)) {
    const m = k.measure;
    const t = tables.get(textKey(m.table));
    if (!t)
      throw new KpiPlanError(
        `KPI "${k.name}": there is no table named "${m.table}". Choose the table it is measured on.`,
      );
    for (const name of [m.person, m.date, ...m.filters.map((f) => f.column), ...measureColumns(m)])
      column(t, name, k.name, m.table);
  }
}

/**
 * Everyone's scorecard for a month under a plan: per person and KPI the actual, attainment
 * (actual / target) and payout (PAYOUT of the attainment on weight x target bonus); the bonus is
 * the sum of a person's payouts. People whose role has no plan are left out. Text in a date
 * column is refused (see checkDateColumns); a month that computed to nothing comes with warnings
 * (see monthWarnings), never a silent row of zero bonuses, and rows repeated cell for cell in the
 * month are named (see repeatedRowWarnings).
 */
export function computeScorecards(
  plan: KpiPlan,
  people: readonly Person[],
  tables: ReadonlyMap<string, DataTable>,
  month: string,
): { lines: ScoreLine[]; people: PersonScore[]; warnings: string[]; emptyMonth: boolean } {
  checkPlan(plan);
  checkDateColumns(plan, tables);
  const lines: ScoreLine[] = [];
  const scores: Omit<PersonScore, "rank">[] = [];
  const index = new PersonIndex();
  for (const person of people) {
    const role = plan.roles.find((r) => excelTrimKey(r.role) === excelTrimKey(person.role));
    if (!role) continue;
    let bonus = dec(0);
    let weighted = dec(0);
    let weights = dec(0);
    for (const k of role.kpis) {
      const t = tables.get(textKey(k.measure.table));
      if (!t) throw new KpiPlanError(`KPI "${k.name}": there is no table named "${k.measure.table}".`);
      const { actual, rows } = kpiActual(k, t, person.id, month, index);
      const attainment = kpiAttainment(k, actual);
      const curve = compileCurve(k.curve);
      if (isCalcError(curve)) throw new KpiPlanError(`KPI "${k.name}": ${curve.message}`);
      const pay = payout(attainment, toNumber(dec(k.weight).times(role.targetBonus)), curve);
      lines.push({
        person: person.id,
        role: role.role,
        kpi: k.name,
        actual,
        target: k.target,
        weight: k.weight,
        attainment,
        payout: pay,
        rows,
      });
      bonus = bonus.plus(pay);
      weighted = weighted.plus(dec(k.weight).times(attainment));
      weights = weights.plus(k.weight);
    }
    scores.push({
      person: person.id,
      role: role.role,
      bonus: toNumber(bonus),
      attainment: weights.isZero() ? 0 : toNumber(weighted.div(weights)),
    });
  }
  const empty = monthWarnings(plan, tables, month, monthBounds(month), lines);
  return {
    lines,
    people: scores.map((s) => ({
      ...s,
      rank: 1 + scores.filter((o) => rankingValue(o.attainment) > rankingValue(s.attainment)).length,
    })),
    warnings: [...empty, ...repeatedRowWarnings(plan, tables, month, monthBounds(month))],
    emptyMonth: empty.length > 0,
  };
}
