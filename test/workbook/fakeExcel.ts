/**
 * An in-memory stand-in for the part of the Office.js Excel API that ExcelHost uses, with the
 * semantics that make Office.js code go wrong in practice:
 * - a property can be read only after load() and a context.sync() (else PropertyNotLoaded);
 * - getItemOrNullObject() answers isNullObject only after a sync, and a null object's other
 *   members throw, as they fail in Excel;
 * - writes and method calls are queued and applied, in order, at the next context.sync(); when
 *   one fails, the ones before it stay applied and the rest are dropped (Office.js batches are
 *   not transactions);
 * - text written through `values` or `formulas` is read as Excel reads typed input: "=..." is a
 *   formula (and an invalid one fails the sync), "00123" and "5%" are numbers, "TRUE" a boolean,
 *   "#N/A" an error, "2019-03-01" a date, "+1" a number and "-x" or "@a" a formula, unless the
 *   cell's number format is text ("@");
 * - every request and every response is limited to 5 MB, as Excel on the web limits them;
 * - faults can be injected: the n-th sync or the n-th queued operation fails;
 * - worksheet ids can change (as Microsoft documents they may between sessions): reopen();
 * - events (tables.onAdded/onDeleted/onChanged, worksheets.onAdded/onDeleted/onNameChanged) fire
 *   after the change, asynchronously, for the add-in's changes and the user's (the set-up
 *   methods) alike; registering one of a requirement set newer than `excelApi` fails the sync.
 * office-addin-mock mocks a static object tree; it cannot create objects from method calls or
 * apply queued writes at sync, which is what these tests need, hence this fake. Formulas are
 * stored as text and not evaluated: their values read as 0 (the preview's engine covers evaluation).
 */

/** What a cell holds: a value, a formula (kept as its text) or an error. */
export type FakeCell = number | string | boolean | { readonly formula: string } | { readonly error: string };

/** A sheet's cells, counting changes so the used range is computed once per change. */
class CellMap extends Map<string, FakeCell> {
  version = 0;
  set(k: string, v: FakeCell): this {
    this.version++;
    return super.set(k, v);
  }
  delete(k: string): boolean {
    this.version++;
    return super.delete(k);
  }
  clear(): void {
    this.version++;
    super.clear();
  }
}

interface Sheet {
  id: string;
  name: string;
  visibility: string;
  cells: CellMap;
  formats: Map<string, string>;
  bold: Set<string>;
  widths: Map<string, number>;
  freeze: { rows: number; columns: number } | null;
  charts: { name: string; title: string; type: string }[];
  /** Sheet-scoped names: name -> formula. */
  names: Map<string, string>;
}
interface Table {
  id: string;
  name: string;
  sheet: Sheet;
  row: number;
  col: number;
  height: number;
  width: number;
}
interface Part {
  id: string;
  ns: string;
  xml: string;
}
interface WorkbookName {
  /** The sheet and address it refers to, or a constant formula. */
  sheet: Sheet | null;
  address: string;
  formula?: string;
}

/** Excel on the web's limit for one request and for one response. */
export const PAYLOAD_LIMIT = 5_000_000;

const key = (r: number, c: number) => `${r},${c}`;
const colIndex = (letters: string) =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const colLetters = (c: number): string =>
  c < 0 ? "" : colLetters(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26));
const quoteSheet = (name: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
const utf8 = (s: string) => Buffer.byteLength(s, "utf8");

function parseAddress(address: string): { row: number; col: number; height: number; width: number } {
  const whole = /^([A-Z]+):([A-Z]+)$/i.exec(address);
  if (whole)
    return { row: 0, col: colIndex(whole[1]), height: 1_048_576, width: colIndex(whole[2]) - colIndex(whole[1]) + 1 };
  const [a, b = a] = address.replace(/\$/g, "").split(":");
  const p = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(s);
    if (!m) throw new Error(`InvalidArgument: address ${address}`);
    return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
  };
  const s = p(a);
  const e = p(b);
  return { row: s.row, col: s.col, height: e.row - s.row + 1, width: e.col - s.col + 1 };
}

const ERRORS = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"];

/** Refuses what Excel refuses as a formula: nothing after "=", unbalanced quotes or brackets, a dangling operator. */
function checkFormula(text: string): void {
  const body = text.slice(1);
  let depth = 0;
  let square = 0;
  let inQuote = false;
  for (const ch of body) {
    if (ch === '"') inQuote = !inQuote;
    else if (inQuote) continue;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "[") square++;
    else if (ch === "]") square--;
    if (depth < 0 || square < 0) break;
  }
  if (body.trim() === "" || inQuote || depth !== 0 || square !== 0 || /[(,+\-*/^&=<>]\s*$/.test(body)) {
    throw new Error(`InvalidArgument: There's a problem with this formula: ${text}`);
  }
}

/** Days since 1899-12-30 for an ISO or US date typed into a cell, or null. */
function dateSerial(s: string): number | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : [];
  if (!y) return null;
  const t = Date.UTC(Number(y), Number(m) - 1, Number(d));
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** What Excel stores when `input` is written into a cell through values or formulas. */
function typedInput(input: unknown, textFormat: boolean): FakeCell | null {
  if (input === "" || input === null || input === undefined) return null;
  if (typeof input === "number" || typeof input === "boolean") return input;
  if (typeof input !== "string") throw new Error(`InvalidArgument: ${typeof input} is not a cell value`);
  if (textFormat) return input;
  const s = input.startsWith("'") ? input.slice(1) : input;
  if (s !== input) return s;
  if (s.startsWith("=")) {
    checkFormula(s);
    return { formula: s };
  }
  const trimmed = s.trim();
  const num = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(e[+-]?\d+)?(%?)$/i.exec(trimmed);
  if (num && /\d/.test(trimmed)) return Number(trimmed.replace(/[,%]/g, "")) / (num[5] ? 100 : 1);
  if (/^(TRUE|FALSE)$/i.test(trimmed)) return trimmed.toUpperCase() === "TRUE";
  if (ERRORS.includes(trimmed.toUpperCase())) return { error: trimmed.toUpperCase() };
  const serial = dateSerial(trimmed);
  if (serial !== null) return serial;
  if (/^[+\-@]/.test(s)) {
    const f = `=${s}`;
    checkFormula(f);
    return { formula: f };
  }
  return s;
}

