/**
 * Excel date serials (days since 1899-12-30, so 2026-01-01 is 46023) and calendar months, for
 * rules that count days or whole months. Serials are whole days; a time of day is ignored.
 */

const EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A calendar date. */
export interface YearMonthDay {
  /** Four-digit year. */
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  /** 1 to 31. */
  readonly day: number;
}

/**
 * The Excel serial of a calendar date (1900 date system: day 0 is 1899-12-30, and Excel counts
 * 1900 as a leap year, so serials from 61 on match the calendar). Month 13 is January of the next
 * year, day 0 the last day of the previous month.
 */
export function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH) / DAY_MS);
}

/** Days from 1970-01-01 to Excel's day 0 (1899-12-30). */
const EPOCH_DAYS = -25569;

/**
 * The calendar date of a serial (its whole day), by integer arithmetic on the proleptic
 * Gregorian calendar (Howard Hinnant's civil_from_days): ledgers call this per credit.
 */
export function dateOf(serial: number): YearMonthDay {
  const z = Math.floor(serial) + EPOCH_DAYS + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The serial of the same day `months` later (clamped to the month's last day: Jan 31 + 1 = Feb 28). */
export function addMonths(serial: number, months: number): number {
  const { year, month, day } = dateOf(serial);
  const lastDay = dateOf(dateSerial(year, month + months + 1, 0)).day;
  return dateSerial(year, month + months, Math.min(day, lastDay));
}

/**
 * Whole months from one date to a later one: the number of month anniversaries reached
 * (Jan 15 to Mar 14 is 1, to Mar 15 is 2); 0 when `to` is not after `from`.
 */
export function wholeMonthsBetween(from: number, to: number): number {
  const a = dateOf(from);
  const b = dateOf(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (months > 0 && addMonths(from, months) > Math.floor(to)) months--;
  return Math.max(0, months);
}

/** Each calendar month that overlaps [first, last], as its first and last day's serials. */
export function monthsOverlapping(first: number, last: number): { first: number; last: number }[] {
  const out: { first: number; last: number }[] = [];
  const { year, month } = dateOf(first);
  for (let k = 0; ; k++) {
    const start = dateSerial(year, month + k, 1);
    if (start > last) break;
    out.push({ first: start, last: dateSerial(year, month + k + 1, 0) });
  }
  return out;
}

/** The serial of 9999-12-31, the last day Excel shows as a date. */
export const LAST_DATE_SERIAL = 2_958_465;

/**
 * Whether a number is a day Excel shows as a date: 0 (Excel shows "1900-01-00"; {@link isoDate}
 * writes the calendar's 1899-12-30) to 9999-12-31, any time of day.
 */
export function isDateSerial(n: number): boolean {
  return n >= 0 && n < LAST_DATE_SERIAL + 1;
}

/**
 * "2026-10-03" for an Excel date serial (the time of day is dropped); a number that is no date
 * Excel can show (negative, past 9999, not finite) is written as the number, so a message never
 * fails on the value it reports.
 */
export function isoDate(serial: number): string {
  if (!isDateSerial(serial)) return String(serial);
  const { year, month, day } = dateOf(serial);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const ISO_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?$/;
/** Numbers separated as dates are written in some locale (03/04/2019, 3.4.19, 2019/3/4): more than one date. */
const NUMERIC_DATE = /^\d{1,4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,4}(?:[ T].*)?$/;

/**
 * The serial of unambiguous ISO text: `yyyy-mm-dd`, optionally with a time `hh:mm` or
 * `hh:mm:ss` (after a space or `T`), whose parts name a real day and time; the time of day is
 * the fraction, as in Excel. Null for any other text, `2019-02-30` and `2019-03-01 24:00` included.
 */
export function isoTextDate(text: string): number | null {
  const m = ISO_TEXT.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((p) => (p === undefined ? 0 : Number(p)));
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  if (month < 1 || month > 12 || day < 1 || day > dateOf(dateSerial(year, month + 1, 0)).day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return dateSerial(year, month, day) + (hour * 3600 + minute * 60 + second + fraction) / 86_400;
}

/** How one cell of a date column reads under the add-in's rule for dates (see {@link readDateCell}). */
export type DateCell =
  | { readonly kind: "blank" }
  | { readonly kind: "date"; readonly serial: number; readonly fromText: boolean }
  | { readonly kind: "refused"; readonly text: string; readonly ambiguous: boolean };

/**
 * The one rule for a cell the tools read as a date. A number is the date serial it is; blank
 * (null, empty or spaces) is blank; text in ISO form (`2019-03-01`, `2019-03-01 10:00`) names one
 * day, so it is read as that date with `fromText` set (the caller says so in a visible note);
 * anything else is refused: numeric dates in a locale's order (`03/04/2019` is March 4 or
 * April 3) as ambiguous, other text (`next week`), booleans and non-finite numbers as not dates.
 */
export function readDateCell(v: unknown): DateCell {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return { kind: "blank" };
  if (typeof v === "number") {
    return Number.isFinite(v)
      ? { kind: "date", serial: v, fromText: false }
      : { kind: "refused", text: String(v), ambiguous: false };
  }
  const text = String(v);
  const serial = typeof v === "string" ? isoTextDate(text) : null;
  if (serial !== null) return { kind: "date", serial, fromText: true };
  // ISO-shaped text naming no real day (2019-02-30) is not a date, not an ambiguous one.
  const ambiguous = typeof v === "string" && NUMERIC_DATE.test(text.trim()) && !ISO_TEXT.test(text.trim());
  return { kind: "refused", text, ambiguous };
}

/** A data row and the text it held, for messages about a date column. */
export interface TextDateCell {
  /** 1-based data row. */
  readonly row: number;
  readonly text: string;
}

const SHOWN_ROWS = 3;

/** "rows 1, 2, 5 and 4 more ("2019-03-01", ...)": the first rows of a column and their text. */
export function firstRows(cells: readonly TextDateCell[]): string {
  const shown = cells.slice(0, SHOWN_ROWS);
  const rows = `${cells.length === 1 ? "row" : "rows"} ${shown.map((c) => c.row).join(", ")}${cells.length > SHOWN_ROWS ? ` and ${(cells.length - SHOWN_ROWS).toLocaleString("en-US")} more` : ""}`;
  return `${rows} (${shown.map((c) => `"${c.text}"`).join(", ")})`;
}

/**
 * The visible note for ISO text read as dates: `Deals column "Closed" holds dates as text on
 * rows 1, 2 ("2019-03-01", "2019-03-02"); they were read as the dates they name (yyyy-mm-dd).`
 */
export function textDatesNote(table: string, column: string, cells: readonly TextDateCell[]): string {
  return `${table} column "${column}" holds dates as text on ${firstRows(cells)}; they were read as the dates they name (yyyy-mm-dd). To store them as dates, select the column, then Data > Text to Columns > Finish.`;
}

const NUMERIC_PARTS = /^(\d{1,4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,4})/;
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A full year from a date's year part: two digits as Excel reads them (00-29 are 20xx, 30-99 19xx). */
const fullYear = (part: string) => (part.length > 2 ? Number(part) : Number(part) + (Number(part) < 30 ? 2000 : 1900));

const realDay = (year: number, month: number, day: number) =>
  month >= 1 && month <= 12 && day >= 1 && day <= dateOf(dateSerial(year, month + 1, 0)).day;

/**
 * The days a numeric date in a locale's order can name, as "3 April 2019": day first and month
 * first (`03/04/2019` gives both; `29/09/2026` only day first), or year first (`2019/3/4`).
 * Empty for text that names no real day either way.
 */
export function numericDateReadings(text: string): string[] {
  const m = NUMERIC_PARTS.exec(text.trim());
  if (!m) return [];
  const [a, b, c] = m.slice(1, 4);
  const name = (y: number, mo: number, d: number) => (realDay(y, mo, d) ? `${d} ${MONTHS[mo - 1]} ${y}` : null);
  const readings =
    a.length > 2
      ? [name(Number(a), Number(b), Number(c))]
      : [name(fullYear(c), Number(b), Number(a)), name(fullYear(c), Number(a), Number(b))];
  return [...new Set(readings.filter((r): r is string => r !== null))];
}

/**
 * Why text in a date column is no date, as "text such as ...": for numeric dates in a locale's
 * order, the example is a cell that really reads two ways (`03/04/2019`: 3 April or 4 March) when
 * there is one, otherwise one with the single day it reads as, since the add-in does not guess a
 * column's order; other text (`next week`) is not a date.
 */
export function whyNotDates(cells: readonly TextDateCell[]): string {
  const withReadings = (n: number) => cells.find((c) => numericDateReadings(c.text).length >= n);
  const example = (withReadings(2) ?? withReadings(1) ?? cells[0])?.text ?? "";
  const readings = numericDateReadings(example);
  if (!NUMERIC_PARTS.test(example.trim())) return `text such as "${example}" is not a date`;
  if (readings.length > 1)
    return `text such as "${example}" can be read as more than one date (${readings.join(" or ")})`;
  if (readings.length === 1)
    return `text such as "${example}" gives the day and month in a locale's order (it reads as ${readings[0]}), which the add-in does not guess`;
  return `text such as "${example}" names no real day`;
}

/** Why text in a date column is refused, naming the column, its first rows and {@link whyNotDates}. */
export function refusedDatesMessage(table: string, column: string, cells: readonly TextDateCell[]): string {
  return `${table} column "${column}" holds text, not dates, on ${firstRows(cells)}: ${whyNotDates(cells)}. Enter the dates as dates, or as yyyy-mm-dd text.`;
}
