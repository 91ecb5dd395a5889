import { Seat } from "../../core/territories";
import { TableData } from "../../workbook/host";
import { DataProblem } from "../dataProblems";
import { distinctTexts, isBlank, textKey } from "../../core/text";
import { MatchedColumns, matchSavedHeaders } from "../columnMapping";

/** Which columns of a reps table hold the rep's id, capacity and role. */
export interface RepColumns {
  readonly id: number | null;
  readonly capacity: number | null;
  readonly role: number | null;
}

const norm = textKey;

/** The header each rep column used, as saved with the settings (positions are not trusted: columns move). */
export type RepHeaders = Readonly<Record<keyof RepColumns, string | null>>;

/** Each rep column's label, as the user reads it in messages. */
export const REP_COLUMN_LABELS: Readonly<Record<keyof RepColumns, string>> = {
  id: "Rep",
  capacity: "Capacity",
  role: "Role",
};

/** The header text each chosen rep column uses, for saving. */
export function repHeaders(columns: RepColumns, headers: readonly string[]): RepHeaders {
  const at = (c: number | null) => (c === null ? null : (headers[c] ?? null));
  return { id: at(columns.id), capacity: at(columns.capacity), role: at(columns.role) };
}

/** Saved rep headers matched to the reps table as it is now, by name (see {@link matchSavedHeaders}). */
export function restoreRepColumns(
  saved: RepHeaders,
  headers: readonly string[],
  before?: RepColumns | null,
): MatchedColumns<keyof RepColumns> {
  return matchSavedHeaders(saved, headers, REP_COLUMN_LABELS, before, "reps table's column choice");
}

/** The largest capacity a rep can have: ten full shares (a larger number is taken for a typing slip, e.g. 50 for 0.5). */
export const MAX_CAPACITY = 10;

/** Guesses the reps table's columns from its headers (never guessing when nothing matches). */
export function autoMapReps(headers: readonly string[]): RepColumns {
  const find = (...clues: RegExp[]) => {
    for (const c of clues) {
      const i = headers.findIndex((h) => c.test(norm(h)));
      if (i >= 0) return i;
    }
    return null;
  };
  return {
    id: find(/rep id/, /^id$/, /^rep$/, /\bname\b/),
    capacity: find(/capacity/, /ramp/, /\bfte\b/),
    role: find(/\brole\b/, /\btitle\b/),
  };
}

/** The distinct roles in a reps table, in first-seen order. */
export function rolesIn(data: TableData, columns: RepColumns): string[] {
  return columns.role === null ? [] : distinctTexts(data.rows, columns.role);
}

/**
 * The reps who get territories: rows whose role is among `roles` (all rows without a role
 * column or with `roles` null), capacity 1 when the column is blank. Problems are listed with
 * their row; a rep with a problem is left out of the result.
 */
export function repsFromTable(
  data: TableData,
  columns: RepColumns,
  roles: readonly string[] | null,
): { reps: Seat[]; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  if (columns.id === null)
    return {
      reps: [],
      problems: [
        {
          row: null,
          message: "Choose the column that identifies each rep (it must match the accounts' owner column).",
        },
      ],
    };
  const wanted = roles && columns.role !== null ? new Set(roles.map(norm)) : null;
  const reps: Seat[] = [];
  const seen = new Map<string, number>();
  data.rows.forEach((row, i) => {
    const n = i + 1;
    if (wanted && !wanted.has(norm(String(row[columns.role!] ?? "")))) return;
    const problem = readRep(row, n, columns, seen);
    if (typeof problem === "string") problems.push({ row: n, message: problem });
    else reps.push(problem);
  });
  if (reps.length === 0 && problems.length === 0)
    problems.push({ row: null, message: "No reps are left after the role filter; choose at least one role." });
  return { reps, problems };
}

/** One rep row as a seat, or what is wrong with it. */
function readRep(row: readonly unknown[], n: number, columns: RepColumns, seen: Map<string, number>): Seat | string {
  const id = row[columns.id!];
  if (isBlank(id)) return `Reps row ${n}: the rep is blank.`;
  const name = String(id).trim();
  const first = seen.get(norm(name));
  if (first !== undefined) return `Reps row ${n}: rep "${name}" also appears on row ${first}.`;
  seen.set(norm(name), n);
  if (columns.capacity === null || isBlank(row[columns.capacity])) return { name, capacity: 1 };
  const c = row[columns.capacity];
  if (typeof c !== "number" || !Number.isFinite(c) || c <= 0 || c > MAX_CAPACITY) {
    return `Reps row ${n}: capacity "${String(c)}" is not a number above 0 and at most ${MAX_CAPACITY} (1 = a full share, 0.5 = ramping at half).`;
  }
  return { name, capacity: c };
}