/** A cell as `values` returns it: formulas are not evaluated here and read as 0; errors as their code. */
const valueOf = (c: FakeCell | undefined): unknown =>
  c === undefined ? "" : typeof c === "object" ? ("formula" in c ? 0 : c.error) : c;
/** A cell as `formulas` returns it: a formula's text, else its value. */
const formulaOf = (c: FakeCell | undefined): unknown =>
  typeof c === "object" && "formula" in c ? c.formula : valueOf(c);

/** Where the next fault strikes: the n-th sync, or the n-th queued operation, counted from now. */
export interface Faults {
  failSync?: number;
  failOp?: number;
}

/** The workbook's state, readable directly by tests (as a user looking at Excel would). */
export class FakeWorkbookState {
  sheets: Sheet[] = [];
  tables: Table[] = [];
  parts: Part[] = [];
  names = new Map<string, WorkbookName>();
  selection: { sheet: Sheet; address: string } | null = null;
  /** Syncs and queued operations so far (every context), for fault injection. */
  syncs = 0;
  ops = 0;
  faults: Faults = {};
  /** Largest request and response seen, in bytes. */
  largestRequest = 0;
  largestResponse = 0;
  /** The newest ExcelApi requirement set the fake Excel supports. */
  excelApi = "1.17";
  private nextId = 1;
  private handlers = new Map<string, Set<(args: unknown) => Promise<unknown>>>();

  /** True when `excelApi` is at least this version, as Office.context.requirements.isSetSupported. */
  supports(version: string): boolean {
    const [a, b] = version.split(".").map(Number);
    const [x, y] = this.excelApi.split(".").map(Number);
    return x > a || (x === a && y >= b);
  }

  /** Registers an event handler ("tables.onAdded"); returns its removal. */
  addHandler(event: string, handler: (args: unknown) => Promise<unknown>): () => void {
    const set = this.handlers.get(event) ?? new Set();
    set.add(handler);
    this.handlers.set(event, set);
    return () => set.delete(handler);
  }

  /** How many handlers are registered, for one event or all. */
  handlerCount(event?: string): number {
    if (event) return this.handlers.get(event)?.size ?? 0;
    return [...this.handlers.values()].reduce((n, h) => n + h.size, 0);
  }

  /** Raises an event as Excel does: after the change, asynchronously, to the handlers registered now. */
  emit(event: string, args: Record<string, unknown>): void {
    const handlers = [...(this.handlers.get(event) ?? [])];
    if (handlers.length === 0) return;
    setTimeout(() => {
      for (const h of handlers) void h({ source: "Local", ...args });
    }, 0);
  }

  /** Raises tables.onChanged for each table a written block of cells overlaps. */
  cellsWritten(sheet: Sheet, row: number, col: number, height: number, width: number): void {
    for (const t of this.tables) {
      if (t.sheet !== sheet) continue;
      if (t.row < row + height && row < t.row + t.height && t.col < col + width && col < t.col + t.width)
        this.emit("tables.onChanged", { tableId: t.id, worksheetId: sheet.id, changeType: "RangeEdited" });
    }
  }

  /** Makes the n-th sync from now (1 = the next one) fail before it applies anything. */
  failSyncIn(n: number): void {
    this.faults = { failSync: this.syncs + n };
  }

  /** Makes the n-th queued operation from now fail when it is applied (the ones before it stay applied). */
  failOpIn(n: number): void {
    this.faults = { failOp: this.ops + n };
  }

  /** Simulates closing and reopening the workbook: every worksheet gets a new id. */
  reopen(): void {
    for (const s of this.sheets) s.id = `{SHEET-${this.nextId++}}`;
  }

