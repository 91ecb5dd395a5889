import * as React from "react";
import { WorkbookHost } from "../../../workbook/host";

/** What {@link useShowCell} gives a component: a way to go to a cell, and why the last attempt failed. */
export interface ShowCell {
  /** Selects a cell or range on a sheet; a failure is kept in `problem`, never dropped. */
  readonly show: (sheet: string, address: string) => void;
  /** Why going to the cell failed (the sheet was deleted, Excel was editing a cell), or null. */
  readonly problem: string | null;
}

/** Going to a cell of the workbook from the pane, with a failure said in words rather than swallowed. */
export function useShowCell(host: WorkbookHost): ShowCell {
  const [problem, setProblem] = React.useState<string | null>(null);
  const show = React.useCallback(
    (sheet: string, address: string) => {
      setProblem(null);
      host
        .select(sheet, address)
        .catch((e: unknown) =>
          setProblem(`Could not go to ${sheet}!${address}: ${e instanceof Error ? e.message : String(e)}`),
        );
    },
    [host],
  );
  return { show, problem };
}
