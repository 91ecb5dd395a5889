import { useSyncExternalStore } from "react";
import { blockRange, CellPos, columnLetter, RangePos, widest } from "../workbook/a1";
import { PreviewWorkbook } from "../workbook/preview/previewWorkbook";
import { planRowChange } from "./components/rowChange";
import { shiftFormula } from "./shiftFormula";
import { EditNotDone, entry, writeTexts, writtenContent } from "./tables/writeCells";

/** Re-renders the calling component whenever the workbook changes; returns a change counter. */
export function useWorkbookVersion(wb: PreviewWorkbook): number {
  return useSyncExternalStore(
    (onChange) => wb.subscribe(onChange),
    () => wb.version,
  );
}

/** What a cell holds as written: a number, text, a boolean, a formula ("=..."), or null (empty). */
export type CellContent = number | string | boolean | null;

/**
 * What a typed entry becomes, by the same rules as opened files (see tables/writeCells.ts): a
 * number (1,234, $1,200.50, (300), 12%), a date, TRUE/FALSE, a formula, or text.
 */
export function parseEntry(text: string): CellContent {
  return entry(text).content;
}

/** One block of cells an edit changed, with its cells' contents (and, when they move, styles) before and after. */
export interface Part {
  readonly sheet: string;
  readonly topLeft: CellPos;
  readonly before: CellContent[][];
  readonly after: CellContent[][];
  /** Number formats and bold before and after, for edits that move cells (row insert and delete). */
  readonly styles?: { readonly before: CellStyle[][]; readonly after: CellStyle[][] };
}

/** A cell's number format and bold, which move with it when rows are inserted or deleted. */
export interface CellStyle {
  readonly format: string | null;
  readonly bold: boolean;
}

/** Where a table's header row is and how many data rows it has. */
export interface TablePlace {
  readonly headerRow: number;
  readonly rowCount: number;
}

/** One undoable edit: the blocks it wrote (the first is the one reported) and the tables it resized or moved. */
export interface Edit {
  readonly parts: readonly Part[];
  readonly tables: readonly { readonly name: string; readonly before: TablePlace; readonly after: TablePlace }[];
}

/** Pixels per point, as the grid draws column widths. */
export const PX_PER_PT = 1.33;

/**
 * The user's edits of the preview's grid, as Excel makes them: typing, pasting, clearing, fill
 * down, column widths, with undo and redo. Every change of cell contents goes through
 * {@link GridEdits.write}, the one place where a rule about what a write does (such as a table
 * growing when the user types or pastes below it) belongs; the grid itself is only a view.
 */
export class GridEdits {
  private readonly undoStack: Edit[] = [];
  private readonly redoStack: Edit[] = [];
  private readonly refusalListeners = new Set<(message: string | null) => void>();

  /** @param wb The workbook the edits change. */
  constructor(readonly wb: PreviewWorkbook) {}

  /**
   * Writes a block of contents from its top-left cell in one engine operation, records it for
   * undo and tells the views. Returns the range written.
   */
  write(sheet: string, topLeft: CellPos, rows: readonly (readonly CellContent[])[]): RangePos {
    const before = this.read(sheet, topLeft, rows);
    const edit: Edit = { parts: [{ sheet, topLeft, before, after: rows.map((r) => [...r]) }], tables: [] };
    if (this.replayGuarded(edit, "after")) this.record(edit);
    return blockRange(topLeft, rows);
  }

  /**
   * Writes typed or pasted texts from a cell as Excel reads them, growing any table they continue
   * (see writeTexts), and records it for undo. Undo restores the cells; a grown table keeps its size.
   */
  type(sheet: string, topLeft: CellPos, texts: readonly (readonly string[])[]): RangePos {
    const range = blockRange(topLeft, texts);
    const before = this.read(sheet, topLeft, texts);
    try {
      writeTexts(this.wb, sheet, topLeft, texts);
    } catch (error) {
      this.refuse(error instanceof EditNotDone ? error : new EditNotDone(error));
      return range;
    }
    const after = this.read(sheet, topLeft, texts);
    this.record({ parts: [{ sheet, topLeft, before, after }], tables: [] });
    this.done();
    return range;
  }

  /**
   * Calls `listener` with the message of each edit the engine failed on (the edit is not done
   * and its cells are as they were), and with null after each edit that is done; returns the
   * unsubscribe function.
   */
  onRefusal(listener: (message: string | null) => void): () => void {
    this.refusalListeners.add(listener);
    return () => this.refusalListeners.delete(listener);
  }

  private refuse(why: EditNotDone): void {
    for (const listener of this.refusalListeners) listener(why.message);
  }

  private done(): void {
    for (const listener of this.refusalListeners) listener(null);
  }

  /**
   * Pastes tab-separated text cells (rows of strings, as Excel copies them) at a cell. Excel ends
   * its clipboard text with a line break, which the grid reads as a last row with no cells (or
   * one empty cell): that row is not pasted, as clipboardRows drops it, so a paste below a table
   * does not grow it by a blank row.
   */
  pasteBlock(sheet: string, row: number, col: number, matrix: readonly (readonly string[])[]): RangePos {
    const last = matrix[matrix.length - 1];
    const afterLineBreak = matrix.length > 1 && (last.length === 0 || (last.length === 1 && last[0] === ""));
    return this.type(sheet, { row, col }, afterLineBreak ? matrix.slice(0, -1) : matrix);
  }

  /** Empties every cell of a range (Delete). */
  clear(sheet: string, range: RangePos): void {
    const height = range.end.row - range.start.row + 1;
    const width = range.end.col - range.start.col + 1;
    this.write(
      sheet,
      range.start,
      Array.from({ length: height }, () => Array<CellContent>(width).fill(null)),
    );
  }

