/**
 * An in-memory stand-in for the part of the Office.js Excel API that ExcelHost uses, with the
 * proxy semantics that make Office.js code go wrong in practice:
 * - a property can be read only after load() and a context.sync() (else PropertyNotLoaded);
 * - getItemOrNullObject() answers isNullObject only after a sync, and a null object's other
 *   members throw, as they fail in Excel;
 * - writes and method calls are queued and applied, in order, at the next context.sync();
 * - context.sync() is counted.
 * office-addin-mock mocks a static object tree; it cannot create objects from method calls or
 * apply queued writes at sync, which is what these tests need, hence this fake. Formulas are
 * stored as text and not evaluated (the preview's engine covers evaluation).
 */

interface Sheet {
  id: string;
  name: string;
  cells: Map<string, unknown>;
  formats: Map<string, string>;
  bold: Set<string>;
  widths: Map<string, number>;
  freeze: { rows: number; columns: number } | null;
  charts: { name: string; title: string; type: string }[];
}
interface Table {
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

const key = (r: number, c: number) => `${r},${c}`;
const colIndex = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const colLetters = (c: number): string => (c < 0 ? "" : colLetters(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));

function parseAddress(address: string): { row: number; col: number; height: number; width: number } {
  const whole = /^([A-Z]+):([A-Z]+)$/i.exec(address);
  if (whole) return { row: 0, col: colIndex(whole[1]), height: 1_048_576, width: colIndex(whole[2]) - colIndex(whole[1]) + 1 };
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

/** The workbook's state, readable directly by tests (as a user looking at Excel would). */
export class FakeWorkbookState {
  sheets: Sheet[] = [];
  tables: Table[] = [];
  parts: Part[] = [];
  names = new Map<string, { sheet: Sheet; address: string }>();
  selection: { sheet: Sheet; address: string } | null = null;
  private nextId = 1;

  /** Adds a sheet directly (test set-up, not through the API). */
  addSheet(name: string): Sheet {
    if (this.sheet(name)) throw new Error(`ItemAlreadyExists: sheet ${name}`);
    const s: Sheet = { id: `{SHEET-${this.nextId++}}`, name, cells: new Map(), formats: new Map(), bold: new Set(), widths: new Map(), freeze: null, charts: [] };
    this.sheets.push(s);
    return s;
  }

  /** A sheet by name, case-insensitive as in Excel. */
  sheet(name: string): Sheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Writes values or formulas from a top-left cell (test set-up). */
  setValues(sheet: Sheet, row: number, col: number, rows: readonly (readonly unknown[])[]): void {
    rows.forEach((r, i) => r.forEach((v, j) => (v === "" || v === null ? sheet.cells.delete(key(row + i, col + j)) : sheet.cells.set(key(row + i, col + j), v))));
  }

  /** Adds a table over existing cells (test set-up). */
  addTable(name: string, sheet: Sheet, address: string): void {
    const a = parseAddress(address);
    this.tables.push({ name, sheet, row: a.row, col: a.col, height: a.height, width: a.width });
  }

  /** Values of a range as Excel returns them: "" for blanks, formula text for formulas. */
  values(sheet: Sheet, row: number, col: number, height: number, width: number): unknown[][] {
    return Array.from({ length: height }, (_, i) => Array.from({ length: width }, (_, j) => sheet.cells.get(key(row + i, col + j)) ?? ""));
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

  newId(prefix: string): string {
    return `${prefix}-${this.nextId++}`;
  }
}

/** The request context: a queue of operations applied at sync, and a sync counter. */
class Context {
  syncCount = 0;
  /** Sync numbers (1-based) before which suspendApiCalculationUntilNextSync was called. */
  suspendedBeforeSync: number[] = [];
  /** Every formulas assignment: its cell count. */
  formulaWrites: number[] = [];
  private queue: (() => void)[] = [];
  readonly workbook: WorkbookProxy;
  readonly application = { suspendApiCalculationUntilNextSync: () => this.suspendedBeforeSync.push(this.syncCount + 1) };

  constructor(readonly state: FakeWorkbookState) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(op: () => void): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const ops = this.queue;
    this.queue = [];
    for (const op of ops) op();
  }
}

/** Base of every proxy: load() queues a snapshot; reading a property before it is synced throws. */
abstract class Proxy {
  private loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: Context) {}

  /** What the proxy stands for, resolved when the queue runs; null for a missing item. */
  protected abstract target(): unknown;
  /** The value of one loadable property, read from the target at sync. */
  protected abstract read(prop: string): unknown;

  load(props?: string): this {
    const list = (props ?? "").split(",").map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue(() => {
      for (const p of list) this.loaded.set(p, this.read(p));
    });
    return this;
  }

  protected get(prop: string): unknown {
    if (!this.loaded.has(prop)) throw new Error(`PropertyNotLoaded: ${prop} was read before load("${prop}") and context.sync().`);
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
    return new NameCollection(this.ctx);
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
  protected target() {
    return this.ctx.state.sheets;
  }
  protected read(prop: string) {
    if (prop.startsWith("items")) return this.ctx.state.sheets.map((s) => new WorksheetProxy(this.ctx, () => s, true));
    throw new Error(`unknown property ${prop}`);
  }
  get items(): WorksheetProxy[] {
    return this.get("items/name") as WorksheetProxy[];
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.state.sheet(name) ?? null);
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.state.sheet(name);
      if (!s) throw new Error(`ItemNotFound: sheet ${name}`);
      return s;
    });
  }
  add(name: string): WorksheetProxy {
    let created: Sheet | null = null;
    this.ctx.enqueue(() => (created = this.ctx.state.addSheet(name)));
    return new WorksheetProxy(this.ctx, () => created);
  }
}

