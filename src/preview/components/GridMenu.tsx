import * as React from "react";
import { Menu, MenuDivider, MenuItem, MenuList, MenuPopover } from "@fluentui/react-components";

/** What the grid's right-click menu can do; a row item is absent where it does not apply. */
export interface GridMenuActions {
  readonly cut: () => void;
  readonly copy: () => void;
  readonly paste: () => void;
  readonly clear: () => void;
  readonly fillDown: () => void;
  /** Inserts rows above the selection; absent on a column header. */
  readonly insertRows?: () => void;
  /** Deletes the selected rows; absent on a column header. */
  readonly deleteRows?: () => void;
  /** "table" when the rows are a table's (the table grows or shrinks), else "sheet". */
  readonly rowsOf: "table" | "sheet";
  /** How many rows are selected (Excel inserts or deletes as many). */
  readonly rowCount: number;
  /** Why rows cannot be inserted or deleted here (a generated sheet), shown on the disabled items. */
  readonly rowsLocked?: string;
}

/** Props of {@link GridMenu}. */
export interface GridMenuProps {
  /** Where the menu opens (the pointer, or the active cell for the keyboard), in page pixels; null when closed. */
  readonly at: { readonly x: number; readonly y: number } | null;
  /** What its items do. */
  readonly actions: GridMenuActions;
  /** Called when the menu closes (an item chosen, Escape, a click elsewhere). */
  readonly onClose: () => void;
}

/**
 * Excel's cell context menu on Fluent UI: Cut, Copy, Paste, Clear Contents, Insert and Delete
 * rows, Fill Down. It opens at a point, takes the keyboard (arrows, Enter, Escape), and
 * closes after an item; the grid gives itself the focus back in `onClose`.
 */
export function GridMenu({ at, actions, onClose }: GridMenuProps): React.JSX.Element {
  const target = React.useMemo(
    () => ({
      getBoundingClientRect: () => {
        const x = at?.x ?? 0;
        const y = at?.y ?? 0;
        return { x, y, left: x, top: y, right: x, bottom: y, width: 0, height: 0, toJSON: () => ({}) } as DOMRect;
      },
    }),
    [at?.x, at?.y],
  );
  // Opened from a right-click or from the keyboard, the menu takes the focus on its first item.
  // The grid may take the focus back as the right-click ends (on a column letter it does), so
  // the menu takes it once more on the next frame.
  const list = React.useRef<HTMLDivElement | null>(null);
  const focusFirst = React.useCallback((el: HTMLDivElement | null) => {
    list.current = el;
    el?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, []);
  React.useEffect(() => {
    if (!at) return;
    const frame = requestAnimationFrame(() => {
      const el = list.current;
      if (el && !el.contains(document.activeElement)) focusFirst(el);
    });
    return () => cancelAnimationFrame(frame);
  }, [at, focusFirst]);
  // A chosen item closes the menu first (the grid takes the keyboard back, which Paste needs),
  // then runs; the menu's own close after the click is then not reported a second time.
  const closed = React.useRef(false);
  React.useEffect(() => {
    if (at) closed.current = false;
  }, [at]);
  const close = () => {
    if (closed.current) return;
    closed.current = true;
    onClose();
  };
  const run = (action: () => void) => () => {
    close();
    action();
  };
  const rows = actions.rowCount > 1 ? `${actions.rowCount} ` : "";
  const noun = actions.rowsOf === "table" ? "table row" : "sheet row";
  const plural = actions.rowCount > 1 ? "s" : "";
  const rowItem = (label: string, action: (() => void) | undefined) =>
    action ? (
      <MenuItem
        onClick={actions.rowsLocked ? undefined : run(action)}
        disabled={actions.rowsLocked !== undefined}
        title={actions.rowsLocked}
      >
        {label}
      </MenuItem>
    ) : null;
  return (
    <Menu
      open={at !== null}
      onOpenChange={(_, data) => {
        if (!data.open) close();
      }}
      positioning={{ target, position: "below", align: "start" }}
    >
      <MenuPopover>
        <MenuList aria-label="Cell actions" ref={focusFirst}>
          <MenuItem onClick={run(actions.cut)} secondaryContent="Ctrl+X">
            Cut
          </MenuItem>
          <MenuItem onClick={run(actions.copy)} secondaryContent="Ctrl+C">
            Copy
          </MenuItem>
          <MenuItem onClick={run(actions.paste)} secondaryContent="Ctrl+V">
            Paste
          </MenuItem>
          <MenuDivider />
          {rowItem(`Insert ${rows}${noun}${plural} above`, actions.insertRows)}
          {rowItem(`Delete ${rows}${noun}${plural}`, actions.deleteRows)}
          <MenuItem onClick={run(actions.clear)} secondaryContent="Delete">
            Clear contents
          </MenuItem>
          <MenuItem onClick={run(actions.fillDown)} secondaryContent="Ctrl+D">
            Fill down
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
