import * as React from "react";
import { cellAddress, parseCell, parseRange, rangeAddress, RangePos } from "../../workbook/a1";
import { PreviewWorkbook } from "../../workbook/preview/previewWorkbook";
import { formatValue } from "../numberFormat";
import { gridEdits, parseEntry, useWorkbookVersion } from "../useWorkbook";
import { ChartView } from "./ChartView";
import { chartData } from "./chartData";
import { FormulaBar } from "./FormulaBar";
import { CellSelection, Grid, GridHandle } from "./Grid";
import { SheetTabs } from "./SheetTabs";
import { useWorkbookViewStyles } from "./useWorkbookViewStyles.styles";

export { parseEntry };

/** Props of {@link WorkbookView}. */
export interface WorkbookViewProps {
  /** The workbook to show and edit. */
  readonly wb: PreviewWorkbook;
  /** Why rows of a sheet cannot be inserted or deleted (see GridProps.rowsLocked). */
  readonly rowsLocked?: (sheet: string) => Promise<string | null>;
}

const A1: RangePos = { start: { row: 0, col: 0 }, end: { row: 0, col: 0 } };
const sameRange = (a: RangePos, b: RangePos) => rangeAddress(a) === rangeAddress(b);

/** The preview's workbook: formula bar, grid with charts, sheet tabs, and the active cell announced. */
export function WorkbookView({ wb, rowsLocked }: WorkbookViewProps): React.JSX.Element {
  useWorkbookVersion(wb);
  const styles = useWorkbookViewStyles();
  const edits = gridEdits(wb);
  const sheets = wb.sheetNames();
  const sheet = wb.selection?.sheet ?? sheets[0] ?? "";
  const range = wb.selection?.range ?? A1;
  // The workbook knows the selected range (the add-in reads it); the grid also knows which cell
  // of it is active. A range selected from outside (name box, task pane) starts at its top-left.
  const [local, setLocal] = React.useState<(CellSelection & { sheet: string }) | null>(null);
  const selection: CellSelection =
    local && local.sheet === sheet && sameRange(local.range, range) ? local : { active: range.start, range };
  const active = selection.active;
  const formulaInput = React.useRef<HTMLInputElement>(null);
  const grid = React.useRef<GridHandle>(null);
  const activeCell = sheet ? wb.cell(sheet, active) : null;
  const isError = activeCell?.value !== null && typeof activeCell?.value === "object";
  const content = activeCell
    ? (activeCell.formula ??
      (isError ? (activeCell.value as { error: string }).error : formatValue(activeCell.value, null)))
    : "";

  const select = (next: CellSelection) => {
    setLocal({ ...next, sheet });
    wb.select(sheet, rangeAddress(next.range));
  };
  const goTo = (address: string) => {
    try {
      parseRange(address.trim());
    } catch {
      return false;
    }
    wb.select(sheet, address.trim().toUpperCase());
    grid.current?.focus();
    return true;
  };
  // Typed and pasted text is read as files are, and tables grow as in Excel (see writeCells.ts).
  const commit = (text: string) => {
    edits.type(sheet, active, [[text]]);
    wb.select(sheet, cellAddress({ row: active.row + 1, col: active.col }));
    grid.current?.focus();
  };

  if (!sheet) return <div className={styles.root}>This workbook has no sheets.</div>;
  return (
    <div className={styles.root}>
      <FormulaBar
        address={cellAddress(active)}
        content={content}
        onGoTo={goTo}
        onCommit={commit}
        inputRef={formulaInput}
      />
      <Grid
        ref={grid}
        wb={wb}
        sheet={sheet}
        selection={selection}
        onSelectionChange={select}
        edits={edits}
        rowsLocked={rowsLocked}
        overlays={wb.charts(sheet).map((chart) => ({
          anchor: parseCell(chart.anchor),
          node: <ChartView spec={chart} data={chartData(wb, chart)} />,
        }))}
      />
      <div role="status" aria-live="polite" aria-label="Active cell" className={styles.announcer}>
        {activeCell ? announce(cellAddress(active), activeCell, selection.range) : ""}
        {activeCell && isError ? (
          <span data-part="message">{(activeCell.value as { message: string }).message}</span>
        ) : null}
      </div>
      <SheetTabs sheets={sheets} active={sheet} onSelect={(s) => wb.select(s, "A1")} />
    </div>
  );
}

/** What a screen reader says when a cell becomes active: its address, the value shown, its formula (an error's reason follows). */
function announce(address: string, cell: ReturnType<PreviewWorkbook["cell"]>, range: RangePos): string {
  const v = cell.value;
  const shown = v !== null && typeof v === "object" ? v.error : formatValue(v, cell.numberFormat) || "blank";
  const extent = sameRange(range, { start: range.start, end: range.start }) ? "" : `, ${rangeAddress(range)} selected`;
  return `${address}, ${shown}${cell.formula ? `, formula ${cell.formula}` : ""}${extent}. `;
}
