import { HyperFormula, RawCellContent } from "hyperformula";
import { blockRange, CellPos, parseRange, RangePos } from "../a1";
import { ChartSpec } from "../sheetSpec";
import { A1Range, structuredToA1, TableGeometry } from "../structuredRefs";
import { registerCompPlugin } from "./compPlugin";
import { engineErrorMessage, engineErrorText } from "./engineErrors";
import { stringLiteralsForEngine } from "./engineStrings";
import { registerIndexedCriteria } from "./indexedCriteria";
import { registerIndexedSumproduct } from "./indexedSumproduct";
import { keepChangesInOrderedList, withoutChangeList } from "./orderedChangeList";
import { sortDependenciesOnFlatArrays } from "./flatDependencySort";
import { rememberDateParses } from "./rememberedDateParses";
import { readErroredSpillsAsErrors } from "./erroredSpillReads";
import { spillRangeFormulas } from "./spilledRangeFormulas";
import { blockedSpillsReaching } from "./blockedSpills";

/** A table in the preview workbook: its geometry and column number formats. */
export interface PreviewTable extends TableGeometry {
  /** Number formats by header. */
  readonly numberFormats: Readonly<Record<string, string>>;
}

/** What the grid shows for one cell. */
export interface PreviewCell {
  /** The computed value: number, string, boolean, null, or an error such as { error: "#DIV/0!", message }. */
  readonly value: number | string | boolean | null | { readonly error: string; readonly message: string };
  /** The formula as the user or the add-in wrote it (structured references kept), or null. */
  readonly formula: string | null;
  /** The cell's number format, or null for General. */
  readonly numberFormat: string | null;
}

interface SheetExtras {
  id: string;
  formulas: Map<string, string>;
  /** Per formula cell, the ranges it reaches through hidden range names (see rangeName). */
  rangesUsed: Map<string, string[]>;
  badReferences: Map<string, string>;
  formats: Map<string, string>;
  bold: Set<string>;
  charts: ChartSpec[];
  columnWidths: Record<string, number>;
  freeze: { rows: number; columns: number } | null;
}

const key = (row: number, col: number) => `${row},${col}`;

/**
 * Functions that return one value whatever the size of a range argument. Only their whole
 * arguments go through hidden range names: the engine cannot tell the size of a name when it
 * sizes a spilling result, so a range that could shape a spill stays an A1 reference.
 */
const SCALAR_OF_RANGE = new Set([
  "SUM",
  "SUMIF",
  "SUMIFS",
  "COUNT",
  "COUNTA",
  "COUNTIF",
  "COUNTIFS",
  "AVERAGE",
  "AVERAGEIF",
  "AVERAGEIFS",
  "MAX",
  "MIN",
  "MAXIFS",
  "MINIFS",
  "SUMPRODUCT",
  "ROWS",
  "MATCH",
]);

/** Hidden names the preview defines for structured references' ranges start with this. */
export const RANGE_NAME_PREFIX = "__CP_RANGE_";

/**
 * The preview's workbook: HyperFormula for values and recalculation, plus what an engine without
 * Excel's object model lacks: tables (whose structured references are rewritten to A1 ranges),
 * number formats, charts, the formula text as written, custom XML parts and a selection.
 * HyperFormula is GPL-3.0: this module is for the preview and tests, never the add-in bundle.
 */
export class PreviewWorkbook {
  /** The spreadsheet engine. */
  readonly engine: HyperFormula;
  private readonly extras = new Map<string, SheetExtras>();
  private readonly tableList: PreviewTable[] = [];
  private readonly xmlParts = new Map<string, string>();
  /** Hidden range names by the absolute reference they stand for, with how many formula cells use them. */
  private readonly rangeNames = new Map<string, { name: string; uses: number }>();
  private nextRangeName = 1;
  private nextSheetId = 1;
  private nextPartId = 1;
  private listeners = new Set<() => void>();
  /** How deep in {@link batch} the writes are, and per sheet the blocks of cells they emptied. */
  private batchDepth = 0;
  private readonly freed = new Map<number, RangePos[]>();
  /** The selected range. */
  selection: { sheet: string; range: RangePos } | null = null;