  /** Adds a sheet directly (test set-up, not through the API). */
  addSheet(name: string): Sheet {
    if (this.sheet(name)) throw new Error(`ItemAlreadyExists: sheet ${name}`);
    if (name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new Error(`InvalidArgument: sheet name ${name}`);
    const s: Sheet = {
      id: `{SHEET-${this.nextId++}}`,
      name,
      visibility: "Visible",
      cells: new CellMap(),
      formats: new Map(),
      bold: new Set(),
      widths: new Map(),
      freeze: null,
      charts: [],
      names: new Map(),
    };
    this.sheets.push(s);
    this.emit("worksheets.onAdded", { worksheetId: s.id });
    return s;
  }

  /** Copies a sheet as a user would (Move or Copy): cells, formats and its sheet-scoped names. */
  copySheet(name: string, newName: string): Sheet {
    const from = this.sheet(name)!;
    const to = this.addSheet(newName);
    to.cells = new CellMap(from.cells);
    to.formats = new Map(from.formats);
    to.names = new Map(from.names);
    return to;
  }

  /** A sheet by name, case-insensitive as in Excel. */
  sheet(name: string): Sheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Writes values from a top-left cell (test set-up): "=..." text is a formula, the rest as given. */
  setValues(sheet: Sheet, row: number, col: number, rows: readonly (readonly unknown[])[]): void {
    this.cellsWritten(sheet, row, col, rows.length, Math.max(0, ...rows.map((r) => r.length)));
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === "" || v === null) sheet.cells.delete(key(row + i, col + j));
        else
          sheet.cells.set(
            key(row + i, col + j),
            typeof v === "string" && v.startsWith("=") ? { formula: v } : (v as FakeCell),
          );
      }),
    );
  }

  /** Adds a table over existing cells (test set-up). */
  addTable(name: string, sheet: Sheet, address: string): void {
    const a = parseAddress(address);
    const id = this.newId("{TABLE");
    this.tables.push({ id, name, sheet, row: a.row, col: a.col, height: a.height, width: a.width });
    this.emit("tables.onAdded", { tableId: id, worksheetId: sheet.id });
  }

  /** Resizes a table as Excel's auto-expansion or Resize Table does (test set-up: a user's action). */
  resizeTable(name: string, address: string): void {
    const t = this.tables.find((x) => x.name.toLowerCase() === name.toLowerCase())!;
    Object.assign(t, parseAddress(address));
    this.emit("tables.onChanged", { tableId: t.id, worksheetId: t.sheet.id, changeType: "RowInserted" });
  }

  /** Renames a sheet as a user does (test set-up). */
  renameSheet(sheet: Sheet, name: string): void {
    const before = sheet.name;
    sheet.name = name;
    this.emit("worksheets.onNameChanged", { worksheetId: sheet.id, nameBefore: before, nameAfter: name });
  }

  /** Adds a workbook-level name (test set-up: a name the user made). */
  addName(name: string, sheet: Sheet, address: string): void {
    this.names.set(name, { sheet, address });
  }

  /** A workbook name's formula as Excel shows it ("=Data!$B$2", or "=#REF!" once its sheet is gone). */
  nameFormula(name: string): string | undefined {
    const n = [...this.names.entries()].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
    if (!n) return undefined;
    if (n.formula !== undefined) return n.formula;
    if (!n.sheet || !this.sheets.includes(n.sheet)) return "=#REF!";
    return `=${quoteSheet(n.sheet.name)}!${n.address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
  }

  /** A cell as stored, by A1 address. */
  cell(sheet: string, address: string): FakeCell | undefined {
    const a = parseAddress(address);
    return this.sheet(sheet)?.cells.get(key(a.row, a.col));
  }

  /** A cell's formula, or null. */
  formulaAt(sheet: string, address: string): string | null {
    const c = this.cell(sheet, address);
    return typeof c === "object" && "formula" in c ? c.formula : null;
  }

  /** Values of a range as Excel returns them: "" for blanks, 0 for (unevaluated) formulas. */
  values(sheet: Sheet, row: number, col: number, height: number, width: number): unknown[][] {
    return Array.from({ length: height }, (_, i) =>
      Array.from({ length: width }, (_, j) => valueOf(sheet.cells.get(key(row + i, col + j)))),
    );
  }

  /** Every cell of every sheet, as text, for before/after comparisons. */
  snapshot(except: readonly string[] = []): Record<string, string> {
    const out: Record<string, string> = {};
    for (const s of this.sheets) {
      if (except.some((e) => e.toLowerCase() === s.name.toLowerCase())) continue;
      for (const [k, v] of s.cells) out[`${s.name}!${k}`] = JSON.stringify(v);
      for (const [k, v] of s.formats) out[`${s.name}!${k}#fmt`] = v;
    }
    return out;
  }

  /** Everything a user could see or a formula could depend on, for "exactly as it was" checks. */
  fullSnapshot(): unknown {
    return {
      sheets: this.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        visibility: s.visibility,
        cells: [...s.cells].sort(),
        formats: [...s.formats].sort(),
        bold: [...s.bold].sort(),
        widths: [...s.widths].sort(),
        freeze: s.freeze,
        charts: s.charts.map((c) => c.title),
        names: [...s.names].sort(),
      })),
      tables: this.tables.map((t) => ({ ...t, sheet: t.sheet.name })),
      names: [...this.names.keys()].sort().map((n) => [n, this.nameFormula(n)]),
      parts: this.parts.map((p) => ({ ...p })),
    };
  }

  newId(prefix: string): string {
    return `${prefix}-${this.nextId++}`;
  }

  /** Removes a sheet and what lives on it (tables; names and references pointing at it become #REF!). */
  deleteSheet(sheet: Sheet): void {
    if (this.sheets.filter((s) => s.visibility === "Visible").length === 1 && sheet.visibility === "Visible") {
      throw new Error("InvalidOperation: a workbook must keep at least one visible sheet.");
    }
    const gone = this.tables.filter((t) => t.sheet === sheet).map((t) => t.name);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    // Only the sheet's event: Office.js does not document a table event for a sheet's removal.
    this.emit("worksheets.onDeleted", { worksheetId: sheet.id });
    for (const name of gone) this.rewriteFormulas(new RegExp(`\\b${name}\\[[^\\]]*\\]`, "gi"), "#REF!");
  }

  /** Rewrites structured references as Excel does when a table is renamed. */
  renameTableReferences(from: string, to: string): void {
    this.rewriteFormulas(new RegExp(`\\b${from}\\[`, "gi"), `${to}[`);
  }

  private rewriteFormulas(pattern: RegExp, replacement: string): void {
    for (const s of this.sheets) {
      for (const [k, c] of s.cells) {
        if (typeof c === "object" && "formula" in c && pattern.test(c.formula))
          s.cells.set(k, { formula: c.formula.replace(pattern, replacement) });
        pattern.lastIndex = 0;
      }
    }
  }
}

/** Raised by the fake for an injected fault. */
export class InjectedFault extends Error {}

