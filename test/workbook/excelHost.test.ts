import { ExcelHost } from "../../src/workbook/excelHost";
import { fakeExcel, FakeWorkbookState } from "./fakeExcel";
import { describeWorkbookHostContract, HostFixture, territorySpec } from "./hostContract";

const cellKey = (address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return `${Number(m[2]) - 1},${m[1].charCodeAt(0) - 65}`;
};

function excelFixture(): HostFixture & { fake: ReturnType<typeof fakeExcel> } {
  const fake = fakeExcel(new FakeWorkbookState());
  const host = new ExcelHost(fake.run, () => new Date("2026-11-22T12:00:00Z"));
  return {
    fake,
    host,
    seedUserTable(sheet, table, headers, rows) {
      const s = fake.state.addSheet(sheet);
      fake.state.setValues(s, 0, 0, [headers, ...rows]);
      fake.state.addTable(table, s, `A1:${String.fromCharCode(64 + headers.length)}${rows.length + 1}`);
    },
    seedUserSheet(sheet, a1) {
      fake.state.setValues(fake.state.addSheet(sheet), 0, 0, [[a1]]);
    },
    written: (sheet, address) => fake.state.sheet(sheet)!.cells.get(cellKey(address)),
    numberFormat: (sheet, address) => fake.state.sheet(sheet)!.formats.get(cellKey(address)) ?? null,
    snapshot: (except) => fake.state.snapshot(except),
    parts: () => fake.state.parts.map((p) => p.xml),
  };
}

describeWorkbookHostContract("ExcelHost (Office.js on a fake Excel)", excelFixture);

describe("ExcelHost talks to Office.js as the platform needs", () => {
  test("writing a sheet takes the same number of syncs for 10 rows and for 10,000", async () => {
    const small = excelFixture();
    await small.host.writeSheet(territorySpec(10));
    const large = excelFixture();
    await large.host.writeSheet(territorySpec(10_000));
    // Look up sheet, tables and names; read the settings parts; write everything; record ownership.
    expect(small.fake.last().syncCount).toBe(4);
    expect(large.fake.last().syncCount).toBe(4);
  });

  test("a 10,000-row table is written in one formulas assignment, with calculation suspended for that sync", async () => {
    const f = excelFixture();
    await f.host.writeSheet(territorySpec(10_000));
    const ctx = f.fake.last();
    expect(ctx.formulaWrites).toContain(10_001 * 3);
    expect(ctx.suspendedBeforeSync).toEqual([3]);
    expect(f.fake.state.sheet("Territories")!.cells.get("10000,2")).toBe("=[@Potential]*2");
  });

  test("re-running on its own sheet takes the same number of syncs minus the ownership record", async () => {
    const f = excelFixture();
    await f.host.writeSheet(territorySpec(10));
    await f.host.writeSheet(territorySpec(20));
    expect(f.fake.last().syncCount).toBe(3);
  });

  test("reads cost two syncs, whatever the table's size", async () => {
    const f = excelFixture();
    f.seedUserTable("Data", "Big", ["A", "B"], Array.from({ length: 5000 }, (_, i) => [`x${i}`, i]));
    await f.host.readTable("Big");
    expect(f.fake.last().syncCount).toBe(2);
    await f.host.listTables();
    expect(f.fake.last().syncCount).toBe(2);
  });

  test("the fake refuses reads before load and sync, so the tests above would catch them", async () => {
    const f = excelFixture();
    f.seedUserTable("Data", "Accounts", ["A"], [["x"]]);
    await expect(
      f.fake.run(async (context) => {
        const r = context.workbook.tables.getItemOrNullObject("Accounts").getHeaderRowRange().load("values");
        return r.values;
      }),
    ).rejects.toThrow(/PropertyNotLoaded/);
  });
});
