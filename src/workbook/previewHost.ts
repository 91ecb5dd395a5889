import { absoluteReference, parseCell, quoteSheet, rangeAddress } from "./a1";
import { ActiveCell, NotOwnedError, SheetInfo, TableData, TableInfo, WorkbookHost } from "./host";
import { PreviewWorkbook } from "./preview/previewWorkbook";
import { OWNED_SHEETS_KEY, OwnedSheet, settingsFromXml, settingsToXml, StoredSettings } from "./settingsXml";
import { CellInput, checkSheetSpec, isFormula, SheetSpec } from "./sheetSpec";

/**
 * WorkbookHost on the preview's in-browser workbook. It keeps the same rules as ExcelHost:
 * ownership recorded in a settings part, refusal to touch sheets it does not own, settings as
 * custom XML parts, and formulas written as en-US text with structured references.
 */
export class PreviewHost implements WorkbookHost {
  constructor(
    /** The workbook the preview shows. */
    readonly workbook: PreviewWorkbook,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Tables with their headers and sizes. */
  async listTables(): Promise<TableInfo[]> {
    return this.workbook.tables().map((t) => ({
      name: t.name,
      sheet: t.sheet,
      rowCount: t.rowCount,
      headers: [...t.headers],
      address: rangeAddress({ start: t.anchor, end: { row: t.anchor.row + t.rowCount, col: t.anchor.col + t.headers.length - 1 } }),
    }));
  }

  /** Sheets, their used ranges and whether the add-in owns them. */
  async listSheets(): Promise<SheetInfo[]> {
    const owned = this.ownedSheets();
    return this.workbook.sheetNames().map((name) => {
      const used = this.workbook.usedRange(name);
      return { name, usedRange: used ? rangeAddress(used) : null, owned: owned.some((o) => o.id === this.workbook.sheetId(name)) };
    });
  }

  /** A table's headers and data rows, blanks as "". */
  async readTable(name: string): Promise<TableData> {
    const t = this.workbook.tables().find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) throw new Error(`There is no table named "${name}".`);
    const rows = t.rowCount === 0 ? [] : this.readValues(t.sheet, { start: { row: t.anchor.row + 1, col: t.anchor.col }, end: { row: t.anchor.row + t.rowCount, col: t.anchor.col + t.headers.length - 1 } });
    return { source: t.name, headers: [...t.headers], rows };
  }

  /** The selection, its first row taken as headers. */
  async readSelection(): Promise<TableData> {
    const sel = this.workbook.selection;
    if (!sel) throw new Error("Nothing is selected. Select a range with a header row first.");
    const values = this.readValues(sel.sheet, sel.range);
    return { source: `${quoteSheet(sel.sheet)}!${rangeAddress(sel.range)}`, headers: values[0].map((v) => String(v ?? "")), rows: values.slice(1) };
  }

  private readValues(sheet: string, range: Parameters<PreviewWorkbook["values"]>[1]): unknown[][] {
    return this.workbook.values(sheet, range).map((row) => row.map((v) => (v === null ? "" : typeof v === "object" ? v.error : v)));
  }

  /** True when the sheet exists and the add-in recorded it as its own. */
  async isOwned(sheet: string): Promise<boolean> {
    const id = this.workbook.sheetId(sheet);
    return id !== null && this.ownedSheets().some((o) => o.id === id);
  }

  /** Creates or replaces a sheet the add-in owns; refuses, writing nothing, for any other sheet. */
  async writeSheet(spec: SheetSpec): Promise<void> {
    checkSheetSpec(spec);
    const wb = this.workbook;
    const owned = this.ownedSheets();
    const clash = wb.tables().find((t) => spec.tables.some((s) => s.name.toLowerCase() === t.name.toLowerCase()) && t.sheet.toLowerCase() !== spec.name.toLowerCase());
    if (clash) throw new Error(`A table named "${clash.name}" already exists on sheet "${clash.sheet}". Rename that table or choose another name.`);
    if (wb.hasSheet(spec.name)) {
      if (!owned.some((o) => o.id === wb.sheetId(spec.name))) throw new NotOwnedError(spec.name);
      wb.clearSheet(spec.name);
    } else {
      const id = wb.addSheet(spec.name);
      this.writeOwned([...owned, { name: spec.name, id }]);
    }
    writeSpec(wb, spec);
    wb.notify();
  }

  /** A settings document, or null. */
  async readSettings(key: string): Promise<unknown | null> {
    return this.findSettings(key)?.doc.value ?? null;
  }

