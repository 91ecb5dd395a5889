import { CellPos } from "../../workbook/a1";
import { PreviewTable, PreviewWorkbook } from "../../workbook/preview/previewWorkbook";
import type { CellContent, CellStyle, Edit, Part } from "../useWorkbook";
import { writtenContent } from "../useWorkbook";
import { adjustRows, RowShift } from "./rowShift";

/** The table whose data rows hold a cell, if any. */
export function tableAt(wb: PreviewWorkbook, sheet: string, pos: CellPos): PreviewTable | null {
  const lower = sheet.toLowerCase();
  return (
    wb
      .tables()
      .find(
        (t) =>
          t.sheet.toLowerCase() === lower &&
          pos.row > t.anchor.row &&
          pos.row <= t.anchor.row + t.rowCount &&
          pos.col >= t.anchor.col &&
          pos.col < t.anchor.col + t.headers.length,
      ) ?? null
  );
}

/**
 * What inserting (count > 0) or deleting (count < 0) rows at `row` changes, as one undoable edit,
 * or why it cannot be done (an edit with no parts changes nothing). In a table's data rows only the table's columns move (down to the
 * sheet's last used row) and the table grows or shrinks, as Excel's Insert/Delete Table Rows;
 * elsewhere whole sheet rows move. Formulas anywhere that refer to moved cells follow them.
 * Refused: a shift that would move another table (the preview cannot move a table), and
 * deleting every data row of a table.
 */
export function planRowChange(wb: PreviewWorkbook, sheet: string, at: CellPos, count: number): Edit | string {
  const row = at.row;
  const used = wb.usedRange(sheet);
  const table = tableAt(wb, sheet, at);
  const cols = table
    ? { first: table.anchor.col, last: table.anchor.col + table.headers.length - 1 }
    : { first: 0, last: Math.max(0, used?.end.col ?? 0) };
  const shift: RowShift = { sheet, at: row, count, cols: table ? cols : undefined };
  const deleted = count < 0 ? -count : 0;
  const lastUsed = Math.max(used?.end.row ?? -1, table ? table.anchor.row + table.rowCount : -1);
  const lower = sheet.toLowerCase();
  const inTheWay = wb
    .tables()
    .find(
      (t) =>
        t !== table &&
        t.sheet.toLowerCase() === lower &&
        t.anchor.row + t.rowCount >= row &&
        t.anchor.col <= cols.last &&
        t.anchor.col + t.headers.length - 1 >= cols.first,
    );
  if (inTheWay)
    return `Table ${inTheWay.name} is at or below row ${row + 1}: the preview cannot move a table. Insert or delete rows inside it instead.`;
  if (table && deleted >= table.rowCount)
    return `Table ${table.name} needs at least one data row; delete the table's contents instead.`;

  const width = cols.last - cols.first + 1;
  const top = { row, col: cols.first };
  const height = Math.max(0, lastUsed - row + 1) + Math.max(0, count);
  const parts: Part[] = [];
  if (height > 0) {
    const before: CellContent[][] = [];
    const beforeStyles: CellStyle[][] = [];
    for (let r = 0; r < height; r++) {
      const contents: CellContent[] = [];
      const styles: CellStyle[] = [];
      for (let c = 0; c < width; c++) {
        const pos = { row: row + r, col: cols.first + c };
        contents.push(writtenContent(wb, sheet, pos));
        styles.push({ format: wb.cell(sheet, pos).numberFormat, bold: wb.isBold(sheet, pos) });
      }
      before.push(contents);
      beforeStyles.push(styles);
    }
    const moved = (c: CellContent) => (typeof c === "string" && c.startsWith("=") ? adjustRows(c, sheet, shift) : c);
    const blankStyle = (): CellStyle[] => Array.from({ length: width }, () => ({ format: null, bold: false }));
    const after: CellContent[][] = [];
    const afterStyles: CellStyle[][] = [];
    for (let r = 0; r < height; r++) {
      const from = r - count;
      if (from >= 0 && from < height) {
        after.push(before[from].map(moved));
        afterStyles.push(beforeStyles[from]);
      } else {
        after.push(Array<CellContent>(width).fill(null));
        afterStyles.push(blankStyle());
      }
    }
    if (table && count > 0) fillCalculatedColumns(wb, sheet, table, after, count);
    parts.push({ sheet, topLeft: top, before, after, styles: { before: beforeStyles, after: afterStyles } });
  }
  parts.push(...referencesElsewhere(wb, shift, { top: row, bottom: row + height - 1, ...cols }));
  return {
    parts,
    tables: table ? [{ name: table.name, before: table.rowCount, after: table.rowCount + count }] : [],
  };
}

/** A calculated column (the same [@...] formula in its first and last data rows) fills the inserted rows. */
function fillCalculatedColumns(
  wb: PreviewWorkbook,
  sheet: string,
  table: PreviewTable,
  after: CellContent[][],
  count: number,
): void {
  table.headers.forEach((_, i) => {
    const col = table.anchor.col + i;
    const first = wb.cell(sheet, { row: table.anchor.row + 1, col }).formula;
    const last = wb.cell(sheet, { row: table.anchor.row + table.rowCount, col }).formula;
    if (!first || first !== last || !first.includes("[@")) return;
    for (let r = 0; r < count; r++) after[r][i] = first;
  });
}

/** Formulas outside the moved block, on any sheet, whose references to moved cells must follow them. */
function referencesElsewhere(
  wb: PreviewWorkbook,
  shift: RowShift,
  block: { top: number; bottom: number; first: number; last: number },
): Part[] {
  const parts: Part[] = [];
  const target = shift.sheet.toLowerCase();
  for (const name of wb.sheetNames()) {
    const formulas = wb.engine.getSheetFormulas(wb.engine.getSheetId(name)!);
    const home = name.toLowerCase() === target;
    formulas.forEach((cells, r) =>
      cells.forEach((engineText, c) => {
        if (engineText === undefined) return;
        if (home && r >= block.top && r <= block.bottom && c >= block.first && c <= block.last) return;
        const written = wb.cell(name, { row: r, col: c }).formula;
        if (!written) return;
        const adjusted = adjustRows(written, name, shift);
        if (adjusted !== written)
          parts.push({ sheet: name, topLeft: { row: r, col: c }, before: [[written]], after: [[adjusted]] });
      }),
    );
  }
  return parts;
}
