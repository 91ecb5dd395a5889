import { QuotaRep } from "../../core/quotas";
import { TableData } from "../../workbook/host";
import { isBlank, textKey } from "../../core/text";

/** A table and the columns (by header) the quota step reads from it. */
export interface ColumnsOf {
  readonly table: string;
  readonly id: string;
  readonly columns: readonly string[];
}

const key = textKey;

/** The index of a header (trimmed, any case), or a message naming the table and column. */
export function columnIndex(data: TableData, header: string): number | string {
  const i = data.headers.findIndex((h) => key(h) === key(header));
  return i >= 0 ? i : `Table ${data.source} has no column "${header}"; choose another.`;
}

/**
 * The reps for the quota model: id and potential from one table (the territory summary, or any
 * table), history from the same or another table joined on the rep id (trimmed, any case).
 * Returns the reps, or the problems with their rows; nothing is guessed.
 */
export function quotaInputs(
  potential: TableData,
  potentialCols: ColumnsOf,
  history: TableData | null,
  historyCols: ColumnsOf | null,
): { reps: QuotaRep[]; problems: string[]; notes: string[] } {
  const problems: string[] = [];
  const notes: string[] = [];
  const idCol = columnIndex(potential, potentialCols.id);
  const potCol = columnIndex(potential, potentialCols.columns[0] ?? "");
  for (const c of [idCol, potCol]) if (typeof c === "string") problems.push(c);
  const histCols =
    history && historyCols ? [historyCols.id, ...historyCols.columns].map((h) => columnIndex(history, h)) : [];
  for (const c of histCols) if (typeof c === "string") problems.push(c);
  if (history && historyCols && historyCols.columns.length === 0)
    problems.push("Choose at least one history column, or no history table.");
  if (problems.length) return { reps: [], problems, notes };

  const byId = new Map<string, (number | null)[]>();
  if (history && historyCols) {
    const [hid, ...cols] = histCols as number[];
    history.rows.forEach((row, r) => {
      if (isBlank(row[hid])) return;
      const values = cols.map((c, j) => {
        const v = row[c];
        if (isBlank(v)) return null;
        if (typeof v !== "number" || !Number.isFinite(v)) {
          problems.push(`${history.source} row ${r + 1}: ${historyCols.columns[j]} is "${String(v)}", not a number.`);
          return null;
        }
        if (v < 0)
          problems.push(
            `${history.source} row ${r + 1}: ${historyCols.columns[j]} is negative (${v}); history must be 0 or more.`,
          );
        return v;
      });
      byId.set(key(row[hid]), values);
    });
  }
  const reps: QuotaRep[] = [];
  const seen = new Map<string, number>();
  potential.rows.forEach((row, r) => {
    const n = r + 1;
    const id = row[idCol as number];
    if (isBlank(id)) return void problems.push(`${potential.source} row ${n}: the rep is blank.`);
    const first = seen.get(key(id));
    if (first !== undefined)
      return void problems.push(
        `${potential.source} row ${n}: rep "${String(id).trim()}" also appears on row ${first}.`,
      );
    seen.set(key(id), n);
    const p = row[potCol as number];
    if (typeof p !== "number" || !Number.isFinite(p) || p <= 0) {
      return void problems.push(
        `${potential.source} row ${n}: rep "${String(id).trim()}" has no potential (${isBlank(p) ? "blank" : JSON.stringify(p)}); every rep needs a potential above 0.`,
      );
    }
    reps.push({ id: String(id).trim(), potential: p, history: byId.get(key(id)) ?? [] });
  });
  if (history && historyCols) {
    const missing = reps.filter((r) => !byId.has(key(r.id))).length;
    if (missing)
      notes.push(`${missing} rep(s) have no row in ${history.source}; their forecasts rest on potential alone.`);
  }
  return { reps, problems, notes };
}
