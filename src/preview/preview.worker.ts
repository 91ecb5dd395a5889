/**
 * The preview's Web Worker: reads CSV files (csvSession.ts) and packs .xlsx files (packXlsx.ts)
 * off the page's thread: one script for both, started once per use (the splits and simulations
 * have their own, src/wizard/offThread/jobs.worker.ts).
 */
import { handleRequests, WorkerRequest, WorkerResponse } from "./import/csvSession";
import { handlePackRequests, isPackRequest, PackRequest, PackResponse } from "./export/packXlsx";

const scope = self as unknown as {
  postMessage(m: WorkerResponse | PackResponse, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<WorkerRequest | PackRequest>) => void) | null;
};
const csv = handleRequests((m) => scope.postMessage(m));
const pack = handlePackRequests((m, transfer) => scope.postMessage(m, transfer));
scope.onmessage = (e) => {
  const request = e.data;
  if (isPackRequest(request)) void pack(request);
  else csv(request);
};
