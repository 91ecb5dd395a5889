import { ExcelHost } from "../../src/workbook/excelHost";
import { FakeCell, fakeExcel, FakeWorkbookState } from "./fakeExcel";
import { describeWorkbookHostContract, HostFixture, territorySpec } from "./hostContract";

const cellKey = (address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return `${Number(m[2]) - 1},${m[1].charCodeAt(0) - 65}`;
};

/** A stored cell as the contract compares it: formulas as their text, errors as { error }. */
const writtenCell = (c: FakeCell | undefined) => (typeof c === "object" && "formula" in c ? c.formula : c);

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
    written: (sheet, address) => writtenCell(fake.state.cell(sheet, address)),
    seedUserName: (name, sheet, address) => fake.state.addName(name, fake.state.sheet(sheet)!, address),
    editCell: (sheet, address, value) => {
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      fake.state.setValues(fake.state.sheet(sheet)!, Number(m[2]) - 1, m[1].charCodeAt(0) - 65, [[value]]);
    },
    addPart: (xml) => void fake.state.parts.push({ id: fake.state.newId("part"), ns: /xmlns(?::\w+)?=["']([^"']*)["']/.exec(xml)?.[1] ?? "", xml }),
    formulaAt: (sheet, address) => fake.state.formulaAt(sheet, address),
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
    // Sheets, tables, names and parts; markers and the parts' XML; the staging sheet's structure;
    // the cells (one request: 10,000 rows fit); the written sheet's used range and formulas (its
    // fingerprint); the swap with the ownership record.
    expect(small.fake.last().syncCount).toBe(7);
    expect(large.fake.last().syncCount).toBe(7);
  });

  test("a 10,000-row table: its value columns in one values assignment, its formula column in one formulas assignment, calculation suspended", async () => {
    const f = excelFixture();
    await f.host.writeSheet(territorySpec(10_000));
    const ctx = f.fake.last();
    expect(ctx.valueWrites).toContain(10_000 * 2);
    expect(ctx.formulaWrites).toContain(10_000);
    expect(ctx.suspendedBeforeSync).toEqual([4]);
    expect(f.fake.state.formulaAt("Territories", "C10001")).toBe("=[@Potential]*2");
  });

  test("re-running on its own sheet costs two syncs more: reading the previous version's formulas to tell a hand edit", async () => {
    const f = excelFixture();
    await f.host.writeSheet(territorySpec(10));
    await f.host.writeSheet(territorySpec(20));
    expect(f.fake.last().syncCount).toBe(9);
  });

  test("reads cost three syncs while the table fits in one response", async () => {
    const f = excelFixture();
    f.seedUserTable("Data", "Big", ["A", "B"], Array.from({ length: 5000 }, (_, i) => [`x${i}`, i]));
    await f.host.readTable("Big");
    expect(f.fake.last().syncCount).toBe(3);
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
