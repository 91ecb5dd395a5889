/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { localSession } from "../../../src/preview/import/csvSession";
import { ImportDialog } from "../../../src/preview/import/ImportDialog";
import { CellValue, ImportPlan } from "../../../src/preview/import/importPlan";

const bytes = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

async function open(csv: string) {
  const session = localSession(bytes(csv), "deals.csv");
  const initial = await session.open();
  const done: { plan: ImportPlan; cells: CellValue[][] }[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <ImportDialog
        fileName="deals.csv"
        session={session}
        initialOptions={initial}
        progress={null}
        onImport={(plan, cells) => done.push({ plan, cells })}
        onCancel={() => {}}
      />
    </FluentProvider>,
  );
  await screen.findByRole("table", { name: "First rows of the file" });
  return done;
}

describe("the import dialog", () => {
  test("shows each column's detected type and the misfits; a changed type is what gets imported", async () => {
    const done = await open("Id,Amount\n007,$5\n008,n/a\n");
    const amount = screen.getByRole("combobox", { name: "Type of column Amount" }) as HTMLSelectElement;
    expect(amount.value).toBe("number");
    expect(screen.getByText('Row 3, Amount: "n/a" is not a number')).toBeTruthy();
    const idSelect = screen.getByRole("combobox", { name: "Type of column Id" }) as HTMLSelectElement;
    // The new plan arrives in a promise: let it settle inside act, then look.
    await act(async () => {
      fireEvent.change(idSelect, { target: { value: "text" } });
    });
    expect(idSelect.options[idSelect.selectedIndex].value).toBe("text");
    fireEvent.click(screen.getByRole("button", { name: "Import" }));
    await waitFor(() => expect(done).toHaveLength(1));
    expect(done[0].cells).toEqual([
      ["007", 5],
      ["008", "n/a"],
    ]);
  });

  test("a wrong delimiter shows the ragged rows and disables Import until corrected", async () => {
    await open("a;b\n1;2\n");
    fireEvent.change(screen.getByRole("combobox", { name: "Delimiter" }), { target: { value: "," } });
    // With commas, "a;b" is one field and so is "1;2": still consistent, one column.
    await waitFor(() => expect(screen.getByText(/1 rows and 1 columns/)).toBeTruthy());
    fireEvent.change(screen.getByRole("combobox", { name: "Delimiter" }), { target: { value: ";" } });
    await waitFor(() => expect(screen.getByText(/1 rows and 2 columns/)).toBeTruthy());
    expect((screen.getByRole("button", { name: "Import" }) as HTMLButtonElement).disabled).toBe(false);
  });
});
