import { columnLetter, parseCell, parseRange, splitSheetAddress } from "./a1";
import { isAddInName, refuseClashes, resolveTargets } from "./writeRefusals";
import { ActiveCell, RunLock, SheetInfo, TableData, TableInfo, WorkbookHost, WriteReport } from "./host";
import { inWords } from "./officeErrors";
import {
  Fingerprint,
  keptName,
  markerFormula,
  markerToken,
  matchOwned,
  newToken,
  OWNER_MARKER,
  OwnedSheet,
} from "./ownership";
import { batches, payloadBytes, planBlock, RangeWrite, rowsPerRead, SAFE_REQUEST_BYTES } from "./payload";
import {
  findDoc,
  OWNED_SHEETS_KEY,
  ownedRecords,
  PartReading,
  readPart,
  settingsToXml,
  SETTINGS_NAMESPACE,
} from "./settingsXml";
import { checkSheetSpec, ChartSpec, SheetSpec, TableSpec } from "./sheetSpec";

/** The part of the Office.js API ExcelHost needs: Excel.run, injectable for tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const CHART_TYPES: Record<ChartSpec["type"], string> = { column: "ColumnClustered", bar: "BarClustered", line: "Line" };

/**
 * What ExcelHost needs of Office.js besides Excel.run to listen to workbook events: which
 * ExcelApi requirement sets the host supports, and how to run a batch in an earlier run's
 * context (Office.js removes an event handler in the context that added it). Injectable for tests.
 */
export interface ExcelEvents {
  /** True when the Office host supports ExcelApi at this version ("1.9"). */
  supports(version: string): boolean;
  /** Runs `batch` in `context`, as Excel.run(context, batch) does. */
  runIn<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** Office.js itself; outside Office (no `Office` global) no event is supported. */
const OFFICE_EVENTS: ExcelEvents = {
  supports: (version) =>
    typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true,
  runIn: (context, batch) => Excel.run(context, batch),
};

/**
 * The events after which the workbook's tables may have changed, with the ExcelApi set each
 * needs. Excel has no event for a table renamed or resized from its Table Design tab; a resize by
 * typing below a table, a header edited or rows inserted raise the tables' onChanged. Whether
 * deleting a sheet raises onDeleted for its tables is not documented, hence the sheets' events.
 */
const TABLE_EVENTS = [
  { of: "tables", event: "onAdded", set: "1.9" },
  { of: "tables", event: "onDeleted", set: "1.9" },
  { of: "tables", event: "onChanged", set: "1.7" },
  { of: "worksheets", event: "onAdded", set: "1.7" },
  { of: "worksheets", event: "onDeleted", set: "1.7" },
  { of: "worksheets", event: "onNameChanged", set: "1.17" },
] as const;

/** Prefix of the hidden sheet a write is built on before it is swapped in. */
const STAGING_PREFIX = "cp~";

/** The add-in runs in one runtime per workbook: one lock for every ExcelHost in it. */
const WORKBOOK_LOCK = new RunLock();

interface Part {
  part: Excel.CustomXmlPart;
  xml: string;
  reading: PartReading;
}

/** The workbook's sheets with their markers, the settings parts, and which sheets are owned. */
interface Ownership {
  sheets: { ws: Excel.Worksheet; id: string; name: string; marker: string | null; hidden: boolean }[];
  parts: Part[];
  records: OwnedSheet[];
  owned: Map<string, OwnedSheet>;
}

/** What a failed write must put back. */
interface Before {
  /** Set once the write starts changing the workbook: before that there is nothing to put back. */
  started: boolean;
  /** The staging sheets' names and, once known, ids. */
  staging: string[];
  stagingIds: string[];
  /** The sheets being replaced, as they were. */
  sheets: { id: string; name: string; marker: string | null }[];
  tables: { id: string; name: string }[];
  names: { name: string; formula: string }[];
  parts: { id: string; xml: string | null }[];
}

/** True for Excel's refusal of a request or response over its size limit. */
const isSizeLimit = (err: unknown) =>
  /PayloadSizeLimitExceeded/i.test(`${(err as { code?: string }).code ?? ""} ${(err as Error).message ?? ""}`);

/**
 * WorkbookHost on Office.js. Reads and writes are split into requests below Excel on the web's
 * 5 MB limit, measured on the serialised payload, so the number of syncs grows with the bytes,
 * not the rows. Writes are atomic: a sheet is built on a hidden staging sheet and swapped in,
 * with its ownership record, in one final request; any failure puts the workbook back.
 */
export class ExcelHost implements WorkbookHost {
  /** Excel.run with Excel's errors turned into sentences that say what to do (officeErrors.ts). */
  private readonly run: ExcelRun;

