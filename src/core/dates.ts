/** Excel date serials (the 1900 date system, as Excel for Windows and the web use). */

/** Day 0 of Excel's serials, 1899-12-30 (Excel counts 1900 as a leap year, so day 60 is its 29 February). */
const EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** The Excel serial of a calendar date (month 1-12). */
export function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH) / DAY_MS);
}

/** "2026-10-03" for an Excel date serial (the time of day is dropped). */
export function isoDate(serial: number): string {
  return new Date(EPOCH + serial * DAY_MS).toISOString().slice(0, 10);
}
