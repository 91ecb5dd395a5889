import * as React from "react";
import { cellAddress, parseCell, parseRange, RangePos } from "../../workbook/a1";
import { PreviewWorkbook } from "../../workbook/preview/previewWorkbook";
import { formatValue } from "../numberFormat";
import { clipboardRows, writeTexts } from "../tables/writeCells";
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
  // Typed and pasted text is read as files are, and tables grow as in Excel (see writeCells.ts).
  const commit = (text: string) => {
    writeTexts(wb, sheet, active, [[text]]);
    wb.select(sheet, cellAddress({ row: active.row + 1, col: active.col }));
  };

  const paste = (text: string) => {
    writeTexts(wb, sheet, active, clipboardRows(text));
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
