import {
  dateSerial,
  isoDate,
  firstRows,
  readDateCell,
  refusedDatesMessage,
  TextDateCell,
  textDatesNote,
} from "../../core/dates";
import { dec, toNumber } from "../../core/money";
import { repeatedRows, repeatedRowsSaid } from "../../core/repeatedRows";
import { LedgerCredit, LedgerInput, LedgerPerson, LedgerPlan } from "../../core/ledger";
import { Period } from "../../core/payoutRules";
import { normaliseLabel } from "../../core/winRate";
import { TableData } from "../../workbook/host";
import { QUOTA_REP_COLUMNS } from "../quotas/layout";
import { BacktestPlan, BacktestRolePlan, BacktestSettings, PER_YEAR } from "./backtestSettings";

/** A person as read from the people table. */
export interface BacktestPerson {
  /** 1-based data row in the people table. */
  readonly row: number;
  readonly id: string;
  readonly role: string;
  /** First day in the plan, inside the year (the year's first day when earlier or blank). */
  readonly from: number;
  /** Last day in the plan, or null through the year. */
  readonly to: number | null;
  /** The full-year quota (per period x periods), or null when none was given. */
  readonly annualQuota: number | null;
  /** The draw per period from the people table; null when blank (the role plan's draw, if any). */
  readonly draw: number | null;
}

/** One credit: a deal (or its part) credited to one person; the back-test's unit of account. */
export interface BacktestCredit {
  /** 1-based data row of the deal in the deals table. */
  readonly dealRow: number;
  readonly deal: string;
  readonly person: string;
  readonly role: string;
  readonly date: number;
  /** 1-based period of the close date. */
  readonly period: number;
  readonly amount: number;
  readonly share: number;
  /** The shares of this deal for this role, in credit order, and this credit's place among them (SPLIT_CREDIT). */
  readonly group: readonly number[];
  readonly groupIndex: number;
  readonly stage: string;
  readonly paymentDate: number | null;
  readonly cancelDate: number | null;
  readonly termMonths: number | null;
  /** True for the owner's credit (revenue counts each deal once, through its owner). */
  readonly isOwner: boolean;
}