type PendingLoad = { commit: () => void; bytes: number };

/** The request context: a queue of operations applied at sync, and a sync counter. */
class Context {
  syncCount = 0;
  /** Sync numbers (1-based) before which suspendApiCalculationUntilNextSync was called. */
  suspendedBeforeSync: number[] = [];
  /** Every formulas assignment: its cell count. */
  formulaWrites: number[] = [];
  /** Every values assignment: its cell count. */
  valueWrites: number[] = [];
  private queue: (() => void)[] = [];
  private requestBytes = 0;
  pending: PendingLoad[] = [];
  readonly workbook: WorkbookProxy;
  readonly application = {
    suspendApiCalculationUntilNextSync: () => this.suspendedBeforeSync.push(this.syncCount + 1),
  };

  constructor(readonly state: FakeWorkbookState) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(op: () => void): void {
    this.queue.push(op);
  }

  /** An event's handler collection, as Office.js's EventHandlers: add() registers at the next sync. */
  events(event: string, set: string) {
    return {
      add: (handler: (args: unknown) => Promise<unknown>) => {
        let off = () => {};
        this.enqueue(() => {
          if (!this.state.supports(set)) throw new Error(`ApiNotFound: ${event} needs ExcelApi ${set}.`);
          off = this.state.addHandler(event, handler);
        });
        return { context: this, remove: () => this.enqueue(() => off()) };
      },
    };
  }

  /** Counts a write's payload towards this request's size. */
  payload(data: unknown): void {
    this.requestBytes += utf8(JSON.stringify(data));
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const st = this.state;
    st.syncs++;
    const ops = this.queue;
    const request = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.pending = [];
    st.largestRequest = Math.max(st.largestRequest, request);
    if (st.faults.failSync === st.syncs)
      throw new InjectedFault(`GeneralException: injected failure of sync ${st.syncs}`);
    if (request > PAYLOAD_LIMIT) throw new Error(`RequestPayloadSizeLimitExceeded: the request is ${request} bytes.`);
    for (const op of ops) {
      st.ops++;
      if (st.faults.failOp === st.ops)
        throw new InjectedFault(`GeneralException: injected failure of operation ${st.ops}`);
      op();
    }
    const response = this.pending.reduce((n, p) => n + p.bytes, 0);
    st.largestResponse = Math.max(st.largestResponse, response);
    if (response > PAYLOAD_LIMIT)
      throw new Error(`ResponsePayloadSizeLimitExceeded: the response is ${response} bytes.`);
    for (const p of this.pending) p.commit();
  }
}

/** Base of every proxy: load() queues a snapshot; reading a property before it is synced throws. */
abstract class Proxy {
  private loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: Context) {}

  /** The value of one loadable property, read from the target at sync. */
  protected abstract read(prop: string): unknown;

  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "").split(",")).map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue(() => {
      for (const p of list) {
        const value = this.read(p);
        const bytes = Array.isArray(value) && (p === "values" || p === "formulas") ? utf8(JSON.stringify(value)) : 0;
        this.ctx.pending.push({ bytes, commit: () => this.loaded.set(p, value) });
      }
    });
    return this;
  }

  protected preload(values: [string, unknown][]): void {
    for (const [k, v] of values) this.loaded.set(k, v);
  }

  protected get(prop: string): unknown {
    if (!this.loaded.has(prop))
      throw new Error(`PropertyNotLoaded: ${prop} was read before load("${prop}") and context.sync().`);
    return this.loaded.get(prop);
  }
}

class WorkbookProxy {
  constructor(private readonly ctx: Context) {}
  get worksheets() {
    return new WorksheetCollection(this.ctx);
  }
  get tables() {
    return new TableCollection(this.ctx, null);
  }
  get names() {
    return new NameCollection(this.ctx, null);
  }
  get customXmlParts() {
    return new PartCollection(this.ctx);
  }
  getActiveCell(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sel = this.ctx.state.selection;
      if (!sel) throw new Error("InvalidSelection: nothing selected");
      const g = parseAddress(sel.address);
      return { sheet: sel.sheet, ...g, height: 1, width: 1 };
    });
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sel = this.ctx.state.selection;
      if (!sel) throw new Error("InvalidSelection: nothing selected");
      return { sheet: sel.sheet, ...parseAddress(sel.address) };
    });
  }
}

class WorksheetCollection extends Proxy {
  protected read(prop: string) {
    if (prop.startsWith("items"))
      return this.ctx.state.sheets.map(
        (s) => new WorksheetProxy(this.ctx, () => (this.ctx.state.sheets.includes(s) ? s : null), s),
      );
    throw new Error(`unknown property ${prop}`);
  }
  get items(): WorksheetProxy[] {
    return this.get("items/name") as WorksheetProxy[];
  }
  /** By name or id, as in Office.js. */
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.ctx,
      () => this.ctx.state.sheet(key) ?? this.ctx.state.sheets.find((s) => s.id === key) ?? null,
    );
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.state.sheet(key) ?? this.ctx.state.sheets.find((x) => x.id === key);
      const name = key;
      if (!s) throw new Error(`ItemNotFound: sheet ${name}`);
      return s;
    });
  }
  add(name: string): WorksheetProxy {
    let created: Sheet | null = null;
    this.ctx.enqueue(() => (created = this.ctx.state.addSheet(name)));
    return new WorksheetProxy(this.ctx, () => created);
  }
  get onAdded() {
    return this.ctx.events("worksheets.onAdded", "1.7");
  }
  get onDeleted() {
    return this.ctx.events("worksheets.onDeleted", "1.7");
  }
  get onNameChanged() {
    return this.ctx.events("worksheets.onNameChanged", "1.17");
  }
}

