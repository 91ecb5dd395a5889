import * as React from "react";
import { createRoot } from "react-dom/client";
import { TaskpaneApp } from "../taskpane/TaskpaneApp";
import { PreviewWorkbook } from "../workbook/preview/previewWorkbook";
import { PreviewHost } from "../workbook/previewHost";
import { loadSample } from "./loadSample";
import { PreviewApp } from "./PreviewApp";

const wb = new PreviewWorkbook();
loadSample(wb);
const host = new PreviewHost(wb);
// Exposed for the end-to-end tests and for poking at the engine from the browser console.
(window as unknown as { compPlanner: unknown }).compPlanner = { wb, host };

createRoot(document.getElementById("root")!).render(<PreviewApp wb={wb} host={host} renderTaskpane={(h) => <TaskpaneApp host={h} hostKind="preview" />} />);