/** The back-test's inputs, read and checked. */
export interface BacktestData {
  readonly periods: readonly Period[];
  /** People with a plan, in table order. */
  readonly people: readonly BacktestPerson[];
  /** Credits sorted by person (table order), then close date, then deal row. */
  readonly credits: readonly BacktestCredit[];
  /** What the user must fix; nothing is computed while there are any. */
  readonly problems: readonly string[];
  /** What was left out, for the summary. */
  readonly notes: readonly string[];
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const key = (v: unknown) => String(v).trim().toLowerCase();

/** The plan year's periods: 12 months or 4 quarters. */
export function planPeriods(year: number, kind: "months" | "quarters"): Period[] {
  const step = kind === "months" ? 1 : 3;
  return Array.from({ length: 12 / step }, (_, i) => ({
    first: dateSerial(year, i * step + 1, 1),
    last: dateSerial(year, (i + 1) * step + 1, 0),
  }));
}

/** A table's column by header (trimmed, any case), or a problem naming it. */
function columnOf(
  t: TableData,
  header: string | null,
  what: string,
  problems: string[],
  required = true,
): number | null {
  if (header === null || header.trim() === "") {
    if (required) problems.push(`Choose the ${what} column of table ${t.source}.`);
    return null;
  }
  const i = t.headers.findIndex((h) => key(h) === key(header));
  if (i < 0) problems.push(`Table ${t.source} has no column "${header}" (the ${what}); choose another.`);
  return i < 0 ? null : i;
}

/** A cell as a number: null when blank, undefined (with a problem) when it is not a number. */
function numberAt(
  row: readonly unknown[],
  col: number | null,
  where: string,
  field: string,
  problems: string[],
): number | null | undefined {
  if (col === null) return null;
  const v = row[col];
  if (isBlank(v)) return null;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  problems.push(`${where}, ${field}: "${String(v)}" is not a number.`);
  return undefined;
}

/**
 * Date cells read by the one rule for dates (core/dates.ts): numbers as they are, ISO text as
 * the date it names (one note per column), other text refused (one problem per column naming
 * its first rows). `at` is undefined for a refused cell, like {@link numberAt}.
 */
function dateReader() {
  const columns = new Map<string, { table: string; column: string; read: TextDateCell[]; refused: TextDateCell[] }>();
  const entry = (table: string, column: string) => {
    const k = `${key(table)}\u0000${key(column)}`;
    let c = columns.get(k);
    if (!c) columns.set(k, (c = { table, column, read: [], refused: [] }));
    return c;
  };
  return {
    at(t: TableData, r: readonly unknown[], col: number | null, field: string, row: number): number | null | undefined {
      if (col === null) return null;
      const cell = readDateCell(r[col]);
      if (cell.kind === "blank") return null;
      if (cell.kind === "date") {
        if (cell.fromText) entry(t.source, field).read.push({ row, text: String(r[col]).trim() });
        return cell.serial;
      }
      entry(t.source, field).refused.push({ row, text: cell.text });
      return undefined;
    },
    /** The notes and problems of the columns read. */
    finish(notes: string[], problems: string[]): void {
      for (const c of columns.values()) {
        if (c.refused.length) {
          problems.push(refusedDatesMessage(c.table, c.column, c.refused));
        }
        if (c.read.length) notes.push(textDatesNote(c.table, c.column, c.read));
      }
    },
  };
}

/** A quota sheet's quota of one person: its 1-based row and the quota there. */
interface SheetQuota {
  readonly row: number;
  readonly quota: number | null;
}

/**
 * The quotas of the quota step's reps table by person id (the same text, surrounding spaces
 * aside), or null with problems naming its missing columns, its non-numbers and its repeated ids.
 */
function sheetQuotas(t: TableData | null, table: string, problems: string[]): Map<string, SheetQuota> | null {
  if (!t) {
    problems.push(
      `There is no table named "${table}" (the quota step's quotas); run Quotas, or choose another quota source.`,
    );
    return null;
  }
  const [repHeader, quotaHeader] = [QUOTA_REP_COLUMNS[0], QUOTA_REP_COLUMNS[3]];
  const rep = columnOf(t, repHeader, "person id", problems);
  const quota = columnOf(t, quotaHeader, "quota", problems);
  if (rep === null || quota === null) return null;
  const out = new Map<string, SheetQuota>();
  t.rows.forEach((r, i) => {
    const row = i + 1;
    if (isBlank(r[rep])) return;
    const id = String(r[rep]).trim();
    const q = numberAt(r, quota, `${t.source} row ${row}`, quotaHeader, problems);
    if (q === undefined) return;
    const seen = out.get(id);
    if (seen)
      problems.push(`${t.source} row ${row}, ${repHeader}: "${id}" is also on row ${seen.row}; list each person once.`);
    else out.set(id, { row, quota: q });
  });
  return out;
}

const rolePlan = (plan: BacktestPlan, role: string) => plan.roles.find((r) => key(r.role) === key(role)) ?? null;

/**
 * Reads the deals, people (and credits) tables into credits and people for the ledger, checking
 * everything the user can fix: unknown people, share totals a plan does not allow, dates outside
 * the plan year, missing quotas, text where numbers belong. Problems name the table, row and field.
 */
export function readBacktest(
  s: BacktestSettings,
  deals: TableData,
  people: TableData,
  creditsTable: TableData | null,
  quotaTable: TableData | null = null,
): BacktestData {
  const problems: string[] = [];
  const notes: string[] = [];
  const periods = planPeriods(s.year, s.periods);
  const first = periods[0].first;
  const last = periods[periods.length - 1].last;
  const n = periods.length;

  const pm = s.people;
  const pc = {
    id: columnOf(people, pm.id, "person id", problems),
    role: columnOf(people, pm.role, "role", problems),
    start: columnOf(people, pm.start, "start date", problems, false),
    end: columnOf(people, pm.end, "end date", problems, false),
    quota: columnOf(people, pm.quota, "quota per period", problems, s.quotas.kind === "people"),
    draw: columnOf(people, pm.draw, "draw per period", problems, false),
  };
  const dm = s.deals;
  const dc = {
    deal: columnOf(deals, dm.deal, "deal id", problems),
    owner: columnOf(deals, dm.owner, "owner", problems, dm.credits.kind !== "table"),
    amount: columnOf(deals, dm.amount, "amount", problems),
    close: columnOf(deals, dm.closeDate, "close date", problems),
    stage: columnOf(deals, dm.stage, "stage", problems),
    payment: columnOf(deals, dm.paymentDate, "payment date", problems, false),
    cancel: columnOf(deals, dm.cancelDate, "cancel date", problems, false),
    term: columnOf(deals, dm.term, "term", problems, false),
  };
  const extra =
    dm.credits.kind === "columns"
      ? dm.credits.columns.map((c) => ({
          person: columnOf(deals, c.person, "credited person", problems),
          share: columnOf(deals, c.share, "credit share", problems, false),
        }))
      : [];
  const ct =
    dm.credits.kind === "table" && creditsTable
      ? {
          deal: columnOf(creditsTable, dm.credits.deal, "credited deal", problems),
          person: columnOf(creditsTable, dm.credits.person, "credited person", problems),
          share: columnOf(creditsTable, dm.credits.share, "credit share", problems),
          role: columnOf(creditsTable, dm.credits.role, "credit role", problems, false),
        }
      : null;
  const fromSheet = s.quotas.kind === "sheet" ? sheetQuotas(quotaTable, s.quotas.table, problems) : null;
  if (problems.length) return { periods, people: [], credits: [], problems, notes };
  const dates = dateReader();

  // People.
  const byId = new Map<string, BacktestPerson>();
  const unplanned = new Set<string>();
  const list: BacktestPerson[] = [];
  people.rows.forEach((r, i) => {
    const row = i + 1;
    const where = `${people.source} row ${row}`;
    if (isBlank(r[pc.id!])) return;
    const id = String(r[pc.id!]).trim();
    const role = String(r[pc.role!] ?? "").trim();
    if (byId.has(key(id))) {
      problems.push(`${where}, ${pm.id}: "${id}" is listed twice; list each person once.`);
      return;
    }
    const cur = rolePlan(s.current, role);
    const prop = rolePlan(s.proposed, role);
    if (!cur && !prop) {
      unplanned.add(key(id));
      return;
    }
    if (!cur || !prop) {
      problems.push(
        `${where}, ${pm.role}: role "${role}" has a plan in ${cur ? s.current.name : s.proposed.name} but none in ${cur ? s.proposed.name : s.current.name}; give it one in both.`,
      );
      return;
    }
    const start = dates.at(people, r, pc.start, pm.start ?? "", row);
    const end = dates.at(people, r, pc.end, pm.end ?? "", row);
    const quota = numberAt(r, pc.quota, where, pm.quota ?? "", problems);
    const draw = numberAt(r, pc.draw, where, pm.draw ?? "", problems);
    if (start === undefined || end === undefined || quota === undefined || draw === undefined) return;
    if (end !== null && end < first) {
      unplanned.add(key(id));
      notes.push(`${id} left before ${s.year} and is left out.`);
      return;
    }
    if (start !== null && start > last) {
      unplanned.add(key(id));
      notes.push(`${id} starts after ${s.year} and is left out.`);
      return;
    }
    if (end !== null && start !== null && end < start) {
      problems.push(`${where}, ${pm.end}: the end date is before the start date.`);
      return;
    }
    if (draw !== null && draw < 0) {
      problems.push(`${where}, ${pm.draw}: the draw is negative (${draw}); a draw is 0 or more.`);
      return;
    }
    let annual: number | null = null;
    if (s.quotas.kind === "people") {
      if (quota !== null && quota < 0) {
        problems.push(`${where}, ${pm.quota}: the quota is negative (${quota}).`);
        return;
      }
      annual = quota === null ? null : toNumber(dec(quota).times(n));
    } else if (s.quotas.kind === "sheet") {
      const sq = fromSheet!.get(id);
      if (sq && sq.quota !== null && sq.quota < 0) {
        problems.push(`${s.quotas.table} row ${sq.row}, Quota: ${id}'s quota is negative (${sq.quota}).`);
        return;
      }
      annual = sq && sq.quota !== null ? toNumber(dec(sq.quota).times(PER_YEAR[s.quotas.per])) : null;
    } else {
      const q = Object.entries(s.quotas.annual).find(([k]) => key(k) === key(role));
      annual = q ? q[1] : null;
    }
    const needsQuota = [cur, prop].some((p) => p.curveOn === "ATTAINMENT");
    if (needsQuota && (annual === null || annual === 0) && s.quotas.kind === "sheet") {
      const sq = fromSheet!.get(id);
      problems.push(
        sq
          ? `${where}, ${pm.id}: ${id} (${role}) has a quota of ${sq.quota ?? "blank"} on ${s.quotas.table} row ${sq.row}; attainment needs one above 0.`
          : `${where}, ${pm.id}: ${id} (${role}) has no row in ${s.quotas.table}; attainment needs a quota. Add them to the quota step's reps, or choose another quota source.`,
      );
      return;
    }
    if (needsQuota && (annual === null || annual === 0)) {
      const field = s.quotas.kind === "people" ? `${pm.quota}` : "quota";
      {
        problems.push(
          `${where}, ${field}: ${id} (${role}) has no quota; attainment needs one. ${s.quotas.kind === "people" ? "Enter a quota per period." : `Enter an annual quota for ${role}.`}`,
        );
        return;
      }
    }
    const p: BacktestPerson = {
      row,
      id,
      role,
      from: Math.max(first, Math.floor(start ?? first)),
      to: end === null || end >= last ? null : Math.floor(end),
      annualQuota: annual,
      draw,
    };
    byId.set(key(id), p);
    list.push(p);
  });

  // Credits.
  type Raw = Omit<BacktestCredit, "group" | "groupIndex">;
  const raw: Raw[] = [];
  const dealsById = new Map<string, number>();
  let outside = 0;
  let skippedUnplanned = 0;
  const dealInfo = (r: readonly unknown[], row: number) => {
    const where = `${deals.source} row ${row}`;
    const close = dates.at(deals, r, dc.close, dm.closeDate, row);
    if (close === null || close === undefined) return null; // open (not booked), or reported
    const amount = numberAt(r, dc.amount, where, dm.amount, problems);
    if (amount === undefined) return null;
    if (amount === null) {
      problems.push(`${where}, ${dm.amount}: the amount is blank.`);
      return null;
    }
    const date = Math.floor(close);
    if (date < first || date > last) {
      if (s.outsideYear === "skip") outside++;
      else
        problems.push(
          `${where}, ${dm.closeDate}: the close date ${isoDate(date)} is outside the plan year ${s.year}; correct it or leave the deal out.`,
        );
      return null;
    }
    const payment = dates.at(deals, r, dc.payment, dm.paymentDate ?? "", row);
    const cancel = dates.at(deals, r, dc.cancel, dm.cancelDate ?? "", row);
    const term = numberAt(r, dc.term, where, dm.term ?? "", problems);
    if (payment === undefined || cancel === undefined || term === undefined) return null;
    if (cancel !== null && cancel < date) {
      problems.push(`${where}, ${dm.cancelDate}: the cancel date is before the close date.`);
      return null;
    }
    if (term !== null && term <= 0) {
      problems.push(`${where}, ${dm.term}: the term must be above 0 months.`);
      return null;
    }
    return {
      deal: String(r[dc.deal!] ?? "").trim(),
      date,
      amount,
      stage: String(r[dc.stage!] ?? "").trim(),
      paymentDate: payment === null ? null : Math.floor(payment),
      cancelDate: cancel === null ? null : Math.floor(cancel),
      termMonths: term,
      period: periods.findIndex((p) => date >= p.first && date <= p.last) + 1,
    };
  };
  const credit = (
    info: NonNullable<ReturnType<typeof dealInfo>>,
    dealRow: number,
    person: unknown,
    share: number,
    isOwner: boolean,
    where: string,
    field: string,
    role: string | null,
  ) => {
    if (isBlank(person)) return;
    const p = byId.get(key(person));
    if (!p) {
      if (unplanned.has(key(person))) skippedUnplanned++;
      else
        problems.push(
          `${where}, ${field}: "${String(person).trim()}" is not in the ${people.source} table; add them or correct the name.`,
        );
      return;
    }
    if (role !== null && key(role) !== key(p.role)) {
      problems.push(`${where}, role: "${role}", but ${p.id} is on the ${p.role} plan.`);
      return;
    }
    if (share < 0) {
      problems.push(`${where}, ${field} share: ${share} is negative.`);
      return;
    }
    raw.push({ ...info, dealRow, person: p.id, role: p.role, share, isOwner });
  };
  const infos: (ReturnType<typeof dealInfo> | undefined)[] = [];
  const unowned: TextDateCell[] = [];
  /** How many of the owner-less deals still credit someone in the other credit columns (an SDR). */
  let unownedCreditingOthers = 0;
  const stageCounts = (stage: string) =>
    [s.current, s.proposed].some((plan) =>
      plan.roles.some((rp) => countedStages(rp)?.has(normaliseLabel(stage)) ?? true),
    );
  // A deal the export listed twice would be credited twice (under an overlay plan, silently).
  const repeats = repeatedRows(deals.rows);
  const repeated = new Set(repeats.map((x) => x.row));
  if (repeats.length)
    problems.push(
      `${repeatedRowsSaid(deals.source, repeats)}: each would credit its deal again. If the export listed them twice, delete the repeats and run again.`,
    );
  deals.rows.forEach((r, i) => {
    const row = i + 1;
    const info = repeated.has(row) ? null : dealInfo(r, row);
    infos.push(info);
    if (!isBlank(r[dc.deal!])) dealsById.set(key(r[dc.deal!]), row);
    if (!info || dm.credits.kind === "table") return;
    const where = `${deals.source} row ${row}`;
    if (isBlank(r[dc.owner!]) && stageCounts(info.stage)) {
      unowned.push({ row, text: info.deal });
      if (extra.some((c) => !isBlank(r[c.person!]))) unownedCreditingOthers++;
    }
    credit(info, row, r[dc.owner!], 1, true, where, dm.owner, null);
    if (dm.credits.kind === "columns") {
      dm.credits.columns.forEach((c, k) => {
        const share = numberAt(r, extra[k].share, where, c.share ?? "", problems);
        if (share === undefined) return;
        credit(info, row, r[extra[k].person!], share ?? c.defaultShare ?? 1, false, where, c.person, null);
      });
    }
  });
  if (dm.credits.kind === "table" && creditsTable && ct) {
    const seenOwner = new Map<number, string>();
    creditsTable.rows.forEach((r, i) => {
      const where = `${creditsTable.source} row ${i + 1}`;
      if (isBlank(r[ct.deal!])) return;
      const dealRow = dealsById.get(key(r[ct.deal!]));
      if (dealRow === undefined) {
        problems.push(
          `${where}, ${dm.credits.kind === "table" ? (dm.credits as { deal: string }).deal : "deal"}: deal "${String(r[ct.deal!]).trim()}" is not in the ${deals.source} table.`,
        );
        return;
      }
      const info = infos[dealRow - 1];
      if (!info) return;
      const share = numberAt(r, ct.share, where, "share", problems);
      if (share === undefined) return;
      const role = ct.role === null || isBlank(r[ct.role]) ? null : String(r[ct.role]).trim();
      // Revenue counts each deal once: through the role credited on its first credits row.
      const person = byId.get(key(r[ct.person!] ?? ""));
      if (!seenOwner.has(dealRow) && person) seenOwner.set(dealRow, key(person.role));
      const isOwner = person !== undefined && seenOwner.get(dealRow) === key(person.role);
      credit(info, dealRow, r[ct.person!], share ?? 1, isOwner, where, "person", role);
    });
  }
  if (unowned.length)
    notes.push(
      `${deals.source}: ${unowned.length} deal(s) closed in ${s.year} in a stage a plan counts have no ${dm.owner} (${firstRows(unowned)}): ${
        unownedCreditingOthers === 0
          ? "no one is credited for them and their amounts are in neither plan's figures"
          : `no owner is credited for them, so their amounts are in neither plan's revenue (${unownedCreditingOthers === unowned.length ? "each" : `${unownedCreditingOthers} of them`} still credits the people in its other credit columns)`
      }. Enter an owner to count them.`,
    );
  if (outside) notes.push(`${outside} deal(s) closed outside ${s.year} are left out.`);
  if (skippedUnplanned) notes.push(`${skippedUnplanned} credit(s) to people whose role has no plan are left out.`);

  // Shares per deal and role (in the credits' final order, as SPLIT_CREDIT and the ledger take
  // them), checked against each plan that requires 100%.
  const order = new Map(list.map((p, i) => [p.id, i]));
  raw.sort((a, b) => order.get(a.person)! - order.get(b.person)! || a.date - b.date || a.dealRow - b.dealRow);
  const groups = new Map<string, number[]>();
  raw.forEach((c, i) => {
    const k = `${c.dealRow}\u0000${key(c.role)}`;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  const credits: BacktestCredit[] = new Array(raw.length);
  for (const g of groups.values()) {
    const shares = g.map((i) => raw[i].share);
    g.forEach((i, k) => (credits[i] = { ...raw[i], group: shares, groupIndex: k }));
    const total = shares.reduce((a, b) => a + b, 0);
    const c = raw[g[0]];
    for (const plan of [s.current, s.proposed]) {
      const rp = rolePlan(plan, c.role)!;
      if (rp.splits === "EXACT" && Math.abs(total - 1) > 1e-9) {
        problems.push(
          `${deals.source} row ${c.dealRow}, shares: deal ${c.deal}'s shares for ${c.role} add up to ${+(total * 100).toFixed(6)}%; the ${plan.name} plan requires 100% (or allow overlay credit).`,
        );
        break;
      }
    }
  }
  dates.finish(notes, problems);
  if (problems.length) return { periods, people: [], credits: [], problems, notes };
  return { periods, people: list, credits, problems, notes };
}