class WorksheetProxy extends Proxy {
  private resolvedNull: boolean | undefined;
  constructor(
    ctx: Context,
    private readonly resolve: () => Sheet | null,
    preloaded?: Sheet,
  ) {
    super(ctx);
    if (preloaded) {
      this.preload([
        ["name", preloaded.name],
        ["id", preloaded.id],
        ["visibility", preloaded.visibility],
      ]);
    }
    ctx.enqueue(() => (this.resolvedNull = resolve() === null));
  }
  protected read(prop: string) {
    const s = this.resolve();
    if (!s) return undefined;
    return (s as unknown as Record<string, unknown>)[prop];
  }
  sheet(): Sheet {
    const s = this.resolve();
    if (!s) throw new Error("ItemNotFound: the worksheet does not exist (a null object was used).");
    return s;
  }
  get isNullObject(): boolean {
    if (this.resolvedNull === undefined)
      throw new Error("PropertyNotLoaded: isNullObject was read before context.sync().");
    return this.resolvedNull;
  }
  get name(): string {
    return this.get("name") as string;
  }
  set name(value: string) {
    this.ctx.enqueue(() => {
      const s = this.sheet();
      const other = this.ctx.state.sheet(value);
      if (other && other !== s) throw new Error(`ItemAlreadyExists: sheet ${value}`);
      if (value.length > 31 || /[:\\/?*[\]]/.test(value)) throw new Error(`InvalidArgument: sheet name ${value}`);
      this.ctx.state.renameSheet(s, value);
    });
  }
  get id(): string {
    return this.get("id") as string;
  }
  get visibility(): string {
    return this.get("visibility") as string;
  }
  set visibility(value: string) {
    this.ctx.enqueue(() => (this.sheet().visibility = value));
  }
  get tables() {
    return new TableCollection(this.ctx, () => this.sheet());
  }
  get charts() {
    return new ChartCollection(this.ctx, () => this.sheet());
  }
  get names() {
    return new NameCollection(this.ctx, () => this.sheet());
  }
  get freezePanes() {
    const set = (f: { rows: number; columns: number } | null) => this.ctx.enqueue(() => (this.sheet().freeze = f));
    return {
      unfreeze: () => set(null),
      freezeRows: (n: number) => set({ rows: n, columns: 0 }),
      freezeColumns: (n: number) => set({ rows: 0, columns: n }),
      freezeAt: (r: RangeProxy) =>
        this.ctx.enqueue(() => {
          const g = r.geometry();
          this.sheet().freeze = { rows: g.height, columns: g.width };
        }),
    };
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => ({
      sheet: this.sheet(),
      ...(address ? parseAddress(address) : { row: 0, col: 0, height: 1_048_576, width: 16_384 }),
    }));
  }
  getRangeByIndexes(row: number, col: number, height: number, width: number): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.sheet(), row, col, height, width }));
  }
  getUsedRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.ctx, () => usedRange(this.sheet()));
  }
  activate(): void {
    this.ctx.enqueue(() => this.sheet());
  }
  delete(): void {
    this.ctx.enqueue(() => this.ctx.state.deleteSheet(this.sheet()));
  }
}

const usedCache = new WeakMap<Sheet, { version: number; used: Geometry | null }>();

function usedRange(s: Sheet): Geometry | null {
  const cached = usedCache.get(s);
  if (cached && cached.version === s.cells.version) return cached.used;
  const used = computeUsedRange(s);
  usedCache.set(s, { version: s.cells.version, used });
  return used;
}

function computeUsedRange(s: Sheet): Geometry | null {
  if (s.cells.size === 0) return null;
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  for (const k of s.cells.keys()) {
    const [r, c] = k.split(",").map(Number);
    r0 = Math.min(r0, r);
    c0 = Math.min(c0, c);
    r1 = Math.max(r1, r);
    c1 = Math.max(c1, c);
  }
  return { sheet: s, row: r0, col: c0, height: r1 - r0 + 1, width: c1 - c0 + 1 };
}

type Geometry = { sheet: Sheet; row: number; col: number; height: number; width: number };

