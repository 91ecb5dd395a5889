import { columnLetter, parseCell, splitSheetAddress } from "./a1";
import { ActiveCell, NotOwnedError, SheetInfo, TableData, TableInfo, WorkbookHost } from "./host";
import { OWNED_SHEETS_KEY, OwnedSheet, settingsFromXml, settingsToXml, SETTINGS_NAMESPACE, StoredSettings } from "./settingsXml";
import { checkSheetSpec, ChartSpec, isFormula, SheetSpec, TableSpec } from "./sheetSpec";

/** The part of the Office.js API ExcelHost needs: Excel.run, injectable for tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const CHART_TYPES: Record<ChartSpec["type"], string> = { column: "ColumnClustered", bar: "BarClustered", line: "Line" };

interface SettingsDoc {
  part: Excel.CustomXmlPart;
  doc: StoredSettings;
}

/**
 * WorkbookHost on Office.js. Each operation is one Excel.run with a fixed number of
 * context.sync() calls, however many rows it reads or writes; big writes suspend calculation
 * until the write's sync.
 */
export class ExcelHost implements WorkbookHost {
  constructor(
    private readonly run: ExcelRun = (batch) => Excel.run(batch),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Tables with their sheets, headers and sizes: two syncs. */
  async listTables(): Promise<TableInfo[]> {
    return this.run(async (context) => {
      const tables = context.workbook.tables.load("items/name,items/worksheet/name");
      await context.sync();
      const parts = tables.items.map((t) => ({ t, header: t.getHeaderRowRange().load("values"), body: t.getDataBodyRange().load("rowCount"), range: t.getRange().load("address") }));
      await context.sync();
      return parts.map(({ t, header, body, range }) => ({
        name: t.name,
        sheet: t.worksheet.name,
        rowCount: body.rowCount,
        headers: header.values[0].map(String),
        address: splitSheetAddress(range.address).address,
      }));
    });
  }

  /** Sheets, used ranges and ownership: three syncs. */
  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/id");
      const parts = this.queueSettingsParts(context);
      await context.sync();
      const used = sheets.items.map((s) => s.getUsedRangeOrNullObject(true).load("address"));
      const owned = ownedIn(await this.readParts(context, parts));
      return sheets.items.map((s, i) => ({
        name: s.name,
        usedRange: used[i].isNullObject ? null : splitSheetAddress(used[i].address).address,
        owned: owned.some((o) => o.id === s.id),
      }));
    });
  }

  /** A table's headers and rows: two syncs (its ranges can only be asked of a table known to exist). */
  async readTable(name: string): Promise<TableData> {
    return this.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(name);
      await context.sync();
      if (table.isNullObject) throw new Error(`There is no table named "${name}".`);
      const header = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("values");
      await context.sync();
      return { source: name, headers: header.values[0].map(String), rows: body.values };
    });
  }

  /** The selection with its first row as headers: one sync. */
  async readSelection(): Promise<TableData> {
    return this.run(async (context) => {
      const range = context.workbook.getSelectedRange().load("values,address");
      await context.sync();
      return { source: range.address, headers: range.values[0].map(String), rows: range.values.slice(1) };
    });
  }

  /** True when the sheet exists and is recorded as the add-in's own. */
  async isOwned(sheet: string): Promise<boolean> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet).load("id");
      const parts = this.queueSettingsParts(context);
      await context.sync();
      if (ws.isNullObject) return false;
      return ownedIn(await this.readParts(context, parts)).some((o) => o.id === ws.id);
    });
  }

  /**
   * Writes a sheet the add-in owns in four syncs: look up the sheet, tables and ownership; read
   * the ownership part; clear and write everything at once; record a new sheet as owned. A sheet of that name
   * that the add-in does not own is refused before anything is written.
   */
  async writeSheet(spec: SheetSpec): Promise<void> {
    checkSheetSpec(spec);
    await this.run(async (context) => {
      const wb = context.workbook;
      const existing = wb.worksheets.getItemOrNullObject(spec.name).load("id,name");
      const allTables = wb.tables.load("items/name,items/worksheet/name");
      const names = wb.names.load("items/name");
      const parts = this.queueSettingsParts(context);
      await context.sync();

      // Charts can only be asked of a sheet known to exist; they load with the settings parts.
      const sheetCharts = existing.isNullObject ? null : existing.charts.load("items/name");
      const docs = await this.readParts(context, parts);
      const owned = ownedIn(docs);
      const clash = allTables.items.find(
        (t) => spec.tables.some((s) => s.name.toLowerCase() === t.name.toLowerCase()) && (existing.isNullObject || t.worksheet.name !== existing.name),
      );
      if (clash) throw new Error(`A table named "${clash.name}" already exists on sheet "${clash.worksheet.name}". Rename that table or choose another name.`);

      let sheet: Excel.Worksheet;
      if (!existing.isNullObject) {
        if (!owned.some((o) => o.id === existing.id)) throw new NotOwnedError(spec.name);
        sheet = existing;
        for (const t of allTables.items) if (t.worksheet.name === existing.name) t.delete();
        for (const c of sheetCharts?.items ?? []) c.delete();
        sheet.freezePanes.unfreeze();
        sheet.getRange().clear();
      } else {
        sheet = wb.worksheets.add(spec.name);
        sheet.load("id");
      }
      context.application.suspendApiCalculationUntilNextSync();
      for (const t of spec.tables) writeTable(sheet, t);
      for (const c of spec.cells ?? []) {
        const range = sheet.getRange(c.address);
        range.formulas = [[isFormula(c.value) ? c.value.formula : (c.value ?? "")]];
        if (c.numberFormat) range.numberFormat = [[c.numberFormat]];
        if (c.bold) range.format.font.bold = true;
      }
      for (const [col, width] of Object.entries(spec.columnWidths ?? {})) sheet.getRange(`${col}:${col}`).format.columnWidth = width;
      if (spec.freeze) freeze(sheet, spec.freeze.rows, spec.freeze.columns);
      for (const n of spec.namedRanges ?? []) {
        names.items.find((x) => x.name.toLowerCase() === n.name.toLowerCase())?.delete();
        wb.names.add(n.name, sheet.getRange(n.address));
      }
      for (const chart of spec.charts ?? []) addChart(sheet, chart, spec.tables);
      await context.sync();

      if (existing.isNullObject) {
        this.queueSettingsWrite(context, docs, OWNED_SHEETS_KEY, [...owned, { name: spec.name, id: sheet.id }]);
        await context.sync();
      }
    });
  }

  /** A settings document: two syncs. */
  async readSettings(key: string): Promise<unknown | null> {
    return this.run(async (context) => {
      const parts = this.queueSettingsParts(context);
      await context.sync();
      const docs = await this.readParts(context, parts);
      return docs.find((d) => d.doc.key === key)?.doc.value ?? null;
    });
  }

  /** Stores a settings document in a custom XML part: three syncs. */
  async writeSettings(key: string, value: unknown): Promise<void> {
    await this.run(async (context) => {
      const parts = this.queueSettingsParts(context);
      await context.sync();
      this.queueSettingsWrite(context, await this.readParts(context, parts), key, value);
      await context.sync();
    });
  }

  /** The active cell's address, formula and value: one sync. */
  async activeCell(): Promise<ActiveCell> {
    return this.run(async (context) => {
      const cell = context.workbook.getActiveCell().load("address,formulas,values");
      await context.sync();
      const { sheet, address } = splitSheetAddress(cell.address);
      const formula = cell.formulas[0][0];
      return { sheet: sheet ?? "", address, formula: typeof formula === "string" && formula.startsWith("=") ? formula : null, value: cell.values[0][0] };
    });
  }

  /** A range's values: one sync. */
  async readRange(sheet: string, address: string): Promise<unknown[][]> {
    return this.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address).load("values");
      await context.sync();
      return range.values;
    });
  }

  /** Activates the sheet and selects the range: one sync. */
  async select(sheet: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  private queueSettingsParts(context: Excel.RequestContext): Excel.CustomXmlPartScopedCollection {
    return context.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE).load("items/id");
  }

  /** Reads every Comp Planner settings part: one sync. */
  private async readParts(context: Excel.RequestContext, parts: Excel.CustomXmlPartScopedCollection): Promise<SettingsDoc[]> {
    const raw = parts.items.map((part) => ({ part, xml: part.getXml() }));
    await context.sync();
    return raw.flatMap(({ part, xml }) => {
      const doc = settingsFromXml(xml.value);
      return doc ? [{ part, doc }] : [];
    });
  }

  /** Queues the write of a settings document (replacing the key's part), without syncing. */
  private queueSettingsWrite(context: Excel.RequestContext, docs: readonly SettingsDoc[], key: string, value: unknown): void {
    const found = docs.find((d) => d.doc.key === key);
    const xml = settingsToXml({ key, revision: (found?.doc.revision ?? 0) + 1, savedAt: this.now().toISOString(), value });
    if (found) found.part.setXml(xml);
    else context.workbook.customXmlParts.add(xml);
  }
}

