import * as React from "react";
import { createRoot } from "react-dom/client";
import { ExcelHost } from "../workbook/excelHost";
import { workerJobs } from "../wizard/offThread/runner";
import { TaskpaneApp } from "./TaskpaneApp";

/**
 * How long to wait for Office.js before rendering without Excel (the CDN may hang or be blocked);
 * the pane shows within 5 s whatever the network does, and connects if Office.js arrives later.
 */
const OFFICE_TIMEOUT_MS = 2500;

declare global {
  interface Window {
    /** Set by taskpane.html: resolves true when office.js loaded, false when it failed. */
    compPlannerOffice?: Promise<boolean>;
  }
}

/** Resolves true inside Excel, false when office.js failed or the host is not Excel; may never resolve. */
function inExcel(): Promise<boolean> {
  const loaded = window.compPlannerOffice ?? Promise.resolve(typeof Office !== "undefined");
  return loaded.then((ok) =>
    ok && typeof Office !== "undefined" && typeof Office.onReady === "function"
      ? Office.onReady().then((info) => info.host === Office.HostType.Excel)
      : false,
  );
}

/** Splits and simulations run in a Web Worker: the shared runtime's one thread stays free for the pane and the functions. */
const jobs = workerJobs(() => new Worker(new URL("../wizard/offThread/jobs.worker.ts", import.meta.url)));
const root = createRoot(document.getElementById("root")!);
const render = (excel: boolean) =>
  root.render(<TaskpaneApp host={excel ? new ExcelHost() : null} hostKind={excel ? "excel" : "none"} jobs={jobs} />);
const excel = inExcel();
void Promise.race([excel, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), OFFICE_TIMEOUT_MS))]).then(
  (first) => {
    render(first);
    // Office.js that arrives after the pane showed its notice still connects the pane.
    if (!first) void excel.then((late) => late && render(true));
  },
);