class RangeProxy extends Proxy {
  private resolvedNull: boolean | undefined;
  constructor(
    ctx: Context,
    private readonly resolve: () => Geometry | null,
  ) {
    super(ctx);
    ctx.enqueue(() => (this.resolvedNull = this.resolve() === null));
  }
  geometry(): Geometry {
    const g = this.resolve();
    if (!g) throw new Error("ItemNotFound: range of a null object");
    return g;
  }
  protected read(prop: string) {
    // A null object's properties load as nothing (reading them afterwards is the error).
    if (this.resolve() === null) return undefined;
    const g = this.geometry();
    if (prop === "values") return this.ctx.state.values(g.sheet, g.row, g.col, g.height, g.width);
    if (prop === "formulas")
      return Array.from({ length: g.height }, (_, i) =>
        Array.from({ length: g.width }, (_, j) => formulaOf(g.sheet.cells.get(key(g.row + i, g.col + j)))),
      );
    if (prop === "numberFormat")
      return Array.from({ length: g.height }, (_, i) =>
        Array.from({ length: g.width }, (_, j) => g.sheet.formats.get(key(g.row + i, g.col + j)) ?? "General"),
      );
    if (prop === "address")
      return `${quoteSheet(g.sheet.name)}!${colLetters(g.col)}${g.row + 1}${g.height * g.width > 1 ? `:${colLetters(g.col + g.width - 1)}${g.row + g.height}` : ""}`;
    if (prop === "rowCount") return g.height;
    if (prop === "columnCount") return g.width;
    if (prop === "rowIndex") return g.row;
    if (prop === "columnIndex") return g.col;
    throw new Error(`unknown property ${prop}`);
  }
  get isNullObject(): boolean {
    if (this.resolvedNull === undefined)
      throw new Error("PropertyNotLoaded: isNullObject was read before context.sync().");
    return this.resolvedNull;
  }
  get values(): unknown[][] {
    return this.get("values") as unknown[][];
  }
  get formulas(): unknown[][] {
    return this.get("formulas") as unknown[][];
  }
  get address(): string {
    return this.get("address") as string;
  }
  get rowCount(): number {
    return this.get("rowCount") as number;
  }
  get columnCount(): number {
    return this.get("columnCount") as number;
  }
  get rowIndex(): number {
    return this.get("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.get("columnIndex") as number;
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.geometry().sheet);
  }
  getCell(row: number, col: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const g = this.geometry();
      return { ...g, row: g.row + row, col: g.col + col, height: 1, width: 1 };
    });
  }
  getResizedRange(deltaRows: number, deltaCols: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const g = this.geometry();
      return { ...g, height: g.height + deltaRows, width: g.width + deltaCols };
    });
  }
  getIntersectionOrNullObject(other: RangeProxy): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const a = this.geometry();
      const b = other.resolveOrNull();
      if (!b || b.sheet !== a.sheet) return null;
      const row = Math.max(a.row, b.row);
      const col = Math.max(a.col, b.col);
      const end = {
        row: Math.min(a.row + a.height, b.row + b.height),
        col: Math.min(a.col + a.width, b.col + b.width),
      };
      if (end.row <= row || end.col <= col) return null;
      return { sheet: a.sheet, row, col, height: end.row - row, width: end.col - col };
    });
  }
  resolveOrNull(): Geometry | null {
    return this.resolve();
  }
  private check(rows: readonly (readonly unknown[])[], what: string, g: Geometry) {
    if (rows.length !== g.height || rows.some((r) => r.length !== g.width))
      throw new Error(
        `InvalidArgument: ${what} is ${rows.length}x${rows[0]?.length} for a ${g.height}x${g.width} range.`,
      );
  }
  private write(rows: unknown[][], what: string) {
    this.ctx.payload(rows);
    this.ctx.enqueue(() => {
      const g = this.geometry();
      this.check(rows, what, g);
      // Excel parses the whole block before it stores any of it.
      const typed = rows.map((r, i) =>
        r.map((v, j) => typedInput(v, g.sheet.formats.get(key(g.row + i, g.col + j)) === "@")),
      );
      typed.forEach((r, i) =>
        r.forEach((v, j) => {
          if (v === null) g.sheet.cells.delete(key(g.row + i, g.col + j));
          else g.sheet.cells.set(key(g.row + i, g.col + j), v);
        }),
      );
      this.ctx.state.cellsWritten(g.sheet, g.row, g.col, g.height, g.width);
    });
  }
  set formulas(rows: unknown[][]) {
    this.ctx.formulaWrites.push(rows.length * (rows[0]?.length ?? 0));
    this.write(rows, "formulas");
  }
  set values(rows: unknown[][]) {
    this.ctx.valueWrites.push(rows.length * (rows[0]?.length ?? 0));
    this.write(rows, "values");
  }
  set numberFormat(rows: string[][]) {
    this.ctx.payload(rows);
    this.ctx.enqueue(() => {
      const g = this.geometry();
      this.check(rows, "numberFormat", g);
      rows.forEach((r, i) =>
        r.forEach((f, j) => {
          if (f === "General") g.sheet.formats.delete(key(g.row + i, g.col + j));
          else g.sheet.formats.set(key(g.row + i, g.col + j), f);
        }),
      );
    });
  }
  get format() {
    const setBold = (b: boolean) =>
      this.ctx.enqueue(() => {
        const g = this.geometry();
        for (let i = 0; i < g.height; i++) {
          for (let j = 0; j < g.width; j++) {
            if (b) g.sheet.bold.add(key(g.row + i, g.col + j));
            else g.sheet.bold.delete(key(g.row + i, g.col + j));
          }
        }
      });
    const setWidth = (w: number) =>
      this.ctx.enqueue(() => {
        const g = this.geometry();
        for (let j = 0; j < g.width; j++) g.sheet.widths.set(colLetters(g.col + j), w);
      });
    return {
      font: {
        set bold(b: boolean) {
          setBold(b);
        },
      },
      set columnWidth(w: number) {
        setWidth(w);
      },
    };
  }
  clear(): void {
    this.ctx.enqueue(() => {
      const g = this.geometry();
      for (const m of [g.sheet.cells, g.sheet.formats]) {
        for (const k of [...m.keys()]) {
          const [r, c] = k.split(",").map(Number);
          if (r >= g.row && r < g.row + g.height && c >= g.col && c < g.col + g.width) m.delete(k);
        }
      }
    });
  }
  select(): void {
    this.ctx.enqueue(() => {
      const g = this.geometry();
      this.ctx.state.selection = {
        sheet: g.sheet,
        address: `${colLetters(g.col)}${g.row + 1}:${colLetters(g.col + g.width - 1)}${g.row + g.height}`,
      };
    });
  }
}