class WorksheetProxy extends Proxy {
  private resolvedNull: boolean | undefined;
  constructor(
    ctx: Context,
    private readonly resolve: () => Sheet | null,
    preloaded = false,
  ) {
    super(ctx);
    if (preloaded) {
      const s = resolve()!;
      (this as unknown as { loaded: Map<string, unknown> }).loaded = new Map<string, unknown>([
        ["name", s.name],
        ["id", s.id],
      ]);
    }
    ctx.enqueue(() => (this.resolvedNull = resolve() === null));
  }
  protected target() {
    return this.resolve();
  }
  protected read(prop: string) {
    const s = this.resolve();
    if (!s) return undefined;
    return (s as unknown as Record<string, unknown>)[prop];
  }
  private sheet(): Sheet {
    const s = this.resolve();
    if (!s) throw new Error("ItemNotFound: the worksheet does not exist (a null object was used).");
    return s;
  }
  get isNullObject(): boolean {
    if (this.resolvedNull === undefined) throw new Error("PropertyNotLoaded: isNullObject was read before context.sync().");
    return this.resolvedNull;
  }
  get name(): string {
    return this.get("name") as string;
  }
  get id(): string {
    return this.get("id") as string;
  }
  get tables() {
    return new TableCollection(this.ctx, () => this.sheet());
  }
  get charts() {
    return new ChartCollection(this.ctx, () => this.sheet());
  }
  get freezePanes() {
    const set = (f: { rows: number; columns: number } | null) => this.ctx.enqueue(() => (this.sheet().freeze = f));
    return {
      unfreeze: () => set(null),
      freezeRows: (n: number) => set({ rows: n, columns: 0 }),
      freezeColumns: (n: number) => set({ rows: 0, columns: n }),
      freezeAt: (r: RangeProxy) => this.ctx.enqueue(() => {
        const g = r.geometry();
        this.sheet().freeze = { rows: g.height, columns: g.width };
      }),
    };
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.sheet(), ...(address ? parseAddress(address) : { row: 0, col: 0, height: 1_048_576, width: 16_384 }) }));
  }
  getRangeByIndexes(row: number, col: number, height: number, width: number): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.sheet(), row, col, height, width }));
  }
  getUsedRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.sheet();
      if (s.cells.size === 0) return null;
      const pos = [...s.cells.keys()].map((k) => k.split(",").map(Number));
      const r = Math.max(...pos.map((p) => p[0]));
      const c = Math.max(...pos.map((p) => p[1]));
      return { sheet: s, row: 0, col: 0, height: r + 1, width: c + 1 };
    });
  }
  activate(): void {
    this.ctx.enqueue(() => this.sheet());
  }
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
  protected target() {
    return this.resolve();
  }
  protected read(prop: string) {
    const g = this.geometry();
    if (prop === "values") return this.ctx.state.values(g.sheet, g.row, g.col, g.height, g.width);
    // Formulas are stored as their text, so a formula cell's "value" is its formula here.
    if (prop === "formulas") return this.ctx.state.values(g.sheet, g.row, g.col, g.height, g.width);
    if (prop === "address") return `${g.sheet.name}!${colLetters(g.col)}${g.row + 1}${g.height * g.width > 1 ? `:${colLetters(g.col + g.width - 1)}${g.row + g.height}` : ""}`;
    if (prop === "rowCount") return g.height;
    throw new Error(`unknown property ${prop}`);
  }
  get isNullObject(): boolean {
    if (this.resolvedNull === undefined) throw new Error("PropertyNotLoaded: isNullObject was read before context.sync().");
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
  private check(rows: readonly (readonly unknown[])[], what: string, g: Geometry) {
    if (rows.length !== g.height || rows.some((r) => r.length !== g.width)) throw new Error(`InvalidArgument: ${what} is ${rows.length}x${rows[0]?.length} for a ${g.height}x${g.width} range.`);
  }
  set formulas(rows: unknown[][]) {
    this.ctx.formulaWrites.push(rows.length * (rows[0]?.length ?? 0));
    this.ctx.enqueue(() => {
      const g = this.geometry();
      this.check(rows, "formulas", g);
      this.ctx.state.setValues(g.sheet, g.row, g.col, rows);
    });
  }
  set numberFormat(rows: string[][]) {
    this.ctx.enqueue(() => {
      const g = this.geometry();
      this.check(rows, "numberFormat", g);
      rows.forEach((r, i) => r.forEach((f, j) => g.sheet.formats.set(key(g.row + i, g.col + j), f)));
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
      this.ctx.state.selection = { sheet: g.sheet, address: `${colLetters(g.col)}${g.row + 1}:${colLetters(g.col + g.width - 1)}${g.row + g.height}` };
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
  protected target() {
    return this.resolve();
  }
  protected read(prop: string) {
    const t = this.table();
    if (prop === "name") return t.name;
    if (prop === "worksheet/name") return t.sheet.name;
    throw new Error(`unknown property ${prop}`);
  }
  get isNullObject(): boolean {
    if (this.resolvedNull === undefined) throw new Error("PropertyNotLoaded: isNullObject was read before context.sync().");
    return this.resolvedNull;
  }
  get name(): string {
    return this.get("name") as string;
  }
  set name(value: string) {
    this.ctx.enqueue(() => (this.table().name = value));
  }
  get worksheet(): { name: string } {
    return { name: this.get("worksheet/name") as string };
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
  protected target() {
    return this.ctx.state.tables;
  }
  protected read(prop: string) {
    const s = this.sheet?.();
    const tables = this.ctx.state.tables.filter((t) => !s || t.sheet === s);
    if (prop.startsWith("items")) {
      return tables.map((t) => {
        const p = new TableProxy(this.ctx, () => (this.ctx.state.tables.includes(t) ? t : null));
        (p as unknown as { loaded: Map<string, unknown> }).loaded = new Map<string, unknown>([
          ["name", t.name],
          ["worksheet/name", t.sheet.name],
        ]);
        return p;
      });
    }
    throw new Error(`unknown property ${prop}`);
  }
  get items(): TableProxy[] {
    return this.get("items/name") as TableProxy[];
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.ctx, () => this.ctx.state.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null).watchNull();
  }
  add(range: RangeProxy, hasHeaders: boolean): TableProxy {
    let created: Table | null = null;
    this.ctx.enqueue(() => {
      if (!hasHeaders) throw new Error("the fake only models tables with headers");
      const g = range.geometry();
      created = { name: this.ctx.state.newId("Table"), sheet: g.sheet, row: g.row, col: g.col, height: g.height, width: g.width };
      this.ctx.state.tables.push(created);
    });
    return new TableProxy(this.ctx, () => created);
  }
}

class ChartCollection extends Proxy {
  constructor(
    ctx: Context,
    private readonly sheet: () => Sheet,
  ) {
    super(ctx);
  }
  protected target() {
    return this.sheet().charts;
  }
  protected read(prop: string) {
    if (prop.startsWith("items")) {
      return this.sheet().charts.map((c) => ({ name: c.name, delete: () => this.ctx.enqueue(() => (this.sheet().charts = this.sheet().charts.filter((x) => x !== c))) }));
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

class NameCollection extends Proxy {
  protected target() {
    return this.ctx.state.names;
  }
  protected read(prop: string) {
    if (prop.startsWith("items")) return [...this.ctx.state.names.keys()].map((n) => ({ name: n, delete: () => this.ctx.enqueue(() => this.ctx.state.names.delete(n)) }));
    throw new Error(`unknown property ${prop}`);
  }
  get items(): { name: string; delete(): void }[] {
    return this.get("items/name") as { name: string; delete(): void }[];
  }
  add(name: string, range: RangeProxy): void {
    this.ctx.enqueue(() => {
      if (this.ctx.state.names.has(name)) throw new Error(`ItemAlreadyExists: name ${name}`);
      const g = range.geometry();
      this.ctx.state.names.set(name, { sheet: g.sheet, address: `${colLetters(g.col)}${g.row + 1}` });
    });
  }
}

class PartCollection {
  constructor(private readonly ctx: Context) {}
  getByNamespace(ns: string) {
    return new PartScopedCollection(this.ctx, ns);
  }
  add(xml: string): void {
    const ns = /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "";
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
  protected target() {
    return this.ctx.state.parts;
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
          this.ctx.enqueue(() => Object.defineProperty(result, "value", { value: p.xml }));
          return result;
        },
        setXml: (xml: string) => this.ctx.enqueue(() => (p.xml = xml)),
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
  return { state, run, contexts, last: () => contexts[contexts.length - 1] };
}