  constructor(
    run: ExcelRun = (batch) => Excel.run(batch),
    private readonly now: () => Date = () => new Date(),
    private readonly lock: RunLock = WORKBOOK_LOCK,
    private readonly events: ExcelEvents = OFFICE_EVENTS,
  ) {
    this.run = (batch) => inWords(() => run(batch));
  }

  /** Runs a whole tool run or save alone: another started meanwhile is refused. */
  exclusive<T>(what: string, task: () => Promise<T>): Promise<T> {
    return this.lock.exclusive(what, task);
  }

  /** Tables with their sheets, headers and sizes: two syncs. */
  async listTables(): Promise<TableInfo[]> {
    return this.run(async (context) => {
      const tables = context.workbook.tables.load("items/name,items/worksheet/name");
      await context.sync();
      const parts = tables.items.map((t) => ({
        t,
        header: t.getHeaderRowRange().load("values"),
        body: t.getDataBodyRange().load("rowCount"),
        range: t.getRange().load("address"),
      }));
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

  /**
   * Calls `listener` when the workbook's tables change (added, deleted, headers or size changed,
   * their sheet renamed or deleted), by the user or the add-in: on each Office.js event that may
   * mean it (see TABLE_EVENTS; those of requirement sets the host lacks are not registered), the
   * tables are read again and compared with the last reading, so an edit inside a table's rows
   * calls nothing. Readings run one at a time; events meanwhile make one more reading.
   * The first reading comes before the handlers are added, and one more after: a change in
   * between is seen too.
   */
  onTablesChanged(listener: () => void): () => void {
    const events = TABLE_EVENTS.filter((e) => this.events.supports(e.set));
    if (events.length === 0) return () => undefined;
    let last: string | null = null;
    let stopped = false;
    let reading: Promise<void> | null = null;
    let again = false;
    const read = async () => {
      do {
        again = false;
        const now = tablesSignature(await this.listTables());
        if (last !== null && now !== last && !stopped) listener();
        last = now;
      } while (again && !stopped);
    };
    const check = () => {
      if (stopped) return;
      if (reading) {
        again = true;
        return;
      }
      reading = read()
        .catch(() => undefined)
        .finally(() => (reading = null));
    };
    const register = () =>
      this.run(async (context) => {
        const added = events.map((e) => {
          const collection = context.workbook[e.of] as unknown as Record<
            string,
            OfficeExtension.EventHandlers<unknown>
          >;
          return collection[e.event].add(async () => check());
        });
        await context.sync();
        return { context, added };
      });
    const handlers = this.listTables().then((tables) => {
      last = tablesSignature(tables);
      return register();
    });
    handlers.then(check, () => undefined);
    return () => {
      stopped = true;
      handlers.then(
        ({ context, added }) =>
          this.events
            .runIn(context, async (c) => {
              for (const h of added) h.remove();
              await c.sync();
            })
            .catch(() => undefined),
        () => undefined,
      );
    };
  }

  /** Sheets, used ranges and ownership: three syncs. */
  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) => {
      const own = await this.ownership(context);
      const used = own.sheets.map((s) => s.ws.getUsedRangeOrNullObject(true).load("address"));
      await context.sync();
      return own.sheets
        .filter((s) => !s.name.startsWith(STAGING_PREFIX))
        .map((s) => ({
          name: s.name,
          usedRange: used[own.sheets.indexOf(s)].isNullObject
            ? null
            : splitSheetAddress(used[own.sheets.indexOf(s)].address).address,
          owned: own.owned.has(s.id),
        }));
    });
  }

