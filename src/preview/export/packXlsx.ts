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

/** A request to the packing worker. */
export interface PackRequest {
  readonly id: number;
  readonly snapshot: XlsxSnapshot;
}

/** The packing worker's answer: the file's bytes, or why there are none. */
export type PackResponse =
  { readonly id: number; readonly bytes: Uint8Array } | { readonly id: number; readonly error: string };

/** The worker's side: packs each request and posts the bytes back (transferred, not copied). */
export function handlePackRequests(
  post: (message: PackResponse, transfer: Transferable[]) => void,
): (request: PackRequest) => Promise<void> {
  return async ({ id, snapshot }) => {
    try {
      const bytes = await packXlsx(snapshot);
      post({ id, bytes }, [bytes.buffer]);
    } catch (e) {
      post({ id, error: (e as Error).message }, []);
    }
  };
}

/**
 * The page's side: one worker made by `makeWorker`, answering requests by id. The snapshot is
 * structured-cloned by postMessage, which is all the page's thread spends on the packing.
 */
export function workerPacker(makeWorker: () => Worker): (snapshot: XlsxSnapshot) => Promise<Uint8Array> {
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
  return (snapshot) =>
    new Promise((resolve, reject) => {
      worker ??= start();
      const id = next++;
      pending.set(id, { resolve, reject });
      try {
        worker.postMessage({ id, snapshot } satisfies PackRequest);
      } catch (e) {
        pending.delete(id);
        reject(new Error(`The workbook could not be written: ${e instanceof Error ? e.message : String(e)}`));
      }
    });
}