/** The owned-sheets list among the settings documents. */
function ownedIn(docs: readonly SettingsDoc[]): OwnedSheet[] {
  return (docs.find((d) => d.doc.key === OWNED_SHEETS_KEY)?.doc.value as OwnedSheet[] | undefined) ?? [];
}

/** Writes a table's header and rows as one block of formulas, then makes it an Excel table. */
function writeTable(sheet: Excel.Worksheet, t: TableSpec): void {
  const a = parseCell(t.anchor);
  const block = [t.headers.map((h) => h as unknown), ...t.rows.map((row) => row.map((c) => (isFormula(c) ? c.formula : (c ?? ""))))];
  const range = sheet.getRangeByIndexes(a.row, a.col, block.length, t.headers.length);
  range.formulas = block;
  const table = sheet.tables.add(range, true);
  table.name = t.name;
  for (const [header, format] of Object.entries(t.numberFormats ?? {})) {
    const c = t.headers.indexOf(header);
    if (c < 0 || t.rows.length === 0) continue;
    sheet.getRangeByIndexes(a.row + 1, a.col + c, t.rows.length, 1).numberFormat = t.rows.map(() => [format]);
  }
}

/** Freezes the top rows and left columns (freezeAt alone would always freeze at least one of each). */
function freeze(sheet: Excel.Worksheet, rows: number, columns: number): void {
  if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns));
  else if (rows > 0) sheet.freezePanes.freezeRows(rows);
  else if (columns > 0) sheet.freezePanes.freezeColumns(columns);
}

