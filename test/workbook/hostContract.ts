import { NameClashError, NotOwnedError, WorkbookBusyError, WorkbookHost } from "../../src/workbook/host";
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
  /** Adds a workbook name the user made, for a cell of one of the user's sheets. */
  seedUserName(name: string, sheet: string, address: string): void;
  /** Changes one cell by hand, as the user would. */
  editCell(sheet: string, address: string, value: string | number): void;
  /** Adds a custom XML part, as another program or an older version might have. */
  addPart(xml: string): void;
  /** The formula of a cell as written (en-US), or null for a value or a blank. */
  formulaAt(sheet: string, address: string): string | null;
  /** A cell's number format, or null. */
  numberFormat(sheet: string, address: string): string | null;
  /** Every cell outside the named sheets, as text. */
  snapshot(except: string[]): Record<string, string>;
  /** The custom XML parts' text. */
  parts(): string[];
}

const ACCOUNTS = {
  headers: ["Account", "Potential", "Region"],
  rows: [
    ["A1", 100, "North"],
    ["A2", 250, "South"],
    ["A3", 50, "North"],
  ] as (string | number)[][],
};

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
    charts: [
      {
        type: "column",
        title: "Potential by account",
        anchor: "H2",
        categories: { table: "Assignments", column: "Account" },
        series: [{ name: "Potential", values: { table: "Assignments", column: "Potential" } }],
      },
    ],
  };
}

/** Text a user may have in an id or name column, that a spreadsheet would read as something else. */
export const TRICKY_TEXT = [
  '=HYPERLINK("x","y")',
  "=",
  "=SUM(",
  "00123",
  "5%",
  "TRUE",
  "#N/A",
  "2019-03-01",
  "+1",
  "-x",
  "@a",
  "=1+1",
  "false",
  " 42 ",
];

