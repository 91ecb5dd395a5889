/**
 * Typing and pasting into the preview as Excel does it: text read by the same rules as opened
 * files (en-US: 1,234, $1,200.50, (300), 12%, 2019-03-01, 3/4/2019 month first, TRUE), formulas
 * kept, and tables that grow when cells are written directly below or right of them, or when
 * a paste runs past their last row: nothing written is ever outside the table it continues.
 */
import Papa from "papaparse";
import { CellPos, widest } from "../../workbook/a1";
import { PreviewWorkbook } from "../../workbook/preview/previewWorkbook";
import { asStored } from "../import/applyImport";
import { CellValue } from "../import/importPlan";
import { readValue, ReadOptions } from "../import/readValue";

/** How the preview reads typed and pasted text: Excel in en-US. */
export const TYPED: ReadOptions = { decimal: ".", dateOrder: "mdy" };

/** A typed or pasted text as the engine stores it, with the number format Excel would give it. */
export function entry(text: string): { content: CellValue; format: string | null } {
  const t = text.trim();
  if (t.startsWith("=") && t.length > 1) return { content: t, format: null };
  const v = readValue(text, TYPED);
  if (v.kind === "blank") return { content: null, format: null };
  if (v.kind === "text") return { content: asStored(v.value), format: null };
  return { content: v.value, format: v.kind === "number" || v.kind === "date" ? v.format : null };
}

/** Clipboard text (tab-separated rows, as Excel copies them; quoted cells may hold line breaks) as rows of cells. */
export function clipboardRows(text: string): string[][] {
  const rows = Papa.parse<string[]>(text.replace(/\r?\n$/, ""), {
    delimiter: "\t",
    newline: text.includes("\r\n") ? "\r\n" : "\n",
    quoteChar: '"',
  }).data;
  return rows.length ? rows : [[""]];
}

/** A cell's content as written (its formula, or its constant), so an edit can be undone exactly. */
export function writtenContent(wb: PreviewWorkbook, sheet: string, pos: CellPos): CellValue {
  const cell = wb.cell(sheet, pos);
  if (cell.formula !== null) return cell.formula;
  // A spilled value is its formula's, not the cell's: written back, it would block the spill.
  if (cell.value !== null && wb.holdsSpilledValue(sheet, pos)) return null;
  return cell.value !== null && typeof cell.value === "object" ? null : cell.value;
}

/**
 * An edit the preview's engine failed on, after its cells and tables were put back as they were:
 * its message says so, for the grid to show.
 */
export class EditNotDone extends Error {
  /** @param engineError What the engine threw. */
  constructor(readonly engineError: unknown) {
    super(
      `The preview could not calculate this edit (${engineError instanceof Error ? engineError.message : String(engineError)}), ` +
        "so the cells are as they were. Check the formula you entered, or enter it in another cell.",
    );
    this.name = "EditNotDone";
  }
}

/** How a write changed a table. */
export interface TableGrowth {
  readonly table: string;
  readonly addedRows: number;
  readonly addedColumns: number;
}

/**
 * Writes a block of typed texts from `topLeft`, growing any table the block continues: rows
 * directly below it or past its end, columns directly right of it. Calculated columns (one
 * formula down the whole column) fill the new rows the block leaves empty.
 */
