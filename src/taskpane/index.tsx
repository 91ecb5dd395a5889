import * as React from "react";
import { createRoot } from "react-dom/client";
import { ExcelHost } from "../workbook/excelHost";
import { TaskpaneApp } from "./TaskpaneApp";

/** How long to wait for Office.onReady before rendering without Excel (office.js may be blocked). */
const OFFICE_TIMEOUT_MS = 4000;

/** Resolves true inside Excel, false when office.js is missing or never becomes ready. */
function officeReady(): Promise<boolean> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve(false);
  return Promise.race([
    Office.onReady().then((info) => info.host === Office.HostType.Excel),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), OFFICE_TIMEOUT_MS)),
  ]);
}

void officeReady().then((inExcel) => {
  const root = createRoot(document.getElementById("root")!);
  root.render(<TaskpaneApp host={inExcel ? new ExcelHost() : null} hostKind={inExcel ? "excel" : "none"} />);
});
