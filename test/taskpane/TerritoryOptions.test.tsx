/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../../src/workbook/previewHost";
import { Wizard } from "../../src/taskpane/components/Wizard/Wizard";

/** Eight accounts in two segments, two of them pinned to R1, and a Reps table of two AEs. */
function book() {
  const wb = new PreviewWorkbook();
  wb.addSheet("Data");
  const rows = Array.from({ length: 8 }, (_, i) => [
    `Acc${i + 1}`,
    (i + 1) * 100,
    i % 2 ? "Retail" : "Health",
    i < 4 ? "R1" : "R2",
    i < 2 ? "R1" : "",
  ]);
  writeSpec(wb, {
    name: "Data",
    tables: [
      { name: "Accounts", anchor: "A1", headers: ["Account", "Potential", "Segment", "Owner", "Pinned Owner"], rows },
      {
        name: "Reps",
        anchor: "H1",
        headers: ["Rep ID", "Role"],
        rows: [
          ["R1", "AE"],
          ["R2", "AE"],
        ],
      },
    ],
  });
  return new PreviewHost(wb);
}

describe("the territory step's options in the pane", () => {
  test("a combination that cannot run says why before running, and the button waits", async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <Wizard host={book()} />
      </FluentProvider>,
    );
    await waitFor(() =>
      expect((screen.getByRole("combobox", { name: "Accounts source" }) as HTMLSelectElement).value).toBe("Accounts"),
    );
    fireEvent.click(screen.getByRole("button", { name: "Load" }));
    fireEvent.click(await screen.findByRole("button", { name: "Next: Territories" }));
    const split = () => screen.getByRole("button", { name: "Split and write" }) as HTMLButtonElement;
    // The defaults: the Reps table's reps, pinned accounts honoured. They can run.
    await waitFor(() => expect(split().disabled).toBe(false));
    fireEvent.click(screen.getByRole("radio", { name: "A number of equal territories" }));
    fireEvent.change(screen.getByRole("spinbutton", { name: "Number of territories" }), { target: { value: "2" } });
    expect(
      screen.getByText(
        /2 accounts are pinned to a named rep \("Acc1" to "R1", "Acc2" to "R1"\), and equal territories/,
      ),
    ).toBeTruthy();
    expect(split().disabled).toBe(true);
    // Back to the reps, pure by segment: R1 is pinned in both segments.
    fireEvent.click(screen.getByRole("radio", { name: /The reps in a table/ }));
    fireEvent.change(screen.getByRole("combobox", { name: /Keep groups pure/ }), { target: { value: "group" } });
    expect(
      await screen.findByText(
        /a rep serves one segment, but 1 rep has pinned accounts in more than one \("R1": Health, Retail\)/,
      ),
    ).toBeTruthy();
    expect(split().disabled).toBe(true);
    fireEvent.click(screen.getByRole("switch", { name: "Honour pinned (named) accounts" }));
    await waitFor(() => expect(split().disabled).toBe(false));
    fireEvent.click(split());
    expect(await screen.findByText(/^Wrote "Territories": 2 territories/, {}, { timeout: 10000 })).toBeTruthy();
  });
});
