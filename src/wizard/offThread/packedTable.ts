/**
 * A table as it crosses to a worker: only the columns a job reads, column by column, a column of
 * numbers only as a Float64Array (copied in one block, not value by value). Posting 100,000 rows
 * as arrays of cells took the page 140-180 ms of structured cloning; packed, a few ms.
 */
import { TableData } from "../../workbook/host";

/** A packed table: the headers, the row count, and each kept column (null for a column left out). */
export interface PackedTable {
  readonly source: string;
  readonly headers: readonly string[];
  readonly rowCount: number;
  readonly columns: readonly (Float64Array | readonly unknown[] | null)[];
}

/** Packs the columns `keep` of a table (others are left out and read back as blank). */
export function packTable(data: TableData, keep: readonly number[]): PackedTable {
  const kept = new Set(keep.filter((c) => c >= 0 && c < data.headers.length));
  const columns = data.headers.map((_, c) => {
    if (!kept.has(c)) return null;
    const values = data.rows.map((r) => r[c]);
    return values.every((v) => typeof v === "number") ? Float64Array.from(values as number[]) : values;
  });
  return { source: data.source, headers: data.headers, rowCount: data.rows.length, columns };
}

/** The table again, row by row: kept columns as they were (numbers as numbers), others blank (""). */
export function unpackTable(p: PackedTable): TableData {
  const rows = Array.from({ length: p.rowCount }, (_, r) => p.columns.map((col) => (col ? col[r] : "")));
  return { source: p.source, headers: p.headers, rows };
}
