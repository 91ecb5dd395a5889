import {
  drawTextCell,
  GridCellKind,
  type DrawCellCallback,
  type TextCell,
  type Theme,
} from "@glideapps/glide-data-grid";
import { PreviewCell } from "../../workbook/preview/previewWorkbook";
import { formatValue } from "../numberFormat";
export { columnWidthPx, DEFAULT_COLUMN_WIDTH } from "./gridMetrics";

/** The red Excel uses for error values. */
const ERROR_COLOUR = "#c50f1f";

/** What the grid draws for a cell: the text shown, the text edited, and Excel's alignment. */
export function toGridCell(cell: PreviewCell, bold: boolean): TextCell {
  const v = cell.value;
  const isError = v !== null && typeof v === "object";
  const shown = isError ? v.error : formatValue(v, cell.numberFormat);
  const edited = cell.formula ?? (isError ? v.error : formatValue(v, null));
  const align = isError || typeof v === "boolean" ? "center" : typeof v === "number" ? "right" : "left";
  const themeOverride: Partial<Theme> = {};
  if (bold) themeOverride.baseFontStyle = "600 13px";
  if (isError) themeOverride.textDark = ERROR_COLOUR;
  return {
    kind: GridCellKind.Text,
    data: edited,
    displayData: shown,
    copyData: shown,
    contentAlign: align,
    allowOverlay: true,
    readonly: false,
    themeOverride: bold || isError ? themeOverride : undefined,
  };
}

/** True when a cell's text may run on into empty cells to its right (Excel does this for text only). */
function overflows(cell: TextCell): boolean {
  return cell.displayData !== "" && cell.contentAlign === "left";
}

/** How far left an empty cell looks for text running into it. */
const OVERFLOW_REACH = 30;

/**
 * Draws long text on into the empty cells to its right, as Excel does. The grid clips each
 * cell to its column, so each empty cell draws its own slice of the text from the left
 * neighbour that overflows into it; a non-empty cell in between stops the text.
 *
 * @param cellAt The cell the grid shows at a column and row (sheet coordinates).
 * @param widthOf A column's width in pixels.
 * @param frozen Frozen columns: text never runs from a frozen column into a scrolling one.
 */
export function overflowDrawer(
  cellAt: (col: number, row: number) => TextCell,
  widthOf: (col: number) => number,
  frozen: number,
): DrawCellCallback {
  return (args, draw) => {
    draw();
    const { cell, col, row, rect, ctx, theme } = args;
    if (cell.kind !== GridCellKind.Text || cell.displayData !== "") return;
    const stop = col >= frozen ? frozen : 0;
    let x = rect.x;
    for (let c = col - 1; c >= Math.max(stop, col - OVERFLOW_REACH); c--) {
      x -= widthOf(c);
      const origin = cellAt(c, row);
      if (origin.displayData === "") continue;
      if (!overflows(origin)) return;
      const style = origin.themeOverride?.baseFontStyle ?? theme.baseFontStyle;
      ctx.save();
      ctx.font = `${style} ${theme.fontFamily}`;
      ctx.textBaseline = "middle";
      const width = rect.x + rect.width - x;
      // The grid passes its full drawing arguments; the callback's type names only some of them.
      const full = args as unknown as Parameters<typeof drawTextCell>[0];
      drawTextCell(
        {
          ...full,
          rect: { x, y: rect.y, width, height: rect.height },
          theme: { ...full.theme, ...origin.themeOverride },
        },
        origin.displayData,
        "left",
      );
      ctx.restore();
      return;
    }
  };
}
