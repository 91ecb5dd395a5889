/**
 * An opened CSV file between the dialog and the parser: in a Web Worker in the browser (so a
 * large file never blocks the page, and Cancel ends the worker), in-process in tests.
 */
import { CellValue, CsvImport, ImportError, ImportOptions, ImportPlan } from "./importPlan";

/** What the dialog asks of an opened CSV. */
export interface CsvSession {
  /** Detects the options the file suggests. @throws ImportError for an empty or binary file. */
  open(): Promise<ImportOptions>;
  /** Plans with other options. */
  plan(options: ImportOptions): Promise<ImportPlan>;
  /** The typed cells of a plan. */
  cells(plan: ImportPlan): Promise<CellValue[][]>;
  /** Stops the work and frees the file. */
  cancel(): void;
}

/** Messages to the worker. */
export type WorkerRequest =
  | { readonly id: number; readonly type: "open"; readonly bytes: ArrayBuffer; readonly fileName: string }
  | { readonly id: number; readonly type: "plan"; readonly options: ImportOptions }
  | { readonly id: number; readonly type: "cells"; readonly plan: ImportPlan };

type Unnumbered<T> = T extends unknown ? Omit<T, "id"> : never;

/** Messages from the worker. */
export type WorkerResponse =
  | { readonly id: number; readonly type: "progress"; readonly fraction: number }
  | { readonly id: number; readonly type: "done"; readonly result: unknown }
  | { readonly id: number; readonly type: "error"; readonly message: string; readonly rows: readonly number[] };

/** The worker's side: one CsvImport per worker, answering requests in order. */
export function handleRequests(post: (message: WorkerResponse) => void): (request: WorkerRequest) => void {
  let current: CsvImport | null = null;
  let id = 0;
  return (req) => {
    id = req.id;
    try {
      if (req.type === "open") {
        current = new CsvImport(new Uint8Array(req.bytes), req.fileName, (fraction) =>
          post({ id, type: "progress", fraction }),
        );
        post({ id, type: "done", result: current.detect() });
      } else if (!current) throw new Error("No file is open.");
      else if (req.type === "plan") post({ id, type: "done", result: current.plan(req.options) });
      else post({ id, type: "done", result: current.cells(req.plan) });
    } catch (e) {
      post({ id, type: "error", message: (e as Error).message, rows: e instanceof ImportError ? e.rows : [] });
    }
  };
}

/** A session talking to a worker made by `makeWorker` (the browser's). */
export function workerSession(
  makeWorker: () => Worker,
  bytes: ArrayBuffer,
  fileName: string,
  onProgress: (fraction: number) => void,
): CsvSession {
  const worker = makeWorker();
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
    const msg = e.data;
    if (msg.type === "progress") return onProgress(msg.fraction);
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.type === "done") p?.resolve(msg.result);
    else p?.reject(new ImportError(msg.message, msg.rows));
  };
  worker.onerror = (e) => {
    for (const p of pending.values()) p.reject(new Error(`The file could not be read: ${e.message}`));
    pending.clear();
  };
  const ask = <T>(req: Unnumbered<WorkerRequest>, transfer: Transferable[] = []): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...req, id }, transfer);
    });
  return {
    open: () => ask({ type: "open", bytes, fileName }, [bytes]),
    plan: (options) => ask({ type: "plan", options }),
    cells: (plan) => ask({ type: "cells", plan }),
    cancel: () => {
      worker.terminate();
      for (const p of pending.values()) p.reject(new ImportError("Cancelled."));
      pending.clear();
    },
  };
}

/** A session in the calling thread (tests, and browsers without workers). */
export function localSession(
  bytes: ArrayBuffer,
  fileName: string,
  onProgress: (fraction: number) => void = () => {},
): CsvSession {
  const imp = new CsvImport(new Uint8Array(bytes), fileName, onProgress);
  const run = async <T>(f: () => T): Promise<T> => f();
  return {
    open: () => run(() => imp.detect()),
    plan: (options) => run(() => imp.plan(options)),
    cells: (plan) => run(() => imp.cells(plan)),
    cancel: () => {},
  };
}
