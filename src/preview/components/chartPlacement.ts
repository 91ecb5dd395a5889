import { parseCell, RangePos } from "../../workbook/a1";
import { PreviewWorkbook } from "../../workbook/preview/previewWorkbook";
import { ChartSpec } from "../../workbook/sheetSpec";
import { chartData } from "./chartData";
import { chartLayout } from "./chartLayout";
import { cellOffset, ROW_HEIGHT } from "./Grid";

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