  constructor() {
    registerCompPlugin();
    registerIndexedCriteria();
    registerIndexedSumproduct();
    // smartRounding off: the engine must hand back the same doubles the COMP functions computed, as Excel does.
    // accentSensitive: Excel's = tells "é" from "e" (HyperFormula's default does not).
    // undoLimit 0: the preview's own GridEdits undoes edits; the engine's stack would keep the old
    // and new content of every cell written (a 100,000-row import: a million entries) for nothing.
    this.engine = HyperFormula.buildEmpty({
      undoLimit: 0,
      licenseKey: "gpl-v3",
      useArrayArithmetic: true,
      smartRounding: false,
      accentSensitive: true,
      maxRows: 1_048_576,
      maxColumns: 16_384,
      // No column index (useColumnIndex): it costs more than it saves here (bench/RESULTS.md), and
      // the workbook's writes leave the engine's change list empty (withoutChangeList), which
      // the index would read.
    });
    // Excel reads TRUE and FALSE as constants (=IF(TRUE,1,2)); HyperFormula knows them only as
    // functions, TRUE() and FALSE(). Names make formulas written for Excel work unchanged.
    this.engine.addNamedExpression("TRUE", "=TRUE()");
    this.engine.addNamedExpression("FALSE", "=FALSE()");
    rememberDateParses(this.engine);
    keepChangesInOrderedList(this.engine);
    sortDependenciesOnFlatArrays(this.engine);
    readErroredSpillsAsErrors(this.engine);
    spillRangeFormulas(this.engine);
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Increases with every change; views compare it to know when to redraw. */
  version = 0;

  /** Increases with every change but a new selection: what a file of the workbook holds changed. */
  contentVersion = 0;

  /** Tells every listener that something changed (only the selection, when `selectionOnly`). */
  notify(selectionOnly = false): void {
    this.version++;
    if (!selectionOnly) this.contentVersion++;
    for (const l of this.listeners) l();
  }

  /** Sheet names in tab order. */
  sheetNames(): string[] {
    return this.engine.getSheetNames();
  }

  /** True when a sheet of that name exists (case-insensitive, as in Excel). */
  hasSheet(name: string): boolean {
    return this.engine.doesSheetExist(name);
  }

  /** The stable id of a sheet (kept across renames), or null. */
  sheetId(name: string): string | null {
    return this.extras.get(this.canonicalName(name) ?? "")?.id ?? null;
  }

  private canonicalName(name: string): string | null {
    if (this.extras.has(name)) return name;
    return this.sheetNames().find((n) => n.toLowerCase() === name.toLowerCase()) ?? null;
  }

  private sheetIndex(name: string): number {
    const id = this.engine.getSheetId(this.canonicalName(name) ?? name);
    if (id === undefined) throw new Error(`There is no sheet named "${name}".`);
    return id;
  }

  private extra(name: string): SheetExtras {
    const e = this.extras.get(this.canonicalName(name) ?? name);
    if (!e) throw new Error(`There is no sheet named "${name}".`);
    return e;
  }

  /** Adds an empty sheet and returns its stable id. */
  addSheet(name: string): string {
    const added = this.engine.addSheet(name);
    const id = `sheet-${this.nextSheetId++}`;
    this.extras.set(added, {
      id,
      formulas: new Map(),
      rangesUsed: new Map(),
      badReferences: new Map(),
      formats: new Map(),
      bold: new Set(),
      charts: [],
      columnWidths: {},
      freeze: null,
    });
    return id;
  }

  /** Empties a sheet: values, formulas, formats, tables and charts on it. */
  clearSheet(name: string): void {
    const sheet = this.canonicalName(name);
    if (!sheet) return;
    withoutChangeList(() => this.engine.clearSheet(this.sheetIndex(sheet)));
    const { id, rangesUsed } = this.extra(sheet);
    for (const refs of rangesUsed.values()) this.releaseRanges(refs);
    this.extras.set(sheet, {
      id,
      formulas: new Map(),
      rangesUsed: new Map(),
      badReferences: new Map(),
      formats: new Map(),
      bold: new Set(),
      charts: [],
      columnWidths: {},
      freeze: null,
    });
    for (let i = this.tableList.length - 1; i >= 0; i--)
      if (this.tableList[i].sheet === sheet) this.tableList.splice(i, 1);
  }

  /** Tables in the workbook. */
  tables(): readonly PreviewTable[] {
    return this.tableList;
  }

  /** Registers a table's geometry (its cells are written separately). */
  addTable(table: PreviewTable): void {
    if (this.tableList.some((t) => t.name.toLowerCase() === table.name.toLowerCase()))
      throw new Error(`A table named "${table.name}" already exists.`);
    this.tableList.push({ ...table, sheet: this.canonicalName(table.sheet) ?? table.sheet });
  }

  /** Runs many writes with recalculation deferred to the end. */
  batch(writes: () => void): void {
    this.batchDepth++;
    try {
      withoutChangeList(() => this.engine.batch(writes));
    } catch (error) {
      if (this.batchDepth === 1) this.freed.clear();
      throw error;
    } finally {
      this.batchDepth--;
    }
    if (this.batchDepth === 0) this.spillAgainWhereFreed();
  }

  /**
   * Writes one cell: a number, boolean, null (clears), text, or a formula starting with "=" in en-US
   * syntax. Structured references are rewritten for the engine; the text as written is kept.
   */
  setCell(sheet: string, pos: CellPos, content: number | string | boolean | null): void {
    this.setBlock(sheet, pos, [[content]]);
  }

  /**
   * Writes a block of cells from its top-left corner in one engine operation (a paste): much
   * faster than cell by cell, which the engine handles in time that grows with the square of
   * the number of cells.
   */
  setBlock(sheet: string, topLeft: CellPos, rows: readonly (readonly (number | string | boolean | null)[])[]): void {
    const e = this.extra(sheet);
    const name = this.canonicalName(sheet) ?? sheet;
    const released: string[] = [];
    // With nothing recorded on the sheet yet (a new sheet, an import), a constant has nothing to
    // clear: it skips the per-cell bookkeeping (a million keys for a 100,000-row import).
    const recorded = e.formulas.size > 0 || e.rangesUsed.size > 0 || e.badReferences.size > 0;
    let clears = false;
    const engineRows: RawCellContent[][] = rows.map((row, r) =>
      row.map((content, c) => {
        if (content === null || content === "") clears = true;
        const formula = typeof content === "string" && content.startsWith("=") && content.length > 1;
        // Excel stores a written "" as an empty cell (COUNTIFS "<>" skips it); so does the preview.
        if (!formula && !recorded) return content === "" ? null : content;
        const pos = { row: topLeft.row + r, col: topLeft.col + c };
        const k = key(pos.row, pos.col);
        e.badReferences.delete(k);
        const before = e.rangesUsed.get(k);
        if (before) {
          released.push(...before);
          e.rangesUsed.delete(k);
        }
        if (!formula) {
          e.formulas.delete(k);
          return content === "" ? null : content;
        }
        e.formulas.set(k, content);
        try {
          const used: string[] = [];
          const text = structuredToA1(
            content,
            this.tableList,
            { sheet: name, row: pos.row, col: pos.col },
            {
              rangeName: (range) => this.rangeName(range, used),
              relativeThisRow: true,
            },
          );
          if (used.length) e.rangesUsed.set(k, used);
          return stringLiteralsForEngine(text);
        } catch (err) {
          // Shown as Excel shows a bad reference: #REF!, with the reason kept for the cell's message.
          e.badReferences.set(k, (err as Error).message);
          return "=#REF!";
        }
      }),
    );
    const sheetIndex = this.sheetIndex(sheet);
    try {
      withoutChangeList(() =>
        this.engine.setCellContents({ sheet: sheetIndex, row: topLeft.row, col: topLeft.col }, engineRows),
      );
    } finally {
      this.releaseRanges(released);
    }
    // Only an emptied cell frees a spill's area.
    if (clears) this.noteFreed(sheetIndex, topLeft, rows);
  }

  /** Notes the block of a write that emptied cells, for spillAgainWhereFreed (at once outside a batch). */
  private noteFreed(sheet: number, topLeft: CellPos, rows: readonly (readonly unknown[])[]): void {
    const block = blockRange(topLeft, rows);
    const blocks = this.freed.get(sheet);
    if (blocks) blocks.push(block);
    else this.freed.set(sheet, [block]);
    if (this.batchDepth === 0) this.spillAgainWhereFreed();
  }

  /**
   * Enters again the formulas of the spills that the cells emptied since the last call may have
   * freed (see blockedSpillsReaching), so that they spill as in Excel once the cells in their way
   * are cleared; a spill still blocked shows #SPILL! as before. Once per batch: the scan goes
   * over every spill of the workbook.
   */
  private spillAgainWhereFreed(): void {
    if (this.freed.size === 0) return;
    const anchors = [...this.freed].flatMap(([sheet, blocks]) => blockedSpillsReaching(this.engine, sheet, blocks));
    this.freed.clear();
    if (anchors.length === 0) return;
    this.batch(() => {
      for (const anchor of anchors) {
        const formula = this.engine.getCellFormula(anchor);
        if (formula) this.engine.setCellContents(anchor, formula);
      }
    });
  }

  /**
   * The hidden name standing for a structured reference's range, defined on first use. Through a
   * name, the engine links the range's cells to it once; written as A1 in each formula, it would
   * link all of the range's cells again for every formula (a 500-row summary over a
   * 100,000-row table: 50 million links for each column it reads).
   */
  private rangeName(range: A1Range, used: string[]): string {
    const whole = range.wholeArgument && SCALAR_OF_RANGE.has(range.fn);
    // Inside SUMPRODUCT every array folds into its one result, so no spill is sized from the range.
    if (!whole && !range.within.includes("SUMPRODUCT")) return range.reference;
    let entry = this.rangeNames.get(range.reference);
    if (!entry) {
      entry = { name: `${RANGE_NAME_PREFIX}${this.nextRangeName++}`, uses: 0 };
      this.engine.addNamedExpression(entry.name, `=${range.reference}`);
      this.rangeNames.set(range.reference, entry);
    }
    entry.uses++;
    used.push(range.reference);
    return entry.name;
  }

  /** Forgets one use of each range; a name no formula uses any more is removed. */
  private releaseRanges(references: readonly string[]): void {
    for (const reference of references) {
      const entry = this.rangeNames.get(reference);
      if (!entry || --entry.uses > 0) continue;
      this.engine.removeNamedExpression(entry.name);
      this.rangeNames.delete(reference);
    }
  }

  /** Sets a cell's number format (null for General). */
  setNumberFormat(sheet: string, pos: CellPos, format: string | null): void {
    const e = this.extra(sheet);
    if (format === null) e.formats.delete(key(pos.row, pos.col));
    else e.formats.set(key(pos.row, pos.col), format);
  }

  /** Makes a cell's text bold or not. */
  setBold(sheet: string, pos: CellPos, bold: boolean): void {
    const e = this.extra(sheet);
    if (bold) e.bold.add(key(pos.row, pos.col));
    else e.bold.delete(key(pos.row, pos.col));
  }

  /** True when the cell is bold. */
  isBold(sheet: string, pos: CellPos): boolean {
    return this.extra(sheet).bold.has(key(pos.row, pos.col));
  }

  /** Adds a chart to a sheet. */
  addChart(sheet: string, chart: ChartSpec): void {
    this.extra(sheet).charts.push(chart);
  }

  /** Charts on a sheet. */
  charts(sheet: string): readonly ChartSpec[] {
    return this.extra(sheet).charts;
  }

  /** Sets column widths (points) by letter. */
  setColumnWidths(sheet: string, widths: Readonly<Record<string, number>>): void {
    Object.assign(this.extra(sheet).columnWidths, widths);
  }

  /** Column widths (points) by letter. */
  columnWidths(sheet: string): Readonly<Record<string, number>> {
    return this.extra(sheet).columnWidths;
  }

  /** Freezes rows and columns at the top-left. */
  setFreeze(sheet: string, freeze: { rows: number; columns: number } | null): void {
    this.extra(sheet).freeze = freeze;
  }

  /** Frozen rows and columns. */
  freeze(sheet: string): { rows: number; columns: number } | null {
    return this.extra(sheet).freeze;
  }

  /** Adds or replaces a workbook-level name for an absolute reference like "=Plan!$B$2:$C$4". */
  setName(name: string, reference: string): void {
    if (this.engine.getNamedExpression(name)) this.engine.changeNamedExpression(name, reference);
    else this.engine.addNamedExpression(name, reference);
  }

  /** What the grid shows for a cell. */
  cell(sheet: string, pos: CellPos): PreviewCell {
    const e = this.extra(sheet);
    const raw = this.engine.getCellValue({ sheet: this.sheetIndex(sheet), row: pos.row, col: pos.col });
    let value: PreviewCell["value"];
    const badReference = e.badReferences.get(key(pos.row, pos.col));
    if (badReference !== undefined) value = { error: "#REF!", message: badReference };
    else if (raw !== null && typeof raw === "object") {
      const err = raw as { type: string; message?: string };
      value = { error: engineErrorText(err.type), message: err.message || engineErrorMessage(err.type) };
    } else value = raw as PreviewCell["value"];
    const formula =
      e.formulas.get(key(pos.row, pos.col)) ??
      this.engine.getCellFormula({ sheet: this.sheetIndex(sheet), row: pos.row, col: pos.col }) ??
      null;
    return { value, formula, numberFormat: e.formats.get(key(pos.row, pos.col)) ?? this.tableFormat(sheet, pos) };
  }

  /** Whether a cell shows a value a spill put there (a cell of its area other than its formula's). */
  holdsSpilledValue(sheet: string, pos: CellPos): boolean {
    const at = { sheet: this.sheetIndex(sheet), row: pos.row, col: pos.col };
    return this.engine.isCellPartOfArray(at) && !this.engine.doesCellHaveFormula(at);
  }

  private tableFormat(sheet: string, pos: CellPos): string | null {
    const name = this.canonicalName(sheet);
    const t = this.tableList.find(
      (x) =>
        x.sheet === name &&
        pos.row > x.anchor.row &&
        pos.row <= x.anchor.row + x.rowCount &&
        pos.col >= x.anchor.col &&
        pos.col < x.anchor.col + x.headers.length,
    );
    return t ? (t.numberFormats[t.headers[pos.col - t.anchor.col]] ?? null) : null;
  }

  /** Computed values of a range, errors as { error, message }. */
  values(sheet: string, range: RangePos): PreviewCell["value"][][] {
    const out: PreviewCell["value"][][] = [];
    for (let r = range.start.row; r <= range.end.row; r++) {
      const row: PreviewCell["value"][] = [];
      for (let c = range.start.col; c <= range.end.col; c++) row.push(this.cell(sheet, { row: r, col: c }).value);
      out.push(row);
    }
    return out;
  }

  /** The used area of a sheet, or null when it is empty. */
  usedRange(sheet: string): RangePos | null {
    const { height, width } = this.engine.getSheetDimensions(this.sheetIndex(sheet));
    if (height === 0 || width === 0) return null;
    return { start: { row: 0, col: 0 }, end: { row: height - 1, col: width - 1 } };
  }

  /** Custom XML parts by id. */
  customXmlParts(): ReadonlyMap<string, string> {
    return this.xmlParts;
  }

  /** Adds a custom XML part; returns its id. */
  addXmlPart(xml: string): string {
    const id = `part-${this.nextPartId++}`;
    this.xmlParts.set(id, xml);
    return id;
  }

  /** Replaces a custom XML part's text. */
  setXmlPart(id: string, xml: string): void {
    if (!this.xmlParts.has(id)) throw new Error(`There is no custom XML part ${id}.`);
    this.xmlParts.set(id, xml);
  }

  /**
   * Gives a table a new size and headers (Excel's table growth), then rewrites every formula
   * that uses a structured reference so that it sees the new rows and columns.
   */
  resizeTable(name: string, rowCount: number, headers: readonly string[]): void {
    const table = this.tableList.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!table) throw new Error(`There is no table named "${name}".`);
    this.placeTable(name, table.anchor.row, rowCount, headers);
  }

