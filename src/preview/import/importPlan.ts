/**
 * What an opened CSV becomes, before anything is written: each column's detected type, the
 * first rows, and every cell that does not fit its column's type (kept as text, listed). Pure,
 * so it runs in a Web Worker and in tests alike.
 */
import { Delimiter, detectDelimiter, parseCsv } from "./csv";
import { decode, detectEncoding, looksBinary, TextEncodingName } from "./decode";
import { distinctHeaders } from "./names";
import {
  ColumnType,
  DateOrder,
  DateOrderEvidence,
  proposeDateOrder,
  proposeDecimal,
  readValue,
  ReadOptions,
  ReadValue,
} from "./readValue";

/** Excel's sheet size. */
export const MAX_ROWS = 1_048_576;
/** Excel's sheet width. */
export const MAX_COLUMNS = 16_384;
/** How many mismatched cells the plan lists one by one (the count is always exact). */
export const LISTED_MISMATCHES = 500;
/** How many data rows the dialog shows. */
export const PREVIEW_ROWS = 8;

/** Everything the user can correct in the import dialog. */
export interface ImportOptions extends ReadOptions {
  readonly encoding: TextEncodingName;
  readonly delimiter: Delimiter;
  /** True when the first row holds the headers. */
  readonly hasHeader: boolean;
  /** A type per column chosen by the user; missing entries take the detected type. */
  readonly columnTypes: readonly (ColumnType | null)[];
}

/** One column of the import. */
export interface ColumnPlan {
  readonly header: string;
  /** What the data suggests. */
  readonly detected: ColumnType;
  /** What will be used (the user's choice, else the detected type). */
  readonly type: ColumnType;
  /** The number format the column gets ("yyyy-mm-dd", "$#,##0.00"), or null for General. */
  readonly format: string | null;
}

/** A cell that does not read as its column's type: it is kept as text. */
export interface Mismatch {
  /** Row in the file, 1-based, header included. */
  readonly row: number;
  readonly column: string;
  readonly text: string;
  readonly expected: ColumnType;
}

/** The import as the dialog shows it. */
export interface ImportPlan {
  readonly options: ImportOptions;
  readonly columns: readonly ColumnPlan[];
  /** The first data rows as text. */
  readonly preview: readonly (readonly string[])[];
  /** Data rows (header excluded). */
  readonly rowCount: number;
  readonly mismatches: readonly Mismatch[];
  readonly mismatchCount: number;
  /** What the dates say about day/month order. */
  readonly dateEvidence: DateOrderEvidence;
  /** What the numbers say about the decimal separator. */
  readonly proposedDecimal: "." | ",";
}

/** A file that cannot be opened; nothing has been changed. */
export class ImportError extends Error {
  constructor(
    message: string,
    /** Rows at fault (1-based), when the problem is in particular rows. */
    readonly rows: readonly number[] = [],
  ) {
    super(message);
    this.name = "ImportError";
  }
}

/** A cell value as written to the workbook. */
export type CellValue = number | string | boolean | null;

/**
 * An opened CSV: the bytes are decoded and parsed once per encoding and delimiter; types are
 * re-read whenever the user changes an option.
 */
