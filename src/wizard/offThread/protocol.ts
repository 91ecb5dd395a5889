/**
 * The messages between the page and the jobs worker, and the worker's side of them
 * ({@link handleJobRequest}): one job per request, progress as it goes, then its output or its error.
 */
import { InputError } from "../../core/errors";
import { StepError } from "../stepRun";
import { JobName, JOBS, Jobs } from "./job";

/**
 * A message to the worker: a part of the job's `rows` (sent ahead in parts, so that no single
 * postMessage clones 100,000 rows on the page's thread), then the request to run the job, whose
 * input's `rows` are then the parts received, in order.
 */
export type JobRequest<N extends JobName = JobName> =
  | { readonly type: "rows"; readonly rows: readonly unknown[] }
  | { readonly type: "run"; readonly name: N; readonly input: Jobs[N]["input"]; readonly rowsSent: boolean };

/** Which error a job threw, so the page throws the same kind: a StepError, the core's InputError, or another. */
export type JobErrorKind = "step" | "input" | "other";

/** A message from the worker. */
export type JobResponse =
  | { readonly type: "progress"; readonly fraction: number; readonly label: string }
  | { readonly type: "done"; readonly output: unknown }
  | { readonly type: "error"; readonly kind: JobErrorKind; readonly message: string };

/**
 * The worker's side: keeps the parts of rows sent ahead, and runs a job to its end, posting each
 * progress, then its output or its error. One handler per worker (it keeps the parts).
 */
export function jobHandler(post: (response: JobResponse) => void): (request: JobRequest) => void {
  let parts: unknown[] = [];
  return (request) => {
    if (request.type === "rows") {
      for (const r of request.rows) parts.push(r);
      return;
    }
    const input = request.rowsSent ? { ...request.input, rows: parts } : request.input;
    parts = [];
    runJob(request.name, input, post);
  };
}

function runJob(name: JobName, input: unknown, post: (response: JobResponse) => void): void {
  try {
    const job = (JOBS[name] as (input: unknown) => ReturnType<(typeof JOBS)[JobName]>)(input);
    for (let next = job.next(); ; next = job.next()) {
      if (next.done) return post({ type: "done", output: next.value });
      post({ type: "progress", fraction: next.value.fraction, label: next.value.label });
    }
  } catch (e) {
    const kind: JobErrorKind = e instanceof StepError ? "step" : e instanceof InputError ? "input" : "other";
    post({ type: "error", kind, message: e instanceof Error ? e.message : String(e) });
  }
}

/** The error a job's error message stands for on the page's side. */
export function jobError(kind: JobErrorKind, message: string): Error {
  return kind === "step" ? new StepError(message) : kind === "input" ? new InputError(message) : new Error(message);
}
