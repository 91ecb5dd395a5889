/**
 * Packing an .xlsx file from a workbook snapshot (see xlsxSnapshot in writeXlsx.ts): the exceljs
 * workbook, its XML and the zip, the slow part of writing a file, without the engine, so that it
 * runs in a Web Worker.
 */
import ExcelJS from "exceljs";
import { addCustomXmlParts } from "./customXmlParts";

/** A cell's content as exceljs writes it: a value, an error or a formula with its cached result. */
export type FileValue = ExcelJS.CellValue;

/** One cell of a sheet outside its tables' cells: [row, col, content, number format, bold], 0-based. */
export type CellSnapshot = [number, number, FileValue, string | null, boolean];

/** What a file needs of one sheet, in plain data. */
export interface SheetSnapshot {
  readonly name: string;
  readonly freeze: { readonly rows: number; readonly columns: number } | null;
  readonly tables: readonly {
    readonly name: string;
    readonly anchor: string;
    readonly headers: readonly string[];
    readonly rows: FileValue[][];
  }[];
  /** Number formats of table body cells, blank ones included: [row, col, format]. */
  readonly tableFormats: readonly [number, number, string][];
  readonly cells: readonly CellSnapshot[];
  /** Column widths in Excel's characters: [column index, width]. */
  readonly widths: readonly [number, number][];
  /** Notes by anchor cell (where a chart would be). */
  readonly notes: readonly [string, string][];
}

/** A workbook as a file needs it, in plain data (structured-clonable, so it can be posted to a worker). */
export interface XlsxSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  /** Defined names: [name, reference]. */
  readonly names: readonly [string, string][];
  /** The custom XML parts, in order. */
  readonly parts: readonly string[];
}

/** The exceljs workbook of a snapshot. */
export function buildExcelJs(snapshot: XlsxSnapshot): ExcelJS.Workbook {
  const out = new ExcelJS.Workbook();
  out.creator = "Comp Planner preview";
  for (const sheet of snapshot.sheets) {
    const f = sheet.freeze;
    const ws = out.addWorksheet(sheet.name, {
      views: f ? [{ state: "frozen", xSplit: f.columns, ySplit: f.rows }] : [],
    });
    for (const t of sheet.tables)
      ws.addTable({
        name: t.name,
        displayName: t.name,
        ref: t.anchor,
        headerRow: true,
        totalsRow: false,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: t.headers.map((name) => ({ name, filterButton: true })),
        rows: t.rows,
      } as ExcelJS.TableProperties);
    for (const [r, c, fmt] of sheet.tableFormats) ws.getCell(r + 1, c + 1).numFmt = fmt;
    for (const [r, c, value, fmt, bold] of sheet.cells) {
      const target = ws.getCell(r + 1, c + 1);
      if (value !== null) target.value = value;
      if (fmt) target.numFmt = fmt;
      if (bold) target.font = { bold: true };
    }
    for (const [col, width] of sheet.widths) ws.getColumn(col + 1).width = width;
    for (const [anchor, note] of sheet.notes) ws.getCell(anchor).note = note;
  }
  for (const [name, ref] of snapshot.names) out.definedNames.add(ref, name);
  return out;
}

/** The bytes of the .xlsx file of a snapshot. */
export async function packXlsx(snapshot: XlsxSnapshot): Promise<Uint8Array> {
  const buffer = await buildExcelJs(snapshot).xlsx.writeBuffer();
  return addCustomXmlParts(buffer as ArrayBuffer, snapshot.parts);
}

/** Hands the page back until a new task: the pause between two slices of work on the page's thread. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Cells (or formats) per message when a snapshot is posted in parts (see {@link snapshotParts}). */
export const CELLS_PER_PART = 20_000;

/** One piece of a sheet's long lists, posted on its own: a table's rows, the table formats or the other cells. */
export type SnapshotPart =
  | { readonly sheet: number; readonly table: number; readonly rows: FileValue[][] }
  | { readonly sheet: number; readonly tableFormats: [number, number, string][] }
  | { readonly sheet: number; readonly cells: CellSnapshot[] };

/**
 * A snapshot as a skeleton (every sheet with its tables' rows, table formats and cells left
 * empty) and the parts that fill it, each of at most `cellsPerPart` cells: posting them one by
 * one spreads postMessage's structured clone (700 ms in one task for a million cells) over
 * short tasks.
 */
export function snapshotParts(
  snapshot: XlsxSnapshot,
  cellsPerPart = CELLS_PER_PART,
): { skeleton: XlsxSnapshot; parts: SnapshotPart[] } {
  const parts: SnapshotPart[] = [];
  const skeleton: XlsxSnapshot = {
    ...snapshot,
    sheets: snapshot.sheets.map((sheet, s) => {
      sheet.tables.forEach((t, table) => {
        const per = Math.max(1, Math.floor(cellsPerPart / Math.max(1, t.headers.length)));
        for (let i = 0; i < t.rows.length; i += per) parts.push({ sheet: s, table, rows: t.rows.slice(i, i + per) });
      });
      for (let i = 0; i < sheet.tableFormats.length; i += cellsPerPart)
        parts.push({ sheet: s, tableFormats: sheet.tableFormats.slice(i, i + cellsPerPart) });
      for (let i = 0; i < sheet.cells.length; i += cellsPerPart)
        parts.push({ sheet: s, cells: sheet.cells.slice(i, i + cellsPerPart) });
      return { ...sheet, tables: sheet.tables.map((t) => ({ ...t, rows: [] })), tableFormats: [], cells: [] };
    }),
  };
  return { skeleton, parts };
}