  /** A table's headers and rows: two syncs, then one per chunk of rows. */
  async readTable(name: string): Promise<TableData> {
    return this.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(name);
      await context.sync();
      if (table.isNullObject) throw new Error(`There is no table named "${name}".`);
      const header = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("rowCount,columnCount");
      await context.sync();
      const rows = await readChunked(
        context,
        (r, h) => body.getCell(r, 0).getResizedRange(h - 1, body.columnCount - 1),
        body.rowCount,
        body.columnCount,
        "values",
      );
      return { source: name, headers: header.values[0].map(String), rows };
    });
  }

  /** The selection's used part, its first row as headers: two syncs, then one per chunk of rows. */
  async readSelection(): Promise<TableData> {
    return this.run(async (context) => {
      const selected = context.workbook.getSelectedRange().load("address");
      const used = selected.worksheet.getUsedRangeOrNullObject(true);
      await context.sync();
      const area = used.isNullObject
        ? null
        : selected.getIntersectionOrNullObject(used).load("address,rowCount,columnCount");
      await context.sync();
      if (!area || area.isNullObject)
        throw new Error(`The selection ${selected.address} holds no data. Select a range with a header row first.`);
      const values = await readChunked(
        context,
        (r, h) => area.getCell(r, 0).getResizedRange(h - 1, area.columnCount - 1),
        area.rowCount,
        area.columnCount,
        "values",
      );
      return { source: area.address, headers: values[0].map(String), rows: values.slice(1) };
    });
  }

  /** True when the sheet exists and is recorded (and marked) as the add-in's own: two syncs. */
  async isOwned(sheet: string): Promise<boolean> {
    return this.run(async (context) => {
      const own = await this.ownership(context);
      const s = own.sheets.find((x) => x.name.toLowerCase() === sheet.toLowerCase());
      return s !== undefined && own.owned.has(s.id);
    });
  }

  /**
   * Writes a sheet the add-in owns, atomically. Everything is planned first; then the workbook
   * is read (sheets, markers, tables, names, settings), the request refused if it needs anything
   * of the user's, the sheet built on a hidden staging sheet in requests below the size limit,
   * and swapped in with its ownership record in one request. A failure at any point puts back
   * what was changed.
   */
  async writeSheet(spec: SheetSpec): Promise<WriteReport> {
    return (await this.writeSheets([spec]))[0];
  }

  /**
   * Writes several sheets as one: all are staged, then swapped in together in one request, so
   * sheets whose formulas refer to each other's tables never see the other's old version go.
   */
  async writeSheets(specs: readonly SheetSpec[]): Promise<WriteReport[]> {
    specs.forEach(checkSheetSpec);
    const names = specs.map((s) => s.name.toLowerCase());
    if (new Set(names).size !== names.length) throw new Error("The same sheet is written twice in one run.");
    const writes = specs.map(planSheet);
    return this.lock.operation(`writing ${specs.map((s) => s.name).join(", ")}`, async () => {
      const token = newToken();
      const before: Before = {
        started: false,
        staging: specs.map((_, i) => `${STAGING_PREFIX}${token}${i}`),
        stagingIds: [],
        sheets: [],
        tables: [],
        names: [],
        parts: [],
      };
      try {
        return await this.run((context) => this.writeStaged(context, specs, writes, token, before));
      } catch (err) {
        if (!before.started) throw err;
        try {
          await this.run((context) => restore(context, before));
        } catch (restoreErr) {
          throw new Error(
            `Writing ${specs.map((s) => `"${s.name}"`).join(", ")} failed (${(err as Error).message}) and so did putting the workbook back (${(restoreErr as Error).message}). ` +
              `Delete the hidden sheets whose names start with "${STAGING_PREFIX}" if they are there, and check the sheet names.`,
          );
        }
        throw err;
      }
    });
  }

  private async writeStaged(
    context: Excel.RequestContext,
    specs: readonly SheetSpec[],
    writes: readonly StagedWrites[],
    token: string,
    before: Before,
  ): Promise<WriteReport[]> {
    const wb = context.workbook;
    const tables = wb.tables.load("items/name,items/id,items/worksheet/name,items/worksheet/id");
    const names = wb.names.load("items/name,items/formula");
    const own = await this.ownership(context);
    const targets = resolveTargets(specs, own.sheets, (id) => own.owned.get(id));
    const replaced = new Set(targets.flatMap((t) => (t.existing ? [t.existing.id] : [])));
    // A staging sheet left by a write that never finished (the add-in closed mid-way): hidden,
    // carrying the marker, owned by no record. It is removed, and its tables do not clash.
    const leftovers = own.sheets.filter(
      (s) => s.name.startsWith(STAGING_PREFIX) && s.hidden && s.marker !== null && !own.owned.has(s.id),
    );
    refuseClashes(targets, {
      tables: tables.items.map((t) => ({ name: t.name, sheetName: t.worksheet.name, sheetId: t.worksheet.id })),
      names: names.items.map((n) => ({ name: n.name, reference: n.formula })),
      leftovers: new Set(leftovers.map((s) => s.id)),
    });

    const oldTables = tables.items.filter((t) => replaced.has(t.worksheet.id));
    before.sheets = targets.flatMap(({ existing }) =>
      existing ? [{ id: existing.id, name: existing.name, marker: existing.marker }] : [],
    );
    before.tables = oldTables.map((t) => ({ id: t.id, name: t.name }));
    before.names = names.items.map((n) => ({ name: n.name, formula: n.formula }));
    before.parts = own.parts.map((p) => ({ id: p.part.id, xml: p.xml }));

    // Was a previous version edited by hand? Its formulas against the fingerprint recorded.
    const edited: boolean[] = [];
    for (const { existing, record } of targets)
      edited.push(!!existing && !!record?.hash && (await fingerprint(context, existing.ws)) !== record.hash);

    before.started = true;
    for (const s of leftovers) s.ws.delete();
    // Stage: old tables step aside (their names are needed), the new sheets are built hidden.
    oldTables.forEach((t, i) => (t.name = `${t.name.slice(0, 200)}_cpold${i}_${token}`));
    const staging = targets.map(({ spec }, i) => {
      const sheet = wb.worksheets.add(before.staging[i]);
      sheet.visibility = "Hidden" as Excel.SheetVisibility;
      sheet.names.add(
        OWNER_MARKER,
        markerFormula(`${token}${i}`),
        "Comp Planner: this sheet was generated by the add-in. Do not edit this name.",
      );
      sheet.load("id");
      for (const w of writes[i].headers) queueWrite(sheet, w);
      for (const t of spec.tables) {
        const a = parseCell(t.anchor);
        const table = sheet.tables.add(
          sheet.getRangeByIndexes(a.row, a.col, t.rows.length + 1, t.headers.length),
          true,
        );
        table.name = t.name;
      }
      for (const c of spec.cells ?? []) if (c.bold) sheet.getRange(c.address).format.font.bold = true;
      for (const [col, width] of Object.entries(spec.columnWidths ?? {}))
        sheet.getRange(`${col}:${col}`).format.columnWidth = width;
      if (spec.freeze) freeze(sheet, spec.freeze.rows, spec.freeze.columns);
      for (const chart of spec.charts ?? []) addChart(sheet, chart, spec.tables);
      return sheet;
    });
    await context.sync();
    before.stagingIds = staging.map((s) => s.id);
    for (const batch of batches(writes.flatMap((w, i) => w.body.map((x) => ({ ...x, sheet: i }))))) {
      context.application.suspendApiCalculationUntilNextSync();
      for (const w of batch) queueWrite(staging[w.sheet], w);
      // One request per batch of at most SAFE_REQUEST_BYTES: syncs grow with the bytes, not the rows.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
    const hashes: string[] = [];
    for (const sheet of staging) hashes.push(await fingerprint(context, sheet));

    // Swap, in one request: the old sheets step aside, the new ones take their names, the names
    // move to them, ownership is recorded; the old sheets go last (kept if edited).
    const taken = new Set(own.sheets.map((s) => s.name.toLowerCase()));
    const keptAs = targets.map(({ spec, existing }, i) => {
      if (!existing || !edited[i]) return null;
      const name = keptName(spec.name, (n) => taken.has(n.toLowerCase()));
      taken.add(name.toLowerCase());
      return name;
    });
    targets.forEach(({ existing }, i) => existing && (existing.ws.name = `${STAGING_PREFIX}old${token}${i}`));
    targets.forEach(({ spec }, i) => {
      staging[i].name = spec.name;
      staging[i].visibility = "Visible" as Excel.SheetVisibility;
    });
    for (const n of names.items) if (isAddInName(targets, { name: n.name, reference: n.formula })) n.delete();
    targets.forEach(({ spec }, i) => {
      for (const n of spec.namedRanges ?? []) wb.names.add(n.name, staging[i].getRange(n.address));
    });
    const records = own.records.filter((r) => !targets.some((t) => t.record === r));
    targets.forEach(({ spec }, i) =>
      records.push({
        name: spec.name,
        id: before.stagingIds[i],
        token: `${token}${i}`,
        hash: hashes[i],
        names: (spec.namedRanges ?? []).map((n) => n.name),
      }),
    );
    this.queueSettingsWrite(context, own.parts, OWNED_SHEETS_KEY, records);
    targets.forEach(({ existing }, i) => {
      if (!existing) return;
      if (keptAs[i]) {
        existing.ws.names.getItem(OWNER_MARKER).delete();
        existing.ws.name = keptAs[i]!;
      } else existing.ws.delete();
    });
    await context.sync();
    return targets.map(({ spec }, i) => ({
      sheet: spec.name,
      keptAs: keptAs[i],
      message: keptAs[i]
        ? `"${spec.name}" had been edited by hand since Comp Planner wrote it: that version is kept as "${keptAs[i]}" (now an ordinary sheet of yours), and "${spec.name}" holds the new result.`
        : null,
    }));
  }

  /** A settings document: two syncs. An unreadable part is ignored (see settingsProblems). */
  async readSettings(key: string): Promise<unknown | null> {
    return this.run(async (context) => {
      const parts = await this.readParts(context);
      return (
        findDoc(
          parts.map((p) => p.reading),
          key,
        )?.doc.value ?? null
      );
    });
  }

  /** Why each unreadable settings part could not be read, naming it: two syncs. */
  async settingsProblems(): Promise<string[]> {
    return this.run(async (context) =>
      (await this.readParts(context)).flatMap((p) => (p.reading.problem ? [p.reading.problem] : [])),
    );
  }

  /** Stores a settings document in a custom XML part: three syncs. */
  async writeSettings(key: string, value: unknown): Promise<void> {
    await this.lock.operation(`saving ${key}`, () =>
      this.run(async (context) => {
        this.queueSettingsWrite(context, await this.readParts(context), key, value);
        await context.sync();
      }),
    );
  }

  /** The active cell's address, formula and value: one sync. */
  async activeCell(): Promise<ActiveCell> {
    return this.run(async (context) => {
      const cell = context.workbook.getActiveCell().load("address,formulas,values");
      await context.sync();
      const { sheet, address } = splitSheetAddress(cell.address);
      const formula = cell.formulas[0][0];
      const value = cell.values[0][0];
      // A text cell holding "=..." has no formula: its formula and value are the same text.
      const isText = typeof value === "string" && value === formula;
      return {
        sheet: sheet ?? "",
        address,
        formula: typeof formula === "string" && formula.startsWith("=") && !isText ? formula : null,
        value,
      };
    });
  }

  /** A range's values: one sync per chunk of rows. */
  async readRange(sheet: string, address: string): Promise<unknown[][]> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const plain = address.replace(/\$/g, "");
      if (!/^[A-Z]+\d+(:[A-Z]+\d+)?$/i.test(plain)) {
        // Whole columns or rows ("A:A", "3:5"): read as Excel answers, in one response.
        const whole = ws.getRange(address).load("values");
        await context.sync();
        return whole.values;
      }
      const r = parseRange(plain);
      const width = r.end.col - r.start.col + 1;
      return readChunked(
        context,
        (at, h) => ws.getRangeByIndexes(r.start.row + at, r.start.col, h, width),
        r.end.row - r.start.row + 1,
        width,
        "values",
      );
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

  /** Sheets with their markers, and the settings parts read: two syncs (plus any queued before). */
  private async ownership(context: Excel.RequestContext): Promise<Ownership> {
    const sheets = context.workbook.worksheets.load("items/name,items/id,items/visibility");
    const partList = context.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE).load("items/id");
    await context.sync();
    const markers = sheets.items.map((s) => s.names.getItemOrNullObject(OWNER_MARKER).load("formula"));
    const xml = partList.items.map((part) => ({ part, xml: part.getXml() }));
    await context.sync();
    const parts = xml.flatMap(({ part, xml: x }) => {
      const reading = readPart(part.id, x.value);
      return reading ? [{ part, xml: x.value, reading }] : [];
    });
    const list = sheets.items.map((ws, i) => ({
      ws,
      id: ws.id,
      name: ws.name,
      marker: markers[i].isNullObject ? null : markerToken(markers[i].formula),
      hidden: ws.visibility !== "Visible",
    }));
    const records = ownedRecords(parts.map((p) => p.reading));
    return { sheets: list, parts, records, owned: matchOwned(records, list) };
  }

  /** Reads every Comp Planner settings part: two syncs. */
  private async readParts(context: Excel.RequestContext): Promise<Part[]> {
    const partList = context.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE).load("items/id");
    await context.sync();
    const raw = partList.items.map((part) => ({ part, xml: part.getXml() }));
    await context.sync();
    return raw.flatMap(({ part, xml }) => {
      const reading = readPart(part.id, xml.value);
      return reading ? [{ part, xml: xml.value, reading }] : [];
    });
  }

  /** Queues the write of a settings document (replacing the key's readable part), without syncing. */
  private queueSettingsWrite(context: Excel.RequestContext, parts: readonly Part[], key: string, value: unknown): void {
    const found = findDoc(
      parts.map((p) => p.reading),
      key,
    );
    const xml = settingsToXml({
      key,
      revision: (found?.doc.revision ?? 0) + 1,
      savedAt: this.now().toISOString(),
      value,
    });
    if (payloadBytes(xml) > SAFE_REQUEST_BYTES)
      throw new Error(`The settings "${key}" are too large to store in the workbook (${payloadBytes(xml)} bytes).`);
    const part = found ? parts.find((p) => p.reading === found)?.part : undefined;
    if (part) part.setXml(xml);
    else context.workbook.customXmlParts.add(xml);
  }
}