  /** Stores a settings document as a custom XML part, one revision more than the last. */
  async writeSettings(key: string, value: unknown): Promise<void> {
    this.storeSettings(key, value);
  }

  /** Selects a range so the user sees it. */
  async select(sheet: string, address: string): Promise<void> {
    this.workbook.select(sheet, address);
  }

  /** The active cell: the top-left cell of the selection. */
  async activeCell(): Promise<ActiveCell> {
    const sel = this.workbook.selection;
    if (!sel) throw new Error("Nothing is selected. Select a cell first.");
    const cell = this.workbook.cell(sel.sheet, sel.range.start);
    const value = cell.value === null ? "" : typeof cell.value === "object" ? cell.value.error : cell.value;
    return { sheet: sel.sheet, address: rangeAddress({ start: sel.range.start, end: sel.range.start }), formula: cell.formula ?? null, value };
  }

  /** A range's values, blanks as "" and errors as their text. */
  async readRange(sheet: string, address: string): Promise<unknown[][]> {
    const m = /^([A-Z]+\d+)(?::([A-Z]+\d+))?$/i.exec(address.replace(/\$/g, ""));
    if (!m || !this.workbook.hasSheet(sheet)) throw new Error(`There is no range ${sheet}!${address}.`);
    const start = parseCell(m[1]);
    return this.readValues(sheet, { start, end: m[2] ? parseCell(m[2]) : start });
  }

  private findSettings(key: string): { id: string; doc: StoredSettings } | null {
    for (const [id, xml] of this.workbook.customXmlParts()) {
      const doc = settingsFromXml(xml);
      if (doc && doc.key === key) return { id, doc };
    }
    return null;
  }

  private storeSettings(key: string, value: unknown): void {
    const found = this.findSettings(key);
    const xml = settingsToXml({ key, revision: (found?.doc.revision ?? 0) + 1, savedAt: this.now().toISOString(), value });
    if (found) this.workbook.setXmlPart(found.id, xml);
    else this.workbook.addXmlPart(xml);
  }

  private ownedSheets(): OwnedSheet[] {
    return (this.findSettings(OWNED_SHEETS_KEY)?.doc.value as OwnedSheet[] | undefined) ?? [];
  }

  private writeOwned(list: OwnedSheet[]): void {
    this.storeSettings(OWNED_SHEETS_KEY, list);
  }
}

/**
 * Writes a SheetSpec's content into an existing, empty sheet of the preview workbook, with no
 * ownership checks: PreviewHost checks ownership first; the preview uses it directly for the
 * sample workbook's own (user) sheets.
 */
export function writeSpec(wb: PreviewWorkbook, spec: SheetSpec): void {
  // Tables and names are registered before any cell is written, so formulas can refer to them.
  for (const t of spec.tables) {
    wb.addTable({ name: t.name, sheet: spec.name, anchor: parseCell(t.anchor), headers: t.headers, rowCount: t.rows.length, numberFormats: t.numberFormats ?? {} });
  }
  for (const n of spec.namedRanges ?? []) wb.setName(n.name, `=${absoluteReference(spec.name, n.address)}`);
  wb.batch(() => {
    for (const t of spec.tables) {
      const a = parseCell(t.anchor);
      t.headers.forEach((_, c) => wb.setBold(spec.name, { row: a.row, col: a.col + c }, true));
      wb.setBlock(spec.name, a, [t.headers, ...t.rows].map((row) => row.map(engineContent)));
    }
    for (const c of spec.cells ?? []) {
      const pos = parseCell(c.address);
      wb.setCell(spec.name, pos, engineContent(c.value));
      if (c.numberFormat) wb.setNumberFormat(spec.name, pos, c.numberFormat);
      if (c.bold) wb.setBold(spec.name, pos, true);
    }
  });
  if (spec.columnWidths) wb.setColumnWidths(spec.name, spec.columnWidths);
  wb.setFreeze(spec.name, spec.freeze ?? null);
  for (const chart of spec.charts ?? []) wb.addChart(spec.name, chart);
}

/**
 * What the engine is given for a SheetSpec cell: a formula's text, or a value kept as that
 * value. A text goes in behind an apostrophe, the engine's text prefix, so "=1+1", "00123",
 * "5%" or "TRUE" stay exactly that text (the apostrophe is not part of the value).
 */
function engineContent(cell: CellInput): number | string | boolean | null {
  if (isFormula(cell)) return cell.formula;
  return typeof cell === "string" && cell !== "" ? `'${cell}` : cell;
}
