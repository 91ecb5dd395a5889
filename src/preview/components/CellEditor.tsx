import * as React from "react";
import { GridCellKind, type GridCell, type ProvideEditorCallback, type ProvideEditorComponent, type TextCell } from "@glideapps/glide-data-grid";

/**
 * Keys typed between the one that opens the editor and the editor taking focus (the grid loads
 * its editor lazily the first time): the grid keeps them here and the editor appends them.
 */
export const typeAhead = { cell: null as string | null, text: "", since: 0, editorOpen: false };

/**
 * Edits a cell in place as Excel does: the formula or value as written, the caret at the end
 * (F2 and double-click) or after the first typed character (typing replaces the cell). Focus is
 * taken as the element mounts, so the keys typed right after the first are not lost.
 */
export const CellEditor: ProvideEditorComponent<TextCell> = ({ value, onChange }) => {
  const focus = React.useCallback((el: HTMLInputElement | null) => {
    if (!el || el === document.activeElement) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  React.useLayoutEffect(() => {
    typeAhead.editorOpen = true;
    if (typeAhead.text) onChange({ ...value, data: value.data + typeAhead.text });
    typeAhead.cell = null;
    typeAhead.text = "";
    return () => {
      typeAhead.editorOpen = false;
    };
    // Once, as the editor opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <input
      ref={focus}
      aria-label="Cell contents"
      value={value.data}
      spellCheck={false}
      onChange={(e) => onChange({ ...value, data: e.target.value })}
      style={{ width: "100%", minWidth: "8em", border: "none", outline: "none", padding: 0, background: "transparent", font: "inherit", color: "inherit" }}
    />
  );
};

/** The grid's editor for text cells (every cell of the preview is one). */
export const provideCellEditor: ProvideEditorCallback<GridCell> = (cell) =>
  cell.kind === GridCellKind.Text ? ({ editor: CellEditor, disablePadding: false } as unknown as ReturnType<ProvideEditorCallback<GridCell>>) : undefined;