export class CsvImport {
  private parsed: { encoding: TextEncodingName; delimiter: Delimiter; rows: string[][] } | null = null;
  private text: { encoding: TextEncodingName; value: string } | null = null;
  /** Every data cell read under the last plan's reading options, by column. */
  private read: { key: string; columns: ReadValue[][] } | null = null;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly fileName: string,
    private readonly onProgress: (fraction: number) => void = () => {},
  ) {}

  /** The options the file suggests: its encoding, delimiter, decimal separator and date order. */
  detect(): ImportOptions {
    if (this.bytes.length === 0) throw new ImportError(`"${this.fileName}" is empty.`);
    const { encoding } = detectEncoding(this.bytes);
    if (looksBinary(this.bytes, encoding))
      throw new ImportError(
        `"${this.fileName}" is not a CSV or text file (it holds binary data). Open a .csv, .tsv, .txt or .xlsx file.`,
      );
    const delimiter = detectDelimiter(this.decoded(encoding));
    const rows = this.rows(encoding, delimiter);
    const cells = rows.slice(1, 2001).flat();
    const decimal = proposeDecimal(cells);
    const dateOrder = proposeDateOrder(cells).order;
    const first = rows[0] ?? [];
    const opts = { decimal, dateOrder };
    const hasHeader =
      first.every((t) => readValue(t, opts).kind === "text") &&
      new Set(first.map((h) => h.trim().toLowerCase())).size === first.length;
    return { encoding, delimiter, decimal, dateOrder, hasHeader, columnTypes: [] };
  }

  /** The plan under the given options. @throws ImportError for an empty, header-only, ragged or oversized file. */
  plan(options: ImportOptions): ImportPlan {
    const rows = this.rows(options.encoding, options.delimiter);
    if (rows.length === 0) throw new ImportError(`"${this.fileName}" has no rows.`);
    const width = rows[0].length;
    const ragged: number[] = [];
    rows.forEach((r, i) => {
      if (r.length !== width) ragged.push(i + 1);
    });
    if (ragged.length > 0) {
      const shown = ragged.slice(0, 20).join(", ");
      throw new ImportError(
        `"${this.fileName}" has rows with a different number of fields than the first row (${width}): row${ragged.length > 1 ? "s" : ""} ${shown}${ragged.length > 20 ? ` and ${ragged.length - 20} more` : ""}. Check the delimiter, or fix those rows.`,
        ragged,
      );
    }
    const data = options.hasHeader ? rows.slice(1) : rows;
    if (data.length === 0) throw new ImportError(`"${this.fileName}" has a header row but no data rows.`);
    if (data.length + 1 > MAX_ROWS || width > MAX_COLUMNS)
      throw new ImportError(
        `"${this.fileName}" has ${rows.length} rows and ${width} columns: a sheet holds at most ${MAX_ROWS} rows and ${MAX_COLUMNS} columns.`,
      );
    const headers = distinctHeaders(options.hasHeader ? rows[0] : rows[0].map(() => ""));
    const offset = options.hasHeader ? 2 : 1;
    const mismatches: Mismatch[] = [];
    let mismatchCount = 0;
    const readKey = `${options.encoding}|${options.delimiter}|${options.decimal}|${options.dateOrder}|${options.hasHeader}`;
    if (this.read?.key !== readKey)
      this.read = { key: readKey, columns: headers.map((_, c) => data.map((row) => readValue(row[c], options))) };
    const read = this.read.columns;
    const columns: ColumnPlan[] = headers.map((header, c) => {
      const counts: Record<string, number> = { number: 0, date: 0, boolean: 0, text: 0 };
      const formats = new Map<string, number>();
      for (const v of read[c]) {
        if (v.kind === "blank") continue;
        counts[v.kind]++;
        if (v.kind === "number" || v.kind === "date")
          formats.set(v.format ?? "General", (formats.get(v.format ?? "General") ?? 0) + 1);
      }
      const nonBlank = counts.number + counts.date + counts.boolean + counts.text;
      const top = (["number", "date", "boolean"] as const).reduce((a, b) => (counts[b] > counts[a] ? b : a));
      const detected: ColumnType = nonBlank > 0 && counts[top] * 2 >= nonBlank ? top : "text";
      const type = options.columnTypes[c] ?? detected;
      if (type !== "text") {
        read[c].forEach((v, r) => {
          if (v.kind !== "blank" && v.kind !== type) {
            const row = data[r];
            mismatchCount++;
            if (mismatches.length < LISTED_MISMATCHES)
              mismatches.push({ row: r + offset, column: header, text: row[c], expected: type });
          }
        });
      }
      return { header, detected, type, format: columnFormat(type, formats) };
    });
    mismatches.sort((a, b) => a.row - b.row);
    return {
      options,
      columns,
      preview: data.slice(0, PREVIEW_ROWS),
      rowCount: data.length,
      mismatches,
      mismatchCount,
      dateEvidence: proposeDateOrder(data.slice(0, 5000).flat()),
      proposedDecimal: proposeDecimal(data.slice(0, 2000).flat()),
    };
  }

  /** The data rows as cell values under a plan: typed where they fit, text as written otherwise. */
  cells(plan: ImportPlan): CellValue[][] {
    const rows = this.rows(plan.options.encoding, plan.options.delimiter);
    const data = plan.options.hasHeader ? rows.slice(1) : rows;
    if (
      this.read?.key !==
      `${plan.options.encoding}|${plan.options.delimiter}|${plan.options.decimal}|${plan.options.dateOrder}|${plan.options.hasHeader}`
    )
      this.plan(plan.options);
    const read = this.read!.columns;
    const types = plan.columns.map((c) => c.type);
    return data.map((row, r) =>
      row.map((text, c) => {
        const v = read[c][r];
        if (v.kind === "blank") return null;
        // A text column keeps every cell as written; a cell of another kind than its column stays text.
        return types[c] === "text" || v.kind !== types[c] ? text : v.value;
      }),
    );
  }

  private decoded(encoding: TextEncodingName): string {
    if (this.text?.encoding !== encoding) this.text = { encoding, value: decode(this.bytes, encoding) };
    return this.text.value;
  }

  private rows(encoding: TextEncodingName, delimiter: Delimiter): string[][] {
    if (this.parsed?.encoding !== encoding || this.parsed.delimiter !== delimiter) {
      this.parsed = { encoding, delimiter, rows: parseCsv(this.decoded(encoding), delimiter, this.onProgress) };
    }
    return this.parsed.rows;
  }
}

/** The format a column gets: dates as ISO (with time when any cell has one), numbers by their most common format. */
function columnFormat(type: ColumnType, formats: Map<string, number>): string | null {
  if (type === "date") return [...formats.keys()].find((f) => f.includes("hh")) ?? "yyyy-mm-dd";
  if (type !== "number") return null;
  let best: string | null = null;
  let n = 0;
  for (const [f, count] of formats) {
    if (f.includes("yy")) continue;
    if (count > n) [best, n] = [f, count];
  }
  return best === "General" ? null : best;
}

/** The date orders, for the dialog. */
export const DATE_ORDER_LABELS: Readonly<Record<DateOrder, string>> = {
  dmy: "Day first (31/12/2024)",
  mdy: "Month first (12/31/2024)",
};
