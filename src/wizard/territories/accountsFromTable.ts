import { TerritoryAccount } from "../../core/territories";
import { TableData } from "../../workbook/host";
import { ColumnMapping } from "../columnMapping";
import { isBlank } from "../../core/text";

/** Which mapped column keeps groups pure: none, the segment column, or the region column. */
export type GroupBy = "none" | "group" | "region";

/** Accounts for the split, with the 1-based data row each came from. */
export interface AccountRows {
  readonly accounts: TerritoryAccount[];
  readonly rows: number[];
}

const text = (v: unknown): string | null => (isBlank(v) ? null : String(v).trim());
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/**
 * The accounts of a table under a column mapping, leaving out excluded rows. Run it only once
 * the data step lists no problems on the remaining rows: values are read as they are, not fixed.
 */
export function accountsFromTable(
  data: TableData,
  mapping: ColumnMapping,
  excluded: ReadonlySet<number>,
  groupBy: GroupBy,
): AccountRows {
  const col = (field: keyof ColumnMapping, row: readonly unknown[]) =>
    mapping[field] === null ? null : row[mapping[field]!];
  const accounts: TerritoryAccount[] = [];
  const rows: number[] = [];
  data.rows.forEach((row, i) => {
    if (excluded.has(i + 1)) return;
    accounts.push({
      id: text(col("id", row)) ?? "",
      potential: num(col("potential", row)) ?? NaN,
      workload: num(col("workload", row)),
      group: groupBy === "none" ? null : text(col(groupBy, row)),
      owner: text(col("owner", row)),
      pinned: text(col("pinned", row)),
      x: num(col("longitude", row)),
      y: num(col("latitude", row)),
    });
    rows.push(i + 1);
  });
  return { accounts, rows };
}
