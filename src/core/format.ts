/**
 * Numbers and dates as people read them in messages: at most 15 significant digits (what
 * Excel displays) and en-US digit grouping (dates: isoDate in dates.ts).
 */

/** 33000000.000000004 -> "33,000,000"; 0.30000000000000004 -> "0.3"; 1e-20 -> "1E-20". */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const shown = Number(n.toPrecision(15));
  const size = Math.abs(shown);
  if (size !== 0 && (size >= 1e15 || size < 1e-9)) return shown.toExponential().replace("e+", "E+").replace("e-", "E-");
  return shown.toLocaleString("en-US", { maximumFractionDigits: 15 });
}
