import { excelReadsAs, ExcelReading } from "../workbook/excelReading";
import { ColumnMapping } from "./columnMapping";
import { isBlank, textKey } from "../core/text";

/** One problem in the accounts data, with the 1-based data row it is on (header excluded). */
export interface DataProblem {
  /** 1-based row among the data rows; null for problems of the whole table. */
  readonly row: number | null;
  /** What is wrong and what to do. */
  readonly message: string;
}

/**
 * Lists every problem the territory step would trip on: required columns not mapped; blank,
 * text or negative potential; blank or duplicate account ids; pinned owners not among the reps
 * (when a rep list is known). Nothing is fixed or guessed here: the user excludes rows or fixes
 * the data.
 */
export function findDataProblems(
  rows: readonly (readonly unknown[])[],
  mapping: ColumnMapping,
  repIds: readonly string[] | null,
): DataProblem[] {
  const problems: DataProblem[] = [];
  if (mapping.id === null) problems.push({ row: null, message: "Choose the column that identifies each account." });
  if (mapping.potential === null)
    problems.push({ row: null, message: "Choose the column with each account's potential." });
  if (problems.length) return problems;
  const seen = new Map<string, number>();
  const reps = repIds ? new Set(repIds.map(textKey)) : null;
  rows.forEach((row, i) => {
    const n = i + 1;
    const id = row[mapping.id!];
    if (isBlank(id)) problems.push({ row: n, message: `Row ${n}: the account is blank.` });
    else {
      const key = textKey(id);
      const first = seen.get(key);
      if (first !== undefined)
        problems.push({ row: n, message: `Row ${n}: account "${String(id).trim()}" also appears on row ${first}.` });
      else seen.set(key, n);
    }
    const p = row[mapping.potential!];
    if (isBlank(p)) problems.push({ row: n, message: `Row ${n}: potential is blank.` });
    else if (typeof p !== "number" || !Number.isFinite(p))
      problems.push({ row: n, message: `Row ${n}: potential is the text "${String(p)}", not a number.` });
    else if (p < 0) problems.push({ row: n, message: `Row ${n}: potential is negative (${p}).` });
    if (mapping.workload !== null) {
      const w = row[mapping.workload];
      if (!isBlank(w) && (typeof w !== "number" || !Number.isFinite(w) || w < 0))
        problems.push({ row: n, message: `Row ${n}: workload "${String(w)}" is not a number of 0 or more.` });
    }
    if (reps && mapping.pinned !== null) {
      const pin = row[mapping.pinned];
      if (!isBlank(pin) && !reps.has(textKey(pin)))
        problems.push({ row: n, message: `Row ${n}: pinned owner "${String(pin).trim()}" is not among the reps.` });
    }
  });
  return problems;
}

/** A text cell Excel would not keep as that text if it were typed: reported, never changed. */
export interface ReinterpretedCell {
  /** 1-based row among the data rows. */
  readonly row: number;
  /** The column's header. */
  readonly column: string;
  /** What Excel would make of it. */
  readonly reading: ExcelReading;
  /** The row, column and text, what Excel would read, and that the add-in keeps the text. */
  readonly message: string;
}

function describeReading(r: ExcelReading): string {
  const kept = "it is kept as text";
  switch (r.kind) {
    case "formula":
      return `starts with ${r.lead}, as a formula does; ${kept}, never run.`;
    case "number":
      return `is text that Excel would read as the number ${r.value}${r.leadingZeros ? " (leading zeros lost)" : ""}; ${kept}.`;
    case "percentage":
      return `is text that Excel would read as the percentage ${r.text.replace(/\s/g, "")}; ${kept}.`;
    case "boolean":
      return `is text that Excel would read as the boolean ${r.text}; ${kept}.`;
    case "date":
      return `is text that Excel would read as a date; ${kept}.`;
    case "error":
      return `is text that Excel would read as the error ${r.text}; ${kept}.`;
  }
}

/**
 * Lists the text cells that look like a formula (leading =, +, -, @) or that Excel would read
 * as a number, percentage, boolean, date or error value if they were typed ("00123", "5%",
 * "TRUE", "2019-03-01", "#N/A"), with their row and column. These are warnings: the add-in
 * writes such text as text and compares it as text. Columns mapped as numbers are left to
 * {@link findDataProblems}, which refuses text there.
 */
export function findReinterpretedCells(
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
  mapping: ColumnMapping,
): ReinterpretedCell[] {
  const numeric = new Set(
    [mapping.potential, mapping.workload, mapping.latitude, mapping.longitude].filter((c): c is number => c !== null),
  );
  const found: ReinterpretedCell[] = [];
  rows.forEach((row, i) =>
    row.forEach((v, c) => {
      if (typeof v !== "string" || numeric.has(c)) return;
      const reading = excelReadsAs(v);
      if (reading)
        found.push({
          row: i + 1,
          column: headers[c] ?? `column ${c + 1}`,
          reading,
          message: `Row ${i + 1}, ${headers[c] ?? `column ${c + 1}`}: "${v}" ${describeReading(reading)}`,
        });
    }),
  );
  return found;
}