  /**
   * Moves a table's header row to `headerRow` of its sheet (rows inserted or deleted above it)
   * and gives it a size and headers; formulas with structured references are rewritten as in
   * {@link resizeTable}. The cells themselves are moved by whoever moves the rows.
   */
  placeTable(name: string, headerRow: number, rowCount: number, headers: readonly string[]): void {
    const i = this.tableList.findIndex((t) => t.name.toLowerCase() === name.toLowerCase());
    if (i < 0) throw new Error(`There is no table named "${name}".`);
    const before = this.tableList[i];
    const after = { ...before, anchor: { ...before.anchor, row: headerRow }, rowCount, headers: [...headers] };
    this.tableList[i] = after;
    const lower = before.name.toLowerCase();
    // Inside the table (old or new extent), unqualified references like [@Amount] or [Amount] mean this table.
    const within = (t: PreviewTable, sheet: string, row: number, col: number) =>
      sheet === t.sheet &&
      row > t.anchor.row &&
      row <= t.anchor.row + Math.max(before.rowCount, rowCount) &&
      col >= t.anchor.col &&
      col < t.anchor.col + Math.max(before.headers.length, headers.length);
    const inside = (sheet: string, row: number, col: number) =>
      within(before, sheet, row, col) || within(after, sheet, row, col);
    this.batch(() => {
      for (const [sheet, e] of this.extras) {
        for (const [k, text] of [...e.formulas]) {
          // The table by name (Sales[Amount], or Sales alone), or [@Amount] and [Amount] inside it.
          const named = mentionsName(text, lower);
          if (!named && !text.includes("[")) continue;
          const [row, col] = k.split(",").map(Number);
          if (!named && !inside(sheet, row, col)) continue;
          this.setBlock(sheet, { row, col }, [[text]]);
        }
      }
    });
  }