export function writeTexts(
  wb: PreviewWorkbook,
  sheet: string,
  topLeft: CellPos,
  texts: readonly (readonly string[])[],
): TableGrowth[] {
  const entries = texts.map((row) => row.map(entry));
  const width = Math.max(1, widest(texts));
  const r0 = topLeft.row;
  const r1 = r0 + texts.length - 1;
  const c0 = topLeft.col;
  const c1 = c0 + width - 1;
  const grown: TableGrowth[] = [];
  const sizesBefore = wb
    .tables()
    .filter((t) => t.sheet.toLowerCase() === sheet.toLowerCase())
    .map((t) => ({ name: t.name, rowCount: t.rowCount, headers: [...t.headers] }));
  const fills: { sheet: string; pos: CellPos; formula: string }[] = [];
  const headerWrites: { pos: CellPos; text: string }[] = [];
  const blockBefore = entries.map((_, r) =>
    Array.from({ length: width }, (_, c) => writtenContent(wb, sheet, { row: r0 + r, col: c0 + c })),
  );
  let cellsBefore: { pos: CellPos; content: CellValue; bold: boolean }[] = [];
  try {
    for (const t of [...wb.tables()]) {
      if (t.sheet.toLowerCase() !== sheet.toLowerCase()) continue;
      const last = t.anchor.row + t.rowCount;
      const end = t.anchor.col + t.headers.length - 1;
      let rowCount = t.rowCount;
      const headers = [...t.headers];
      if (c0 <= end && c1 >= t.anchor.col && r0 >= t.anchor.row && r0 <= last + 1 && r1 > last)
        rowCount = r1 - t.anchor.row;
      if (c0 >= t.anchor.col && c0 <= end + 1 && c1 > end && r0 <= t.anchor.row + rowCount && r1 >= t.anchor.row) {
        for (let c = end + 1; c <= c1; c++) {
          const typed = r0 <= t.anchor.row && r1 >= t.anchor.row ? (texts[t.anchor.row - r0][c - c0] ?? "").trim() : "";
          let header = typed || `Column${headers.length + 1}`;
          for (let n = 2; headers.some((h) => h.toLowerCase() === header.toLowerCase()); n++)
            header = `${typed || "Column"}${typed ? n : headers.length + n - 1}`;
          headers.push(header);
          headerWrites.push({ pos: { row: t.anchor.row, col: c }, text: header });
        }
      }
      if (rowCount === t.rowCount && headers.length === t.headers.length) continue;
      const clash = wb
        .tables()
        .find(
          (o) =>
            o !== t &&
            o.sheet === t.sheet &&
            o.anchor.row <= t.anchor.row + rowCount &&
            o.anchor.row + o.rowCount >= t.anchor.row &&
            o.anchor.col <= t.anchor.col + headers.length - 1 &&
            o.anchor.col + o.headers.length - 1 >= t.anchor.col,
        );
      if (clash) continue;
      // Calculated columns: the same formula in the first and last data rows.
      if (rowCount > t.rowCount && t.rowCount > 0) {
        t.headers.forEach((_, i) => {
          const col = t.anchor.col + i;
          const first = wb.cell(sheet, { row: t.anchor.row + 1, col }).formula;
          if (!first || first !== wb.cell(sheet, { row: last, col }).formula || !first.includes("[@")) return;
          for (let row = last + 1; row <= t.anchor.row + rowCount; row++) {
            const inBlock =
              row >= r0 && row <= r1 && col >= c0 && col <= c1 && (texts[row - r0][col - c0] ?? "") !== "";
            if (!inBlock) fills.push({ sheet, pos: { row, col }, formula: first });
          }
        });
      }
      wb.resizeTable(t.name, rowCount, headers);
      grown.push({ table: t.name, addedRows: rowCount - t.rowCount, addedColumns: headers.length - t.headers.length });
    }
    cellsBefore = [...headerWrites.map((h) => h.pos), ...fills.map((f) => f.pos)].map((pos) => ({
      pos,
      content: writtenContent(wb, sheet, pos),
      bold: wb.isBold(sheet, pos),
    }));
    wb.batch(() => {
      wb.setBlock(
        sheet,
        topLeft,
        entries.map((row) => Array.from({ length: width }, (_, c) => row[c]?.content ?? null)),
      );
      for (const h of headerWrites) {
        wb.setCell(sheet, h.pos, asStored(h.text));
        wb.setBold(sheet, h.pos, true);
      }
      for (const f of fills) wb.setCell(f.sheet, f.pos, f.formula);
    });
  } catch (error) {
    try {
      wb.batch(() => {
        wb.setBlock(sheet, topLeft, blockBefore);
        for (const c of cellsBefore) {
          wb.setCell(sheet, c.pos, c.content);
          wb.setBold(sheet, c.pos, c.bold);
        }
      });
    } finally {
      for (const t of sizesBefore) wb.resizeTable(t.name, t.rowCount, t.headers);
      wb.notify();
    }
    throw new EditNotDone(error);
  }
  entries.forEach((row, r) =>
    row.forEach((e, c) => {
      const pos = { row: r0 + r, col: c0 + c };
      if (e.format && wb.cell(sheet, pos).numberFormat === null) wb.setNumberFormat(sheet, pos, e.format);
    }),
  );
  wb.notify();
  return grown;
}