/** The ledger core's plan for a role. */
function ledgerPlan(rp: BacktestRolePlan, s: BacktestSettings): LedgerPlan {
  const annual =
    s.quotas.kind === "role" ? (Object.entries(s.quotas.annual).find(([k]) => key(k) === key(rp.role))?.[1] ?? 0) : 0;
  return {
    role: rp.role,
    measure: "AMOUNT",
    stages: rp.stages,
    quota: { annual },
    targetIncentive: rp.targetIncentive,
    curve: rp.curve,
    curveOn: rp.curveOn,
    attainment: rp.attainment,
    proration: rp.proration,
    splits: rp.splits,
    draw: rp.draw,
    clawback: rp.clawback,
    payTiming: rp.payTiming,
  };
}

/** A person's draw per period under a role plan: their own draw cell, else the role's draw amount, else 0. */
export function personDraw(p: BacktestPerson, rp: BacktestRolePlan): number {
  return p.draw ?? rp.drawAmount ?? 0;
}

/** The stages a role plan counts, normalised, or null for all. */
export function countedStages(rp: BacktestRolePlan): Set<string> | null {
  return rp.stages ? new Set(rp.stages.map(normaliseLabel)) : null;
}

/**
 * The ledger core's input for one plan. Credits keep the back-test's order, so credit row i of
 * the ledger is credit i of the data (and row i of the credits table written).
 */
export function ledgerInput(data: BacktestData, plan: BacktestPlan, s: BacktestSettings): LedgerInput {
  const roles = new Map(plan.roles.map((r) => [key(r.role), r]));
  const roleName = (role: string) => roles.get(key(role))!.role;
  const people: LedgerPerson[] = data.people.map((p) => ({
    id: p.id,
    role: roleName(p.role),
    start: p.from,
    end: p.to,
    draw: personDraw(p, roles.get(key(p.role))!),
    quota: p.annualQuota ?? 0,
  }));
  const credits: LedgerCredit[] = data.credits.map((c) => ({
    deal: c.deal,
    person: c.person,
    role: roleName(c.role),
    date: c.date,
    amount: c.amount,
    share: c.share,
    stage: c.stage,
    paymentDate: c.paymentDate,
    cancelDate: c.cancelDate,
    termMonths: c.termMonths,
  }));
  return {
    periods: data.periods,
    plans: plan.roles.map((r) => ledgerPlan(r, s)),
    people,
    credits,
  };
}
