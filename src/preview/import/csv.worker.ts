/** The Web Worker that parses and reads CSV files off the page's thread. */
import { handleRequests, WorkerRequest, WorkerResponse } from "./csvSession";

const scope = self as unknown as {
  postMessage(m: WorkerResponse): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
};
const handle = handleRequests((m) => scope.postMessage(m));
scope.onmessage = (e) => handle(e.data);
