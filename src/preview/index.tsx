import * as React from "react";
import { createRoot } from "react-dom/client";
import { TaskpaneApp } from "../taskpane/TaskpaneApp";
import { PreviewWorkbook } from "../workbook/preview/previewWorkbook";
import { workerJobs } from "../wizard/offThread/runner";
import { Autosave } from "./autosave/autosave";
import { indexedDbStore } from "./autosave/store";
import { WorkbookCommands } from "./components/WorkbookCommands";
import { WorkbookFiles } from "./components/WorkbookFiles";
import { workerPacker } from "./export/packXlsx";
import { writeXlsxSliced } from "./export/writeXlsx";
import { loadSample } from "./loadSample";
import { PreviewApp } from "./PreviewApp";
import { PreviewSession } from "./session";

const sample = () => {
  const wb = new PreviewWorkbook();
  loadSample(wb);
  return wb;
};
const makeWorker = () => new Worker(new URL("./preview.worker.ts", import.meta.url));
/**
 * The autosave's and Download's file is packed in a worker; the page's thread only reads the
 * workbook for it, in slices short enough to keep the page responsive.
 */
const packInWorker = workerPacker(makeWorker);
const offThread = (wb: PreviewWorkbook) => writeXlsxSliced(wb, packInWorker);
/** The task pane's splits and simulations run in a Web Worker, as in Excel. */
const jobs = workerJobs(() => new Worker(new URL("../wizard/offThread/jobs.worker.ts", import.meta.url)));

async function main(): Promise<void> {
  const session = new PreviewSession(new PreviewWorkbook());
  const autosave = new Autosave(session, indexedDbStore(), 1000, undefined, offThread);
  const restored = await autosave.restore().catch(() => null);
  session.replace(restored?.workbook ?? sample());
  autosave.start();
  autosave.watchActivity(window);
  const startAgain = async () => {
    await autosave.discard();
    session.replace(sample());
  };
  window.addEventListener("beforeunload", (e) => {
    if (!autosave.shouldWarn()) return;
    autosave.flush().catch(() => {});
    e.preventDefault();
    e.returnValue = "";
  });
  // Exposed for the end-to-end tests and for poking at the engine from the browser console.
  (window as unknown as { compPlanner: unknown }).compPlanner = {
    get wb() {
      return session.wb;
    },
    get host() {
      return session.host;
    },
    autosave,
  };

  function Root(): React.JSX.Element {
    const generation = React.useSyncExternalStore(session.subscribe, () => session.generation);
    return (
      <PreviewApp
        wb={session.wb}
        host={session.host}
        renderTaskpane={(h) => <TaskpaneApp key={generation} host={h} hostKind="preview" jobs={jobs} />}
        renderWorkbook={(view) => (
          <WorkbookFiles
            session={session}
            makeWorker={makeWorker}
            writeFile={offThread}
            onDownloaded={() => autosave.downloaded()}
            onReplaced={() => autosave.changed()}
            initialStatus={
              restored
                ? {
                    intent: "info",
                    text: `Restored the workbook kept in this browser (saved ${new Date(restored.savedAt).toLocaleString("en-GB")}). "Start again from the sample" discards it.`,
                  }
                : null
            }
            extraTools={(report) => (
              <WorkbookCommands session={session} report={report} autosave={autosave} startAgain={startAgain} />
            )}
          >
            {view}
          </WorkbookFiles>
        )}
      />
    );
  }
  createRoot(document.getElementById("root")!).render(<Root />);
}

void main();
