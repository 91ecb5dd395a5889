/**
 * Reads one cell's text as Excel reads typed or imported text: numbers with thousands
 * separators, currency symbols, percentages and negatives in parentheses; a decimal comma where
 * the file uses one; ISO dates and date-times always, other numeric dates by a day/month order
 * the caller chooses; TRUE and FALSE; blanks; everything else stays text exactly as written.
 * Pure: no DOM, no engine.
 */
import { toExcelSerial } from "../../sample/sampleData";

/** The order of day and month in dates such as 03/04/2017. */
export type DateOrder = "dmy" | "mdy";

/** How to read numbers and dates. */
export interface ReadOptions {
  /** The decimal separator the file uses ("." with "," for thousands, or "," with "." or a space). */
  readonly decimal: "." | ",";
  /** Day/month order for dates that are not ISO. */
  readonly dateOrder: DateOrder;
}

/** What a cell's text reads as. */
export type ReadValue =
  | { readonly kind: "blank"; readonly value: null }
  | { readonly kind: "number"; readonly value: number; readonly format: string | null }
  | { readonly kind: "date"; readonly value: number; readonly format: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "text"; readonly value: string };

/** The kinds a column can be, "text" meaning "keep every cell as written". */
export type ColumnType = "number" | "date" | "boolean" | "text";

const CURRENCY = "$€£¥₽₴₸₹₩";
const CURRENCY_BEFORE = new RegExp(`^([${CURRENCY}])\\s?`);
const CURRENCY_AFTER = new RegExp(`\\s?([${CURRENCY}])$`);
const CURRENCY_CODES = /^(?:USD|EUR|GBP|RUB|руб\.?|р\.)$/i;
/** Spaces used as thousands separators: space, no-break space, narrow no-break space. */
const GROUP_SPACES = /[\u0020\u00a0\u202f]/g;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Reads a cell's text. */
export function readValue(text: string, options: ReadOptions): ReadValue {
  const t = text.trim();
  if (t === "") return { kind: "blank", value: null };
  if (/^(true|false)$/i.test(t)) return { kind: "boolean", value: t.toUpperCase() === "TRUE" };
  // Most text has no digit at all: it can be neither a number nor a date written with digits.
  if (!/\d/.test(t) && !/^[A-Za-z]{3,9}\.? \d/.test(t)) return { kind: "text", value: text };
  const date = readDate(t, options.dateOrder);
  if (date) return date;
  const num = readNumber(t, options.decimal);
  if (num) return num;
  return { kind: "text", value: text };
}

/** Reads the text as a number of the given kind of column, or null when it is not one. */
export function readAs(text: string, type: ColumnType, options: ReadOptions): ReadValue | null {
  const v = readValue(text, options);
  if (v.kind === "blank") return v;
  if (type === "text") return { kind: "text", value: text };
  return v.kind === type ? v : null;
}

/**
 * A number as Excel reads it, with the format Excel would give the cell ("0%", "$#,##0.00",
 * "#,##0"), or null. Digits are turned into a number once, from a decimal string, so "0.07%"
 * is exactly the double nearest 0.0007.
 */