class TableProxy extends Proxy {
  constructor(
    ctx: Context,
    private readonly resolve: () => Table | null,
  ) {
    super(ctx);
  }
  private resolvedNull: boolean | undefined;
  watchNull(): this {
    this.ctx.enqueue(() => (this.resolvedNull = this.resolve() === null));
    return this;
  }
  private table(): Table {
    const t = this.resolve();
    if (!t) throw new Error("ItemNotFound: the table does not exist (a null object was used).");
    return t;
  }
  protected read(prop: string) {
    const t = this.table();
    if (prop === "name") return t.name;
    if (prop === "id") return t.id;
    if (prop === "worksheet/name") return t.sheet.name;
    if (prop === "worksheet/id") return t.sheet.id;
    throw new Error(`unknown property ${prop}`);
  }
  setPreloaded(t: Table): this {
    this.preload([
      ["name", t.name],
      ["id", t.id],
      ["worksheet/name", t.sheet.name],
      ["worksheet/id", t.sheet.id],
    ]);
    return this;
  }
  get isNullObject(): boolean {
    if (this.resolvedNull === undefined)
      throw new Error("PropertyNotLoaded: isNullObject was read before context.sync().");
    return this.resolvedNull;
  }
  get name(): string {
    return this.get("name") as string;
  }
  set name(value: string) {
    this.ctx.enqueue(() => {
      const t = this.table();
      if (
        this.ctx.state.tables.some((x) => x !== t && x.name.toLowerCase() === value.toLowerCase()) ||
        this.ctx.state.names.has(value)
      ) {
        throw new Error(`InvalidArgument: the name ${value} is already used.`);
      }
      this.ctx.state.renameTableReferences(t.name, value);
      t.name = value;
    });
  }
  get id(): string {
    return this.get("id") as string;
  }
  get worksheet(): { name: string; id: string } {
    return { name: this.get("worksheet/name") as string, id: this.get("worksheet/id") as string };
  }
  getHeaderRowRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.table();
      return { sheet: t.sheet, row: t.row, col: t.col, height: 1, width: t.width };
    });
  }
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.table();
      return { sheet: t.sheet, row: t.row + 1, col: t.col, height: t.height - 1, width: t.width };
    });
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.table();
      return { sheet: t.sheet, row: t.row, col: t.col, height: t.height, width: t.width };
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const t = this.table();
      this.ctx.state.tables = this.ctx.state.tables.filter((x) => x !== t);
      this.ctx.state.emit("tables.onDeleted", { tableId: t.id, tableName: t.name, worksheetId: t.sheet.id });
    });
  }
}

class TableCollection extends Proxy {
  constructor(
    ctx: Context,
    private readonly sheet: (() => Sheet) | null,
  ) {
    super(ctx);
  }
  protected read(prop: string) {
    const s = this.sheet?.();
    const tables = this.ctx.state.tables.filter((t) => !s || t.sheet === s);
    if (prop.startsWith("items"))
      return tables.map((t) =>
        new TableProxy(this.ctx, () => (this.ctx.state.tables.includes(t) ? t : null)).setPreloaded(t),
      );
    throw new Error(`unknown property ${prop}`);
  }
  get items(): TableProxy[] {
    return this.get("items/name") as TableProxy[];
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(
      this.ctx,
      () => this.ctx.state.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null,
    ).watchNull();
  }
  add(range: RangeProxy, hasHeaders: boolean): TableProxy {
    let created: Table | null = null;
    this.ctx.enqueue(() => {
      if (!hasHeaders) throw new Error("the fake only models tables with headers");
      const g = range.geometry();
      if (
        this.ctx.state.tables.some(
          (t) =>
            t.sheet === g.sheet &&
            t.row < g.row + g.height &&
            g.row < t.row + t.height &&
            t.col < g.col + g.width &&
            g.col < t.col + t.width,
        )
      ) {
        throw new Error("InvalidOperation: a table cannot overlap another table.");
      }
      created = {
        id: this.ctx.state.newId("{TABLE"),
        name: this.ctx.state.newId("Table").replace("-", ""),
        sheet: g.sheet,
        row: g.row,
        col: g.col,
        height: g.height,
        width: g.width,
      };
      this.ctx.state.tables.push(created);
      this.ctx.state.emit("tables.onAdded", { tableId: created.id, worksheetId: g.sheet.id });
    });
    return new TableProxy(this.ctx, () => created);
  }
  private workbookEvents(event: string, set: string) {
    if (this.sheet) throw new Error("the fake models the workbook's table events, not a sheet's");
    return this.ctx.events(event, set);
  }
  get onAdded() {
    return this.workbookEvents("tables.onAdded", "1.9");
  }
  get onDeleted() {
    return this.workbookEvents("tables.onDeleted", "1.9");
  }
  get onChanged() {
    return this.workbookEvents("tables.onChanged", "1.7");
  }
}

class ChartCollection extends Proxy {
  constructor(
    ctx: Context,
    private readonly sheet: () => Sheet,
  ) {
    super(ctx);
  }
  protected read(prop: string) {
    if (prop.startsWith("items")) {
      return this.sheet().charts.map((c) => ({
        name: c.name,
        delete: () => this.ctx.enqueue(() => (this.sheet().charts = this.sheet().charts.filter((x) => x !== c))),
      }));
    }
    throw new Error(`unknown property ${prop}`);
  }
  get items(): { name: string; delete(): void }[] {
    return this.get("items/name") as { name: string; delete(): void }[];
  }
  add(type: string): unknown {
    const chart = { name: this.ctx.state.newId("Chart"), title: "", type };
    this.ctx.enqueue(() => this.sheet().charts.push(chart));
    const ctx = this.ctx;
    const series = () => ({ set name(_: string) {}, setValues: () => undefined, setXAxisValues: () => undefined });
    return {
      title: {
        set text(t: string) {
          ctx.enqueue(() => (chart.title = t));
        },
      },
      series: { getItemAt: series, add: series },
      setPosition: () => undefined,
    };
  }
}

