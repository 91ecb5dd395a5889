import * as React from "react";
import {
  GridCellKind,
  type GridCell,
  type ProvideEditorCallback,
  type ProvideEditorComponent,
  type TextCell,
} from "@glideapps/glide-data-grid";

/** How a queued edit ends: moved by a column and row (Enter, Tab), or cancelled (Escape). */
export type EditEnd = readonly [-1 | 0 | 1, -1 | 0 | 1] | "cancel";

/**
 * Keys typed between the one that opens the editor and the editor taking focus (the grid loads
 * its editor lazily the first time): the grid keeps them here, and the editor applies them as
 * it opens (the characters, then Enter, Tab or Escape if one was pressed).
 */
export const typeAhead = {
  cell: null as string | null,
  text: "",
  end: null as EditEnd | null,
  since: 0,
  editorOpen: false,
};

/**
 * Edits a cell in place as Excel does: the formula or value as written, the caret at the end
 * (F2 and double-click) or after the first typed character (typing replaces the cell). Focus is
 * taken as the element mounts, so the keys typed right after the first are not lost.
 */
export const CellEditor: ProvideEditorComponent<TextCell> = ({ value, onChange, onFinishedEditing }) => {
  const box = React.useRef<HTMLTextAreaElement | null>(null);
  const focus = React.useCallback((el: HTMLTextAreaElement | null) => {
    box.current = el;
    if (!el || el === document.activeElement) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  // The grid may take the focus back while the mouse that opened the editor (double-click) is
  // still finishing its events: take it again on the next frames.
  React.useEffect(() => {
    let frames = 3;
    let id = 0;
    const again = () => {
      const el = box.current;
      if (el && document.activeElement !== el) focus(el);
      if (--frames > 0) id = requestAnimationFrame(again);
    };
    id = requestAnimationFrame(again);
    return () => cancelAnimationFrame(id);
  }, [focus]);
  // The text as typed, read when a key ends the edit (the grid's own copy of it can lag behind).
  const latest = React.useRef(value.data);
  const change = (data: string) => {
    latest.current = data;
    onChange({ ...value, data });
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const move: EditEnd | null =
      e.key === "Enter" && !e.altKey
        ? [0, e.shiftKey ? -1 : 1]
        : e.key === "Tab"
          ? [e.shiftKey ? -1 : 1, 0]
          : e.key === "Escape"
            ? "cancel"
            : null;
    if (!move) return;
    e.preventDefault();
    if (move === "cancel") onFinishedEditing(undefined, [0, 0]);
    else onFinishedEditing({ ...value, data: latest.current }, move);
  };
  React.useLayoutEffect(() => {
    const { text, end } = typeAhead;
    Object.assign(typeAhead, { editorOpen: true, cell: null, text: "", end: null });
    const typed = { ...value, data: value.data + text };
    latest.current = typed.data;
    if (end === "cancel") onFinishedEditing(undefined, [0, 0]);
    else if (end) onFinishedEditing(typed, end);
    else if (text) onChange(typed);
    return () => {
      typeAhead.editorOpen = false;
    };
    // Once, as the editor opens.
  }, []);
  return (
    <textarea
      ref={focus}
      aria-label="Cell contents"
      rows={1}
      value={value.data}
      spellCheck={false}
      onChange={(e) => change(e.target.value)}
      onKeyDown={onKeyDown}
      style={{
        display: "block",
        width: "100%",
        minWidth: "8em",
        height: "18px",
        border: "none",
        outline: "none",
        padding: 0,
        resize: "none",
        overflow: "hidden",
        whiteSpace: "pre",
        background: "transparent",
        font: "inherit",
        color: "inherit",
      }}
    />
  );
};

/** The grid's editor for text cells (every cell of the preview is one). */
export const provideCellEditor: ProvideEditorCallback<GridCell> = (cell) =>
  cell.kind === GridCellKind.Text
    ? ({ editor: CellEditor, disablePadding: false } as unknown as ReturnType<ProvideEditorCallback<GridCell>>)
    : undefined;