/** A SheetSpec's cell writes, planned before the workbook is touched. */
interface StagedWrites {
  /** Header rows: written before the tables are made over them. */
  headers: RangeWrite[];
  /** Table bodies and loose cells, in order. */
  body: RangeWrite[];
}

/** Plans every cell write of a sheet: values as values, formulas as formulas, formats, in chunks. */
export function planSheet(spec: SheetSpec): StagedWrites {
  const headers: RangeWrite[] = [];
  const body: RangeWrite[] = [];
  for (const t of spec.tables) {
    const a = parseCell(t.anchor);
    headers.push(...planBlock(a.row, a.col, [t.headers]));
    if (t.rows.length > 0) body.push(...planBlock(a.row + 1, a.col, t.rows, columnFormats(t)));
  }
  for (const c of spec.cells ?? []) {
    const a = parseCell(c.address);
    body.push(...planBlock(a.row, a.col, [[c.value]], [c.numberFormat ?? null]));
  }
  return { headers, body };
}

function columnFormats(t: TableSpec): (string | null)[] {
  return t.headers.map((h) => t.numberFormats?.[h] ?? null);
}

function queueWrite(sheet: Excel.Worksheet, w: RangeWrite): void {
  const range = sheet.getRangeByIndexes(w.row, w.col, w.data.length, w.data[0].length);
  if (w.kind === "numberFormat") range.numberFormat = w.data as string[][];
  else if (w.kind === "formulas") range.formulas = w.data as string[][];
  else range.values = w.data as (string | number | boolean)[][];
}

