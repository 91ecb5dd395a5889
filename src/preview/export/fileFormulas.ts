/**
 * Formula text between the preview and the .xlsx file format. In a file, Excel writes "this
 * row" references in full (Deals[[#This Row],[Amount]], never [@Amount]) and prefixes functions
 * newer than Excel 2007 with _xlfn. (without it Excel shows #NAME? until the cell is re-entered).
 */

/** Functions newer than Excel 2007, which files carry as _xlfn.NAME. */
const FUTURE_FUNCTIONS = [
  "NORM.S.DIST",
  "NORM.DIST",
  "NORM.S.INV",
  "NORM.INV",
  "LOGNORM.DIST",
  "T.DIST",
  "T.INV",
  "CHISQ.DIST",
  "BINOM.DIST",
  "POISSON.DIST",
  "STDEV.S",
  "STDEV.P",
  "VAR.S",
  "VAR.P",
  "PERCENTILE.INC",
  "PERCENTILE.EXC",
  "QUARTILE.INC",
  "QUARTILE.EXC",
  "RANK.EQ",
  "RANK.AVG",
  "MODE.SNGL",
  "CEILING.MATH",
  "FLOOR.MATH",
  "IFNA",
  "IFS",
  "SWITCH",
  "MAXIFS",
  "MINIFS",
  "CONCAT",
  "TEXTJOIN",
  "DAYS",
  "ISOWEEKNUM",
  "XOR",
  "XLOOKUP",
  "XMATCH",
  "LET",
  "SEQUENCE",
  "RANDARRAY",
  "UNIQUE",
  "FILTER",
  "SORT",
  "SORTBY",
  "FORECAST.LINEAR",
  "AGGREGATE",
];
/** Of those, the ones a file carries as _xlfn._xlws.NAME. */
const WORKSHEET_FUNCTIONS = new Set(["FILTER", "SORT"]);

/** Calls each function name in the formula text outside string literals; `f` rewrites a name. */
function mapOutsideStrings(formula: string, f: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join("");
}

const needsBrackets = (column: string) => /[^A-Za-z0-9_.]/.test(column);

/** The index just after the "]" that closes the "[" at `start` (Excel escapes brackets in names with '). */
function endOfBracket(s: string, start: number): number {
  let depth = 0;
  for (let i = start; i < s.length; i++) {
    if (s[i] === "'") i++;
    else if (s[i] === "[") depth++;
    else if (s[i] === "]" && --depth === 0) return i + 1;
  }
  return s.length;
}

/** A table reference's brackets with "this row" written in full: [@Col] -> [[#This Row],[Col]]. */
function fullThisRow(inner: string): string {
  const t = inner.trim();
  if (!t.startsWith("@")) return `[${inner}]`;
  const col = t.slice(1).trim();
  if (col === "") return "[#This Row]";
  return `[[#This Row],[${col.startsWith("[") ? col.slice(1, -1) : col}]]`;
}

/**
 * The formula as a file holds it (no leading "="): every structured reference qualified with
 * its table ([Col] -> Table[Col], [@Col] -> Table[[#This Row],[Col]]), as Excel writes them, and
 * new functions prefixed with _xlfn.
 * @param table The table the cell is in, for unqualified references; null outside tables.
 */
export function toFileFormula(formula: string, table: string | null): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return mapOutsideStrings(body, (code) => {
    let out = "";
    let i = 0;
    while (i < code.length) {
      if (code[i] !== "[") {
        out += code[i++];
        continue;
      }
      const end = endOfBracket(code, i);
      const inner = code.slice(i + 1, end - 1);
      const qualified = /[A-Za-z0-9_.\\]$/.test(out);
      if (qualified) out += fullThisRow(inner);
      else if (table) out += `${table}${fullThisRow(inner)}`;
      else out += code.slice(i, end);
      i = end;
    }
    return out.replace(
      /(^|[^A-Za-z0-9_.])([A-Z][A-Z0-9]*(?:\.[A-Z0-9]+)+|[A-Z]+)(?=\()/g,
      (whole, pre: string, name: string) => {
        const upper = name.toUpperCase();
        if (!FUTURE_FUNCTIONS.includes(upper)) return whole;
        return `${pre}_xlfn.${WORKSHEET_FUNCTIONS.has(upper) ? "_xlws." : ""}${name}`;
      },
    );
  });
}

/**
 * A file's formula as the preview writes it ("=" first): _xlfn. prefixes dropped, this-row
 * references short again ([@Col] inside the cell's own table, Table[@Col] elsewhere).
 */
export function fromFileFormula(formula: string, table: string | null): string {
  const body = mapOutsideStrings(formula, (code) =>
    code
      .replace(/_xlfn\.(?:_xlws\.)?/gi, "")
      .replace(
        /([A-Za-z_\\][A-Za-z0-9_.\\]*)\[\[#This Row\],\s*\[((?:[^\]']|'.)*)\]\]/gi,
        (_, name: string, column: string) => {
          const ref = needsBrackets(column) ? `[@[${column}]]` : `[@${column}]`;
          return table !== null && name.toLowerCase() === table.toLowerCase() ? ref : `${name}${ref}`;
        },
      ),
  );
  return `=${body}`;
}
