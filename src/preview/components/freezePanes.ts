import { CellPos } from "../../workbook/a1";
import { PreviewWorkbook } from "../../workbook/preview/previewWorkbook";

/** Excel's View > Freeze Panes choices. */
export type FreezeChoice = "panes" | "top-row" | "first-column" | "none";

/**
 * Freezes a sheet's panes as Excel's View > Freeze Panes does: at the active cell (the rows above
 * it and the columns left of it), the top row, the first column, or none. Stored with the sheet
 * and written to .xlsx as a frozen pane. Returns what is frozen now.
 */
export function freezePanes(
  wb: PreviewWorkbook,
  sheet: string,
  choice: FreezeChoice,
  active: CellPos,
): { rows: number; columns: number } | null {
  const freeze =
    choice === "panes"
      ? { rows: active.row, columns: active.col }
      : choice === "top-row"
        ? { rows: 1, columns: 0 }
        : choice === "first-column"
          ? { rows: 0, columns: 1 }
          : null;
  const kept = freeze && (freeze.rows > 0 || freeze.columns > 0) ? freeze : null;
  wb.setFreeze(sheet, kept);
  wb.notify();
  return kept;
}