/** The data cells of a table column, as a range on the sheet. */
function columnRange(sheet: Excel.Worksheet, tables: readonly TableSpec[], table: string, column: string): Excel.Range {
  const t = tables.find((x) => x.name === table);
  const c = t ? t.headers.indexOf(column) : -1;
  if (!t || c < 0) throw new Error(`The chart refers to ${table}[${column}], which this sheet does not have.`);
  const a = parseCell(t.anchor);
  return sheet.getRangeByIndexes(a.row + 1, a.col + c, Math.max(t.rows.length, 1), 1);
}

function addChart(sheet: Excel.Worksheet, spec: ChartSpec, tables: readonly TableSpec[]): void {
  const first = columnRange(sheet, tables, spec.series[0].values.table, spec.series[0].values.column);
  const chart = sheet.charts.add(CHART_TYPES[spec.type] as Excel.ChartType, first, "Columns" as Excel.ChartSeriesBy);
  chart.title.text = spec.title;
  const categories = columnRange(sheet, tables, spec.categories.table, spec.categories.column);
  spec.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    if (i > 0) series.setValues(columnRange(sheet, tables, s.values.table, s.values.column));
    series.setXAxisValues(categories);
  });
  const anchor = parseCell(spec.anchor);
  chart.setPosition(`${columnLetter(anchor.col)}${anchor.row + 1}`, `${columnLetter(anchor.col + 7)}${anchor.row + 16}`);
}
