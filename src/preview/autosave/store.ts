/** Where the preview keeps the workbook between visits: one record in the browser's IndexedDB. */

/** A kept workbook: the bytes of its .xlsx file and when they were written. */
export interface SavedWorkbook {
  readonly bytes: Uint8Array;
  /** ISO 8601. */
  readonly savedAt: string;
}

/** Load, save and forget the kept workbook. */
export interface AutosaveStore {
  load(): Promise<SavedWorkbook | null>;
  save(saved: SavedWorkbook): Promise<void>;
  clear(): Promise<void>;
}

const DB = "comp-planner-preview";
const STORE = "workbooks";
const KEY = "autosave";

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error("IndexedDB request failed."));
  });
}

/** The store in IndexedDB (the browser's own storage for this page's origin). */
export function indexedDbStore(factory: IDBFactory = indexedDB): AutosaveStore {
  let db: Promise<IDBDatabase> | null = null;
  const open = () => {
    db ??= new Promise((resolve, reject) => {
      const r = factory.open(DB, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error("IndexedDB could not be opened."));
    });
    return db;
  };
  const store = async (mode: IDBTransactionMode) => (await open()).transaction(STORE, mode).objectStore(STORE);
  return {
    load: async () => ((await request((await store("readonly")).get(KEY))) as SavedWorkbook | undefined) ?? null,
    save: async (saved) => {
      await request((await store("readwrite")).put(saved, KEY));
    },
    clear: async () => {
      await request((await store("readwrite")).delete(KEY));
    },
  };
}

/** A store in memory, for tests. */
export function memoryStore(): AutosaveStore & { saved: SavedWorkbook | null } {
  const s = {
    saved: null as SavedWorkbook | null,
    load: async () => s.saved,
    save: async (saved: SavedWorkbook) => {
      s.saved = saved;
    },
    clear: async () => {
      s.saved = null;
    },
  };
  return s;
}
