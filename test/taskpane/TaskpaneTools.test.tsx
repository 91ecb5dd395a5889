/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { loadSample } from "../../src/preview/loadSample";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";
import { TaskpaneApp } from "../../src/taskpane/TaskpaneApp";

describe("the task pane's tools", () => {
  test("Back-test and Unit economics are tabs beside KPI bonus and Explain, each showing its tool", async () => {
    const wb = new PreviewWorkbook();
    loadSample(wb);
    render(<TaskpaneApp host={new PreviewHost(wb)} hostKind="preview" />);
    const tools = screen.getByRole("tablist", { name: "Tools" });
    expect(
      within(tools)
        .getAllByRole("tab")
        .map((t) => within(t).getAllByText(/./)[0].textContent),
    ).toEqual(["Planning wizard", "KPI bonus", "Back-test", "Unit economics", "Explain"]);
    const heading = (name: string) => screen.getByRole("heading", { name, hidden: true });
    const shown = (name: string) => heading(name).closest("[hidden]") === null;
    expect([shown("Back-test"), shown("Unit economics")]).toEqual([false, false]);
    fireEvent.click(screen.getByRole("tab", { name: "Back-test" }));
    expect([shown("Back-test"), shown("Unit economics")]).toEqual([true, false]);
    fireEvent.click(screen.getByRole("tab", { name: "Unit economics" }));
    expect([shown("Back-test"), shown("Unit economics")]).toEqual([false, true]);
    expect(await screen.findByRole("button", { name: "Write Unit Economics" })).toBeTruthy();
  }, 30000);
});
