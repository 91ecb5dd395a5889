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

/** "2026-10-03" for an Excel date serial (the time of day is dropped). */
export function isoDate(serial: number): string {
  return new Date(EPOCH + serial * DAY_MS).toISOString().slice(0, 10);
}