/** Adds a part to the skeleton it came from (the worker's side of {@link snapshotParts}), in the order posted. */
export function addPart(skeleton: XlsxSnapshot, part: SnapshotPart): void {
  const sheet = skeleton.sheets[part.sheet] as unknown as {
    tables: { rows: FileValue[][] }[];
    tableFormats: unknown[];
    cells: unknown[];
  };
  if (!sheet) throw new Error(`a part for sheet ${part.sheet + 1}, which the snapshot does not have`);
  if ("rows" in part) {
    const table = sheet.tables[part.table];
    if (!table)
      throw new Error(`a part for table ${part.table + 1} of sheet ${part.sheet + 1}, which it does not have`);
    for (const row of part.rows) table.rows.push(row);
  } else if ("tableFormats" in part) for (const f of part.tableFormats) sheet.tableFormats.push(f);
  else for (const c of part.cells) sheet.cells.push(c);
}

/**
 * A request to the packing worker: a whole snapshot to pack, or a snapshot posted in parts (its
 * skeleton, then each part, then "pack"). Requests of one id arrive in order, as postMessage keeps it.
 */
export type PackRequest =
  | { readonly id: number; readonly snapshot: XlsxSnapshot }
  | { readonly id: number; readonly skeleton: XlsxSnapshot }
  | { readonly id: number; readonly part: SnapshotPart }
  | { readonly id: number; readonly pack: true };

/** The packing worker's answer: the file's bytes, or why there are none. */
export type PackResponse =
  { readonly id: number; readonly bytes: Uint8Array } | { readonly id: number; readonly error: string };

/** Whether a worker message is for the packer (the CSV reader's requests carry a `type`). */
export const isPackRequest = (m: object): m is PackRequest =>
  !("type" in m) && ("snapshot" in m || "skeleton" in m || "part" in m || "pack" in m);

/** The worker's side: packs each request and posts the bytes back (transferred, not copied). */
export function handlePackRequests(
  post: (message: PackResponse, transfer: Transferable[]) => void,
): (request: PackRequest) => Promise<void> {
  const building = new Map<number, XlsxSnapshot>();
  const pack = async (id: number, snapshot: XlsxSnapshot) => {
    try {
      const bytes = await packXlsx(snapshot);
      post({ id, bytes }, [bytes.buffer]);
    } catch (e) {
      post({ id, error: (e as Error).message }, []);
    }
  };
  return async (request) => {
    const { id } = request;
    if ("snapshot" in request) return pack(id, request.snapshot);
    if ("skeleton" in request) return void building.set(id, request.skeleton);
    const skeleton = building.get(id);
    if (!skeleton) return post({ id, error: "the snapshot's first part never arrived" }, []);
    if ("part" in request) {
      try {
        addPart(skeleton, request.part);
      } catch (e) {
        building.delete(id);
        post({ id, error: (e as Error).message }, []);
      }
      return;
    }
    building.delete(id);
    return pack(id, skeleton);
  };
}

/**
 * The page's side: one worker made by `makeWorker`, answering requests by id. The snapshot is
 * posted in parts ({@link snapshotParts}), each structured-cloned by its own postMessage, with
 * `pause` (a new task by default) between them: all the page's thread spends on the packing.
 */
export function workerPacker(
  makeWorker: () => Worker,
  pause: () => Promise<void> = nextTask,
): (snapshot: XlsxSnapshot) => Promise<Uint8Array> {
  let worker: Worker | null = null;
  let next = 1;
  const pending = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
  const start = () => {
    const w = makeWorker();
    w.onmessage = (e: MessageEvent<PackResponse>) => {
      const p = pending.get(e.data.id);
      pending.delete(e.data.id);
      if ("bytes" in e.data) p?.resolve(e.data.bytes);
      else p?.reject(new Error(`The workbook could not be written: ${e.data.error}`));
    };
    w.onerror = (e) => {
      for (const p of pending.values()) p.reject(new Error(`The workbook could not be written: ${e.message}`));
      pending.clear();
      w.terminate();
      worker = null;
    };
    return w;
  };
  return async (snapshot) => {
    worker ??= start();
    const w = worker;
    const id = next++;
    const answer = new Promise<Uint8Array>((resolve, reject) => pending.set(id, { resolve, reject }));
    // The worker may fail while parts are still being posted: the caller hears it when it awaits.
    answer.catch(() => {});
    try {
      const { skeleton, parts } = snapshotParts(snapshot);
      w.postMessage({ id, skeleton } satisfies PackRequest);
      for (const part of parts) {
        await pause();
        if (!pending.has(id)) break; // the worker failed: the answer already says why
        w.postMessage({ id, part } satisfies PackRequest);
      }
      if (pending.has(id)) w.postMessage({ id, pack: true } satisfies PackRequest);
    } catch (e) {
      pending
        .get(id)
        ?.reject(new Error(`The workbook could not be written: ${e instanceof Error ? e.message : String(e)}`));
      pending.delete(id);
    }
    return answer;
  };
}
