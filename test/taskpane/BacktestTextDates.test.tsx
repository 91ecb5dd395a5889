/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { isoDate } from "../../src/core/dates";
import { sampleSheets } from "../../src/preview/loadSample";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../../src/workbook/previewHost";
import { Backtest } from "../../src/taskpane/components/Backtest/Backtest";
import { BACKTEST_SHEETS } from "../../src/wizard/backtest/backtestLayout";

/** The sample workbook as a CRM export gives it: the Deals table's close dates as ISO text. */
function sampleWithTextDates() {
  const wb = new PreviewWorkbook();
  for (const spec of sampleSheets()) {
    const tables = spec.tables?.map((t) => {
      if (t.name !== "Deals") return t;
      const c = t.headers.indexOf("Closed");
      return {
        ...t,
        rows: t.rows.map((r) => r.map((v, i) => (i === c && typeof v === "number" ? isoDate(v) : v))),
      };
    });
    wb.addSheet(spec.name);
    writeSpec(wb, { ...spec, tables });
  }
  return { wb, host: new PreviewHost(wb) };
}

describe("the Back-test pane on close dates stored as ISO text", () => {
  test("runs, and says in its result which column held dates as text and how they were read", async () => {
    const { wb, host } = sampleWithTextDates();
    render(
      <FluentProvider theme={webLightTheme}>
        <Backtest host={host} />
      </FluentProvider>,
    );
    await waitFor(
      () => expect(screen.getByRole("combobox", { name: "Person id column" }).textContent).toContain("Name"),
      { timeout: 15000 },
    );
    const run = screen.getByRole("button", { name: "Run back-test" }) as HTMLButtonElement;
    expect(run.disabled).toBe(false);
    fireEvent.click(run);
    expect(
      await screen.findByText(
        /^Wrote Payout Ledger, Plan Comparison and Statements for 30 people/,
        {},
        { timeout: 30000 },
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(
        /^Deals column "Closed" holds dates as text on rows 1, 3, 4 and 4,053 more \("2026-\d{2}-\d{2}", .*they were read as the dates they name/,
      ),
    ).toBeTruthy();
    for (const name of Object.values(BACKTEST_SHEETS)) expect(wb.hasSheet(name)).toBe(true);
  }, 60_000);
});
