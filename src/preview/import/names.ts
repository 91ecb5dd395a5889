/** Valid, unique sheet and table names for opened files, as Excel would accept them. */

const BAD_SHEET_CHARS = /[:\\/?*[\]]/g;

/** Strips a file's extension: "Deals 2019.csv" -> "Deals 2019". */
export function baseName(fileName: string): string {
  const name = fileName.replace(/^.*[\\/]/, "");
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * A sheet name from any text: the characters Excel refuses replaced by "_", no apostrophe at
 * either end, at most 31 characters, unique among `existing` (case-insensitive) by a " (2)"
 * suffix as Excel gives a copied sheet.
 */
export function uniqueSheetName(wanted: string, existing: readonly string[]): string {
  let base = wanted
    .replace(BAD_SHEET_CHARS, "_")
    .replace(/^'+|'+$/g, "")
    .trim();
  if (base === "" || base.toLowerCase() === "history") base = base === "" ? "Sheet" : `${base}_`;
  base = base.slice(0, 31);
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${base.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * A table name from any text: letters, digits, underscores and dots, starting with a letter or
 * an underscore (ASCII, which structured references in the preview understand), never a cell address (A1, R1C1) or R or C, unique among `existing`.
 */
export function uniqueTableName(wanted: string, existing: readonly string[]): string {
  let base = wanted
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_.]+/g, "_")
    .replace(/^_+(?=.)/, "");
  // The engine's structured references know ASCII names only: a name with no ASCII letter or digit left is "Table".
  if (!/[A-Za-z0-9]/.test(base)) base = "Table";
  if (!/^[A-Za-z_]/.test(base)) base = `T_${base}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[RrCc]$/.test(base) || /^[Rr]\d*[Cc]\d*$/.test(base)) base = `${base}_`;
  base = base.slice(0, 250);
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`.toLowerCase())) return `${base}_${n}`;
}

/** Headers made usable: trimmed, blanks named Column1..., repeats numbered "Name2". */
export function distinctHeaders(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  return raw.map((h, i) => {
    let base = h.trim().replace(/[\r\n]+/g, " ");
    if (base === "") base = `Column${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}