  /** Renames a sheet; its id, tables and selection follow it. */
  renameSheet(name: string, newName: string): void {
    const old = this.canonicalName(name);
    if (!old) throw new Error(`There is no sheet named "${name}".`);
    this.engine.renameSheet(this.sheetIndex(old), newName);
    const e = this.extras.get(old)!;
    this.extras.delete(old);
    this.extras.set(newName, e);
    this.tableList.forEach((t, i) => {
      if (t.sheet === old) this.tableList[i] = { ...t, sheet: newName };
    });
    if (this.selection?.sheet === old) this.selection = { ...this.selection, sheet: newName };
  }

  /** Deletes a sheet with its tables; formulas elsewhere that referred to it show #REF!. */
  removeSheet(name: string): void {
    const sheet = this.canonicalName(name);
    if (!sheet) throw new Error(`There is no sheet named "${name}".`);
    // The hidden range names its formulas used go with it (a failed staged write leaves none behind).
    for (const refs of this.extra(sheet).rangesUsed.values()) this.releaseRanges(refs);
    withoutChangeList(() => this.engine.removeSheet(this.sheetIndex(sheet)));
    this.extras.delete(sheet);
    for (let i = this.tableList.length - 1; i >= 0; i--)
      if (this.tableList[i].sheet === sheet) this.tableList.splice(i, 1);
    if (this.selection?.sheet === sheet) this.selection = null;
  }

