import * as React from "react";
import { mergeClasses } from "@fluentui/react-components";
import { cellAddress, columnLetter, RangePos } from "../../workbook/a1";
import { PreviewWorkbook } from "../../workbook/preview/previewWorkbook";
import { formatValue } from "../numberFormat";
import { useWorkbookViewStyles } from "./useWorkbookViewStyles.styles";

/** Height of a grid row in pixels. */
export const ROW_HEIGHT = 22;
const DEFAULT_WIDTH = 88;
const OVERSCAN = 10;

/** Props of {@link Grid}. */
export interface GridProps {
  /** The workbook. */
  readonly wb: PreviewWorkbook;
  /** The sheet shown. */
  readonly sheet: string;
  /** The selected range. */
  readonly selection: RangePos;
  /** Called when the user clicks a cell (extend: shift held). */
  readonly onSelect: (row: number, col: number, extend: boolean) => void;
  /** Called when the user double-clicks a cell to edit it. */
  readonly onEdit: () => void;
  /** Called with the clipboard text when the user pastes (tab-separated rows, as Excel copies them). */
  readonly onPaste: (text: string) => void;
  /** Drawn over the grid (charts), positioned with {@link cellOffset}. */
  readonly children?: React.ReactNode;
}

/** Pixel width of a column. */
export function columnWidthPx(wb: PreviewWorkbook, sheet: string, col: number): number {
  const pt = wb.columnWidths(sheet)[columnLetter(col)];
  return pt ? Math.round(pt * 1.33) : DEFAULT_WIDTH;
}

/** Top-left pixel of a cell inside the grid (after the headers). */
export function cellOffset(wb: PreviewWorkbook, sheet: string, row: number, col: number): { x: number; y: number } {
  let x = 44;
  for (let c = 0; c < col; c++) x += columnWidthPx(wb, sheet, c);
  return { x, y: ROW_HEIGHT * (row + 1) };
}

/** A virtualised grid: column letters, row numbers, formatted values, errors as Excel shows them. */
export function Grid({ wb, sheet, selection, onSelect, onEdit, onPaste, children }: GridProps): React.JSX.Element {
  const styles = useWorkbookViewStyles();
  const scroller = React.useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = React.useState({ top: 0, height: 600 });
  const used = wb.usedRange(sheet);
  const rows = Math.max((used?.end.row ?? 0) + 20, 40);
  const cols = Math.max((used?.end.col ?? 0) + 4, 12);
  const first = Math.max(0, Math.floor(scroll.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows - 1, Math.ceil((scroll.top + scroll.height) / ROW_HEIGHT) + OVERSCAN);
  const inSel = (r: number, c: number) => r >= selection.start.row && r <= selection.end.row && c >= selection.start.col && c <= selection.end.col;

  // Keep the active cell in view, as Excel does when the selection moves (name box, Enter, tabs).
  const { row: activeRow, col: activeCol } = selection.start;
  React.useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const { x, y } = cellOffset(wb, sheet, activeRow, activeCol);
    const bottom = y + ROW_HEIGHT;
    if (y - ROW_HEIGHT < el.scrollTop) el.scrollTop = Math.max(0, y - ROW_HEIGHT);
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
    const right = x + columnWidthPx(wb, sheet, activeCol);
    if (x - 44 < el.scrollLeft) el.scrollLeft = Math.max(0, x - 44);
    else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = right - el.clientWidth;
    setScroll({ top: el.scrollTop, height: el.clientHeight || 600 });
  }, [wb, sheet, activeRow, activeCol]);

  const body: React.ReactNode[] = [];
  if (first > 0) body.push(<tr key="top" style={{ height: first * ROW_HEIGHT }} aria-hidden />);
  for (let r = first; r <= last; r++) {
    const cells: React.ReactNode[] = [
      <th key="h" scope="row" className={styles.rowHeader}>
        {r + 1}
      </th>,
    ];
    for (let c = 0; c < cols; c++) {
      const cell = wb.cell(sheet, { row: r, col: c });
      const v = cell.value;
      const isError = v !== null && typeof v === "object";
      const text = isError ? v.error : formatValue(v, cell.numberFormat);
      cells.push(
        <td
          key={c}
          role="gridcell"
          aria-selected={inSel(r, c)}
          data-address={cellAddress({ row: r, col: c })}
          title={isError ? v.message || v.error : undefined}
          className={mergeClasses(
            styles.cell,
            typeof v === "number" && styles.number,
            isError && styles.error,
            wb.isBold(sheet, { row: r, col: c }) && styles.bold,
            inSel(r, c) && styles.selected,
            r === selection.start.row && c === selection.start.col && styles.active,
          )}
          onMouseDown={(e) => onSelect(r, c, e.shiftKey)}
          onDoubleClick={onEdit}
        >
          {text}
        </td>,
      );
    }
    body.push(
      <tr key={r} style={{ height: ROW_HEIGHT }}>
        {cells}
      </tr>,
    );
  }
  if (last < rows - 1) body.push(<tr key="bottom" style={{ height: (rows - 1 - last) * ROW_HEIGHT }} aria-hidden />);

  return (
    <div
      className={styles.scroller}
      ref={scroller}
      tabIndex={0}
      aria-label="Cells"
      onPaste={(e) => {
        e.preventDefault();
        onPaste(e.clipboardData.getData("text/plain"));
      }}
      onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}>
      <table role="grid" aria-label={`Sheet ${sheet}`} className={styles.grid} style={{ width: cellOffset(wb, sheet, 0, cols).x }}>
        <colgroup>
          <col style={{ width: 44 }} />
          {Array.from({ length: cols }, (_, c) => (
            <col key={c} style={{ width: columnWidthPx(wb, sheet, c) }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={styles.corner} aria-label="Select all" />
            {Array.from({ length: cols }, (_, c) => (
              <th key={c} scope="col" className={styles.colHeader}>
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
      {children}
    </div>
  );
}
