import { columnLetter } from "../../workbook/a1";
import { PX_PER_PT } from "../useWorkbook";

/** Row height and row-number column width in pixels, as the preview's grid draws them (Excel's at 100%). */
export const ROW_HEIGHT = 22;
/** Width of the row-number column, in pixels. */
export const ROW_MARKER_WIDTH = 48;

/** Pixel width of a column nobody has sized. */
export const DEFAULT_COLUMN_WIDTH = 88;

/** Pixel width of a column, from the sheet's widths in points. */
export function columnWidthPx(widths: Readonly<Record<string, number>>, col: number): number {
  const pt = widths[columnLetter(col)];
  return pt ? Math.round(pt * PX_PER_PT) : DEFAULT_COLUMN_WIDTH;
}
