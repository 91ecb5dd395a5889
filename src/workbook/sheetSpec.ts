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

/** True for a formula cell. */
export function isFormula(cell: CellInput): cell is FormulaCell {
  return typeof cell === "object" && cell !== null && "formula" in cell;
}
