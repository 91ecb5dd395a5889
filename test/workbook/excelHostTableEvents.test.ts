import { RunLock } from "../../src/workbook/host";
import { ExcelHost } from "../../src/workbook/excelHost";
import { fakeExcel, FakeWorkbookState } from "./fakeExcel";
import { territorySpec } from "./hostContract";

/**
 * ExcelHost.onTablesChanged on Office.js events: the task pane's table lists follow tables the
 * user adds, deletes, resizes or renames the sheet of in Excel, and the add-in's own writes,
 * without reopening the pane; an edit inside a table's rows announces nothing.
 */

function setUp(excelApi = "1.17") {
  const state = new FakeWorkbookState();
  state.excelApi = excelApi;
  const fake = fakeExcel(state);
  const host = new ExcelHost(fake.run, () => new Date("2026-11-22T12:00:00Z"), new RunLock(), fake.events);
  const data = state.addSheet("Data");
  state.setValues(data, 0, 0, [
    ["Account", "Potential"],
    ["A1", 10],
    ["A2", 20],
  ]);
  state.addTable("Accounts", data, "A1:B3");
  return { state, host, data };
}

/** Resolves when `condition` holds, polling (the fake's events arrive asynchronously). */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("ExcelHost announces table changes from Office.js events", () => {
  test("a table added, a header edited, a table grown, its sheet renamed and deleted: one call each; a body edit none", async () => {
    const { state, host, data } = setUp();
    let calls = 0;
    const off = host.onTablesChanged(() => calls++);
    // Six events of ExcelApi 1.7-1.17 are registered (the fake supports 1.17).
    await until(() => state.handlerCount() === 6, "the handlers");
    const reps = state.addSheet("Reps");
    state.setValues(reps, 0, 0, [["Rep"], ["Ann"]]);
    state.addTable("RepList", reps, "A1:A2");
    await until(() => calls === 1, "the added table");

    // A body edit raises tables.onChanged, but the tables read the same: no call. The header
    // edit after it raises one; readings run in order, so when it has come the body's is done.
    state.setValues(data, 1, 1, [[99]]);
    state.setValues(data, 0, 1, [["Potential 2026"]]);
    await until(() => calls === 2, "the edited header");

    state.setValues(data, 3, 0, [["A3", 30]]);
    state.resizeTable("Accounts", "A1:B4");
    await until(() => calls === 3, "the grown table");

    state.renameSheet(reps, "Sellers");
    await until(() => calls === 4, "the renamed sheet");
    expect((await host.listTables()).find((t) => t.name === "RepList")?.sheet).toBe("Sellers");

    state.deleteSheet(reps);
    await until(() => calls === 5, "the deleted sheet");

    off();
    await until(() => state.handlerCount() === 0, "the handlers' removal");
    state.addTable("Later", state.addSheet("Later"), "A1:A1");
    // Nothing listens any more: the event finds no handler, so no reading and no call can follow.
    expect(state.handlerCount()).toBe(0);
    expect(calls).toBe(5);
  });

  test("the add-in's own write of a sheet with a table is announced once, when its sheet is swapped in", async () => {
    const { state, host } = setUp();
    const seen: string[][] = [];
    host.onTablesChanged(() => void host.listTables().then((t) => seen.push(t.map((x) => `${x.sheet}!${x.name}`))));
    await until(() => state.handlerCount() === 6, "the handlers");
    await host.writeSheet(territorySpec());
    await until(() => seen.length === 1, "the written table");
    expect(seen[0]).toEqual(["Data!Accounts", "Territories!Assignments"]);
    // A later change is the second call: the write's staging sheet and swap made only the first.
    state.addTable("Fence", state.addSheet("Fence"), "A1:A1");
    await until(() => seen.length === 2, "the fence table");
    expect(seen[1]).toContain("Fence!Fence");
  });

  test("on an Excel without ExcelApi 1.9 only the 1.7 events are registered, and a deleted sheet is still seen", async () => {
    const { state, host, data } = setUp("1.8");
    let calls = 0;
    host.onTablesChanged(() => calls++);
    await until(() => state.handlerCount() === 3, "the 1.7 handlers");
    expect(state.handlerCount("tables.onAdded")).toBe(0);
    expect(state.handlerCount("worksheets.onNameChanged")).toBe(0);
    state.addSheet("Spare");
    state.deleteSheet(data);
    await until(() => calls === 1, "the deleted sheet");
  });

  test("outside Office (no requirement set) nothing is registered and nothing is read", async () => {
    const { state, host } = setUp("1.0");
    const syncs = state.syncs;
    const off = host.onTablesChanged(() => undefined);
    off();
    expect(state.handlerCount()).toBe(0);
    expect(state.syncs).toBe(syncs);
  });
});