export function readNumber(
  t: string,
  decimal: "." | ",",
): { kind: "number"; value: number; format: string | null } | null {
  let s = t;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  let currency = "";
  const takeCurrency = () => {
    const pre = CURRENCY_BEFORE.exec(s);
    if (pre) {
      currency = pre[1];
      s = s.slice(pre[0].length);
      return;
    }
    const post = CURRENCY_AFTER.exec(s);
    if (post) {
      currency = post[1];
      s = s.slice(0, -post[0].length);
      return;
    }
    const code = /\s+(\S+)$/.exec(s);
    if (code && CURRENCY_CODES.test(code[1])) s = s.slice(0, -code[0].length);
  };
  const takeSign = () => {
    if (/^[-+−]/.test(s)) {
      if (s[0] !== "+") negative = !negative;
      s = s.slice(1).trim();
      return true;
    }
    return false;
  };
  // Signs and currency come in either order: -$5, $-5.
  if (!takeSign()) {
    takeCurrency();
    takeSign();
  } else takeCurrency();
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  const digits = normaliseDigits(s, decimal);
  if (digits === null) return null;
  const exponent = (percent ? -2 : 0) + (digits.exponent ?? 0);
  const value = Number(`${negative ? "-" : ""}${digits.mantissa}e${exponent}`);
  if (!Number.isFinite(value)) return null;
  const places = digits.places;
  const dec = places > 0 ? `.${"0".repeat(Math.min(places, 10))}` : "";
  let format: string | null = null;
  if (percent) format = `0${dec}%`;
  else if (currency) format = `${currency}#,##0${dec}`;
  else if (digits.grouped) format = `#,##0${dec}`;
  return { kind: "number", value: Object.is(value, -0) ? 0 : value, format };
}

/** Digits in the file's separators -> a plain decimal string, or null when they are not a number. */
function normaliseDigits(
  s: string,
  decimal: "." | ",",
): { mantissa: string; exponent: number | null; places: number; grouped: boolean } | null {
  let exponent: number | null = null;
  const e = /[eE]([-+]?\d{1,3})$/.exec(s);
  if (e) {
    exponent = Number(e[1]);
    s = s.slice(0, e.index);
  }
  const group = decimal === "." ? "," : ".";
  let grouped = false;
  let body = s;
  const withSpaces = body.replace(GROUP_SPACES, " ");
  const groupPattern = decimal === "." ? /^\d{1,3}(,\d{3})+(\.\d*)?$/ : /^\d{1,3}([. ]\d{3})+(,\d*)?$/;
  if (groupPattern.test(withSpaces)) {
    if (decimal === "," && /\./.test(withSpaces) && / /.test(withSpaces)) return null;
    grouped = true;
    body = withSpaces.replace(/ /g, "").split(group).join("");
  } else if (withSpaces.includes(" ") || body.includes(group)) return null;
  const plain = decimal === "." ? /^(\d+)?(?:\.(\d*))?$/ : /^(\d+)?(?:,(\d*))?$/;
  const m = plain.exec(body);
  if (!m || (m[1] === undefined && !m[2])) return null;
  if (exponent !== null && grouped) return null;
  const whole = m[1] ?? "0";
  const frac = m[2] ?? "";
  return { mantissa: frac ? `${whole}.${frac}` : whole, exponent, places: frac.length, grouped };
}

/** A date or date-time, ISO always, others by the given order; null when it is not a real date. */
export function readDate(t: string, order: DateOrder): { kind: "date"; value: number; format: string } | null {
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?Z?)?$/.exec(t);
  if (iso) return dateValue(+iso[1], +iso[2], +iso[3], iso.slice(4));
  const num = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?$/.exec(t);
  if (num) {
    const [a, b] = [+num[1], +num[3]];
    const [day, month] = order === "dmy" ? [a, b] : [b, a];
    return dateValue(fullYear(num[4]), month, day, num.slice(5));
  }
  const named = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4}|\d{2})$/.exec(t) ?? null;
  if (named) {
    const month = monthOf(named[2]);
    return month ? dateValue(fullYear(named[3]), month, +named[1], []) : null;
  }
  const us = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(t);
  if (us) {
    const month = monthOf(us[1]);
    return month ? dateValue(+us[3], month, +us[2], []) : null;
  }
  return null;
}

/** Two-digit years as Excel reads them: 00-29 are 2000-2029, 30-99 are 1930-1999. */
function fullYear(y: string): number {
  if (y.length === 4) return +y;
  const n = +y;
  return n < 30 ? 2000 + n : 1900 + n;
}