  /** Selects a range ("B2:C5") on a sheet. */
  select(sheet: string, address: string): void {
    this.selection = { sheet: this.canonicalName(sheet) ?? sheet, range: parseRange(address) };
    this.notify(true);
  }
}

/**
 * Sheet, table, name and part operations PreviewHost needs to build a sheet under a temporary
 * name and swap it in (as ExcelHost does), and to put everything back if that fails.
 */
export class PreviewWorkbookEdits {
  constructor(private readonly wb: PreviewWorkbook) {}

  private get inner(): { extras: Map<string, SheetExtras>; tableList: PreviewTable[]; xmlParts: Map<string, string> } {
    return this.wb as unknown as {
      extras: Map<string, SheetExtras>;
      tableList: PreviewTable[];
      xmlParts: Map<string, string>;
    };
  }

  private canonical(name: string): string {
    const found = this.wb.sheetNames().find((n) => n.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`There is no sheet named "${name}".`);
    return found;
  }

  /** Renames a sheet; formulas and names that refer to it follow, as in Excel. */
  renameSheet(from: string, to: string): void {
    const old = this.canonical(from);
    if (this.wb.hasSheet(to) && to.toLowerCase() !== old.toLowerCase())
      throw new Error(`A sheet named "${to}" already exists.`);
    this.wb.engine.renameSheet(this.wb.engine.getSheetId(old)!, to);
    const { extras, tableList } = this.inner;
    const e = extras.get(old)!;
    extras.delete(old);
    extras.set(to, e);
    tableList.forEach((t, i) => {
      if (t.sheet === old) tableList[i] = { ...t, sheet: to };
    });
  }

