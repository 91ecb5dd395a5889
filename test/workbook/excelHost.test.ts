import { ExcelHost } from "../../src/workbook/excelHost";
import { SAFE_REQUEST_BYTES } from "../../src/workbook/payload";
import { SheetSpec } from "../../src/workbook/sheetSpec";
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
    addPart: (xml) =>
      void fake.state.parts.push({
        id: fake.state.newId("part"),
        ns: /xmlns(?::\w+)?=["']([^"']*)["']/.exec(xml)?.[1] ?? "",
        xml,
      }),
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
    f.seedUserTable(
      "Data",
      "Big",
      ["A", "B"],
      Array.from({ length: 5000 }, (_, i) => [`x${i}`, i]),
    );
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

/** A realistic wide export: 8 value columns (ids, names, regions, amounts) and 2 formula columns. */
function wideSpec(rows: number): SheetSpec {
  const headers = [
    "Account",
    "Name",
    "Region",
    "Segment",
    "Owner",
    "Potential",
    "Workload",
    "Since",
    "Share",
    "Double",
  ];
  return {
    name: "Wide",
    tables: [
      {
        name: "Wide_Accounts",
        anchor: "A1",
        headers,
        rows: Array.from({ length: rows }, (_, i) => [
          `ACC-${String(i).padStart(7, "0")}`,
          `Customer number ${i} Holdings`,
          ["North", "South", "East", "West"][i % 4],
          ["Enterprise", "Mid-market", "SMB"][i % 3],
          `rep${i % 97}@example.com`,
          (i * 7919) % 1_000_003,
          (i % 40) + 1,
          "2019-03-01",
          { formula: "=[@Potential]/SUM([Potential])" },
          { formula: "=[@Potential]*2" },
        ]),
        numberFormats: { Potential: "#,##0", Share: "0.00%" },
      },
    ],
  };
}

describe("ExcelHost keeps every request and response under Excel on the web's 5 MB", () => {
  test("the fake refuses a request over 5 MB, as Excel on the web does", async () => {
    const f = excelFixture();
    f.fake.state.addSheet("S");
    await expect(
      f.fake.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 60_000, 1).values = Array.from(
          { length: 60_000 },
          () => ["x".repeat(100)],
        );
        await context.sync();
      }),
    ).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
  });

  test.each(["=", "=SUM(", '=HYPERLINK("x'])(
    "the fake refuses %s written through formulas, as Excel does: the sync fails",
    async (bad) => {
      const f = excelFixture();
      f.fake.state.addSheet("S");
      await expect(
        f.fake.run(async (context) => {
          context.workbook.worksheets.getItem("S").getRange("A1").formulas = [[bad]];
          await context.sync();
        }),
      ).rejects.toThrow(/problem with this formula/);
    },
  );

  test("100,000 rows of 10 columns are written in requests under the limit, syncs growing with the bytes", async () => {
    const f = excelFixture();
    const spec = wideSpec(100_000);
    await f.host.writeSheet(spec);
    const ctx = f.fake.last();
    const bytes = JSON.stringify(
      spec.tables[0].rows.map((r) =>
        r.map((c) => (typeof c === "object" && c ? (c as { formula: string }).formula : c)),
      ),
    ).length;
    // About 14 MB of cells: one request of it would be refused.
    expect(bytes).toBeGreaterThan(3 * 5_000_000);
    expect(f.fake.state.largestRequest).toBeLessThanOrEqual(5_000_000);
    expect(f.fake.state.largestResponse).toBeLessThanOrEqual(5_000_000);
    const chunks = Math.ceil(bytes / SAFE_REQUEST_BYTES);
    // Writes in about bytes/4 MB requests, the fingerprint read in about bytes/2 MB responses, plus the fixed seven.
    expect(ctx.syncCount).toBeGreaterThan(7 + chunks);
    expect(ctx.syncCount).toBeLessThanOrEqual(7 + 4 * chunks);
    expect(f.fake.state.cell("Wide", "A100001")).toBe("ACC-0099999");
    expect(f.fake.state.cell("Wide", "H100001")).toBe("2019-03-01");
    expect(f.fake.state.formulaAt("Wide", "J100001")).toBe("=[@Potential]*2");
  });

  test("a 100,000-row, 10-column table is read in responses under the limit, and comes back whole", async () => {
    const f = excelFixture();
    const rows = wideSpec(100_000).tables[0].rows.map((r) => r.slice(0, 8) as (string | number)[]);
    const headers = wideSpec(1).tables[0].headers.slice(0, 8);
    f.seedUserTable("Export", "Export", headers, rows);
    const t = await f.host.readTable("Export");
    expect(t.rows).toHaveLength(100_000);
    expect(t.rows[99_999]).toEqual(rows[99_999]);
    expect(f.fake.state.largestResponse).toBeLessThanOrEqual(5_000_000);
    const bytes = JSON.stringify(rows).length;
    expect(bytes).toBeGreaterThan(10_000_000);
    expect(f.fake.last().syncCount).toBeLessThanOrEqual(2 + Math.ceil(bytes / (SAFE_REQUEST_BYTES / 2)) + 1);
  });

  test("reading whole columns (A:J) reads only the used range", async () => {
    const f = excelFixture();
    const rows = Array.from({ length: 1000 }, (_, i) => [`A${i}`, i, "North"]);
    f.seedUserTable("Data2", "Small", ["Account", "Potential", "Region"], rows);
    await f.host.select("Data2", "A1:J1048576");
    const sel = await f.host.readSelection();
    expect(sel.source).toBe("Data2!A1:C1001");
    expect(sel.headers).toEqual(["Account", "Potential", "Region"]);
    expect(sel.rows).toEqual(rows);
    expect(f.fake.state.largestResponse).toBeLessThan(100_000);
  });

  test("a selection over empty cells says there is no data", async () => {
    const f = excelFixture();
    f.seedUserSheet("Empty", "x");
    await f.host.select("Empty", "D5:E9");
    await expect(f.host.readSelection()).rejects.toThrow("The selection Empty!D5:E9 holds no data.");
  });
});
