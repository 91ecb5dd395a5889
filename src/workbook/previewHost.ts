import { refuseClashes, resolveTargets } from "./writeRefusals";
import { absoluteReference, parseCell, quoteSheet, rangeAddress } from "./a1";
import { ActiveCell, RunLock, SheetInfo, TableData, TableInfo, WorkbookHost, WriteReport } from "./host";
import { Fingerprint, keptName, newToken, OwnedSheet } from "./ownership";
import { PreviewWorkbook, PreviewWorkbookEdits } from "./preview/previewWorkbook";
import { findDoc, OWNED_SHEETS_KEY, ownedRecords, PartReading, readPart, settingsToXml } from "./settingsXml";
import { CellInput, checkSheetSpec, isFormula, SheetSpec } from "./sheetSpec";

/** One lock per preview workbook, shared by every host over it. */
const LOCKS = new WeakMap<PreviewWorkbook, RunLock>();

/**
 * WorkbookHost on the preview's in-browser workbook. It keeps the same rules as ExcelHost:
 * ownership recorded in a settings part, refusal to touch sheets and names it does not own,
 * settings as custom XML parts read with a real parser, formulas written as en-US text with
 * structured references, text written as text, and atomic writes (built under a temporary
 * name, swapped in, everything put back on failure). The preview's sheet ids are its own and
 * stable, so its ownership record needs no marker on the sheet.
 */
export class PreviewHost implements WorkbookHost {
  private readonly lock: RunLock;
  private readonly edits: PreviewWorkbookEdits;

  constructor(
    /** The workbook the preview shows. */
    readonly workbook: PreviewWorkbook,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (!LOCKS.has(workbook)) LOCKS.set(workbook, new RunLock());
    this.lock = LOCKS.get(workbook)!;
    this.edits = new PreviewWorkbookEdits(workbook);
  }

  /** Runs a whole tool run or save alone: another started meanwhile is refused. */
  exclusive<T>(what: string, task: () => Promise<T>): Promise<T> {
    return this.lock.exclusive(what, task);
  }

  /** Tables with their headers and sizes. */
  async listTables(): Promise<TableInfo[]> {
    return this.workbook.tables().map((t) => ({
      name: t.name,
      sheet: t.sheet,
      rowCount: t.rowCount,
      headers: [...t.headers],
      address: rangeAddress({
        start: t.anchor,
        end: { row: t.anchor.row + t.rowCount, col: t.anchor.col + t.headers.length - 1 },
      }),
    }));
  }

  /**
   * Calls `listener` when the tables change: checked on each change the workbook announces, so a
   * table opened from a file, created from a selection or removed with its sheet is seen at once.
   */
  onTablesChanged(listener: () => void): () => void {
    let last = tablesSignature(this.workbook);
    return this.workbook.subscribe(() => {
      const now = tablesSignature(this.workbook);
      if (now === last) return;
      last = now;
      listener();
    });
  }

  /** Sheets, their used ranges and whether the add-in owns them. */
  async listSheets(): Promise<SheetInfo[]> {
    const owned = this.ownedSheets();
    return this.workbook.sheetNames().map((name) => {
      const used = this.workbook.usedRange(name);
      return {
        name,
        usedRange: used ? rangeAddress(used) : null,
        owned: owned.some((o) => o.id === this.workbook.sheetId(name)),
      };
    });
  }

