/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { GridMenu, GridMenuActions } from "../../src/preview/components/GridMenu";

function actions(overrides: Partial<GridMenuActions> = {}): GridMenuActions & { done: string[] } {
  const done: string[] = [];
  const note = (what: string) => () => void done.push(what);
  return {
    done,
    cut: note("cut"),
    copy: note("copy"),
    paste: note("paste"),
    clear: note("clear"),
    fillDown: note("fillDown"),
    insertRows: note("insertRows"),
    deleteRows: note("deleteRows"),
    rowsOf: "table",
    rowCount: 1,
    ...overrides,
  };
}

const show = (a: GridMenuActions, onClose = () => {}) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <GridMenu at={{ x: 100, y: 80 }} actions={a} onClose={onClose} />
    </FluentProvider>,
  );

describe("the grid's right-click menu", () => {
  test("lists Excel's items, runs the one chosen and closes; the first item has the focus", () => {
    const a = actions();
    let closed = 0;
    show(a, () => closed++);
    const names = screen.getAllByRole("menuitem").map((m) => m.textContent);
    expect(names).toEqual([
      "CutCtrl+X",
      "CopyCtrl+C",
      "PasteCtrl+V",
      "Insert table row above",
      "Delete table row",
      "Clear contentsDelete",
      "Fill downCtrl+D",
    ]);
    expect(document.activeElement?.textContent).toBe("CutCtrl+X");
    fireEvent.click(screen.getByRole("menuitem", { name: /Fill down/ }));
    expect(a.done).toEqual(["fillDown"]);
    expect(closed).toBe(1);
  });

  test("several selected sheet rows are named with their count; a column header's menu has no row items", () => {
    const { unmount } = show(actions({ rowsOf: "sheet", rowCount: 3 }));
    expect(screen.getByRole("menuitem", { name: "Insert 3 sheet rows above" })).toBeTruthy();
    expect(screen.getByRole("menuitem", { name: "Delete 3 sheet rows" })).toBeTruthy();
    unmount();
    show(actions({ insertRows: undefined, deleteRows: undefined }));
    expect(screen.queryByRole("menuitem", { name: /row/ })).toBeNull();
  });

  test("on a generated sheet the row items are disabled and say why; choosing one does nothing", () => {
    const a = actions({ rowsLocked: '"Territories" is a sheet Comp Planner generated' });
    show(a);
    const insert = screen.getByRole("menuitem", { name: "Insert table row above" });
    expect(insert.getAttribute("aria-disabled")).toBe("true");
    expect(insert.getAttribute("title")).toMatch(/generated/);
    fireEvent.click(insert);
    expect(a.done).toEqual([]);
  });
});
