/** The Web Worker that runs the planning tools' heavy jobs (splits, simulations) off the page's thread. */
import { jobHandler, JobRequest, JobResponse } from "./protocol";

const scope = self as unknown as {
  postMessage(m: JobResponse): void;
  onmessage: ((e: MessageEvent<JobRequest>) => void) | null;
};
const handle = jobHandler((m) => scope.postMessage(m));
scope.onmessage = (e) => handle(e.data);
