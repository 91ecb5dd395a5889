import * as React from "react";
import { cellAddress, parseCell, parseRange, RangePos } from "../../workbook/a1";
import { PreviewWorkbook } from "../../workbook/preview/previewWorkbook";
import { formatValue } from "../numberFormat";
import { useWorkbookVersion } from "../useWorkbook";
import { ChartView } from "./ChartView";
import { chartData } from "./chartData";
import { FormulaBar } from "./FormulaBar";
import { cellOffset, Grid } from "./Grid";
import { SheetTabs } from "./SheetTabs";
import { useWorkbookViewStyles } from "./useWorkbookViewStyles.styles";

/** Props of {@link WorkbookView}. */
export interface WorkbookViewProps {
  /** The workbook to show and edit. */
  readonly wb: PreviewWorkbook;
}

/** What a typed entry becomes: a number when it reads as one, TRUE/FALSE, a formula, or text. */
export function parseEntry(text: string): number | string | boolean | null {
  const t = text.trim();
  if (t === "") return null;
  if (t.startsWith("=")) return t;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i.test(t)) return t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
  if (/^(true|false)$/i.test(t)) return t.toUpperCase() === "TRUE";
  return text;
}

/** The preview's workbook: formula bar, grid with charts, and sheet tabs. */
export function WorkbookView({ wb }: WorkbookViewProps): React.JSX.Element {
  useWorkbookVersion(wb);
  const styles = useWorkbookViewStyles();
  const sheets = wb.sheetNames();
  const sheet = wb.selection?.sheet ?? sheets[0] ?? "";
  const selection: RangePos = wb.selection?.range ?? { start: { row: 0, col: 0 }, end: { row: 0, col: 0 } };
  const active = selection.start;
  const formulaInput = React.useRef<HTMLInputElement>(null);
  const activeCell = sheet ? wb.cell(sheet, active) : null;
  const content = activeCell ? (activeCell.formula ?? (activeCell.value !== null && typeof activeCell.value === "object" ? activeCell.value.error : formatValue(activeCell.value, null))) : "";

  const select = (row: number, col: number, extend: boolean) => {
    const start = extend ? active : { row, col };
    const a = cellAddress(start);
    const b = cellAddress({ row, col });
    wb.select(sheet, a === b ? a : `${a}:${b}`);
  };
  const goTo = (address: string) => {
    try {
      parseRange(address.trim());
    } catch {
      return false;
    }
    wb.select(sheet, address.trim().toUpperCase());
    return true;
  };
  const commit = (text: string) => {
    wb.setCell(sheet, active, parseEntry(text));
    wb.select(sheet, cellAddress({ row: active.row + 1, col: active.col }));
  };

  const paste = (text: string) => {
    const rows = text.replace(/\r/g, "").replace(/\n$/, "").split("\n").map((line) => line.split("\t").map(parseEntry));
    wb.setBlock(sheet, active, rows);
    wb.notify();
  };

  if (!sheet) return <div className={styles.root}>This workbook has no sheets.</div>;
  return (
    <div className={styles.root}>
      <FormulaBar address={cellAddress(active)} content={content} onGoTo={goTo} onCommit={commit} inputRef={formulaInput} />
      <Grid wb={wb} sheet={sheet} selection={selection} onSelect={select} onEdit={() => formulaInput.current?.focus()} onPaste={paste}>
        {wb.charts(sheet).map((chart, i) => {
          const at = parseCell(chart.anchor);
          const { x, y } = cellOffset(wb, sheet, at.row, at.col);
          return (
            <div key={i} className={styles.chart} style={{ left: x, top: y }}>
              <ChartView spec={chart} data={chartData(wb, chart)} />
            </div>
          );
        })}
      </Grid>
      <SheetTabs sheets={sheets} active={sheet} onSelect={(s) => wb.select(s, "A1")} />
    </div>
  );
}
