import { ChartSpec } from "../../workbook/sheetSpec";
import { PreviewWorkbook } from "../../workbook/preview/previewWorkbook";

/** A chart's labels and series values as numbers, read from the workbook's tables. */
export interface ChartData {
  /** Category labels. */
  readonly labels: string[];
  /** One entry per series. */
  readonly series: { readonly name: string; readonly values: number[] }[];
}

function column(wb: PreviewWorkbook, table: string, header: string): unknown[] {
  const t = wb.tables().find((x) => x.name === table);
  const c = t ? t.headers.indexOf(header) : -1;
  if (!t || c < 0 || t.rowCount === 0) return [];
  const col = t.anchor.col + c;
  return wb
    .values(t.sheet, { start: { row: t.anchor.row + 1, col }, end: { row: t.anchor.row + t.rowCount, col } })
    .map((r) => r[0]);
}

/** Reads what a chart shows from the current cell values (so charts follow recalculation). */
export function chartData(wb: PreviewWorkbook, chart: ChartSpec): ChartData {
  return {
    labels: column(wb, chart.categories.table, chart.categories.column).map((v) => String(v ?? "")),
    series: chart.series.map((s) => ({
      name: s.name,
      values: column(wb, s.values.table, s.values.column).map((v) => (typeof v === "number" ? v : 0)),
    })),
  };
}
