import * as React from "react";
import {
  AllCellRenderers,
  CompactSelection,
  ImageWindowLoaderImpl,
  DataEditorCore,
  GridCellKind,
  textCellRenderer,
  type DataEditorRef,
  type EditableGridCell,
  type GridColumn,
  type GridKeyEventArgs,
  type GridMouseEventArgs,
  type GridSelection,
  type CellClickedEventArgs,
  type HeaderClickedEventArgs,
  type Item,
  type Rectangle,
  type TextCell,
  type Theme,
} from "@glideapps/glide-data-grid";
import "@glideapps/glide-data-grid/dist/index.css";
import { CellPos, columnLetter, RangePos } from "../../workbook/a1";
import { PreviewWorkbook } from "../../workbook/preview/previewWorkbook";
import { GridEdits } from "../useWorkbook";
import { EditEnd, provideCellEditor, typeAhead } from "./CellEditor";
import { GridMenu, GridMenuActions } from "./GridMenu";
import { tableAt } from "./rowChange";
import { columnWidthPx, overflowDrawer, toGridCell } from "./gridCells";
import { ROW_HEIGHT, ROW_MARKER_WIDTH } from "./gridMetrics";
import { useWorkbookViewStyles } from "./useWorkbookViewStyles.styles";

/** Row height and header height in pixels, as Excel draws them at 100%. */

/** Excel's selection: a range and, inside it, the active cell. */
export interface CellSelection {
  /** The active cell (the one the formula bar edits). */
  readonly active: CellPos;
  /** The selected range, which contains the active cell. */
  readonly range: RangePos;
}

/** Something drawn over the grid at a cell (charts), scrolling with the sheet. */
export interface GridOverlay {
  /** The cell its top-left corner sits on. */
  readonly anchor: CellPos;
  /** What to draw. */
  readonly node: React.ReactNode;
}

/** What the page can ask of the grid. */
export interface GridHandle {
  /** Gives the grid the keyboard focus (after the name box or the formula bar, as Excel does). */
  focus(): void;
}

/** Props of {@link Grid}. */
export interface GridProps {
  /** The workbook. */
  readonly wb: PreviewWorkbook;
  /** The sheet shown. */
  readonly sheet: string;
  /** The selection. */
  readonly selection: CellSelection;
  /** Called when the user selects cells. */
  readonly onSelectionChange: (selection: CellSelection) => void;
  /** Where every edit goes. */
  readonly edits: GridEdits;
  /** Drawn over the grid at cells (charts). */
  readonly overlays?: readonly GridOverlay[];
  /**
   * Why rows of a sheet cannot be inserted or deleted (a sheet the add-in generated, whose layout
   * it owns), or null when they can.
   */
  readonly rowsLocked?: (sheet: string) => Promise<string | null>;
}

const THEME: Partial<Theme> = {
  accentColor: "#0f6cbd",
  accentLight: "rgba(15, 108, 189, 0.12)",
  textDark: "#242424",
  textHeader: "#424242",
  textHeaderSelected: "#ffffff",
  bgHeader: "#f3f3f3",
  bgHeaderHasFocus: "#e0e0e0",
  bgHeaderHovered: "#e8e8e8",
  borderColor: "#e0e0e0",
  headerBottomBorderColor: "#c7c7c7",
  fontFamily: '"Segoe UI", Calibri, Arial, sans-serif',
  baseFontStyle: "13px",
  headerFontStyle: "600 12px",
  markerFontStyle: "12px",
  editorFontSize: "13px",
  cellHorizontalPadding: 4,
  cellVerticalPadding: 2,
};

/** Screen readers read the text shown (the formatted value), not the formula the editor opens with. */
type Renderer = (typeof AllCellRenderers)[number];
const RENDERERS: readonly Renderer[] = AllCellRenderers.map((r) =>
  r.kind === GridCellKind.Text
    ? ({ ...textCellRenderer, getAccessibilityString: (c: TextCell) => c.displayData } as unknown as Renderer)
    : r,
);
/** The grid shows no images, but its props require a loader. */
const IMAGES = new ImageWindowLoaderImpl();

