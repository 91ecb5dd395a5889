import { dateSerial, firstRows, TextDateCell } from "../dates";
import { Money, toNumber } from "../money";
import { repeatedRows, repeatedRowsNote } from "../repeatedRows";
import { excelTrimKey, headerIndex, isBlank } from "../text";
import { DEFAULT_WON_LABELS } from "../winRate";
import { UnitEconomicsInputError } from "./types";

/**
 * A channel's facts from the CRM's Deals (and Activities) tables, per month over a period of
 * whole calendar months. The sheet writes the same figures as SUMPRODUCT formulas over the
 * tables; this is the reference they are tested against. Text is compared as the sheet's
 * `TRIM(a)=TRIM(b)` compares it ({@link excelTrimKey}): exactly, in any case, never as a pattern.
 */

/** A table as read from the workbook: its name, headers and rows. */
export interface FactTable {
  readonly source: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

/** The Deals table and the columns the facts read (column names as headed). */
export interface DealsFactSource {
  readonly table: FactTable;
  /** The column naming each deal's acquisition channel (lead source). */
  readonly channel: string;
  readonly stage: string;
  /** The date a deal (opportunity) was opened: a meeting held, when no Activities table is read. */
  readonly created: string;
  readonly closed: string;
  /** The deal's monthly revenue (the model's average deal is monthly revenue per customer). */
  readonly amount: string;
  /** A deal-type column, or "" for none; when given, only deals of type "New" count (renewals and upsells acquire nobody). */
  readonly type: string;
}

/** The Activities table: each row an activity of a type on a date, for a channel. */
export interface ActivitiesFactSource {
  readonly table: FactTable;
  readonly channel: string;
  readonly date: string;
  readonly type: string;
  /** The activity type that is a qualified lead (e.g. "SQL"). */
  readonly qualifiedType: string;
  /** The activity type that is a meeting held (e.g. "Meeting"). */
  readonly meetingType: string;
}

/** A period of whole calendar months, first to last inclusive. */
export interface FactPeriod {
  readonly first: { readonly year: number; readonly month: number };
  readonly last: { readonly year: number; readonly month: number };
}

/** Everything the facts are computed from. */
export interface FactSources {
  readonly deals: DealsFactSource;
  readonly activities: ActivitiesFactSource | null;
  readonly period: FactPeriod;
  /** For each channel, in channel order, the text its deals (and activities) hold in the channel column. */
  readonly values: readonly string[];
}

/** One channel's facts per month (qualified is null without an Activities table). */
export interface FactFigures {
  readonly qualified: number | null;
  readonly meetings: number;
  readonly won: number;
  /** Monthly revenue of the new customers won, per month. */
  readonly revenue: number;
}

/** The deal type that acquires a customer, when a type column is read. */
export const NEW_DEAL_TYPE = "New";

/** The period's first day, last day (Excel serials) and number of months. */
export function periodBounds(p: FactPeriod): { first: number; last: number; months: number } {
  return {
    first: dateSerial(p.first.year, p.first.month, 1),
    last: dateSerial(p.last.year, p.last.month + 1, 0),
    months: (p.last.year - p.first.year) * 12 + p.last.month - p.first.month + 1,
  };
}

const fail = (message: string): never => {
  throw new UnitEconomicsInputError(message);
};

function columnOf(t: FactTable, column: string, what: string): number {
  const i = column.trim() ? headerIndex(t.headers, column) : -1;
  if (i < 0) {
    const named = column.trim() ? `no column "${column}"` : `no ${what} column chosen`;
    fail(`Table ${t.source}: ${named} (${what}); choose the column that holds it. Nothing was written.`);
  }
  return i;
}

/**
 * Each non-blank cell of a column must be a number; the message names every bad row (the first
 * few shown with their text), and a date column calls text text dates.
 */
function numbersOnly(t: FactTable, c: number, kind: "date" | "number"): void {
  const bad: TextDateCell[] = [];
  t.rows.forEach((row, r) => {
    const v = row[c];
    if (!isBlank(v) && !(typeof v === "number" && Number.isFinite(v))) bad.push({ row: r + 1, text: String(v) });
  });
  if (bad.length === 0) return;
  const where = `Table ${t.source} column "${t.headers[c]}"`;
  fail(
    kind === "date"
      ? `${where} holds text rather than dates on ${firstRows(bad)}; enter them as dates (Data > Text to Columns converts a column of yyyy-mm-dd text). Nothing was written.`
      : `${where} holds text rather than numbers on ${firstRows(bad)}; enter the amounts as numbers. Nothing was written.`,
  );
}

/**
 * Checks the sources: every column chosen exists, date columns hold dates and the amount column
 * numbers (blank cells are fine: an open deal has no close date), the period runs forward, and no
 * two channels take the same text.
 * @throws UnitEconomicsInputError naming the table, column and row.
 */
export function checkFactSources(s: FactSources, channelNames: readonly string[]): void {
  const { table: d } = s.deals;
  columnOf(d, s.deals.channel, "channel");
  columnOf(d, s.deals.stage, "stage");
  numbersOnly(d, columnOf(d, s.deals.created, "created date"), "date");
  numbersOnly(d, columnOf(d, s.deals.closed, "close date"), "date");
  numbersOnly(d, columnOf(d, s.deals.amount, "amount"), "number");
  if (s.deals.type.trim()) columnOf(d, s.deals.type, "deal type");
  const a = s.activities;
  if (a) {
    columnOf(a.table, a.channel, "channel");
    columnOf(a.table, a.type, "activity type");
    numbersOnly(a.table, columnOf(a.table, a.date, "date"), "date");
    if (!a.qualifiedType.trim()) fail(`Activities: enter the activity type that is a qualified lead (e.g. SQL).`);
    if (!a.meetingType.trim()) fail(`Activities: enter the activity type that is a meeting (e.g. Meeting).`);
  }
  const { months } = periodBounds(s.period);
  if (months < 1) fail("The facts period ends before it starts; choose a last month on or after the first.");
  if (s.values.length !== channelNames.length)
    fail("Each channel needs the text its deals hold in the channel column.");
  const seen = new Map<string, string>();
  s.values.forEach((v, i) => {
    const k = excelTrimKey(v);
    if (!k) fail(`Channel "${channelNames[i]}": enter the text its deals hold in the channel column.`);
    const other = seen.get(k);
    if (other !== undefined)
      fail(`Channels "${other}" and "${channelNames[i]}" both take the deals of "${v}"; give each its own.`);
    seen.set(k, channelNames[i]);
  });
}

const inPeriod = (v: unknown, first: number, last: number) => typeof v === "number" && v >= first && v < last + 1;

/**
 * Each channel's facts per month over the period: meetings (the Activities of the meeting type,
 * or without Activities the deals opened), qualified leads (the Activities of the qualified type),
 * deals won (a won stage, closed in the period; new deals only when a type column is read) and
 * their monthly revenue, each divided by the period's months.
 * @throws UnitEconomicsInputError as {@link checkFactSources}.
 */
export function channelFacts(s: FactSources, channelNames: readonly string[]): FactFigures[] {
  checkFactSources(s, channelNames);
  const { first, last, months } = periodBounds(s.period);
  const d = s.deals.table;
  const col = (t: FactTable, c: string) => headerIndex(t.headers, c);
  const [ch, stage, created, closed, amount] = [
    s.deals.channel,
    s.deals.stage,
    s.deals.created,
    s.deals.closed,
    s.deals.amount,
  ].map((c) => col(d, c));
  const type = s.deals.type.trim() ? col(d, s.deals.type) : -1;
  const won = new Set(DEFAULT_WON_LABELS.map(excelTrimKey));
  const isNew = (row: readonly unknown[]) => type < 0 || excelTrimKey(row[type]) === excelTrimKey(NEW_DEAL_TYPE);
  const a = s.activities;
  return s.values.map((value) => {
    const key = excelTrimKey(value);
    const mine = d.rows.filter((row) => excelTrimKey(row[ch]) === key && isNew(row));
    const wonRows = mine.filter((row) => won.has(excelTrimKey(row[stage])) && inPeriod(row[closed], first, last));
    const revenue = wonRows.reduce(
      (sum, row) => sum.plus(typeof row[amount] === "number" ? row[amount] : 0),
      new Money(0),
    );
    const countActivities = (activityType: string) => {
      const [ac, at, ad] = [a!.channel, a!.type, a!.date].map((c) => col(a!.table, c));
      const t = excelTrimKey(activityType);
      return a!.table.rows.filter(
        (row) => excelTrimKey(row[ac]) === key && excelTrimKey(row[at]) === t && inPeriod(row[ad], first, last),
      ).length;
    };
    const opened = mine.filter((row) => inPeriod(row[created], first, last)).length;
    return {
      qualified: a ? countActivities(a.qualifiedType) / months : null,
      meetings: (a ? countActivities(a.meetingType) : opened) / months,
      won: wonRows.length / months,
      revenue: toNumber(revenue.div(months)),
    };
  });
}

/**
 * Warnings for the fact tables' rows in the period that repeat an earlier row in every cell (an
 * export that listed a deal twice): the facts count each repeat again, as the sheet's formulas
 * do, so the user is told rather than a row being dropped by a guess. Call after the sources
 * are checked ({@link checkFactSources}).
 */
export function factWarnings(s: FactSources): string[] {
  const { first, last } = periodBounds(s.period);
  const d = s.deals.table;
  const dates = [s.deals.created, s.deals.closed].map((c) => headerIndex(d.headers, c));
  const warnings: string[] = [];
  const deals = repeatedRows(d.rows, (row) => dates.some((c) => inPeriod(row[c], first, last)));
  if (deals.length) warnings.push(repeatedRowsNote(d.source, deals, "the facts"));
  const a = s.activities;
  if (a) {
    const c = headerIndex(a.table.headers, a.date);
    const acts = repeatedRows(a.table.rows, (row) => inPeriod(row[c], first, last));
    if (acts.length) warnings.push(repeatedRowsNote(a.table.source, acts, "the facts"));
  }
  return warnings;
}
