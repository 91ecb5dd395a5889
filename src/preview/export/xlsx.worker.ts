/** The Web Worker that packs the autosaved .xlsx file off the page's thread (see packXlsx.ts). */
import { handlePackRequests, PackRequest, PackResponse } from "./packXlsx";

const scope = self as unknown as {
  postMessage(m: PackResponse, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<PackRequest>) => void) | null;
};
const handle = handlePackRequests((m, transfer) => scope.postMessage(m, transfer));
scope.onmessage = (e) => void handle(e.data);
