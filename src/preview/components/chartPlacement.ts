import { parseCell, RangePos } from "../../workbook/a1";
import { PreviewWorkbook } from "../../workbook/preview/previewWorkbook";
import { ChartSpec } from "../../workbook/sheetSpec";
import { chartData } from "./chartData";
import { chartLayout } from "./chartLayout";
import { columnWidthPx, ROW_HEIGHT, ROW_MARKER_WIDTH } from "./gridMetrics";

/** Where a cell's top-left corner is drawn in the grid, in pixels from the grid's top-left (row numbers and header included). */
export function cellOffset(wb: PreviewWorkbook, sheet: string, row: number, col: number): { x: number; y: number } {
  const widths = wb.columnWidths(sheet);
  let x = ROW_MARKER_WIDTH;
  for (let c = 0; c < col; c++) x += columnWidthPx(widths, c);
  return { x, y: ROW_HEIGHT * (row + 1) };
}

/**
 * The cells a chart is drawn over in the preview: from its anchor cell, as wide and as tall as
 * its layout (legend included). The add-in's sheets place charts where these cells are empty.
 */
export function chartFootprint(wb: PreviewWorkbook, sheet: string, chart: ChartSpec): RangePos {
  const at = parseCell(chart.anchor);
  const { width, height } = chartLayout(chart, chartData(wb, chart));
  const { x } = cellOffset(wb, sheet, at.row, at.col);
  let col = at.col;
  while (cellOffset(wb, sheet, 0, col + 1).x < x + width) col++;
  const rows = Math.ceil(height / ROW_HEIGHT);
  return { start: at, end: { row: at.row + rows - 1, col } };
}
