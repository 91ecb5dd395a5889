import { parseCell, splitSheetAddress } from "../../workbook/a1";
import { TableInfo, WorkbookHost } from "../../workbook/host";
import { closingBracket, structuredToA1, TableGeometry } from "../../workbook/structuredRefs";
import { sameText } from "../../core/text";
import { show } from "./explanation";
import { comparisonNamedCell } from "../backtest/backtestLayout";

/** A reference's value as read from the workbook: one value, or the rows of a range. */
export interface ReferenceValue {
  readonly value: unknown;
  /** Where it was read, e.g. "[@Attainment]: this row, Quotas!F17" or "Deals[Amount]: 120 rows". */
  readonly source: string;
}

/** Where the formula being explained is. */
export interface FormulaCell {
  readonly sheet: string;
  readonly address: string;
}

/** The tables as the structured-reference translator needs them. */
function geometries(tables: readonly TableInfo[]): TableGeometry[] {
  return tables.map((t) => ({
    name: t.name,
    sheet: t.sheet,
    anchor: parseCell(t.address.split(":")[0]),
    headers: t.headers,
    rowCount: t.rowCount,
  }));
}

const A1 = /^(?:('(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/i;

/** True for a reference to this row of a table: [@Col], T[@Col], T[[#This Row],[Col]]. */
const isThisRow = (text: string) => /\[\s*@|#this row/i.test(text);

/**
 * The value of one reference, as Excel's Evaluate Formula shows it: an A1 reference (with or
 * without its sheet), a table, a structured reference to a column or to this row's cell. Null
 * when the text is not a reference (or names no table or column of the workbook).
 */
export async function referenceValue(
  host: WorkbookHost,
  tables: readonly TableInfo[],
  at: FormulaCell,
  text: string,
): Promise<ReferenceValue | null> {
  const t = text.trim();
  const bare = /^[A-Za-z_][\w.]*$/.test(t) ? tables.find((x) => sameText(x.name, t)) : undefined;
  if (bare) {
    const data = await host.readTable(bare.name);
    return { value: data.rows.map((r) => [...r]), source: `table ${bare.name}` };
  }
  // A named total of the back-test's Plan Comparison (BT_Cost_current): the cell it names.
  const named = /^[A-Za-z_][\w.]*$/.test(t) ? comparisonNamedCell(t) : null;
  if (named) {
    try {
      const [[value]] = await host.readRange(named.sheet, named.address);
      return { value, source: `${t}: ${named.sheet}!${named.address}` };
    } catch {
      return null;
    }
  }
  let a1 = t;
  if (t.includes("[")) {
    const pos = parseCell(at.address);
    try {
      a1 = structuredToA1(t, geometries(tables), { sheet: at.sheet, row: pos.row, col: pos.col });
    } catch {
      return null;
    }
  }
  const m = A1.exec(a1);
  if (!m) return null;
  const { sheet, address } = splitSheetAddress(a1);
  const where = sheet ?? at.sheet;
  let values: unknown[][];
  try {
    values = await host.readRange(where, address.replace(/\$/g, ""));
  } catch {
    return null;
  }
  const plain = address.replace(/\$/g, "");
  const one = values.length === 1 && values[0].length === 1;
  if (t === a1) return { value: one ? values[0][0] : values, source: `${where}!${plain}` };
  if (isThisRow(t)) return { value: one ? values[0][0] : values, source: `${t}: this row, ${where}!${plain}` };
  return { value: values, source: `${t}: ${values.length} row(s), ${where}!${plain}` };
}

/**
 * A range's values in a few words, as a person checks them: "3 x 2 range" for a block, and for a
 * column its count, its sum and its first values ("12 rows: sum 1,450,000; first 120,000, 80,000, ...").
 */
export function describeValue(v: unknown): string {
  if (!Array.isArray(v)) return show(v);
  const rows = v as unknown[][];
  const width = rows[0]?.length ?? 0;
  if (rows.length === 0) return "an empty range";
  if (width !== 1) return `${rows.length} x ${width} range`;
  const column = rows.map((r) => r[0]);
  const numbers = column.filter((x): x is number => typeof x === "number");
  const first = column.slice(0, 3).map(show).join(", ") + (column.length > 3 ? ", ..." : "");
  const sum = numbers.length > 0 ? `sum ${show(numbers.reduce((a, b) => a + b, 0))}; ` : "";
  return `${column.length} row(s): ${sum}first ${first}`;
}

/** A reference found inside an expression, with where it starts and ends. */
interface Found {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Where a bracket closes; an unclosed one runs to the end of the text. */
function endOfBracket(s: string, start: number): number {
  const end = closingBracket(s, start);
  return end < 0 ? s.length : end;
}

/** The references in an expression, in order: structured, sheet-qualified and plain A1, and bare table names. */
function findReferences(expr: string, tables: readonly TableInfo[]): Found[] {
  const out: Found[] = [];
  let i = 0;
  while (i < expr.length) {
    const ch = expr[i];
    if (ch === '"') {
      i++;
      while (i < expr.length && !(expr[i] === '"' && expr[i + 1] !== '"')) i += expr[i] === '"' ? 2 : 1;
      i++;
      continue;
    }
    const prev = i > 0 ? expr[i - 1] : "";
    if (ch === "[") {
      const end = endOfBracket(expr, i);
      out.push({ text: expr.slice(i, end), start: i, end });
      i = end;
      continue;
    }
    if (/[A-Za-z_$']/.test(ch) && !/[\w.$]/.test(prev)) {
      const sheetRef =
        /^(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?/i.exec(expr.slice(i)) ??
        /^\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?(?![\w(.!])/i.exec(expr.slice(i));
      if (sheetRef) {
        out.push({ text: sheetRef[0], start: i, end: i + sheetRef[0].length });
        i += sheetRef[0].length;
        continue;
      }
      const name = /^[A-Za-z_][\w.]*/.exec(expr.slice(i));
      if (name) {
        let end = i + name[0].length;
        const isTable = tables.some((t) => sameText(t.name, name[0]));
        if (isTable && expr[end] === "[") end = endOfBracket(expr, end);
        if (isTable && expr[end] !== "(") out.push({ text: expr.slice(i, end), start: i, end });
        else if (comparisonNamedCell(name[0]) && expr[end] !== "(") out.push({ text: name[0], start: i, end });
        i = end;
        continue;
      }
    }
    i++;
  }
  return out;
}

/**
 * Evaluates arithmetic (+ - * / ^, unary minus, parentheses) over numbers: what is left of an
 * argument once its references are replaced by their values. Null for anything else (a
 * function call, text, a comparison), which the explanation then shows in parts.
 */
export function arithmetic(expr: string): number | null {
  const tokens = expr.match(/\d+(?:\.\d+)?(?:E[+-]?\d+)?|[-+*/^()]|\S/gi) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const primary = (): number | null => {
    const t = tokens[i++];
    if (t === undefined) return null;
    if (t === "(") {
      const v = sum();
      return tokens[i++] === ")" ? v : null;
    }
    if (t === "-" || t === "+") {
      const v = primary();
      return v === null ? null : t === "-" ? -v : v;
    }
    return /^\d/.test(t) ? Number(t) : null;
  };
  const power = (): number | null => {
    let v = primary();
    while (v !== null && peek() === "^") {
      i++;
      const r = primary();
      v = r === null ? null : v ** r;
    }
    return v;
  };
  const product = (): number | null => {
    let v = power();
    while (v !== null && (peek() === "*" || peek() === "/")) {
      const op = tokens[i++];
      const r = power();
      v = r === null ? null : op === "*" ? v * r : v / r;
    }
    return v;
  };
  const sum = (): number | null => {
    let v = product();
    while (v !== null && (peek() === "+" || peek() === "-")) {
      const op = tokens[i++];
      const r = product();
      v = r === null ? null : op === "+" ? v + r : v - r;
    }
    return v;
  };
  const v = sum();
  return v !== null && i === tokens.length && Number.isFinite(v) ? v : null;
}

/** An expression's parts, each reference with its value, and the expression's value when it is plain arithmetic. */
export interface ExpressionValue {
  /** The value, or null when it cannot be computed here (the parts are still listed). */
  readonly value: number | null;
  /** "Weight 0.4 ([@Weight]: this row, Scorecards!F9); ..." or null when it has no references. */
  readonly parts: string | null;
}

/** A reference in a formula, with its value (null when it names nothing in the workbook) and where it was read. */
export interface FoundReference {
  readonly text: string;
  readonly value: ReferenceValue | null;
}

/** Every reference in a formula or expression, in order, with its value. */
export async function referencesIn(
  host: WorkbookHost,
  tables: readonly TableInfo[],
  at: FormulaCell,
  expr: string,
): Promise<(FoundReference & { start: number; end: number })[]> {
  const out: (FoundReference & { start: number; end: number })[] = [];
  for (const r of findReferences(expr, tables))
    out.push({ ...r, value: await referenceValue(host, tables, at, r.text) });
  return out;
}

/** Evaluates an expression argument as far as it can: every reference's value, and the result of plain arithmetic. */
export async function expressionValue(
  host: WorkbookHost,
  tables: readonly TableInfo[],
  at: FormulaCell,
  expr: string,
): Promise<ExpressionValue> {
  const parts: string[] = [];
  let rewritten = "";
  let from = 0;
  let scalar = true;
  for (const r of await referencesIn(host, tables, at, expr)) {
    const v = r.value;
    rewritten += expr.slice(from, r.start);
    from = r.end;
    if (v === null) {
      scalar = false;
      parts.push(`${r.text}: not found`);
      continue;
    }
    parts.push(`${r.text} = ${describeValue(v.value)} (${v.source.replace(`${r.text}: `, "")})`);
    if (typeof v.value === "number") rewritten += `(${v.value})`;
    else scalar = false;
  }
  rewritten += expr.slice(from);
  return { value: scalar ? arithmetic(rewritten) : null, parts: parts.length ? parts.join("; ") : null };
}
