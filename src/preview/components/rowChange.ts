import { CellPos } from "../../workbook/a1";
import { PreviewTable, PreviewWorkbook } from "../../workbook/preview/previewWorkbook";
import type { CellContent, CellStyle, Edit, Part, TablePlace } from "../useWorkbook";
import { writtenContent } from "../tables/writeCells";
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
 * or why it cannot be done (an edit with no parts changes nothing). In a table's data rows only
 * the table's columns move (down to the sheet's last used row) and the table grows or shrinks,
 * as Excel's Insert/Delete Table Rows; elsewhere whole sheet rows move, and with them the tables
 * of the sheet as in Excel (see {@link placeAcross}). Formulas anywhere that refer to moved
 * cells follow them. Refused: a shift inside a table that would move another table below it, a
 * delete across the sheet that takes a table's header row, and deleting every data row of a
 * table.
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
  const lower = sheet.toLowerCase();
  // A table's blank rows below the used range still move (or shrink) with the rows.
  const lastUsed = wb
    .tables()
    .filter((t) => t.sheet.toLowerCase() === lower)
    .reduce((last, t) => Math.max(last, t.anchor.row + t.rowCount), used?.end.row ?? -1);
  const below = wb
    .tables()
    .filter(
      (t) =>
        t !== table &&
        t.sheet.toLowerCase() === lower &&
        t.anchor.row + t.rowCount >= row &&
        t.anchor.col <= cols.last &&
        t.anchor.col + t.headers.length - 1 >= cols.first,
    );
  // Inside a table only its columns shift: another table below them would be cut.
  if (table && below.length)
    return `Table ${below[0].name} is below, in the columns that would shift with the rows of table ${table.name}. Insert or delete the rows from a cell outside any table, so that whole sheet rows move and the tables with them.`;
  // A delete inside a table that runs below it takes only the table's rows from the table.
  const cut = table ? Math.min(deleted, table.anchor.row + table.rowCount - row + 1) : 0;
  if (table && cut >= table.rowCount)
    return `Table ${table.name} needs at least one data row; delete the table's contents instead.`;
  const across = below.map((t) => ({ t, place: placeAcross(t, row, count) }));
  const refused = across.find((a) => typeof a.place === "string");
  if (refused) return refused.place as string;

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
    if (table && count > 0) fillCalculatedColumns(wb, sheet, table, after, count, 0);
    for (const { t, place } of across)
      if (count > 0 && (place as TablePlace).rowCount > t.rowCount)
        fillCalculatedColumns(wb, sheet, t, after, count, t.anchor.col - cols.first);
    parts.push({ sheet, topLeft: top, before, after, styles: { before: beforeStyles, after: afterStyles } });
  }
  parts.push(...referencesElsewhere(wb, shift, { top: row, bottom: row + height - 1, ...cols }));
  return {
    parts,
    tables: table
      ? [
          {
            name: table.name,
            before: placeOf(table),
            after: { ...placeOf(table), rowCount: table.rowCount + (count > 0 ? count : -cut) },
          },
        ]
      : across.map(({ t, place }) => ({ name: t.name, before: placeOf(t), after: place as TablePlace })),
  };
}

function placeOf(t: PreviewTable): TablePlace {
  return { headerRow: t.anchor.row, rowCount: t.rowCount };
}

/**
 * Where a table goes when whole sheet rows are inserted (count > 0) or deleted (count < 0) at
 * `row` (0-based) at or above its last row, as in Excel: below the change it moves; inserted
 * among its data rows, it grows; deleted among them, it shrinks. Or why it cannot: the rows
 * deleted take its header row, or all its data rows.
 */
function placeAcross(t: PreviewTable, row: number, count: number): TablePlace | string {
  const header = t.anchor.row;
  if (count > 0)
    return row <= header
      ? { headerRow: header + count, rowCount: t.rowCount }
      : { headerRow: header, rowCount: t.rowCount + count };
  const last = row - count - 1;
  if (last < header) return { headerRow: header + count, rowCount: t.rowCount };
  const rows = -count > 1 ? `Rows ${row + 1}-${last + 1} include` : `Row ${row + 1} includes`;
  if (row <= header)
    return `${rows} the header row of table ${t.name}; delete rows below its header, or the table's contents.`;
  const cut = Math.min(last, header + t.rowCount) - row + 1;
  if (cut >= t.rowCount) return `Table ${t.name} needs at least one data row; delete the table's contents instead.`;
  return { headerRow: header, rowCount: t.rowCount - cut };
}

/**
 * A calculated column (the same [@...] formula in its first and last data rows) fills the
 * inserted rows, the first `count` rows of `after`, whose columns start `offset` columns left
 * of the table's.
 */
function fillCalculatedColumns(
  wb: PreviewWorkbook,
  sheet: string,
  table: PreviewTable,
  after: CellContent[][],
  count: number,
  offset: number,
): void {
  table.headers.forEach((_, i) => {
    const col = table.anchor.col + i;
    const first = wb.cell(sheet, { row: table.anchor.row + 1, col }).formula;
    const last = wb.cell(sheet, { row: table.anchor.row + table.rowCount, col }).formula;
    if (!first || first !== last || !first.includes("[@")) return;
    for (let r = 0; r < count; r++) after[r][offset + i] = first;
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