class NamedItemProxy extends Proxy {
  private resolvedNull: boolean | undefined;
  constructor(
    ctx: Context,
    private readonly resolve: () => string | null,
    private readonly scope: (() => Sheet) | null,
  ) {
    super(ctx);
    ctx.enqueue(() => (this.resolvedNull = resolve() === null));
  }
  protected read(prop: string) {
    const n = this.resolve();
    if (n === null) return undefined;
    if (prop === "name") return n;
    if (prop === "formula") return this.scope ? this.scope().names.get(n) : this.ctx.state.nameFormula(n);
    throw new Error(`unknown property ${prop}`);
  }
  get isNullObject(): boolean {
    if (this.resolvedNull === undefined)
      throw new Error("PropertyNotLoaded: isNullObject was read before context.sync().");
    return this.resolvedNull;
  }
  get name(): string {
    return this.get("name") as string;
  }
  get formula(): string {
    return this.get("formula") as string;
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const n = this.resolve();
      if (n === null) throw new Error("ItemNotFound: name");
      if (this.scope) this.scope().names.delete(n);
      else this.ctx.state.names.delete(n);
    });
  }
}

class NameCollection extends Proxy {
  constructor(
    ctx: Context,
    private readonly scope: (() => Sheet) | null,
  ) {
    super(ctx);
  }
  private keys(): string[] {
    return this.scope ? [...this.scope().names.keys()] : [...this.ctx.state.names.keys()];
  }
  private find(name: string): string | null {
    return this.keys().find((k) => k.toLowerCase() === name.toLowerCase()) ?? null;
  }
  protected read(prop: string) {
    if (prop.startsWith("items")) {
      return this.keys().map((n) => {
        const item = new NamedItemProxy(this.ctx, () => this.find(n), this.scope);
        (item as unknown as { preload(v: [string, unknown][]): void }).preload([
          ["name", n],
          ["formula", this.scope ? this.scope().names.get(n) : this.ctx.state.nameFormula(n)],
        ]);
        return item;
      });
    }
    throw new Error(`unknown property ${prop}`);
  }
  get items(): NamedItemProxy[] {
    return this.get("items/name") as NamedItemProxy[];
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => this.find(name), this.scope);
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(
      this.ctx,
      () => {
        const n = this.find(name);
        if (n === null) throw new Error(`ItemNotFound: name ${name}`);
        return n;
      },
      this.scope,
    );
  }
  add(name: string, reference: RangeProxy | string): void {
    this.ctx.enqueue(() => {
      if (this.find(name) !== null) throw new Error(`ItemAlreadyExists: name ${name}`);
      if (!this.scope && this.ctx.state.tables.some((t) => t.name.toLowerCase() === name.toLowerCase()))
        throw new Error(`ItemAlreadyExists: name ${name}`);
      if (typeof reference === "string") {
        if (this.scope) this.scope().names.set(name, reference);
        else this.ctx.state.names.set(name, { sheet: null, address: "", formula: reference });
        return;
      }
      const g = reference.geometry();
      const address = `${colLetters(g.col)}${g.row + 1}${g.height * g.width > 1 ? `:${colLetters(g.col + g.width - 1)}${g.row + g.height}` : ""}`;
      if (this.scope) this.scope().names.set(name, `=${quoteSheet(g.sheet.name)}!${address}`);
      else this.ctx.state.names.set(name, { sheet: g.sheet, address });
    });
  }
}

class PartCollection {
  constructor(private readonly ctx: Context) {}
  getByNamespace(ns: string) {
    return new PartScopedCollection(this.ctx, ns);
  }
  add(xml: string): void {
    this.ctx.payload(xml);
    const ns = /xmlns(?::\w+)?="([^"]*)"/.exec(xml)?.[1] ?? "";
    this.ctx.enqueue(() => this.ctx.state.parts.push({ id: this.ctx.state.newId("part"), ns, xml }));
  }
}

class PartScopedCollection extends Proxy {
  constructor(
    ctx: Context,
    private readonly ns: string,
  ) {
    super(ctx);
  }
  protected read(prop: string) {
    if (!prop.startsWith("items")) throw new Error(`unknown property ${prop}`);
    return this.ctx.state.parts
      .filter((p) => p.ns === this.ns)
      .map((p) => ({
        id: p.id,
        getXml: () => {
          const result: { value: string } = {
            get value(): string {
              throw new Error("PropertyNotLoaded: ClientResult.value was read before context.sync().");
            },
          };
          this.ctx.enqueue(() => {
            if (!this.ctx.state.parts.includes(p)) throw new Error("ItemNotFound: custom XML part");
            Object.defineProperty(result, "value", { value: p.xml });
          });
          return result;
        },
        setXml: (xml: string) => {
          this.ctx.payload(xml);
          this.ctx.enqueue(() => {
            if (!this.ctx.state.parts.includes(p)) throw new Error("ItemNotFound: custom XML part");
            p.xml = xml;
          });
        },
        delete: () => this.ctx.enqueue(() => (this.ctx.state.parts = this.ctx.state.parts.filter((x) => x !== p))),
      }));
  }
  get items(): unknown[] {
    return this.get("items/id") as unknown[];
  }
}

/** A fake Excel: the workbook state, an Excel.run replacement, and the last run's context. */
export function fakeExcel(state = new FakeWorkbookState()) {
  const contexts: Context[] = [];
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new Context(state);
    contexts.push(ctx);
    return batch(ctx as unknown as Excel.RequestContext);
  };
  /** ExcelHost's events seam over this fake: its requirement sets, and a batch run in a given context. */
  const events = {
    supports: (version: string) => state.supports(version),
    runIn: <T>(context: Excel.RequestContext, batch: (c: Excel.RequestContext) => Promise<T>) => batch(context),
  };
  return { state, run, events, contexts, last: () => contexts[contexts.length - 1] };
}