  /**
   * Excel's Ctrl+D: copies the top row of the range into the rows below it, formulas moved as a
   * fill moves them; with a single row selected, copies the row above into it.
   */
  fillDown(sheet: string, range: RangePos): void {
    const sourceRow = range.start.row === range.end.row ? range.start.row - 1 : range.start.row;
    if (sourceRow < 0) return;
    const width = range.end.col - range.start.col + 1;
    const source = this.read(sheet, { row: sourceRow, col: range.start.col }, [Array(width).fill(null)])[0];
    const first = sourceRow + 1;
    const rows: CellContent[][] = [];
    for (let r = first; r <= range.end.row; r++) {
      rows.push(
        source.map((c) => (typeof c === "string" && c.startsWith("=") ? shiftFormula(c, r - sourceRow, 0) : c)),
      );
    }
    this.write(sheet, { row: first, col: range.start.col }, rows);
  }

  /**
   * Excel's Insert (count > 0) or Delete (count < 0) of rows at a row: inside a table its columns
   * shift and the table grows or shrinks, elsewhere the whole sheet's rows shift with the tables
   * below; references
   * follow the cells that moved (see planRowChange). One undo step. Returns why it cannot be
   * done, or null when done.
   */
  changeRows(sheet: string, at: CellPos, count: number): string | null {
    const plan = planRowChange(this.wb, sheet, at, count);
    if (typeof plan === "string") return plan;
    if (plan.parts.length === 0) return null;
    if (this.replayGuarded(plan, "after")) this.record(plan);
    return null;
  }

  /** Sets a column's width from a drag, in pixels. */
  resizeColumn(sheet: string, col: number, px: number): void {
    this.wb.setColumnWidths(sheet, { [columnLetter(col)]: Math.round((px / PX_PER_PT) * 100) / 100 });
    this.wb.notify();
  }

  /** Undoes the last edit; returns the range it restored, or null when there is nothing to undo. */
  undo(): { sheet: string; range: RangePos } | null {
    const edit = this.undoStack.pop();
    if (!edit) return null;
    if (!this.replayGuarded(edit, "before")) {
      this.undoStack.push(edit);
      return null;
    }
    this.redoStack.push(edit);
    return { sheet: edit.parts[0].sheet, range: extent(edit.parts[0]) };
  }

  /** Redoes the last undone edit; returns the range it wrote, or null. */
  redo(): { sheet: string; range: RangePos } | null {
    const edit = this.redoStack.pop();
    if (!edit) return null;
    if (!this.replayGuarded(edit, "after")) {
      this.redoStack.push(edit);
      return null;
    }
    this.undoStack.push(edit);
    return { sheet: edit.parts[0].sheet, range: extent(edit.parts[0]) };
  }

  /**
   * Puts an edit's cells and tables on one side (undo: before; redo, a row change: after); should
   * the engine fail, puts them back on the other side and says so. Returns whether it was done.
   */
  private replayGuarded(edit: Edit, side: "before" | "after"): boolean {
    try {
      this.replay(edit, side);
    } catch (error) {
      try {
        this.replay(edit, side === "before" ? "after" : "before");
      } finally {
        this.refuse(new EditNotDone(error));
      }
      return false;
    }
    this.done();
    return true;
  }

  /** Writes an edit's side in the order that side was made: "after" forwards, "before" backwards. */
  private replay(edit: Edit, side: "before" | "after"): void {
    this.resizeTables(edit, side);
    const parts = side === "after" ? edit.parts : [...edit.parts].reverse();
    for (const part of parts) this.applyPart(part, side);
  }

  private record(edit: Edit): void {
    this.undoStack.push(edit);
    this.redoStack.length = 0;
  }

  private resizeTables(edit: Edit, side: "before" | "after"): void {
    for (const t of edit.tables) {
      const table = this.wb.tables().find((x) => x.name === t.name);
      if (table) this.wb.placeTable(t.name, t[side].headerRow, t[side].rowCount, table.headers);
    }
  }

  private applyPart(part: Part, side: "before" | "after"): void {
    this.apply(part.sheet, part.topLeft, part[side]);
    part.styles?.[side].forEach((row, i) =>
      row.forEach((style, j) => {
        const pos = { row: part.topLeft.row + i, col: part.topLeft.col + j };
        this.wb.setNumberFormat(part.sheet, pos, style.format);
        this.wb.setBold(part.sheet, pos, style.bold);
      }),
    );
    if (part.styles) this.wb.notify();
  }

  private read(sheet: string, topLeft: CellPos, shape: readonly (readonly unknown[])[]): CellContent[][] {
    return shape.map((r, i) =>
      r.map((_, j) => writtenContent(this.wb, sheet, { row: topLeft.row + i, col: topLeft.col + j })),
    );
  }

  private apply(sheet: string, topLeft: CellPos, rows: readonly (readonly CellContent[])[]): void {
    if (rows.length === 0) return;
    this.wb.setBlock(sheet, topLeft, rows);
    this.wb.notify();
  }
}

function extent(edit: Part): RangePos {
  const width = Math.max(1, widest(edit.after));
  return {
    start: edit.topLeft,
    end: { row: edit.topLeft.row + edit.after.length - 1, col: edit.topLeft.col + width - 1 },
  };
}

const editsByWorkbook = new WeakMap<PreviewWorkbook, GridEdits>();

/** The one {@link GridEdits} of a workbook (so undo spans every view of it). */
export function gridEdits(wb: PreviewWorkbook): GridEdits {
  let edits = editsByWorkbook.get(wb);
  if (!edits) {
    edits = new GridEdits(wb);
    editsByWorkbook.set(wb, edits);
  }
  return edits;
}
