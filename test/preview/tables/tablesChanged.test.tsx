/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { applyImport } from "../../../src/preview/import/applyImport";
import { CsvImport } from "../../../src/preview/import/importPlan";
import { createTable, deleteSheet } from "../../../src/preview/tables/sheetCommands";
import { Backtest } from "../../../src/taskpane/components/Backtest/Backtest";
import { KpiBonus } from "../../../src/taskpane/components/KpiBonus/KpiBonus";
import { UnitEconomics } from "../../../src/taskpane/components/UnitEconomics/UnitEconomics";
import { Wizard } from "../../../src/taskpane/components/Wizard/Wizard";
import { parseRange } from "../../../src/workbook/a1";
import { PreviewWorkbook } from "../../../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../../../src/workbook/previewHost";

/**
 * A table opened from a file, created from a selection or removed with its sheet shows in the
 * task pane's table lists at once, without reopening the pane: the preview host announces
 * table changes and the pane reads the tables again.
 */

function book() {
  const wb = new PreviewWorkbook();
  wb.addSheet("Data");
  writeSpec(wb, {
    name: "Data",
    tables: [{ name: "Accounts", anchor: "A1", headers: ["Account", "Potential"], rows: [["A1", 10]] }],
  });
  return { wb, host: new PreviewHost(wb) };
}

/** Opens a CSV as the Open file control does: a new sheet with a table over it. */
function openCsv(wb: PreviewWorkbook, name: string, csv: string) {
  const imp = new CsvImport(new TextEncoder().encode(csv), name);
  const plan = imp.plan(imp.detect());
  return applyImport(wb, name, plan, imp.cells(plan));
}

const optionTexts = (select: HTMLElement) =>
  within(select)
    .getAllByRole("option")
    .map((o) => o.textContent);

describe("the preview host tells the pane when its tables change", () => {
  test("opening a file, creating a table and deleting a sheet each announce one change; edits inside a table's rows and selecting do not", async () => {
    const { wb, host } = book();
    let calls = 0;
    const off = host.onTablesChanged(() => calls++);
    wb.setCell("Data", { row: 1, col: 1 }, 20);
    wb.notify();
    wb.select("Data", "B2");
    expect(calls).toBe(0);
    openCsv(wb, "crm deals.csv", "Deal,Amount\nD1,5\n");
    expect(calls).toBe(1);
    wb.addSheet("Sheet1");
    wb.setBlock("Sheet1", { row: 0, col: 0 }, [
      ["Rep", "Target"],
      ["Ann", 1],
    ]);
    await createTable(host, "Sheet1", parseRange("A1:B2"));
    expect(calls).toBe(2);
    await deleteSheet(host, "crm deals");
    expect(calls).toBe(3);
    off();
    await deleteSheet(host, "Sheet1");
    expect(calls).toBe(3);
  });
});

describe("the task pane's table lists follow the workbook without a reload", () => {
  const inPane = (el: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>);

  test("the Data step lists a table opened from a file at once, and drops it when its sheet is deleted", async () => {
    const { wb, host } = book();
    inPane(<Wizard host={host} />);
    const source = await screen.findByRole("combobox", { name: "Accounts source" });
    await waitFor(() => expect((source as HTMLSelectElement).value).toBe("Accounts"));
    const opened = await act(async () =>
      openCsv(wb, "crm accounts.csv", "Account ID,Potential\n=1+1,100\n00123,200\n"),
    );
    expect(opened.table).toBe("crm_accounts");
    await waitFor(() => expect(optionTexts(source)).toContain("crm_accounts (2 rows, sheet crm accounts)"));
    // The user's choice of the accounts table is kept while the list grows.
    expect((source as HTMLSelectElement).value).toBe("Accounts");
    fireEvent.change(source, { target: { value: "crm_accounts" } });
    fireEvent.click(screen.getByRole("button", { name: "Load" }));
    expect(await screen.findByText(/2 rows from crm_accounts/)).toBeTruthy();
    await act(() => deleteSheet(host, "crm accounts"));
    await waitFor(() => expect(optionTexts(source).some((t) => t?.startsWith("crm_accounts"))).toBe(false));
  });

  test("the KPI pane's table selects list a table created from a selection, keeping the plan being edited", async () => {
    const { wb, host } = book();
    inPane(<KpiBonus host={host} now={() => new Date(Date.UTC(2026, 10, 20))} />);
    const role = (await screen.findAllByRole("textbox", { name: "Role" }))[0] as HTMLInputElement;
    fireEvent.change(role, { target: { value: "Hunters" } });
    const people = screen.getByRole("combobox", { name: "People table" });
    expect(optionTexts(people)).not.toContain("Table1");
    await act(async () => {
      wb.addSheet("Sheet1");
      wb.setBlock("Sheet1", { row: 0, col: 0 }, [
        ["Rep ID", "Role"],
        ["R1", "AE"],
      ]);
      await createTable(host, "Sheet1", parseRange("A1:B2"));
    });
    await waitFor(() => expect(optionTexts(people)).toContain("Table1"));
    expect(screen.getAllByRole("combobox", { name: "Table" }).every((s) => optionTexts(s).includes("Table1"))).toBe(
      true,
    );
    expect(role.value).toBe("Hunters");
  });

  test("the Back-test's deals and people selects list a table opened from a file", async () => {
    const { wb, host } = book();
    inPane(<Backtest host={host} />);
    const deals = await screen.findByRole("combobox", { name: "Deals table" });
    await waitFor(() => expect(optionTexts(deals)).toContain("Accounts"));
    await act(async () => openCsv(wb, "deals 2025.csv", "Owner,Amount,Closed,Stage\nR1,100,2025-01-03,Won\n"));
    await waitFor(() => expect(optionTexts(deals)).toContain("deals_2025"));
    expect(optionTexts(screen.getByRole("combobox", { name: "People table" }))).toContain("deals_2025");
  });

  test("the Unit economics facts' deals and activities selects list a table opened from a file, keeping the channels typed", async () => {
    const { wb, host } = book();
    inPane(<UnitEconomics host={host} />);
    const deals = await screen.findByRole("combobox", { name: "Deals table" });
    await waitFor(() => expect(optionTexts(deals)).toContain("Accounts"));
    const channel = screen.getAllByRole("textbox", { name: "Channel" })[0] as HTMLInputElement;
    fireEvent.change(channel, { target: { value: "Web" } });
    await act(async () =>
      openCsv(wb, "crm deals.csv", "Source,Stage,Created,Closed,Amount\nWeb,Won,2026-01-02,2026-01-20,100\n"),
    );
    await waitFor(() => expect(optionTexts(deals)).toContain("crm_deals"));
    fireEvent.change(deals, { target: { value: "crm_deals" } });
    await waitFor(() =>
      expect(optionTexts(screen.getByRole("combobox", { name: "Activities table" }))).toContain("crm_deals"),
    );
    expect(channel.value).toBe("Web");
  });
});
