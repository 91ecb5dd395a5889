import { parseCell, columnLetter } from "../../workbook/a1";
import { TableInfo } from "../../workbook/host";
import { sameText } from "../../core/text";

/** Where a cell falls in a table: the table, the 0-based data row (-1 for the header) and the column header. */
export interface TablePlace {
  readonly table: TableInfo;
  readonly row: number;
  readonly column: string;
}

/** The table holding a cell, if any. */
export function locate(tables: readonly TableInfo[], sheet: string, address: string): TablePlace | null {
  const cell = parseCell(address);
  for (const t of tables) {
    if (!sameText(t.sheet, sheet)) continue;
    const [a, b] = t.address.split(":");
    const start = parseCell(a);
    const end = parseCell(b ?? a);
    if (cell.row >= start.row && cell.row <= end.row && cell.col >= start.col && cell.col <= end.col) {
      return { table: t, row: cell.row - start.row - 1, column: t.headers[cell.col - start.col] };
    }
  }
  return null;
}

/** The address of a table's 0-based data row, e.g. "A13:I13". */
export function rowAddress(t: TableInfo, row: number): string {
  const start = parseCell(t.address.split(":")[0]);
  const r = start.row + 2 + row;
  return `${columnLetter(start.col)}${r}:${columnLetter(start.col + t.headers.length - 1)}${r}`;
}
