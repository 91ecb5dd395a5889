/**
 * SheetSpec: a declarative description of what the add-in writes to one sheet. The wizard builds
 * SheetSpecs from core results; a WorkbookHost (Excel or the preview) writes them. Formulas are
 * en-US syntax (comma separators, English function names) and may use structured references to
 * the sheet's own tables.
 */

/** A formula cell: en-US text starting with "=". */
export interface FormulaCell {
  /** e.g. "=SUMIFS(Assignments[Potential],Assignments[Territory],[@Territory])". */
  readonly formula: string;
}

/** What one cell holds: a value, a formula, or nothing. */
export type CellInput = number | string | boolean | null | FormulaCell;

/** A reference to a table column's data (header excluded). */
export interface ColumnRef {
  /** Table name. */
  readonly table: string;
  /** Column header. */
  readonly column: string;
}

/** An Excel table to write. */
export interface TableSpec {
  /** Workbook-unique table name (letters, digits, underscores; starts with a letter). */
  readonly name: string;
  /** Top-left cell of the header row, e.g. "A1". */
  readonly anchor: string;
  /** Column headers, in order. */
  readonly headers: readonly string[];
  /** Data rows, each as long as headers. */
  readonly rows: readonly (readonly CellInput[])[];
  /** Number formats by column header, e.g. { Potential: "#,##0", Share: "0.0%" }. */
  readonly numberFormats?: Readonly<Record<string, string>>;
}

/** A single cell written outside tables (labels, summary figures). */
export interface CellSpec {
  /** A1 address on the sheet. */
  readonly address: string;
  /** Value or formula. */
  readonly value: CellInput;
  /** Optional number format. */
  readonly numberFormat?: string;
  /** Bold text, for labels. */
  readonly bold?: boolean;
}

/** A chart of table columns. */
export interface ChartSpec {
  /** Column (vertical bars), bar (horizontal), line, or a histogram drawn as columns. */
  readonly type: "column" | "bar" | "line";
  /** Chart title. */
  readonly title: string;
  /** Top-left cell the chart is placed at. */
  readonly anchor: string;
  /** Category labels (x axis). */
  readonly categories: ColumnRef;
  /** One or more value series. */
  readonly series: readonly { readonly name: string; readonly values: ColumnRef }[];
}

/** A workbook-level name for a cell or range on this sheet. */
export interface NamedRangeSpec {
  /** The name, e.g. "CompanyTarget". */
  readonly name: string;
  /** A1 address on this sheet, e.g. "B2" or "B2:B10". */
  readonly address: string;
}

/** Everything the add-in writes to one sheet it owns. */
export interface SheetSpec {
  /** Sheet name (at most 31 characters, none of : \ / ? * [ ]). */
  readonly name: string;
  /** Tables, written in order. */
  readonly tables: readonly TableSpec[];
  /** Loose cells. */
  readonly cells?: readonly CellSpec[];
  /** Column widths in points, by column letter. */
  readonly columnWidths?: Readonly<Record<string, number>>;
  /** Rows and columns frozen at the top-left. */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  /** Named ranges. */
  readonly namedRanges?: readonly NamedRangeSpec[];
  /** Charts. */
  readonly charts?: readonly ChartSpec[];
}

/**
 * A prefix for the table and range names of a generated sheet, derived from the sheet's name
 * ("OTE Scenarios" -> "OTE_Scenarios"), so a second copy of a sheet under another name gets names
 * of its own (table names are workbook-wide).
 */
export function namePrefix(sheet: string): string {
  return sheet.replace(/[^A-Za-z0-9_]/g, "_").replace(/^([^A-Za-z_])/, "_$1");
}

/** True for a formula cell. */
export function isFormula(cell: CellInput): cell is FormulaCell {
  return typeof cell === "object" && cell !== null && "formula" in cell;
}

const BAD_SHEET_CHARS = /[:\\/?*[\]]/;
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;

/** What is wrong with a sheet name, in words, or null when Excel accepts it. */
export function sheetNameProblem(name: string): string | null {
  if (
    name.trim() === "" ||
    name.length > 31 ||
    BAD_SHEET_CHARS.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  ) {
    return `"${name}" cannot be a sheet name: use 1 to 31 characters, none of : \\ / ? * [ ], not starting or ending with an apostrophe.`;
  }
  return null;
}

/**
 * Checks a SheetSpec before anything is written: a valid sheet name, valid and distinct table
 * names, rows as wide as their headers, headers that are distinct.
 * @throws Error saying what to fix.
 */
export function checkSheetSpec(spec: SheetSpec): void {
  const nameProblem = sheetNameProblem(spec.name);
  if (nameProblem) throw new Error(nameProblem);
  const names = new Set<string>();
  for (const t of spec.tables) {
    if (!TABLE_NAME.test(t.name) || /^[A-Za-z]{1,3}\d+$/.test(t.name) || /^[RrCc]$/.test(t.name)) {
      throw new Error(
        `"${t.name}" cannot be a table name: start with a letter and use letters, digits and underscores, and do not use a cell address.`,
      );
    }
    if (names.has(t.name.toLowerCase())) throw new Error(`Two tables on sheet "${spec.name}" are named "${t.name}".`);
    names.add(t.name.toLowerCase());
    const headers = new Set(t.headers.map((h) => h.toLowerCase()));
    if (headers.size !== t.headers.length || t.headers.some((h) => h.trim() === ""))
      throw new Error(`Table "${t.name}" needs distinct, non-blank headers.`);
    t.rows.forEach((row, i) => {
      if (row.length !== t.headers.length)
        throw new Error(`Table "${t.name}" row ${i + 1} has ${row.length} cells for ${t.headers.length} headers.`);
    });
  }
}
