/**
 * Numbers and dates as people read them in messages: at most 15 significant digits (what
 * Excel displays), en-US digit grouping, and Excel date serials as ISO dates.
 */

/** 33000000.000000004 -> "33,000,000"; 0.30000000000000004 -> "0.3"; 1e-20 -> "1E-20". */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const shown = Number(n.toPrecision(15));
  const size = Math.abs(shown);
  if (size !== 0 && (size >= 1e15 || size < 1e-9)) return shown.toExponential().replace("e+", "E+").replace("e-", "E-");
  return shown.toLocaleString("en-US", { maximumFractionDigits: 15 });
}

/** "2026-01-21" for the Excel date serial 46043; a serial with a time of day keeps the date. */
export function isoDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}