  /** A table's headers and data rows, blanks as "". */
  async readTable(name: string): Promise<TableData> {
    const t = this.workbook.tables().find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) throw new Error(`There is no table named "${name}".`);
    const rows =
      t.rowCount === 0
        ? []
        : this.readValues(t.sheet, {
            start: { row: t.anchor.row + 1, col: t.anchor.col },
            end: { row: t.anchor.row + t.rowCount, col: t.anchor.col + t.headers.length - 1 },
          });
    return { source: t.name, headers: [...t.headers], rows };
  }

  /** The selection's used part, its first row taken as headers. */
  async readSelection(): Promise<TableData> {
    const sel = this.workbook.selection;
    if (!sel) throw new Error("Nothing is selected. Select a range with a header row first.");
    const used = this.workbook.usedRange(sel.sheet);
    const range = used && {
      start: { row: Math.max(sel.range.start.row, used.start.row), col: Math.max(sel.range.start.col, used.start.col) },
      end: { row: Math.min(sel.range.end.row, used.end.row), col: Math.min(sel.range.end.col, used.end.col) },
    };
    if (!range || range.end.row < range.start.row || range.end.col < range.start.col) {
      throw new Error(
        `The selection ${rangeAddress(sel.range)} holds no data. Select a range with a header row first.`,
      );
    }
    const values = this.readValues(sel.sheet, range);
    return {
      source: `${quoteSheet(sel.sheet)}!${rangeAddress(range)}`,
      headers: values[0].map((v) => String(v ?? "")),
      rows: values.slice(1),
    };
  }

  private readValues(sheet: string, range: Parameters<PreviewWorkbook["values"]>[1]): unknown[][] {
    return this.workbook
      .values(sheet, range)
      .map((row) => row.map((v) => (v === null ? "" : typeof v === "object" ? v.error : v)));
  }

  /** True when the sheet exists and the add-in recorded it as its own. */
  async isOwned(sheet: string): Promise<boolean> {
    const id = this.workbook.sheetId(sheet);
    return id !== null && this.ownedSheets().some((o) => o.id === id);
  }

  /**
   * Creates or replaces a sheet the add-in owns, atomically: refuses, writing nothing, a sheet,
   * table or name of the user's; builds the sheet under a temporary name; swaps it in with its
   * ownership record; keeps a hand-edited previous version under another name. On any failure
   * the workbook is put back as it was.
   */
  async writeSheet(spec: SheetSpec): Promise<WriteReport> {
    return (await this.writeSheets([spec]))[0];
  }

  /** Writes several sheets as one: all staged, then swapped in together (see ExcelHost.writeSheets). */
  async writeSheets(specs: readonly SheetSpec[]): Promise<WriteReport[]> {
    specs.forEach(checkSheetSpec);
    const lower = specs.map((s) => s.name.toLowerCase());
    if (new Set(lower).size !== lower.length) throw new Error("The same sheet is written twice in one run.");
    return this.lock.operation(`writing ${specs.map((s) => s.name).join(", ")}`, async () => {
      const wb = this.workbook;
      const records = this.ownedSheets();
      const names = this.edits.names();
      const sheets = wb.sheetNames().map((name) => ({ id: wb.sheetId(name)!, name }));
      const targets = resolveTargets(specs, sheets, (id) => records.find((o) => o.id === id));
      const idOf = new Map(sheets.map((sh) => [sh.name, sh.id]));
      refuseClashes(targets, {
        tables: wb.tables().map((t) => ({ name: t.name, sheetName: t.sheet, sheetId: idOf.get(t.sheet) ?? t.sheet })),
        names: names.map((n) => ({ name: n.name, reference: n.reference })),
      });
      const replaced = new Set(targets.flatMap((t) => (t.existing ? [t.existing.name] : [])));
      const ours = new Set(targets.flatMap((t) => t.record?.names ?? []).map((n) => n.toLowerCase()));
      const edited = targets.map(
        ({ existing, record }) =>
          existing !== null && record?.hash !== undefined && this.fingerprint(existing.name) !== record.hash,
      );

      // Every change pushes its inverse; a failure runs them backwards (names and parts are restored whole).
      const undo: (() => void)[] = [];
      const parts = this.edits.partsCopy();
      const token = newToken();
      const keptAs: (string | null)[] = targets.map(() => null);
      try {
        wb.tables()
          .filter((t) => replaced.has(t.sheet))
          .map((t) => t.name)
          .forEach((t, i) => {
            const aside = `${t}_cpold${i}_${token}`;
            this.edits.renameTable(t, aside);
            undo.push(() => this.edits.renameTable(aside, t));
          });
        const ids = targets.map(({ spec }, i) => {
          const staging = `cp~${token}${i}`;
          const id = wb.addSheet(staging);
          undo.push(() => this.edits.removeSheet(wb.sheetNames().find((n) => wb.sheetId(n) === id)!));
          writeSpec(wb, { ...spec, name: staging });
          return id;
        });
        targets.forEach(({ existing }, i) => {
          if (!existing) return;
          const aside = `cp~old${token}${i}`;
          this.edits.renameSheet(existing.name, aside);
          undo.push(() => this.edits.renameSheet(aside, existing.name));
        });
        targets.forEach(({ spec }, i) => {
          const staging = `cp~${token}${i}`;
          this.edits.renameSheet(staging, spec.name);
          undo.push(() => this.edits.renameSheet(spec.name, staging));
        });
        const wanted = new Set(specs.flatMap((s) => s.namedRanges ?? []).map((n) => n.name.toLowerCase()));
        for (const n of names)
          if (ours.has(n.name.toLowerCase()) && !wanted.has(n.name.toLowerCase())) this.edits.removeName(n.name);
        const next = records.filter((r) => !targets.some((t) => t.record === r));
        targets.forEach(({ spec }, i) =>
          next.push({
            name: spec.name,
            id: ids[i],
            token: `${token}${i}`,
            hash: this.fingerprint(spec.name),
            names: (spec.namedRanges ?? []).map((n) => n.name),
          }),
        );
        this.storeSettings(OWNED_SHEETS_KEY, next);
        targets.forEach(({ spec, existing }, i) => {
          if (!existing) return;
          const aside = `cp~old${token}${i}`;
          if (edited[i]) {
            keptAs[i] = keptName(spec.name, (n) => wb.hasSheet(n));
            this.edits.renameSheet(aside, keptAs[i]!);
            undo.push(() => this.edits.renameSheet(keptAs[i]!, aside));
          }
        });
        // Removal cannot be undone: it comes last, once nothing else can fail.
        targets.forEach(({ existing }, i) => existing && !edited[i] && this.edits.removeSheet(`cp~old${token}${i}`));
      } catch (err) {
        for (const u of undo.reverse()) u();
        this.restoreNames(names);
        this.edits.restoreParts(parts);
        throw err;
      } finally {
        wb.notify();
      }
      return targets.map(({ spec }, i) => ({
        sheet: spec.name,
        keptAs: keptAs[i],
        message: keptAs[i]
          ? `"${spec.name}" had been edited by hand since Comp Planner wrote it: that version is kept as "${keptAs[i]}" (now an ordinary sheet of yours), and "${spec.name}" holds the new result.`
          : null,
      }));
    });
  }

  /** Puts the workbook names back as they were. */
  private restoreNames(names: { name: string; reference: string }[]): void {
    for (const n of this.edits.names())
      if (!names.some((b) => b.name === n.name && b.reference === n.reference)) this.edits.removeName(n.name);
    for (const b of names)
      if (!this.edits.names().some((n) => n.name === b.name)) this.workbook.setName(b.name, b.reference);
  }

  private fingerprint(sheet: string): string {
    const f = new Fingerprint();
    for (const row of this.edits.content(sheet)) f.add(row);
    return f.hex();
  }

  /** A settings document, or null. An unreadable part is ignored (see settingsProblems). */
  async readSettings(key: string): Promise<unknown | null> {
    return findDoc(this.readings(), key)?.doc.value ?? null;
  }

  /** Why each unreadable settings part could not be read, naming it. */
  async settingsProblems(): Promise<string[]> {
    return this.readings().flatMap((p) => (p.problem ? [p.problem] : []));
  }

  /** Stores a settings document as a custom XML part, one revision more than the last. */
  async writeSettings(key: string, value: unknown): Promise<void> {
    await this.lock.operation(`saving ${key}`, async () => this.storeSettings(key, value));
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
    return {
      sheet: sel.sheet,
      address: rangeAddress({ start: sel.range.start, end: sel.range.start }),
      formula: cell.formula ?? null,
      value,
    };
  }

  /** A range's values, blanks as "" and errors as their text. */
  async readRange(sheet: string, address: string): Promise<unknown[][]> {
    const m = /^([A-Z]+\d+)(?::([A-Z]+\d+))?$/i.exec(address.replace(/\$/g, ""));
    if (!m || !this.workbook.hasSheet(sheet)) throw new Error(`There is no range ${sheet}!${address}.`);
    const start = parseCell(m[1]);
    return this.readValues(sheet, { start, end: m[2] ? parseCell(m[2]) : start });
  }

  private readings(): PartReading[] {
    return [...this.workbook.customXmlParts()].flatMap(([id, xml]) => readPart(id, xml) ?? []);
  }

  private storeSettings(key: string, value: unknown): void {
    const found = findDoc(this.readings(), key);
    const xml = settingsToXml({
      key,
      revision: (found?.doc.revision ?? 0) + 1,
      savedAt: this.now().toISOString(),
      value,
    });
    if (found) this.workbook.setXmlPart(found.id, xml);
    else this.workbook.addXmlPart(xml);
  }

  private ownedSheets(): OwnedSheet[] {
    return ownedRecords(this.readings());
  }
}

