/**
 * The contract every planning tool follows (a {@link StepModule}) and the one wrapper that runs
 * it ({@link runStep}): progress, cancellation, errors the user can act on, stored settings.
 */
import { InputError } from "../core/errors";
import { WorkbookHost } from "../workbook/host";
import type { JobName, Jobs } from "./offThread/job";
import { inProcessJobs, JobRunner } from "./offThread/runner";

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

/**
 * What a step's run gets from {@link runStep}: a progress step that yields and checks Cancel, the
 * signal, and where its heavy jobs run (a Web Worker in the pane, in-process in Node tests).
 */
export interface StepContext {
  /** Reports progress, yields to the page, and throws CancelledError once cancelled. */
  readonly step: (fraction: number, label: string) => Promise<void>;
  readonly signal?: AbortSignal;
  /** Runs a heavy job (src/wizard/offThread) with progress and Cancel; the step writes only after it returns. */
  readonly runJob: <N extends JobName>(name: N, input: Jobs[N]["input"]) => Promise<Jobs[N]["output"]>;
}

/** The summary shown when a run finishes: one line, and further lines under it. */
export interface StepSummary {
  readonly message: string;
  readonly details: readonly string[];
}

/**
 * One planning tool as data. `Ctx` is the pane state the form lives in (the wizard's state, or
 * the KPI pane's); `S` the settings a run takes and the workbook stores; `R` what a run computes.
 */
export interface StepModule<Ctx, S, R> {
  /** A stable id (also the wizard's tab value). */
  readonly id: string;
  /** The tool's name as the pane shows it. */
  readonly label: string;
  /** The key its settings are stored under in the workbook. */
  readonly settingsKey: string;
  /** Stored settings checked: the settings, or null when they are not this step's (a workbook may carry anything). */
  readonly parseSettings: (stored: unknown) => S | null;
  /** What is wrong with the form, each saying what to fix; empty when the step can run. */
  readonly issues: (ctx: Ctx) => readonly string[];
  /** The settings from the form, or null while {@link StepModule.issues} lists anything. */
  readonly settingsFrom: (ctx: Ctx) => S | null;
  /**
   * The run: reads, computes, writes the sheets. Throws the core's InputError for bad input
   * (runStep turns it into a StepError) or a StepError of its own.
   */
  readonly run: (host: WorkbookHost, settings: S, ctx: StepContext) => Promise<R>;
  /** What is stored under the settings key after a run (default: the settings). */
  readonly stored?: (settings: S, result: R) => unknown;
  /** The summary shown when the run finishes. */
  readonly summary: (settings: S, result: R) => StepSummary;
  /** The sheet to show once it has run, if any. */
  readonly sheetOf?: (settings: S) => string;
}

/**
 * Runs a step module: the only place that maps a model's InputError to a StepError, writes the
 * step's settings (after its sheets) and reports completion. A cancelled or failed run writes
 * nothing of its own (the step writes its sheets last). Heavy jobs run on `jobs` (default: in-process).
 */
export async function runStep<Ctx, S, R>(
  module: StepModule<Ctx, S, R>,
  host: WorkbookHost,
  settings: S,
  progress: Progress = () => {},
  signal?: AbortSignal,
  jobs: JobRunner = inProcessJobs,
): Promise<R> {
  // One run at a time per workbook: another run or save meanwhile is refused with a message.
  return host.exclusive(module.label, async () => {
    let result: R;
    try {
      const step = stepper(progress, signal);
      const runJob: StepContext["runJob"] = (name, input) => jobs.run(name, input, { step, progress, signal });
      result = await module.run(host, settings, { step, signal, runJob });
    } catch (e) {
      if (e instanceof InputError) throw new StepError(e.message);
      throw e;
    }
    await host.writeSettings(module.settingsKey, module.stored ? module.stored(settings, result) : settings);
    progress(1, "Done");
    return result;
  });
}

/** Reads a step's stored settings: the settings, or null when there are none or they are not the step's. */
export async function readStepSettings<Ctx, S, R>(
  module: StepModule<Ctx, S, R>,
  host: WorkbookHost,
): Promise<S | null> {
  return module.parseSettings(await host.readSettings(module.settingsKey));
}