/** A sheet whose table and loose cells hold tricky text next to numbers and a real formula. */
export function trickySpec(): SheetSpec {
  return {
    name: "Tricky",
    tables: [
      {
        name: "Ids",
        anchor: "A1",
        headers: ["Id", "Amount", "Double"],
        rows: TRICKY_TEXT.map((t, i) => [t, i + 0.5, { formula: "=[@Amount]*2" }]),
        numberFormats: { Amount: "#,##0.00" },
      },
    ],
    cells: TRICKY_TEXT.map((t, i) => ({ address: `F${i + 1}`, value: t })),
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
      expect(tables).toEqual([
        { name: "Accounts", sheet: "Data", rowCount: 3, headers: ACCOUNTS.headers, address: "A1:C4" },
      ]);
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
      await expect(f.host.writeSheet(territorySpec())).rejects.toThrow(
        'A sheet named "Territories" already exists and was not created by Comp Planner.',
      );
      expect(f.snapshot([])).toEqual(before);
      expect(f.parts()).toEqual(parts);
    });

    test("refuses an invalid SheetSpec before writing anything", async () => {
      const before = f.snapshot([]);
      await expect(f.host.writeSheet({ ...territorySpec(), name: "Bad/Name" })).rejects.toThrow(
        /cannot be a sheet name/,
      );
      const spec = territorySpec();
      await expect(f.host.writeSheet({ ...spec, tables: [spec.tables[0], spec.tables[0]] })).rejects.toThrow(
        /Two tables/,
      );
      await expect(f.host.writeSheet({ ...spec, tables: [{ ...spec.tables[0], name: "Accounts" }] })).rejects.toThrow(
        /already exists on sheet "Data"/,
      );
      expect(f.snapshot([])).toEqual(before);
      expect(await f.host.isOwned("Territories")).toBe(false);
    });

    test("settings round-trip through a custom XML part; a rewrite is one part, one revision more", async () => {
      expect(await f.host.readSettings("plan")).toBeNull();
      await f.host.writeSettings("plan", { version: 1, tiers: [[0, 1]] });
      expect(await f.host.readSettings("plan")).toEqual({ version: 1, tiers: [[0, 1]] });
      await f.host.writeSettings("plan", { version: 2 });
      expect(await f.host.readSettings("plan")).toEqual({ version: 2 });
      const docs = f
        .parts()
        .map(settingsFromXml)
        .filter((d) => d?.key === "plan");
      expect(docs).toHaveLength(1);
      expect(docs[0]?.revision).toBe(2);
    });

    test("user text is written as text and reads back identical; numbers stay numbers; formulas stay formulas", async () => {
      await f.host.writeSheet(trickySpec());
      const n = TRICKY_TEXT.length;
      const table = await f.host.readTable("Ids");
      expect(table.rows.map((r) => r[0])).toEqual(TRICKY_TEXT);
      expect(table.rows.map((r) => r[1])).toEqual(TRICKY_TEXT.map((_, i) => i + 0.5));
      expect(await f.host.readRange("Tricky", `F1:F${n}`)).toEqual(TRICKY_TEXT.map((t) => [t]));
      TRICKY_TEXT.forEach((t, i) => {
        expect(f.formulaAt("Tricky", `A${i + 2}`)).toBeNull();
        expect(f.formulaAt("Tricky", `F${i + 1}`)).toBeNull();
        expect(f.written("Tricky", `F${i + 1}`)).toBe(t);
        expect(f.formulaAt("Tricky", `C${i + 2}`)).toBe("=[@Amount]*2");
      });
      expect(f.numberFormat("Tricky", "B2")).toBe("#,##0.00");
      // The active cell on text that looks like a formula has no formula: "why is this number?" sees text.
      await f.host.select("Tricky", "F1");
      expect(await f.host.activeCell()).toEqual({
        sheet: "Tricky",
        address: "F1",
        formula: null,
        value: TRICKY_TEXT[0],
      });
      await f.host.select("Tricky", "C2");
      expect((await f.host.activeCell()).formula).toBe("=[@Amount]*2");
    });

    test("a user's workbook name the sheet needs is refused with what to rename, and nothing is written", async () => {
      f.seedUserName("TotalPotential", "Data", "B2");
      const before = f.snapshot([]);
      const parts = f.parts();
      await expect(f.host.writeSheet(territorySpec())).rejects.toBeInstanceOf(NameClashError);
      await expect(f.host.writeSheet(territorySpec())).rejects.toThrow(
        'The workbook already has a name "TotalPotential" that Comp Planner did not create. Rename or delete it',
      );
      expect(f.snapshot([])).toEqual(before);
      expect(f.parts()).toEqual(parts);
      expect(await f.host.isOwned("Territories")).toBe(false);
    });

    test("its own names are re-pointed on a re-run, and no sheet is left behind", async () => {
      await f.host.writeSheet(territorySpec(3));
      const report = await f.host.writeSheet(territorySpec(4));
      expect(report).toEqual({ sheet: "Territories", keptAs: null, message: null });
      expect((await f.host.listSheets()).map((s) => s.name).sort()).toEqual(["Data", "Territories"]);
      expect(f.written("Territories", "A5")).toBe("A4");
    });

    test("a re-run over a sheet edited by hand keeps that version under another name, says so, and owns only the new one", async () => {
      await f.host.writeSheet(territorySpec(3));
      f.editCell("Territories", "B3", 999);
      const report = await f.host.writeSheet(territorySpec(3));
      expect(report.keptAs).toBe("Territories (edited)");
      expect(report.message).toMatch(/"Territories" had been edited by hand .* kept as "Territories \(edited\)"/);
      expect(f.written("Territories (edited)", "B3")).toBe(999);
      expect(f.written("Territories", "B3")).toBe(20);
      expect(await f.host.isOwned("Territories (edited)")).toBe(false);
      expect(await f.host.isOwned("Territories")).toBe(true);
      // A second edit and re-run keeps a second copy; the first is never overwritten.
      f.editCell("Territories", "B2", 1);
      expect((await f.host.writeSheet(territorySpec(3))).keptAs).toBe("Territories (edited 2)");
      expect(f.written("Territories (edited)", "B3")).toBe(999);
    });

    test("one run at a time: a second write, save or run while one is in flight is refused", async () => {
      const first = f.host.writeSheet(territorySpec(3));
      const second = f.host.writeSheet({ ...territorySpec(3), name: "Other", tables: [], namedRanges: [], charts: [] });
      const save = f.host.writeSettings("plan", { v: 1 });
      await expect(second).rejects.toBeInstanceOf(WorkbookBusyError);
      await expect(save).rejects.toThrow(/still busy with "writing Territories"/);
      await first;
      expect(await f.host.readSettings("plan")).toBeNull();
      expect(await f.host.isOwned("Other")).toBe(false);
      let release: () => void = () => undefined;
      const run = f.host.exclusive("Split and write", async () => {
        await new Promise<void>((r) => (release = r));
        await f.host.writeSettings("plan", { v: 2 });
        return "done";
      });
      await expect(f.host.exclusive("Save plan", async () => "second")).rejects.toThrow(
        'Comp Planner is still busy with "Split and write"',
      );
      await expect(f.host.writeSettings("plan", { v: 3 })).resolves.toBeUndefined();
      release();
      await expect(run).resolves.toBe("done");
      expect(await f.host.readSettings("plan")).toEqual({ v: 2 });
      await expect(f.host.exclusive("Save plan", async () => "now")).resolves.toBe("now");
    });

    test("a corrupt settings part is reported by name and ignored; the rest keeps working and it is never overwritten", async () => {
      await f.host.writeSettings("plan", { v: 1 });
      const corrupt =
        '<settings xmlns="urn:comp-planner:settings:v1" key="kpi-plan" revision="1" savedAt="2026-11-22T10:00:00Z">{not json</settings>';
      f.addPart(corrupt);
      f.addPart('<settings xmlns="urn:comp-planner:settings:v1" key="half"');
      expect(await f.host.readSettings("plan")).toEqual({ v: 1 });
      expect(await f.host.readSettings("kpi-plan")).toBeNull();
      const problems = await f.host.settingsProblems();
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(
        /^The settings part "kpi-plan" \(custom XML part .+\) cannot be read: its content is not valid JSON/,
      );
      expect(problems[1]).toMatch(/The settings part "half" .* cannot be read/);
      await f.host.writeSheet(territorySpec(2));
      expect(await f.host.isOwned("Territories")).toBe(true);
      await f.host.writeSettings("kpi-plan", { versions: [] });
      expect(f.parts()).toContain(corrupt);
      expect(await f.host.readSettings("kpi-plan")).toEqual({ versions: [] });
    });

    test("an equivalent rewrite of a part (attribute order, quotes, namespace prefix, spacing) reads the same", async () => {
      f.addPart(
        `<?xml version='1.0'?>\n<cp:settings savedAt='2026-11-20T09:00:00.000Z' revision='4' key='kpi-plan' xmlns:cp='urn:comp-planner:settings:v1'>\n  {"versions":[{"from":"2026-01","a":"x&amp;y"}]}\n</cp:settings>`,
      );
      expect(await f.host.readSettings("kpi-plan")).toEqual({ versions: [{ from: "2026-01", a: "x&y" }] });
      await f.host.writeSettings("kpi-plan", { versions: [] });
      const docs = f
        .parts()
        .map(settingsFromXml)
        .filter((d) => d?.key === "kpi-plan");
      expect(docs).toEqual([expect.objectContaining({ revision: 5 })]);
    });

    test("a foreign part, or a list of sheets that is not valid, is never read as ownership", async () => {
      f.seedUserSheet("Mine", "x");
      const sheets = await f.host.listSheets();
      expect(sheets.every((s) => !s.owned)).toBe(true);
      f.addPart(
        `<settings xmlns="urn:other-addin" key="owned-sheets" revision="9" savedAt="2026-11-22T10:00:00Z">[{"name":"Mine","id":"anything"}]</settings>`,
      );
      f.addPart(
        `<settings xmlns="urn:comp-planner:settings:v1" key="owned-sheets" revision="9" savedAt="2026-11-22T10:00:00Z">{"Mine":true}</settings>`,
      );
      expect(await f.host.isOwned("Mine")).toBe(false);
      await expect(f.host.writeSheet({ name: "Mine", tables: [] })).rejects.toBeInstanceOf(NotOwnedError);
      expect(await f.host.settingsProblems()).toEqual([
        expect.stringMatching(/"owned-sheets" .* its list of sheets is not valid/),
      ]);
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