function monthOf(name: string): number | null {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  if (i < 0) return null;
  const full = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
  ][i];
  return name.length === 3 ||
    full.startsWith(name.toLowerCase()) ||
    (name.length === 4 && name.toLowerCase() === "sept")
    ? i + 1
    : null;
}

function dateValue(
  y: number,
  m: number,
  d: number,
  time: (string | undefined)[],
): { kind: "date"; value: number; format: string } | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  const serial = toExcelSerial(y, m, d);
  // Excel's serials start at 1900-01-01 = 1 and count a 29 February 1900 that never was.
  const excelSerial = y === 1900 && m <= 2 ? serial - 1 : serial;
  if (time[0] === undefined) return { kind: "date", value: excelSerial, format: "yyyy-mm-dd" };
  const [h, min, sec = "0", frac = ""] = time as string[];
  if (+h > 23 || +min > 59 || +sec > 59) return null;
  const seconds = +h * 3600 + +min * 60 + Number(`${sec}.${frac || "0"}`);
  return {
    kind: "date",
    value: excelSerial + seconds / 86400,
    format: time[2] !== undefined ? "yyyy-mm-dd hh:mm:ss" : "yyyy-mm-dd hh:mm",
  };
}

/** What the data says about day/month order: the order it proves, and the cell that proves it. */
export interface DateOrderEvidence {
  /** The order proposed: the one the data proves, else month first (Excel en-US), or day first for dotted dates. */
  readonly order: DateOrder;
  /** The text that proves it (a first part over 12 proves day first), or null when nothing does. */
  readonly proof: string | null;
  /** True when some cells prove one order and others the other. */
  readonly conflicting: boolean;
  /** How many texts were numeric dates that need an order (03/04/2017); ISO dates do not. */
  readonly seen: number;
}

/** Looks at texts such as "13/04/2017" for the day/month order they prove. */
export function proposeDateOrder(texts: Iterable<string>): DateOrderEvidence {
  let dmy: string | null = null;
  let mdy: string | null = null;
  let dotted = 0;
  let slashed = 0;
  for (const raw of texts) {
    const m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})\b/.exec(raw.trim());
    if (!m) continue;
    if (m[2] === ".") dotted++;
    else slashed++;
    const a = +m[1];
    const b = +m[3];
    if (a > 12 && b <= 12 && dmy === null) dmy = raw.trim();
    if (b > 12 && a <= 12 && mdy === null) mdy = raw.trim();
  }
  const seen = dotted + slashed;
  if (dmy && !mdy) return { order: "dmy", proof: dmy, conflicting: false, seen };
  if (mdy && !dmy) return { order: "mdy", proof: mdy, conflicting: false, seen };
  return {
    order: dotted > slashed ? "dmy" : dmy ? "dmy" : "mdy",
    proof: null,
    conflicting: dmy !== null && mdy !== null,
    seen,
  };
}

/**
 * Guesses the decimal separator from the number-like texts of a file: "1,5" or "1.234,56"
 * prove a decimal comma; "1.5" or "1,234.56" a decimal point. Ties go to the point.
 */
export function proposeDecimal(texts: Iterable<string>): "." | "," {
  let comma = 0;
  let point = 0;
  for (const raw of texts) {
    const t = raw
      .trim()
      .replace(/^[-(+$€£₽]+|[)%€₽\s]+$/g, "")
      .replace(GROUP_SPACES, " ");
    if (/^\d+,\d{1,2}$|^\d+,\d{4,}$|^\d{1,3}(\.\d{3})+,\d+$|^\d{1,3}( \d{3})+,\d+$|^0,\d+$/.test(t)) comma++;
    else if (/^\d+\.\d{1,2}$|^\d+\.\d{4,}$|^\d{1,3}(,\d{3})+\.\d+$|^0\.\d+$/.test(t) && !/^\d{1,2}\.\d{1,2}$/.test(t))
      point++;
    else if (/^\d{1,2}\.\d{1,2}$/.test(t)) point += 0.5;
  }
  return comma > point ? "," : ".";
}
