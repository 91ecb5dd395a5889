/**
 * Never lose work in the preview: the workbook is written (as an .xlsx file, the same writer as
 * Download .xlsx) to browser storage shortly after each change, restored on the next visit, and
 * a reload or closing the tab warns while there are changes not yet downloaded.
 */
import { watchContent, writeXlsx } from "../export/writeXlsx";
import { readXlsx } from "../import/readXlsx";
import { PreviewSession } from "../session";
import { PreviewWorkbook } from "../../workbook/preview/previewWorkbook";
import { AutosaveStore } from "./store";

/** The user's input events that put off a pending write (see Autosave.userActive). */
const ACTIVITY_EVENTS = ["wheel", "pointerdown", "keydown", "touchmove"] as const;

/** Keeps a session's workbook in a store. */
export class Autosave {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private unwatch: (() => void) | null = null;
  private saving: Promise<void> = Promise.resolve();
  /** True while there are changes not yet downloaded (or discarded). */
  unsaved = false;
  /** When the store was last written, or null. */
  lastSaved: string | null = null;
  /** Why the last write failed (storage full, the worker gone), or null when it succeeded. */
  lastError: string | null = null;
  private listeners = new Set<() => void>();

  /** Calls `listener` after each write to the store; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * @param serialise Makes the file's bytes: {@link writeXlsx} on the page's thread by default; the
   * preview passes one that packs the file in a worker (see packXlsx.ts).
   */
  constructor(
    private readonly session: PreviewSession,
    private readonly store: AutosaveStore,
    private readonly delayMs = 1000,
    private readonly now: () => Date = () => new Date(),
    private readonly serialise: (wb: PreviewWorkbook) => Promise<Uint8Array> = writeXlsx,
  ) {}

  /** The kept workbook, or null when there is none (or it cannot be read, in which case it is dropped). */
  async restore(): Promise<{ workbook: PreviewWorkbook; savedAt: string } | null> {
    const saved = await this.store.load().catch(() => null);
    if (!saved) return null;
    try {
      const { workbook } = await readXlsx(saved.bytes, "autosave.xlsx");
      return { workbook, savedAt: saved.savedAt };
    } catch {
      await this.store.clear();
      return null;
    }
  }

  /** Starts watching the session's workbook (and each workbook that replaces it). */
  start(): void {
    const watch = () => {
      this.unwatch?.();
      this.unwatch = watchContent(this.session.wb, () => this.changed());
    };
    watch();
    this.session.subscribe(watch);
  }

  /** Marks the workbook as changed and schedules a write. */
  changed(): void {
    this.unsaved = true;
    this.schedule();
  }

  /**
   * The user is scrolling, clicking or typing: a pending write waits until they pause for the
   * delay. Reading the workbook for the file runs on the page's thread (the engine lives there;
   * the preview reads it in short slices and packs in a worker), and any change while it reads
   * makes it start again, so it is best begun when the user pauses.
   */
  userActive(): void {
    if (this.timer) this.schedule();
  }

  /**
   * Calls {@link userActive} on the wheel, pointer and key events of `target` (the window);
   * returns the function that stops listening.
   */
  watchActivity(target: Pick<EventTarget, "addEventListener" | "removeEventListener">): () => void {
    const onInput = () => this.userActive();
    const options = { capture: true, passive: true };
    for (const e of ACTIVITY_EVENTS) target.addEventListener(e, onInput, options);
    return () => {
      for (const e of ACTIVITY_EVENTS) target.removeEventListener(e, onInput, options);
    };
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    // A failed write is shown by its status (lastError), never left as an unhandled rejection.
    this.timer = setTimeout(() => this.flush().catch(() => {}), this.delayMs);
  }

  /** Writes the workbook to the store now. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // A failed write (the worker gone, storage full) must not stop the ones after it.
    this.saving = this.saving
      .catch(() => {})
      .then(async () => {
        const savedAt = this.now().toISOString();
        try {
          await this.store.save({ bytes: await this.serialise(this.session.wb), savedAt });
        } catch (e) {
          this.lastError = e instanceof Error ? e.message : String(e);
          for (const l of this.listeners) l();
          throw e;
        }
        this.lastSaved = savedAt;
        this.lastError = null;
        for (const l of this.listeners) l();
      });
    return this.saving;
  }

  /** The user downloaded the workbook: nothing is unsaved any more. */
  downloaded(): void {
    this.unsaved = false;
  }

  /** Forgets the kept workbook (Start again from the sample). */
  async discard(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.saving.catch(() => {});
    await this.store.clear();
    this.unsaved = false;
    this.lastSaved = null;
  }

  /** For window.onbeforeunload: true when leaving now would need a warning. */
  shouldWarn(): boolean {
    return this.unsaved;
  }
}