/**
 * Reads `rows` rows of a range in requests whose responses stay under the size limit: the first
 * read is sized from the column count, the next from the bytes per row seen so far; a response
 * Excel still refuses as too large is retried in halves.
 */
async function readChunked(
  context: Excel.RequestContext,
  rangeAt: (row: number, height: number) => Excel.Range,
  rows: number,
  columns: number,
  prop: "values" | "formulas",
): Promise<unknown[][]> {
  const out: unknown[][] = [];
  let per = rowsPerRead(columns * 32);
  let widest = 0;
  for (let at = 0; at < rows;) {
    const height = Math.min(per, rows - at);
    const range = rangeAt(at, height).load(prop);
    try {
      // One response per chunk sized to stay under the limit: syncs grow with the bytes, not the rows.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (err) {
      if (!isSizeLimit(err) || height === 1) throw err;
      per = Math.max(1, Math.floor(height / 2));
      continue;
    }
    const data = range[prop] as unknown[][];
    for (const row of data) out.push(row);
    widest = Math.max(widest, payloadBytes(data) / height);
    per = rowsPerRead(widest);
    at += height;
  }
  return out;
}

/** The fingerprint of a sheet's formulas over its used range (chunked reads). */
async function fingerprint(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<string> {
  const used = sheet.getUsedRangeOrNullObject(false).load("address,rowCount,columnCount");
  await context.sync();
  const f = new Fingerprint();
  if (used.isNullObject) return f.hex();
  f.add(splitSheetAddress(used.address).address);
  const formulas = await readChunked(
    context,
    (r, h) => used.getCell(r, 0).getResizedRange(h - 1, used.columnCount - 1),
    used.rowCount,
    used.columnCount,
    "formulas",
  );
  for (const row of formulas) f.add(row);
  return f.hex();
}

/**
 * Puts back what a failed write changed: removes the staging sheet, gives the old sheet and its
 * tables their names back, restores the workbook names and the ownership part. Idempotent: it
 * compares with what it finds, so it works whatever step the write failed at.
 */
async function restore(context: Excel.RequestContext, before: Before): Promise<void> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name,items/id");
  const tables = wb.tables.load("items/name,items/id");
  const parts = wb.customXmlParts.getByNamespace(SETTINGS_NAMESPACE).load("items/id");
  await context.sync();
  const old = before.sheets.flatMap((b) => {
    const ws = sheets.items.find((s) => s.id === b.id);
    return ws ? [{ b, ws, marker: ws.names.getItemOrNullObject(OWNER_MARKER).load("formula") }] : [];
  });
  await context.sync();

  for (const s of sheets.items) if (before.stagingIds.includes(s.id) || before.staging.includes(s.name)) s.delete();
  for (const { b, ws, marker } of old) {
    if (ws.name !== b.name) ws.name = b.name;
    if (b.marker && marker.isNullObject) ws.names.add(OWNER_MARKER, markerFormula(b.marker));
  }
  for (const t of before.tables) {
    const now = tables.items.find((x) => x.id === t.id);
    if (now && now.name !== t.name) now.name = t.name;
  }
  for (const p of parts.items) {
    const was = before.parts.find((b) => b.id === p.id);
    if (!was) p.delete();
    else if (was.xml !== null) p.setXml(was.xml);
  }
  await context.sync();

  // Names last: once the staging sheet is gone, a name that pointed at it shows #REF! and differs.
  const names = wb.names.load("items/name,items/formula");
  await context.sync();
  for (const n of names.items) {
    const was = before.names.find((b) => b.name === n.name);
    if (!was || was.formula !== n.formula) n.delete();
  }
  for (const b of before.names) {
    const now = names.items.find((n) => n.name === b.name);
    if (!now || now.formula !== b.formula) wb.names.add(b.name, b.formula);
  }
  await context.sync();
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
  chart.setPosition(
    `${columnLetter(anchor.col)}${anchor.row + 1}`,
    `${columnLetter(anchor.col + 7)}${anchor.row + 16}`,
  );
}

/**
 * The tables as the pane's lists show them, as one comparable text; tables on a staging sheet
 * (a write under way) are left out, so a write is seen once, when its sheet is swapped in.
 */
function tablesSignature(tables: readonly TableInfo[]): string {
  return JSON.stringify(
    tables
      .filter((t) => !t.sheet.startsWith(STAGING_PREFIX))
      .map((t) => [t.name, t.sheet, t.address, t.rowCount, t.headers]),
  );
}
