/**
 * ExcelHost's read paths and the runtime command on office-addin-mock, Microsoft's mock of the
 * Office.js proxy objects: a property read before load() and context.sync() throws there, as in
 * Excel. (Write paths, which create objects from method calls and apply queued writes at sync,
 * run on the fuller fake in test/workbook/fakeExcel.ts.)
 */
import { OfficeMockObject } from "office-addin-mock";
import { loadWithWorkbook } from "../../src/commands/commands";
import { ExcelHost, ExcelRun } from "../../src/workbook/excelHost";

/** An ExcelRun over an office-addin-mock context, counting its syncs. */
function mockRun(workbook: Record<string, unknown>): { run: ExcelRun; syncs: () => number; mock: OfficeMockObject } {
  const mock = new OfficeMockObject({ context: { workbook } });
  const context = (mock as unknown as { context: Excel.RequestContext }).context;
  let count = 0;
  const sync = context.sync.bind(context);
  context.sync = (async () => {
    count++;
    await sync();
  }) as Excel.RequestContext["sync"];
  const run: ExcelRun = (batch) => batch(context);
  return { run, syncs: () => count, mock };
}

/**
 * Office.js answers isNullObject after a sync without a load(); office-addin-mock would demand a
 * load for it, so it is set as a plain flag on the mock object instead.
 */
function setNullObject(mock: OfficeMockObject, path: string[], isNull: boolean): void {
  const target = path.reduce<Record<string, unknown>>(
    (o, k) => o[k] as Record<string, unknown>,
    mock as unknown as Record<string, unknown>,
  );
  Object.defineProperty(target, "isNullObject", { value: isNull });
}

describe("ExcelHost on office-addin-mock", () => {
  test("readSelection reads only the selection's used part, first row as headers, in three syncs", async () => {
    const values = [
      ["Account", "Potential", "Region"],
      ["Acme", 1200, "West"],
      ["Beta", 800, "East"],
    ];
    const { run, syncs, mock } = mockRun({
      range: {
        address: "Data!A:C",
        worksheet: {
          used: { address: "Data!A1:F3" },
          getUsedRangeOrNullObject() {
            return this.used;
          },
        },
        area: {
          address: "Data!A1:C3",
          rowCount: 3,
          columnCount: 3,
          cell: {
            block: { values },
            getResizedRange() {
              return this.block;
            },
          },
          getCell() {
            return this.cell;
          },
        },
        getIntersectionOrNullObject(this: { area: unknown }) {
          return this.area;
        },
      },
      getSelectedRange() {
        return this.range;
      },
    });
    setNullObject(mock, ["context", "workbook", "range", "worksheet", "used"], false);
    setNullObject(mock, ["context", "workbook", "range", "area"], false);
    const data = await new ExcelHost(run).readSelection();
    expect(data).toEqual({ source: "Data!A1:C3", headers: values[0], rows: values.slice(1) });
    // The selection and its sheet's used range; their intersection's size; its values.
    expect(syncs()).toBe(3);
  });

  test("readTable reads headers and body of a named table in three syncs", async () => {
    const rows = [
      ["Ann", 500000],
      ["Bo", 450000],
    ];
    const table = {
      header: { values: [["Rep", "Quota"]] },
      body: {
        rowCount: 2,
        columnCount: 2,
        cell: {
          block: { values: rows },
          getResizedRange() {
            return this.block;
          },
        },
        getCell() {
          return this.cell;
        },
      },
      getHeaderRowRange() {
        return this.header;
      },
      getDataBodyRange() {
        return this.body;
      },
    };
    const { run, syncs, mock } = mockRun({
      tables: {
        table,
        getItemOrNullObject(this: { table: unknown }, name: string) {
          return name === "Reps" ? this.table : null;
        },
      },
    });
    setNullObject(mock, ["context", "workbook", "tables", "table"], false);
    const data = await new ExcelHost(run).readTable("Reps");
    expect(data.headers).toEqual(["Rep", "Quota"]);
    expect(data.rows).toEqual(rows);
    expect(syncs()).toBe(3);
  });

  test("readTable of a missing table says which name it looked for", async () => {
    const missing = {};
    const { run, mock } = mockRun({
      tables: {
        missing,
        getItemOrNullObject(this: { missing: unknown }) {
          return this.missing;
        },
      },
    });
    setNullObject(mock, ["context", "workbook", "tables", "missing"], true);
    await expect(new ExcelHost(run).readTable("Deals")).rejects.toThrow('There is no table named "Deals".');
  });
});

describe("loadWithWorkbook on office-addin-mock", () => {
  test("asks Excel to load the runtime with the workbook when SharedRuntime 1.1 is supported", async () => {
    const setStartupBehavior = jest.fn(() => Promise.resolve());
    const office = new OfficeMockObject({
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) => name === "SharedRuntime" && version === "1.1",
        },
      },
      addin: { setStartupBehavior },
    }) as unknown as typeof Office;
    // Office.js enums are plain values, not proxy objects that need load().
    Object.assign(office, { StartupBehavior: { load: "Load", none: "None" } });
    await expect(loadWithWorkbook(office)).resolves.toBe(true);
    expect(setStartupBehavior).toHaveBeenCalledWith("Load");
  });

  test("does nothing on a host without the shared runtime", async () => {
    const office = new OfficeMockObject({
      StartupBehavior: { load: "Load" },
      context: { requirements: { isSetSupported: () => false } },
      addin: { setStartupBehavior: () => Promise.reject(new Error("must not be called")) },
    }) as unknown as typeof Office;
    await expect(loadWithWorkbook(office)).resolves.toBe(false);
  });
});
