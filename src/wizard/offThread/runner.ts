/**
 * Where a step's heavy jobs run: in a Web Worker ({@link workerJobs}, the task pane in Excel and
 * in the preview), so the page's thread stays free for the pane and the custom functions, or
 * in-process ({@link inProcessJobs}: Node tests, which have no Worker). Both run the same job
 * code (./job), give the same output, report progress and honour Cancel.
 */
import { CancelledError, checkCancelled, Progress } from "../stepRun";
import { JobName, JOBS, Jobs } from "./job";
import { jobError, JobRequest, JobResponse } from "./protocol";

/** What a job run gets from its step: progress, the step's yielding progress, and Cancel. */
export interface JobContext {
  /** Reports progress, yields to the page and throws CancelledError once cancelled (in-process runs). */
  readonly step: (fraction: number, label: string) => Promise<void>;
  /** Reports progress only (worker runs: the page is not blocked, nothing to yield). */
  readonly progress: Progress;
  readonly signal?: AbortSignal;
}

/** Rows per message when a job's rows are sent ahead: about 10 ms of cloning on the page each. */
export const ROWS_PER_PART = 10_000;

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Posts a job to a worker: an input's top-level `rows` in parts of {@link ROWS_PER_PART}, each
 * in a task of its own (so the page can paint and take Cancel between them), then the request.
 */
async function post<N extends JobName>(
  worker: Worker,
  name: N,
  input: Jobs[N]["input"],
  signal?: AbortSignal,
): Promise<void> {
  const rows = (input as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) return worker.postMessage({ type: "run", name, input, rowsSent: false } as JobRequest<N>);
  for (let i = 0; i < rows.length; i += ROWS_PER_PART) {
    if (i > 0) await nextTask();
    if (signal?.aborted) return;
    worker.postMessage({ type: "rows", rows: rows.slice(i, i + ROWS_PER_PART) } as JobRequest<N>);
  }
  if (signal?.aborted) return;
  worker.postMessage({ type: "run", name, input: { ...input, rows: [] }, rowsSent: true } as JobRequest<N>);
}

/** Runs jobs by name. */
export interface JobRunner {
  /** Runs a job to its output. @throws CancelledError once cancelled, or the job's own error. */
  run<N extends JobName>(name: N, input: Jobs[N]["input"], ctx: JobContext): Promise<Jobs[N]["output"]>;
}

/** Runs jobs on the calling thread, yielding to the page at each progress (as the steps did before workers). */
export const inProcessJobs: JobRunner = {
  async run(name, input, { step }) {
    const job = (JOBS[name] as (i: typeof input) => ReturnType<(typeof JOBS)[typeof name]>)(input);
    for (let next = job.next(); ; next = job.next()) {
      if (next.done) return next.value as Jobs[typeof name]["output"];
      await step(next.value.fraction, next.value.label);
    }
  },
};

/**
 * Runs each job in a new worker made by `makeWorker` (src/wizard/offThread/jobs.worker.ts): the
 * input is posted (its rows in parts), progress comes back as messages, Cancel terminates the
 * worker at once.
 */
export function workerJobs(makeWorker: () => Worker): JobRunner {
  return {
    run: <N extends JobName>(name: N, input: Jobs[N]["input"], { progress, signal }: JobContext) =>
      new Promise<Jobs[N]["output"]>((resolve, reject) => {
        checkCancelled(signal);
        let worker: Worker;
        try {
          worker = makeWorker();
        } catch (e) {
          // A worker the page may not start (a security policy) is said as a failed start is.
          reject(new Error(`The work could not run in the background: ${e instanceof Error ? e.message : String(e)}.`));
          return;
        }
        const finish = () => {
          worker.terminate();
          signal?.removeEventListener("abort", onAbort);
        };
        const onAbort = () => {
          finish();
          reject(new CancelledError());
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        worker.onmessage = (e: MessageEvent<JobResponse>) => {
          const msg = e.data;
          if (msg.type === "progress") return progress(msg.fraction, msg.label);
          finish();
          if (msg.type === "done") resolve(msg.output as Jobs[N]["output"]);
          else reject(jobError(msg.kind, msg.message));
        };
        worker.onerror = (e) => {
          finish();
          reject(new Error(`The work could not run in the background: ${e.message || "the worker failed to start"}.`));
        };
        void post(worker, name, input, signal).catch((e: unknown) => {
          finish();
          reject(e);
        });
      }),
  };
}
