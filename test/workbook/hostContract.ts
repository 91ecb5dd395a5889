import { NotOwnedError, WorkbookHost } from "../../src/workbook/host";
import { settingsFromXml } from "../../src/workbook/settingsXml";
import { SheetSpec } from "../../src/workbook/sheetSpec";

/** What the contract needs to know of a host's workbook, besides the host itself. */
export interface HostFixture {
  /** The host under test. */
  readonly host: WorkbookHost;
  /** Adds a user's sheet with a table starting at A1 (not through the host: the user made it). */
  seedUserTable(sheet: string, table: string, headers: string[], rows: (string | number)[][]): void;
  /** Adds a user's sheet with one value in A1. */
  seedUserSheet(sheet: string, a1: string): void;
  /** The formula or value of a cell as written. */
  written(sheet: string, address: string): unknown;
  /** A cell's number format, or null. */
  numberFormat(sheet: string, address: string): string | null;
  /** Every cell outside the named sheets, as text. */
  snapshot(except: string[]): Record<string, string>;
  /** The custom XML parts' text. */
  parts(): string[];
}

const ACCOUNTS = { headers: ["Account", "Potential", "Region"], rows: [["A1", 100, "North"], ["A2", 250, "South"], ["A3", 50, "North"]] as (string | number)[][] };

/** A sheet the add-in writes: a table with a structured-reference formula, formats, a name, a chart. */
export function territorySpec(rows = 3): SheetSpec {
  return {
    name: "Territories",
    tables: [
      {
        name: "Assignments",
        anchor: "A1",
        headers: ["Account", "Potential", "Double"],
        rows: Array.from({ length: rows }, (_, i) => [`A${i + 1}`, (i + 1) * 10, { formula: "=[@Potential]*2" }]),
        numberFormats: { Potential: "#,##0" },
      },
    ],
    cells: [
      { address: "E1", value: "Total potential", bold: true },
      { address: "F1", value: { formula: "=SUM(Assignments[Potential])" }, numberFormat: "#,##0" },
    ],
    namedRanges: [{ name: "TotalPotential", address: "F1" }],
    columnWidths: { A: 90 },
    freeze: { rows: 1, columns: 0 },
    charts: [{ type: "column", title: "Potential by account", anchor: "H2", categories: { table: "Assignments", column: "Account" }, series: [{ name: "Potential", values: { table: "Assignments", column: "Potential" } }] }],
  };
}

