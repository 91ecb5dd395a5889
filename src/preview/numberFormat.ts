/**
 * Renders cell values with the Excel number formats the add-in writes: General, 0, 0.0, 0.00,
 * #,##0, #,##0.00, optional places (0.0#, #,##0.##, 0.00##: at least the 0s, at most the 0s
 * and #s), 0%, 0.0%, currency prefixes like "$#,##0", and dates (yyyy-mm-dd, d-mmm-yy).
 * Anything else falls back to General, which is what a reader expects from the preview.
 */

import { isDateSerial } from "../core/dates";

/** Intl formatters are costly to build (about a millisecond each): one per decimals-and-grouping choice. */
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(minPlaces: number, maxPlaces: number, grouping: boolean): Intl.NumberFormat {
  const key = `${minPlaces}:${maxPlaces}:${grouping}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: minPlaces,
      maximumFractionDigits: maxPlaces,
      useGrouping: grouping,
    });
    formatters.set(key, f);
  }
  return f;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** General format: up to 11 significant characters, as Excel shows numbers in a normal-width column. */
export function formatGeneral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9))
    return n
      .toExponential(5)
      .replace(/\.?0+e/, "E")
      .replace("E+", "E+");
  return String(Number(n.toPrecision(10)));
}

function formatDate(serial: number, pattern: string): string {
  // Excel fills the cell with # for a number no date can show (negative, past 9999-12-31).
  if (!isDateSerial(serial)) return "########";
  const d = new Date(EXCEL_EPOCH_MS + Math.round(serial * 86400000));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const pad = (v: number) => String(v).padStart(2, "0");
  if (/^yyyy-mm-dd$/i.test(pattern)) return `${y}-${pad(m + 1)}-${pad(day)}`;
  if (/^d-mmm-yy$/i.test(pattern)) return `${day}-${MONTHS[m]}-${String(y).slice(2)}`;
  if (/^mmm yyyy$/i.test(pattern)) return `${MONTHS[m]} ${y}`;
  return `${y}-${pad(m + 1)}-${pad(day)}`;
}

/** A cell's value as text under an Excel number format (null format = General). */
export function formatValue(value: unknown, format: string | null): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return String(value);
  if (!format || format === "General" || format === "@") return formatGeneral(value);
  if (/[dmy]/i.test(format) && !/[#0]/.test(format)) return formatDate(value, format);
  const m = /^([^#0]*)([#,]*0(?:\.(0*)(#*))?)(%?)([^#0%]*)$/.exec(format);
  if (!m) return formatGeneral(value);
  const [, prefix, body, fixed = "", optional = "", percent, suffix] = m;
  const scaled = percent ? value * 100 : value;
  const places = fixed.length;
  const digits = formatter(places, places + optional.length, body.includes(",")).format(Math.abs(scaled));
  // Excel keeps the decimal point of "0.##" even when no place is shown: 5 reads "5.".
  const text = body.includes(".") && !digits.includes(".") ? `${digits}.` : digits;
  const sign = scaled < 0 && Number(text.replace(/,/g, "")) !== 0 ? "-" : "";
  return `${sign}${prefix}${text}${percent}${suffix}`;
}
