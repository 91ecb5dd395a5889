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
  const rows = Array.from({ length: 10_000 }, (_, i) => [`A${i + 1}`, Math.round(r.lognormal(8, 1.5)), r.int(1, 40), r.pick(["West", "East"])]);

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
    // readTable (2 syncs), writeSheet on a new sheet (4), writeSettings (3: find the part, read it, write).
    expect(fake.contexts.map((c) => c.syncCount)).toEqual([2, 4, 3]);
    expect(fake.contexts[1].formulaWrites).toContain(10_001 * 7);
    expect(fake.contexts[1].suspendedBeforeSync).toEqual([3]);
    expect(fake.state.snapshot(["Territories"])).toEqual(before);
    expect(fake.state.sheet("Territories")!.cells.get("8,4")).toBe("=SUMPRODUCT((Territories_Accounts[Territory]=[@Territory])*1,Territories_Accounts[Potential])");
  });
});
