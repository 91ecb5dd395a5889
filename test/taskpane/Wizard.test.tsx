/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../../src/workbook/previewHost";
import { Wizard } from "../../src/taskpane/components/Wizard/Wizard";

/** A small workbook: 12 accounts (one with text potential) and 3 reps. */
function book() {
  const wb = new PreviewWorkbook();
  wb.addSheet("Data");
  const rows = Array.from({ length: 12 }, (_, i) => [
    `Acc${i + 1}`,
    i === 4 ? "n/a" : (i + 1) * 100,
    i % 2 ? "West" : "East",
    i < 6 ? "R1" : "R2",
  ]);
  writeSpec(wb, {
    name: "Data",
    tables: [{ name: "Accounts", anchor: "A1", headers: ["Account", "Potential", "Region", "Owner"], rows }],
  });
  wb.addSheet("Team");
  writeSpec(wb, {
    name: "Team",
    tables: [
      {
        name: "Reps",
        anchor: "A1",
        headers: ["Rep ID", "Role", "Capacity"],
        rows: [
          ["R1", "AE", 1],
          ["R2", "AE", 1],
          ["R3", "AE", 0.5],
        ],
      },
    ],
  });
  return { wb, host: new PreviewHost(wb) };
}

const renderWizard = (host: PreviewHost) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <Wizard host={host} />
    </FluentProvider>,
  );

describe("the planning wizard in the task pane", () => {
  test("data step: suggests the accounts table, maps columns, lists a problem row and excludes it", async () => {
    const { host } = book();
    renderWizard(host);
    const source = await screen.findByRole("combobox", { name: "Accounts source" });
    // Territories need accounts first; the other steps read tables of their own.
    expect(screen.getByRole("tab", { name: "Territories" }).hasAttribute("disabled")).toBe(true);
    await waitFor(() => expect((source as HTMLSelectElement).value).toBe("Accounts"));
    fireEvent.click(screen.getByRole("button", { name: "Load" }));
    expect(await screen.findByText(/12 rows from Accounts/)).toBeTruthy();
    expect((screen.getByRole("combobox", { name: /^Potential/ }) as HTMLSelectElement).value).toBe("1");
    expect((screen.getByRole("combobox", { name: "Current owner" }) as HTMLSelectElement).value).toBe("3");
    const problem = screen.getByRole("checkbox", {
      name: 'Exclude: Row 5: potential is the text "n/a", not a number.',
    });
    expect((screen.getByRole("button", { name: "Next: Territories" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(problem);
    expect((screen.getByRole("button", { name: "Next: Territories" }) as HTMLButtonElement).disabled).toBe(false);
  });

  test("territory step: splits between the reps of a table and writes the sheet, with the result shown", async () => {
    const { wb, host } = book();
    renderWizard(host);
    await waitFor(() =>
      expect((screen.getByRole("combobox", { name: "Accounts source" }) as HTMLSelectElement).value).toBe("Accounts"),
    );
    fireEvent.click(screen.getByRole("button", { name: "Load" }));
    fireEvent.click(await screen.findByRole("button", { name: "Exclude every problem row" }));
    fireEvent.click(screen.getByRole("button", { name: "Next: Territories" }));
    fireEvent.click(screen.getByRole("radio", { name: /The reps in a table/ }));
    expect(await screen.findByRole("combobox", { name: "Capacity (1 = full share; blank = 1)" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Split and write" }));
    const done = await screen.findByText(/^Wrote "Territories": 3 territories/, {}, { timeout: 10000 });
    expect(done).toBeTruthy();
    expect(
      within(done.closest("[role=group], div")!.parentElement!).getByText(/Shares follow capacity: R3 0.5/),
    ).toBeTruthy();
    expect(await host.isOwned("Territories")).toBe(true);
    expect(wb.tables().find((t) => t.name === "Territories_Summary")!.rowCount).toBe(3);

    // On to quotas: potential comes from the summary just written.
    fireEvent.click(screen.getByRole("tab", { name: "Quotas" }));
    await waitFor(() =>
      expect((screen.getByRole("combobox", { name: /Potential per rep, from/ }) as HTMLSelectElement).value).toBe(
        "Territories_Summary",
      ),
    );
    expect(screen.getByText(/Enter the company target for the period/)).toBeTruthy();
    fireEvent.change(screen.getByRole("spinbutton", { name: /Company target for the period/ }), {
      target: { value: "1000000" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Set quotas and write" }));
    expect(await screen.findByText(/^Wrote "Quotas": 3 quotas summing to /, {}, { timeout: 10000 })).toBeTruthy();
    expect(wb.tables().find((t) => t.name === "Quotas_Reps")!.rowCount).toBe(3);

    // And the OTE scenarios over the quota step's distribution.
    fireEvent.click(screen.getByRole("tab", { name: "OTE scenarios" }));
    await waitFor(() =>
      expect(
        (
          screen.getByRole("switch", {
            name: /Use the attainment distribution simulated in the Quotas step/,
          }) as HTMLInputElement
        ).checked,
      ).toBe(true),
    );
    // The Reps table has AEs only, so AE is the only role (no placeholder SDR or CSR/AM rows).
    // One mix for it over 2 curves = 2 scenarios.
    const mixes = screen.getAllByRole("textbox", { name: "Pay mixes to compare (base/variable)" });
    expect(mixes).toHaveLength(1);
    fireEvent.change(mixes[0], { target: { value: "70/30" } });
    fireEvent.click(screen.getByRole("button", { name: "Compare and write" }));
    expect(
      await screen.findByText(/^Wrote "OTE Scenarios": 2 scenarios compared/, {}, { timeout: 10000 }),
    ).toBeTruthy();
    expect(wb.tables().some((t) => t.name === "OTE_Scenarios_Scenarios")).toBe(true);
  });

  test("a failure is a visible message that says what to fix, and nothing is written", async () => {
    const { wb, host } = book();
    wb.addSheet("Territories");
    wb.setCell("Territories", { row: 0, col: 0 }, "the user's own notes");
    renderWizard(host);
    await waitFor(() =>
      expect((screen.getByRole("combobox", { name: "Accounts source" }) as HTMLSelectElement).value).toBe("Accounts"),
    );
    fireEvent.click(screen.getByRole("button", { name: "Load" }));
    fireEvent.click(await screen.findByRole("button", { name: "Exclude every problem row" }));
    fireEvent.click(screen.getByRole("button", { name: "Next: Territories" }));
    // With a Reps table the step starts from its reps; this run asks for equal territories.
    expect((screen.getByRole("radio", { name: /The reps in a table/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole("radio", { name: "A number of equal territories" }));
    fireEvent.change(screen.getByRole("spinbutton", { name: "Number of territories" }), { target: { value: "3" } });
    fireEvent.click(screen.getByRole("button", { name: "Split and write" }));
    expect(
      await screen.findByText(
        /A sheet named "Territories" already exists and was not created by Comp Planner/,
        {},
        { timeout: 10000 },
      ),
    ).toBeTruthy();
    expect(wb.cell("Territories", { row: 0, col: 0 }).value).toBe("the user's own notes");
  });
});