/** What the pane's table lists show of the workbook's tables, as one comparable text. */
function tablesSignature(wb: PreviewWorkbook): string {
  return JSON.stringify(wb.tables().map((t) => [t.name, t.sheet, t.anchor.row, t.anchor.col, t.rowCount, t.headers]));
}

/**
 * A SheetSpec cell as the engine's typed input: a formula as its text; text behind an apostrophe,
 * which the engine (like Excel's typing) takes as "this is text" and does not keep in the value,
 * so "=1+1", "00123", "5%" or "TRUE" stay exactly that text; numbers and booleans as they are.
 */
function engineInput(cell: CellInput): number | string | boolean | null {
  if (isFormula(cell)) return cell.formula;
  return typeof cell === "string" && cell !== "" ? `'${cell}` : cell;
}

/**
 * Writes a SheetSpec's content into an existing, empty sheet of the preview workbook, with no
 * ownership checks: PreviewHost checks ownership first; the preview uses it directly for the
 * sample workbook's own (user) sheets.
 */
export function writeSpec(wb: PreviewWorkbook, spec: SheetSpec): void {
  // Tables and names are registered before any cell is written, so formulas can refer to them.
  for (const t of spec.tables) {
    wb.addTable({
      name: t.name,
      sheet: spec.name,
      anchor: parseCell(t.anchor),
      headers: t.headers,
      rowCount: t.rows.length,
      numberFormats: t.numberFormats ?? {},
    });
  }
  for (const n of spec.namedRanges ?? []) wb.setName(n.name, `=${absoluteReference(spec.name, n.address)}`);
  wb.batch(() => {
    for (const t of spec.tables) {
      const a = parseCell(t.anchor);
      t.headers.forEach((_, c) => wb.setBold(spec.name, { row: a.row, col: a.col + c }, true));
      wb.setBlock(spec.name, a, [t.headers.map(engineInput), ...t.rows.map((row) => row.map(engineInput))]);
    }
    for (const c of spec.cells ?? []) {
      const pos = parseCell(c.address);
      wb.setCell(spec.name, pos, engineInput(c.value));
      if (c.numberFormat) wb.setNumberFormat(spec.name, pos, c.numberFormat);
      if (c.bold) wb.setBold(spec.name, pos, true);
    }
  });
  if (spec.columnWidths) wb.setColumnWidths(spec.name, spec.columnWidths);
  wb.setFreeze(spec.name, spec.freeze ?? null);
  for (const chart of spec.charts ?? []) wb.addChart(spec.name, chart);
}
