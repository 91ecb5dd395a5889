/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FormulaBar } from "../../src/preview/components/FormulaBar";

function renderBar(address = "B2", content = "=1+1") {
  const goTo = jest.fn((a: string) => /^[A-Z]+\d+$/.test(a));
  const commit = jest.fn();
  const view = (a: string, c: string) => (
    <FluentProvider theme={webLightTheme}>
      <FormulaBar address={a} content={c} onGoTo={goTo} onCommit={commit} />
    </FluentProvider>
  );
  const r = render(view(address, content));
  return { goTo, commit, rerender: (a: string, c: string) => r.rerender(view(a, c)) };
}
const nameBox = () => screen.getByRole("textbox", { name: "Name box" }) as HTMLInputElement;
const formulaBar = () => screen.getByRole("textbox", { name: "Formula bar" }) as HTMLInputElement;

describe("the name box and the formula bar", () => {
  test("Enter in the name box goes to what it shows; an address that is none is marked invalid", () => {
    const { goTo } = renderBar();
    fireEvent.change(nameBox(), { target: { value: "A2" } });
    fireEvent.keyDown(nameBox(), { key: "Enter" });
    expect(goTo).toHaveBeenLastCalledWith("A2");
    expect(nameBox().getAttribute("aria-invalid")).toBe("false");
    fireEvent.change(nameBox(), { target: { value: "nowhere" } });
    fireEvent.keyDown(nameBox(), { key: "Enter" });
    expect(nameBox().getAttribute("aria-invalid")).toBe("true");
    fireEvent.keyDown(nameBox(), { key: "Escape" });
    expect(nameBox().value).toBe("B2");
  });

  test("a selection that lands while the name box has the focus does not overwrite what is typed", () => {
    const { goTo, rerender } = renderBar();
    nameBox().focus();
    fireEvent.change(nameBox(), { target: { value: "A2" } });
    rerender("B3", "");
    expect(nameBox().value).toBe("A2");
    fireEvent.keyDown(nameBox(), { key: "Enter" });
    expect(goTo).toHaveBeenLastCalledWith("A2");
    // Without the focus, the box follows the selection.
    nameBox().blur();
    rerender("C4", "");
    expect(nameBox().value).toBe("C4");
  });

  test("both boxes show a new selection in the render that brings it, even with the focus in them, until something is typed", () => {
    // Before: an effect set the name box after the render, and not at all while it had the focus,
    // so a test's fill could select the old text just before it was replaced ("A3B2").
    const { rerender } = renderBar("A2", "North");
    nameBox().focus();
    rerender("A3", "");
    expect(nameBox().value).toBe("A3");
    formulaBar().focus();
    fireEvent.change(formulaBar(), { target: { value: "South" } });
    rerender("A4", "=SUM(B1:B3)");
    expect(formulaBar().value).toBe("=SUM(B1:B3)"); // another cell: its own content, not the text typed in A3
  });

  test("Enter in the formula bar commits what it shows; Escape puts the cell's content back", () => {
    const { commit } = renderBar();
    expect(formulaBar().value).toBe("=1+1");
    fireEvent.change(formulaBar(), { target: { value: "North" } });
    fireEvent.keyDown(formulaBar(), { key: "Enter" });
    expect(commit).toHaveBeenLastCalledWith("North");
    fireEvent.change(formulaBar(), { target: { value: "typo" } });
    fireEvent.keyDown(formulaBar(), { key: "Escape" });
    expect(formulaBar().value).toBe("=1+1");
  });
});
