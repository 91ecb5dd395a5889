/**
 * CSV and TSV files to rows of text, with papaparse: the delimiter (comma, semicolon, tab)
 * detected from the first lines and correctable, quoted fields and line breaks inside quotes
 * handled, progress reported per chunk.
 */
import Papa from "papaparse";

/** The delimiters the import dialog offers. */
export type Delimiter = "," | ";" | "\t";

/** Labels for the delimiters. */
export const DELIMITER_LABELS: Readonly<Record<Delimiter, string>> = { ",": "Comma", ";": "Semicolon", "\t": "Tab" };

/**
 * The delimiter that splits the first lines into the same number of fields most consistently
 * (quotes respected); ties go to tab, then semicolon, then comma, since a comma is often a
 * decimal separator or inside text.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: Delimiter = ",";
  let bestScore = -1;
  for (const d of ["\t", ";", ","] as Delimiter[]) {
    const rows = Papa.parse<string[]>(sample, { delimiter: d, preview: 20, skipEmptyLines: true }).data;
    if (rows.length === 0) continue;
    const width = rows[0].length;
    if (width < 2) continue;
    const consistent = rows.filter((r) => r.length === width).length / rows.length;
    const score = consistent * 1000 + Math.min(width, 999);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Parses text into rows of fields. Empty lines are skipped (a final line break adds no row); a line of empty fields is a blank row. */
export function parseCsv(text: string, delimiter: Delimiter, onProgress?: (fraction: number) => void): string[][] {
  const rows: string[][] = [];
  // papaparse streams strings chunk by chunk, synchronously, when given a chunk callback.
  const config = {
    delimiter,
    skipEmptyLines: true,
    chunkSize: 1024 * 1024,
    chunk: (results: Papa.ParseResult<string[]>) => {
      for (const r of results.data) rows.push(r);
      if (onProgress) onProgress(Math.min(1, results.meta.cursor / Math.max(1, text.length)));
    },
  } as unknown as Papa.ParseConfig<string[]>;
  Papa.parse<string[]>(text, config);
  return rows;
}
