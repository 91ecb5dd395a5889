import { cellAddress, CellPos, columnLetter, quoteSheet } from "./a1";

/** Where a table sits, for turning its structured references into A1 ranges. */
export interface TableGeometry {
  /** Table name. */
  readonly name: string;
  /** Sheet it is on. */
  readonly sheet: string;
  /** Header row's top-left cell. */
  readonly anchor: CellPos;
  /** Column headers. */
  readonly headers: readonly string[];
  /** Number of data rows. */
  readonly rowCount: number;
}

/** Raised for a structured reference that names an unknown table or column. */
export class StructuredRefError extends Error {}

/** A name (a table's, a function's, a sheet's) where the scan is (sticky: no copy of the rest of the formula). */
const NAME_AT = /[A-Za-z_\\][A-Za-z0-9_.\\]*/y;

/**
 * Rewrites Excel structured references (Table[Column], Table[@Column], [@[Two Words]],
 * Table[[#Headers],[Column]], Table[#All], Table[[A]:[B]]) as absolute A1 references, for
 * spreadsheet engines that have no tables. String literals are left alone.
 *
 * A name followed by "!" is a sheet name, even when a table has the same name (`=Deals!G2`).
 *
 * @param formula An en-US formula, with or without the leading "=".
 * @param tables Every table of the workbook.
 * @param at The cell the formula is in (for [@Column], "this row").
 * @param options How to write what the references stand for (by default, absolute A1 references).
 * @throws StructuredRefError naming the unknown table or column.
 */
