import { useSyncExternalStore } from "react";
import { PreviewWorkbook } from "../workbook/preview/previewWorkbook";

/** Re-renders the calling component whenever the workbook changes; returns a change counter. */
export function useWorkbookVersion(wb: PreviewWorkbook): number {
  return useSyncExternalStore(
    (onChange) => wb.subscribe(onChange),
    () => wb.version,
  );
}