/** The WorkbookHost contract: the same tests for every host. */
export function describeWorkbookHostContract(name: string, makeFixture: () => HostFixture): void {
  describe(`${name} keeps the WorkbookHost contract`, () => {
    let f: HostFixture;
    beforeEach(() => {
      f = makeFixture();
      f.seedUserTable("Data", "Accounts", ACCOUNTS.headers, ACCOUNTS.rows);
    });

    test("lists and reads a table the user made", async () => {
      const tables = await f.host.listTables();
      expect(tables).toEqual([{ name: "Accounts", sheet: "Data", rowCount: 3, headers: ACCOUNTS.headers, address: "A1:C4" }]);
      const t = await f.host.readTable("Accounts");
      expect(t.headers).toEqual(ACCOUNTS.headers);
      expect(t.rows).toEqual(ACCOUNTS.rows);
    });

    test("reading a table that does not exist says so", async () => {
      await expect(f.host.readTable("Nope")).rejects.toThrow('There is no table named "Nope".');
    });

    test("writes a SheetSpec: table, formulas as written, formats, and records the sheet as its own", async () => {
      expect(await f.host.isOwned("Territories")).toBe(false);
      await f.host.writeSheet(territorySpec());
      expect(await f.host.isOwned("Territories")).toBe(true);
      expect(await f.host.isOwned("Data")).toBe(false);
      expect(f.written("Territories", "A1")).toBe("Account");
      expect(f.written("Territories", "C2")).toBe("=[@Potential]*2");
      expect(f.written("Territories", "F1")).toBe("=SUM(Assignments[Potential])");
      expect(f.numberFormat("Territories", "B2")).toBe("#,##0");
      expect(f.numberFormat("Territories", "F1")).toBe("#,##0");
      const sheets = await f.host.listSheets();
      expect(sheets.find((s) => s.name === "Territories")?.owned).toBe(true);
      expect(sheets.find((s) => s.name === "Data")).toMatchObject({ owned: false, usedRange: "A1:C4" });
      expect((await f.host.listTables()).map((t) => t.name).sort()).toEqual(["Accounts", "Assignments"]);
    });

    test("a re-run replaces only its own sheet; every cell outside it is unchanged", async () => {
      f.seedUserSheet("Notes", "my notes");
      await f.host.writeSheet(territorySpec(5));
      const before = f.snapshot(["Territories"]);
      await f.host.writeSheet(territorySpec(2));
      expect(f.snapshot(["Territories"])).toEqual(before);
      expect(f.written("Territories", "A3")).toBe("A2");
      expect(f.written("Territories", "A4") ?? "").toBe("");
      expect((await f.host.listTables()).find((t) => t.name === "Assignments")?.rowCount).toBe(2);
    });

    test("refuses a sheet of the same name that it did not create, and writes nothing at all", async () => {
      f.seedUserSheet("Territories", "the user's own territories");
      const before = f.snapshot([]);
      const parts = f.parts();
      await expect(f.host.writeSheet(territorySpec())).rejects.toBeInstanceOf(NotOwnedError);
      await expect(f.host.writeSheet(territorySpec())).rejects.toThrow('A sheet named "Territories" already exists and was not created by Comp Planner.');
      expect(f.snapshot([])).toEqual(before);
      expect(f.parts()).toEqual(parts);
    });

    test("refuses an invalid SheetSpec before writing anything", async () => {
      const before = f.snapshot([]);
      await expect(f.host.writeSheet({ ...territorySpec(), name: "Bad/Name" })).rejects.toThrow(/cannot be a sheet name/);
      const spec = territorySpec();
      await expect(f.host.writeSheet({ ...spec, tables: [spec.tables[0], spec.tables[0]] })).rejects.toThrow(/Two tables/);
      await expect(f.host.writeSheet({ ...spec, tables: [{ ...spec.tables[0], name: "Accounts" }] })).rejects.toThrow(/already exists on sheet "Data"/);
      expect(f.snapshot([])).toEqual(before);
      expect(await f.host.isOwned("Territories")).toBe(false);
    });

    test("settings round-trip through a custom XML part; a rewrite is one part, one revision more", async () => {
      expect(await f.host.readSettings("plan")).toBeNull();
      await f.host.writeSettings("plan", { version: 1, tiers: [[0, 1]] });
      expect(await f.host.readSettings("plan")).toEqual({ version: 1, tiers: [[0, 1]] });
      await f.host.writeSettings("plan", { version: 2 });
      expect(await f.host.readSettings("plan")).toEqual({ version: 2 });
      const docs = f.parts().map(settingsFromXml).filter((d) => d?.key === "plan");
      expect(docs).toHaveLength(1);
      expect(docs[0]?.revision).toBe(2);
    });

    test("reads the active cell and any range", async () => {
      await f.host.select("Data", "B3");
      expect(await f.host.activeCell()).toEqual({ sheet: "Data", address: "B3", formula: null, value: 250 });
      expect(await f.host.readRange("Data", "A2:B3")).toEqual([
        ["A1", 100],
        ["A2", 250],
      ]);
    });

    test("selects a range and reads it back with its header row", async () => {
      await f.host.select("Data", "A1:B3");
      const sel = await f.host.readSelection();
      expect(sel.headers).toEqual(["Account", "Potential"]);
      expect(sel.rows).toEqual([
        ["A1", 100],
        ["A2", 250],
      ]);
    });
  });
}
