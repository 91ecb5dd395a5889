/** What Excel would make of a text if it were typed or pasted into a cell. */
export type ExcelReading =
  | { readonly kind: "formula"; readonly lead: string }
  | { readonly kind: "number"; readonly value: number; readonly leadingZeros: boolean }
  | { readonly kind: "percentage"; readonly text: string }
  | { readonly kind: "boolean"; readonly text: string }
  | { readonly kind: "date" }
  | { readonly kind: "error"; readonly text: string };

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d*)?(e[+-]?\d+)?$|^[+-]?\.\d+(e[+-]?\d+)?$/i;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)\s*%$/;
const ERRORS = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
]);
const MONTHS =
  "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december";
const DATES = [
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?$/,
  /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/,
  /^\d{1,2}[-/]\d{1,2}$/,
  new RegExp(`^\\d{1,2}[- ](${MONTHS})([- ]\\d{2,4})?$`, "i"),
  new RegExp(`^(${MONTHS})[- ]\\d{1,2}(,? \\d{2,4})?$`, "i"),
  /^\d{1,2}:\d{2}(:\d{2})?( ?[ap]m)?$/i,
];

/**
 * What Excel would read a text as, were it typed into a cell in an en-US workbook: a formula
 * (leading `=`, `+`, `-` or `@` before something that is not a number), a number ("00123",
 * "1,234", " 42 "), a percentage ("5%"), a boolean ("TRUE"), a date or time ("2019-03-01",
 * "3/4/2024", "1-Jan") or an error value ("#N/A"); null for text Excel keeps as text.
 */
export function excelReadsAs(text: string): ExcelReading | null {
  const t = text.trim();
  if (t === "") return null;
  if (NUMBER.test(t)) {
    const digits = t.replace(/^[+-]/, "");
    return { kind: "number", value: Number(t.replace(/,/g, "")), leadingZeros: /^0\d/.test(digits) };
  }
  if (PERCENT.test(t)) return { kind: "percentage", text: t };
  if (/^(true|false)$/i.test(t)) return { kind: "boolean", text: t.toUpperCase() };
  if (ERRORS.has(t.toUpperCase())) return { kind: "error", text: t.toUpperCase() };
  if (DATES.some((d) => d.test(t))) return { kind: "date" };
  if ("=+-@".includes(text[0])) return { kind: "formula", lead: text[0] };
  return null;
}
