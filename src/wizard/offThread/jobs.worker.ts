/** The Web Worker that runs the planning tools' heavy jobs (splits, simulations) off the page's thread. */
import { handleJobRequest, JobRequest, JobResponse } from "./protocol";

const scope = self as unknown as {
  postMessage(m: JobResponse): void;
  onmessage: ((e: MessageEvent<JobRequest>) => void) | null;
};
scope.onmessage = (e) => handleJobRequest(e.data, (m) => scope.postMessage(m));