function toGlide(sel: CellSelection): GridSelection {
  const { start, end } = sel.range;
  return {
    current: {
      cell: [sel.active.col, sel.active.row],
      range: { x: start.col, y: start.row, width: end.col - start.col + 1, height: end.row - start.row + 1 },
      rangeStack: [],
    },
    columns: CompactSelection.empty(),
    rows: CompactSelection.empty(),
  };
}

const NO_SELECTION: GridSelection = {
  current: undefined,
  columns: CompactSelection.empty(),
  rows: CompactSelection.empty(),
};

interface FrozenRefs {
  readonly ref: React.RefObject<DataEditorRef | null>;
  readonly topRef: React.RefObject<DataEditorRef | null>;
  readonly mainBox: React.RefObject<HTMLDivElement | null>;
  readonly topBox: React.RefObject<HTMLDivElement | null>;
}

/**
 * Keeps the frozen-rows grid in step with the sheet's: the same sideways scroll both ways, the
 * keyboard in the grid that holds the active cell, and an active cell below the frozen rows
 * never hidden under them (the grid under them does not know they are there).
 */
function useFrozenRows(frozenRows: number, sheet: string, refs: FrozenRefs, active: CellPos, key: string): void {
  React.useEffect(() => {
    if (frozenRows === 0) return;
    const mainBox = refs.mainBox.current;
    const topBox = refs.topBox.current;
    if (!mainBox || !topBox) return;
    // Listened for on the boxes, in the capture phase: the grids' scrollers may not exist yet
    // when a sheet opens with frozen rows (both grids mount with it), and scroll events do not bubble.
    const scroller = (box: HTMLElement) => box.querySelector<HTMLElement>(".dvn-scroller");
    const follow = (toBox: HTMLElement) => (e: Event) => {
      const from = e.target as HTMLElement;
      const to = scroller(toBox);
      if (!to || !from.classList?.contains("dvn-scroller")) return;
      if (to.scrollLeft !== from.scrollLeft) to.scrollLeft = from.scrollLeft;
    };
    const mainMoved = follow(topBox);
    const topMoved = follow(mainBox);
    mainBox.addEventListener("scroll", mainMoved, { capture: true, passive: true });
    topBox.addEventListener("scroll", topMoved, { capture: true, passive: true });
    const main = scroller(mainBox);
    const top = scroller(topBox);
    if (main && top) top.scrollLeft = main.scrollLeft;
    return () => {
      mainBox.removeEventListener("scroll", mainMoved, { capture: true });
      topBox.removeEventListener("scroll", topMoved, { capture: true });
    };
  }, [frozenRows, sheet]);
  React.useEffect(() => {
    const main = refs.mainBox.current;
    if (!main) return;
    // The sheet's grid also holds the frozen rows, under the frozen grid: its accessible cells
    // for them are hidden and lose their ids, so that each cell is read (and found) once.
    const mark = () => {
      for (const td of main.querySelectorAll<HTMLElement>("td[id^='glide-cell-'], td[data-frozen-id]")) {
        const id = td.id || td.dataset.frozenId!;
        const under = Number(id.split("-")[3]) < frozenRows;
        if (under && td.id) {
          td.dataset.frozenId = id;
          td.removeAttribute("id");
          td.removeAttribute("data-testid");
          td.parentElement?.setAttribute("aria-hidden", "true");
        } else if (!under && !td.id) {
          td.id = id;
          td.setAttribute("data-testid", id);
          delete td.dataset.frozenId;
          td.parentElement?.removeAttribute("aria-hidden");
        }
      }
    };
    mark();
    if (frozenRows === 0) return;
    const observer = new MutationObserver(mark);
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [frozenRows, sheet]);
  React.useEffect(() => {
    if (frozenRows === 0) return;
    const inTop = active.row < frozenRows;
    const leaving = (inTop ? refs.mainBox : refs.topBox).current;
    if (leaving?.contains(document.activeElement)) (inTop ? refs.topRef : refs.ref).current?.focus();
    if (inTop) return;
    const bounds = refs.ref.current?.getBounds(active.col, active.row);
    const main = refs.mainBox.current;
    const scroller = main?.querySelector<HTMLElement>(".dvn-scroller");
    if (!bounds || !main || !scroller) return;
    const frozenBottom = main.getBoundingClientRect().top + (frozenRows + 1) * ROW_HEIGHT;
    if (bounds.y < frozenBottom) scroller.scrollTop -= frozenBottom - bounds.y;
  }, [key, frozenRows]);
}

function rectToRange(r: Rectangle): RangePos {
  return { start: { row: r.y, col: r.x }, end: { row: r.y + r.height - 1, col: r.x + r.width - 1 } };
}

/** Glide's selection as Excel's: whole rows and columns become ranges over the sheet's extent. */
function fromGlide(sel: GridSelection, rows: number, cols: number): CellSelection | null {
  if (sel.current) {
    const [col, row] = sel.current.cell;
    return { active: { row, col }, range: rectToRange(sel.current.range) };
  }
  const r = sel.rows;
  if (r.length > 0) {
    const first = r.first() ?? 0;
    const last = r.last() ?? first;
    return {
      active: { row: first, col: 0 },
      range: { start: { row: first, col: 0 }, end: { row: last, col: cols - 1 } },
    };
  }
  const c = sel.columns;
  if (c.length > 0) {
    const first = c.first() ?? 0;
    const last = c.last() ?? first;
    return {
      active: { row: 0, col: first },
      range: { start: { row: 0, col: first }, end: { row: rows - 1, col: last } },
    };
  }
  return null;
}

/** The grid opens its cell editor in a portal element with this id, the last child of the body. */
function ensurePortal(): void {
  if (document.getElementById("portal")) return;
  const portal = document.createElement("div");
  portal.id = "portal";
  Object.assign(portal.style, { position: "fixed", left: "0", top: "0", zIndex: "9999" });
  document.body.appendChild(portal);
}

/**
 * The sheet as Excel shows it, on Glide Data Grid (canvas, virtualised): select, type to replace,
 * F2 or double-click to edit, Enter/Tab/arrows to move, Shift+arrows or drag for ranges, Delete,
 * Ctrl+C/X/V as tab-separated text, Ctrl+Z/Y, Ctrl+D, column resize, frozen columns, text that
 * runs on into empty cells. It is a view: every change goes through {@link GridEdits}.
 */
export const Grid = React.forwardRef<GridHandle, GridProps>(function Grid(
  { wb, sheet, selection, onSelectionChange, edits, overlays = [], rowsLocked },
  handle,
) {
  const styles = useWorkbookViewStyles();
  const ref = React.useRef<DataEditorRef>(null);
  const activeGrid = () => (selection.active.row < frozenRows ? topRef : ref).current;
  React.useImperativeHandle(handle, () => ({ focus: () => activeGrid()?.focus() }));
  React.useEffect(ensurePortal, []);
  const box = React.useRef<HTMLDivElement>(null);
  const version = wb.version;
  const used = wb.usedRange(sheet);
  const { active } = selection;
  const rows = Math.max((used?.end.row ?? 0) + 101, 1000, active.row + 50);
  const cols = Math.max((used?.end.col ?? 0) + 5, 26, active.col + 5);
  const widths = wb.columnWidths(sheet);
  const frozen = wb.freeze(sheet)?.columns ?? 0;
  // Glide freezes leading columns only: frozen rows are a second grid over the first (see
  // docs/decisions.md), showing the same sheet rows, in step sideways.
  const frozenRows = Math.min(wb.freeze(sheet)?.rows ?? 0, 200);
  const topRef = React.useRef<DataEditorRef>(null);
  const topBox = React.useRef<HTMLDivElement>(null);
  const mainBox = React.useRef<HTMLDivElement>(null);

  const columns = React.useMemo<GridColumn[]>(
    () =>
      Array.from({ length: cols }, (_, c) => ({
        id: columnLetter(c),
        title: columnLetter(c),
        width: columnWidthPx(widths, c),
      })),
    // widths is mutated in place by the workbook; the version says when it changed.
    [cols, widths, version],
  );

  // One cache per workbook version: the canvas asks for the same cells many times per frame.
  const cellAt = React.useMemo(() => {
    const cache = new Map<number, TextCell>();
    return (col: number, row: number): TextCell => {
      const k = row * 20_000 + col;
      let cell = cache.get(k);
      if (!cell) {
        const pos = { row, col };
        cell = toGridCell(wb.cell(sheet, pos), wb.isBold(sheet, pos));
        cache.set(k, cell);
      }
      return cell;
    };
  }, [wb, sheet, version]);
  const getCellContent = React.useCallback(([col, row]: Item) => cellAt(col, row), [cellAt]);
  const getCellsForSelection = React.useCallback(
    (r: Rectangle) =>
      Array.from({ length: r.height }, (_, i) => Array.from({ length: r.width }, (_, j) => cellAt(r.x + j, r.y + i))),
    [cellAt],
  );
  const drawCell = React.useMemo(
    () => overflowDrawer(cellAt, (c) => columnWidthPx(widths, c), frozen),
    [cellAt, widths, frozen, version],
  );

  // A selection made outside the grid (name box, task pane) is scrolled into view by the grid
  // itself when its controlled selection changes.

  // A new selection object on every render would tell the grid the selection changed.
  const selectionKey = `${active.col},${active.row},${selection.range.start.col},${selection.range.start.row},${selection.range.end.col},${selection.range.end.row}`;
  const glideSelection = React.useMemo(() => toGlide(selection), [selectionKey]);
  // With frozen rows, the grid holding the active cell shows the selection; the other shows none
  // (a selection it cannot show would make it scroll to it).
  const inTop = active.row < frozenRows;
  const mainSelection = frozenRows > 0 && inTop ? NO_SELECTION : glideSelection;
  const topSelection = React.useMemo(
    () =>
      inTop
        ? toGlide({
            active,
            range: {
              start: selection.range.start,
              end: { ...selection.range.end, row: Math.min(selection.range.end.row, frozenRows - 1) },
            },
          })
        : NO_SELECTION,
    [selectionKey, frozenRows],
  );
  useFrozenRows(frozenRows, sheet, { ref, topRef, mainBox, topBox }, active, selectionKey);

  const report = (next: CellSelection) => onSelectionChange(next);
  const selectRange = (range: RangePos) => report({ active: range.start, range });

  // An edit the engine failed on (its cells put back): said until the next edit that is done
  // (GridEdits says so) or Escape, not cleared by the move to the next cell that Enter makes.
  const [failure, setFailure] = React.useState<string | null>(null);
  React.useEffect(() => edits.onRefusal(setFailure), [edits]);

  const onKeyDown = (e: GridKeyEventArgs) => {
    const primary = e.ctrlKey || e.metaKey;
    if (e.key === "Escape") setFailure(null);
    const key = e.key.toLowerCase();
    const stop = () => {
      e.cancel();
      e.preventDefault();
    };
    // Typing replaces the cell: the first printable key opens the editor, and the keys pressed
    // before it has mounted are queued for it rather than reopening it or moving away.
    const typing = /^[ -~]$/.test(e.key) && !primary && !e.altKey;
    const here = `${active.col},${active.row}`;
    if (!typeAhead.editorOpen && typeAhead.cell === here && Date.now() - typeAhead.since < 2000) {
      const end: EditEnd | null =
        e.key === "Enter"
          ? [0, e.shiftKey ? -1 : 1]
          : e.key === "Tab"
            ? [e.shiftKey ? -1 : 1, 0]
            : e.key === "Escape"
              ? "cancel"
              : null;
      if (typing || end) {
        // After a queued Enter or Tab, keys wait for the next cell's editor: they cannot
        // reopen this one, which would lose the entry already typed.
        stop();
        if (typeAhead.end) return;
        if (typing) typeAhead.text += e.key;
        else typeAhead.end = end;
        return;
      }
    }
    if (typing && !typeAhead.editorOpen) {
      Object.assign(typeAhead, { cell: here, text: "", end: null, since: Date.now() });
      return;
    }
    if (menu && e.key === "Escape") {
      // The grid kept the keyboard while its menu is open (a right-click on a column letter).
      stop();
      closeMenu();
    } else if ((e.key === "F10" && e.shiftKey) || e.key === "ContextMenu") {
      stop();
      const b = ref.current?.getBounds(active.col, active.row);
      if (b) openMenu({ x: b.x + b.width / 2, y: b.y + b.height / 2 }, "cell");
    } else if (primary && key === "z" && !e.shiftKey) {
      stop();
      const done = edits.undo();
      if (done && done.sheet === sheet) selectRange(done.range);
    } else if (primary && (key === "y" || (key === "z" && e.shiftKey))) {
      stop();
      const done = edits.redo();
      if (done && done.sheet === sheet) selectRange(done.range);
    } else if (primary && key === "d") {
      stop();
      edits.fillDown(sheet, selection.range);
    } else if (e.key === "Enter" && !primary && !e.altKey) {
      // Excel: Enter on a selected cell moves down (Shift+Enter up); F2 edits.
      stop();
      const row = Math.max(0, Math.min(rows - 1, active.row + (e.shiftKey ? -1 : 1)));
      selectRange({ start: { row, col: active.col }, end: { row, col: active.col } });
    }
  };

  const moveTo = (row: number, col: number) => selectRange({ start: { row, col }, end: { row, col } });

  // Down from the last frozen row goes on into the rows below, in the other grid.
  const onTopKeyDown = (e: GridKeyEventArgs) => {
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey;
    if (
      plain &&
      (e.key === "ArrowDown" || e.key === "Enter") &&
      active.row === frozenRows - 1 &&
      !typeAhead.editorOpen
    ) {
      e.cancel();
      e.preventDefault();
      moveTo(frozenRows, active.col);
      return;
    }
    onKeyDown(e);
  };

  const onCellEdited = ([col, row]: Item, value: EditableGridCell) => {
    if (value.kind !== GridCellKind.Text) return;
    edits.type(sheet, { row, col }, [[value.data]]);
  };

  const onPaste = ([col, row]: Item, values: readonly (readonly string[])[]): boolean => {
    const written = edits.pasteBlock(sheet, row, col, values);
    selectRange(written);
    return false;
  };

  // The right-click menu, on cells, row numbers and column letters (Shift+F10 or the menu key
  // opens it at the active cell). Its items are the keyboard's edit paths.
  const [menu, setMenu] = React.useState<{
    at: { x: number; y: number };
    on: "cell" | "column";
    locked?: string;
  } | null>(null);
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const openMenu = (at: { x: number; y: number }, on: "cell" | "column") => {
    setRefusal(null);
    setMenu({ at, on });
    void rowsLocked?.(sheet).then((why) => {
      if (why) setMenu((m) => m && { ...m, locked: why });
    });
  };
  const closeMenu = () => {
    setMenu(null);
    ref.current?.focus();
  };
  const range = selection.range;
  const rowCount = range.end.row - range.start.row + 1;
  const rowsAt = { row: range.start.row, col: active.col };
  const changeRows = (count: number) => {
    const why = edits.changeRows(sheet, rowsAt, count);
    if (why) setRefusal(why);
  };
  const menuActions: GridMenuActions = {
    cut: () => {
      void ref.current?.emit("copy").then(() => edits.clear(sheet, range));
    },
    copy: () => void ref.current?.emit("copy"),
    paste: () => void ref.current?.emit("paste"),
    clear: () => edits.clear(sheet, range),
    fillDown: () => edits.fillDown(sheet, range),
    insertRows: menu?.on === "column" ? undefined : () => changeRows(rowCount),
    deleteRows: menu?.on === "column" ? undefined : () => changeRows(-rowCount),
    rowsOf: tableAt(wb, sheet, rowsAt) ? "table" : "sheet",
    rowCount,
    rowsLocked: menu?.locked,
  };
  const onCellContextMenu = ([col, row]: Item, e: CellClickedEventArgs) => {
    e.preventDefault();
    const at = { x: e.bounds.x + e.localEventX, y: e.bounds.y + e.localEventY };
    const inside = row >= range.start.row && row <= range.end.row && col >= range.start.col && col <= range.end.col;
    if (col < 0) {
      // A row number: the whole row, as Excel selects it before its row menu.
      const whole =
        row >= range.start.row && row <= range.end.row && range.start.col === 0 && range.end.col === cols - 1;
      const next: CellSelection = whole
        ? selection
        : { active: { row, col: 0 }, range: { start: { row, col: 0 }, end: { row, col: cols - 1 } } };
      if (!whole) report(next);
      openMenu(at, "cell");
      return;
    }
    // Outside the selection the clicked cell becomes the selection (the grid selects it too).
    const next: CellSelection = inside
      ? selection
      : { active: { row, col }, range: { start: { row, col }, end: { row, col } } };
    if (!inside) report(next);
    openMenu(at, "cell");
  };
  const onHeaderContextMenu = (col: number, e: HeaderClickedEventArgs) => {
    e.preventDefault();
    if (col < 0) return;
    const at = { x: e.bounds.x + e.localEventX, y: e.bounds.y + e.localEventY };
    const whole = col >= range.start.col && col <= range.end.col && range.start.row === 0 && range.end.row === rows - 1;
    const next: CellSelection = whole
      ? selection
      : { active: { row: 0, col }, range: { start: { row: 0, col }, end: { row: rows - 1, col } } };
    if (!whole) report(next);
    openMenu(at, "column");
  };

  // Excel shows an error's reason when the pointer rests on the cell.
  const [tip, setTip] = React.useState<{ text: string; left: number; top: number } | null>(null);
  const onItemHovered = (args: GridMouseEventArgs) => {
    const origin = box.current?.getBoundingClientRect();
    if (args.kind !== "cell" || !origin) return setTip((t) => (t ? null : t));
    const [col, row] = args.location;
    const v = col >= 0 ? wb.cell(sheet, { row, col }).value : null;
    if (v === null || typeof v !== "object" || !v.message) return setTip((t) => (t ? null : t));
    setTip({
      text: v.message,
      left: args.bounds.x - origin.left,
      top: args.bounds.y + args.bounds.height - origin.top + 2,
    });
  };

  const [, setScrolled] = React.useState(0);
  const overlayBoxes = overlays.map((o, i) => {
    const b = ref.current?.getBounds(o.anchor.col, o.anchor.row);
    const origin = box.current?.getBoundingClientRect();
    const placed = b && origin && Number.isFinite(b.x) && Number.isFinite(b.y);
    const left = placed ? b.x - origin.left - ROW_MARKER_WIDTH : -10_000;
    const top = placed ? b.y - origin.top - ROW_HEIGHT : -10_000;
    return (
      <div key={i} className={styles.chart} style={{ left, top }}>
        {o.node}
      </div>
    );
  });

  // With frozen rows, a grid the user is not working in can report a stale selection when the
  // other one is clicked: after a click only the grid pressed is heard, after a key only one
  // whose sibling does not hold the keyboard (the cell editor's keys come from outside both).
  const pressed = React.useRef<HTMLElement | null>(null);
  const lastInput = React.useRef<"pointer" | "key">("key");
  const fromGrid = (s: GridSelection, from: HTMLElement | null) => {
    if (frozenRows > 0 && from) {
      const other = from === topBox.current ? mainBox.current : topBox.current;
      const working =
        lastInput.current === "pointer" ? from === pressed.current : !other?.contains(document.activeElement);
      if (!working) return;
    }
    const next = fromGlide(s, rows, cols);
    setRefusal(null);
    if (next) report(next);
  };

  const shared = {
    width: "100%",
    height: "100%",
    theme: THEME,
    renderers: RENDERERS,
    imageWindowLoader: IMAGES,
    columns,
    rowHeight: ROW_HEIGHT,
    headerHeight: ROW_HEIGHT,
    rowMarkers: { kind: "clickable-number", width: ROW_MARKER_WIDTH } as const,
    freezeColumns: frozen,
    getCellContent,
    getCellsForSelection,
    drawCell,
    rangeSelect: "rect",
    columnSelect: "single",
    rowSelect: "single",
    cellActivationBehavior: "double-click",
    keybindings: { activateCell: "F2", delete: "Delete|Backspace", clear: false, downFill: false, search: false },
    onCellEdited,
    provideEditor: provideCellEditor,
    onDelete: (s: GridSelection) => {
      const r = s.current?.range;
      if (r) edits.clear(sheet, rectToRange(r));
      return false;
    },
    onPaste,
    onColumnResize: (_: GridColumn, size: number, col: number) => edits.resizeColumn(sheet, col, size),
    onItemHovered,
    onCellContextMenu,
    onHeaderContextMenu,
  } as const;

  return (
    <div
      className={styles.gridBox}
      ref={box}
      onPointerDownCapture={(e) => {
        const target = e.target as Node;
        pressed.current = topBox.current?.contains(target) ? topBox.current : mainBox.current;
        lastInput.current = "pointer";
      }}
      onKeyDownCapture={() => {
        lastInput.current = "key";
      }}
      onMouseUp={() => {
        // A click on the cell that is already selected must still give the grid the keyboard.
        const focused = document.activeElement;
        if (!focused || !(box.current?.contains(focused) || document.getElementById("portal")?.contains(focused)))
          ref.current?.focus();
      }}
    >
      {frozenRows > 0 ? (
        <div
          className={styles.frozenRows}
          data-testid="frozen-rows"
          ref={topBox}
          style={{ height: (frozenRows + 1) * ROW_HEIGHT }}
          onWheel={(e) => {
            const scroller = mainBox.current?.querySelector<HTMLElement>(".dvn-scroller");
            if (scroller) scroller.scrollTop += e.deltaY;
          }}
        >
          <DataEditorCore
            key={`${sheet}:frozen`}
            ref={topRef}
            {...shared}
            rows={frozenRows}
            // As the sheet's grid below: snapped scrolling would draw its columns at other offsets.
            smoothScrollX
            gridSelection={topSelection}
            onGridSelectionChange={(s) => fromGrid(s, topBox.current)}
            onKeyDown={onTopKeyDown}
            onFinishedEditing={(_, movement) => {
              // Enter after an edit in the last frozen row goes on into the rows below, as Down does.
              if (movement[1] === 1 && active.row === frozenRows - 1) moveTo(frozenRows, active.col);
            }}
          />
        </div>
      ) : null}
      <div className={styles.gridFill} ref={mainBox}>
        <DataEditorCore
          key={sheet}
          ref={ref}
          {...shared}
          rows={rows}
          smoothScrollX
          smoothScrollY
          gridSelection={mainSelection}
          onGridSelectionChange={(s) => fromGrid(s, mainBox.current)}
          onKeyDown={onKeyDown}
          onVisibleRegionChanged={() => {
            if (overlays.length > 0) setScrolled((n) => n + 1);
          }}
        />
      </div>
      <div className={styles.overlayLayer} style={{ left: ROW_MARKER_WIDTH, top: ROW_HEIGHT }}>
        {overlayBoxes}
      </div>
      <GridMenu at={menu?.at ?? null} actions={menuActions} onClose={closeMenu} />
      {refusal || failure ? (
        // At the foot of the grid, clear of the top-left cells, where the edit often is.
        <div role="alert" className={styles.tooltip} style={{ left: 8, bottom: 24 }}>
          {refusal ?? failure}
        </div>
      ) : null}
      {tip ? (
        <div role="tooltip" className={styles.tooltip} style={{ left: tip.left, top: tip.top }}>
          {tip.text}
        </div>
      ) : null}
    </div>
  );
});
