import { PreviewWorkbook } from "../workbook/preview/previewWorkbook";
import { PreviewHost } from "../workbook/previewHost";

/**
 * The workbook the preview shows and the host the task pane uses on it. Opening an .xlsx file,
 * restoring an autosave or starting again from the sample puts a new workbook in its place;
 * views and the task pane follow (the pane starts afresh on the new workbook).
 */
export class PreviewSession {
  private current: { wb: PreviewWorkbook; host: PreviewHost };
  private listeners = new Set<() => void>();
  /** Increases each time the workbook is replaced. */
  generation = 0;

  constructor(wb: PreviewWorkbook) {
    this.current = { wb, host: new PreviewHost(wb) };
  }

  /** The workbook shown. */
  get wb(): PreviewWorkbook {
    return this.current.wb;
  }

  /** The host on it. */
  get host(): PreviewHost {
    return this.current.host;
  }

  /** Shows another workbook in place of this one. */
  replace(wb: PreviewWorkbook): void {
    this.current = { wb, host: new PreviewHost(wb) };
    this.generation++;
    for (const l of this.listeners) l();
  }

  /** Calls `listener` after each replacement; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
