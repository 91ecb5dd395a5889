/** What kind of file the user brought, from its name and its first bytes. */

/** The file types the Open file control accepts. */
export const ACCEPTED_FILES = ".csv,.tsv,.txt,.xlsx";

/** "csv" for delimited text, "xlsx" for a workbook, or a message saying why it cannot be opened. */
export function fileKind(name: string, head: Uint8Array): "csv" | "xlsx" | { readonly error: string } {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
  const zip = head[0] === 0x50 && head[1] === 0x4b;
  if (ext === "xlsx" || ext === "xlsm") return "xlsx";
  if (ext === "csv" || ext === "tsv" || ext === "txt")
    return zip ? { error: `"${name}" is a zip file, not text. Open a .csv, .tsv, .txt or .xlsx file.` } : "csv";
  if (ext === "xls")
    return { error: `"${name}" is an old-format Excel file (.xls). Save it as .xlsx in Excel and open that.` };
  return { error: `"${name}" is not a CSV or Excel file. Open a .csv, .tsv, .txt or .xlsx file.` };
}
