/** What every wizard step's runner shares: progress, cancellation, and errors the user can act on. */

/** Progress as a step runs: a fraction and what it is doing. */
export type Progress = (fraction: number, label: string) => void;

/** A failure the user can act on; the message says what to fix. Nothing was written. */
export class StepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StepError";
  }
}

/** The run was cancelled before anything was written. */
export class CancelledError extends Error {
  constructor() {
    super("Cancelled; nothing was written.");
    this.name = "AbortError";
  }
}

/** Throws CancelledError once the signal is aborted (AbortSignal.throwIfAborted is missing from older Office webviews). */
export function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/**
 * A step's progress reporter: reports, then yields to the page so the task pane can paint the
 * progress and take a click on Cancel, then checks for cancellation.
 */
export function stepper(progress: Progress, signal?: AbortSignal): (fraction: number, label: string) => Promise<void> {
  return async (fraction, label) => {
    checkCancelled(signal);
    progress(fraction, label);
    await new Promise((resolve) => setTimeout(resolve, 0));
    checkCancelled(signal);
  };
}

/** A message listing problems found in some input, the first five in full. */
export function listProblems(where: string, messages: readonly string[]): string {
  const shown = messages.slice(0, 5).join(" ");
  const more = messages.length > 5 ? ` ...and ${messages.length - 5} more.` : "";
  return `${messages.length} problem(s) in ${where}; fix them, then run again. ${shown}${more}`;
}
