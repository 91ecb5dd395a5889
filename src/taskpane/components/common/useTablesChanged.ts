import * as React from "react";
import { TableInfo, WorkbookHost } from "../../../workbook/host";

/**
 * Keeps a tool's table lists current: whenever the host says its tables changed (a file opened
 * as a new table, a table created from a selection, a sheet removed), the tables are read again
 * and handed to `onTables`. A host that cannot tell is read only when the tool opens.
 */
export function useTablesChanged(host: WorkbookHost, onTables: (tables: TableInfo[]) => void): void {
  const latest = React.useRef(onTables);
  latest.current = onTables;
  React.useEffect(() => {
    if (!host.onTablesChanged) return undefined;
    let live = true;
    const off = host.onTablesChanged(() => {
      host.listTables().then(
        (tables) => live && latest.current(tables),
        () => undefined,
      );
    });
    return () => {
      live = false;
      off();
    };
  }, [host]);
}

/** The action {@link withTablesChanged} adds to a tool's reducer. */
export interface TablesChanged {
  readonly type: "tablesChanged";
  readonly tables: readonly TableInfo[];
}

/**
 * A tool's reducer that also takes {@link TablesChanged}: the table list is replaced and
 * nothing else (the form the user is editing stays as it is).
 */
export function withTablesChanged<S extends { readonly tables: readonly TableInfo[] }, A extends { type: string }>(
  reducer: (state: S, action: A) => S,
): (state: S, action: A | TablesChanged) => S {
  return (state, action) =>
    action.type === "tablesChanged"
      ? { ...state, tables: (action as TablesChanged).tables }
      : reducer(state, action as A);
}
