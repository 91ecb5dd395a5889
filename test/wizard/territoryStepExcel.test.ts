import { seededRandom } from "../../src/core/random";
import { ExcelHost } from "../../src/workbook/excelHost";
import { autoMap } from "../../src/wizard/columnMapping";
import { runTerritoryStep } from "../../src/wizard/territories/runTerritoryStep";
import { fakeExcel, FakeWorkbookState } from "../workbook/fakeExcel";

/**
 * The same territory step as in the preview, on ExcelHost over the Office.js fake: the code path
 * is identical; here the point is how it talks to Excel with 10,000 accounts.
 */
describe("the territory step on ExcelHost", () => {
  const headers = ["Account", "Potential", "Workload", "Region"];
  const r = seededRandom(3);
  const rows = Array.from({ length: 10_000 }, (_, i) => [
    `A${i + 1}`,
    Math.round(r.lognormal(8, 1.5)),
    r.int(1, 40),
    r.pick(["West", "East"]),
  ]);

  test("10,000 accounts: a fixed number of syncs per operation, one batch for the table, nothing outside its sheet touched", async () => {
    const fake = fakeExcel(new FakeWorkbookState());
    const sheet = fake.state.addSheet("Data");
    fake.state.setValues(sheet, 0, 0, [headers, ...rows]);
    fake.state.addTable("Accounts", sheet, `A1:D${rows.length + 1}`);
    const before = fake.state.snapshot(["Territories"]);
    const host = new ExcelHost(fake.run);
    const result = await runTerritoryStep(host, {
      source: { kind: "table", name: "Accounts" },
      mapping: autoMap(headers),
      excluded: [],
      seats: { kind: "count", count: 50 },
      balanceOn: "potential+workload",
      groupBy: "region",
      honourPins: true,
      minimiseDisruption: true,
      compact: true,
      sheet: "Territories",
    });
    expect(result.territories).toHaveLength(50);
    // readTable (3 syncs: the table, its size, its rows in one response), writeSheet on a new
    // sheet (8: as in excelHost.test.ts, with the written sheet's formulas read back for its
    // fingerprint in two responses), writeSettings (3: find the part, read it, write).
    expect(fake.contexts.map((c) => c.syncCount)).toEqual([3, 8, 3]);
    // Every body cell of the 10,000-row table goes in exactly once, as a value or as a formula,
    // in the one request that has calculation suspended.
    const cells = (ws: number[]) => ws.reduce((a, b) => a + b, 0);
    expect(cells(fake.contexts[1].valueWrites) + cells(fake.contexts[1].formulaWrites)).toBeGreaterThanOrEqual(
      10_000 * 7,
    );
    expect(Math.max(...fake.contexts[1].valueWrites, ...fake.contexts[1].formulaWrites)).toBeGreaterThanOrEqual(10_000);
    expect(fake.contexts[1].suspendedBeforeSync).toEqual([4]);
    expect(fake.state.snapshot(["Territories"])).toEqual(before);
    expect(fake.state.formulaAt("Territories", "E9")).toBe(
      "=SUMPRODUCT((Territories_Accounts[Territory]=[@Territory])*1,Territories_Accounts[Potential])",
    );
  });
});

describe("a re-run of the territory step over a sheet edited by hand", () => {
  test("keeps the edited version under another name and says so in the result's notes", async () => {
    const fake = fakeExcel(new FakeWorkbookState());
    const headers = ["Account", "Potential", "Region"];
    const sheet = fake.state.addSheet("Data");
    fake.state.setValues(sheet, 0, 0, [
      headers,
      ...Array.from({ length: 40 }, (_, i) => [`A${i + 1}`, 100 + i, i % 2 ? "West" : "East"]),
    ]);
    fake.state.addTable("Accounts", sheet, "A1:C41");
    const host = new ExcelHost(fake.run);
    const settings = {
      source: { kind: "table", name: "Accounts" } as const,
      mapping: autoMap(headers),
      excluded: [],
      seats: { kind: "count", count: 4 } as const,
      balanceOn: "potential" as const,
      groupBy: "none" as const,
      honourPins: false,
      minimiseDisruption: false,
      compact: false,
      sheet: "Territories",
    };
    const first = await runTerritoryStep(host, settings);
    expect(first.notes.join(" ")).not.toMatch(/edited by hand/);
    fake.state.setValues(fake.state.sheet("Territories")!, 0, 0, [["my note"]]);
    const second = await runTerritoryStep(host, settings);
    expect(second.notes).toContain(
      '"Territories" had been edited by hand since Comp Planner wrote it: that version is kept as "Territories (edited)" (now an ordinary sheet of yours), and "Territories" holds the new result.',
    );
    expect(fake.state.cell("Territories (edited)", "A1")).toBe("my note");
  });
});