  /** Removes a sheet with its tables; references to it become #REF!, as in Excel. */
  removeSheet(name: string): void {
    this.wb.removeSheet(this.canonical(name));
  }

  /** Renames a table (formulas already written keep the cells they point at). */
  renameTable(from: string, to: string): void {
    const { tableList } = this.inner;
    const i = tableList.findIndex((t) => t.name.toLowerCase() === from.toLowerCase());
    if (i < 0) throw new Error(`There is no table named "${from}".`);
    tableList[i] = { ...tableList[i], name: to };
  }

  /** Workbook names the user or the add-in defined, with their references. */
  names(): { name: string; reference: string }[] {
    return this.wb.engine
      .listNamedExpressions()
      .filter((n) => n !== "TRUE" && n !== "FALSE" && !n.startsWith(RANGE_NAME_PREFIX))
      .map((name) => ({
        name,
        reference: String(
          this.wb.engine.getNamedExpressionFormula(name) ?? this.wb.engine.getNamedExpression(name)?.expression ?? "",
        ),
      }));
  }

  /** Removes a workbook name. */
  removeName(name: string): void {
    this.wb.engine.removeNamedExpression(name);
  }

  /** The custom XML parts, to put back as they were. */
  partsCopy(): Map<string, string> {
    return new Map(this.inner.xmlParts);
  }

  /** Puts the custom XML parts back as copied. */
  restoreParts(parts: ReadonlyMap<string, string>): void {
    const { xmlParts } = this.inner;
    xmlParts.clear();
    for (const [k, v] of parts) xmlParts.set(k, v);
  }

  /** A sheet's content as the engine stores it (formulas and typed text), for fingerprints. */
  content(name: string): unknown[][] {
    return this.wb.engine.getSheetSerialized(this.wb.engine.getSheetId(this.canonical(name))!) as unknown[][];
  }
}

/** True when a formula mentions `lowerName` as a whole name (not inside a longer one), any case. */
function mentionsName(formula: string, lowerName: string): boolean {
  const text = formula.toLowerCase();
  const part = (ch: string | undefined) => ch !== undefined && /[a-z0-9_.\\]/.test(ch);
  for (let i = text.indexOf(lowerName); i >= 0; i = text.indexOf(lowerName, i + 1))
    if (!part(text[i - 1]) && !part(text[i + lowerName.length])) return true;
  return false;
}
