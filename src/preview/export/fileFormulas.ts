/**
 * Formula text between the preview and the .xlsx file format. In a file, Excel writes "this
 * row" references in full (Deals[[#This Row],[Amount]], never [@Amount]) and prefixes functions
 * newer than Excel 2007 with _xlfn. (without it Excel shows #NAME? until the cell is re-entered).
 */

/** Functions newer than Excel 2007, which files carry as _xlfn.NAME. */
const FUTURE_FUNCTIONS = [
  "NORM.S.DIST", "NORM.DIST", "NORM.S.INV", "NORM.INV", "LOGNORM.DIST", "T.DIST", "T.INV", "CHISQ.DIST", "BINOM.DIST", "POISSON.DIST",
  "STDEV.S", "STDEV.P", "VAR.S", "VAR.P", "PERCENTILE.INC", "PERCENTILE.EXC", "QUARTILE.INC", "QUARTILE.EXC", "RANK.EQ", "RANK.AVG",
  "MODE.SNGL", "CEILING.MATH", "FLOOR.MATH", "IFNA", "IFS", "SWITCH", "MAXIFS", "MINIFS", "CONCAT", "TEXTJOIN", "DAYS", "ISOWEEKNUM",
  "XOR", "XLOOKUP", "XMATCH", "LET", "SEQUENCE", "RANDARRAY", "UNIQUE", "FILTER", "SORT", "SORTBY", "FORECAST.LINEAR", "AGGREGATE",
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

/**
 * The formula as a file holds it (no leading "="): [@Col] and Table[@Col] written in full, new
 * functions prefixed with _xlfn.
 * @param table The table the cell is in, for unqualified [@Col]; null outside tables.
 */
export function toFileFormula(formula: string, table: string | null): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return mapOutsideStrings(body, (code) => {
    let out = code.replace(/([A-Za-z_\\][A-Za-z0-9_.\\]*)?\[@(\[(?:[^\]']|'.)*\]|[^[\]]*)\]/g, (whole, name: string | undefined, col: string) => {
      const owner = name ?? table;
      if (!owner) return whole;
      const column = col.startsWith("[") ? col.slice(1, -1) : col;
      return `${owner}[[#This Row],[${column}]]`;
    });
    out = out.replace(/(^|[^A-Za-z0-9_.])([A-Z][A-Z0-9]*(?:\.[A-Z0-9]+)+|[A-Z]+)(?=\()/g, (whole, pre: string, name: string) => {
      const upper = name.toUpperCase();
      if (!FUTURE_FUNCTIONS.includes(upper)) return whole;
      return `${pre}_xlfn.${WORKSHEET_FUNCTIONS.has(upper) ? "_xlws." : ""}${name}`;
    });
    return out;
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
      .replace(/([A-Za-z_\\][A-Za-z0-9_.\\]*)\[\[#This Row\],\s*\[((?:[^\]']|'.)*)\]\]/gi, (_, name: string, column: string) => {
        const ref = needsBrackets(column) ? `[@[${column}]]` : `[@${column}]`;
        return table !== null && name.toLowerCase() === table.toLowerCase() ? ref : `${name}${ref}`;
      }),
  );
  return `=${body}`;
}
