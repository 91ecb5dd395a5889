/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../../src/workbook/previewHost";
import { Wizard } from "../../src/taskpane/components/Wizard/Wizard";

const renderWizard = (host: PreviewHost) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <Wizard host={host} />
    </FluentProvider>,
  );

describe("the Data step on text Excel would read differently", () => {
  test("data step: text that looks like a formula or that Excel would re-read is listed with its row and column, and does not block", async () => {
    const wb = new PreviewWorkbook();
    wb.addSheet("Data");
    const rows = [
      ["=1+1", 100, "East"],
      ["00123", 200, "5%"],
      ["Acc3", 300, "West"],
    ];
    writeSpec(wb, {
      name: "Data",
      tables: [{ name: "Accounts", anchor: "A1", headers: ["Account", "Potential", "Region"], rows }],
    });
    renderWizard(new PreviewHost(wb));
    await waitFor(
      () =>
        expect((screen.getByRole("combobox", { name: "Accounts source" }) as HTMLSelectElement).value).toBe("Accounts"),
      { timeout: 15000 },
    );
    fireEvent.click(screen.getByRole("button", { name: "Load" }));
    const list = await screen.findByRole("list", { name: "Cells Excel would read differently" }, { timeout: 15000 });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      'Row 1, Account: "=1+1" starts with =, as a formula does; it is kept as text, never run.',
      'Row 2, Account: "00123" is text that Excel would read as the number 123 (leading zeros lost); it is kept as text.',
      'Row 2, Region: "5%" is text that Excel would read as the percentage 5%; it is kept as text.',
    ]);
    expect((screen.getByRole("button", { name: "Next: Territories" }) as HTMLButtonElement).disabled).toBe(false);
  });
});
