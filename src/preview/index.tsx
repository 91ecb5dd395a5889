import * as React from "react";
import { createRoot } from "react-dom/client";
import { TaskpaneApp } from "../taskpane/TaskpaneApp";
import { PreviewWorkbook } from "../workbook/preview/previewWorkbook";
import { WorkbookFiles } from "./components/WorkbookFiles";
import { loadSample } from "./loadSample";
import { PreviewApp } from "./PreviewApp";
import { PreviewSession } from "./session";

const wb = new PreviewWorkbook();
loadSample(wb);
const session = new PreviewSession(wb);
// Exposed for the end-to-end tests and for poking at the engine from the browser console.
(window as unknown as { compPlanner: unknown }).compPlanner = {
  get wb() {
    return session.wb;
  },
  get host() {
    return session.host;
  },
};
const makeWorker = () => new Worker(new URL("./import/csv.worker.ts", import.meta.url));

function Root(): React.JSX.Element {
  const generation = React.useSyncExternalStore(session.subscribe, () => session.generation);
  return (
    <PreviewApp
      wb={session.wb}
      host={session.host}
      renderTaskpane={(h) => <TaskpaneApp key={generation} host={h} hostKind="preview" />}
      renderWorkbook={(view) => (
        <WorkbookFiles session={session} makeWorker={makeWorker}>
          {view}
        </WorkbookFiles>
      )}
    />
  );
}

createRoot(document.getElementById("root")!).render(<Root />);