export function structuredToA1(
  formula: string,
  tables: readonly TableGeometry[],
  at: { sheet: string; row: number; col: number },
  options: TranslateOptions = {},
): string {
  const byName = new Map(tables.map((t) => [t.name.toLowerCase(), t]));
  const here = tables.find(
    (t) =>
      t.sheet === at.sheet &&
      at.row > t.anchor.row &&
      at.row <= t.anchor.row + t.rowCount &&
      at.col >= t.anchor.col &&
      at.col < t.anchor.col + t.headers.length,
  );
  let out = "";
  let i = 0;
  // The function each open parenthesis belongs to ("" for a bare parenthesis), innermost last.
  const calls: string[] = [];
  const place = (end: number): RangePlace => ({
    fn: calls[calls.length - 1] ?? "",
    wholeArgument: /[(,]\s*$/.test(out) && /^\s*[,)]/.test(formula.slice(end)),
    within: [...calls],
  });
  while (i < formula.length) {
    const ch = formula[i];
    // A string, or a quoted sheet name ('crm deals'!A1): a word in it is never a table.
    if (ch === '"' || ch === "'") {
      const end = endOfString(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    NAME_AT.lastIndex = i;
    const nameMatch = NAME_AT.exec(formula);
    const prev = out[out.length - 1] ?? "";
    if (nameMatch && !/[A-Za-z0-9_.$!']/.test(prev)) {
      const name = nameMatch[0];
      const table = byName.get(name.toLowerCase());
      const after = i + name.length;
      if (table && formula[after] === "[") {
        const end = endOfBracket(formula, after);
        out += resolve(table, formula.slice(after + 1, end - 1), at, options, place(end));
        i = end;
        continue;
      }
      if (table && formula[after] !== "(" && formula[after] !== "!") {
        out += resolve(table, "", at, options, place(after));
        i = after;
        continue;
      }
      out += name;
      i = after;
      if (formula[after] === "[") {
        const end = endOfBracket(formula, after);
        out += formula.slice(after, end);
        i = end;
      }
      continue;
    }
    if (ch === "[" && here) {
      const end = endOfBracket(formula, i);
      out += resolve(here, formula.slice(i + 1, end - 1), at, options, place(end));
      i = end;
      continue;
    }
    if (ch === "(") calls.push(/([A-Za-z_][A-Za-z0-9_.]*)$/.exec(out)?.[1].toUpperCase() ?? "");
    if (ch === ")") calls.pop();
    out += ch;
    i++;
  }
  return out;
}

/** The index after the string ("...") or quoted sheet name ('...') opened at `start`, its quote doubled inside. */
function endOfString(s: string, start: number): number {
  const quote = s[start];
  let i = start + 1;
  while (i < s.length) {
    if (s[i] === quote) {
      if (s[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return s.length;
}

/**
 * Where the bracket opened at `start` closes (the index after its "]"), nested brackets and
 * apostrophe escapes (`'[`) skipped; -1 when it never closes.
 */
export function closingBracket(s: string, start: number): number {
  let depth = 0;
  for (let i = start; i < s.length; i++) {
    if (s[i] === "'") {
      i++;
      continue;
    }
    if (s[i] === "[") depth++;
    else if (s[i] === "]" && --depth === 0) return i + 1;
  }
  return -1;
}

function endOfBracket(s: string, start: number): number {
  const end = closingBracket(s, start);
  if (end < 0) throw new StructuredRefError(`Unclosed "[" in ${s}`);
  return end;
}

/** The ":" between two columns of a range, told apart from a column named ":". */
const RANGE = Symbol("range");

/** The items inside a table reference's brackets: "[#Headers],[Col]" -> ["#Headers", "Col"]. */
function items(inner: string): (string | typeof RANGE)[] {
  const trimmed = inner.trim();
  if (!trimmed.startsWith("[")) return trimmed === "" ? [] : [trimmed];
  const parts: (string | typeof RANGE)[] = [];
  let i = 0;
  while (i < trimmed.length) {
    if (trimmed[i] === "[") {
      const end = endOfBracket(trimmed, i);
      parts.push(trimmed.slice(i + 1, end - 1));
      i = end;
    } else if (trimmed[i] === ":") {
      parts.push(RANGE);
      i++;
    } else i++;
  }
  return parts;
}

/** Where a reference sits in its formula. */
export interface RangePlace {
  /** The function whose argument list it is in, upper case ("" at the top or in a bare parenthesis). */
  readonly fn: string;
  /** True when the reference is a whole argument of that function, not part of an expression. */
  readonly wholeArgument: boolean;
  /** Every function it is inside, outermost first ("" for a bare parenthesis). */
  readonly within: readonly string[];
}

/** A multi-cell range a structured reference stands for, 0-based and inclusive, and where it sits. */
export interface A1Range extends RangePlace {
  readonly sheet: string;
  readonly start: CellPos;
  readonly end: CellPos;
  /** Its absolute A1 reference, e.g. "Deals!$D$2:$D$101". */
  readonly reference: string;
}

/** Options of {@link structuredToA1}. */
export interface TranslateOptions {
  /** Gives the text to write for a multi-cell range (a defined name standing for it, say) instead of its A1 reference. */
  readonly rangeName?: (range: A1Range) => string;
  /**
   * Writes a this-row reference ([@Column]) as a relative one (T9, not $T$9): it means "this row"
   * as a relative reference does, and the same formula down a column then reads the same in
   * relative terms, which an engine can parse once for the whole column.
   */
  readonly relativeThisRow?: boolean;
}

function resolve(
  table: TableGeometry,
  inner: string,
  at: { sheet: string; row: number },
  options: TranslateOptions,
  where: RangePlace,
): string {
  let thisRow = false;
  let rows: "data" | "headers" | "all" = "data";
  let text = inner.trim();
  if (text.startsWith("@")) {
    thisRow = true;
    text = text.slice(1).trim();
  }
  const parts = items(text);
  const columns: string[] = [];
  let range = false;
  for (const p of parts) {
    if (p === RANGE) {
      range = true;
      continue;
    }
    const key = p.trim().toLowerCase();
    if (key === "#this row" || key === "@") thisRow = true;
    else if (key === "#headers") rows = "headers";
    else if (key === "#all") rows = "all";
    else if (key === "#data") rows = "data";
    else if (key === "#totals") throw new StructuredRefError(`Table ${table.name} has no totals row.`);
    else if (p.startsWith("@")) {
      thisRow = true;
      columns.push(unescape(p.slice(1)));
    } else columns.push(unescape(p));
  }
  const colIndex = (name: string) => {
    const k = table.headers.findIndex((h) => h.toLowerCase() === name.toLowerCase());
    if (k < 0) throw new StructuredRefError(`Table ${table.name} has no column "${name}".`);
    return table.anchor.col + k;
  };
  let c1 = table.anchor.col;
  let c2 = table.anchor.col + table.headers.length - 1;
  if (columns.length > 0) {
    c1 = colIndex(columns[0]);
    c2 = range && columns.length > 1 ? colIndex(columns[1]) : c1;
  }
  const sheet = `${quoteSheet(table.sheet)}!`;
  // A column's data stays a range even when it is one cell, as in Excel, so array formulas
  // over a one-row table (SUMPRODUCT(T[A]=x,T[B])) see arrays of the same size.
  const cols = (r1: number, r2: number, single = true) => {
    if (single && r1 === r2 && c1 === c2) return `${sheet}${cellAddress({ row: r1, col: c1 }, true)}`;
    const reference = `${sheet}$${columnLetter(c1)}$${r1 + 1}:$${columnLetter(c2)}$${r2 + 1}`;
    return options.rangeName
      ? options.rangeName({
          sheet: table.sheet,
          start: { row: r1, col: c1 },
          end: { row: r2, col: c2 },
          reference,
          ...where,
        })
      : reference;
  };
  if (thisRow && options.relativeThisRow) {
    const a = `${columnLetter(c1)}${at.row + 1}`;
    return `${sheet}${c1 === c2 ? a : `${a}:${columnLetter(c2)}${at.row + 1}`}`;
  }
  if (thisRow) return cols(at.row, at.row);
  const first = table.anchor.row + 1;
  const last = table.anchor.row + Math.max(table.rowCount, 1);
  if (rows === "headers") return cols(table.anchor.row, table.anchor.row);
  if (rows === "all") return cols(table.anchor.row, last);
  return cols(first, last, false);
}

/** Excel escapes [ ] # ' inside column names with a leading '. */
function unescape(name: string): string {
  return name.replace(/'(.)/g, "$1");
}
