import { SheetSpec } from "./sheetSpec";

/** A table or range read from the workbook, with its header row. */
export interface TableData {
  /** Where it came from: a table name, or a sheet-qualified address for a selection. */
  readonly source: string;
  /** Header texts. */
  readonly headers: readonly string[];
  /** Data rows as cell values (numbers, strings, booleans; "" for blanks). */
  readonly rows: readonly (readonly unknown[])[];
}

/** A table in the workbook. */
export interface TableInfo {
  /** Table name. */
  readonly name: string;
  /** Sheet it is on. */
  readonly sheet: string;
  /** Number of data rows. */
  readonly rowCount: number;
  /** Header texts. */
  readonly headers: readonly string[];
  /** The table's range on its sheet, header row included, e.g. "A1:D13". */
  readonly address: string;
}

/** The active cell: where it is, its formula (en-US) and its value. */
export interface ActiveCell {
  readonly sheet: string;
  /** e.g. "C7". */
  readonly address: string;
  /** The formula, or null for a constant or a blank cell. */
  readonly formula: string | null;
  /** The value (errors as their text, e.g. "#DIV/0!"; blank as ""). */
  readonly value: unknown;
}

/** A sheet and the area it uses. */
export interface SheetInfo {
  /** Sheet name. */
  readonly name: string;
  /** Used range address ("A1:F120"), or null for an empty sheet. */
  readonly usedRange: string | null;
  /** True when the add-in created it and recorded it as its own. */
  readonly owned: boolean;
}

/** Raised when the add-in would write over a sheet it does not own. Nothing is written. */
export class NotOwnedError extends Error {
  constructor(readonly sheet: string) {
    super(`A sheet named "${sheet}" already exists and was not created by Comp Planner. Choose another name, or rename or delete that sheet.`);
    this.name = "NotOwnedError";
  }
}

/**
 * The host boundary: everything the wizard and task pane may do to a workbook. ExcelHost
 * implements it with Office.js, PreviewHost with the in-browser engine; the code above is the
 * same for both.
 */
export interface WorkbookHost {
  /** Tables in the workbook. */
  listTables(): Promise<TableInfo[]>;
  /** Sheets with their used ranges and ownership. */
  listSheets(): Promise<SheetInfo[]>;
  /** A table's headers and rows. */
  readTable(name: string): Promise<TableData>;
  /** The current selection, its first row taken as headers. */
  readSelection(): Promise<TableData>;
  /**
   * Writes a sheet the add-in owns: creates it (and records ownership) or replaces its content.
   * Throws NotOwnedError, writing nothing, when a sheet of that name exists and is not its own.
   */
  writeSheet(spec: SheetSpec): Promise<void>;
  /** True when the named sheet exists and is the add-in's own. */
  isOwned(sheet: string): Promise<boolean>;
  /** Reads a settings document stored in the workbook (null when absent). */
  readSettings(key: string): Promise<unknown | null>;
  /** Stores a settings document in the workbook, replacing the previous one under that key. */
  writeSettings(key: string, value: unknown): Promise<void>;
  /** Selects a range (sheet-qualified address) so the user sees it. */
  select(sheet: string, address: string): Promise<void>;
  /** The active cell: for "why is this number?". */
  activeCell(): Promise<ActiveCell>;
  /** The values of a range ("" for blanks). */
  readRange(sheet: string, address: string): Promise<unknown[][]>;
}
