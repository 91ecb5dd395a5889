/**
 * The messages between the page and the jobs worker, and the worker's side of them
 * ({@link handleJobRequest}): one job per request, progress as it goes, then its output or its error.
 */
import { InputError } from "../../core/errors";
import { StepError } from "../stepRun";
import { JobName, JOBS, Jobs } from "./job";

/** A request to run a job. */
export interface JobRequest<N extends JobName = JobName> {
  readonly name: N;
  readonly input: Jobs[N]["input"];
}

/** Which error a job threw, so the page throws the same kind: a StepError, the core's InputError, or another. */
export type JobErrorKind = "step" | "input" | "other";

/** A message from the worker. */
export type JobResponse =
  | { readonly type: "progress"; readonly fraction: number; readonly label: string }
  | { readonly type: "done"; readonly output: unknown }
  | { readonly type: "error"; readonly kind: JobErrorKind; readonly message: string };

/** Runs one job to its end, posting each progress, then its output or its error. */
export function handleJobRequest(request: JobRequest, post: (response: JobResponse) => void): void {
  try {
    const job = (JOBS[request.name] as (input: unknown) => ReturnType<(typeof JOBS)[JobName]>)(request.input);
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
