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
    super(
      `A sheet named "${sheet}" already exists and was not created by Comp Planner. Choose another name, or rename or delete that sheet.`,
    );
    this.name = "NotOwnedError";
  }
}

/** Raised when the workbook would need a name the user made: nothing is written. */
export class NameClashError extends Error {
  constructor(readonly clash: string) {
    super(
      `The workbook already has a name "${clash}" that Comp Planner did not create. Rename or delete it (Formulas > Name Manager), then run again.`,
    );
    this.name = "NameClashError";
  }
}

/** Raised when a run or save starts while another is still writing to the same workbook. */
export class WorkbookBusyError extends Error {
  constructor(readonly running: string) {
    super(`Comp Planner is still busy with "${running}" in this workbook. Wait for it to finish, then try again.`);
    this.name = "WorkbookBusyError";
  }
}

/** What writeSheet did besides writing the sheet. */
export interface WriteReport {
  /** The sheet written. */
  readonly sheet: string;
  /**
   * When the previous version had been edited by hand: the name it is kept under (no longer the
   * add-in's, never overwritten). Null when there was nothing of the user's to keep.
   */
  readonly keptAs: string | null;
  /** A sentence for the user about what was kept, or null. */
  readonly message: string | null;
}

/**
 * One run at a time per workbook: `exclusive` runs one task and refuses, with WorkbookBusyError,
 * any other started before it ends. Hosts share one lock per workbook.
 */
export class RunLock {
  private running: { what: string; run: boolean } | null = null;

  /** The task in flight, or null. */
  get busy(): string | null {
    return this.running?.what ?? null;
  }

  /** Runs `task` alone; throws WorkbookBusyError, running nothing, while another task holds the lock. */
  async exclusive<T>(what: string, task: () => Promise<T>): Promise<T> {
    return this.hold(what, true, task);
  }

  /**
   * Runs one host write. Inside an exclusive run it is part of that run; otherwise it holds the
   * lock for itself, so two writes started at once never interleave.
   */
  async operation<T>(what: string, task: () => Promise<T>): Promise<T> {
    return this.running?.run ? task() : this.hold(what, false, task);
  }

  private async hold<T>(what: string, run: boolean, task: () => Promise<T>): Promise<T> {
    if (this.running !== null) throw new WorkbookBusyError(this.running.what);
    this.running = { what, run };
    try {
      return await task();
    } finally {
      this.running = null;
    }
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
  /**
   * Calls `listener` after each change to the workbook's tables (one added, removed or renamed,
   * its headers or size changed, its sheet removed or renamed); returns the unsubscribe function.
   * Optional: on a host without it the pane reads the tables when it opens and after its own runs.
   */
  onTablesChanged?(listener: () => void): () => void;
  /** Sheets with their used ranges and ownership. */
  listSheets(): Promise<SheetInfo[]>;
  /** A table's headers and rows. */
  readTable(name: string): Promise<TableData>;
  /** The current selection, its first row taken as headers. */
  readSelection(): Promise<TableData>;
  /**
   * Writes a sheet the add-in owns, atomically: builds it under a temporary name, then swaps it
   * in and records ownership; on any failure the workbook is left exactly as it was. A previous
   * version the user edited by hand is kept under another name (see WriteReport). Throws
   * NotOwnedError or NameClashError, writing nothing, when a sheet or workbook name it needs is
   * the user's.
   */
  writeSheet(spec: SheetSpec): Promise<WriteReport>;
  /**
   * Writes several sheets as one, with writeSheet's guarantees for all of them together: staged
   * first, swapped in at once, all put back on failure. For sheets whose formulas refer to each
   * other's tables (Scorecards and Leaderboard), which separate writes would break in between.
   */
  writeSheets(specs: readonly SheetSpec[]): Promise<WriteReport[]>;
  /**
   * Runs a whole tool run or save (several host calls) as one: another run or save started
   * meanwhile is refused with WorkbookBusyError instead of interleaving with it.
   */
  exclusive<T>(what: string, task: () => Promise<T>): Promise<T>;
  /** True when the named sheet exists and is the add-in's own. */
  isOwned(sheet: string): Promise<boolean>;
  /** Reads a settings document stored in the workbook (null when absent). */
  readSettings(key: string): Promise<unknown | null>;
  /**
   * Settings parts that could not be read (malformed, invalid, or from a newer version), one
   * sentence each naming the part. They are ignored by readSettings and never overwritten.
   */
  settingsProblems(): Promise<string[]>;
  /** Stores a settings document in the workbook, replacing the previous one under that key. */
  writeSettings(key: string, value: unknown): Promise<void>;
  /** Selects a range (sheet-qualified address) so the user sees it. */
  select(sheet: string, address: string): Promise<void>;
  /** The active cell: for "why is this number?". */
  activeCell(): Promise<ActiveCell>;
  /** The values of a range ("" for blanks). */
  readRange(sheet: string, address: string): Promise<unknown[][]>;
}
