/**
 * Heavy computations of the planning tools as jobs: generators that yield their progress and
 * return a result that can cross a thread (plain data, structured-cloneable). One table lists
 * them, so the worker and the in-process runner run exactly the same code.
 */
import { quotaJob, QuotaJobInput, QuotaJobOutput } from "../quotas/quotaJob";
import { splitJob, SplitJobInput, SplitJobOutput } from "../territories/splitJob";

/** A job's progress: the step's fraction done and what it is doing. */
export interface JobProgress {
  readonly fraction: number;
  readonly label: string;
}

/** A running job: progress while it works, then its output. */
export type Job<O> = Generator<JobProgress, O, void>;

/** The jobs by name, with their input and output. */
export interface Jobs {
  readonly split: { readonly input: SplitJobInput; readonly output: SplitJobOutput };
  readonly quotas: { readonly input: QuotaJobInput; readonly output: QuotaJobOutput };
}

/** A job's name. */
export type JobName = keyof Jobs;

/** The function that starts each job. */
export const JOBS: { readonly [N in JobName]: (input: Jobs[N]["input"]) => Job<Jobs[N]["output"]> } = {
  split: splitJob,
  quotas: quotaJob,
};
