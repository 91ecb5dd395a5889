import { Autosave } from "../../../src/preview/autosave/autosave";
import { memoryStore } from "../../../src/preview/autosave/store";
import { PreviewSession } from "../../../src/preview/session";
import { createTable, deleteSheet, insertSheet, renameSheet } from "../../../src/preview/tables/sheetCommands";
import { PreviewWorkbook } from "../../../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../../../src/workbook/previewHost";

function small(): PreviewWorkbook {
  const wb = new PreviewWorkbook();
  wb.addSheet("Data");
  writeSpec(wb, {
    name: "Data",
    tables: [{ name: "T", anchor: "A1", headers: ["Rep", "Amount"], rows: [["'Ann", 10]] }],
  });
  return wb;
}

describe("autosave", () => {
  test("a change is kept in the store, comes back on the next visit, and Start again discards it", async () => {
    const store = memoryStore();
    const session = new PreviewSession(small());
    const autosave = new Autosave(session, store, 5, () => new Date("2026-12-01T09:00:00Z"));
    autosave.start();
    expect(autosave.shouldWarn()).toBe(false);
    session.wb.setCell("Data", { row: 1, col: 1 }, 99);
    expect(autosave.shouldWarn()).toBe(true);
    await autosave.flush();
    expect(store.saved?.savedAt).toBe("2026-12-01T09:00:00.000Z");

    const next = await new Autosave(new PreviewSession(new PreviewWorkbook()), store).restore();
    expect(next?.workbook.cell("Data", { row: 1, col: 1 }).value).toBe(99);
    expect(next?.workbook.tables().map((t) => t.name)).toEqual(["T"]);

    autosave.downloaded();
    expect(autosave.shouldWarn()).toBe(false);
    await autosave.discard();
    expect(store.saved).toBeNull();
    expect(await autosave.restore()).toBeNull();
  });

  test("selecting cells is not a change; a workbook that replaced the first one is watched too", async () => {
    const session = new PreviewSession(small());
    const autosave = new Autosave(session, memoryStore(), 5);
    autosave.start();
    session.wb.select("Data", "B2");
    expect(autosave.shouldWarn()).toBe(false);
    session.replace(small());
    session.wb.setCell("Data", { row: 1, col: 1 }, 5);
    expect(autosave.shouldWarn()).toBe(true);
  });

  test("a pending write waits while the user scrolls or types, and happens once they pause for the delay", () => {
    jest.useFakeTimers();
    try {
      const store = memoryStore();
      const session = new PreviewSession(small());
      const autosave = new Autosave(session, store, 1000);
      const flush = jest.spyOn(autosave, "flush").mockResolvedValue();
      autosave.start();
      const target = new EventTarget();
      const stop = autosave.watchActivity(target);
      // Input with nothing pending schedules nothing.
      target.dispatchEvent(new Event("wheel"));
      jest.advanceTimersByTime(5000);
      expect(flush).not.toHaveBeenCalled();
      // A change at t = 0, wheel events at 800 and 1600 ms: the write waits until 1600 + 1000 ms.
      session.wb.setCell("Data", { row: 1, col: 1 }, 99);
      jest.advanceTimersByTime(800);
      target.dispatchEvent(new Event("wheel"));
      jest.advanceTimersByTime(800);
      target.dispatchEvent(new Event("keydown"));
      jest.advanceTimersByTime(999);
      expect(flush).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      expect(flush).toHaveBeenCalledTimes(1);
      // Once stopped, input no longer puts a write off: a change at 0 is written at 1000 ms.
      stop();
      session.wb.setCell("Data", { row: 1, col: 1 }, 100);
      jest.advanceTimersByTime(500);
      target.dispatchEvent(new Event("wheel"));
      jest.advanceTimersByTime(500);
      expect(flush).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });

  test("a damaged kept workbook is dropped, never fatal", async () => {
    const store = memoryStore();
    store.saved = { bytes: new Uint8Array([1, 2, 3]), savedAt: "x" };
    expect(await new Autosave(new PreviewSession(new PreviewWorkbook()), store).restore()).toBeNull();
    expect(store.saved).toBeNull();
  });
});

describe("sheet and table commands", () => {
  test("insert, rename and delete the user's sheets; the add-in's sheets are refused", async () => {
    const wb = small();
    const host = new PreviewHost(wb);
    expect(insertSheet(wb)).toBe("Sheet1");
    expect(insertSheet(wb)).toBe("Sheet2");
    await renameSheet(host, "Sheet1", "Notes");
    expect(wb.sheetNames()).toEqual(["Data", "Notes", "Sheet2"]);
    await expect(renameSheet(host, "Notes", "Data")).rejects.toThrow('A sheet named "Data" already exists.');
    await expect(renameSheet(host, "Notes", "a/b")).rejects.toThrow(/cannot be a sheet name/);
    await renameSheet(host, "Data", "Deals");
    expect(wb.tables()[0].sheet).toBe("Deals");
    wb.setCell("Notes", { row: 0, col: 0 }, "=SUM(T[Amount])");
    expect(wb.cell("Notes", { row: 0, col: 0 }).value).toBe(10);
    await deleteSheet(host, "Sheet2");
    expect(wb.sheetNames()).toEqual(["Deals", "Notes"]);
    await host.writeSheet({ name: "Generated", tables: [] });
    await expect(deleteSheet(host, "Generated")).rejects.toThrow(/Comp Planner generated/);
    await expect(renameSheet(host, "Generated", "X")).rejects.toThrow(/Comp Planner generated/);
  });

  test("create table from a selection: headers from its first row, the next free name, formulas can use it", async () => {
    const wb = new PreviewWorkbook();
    wb.addSheet("S");
    wb.setBlock("S", { row: 2, col: 1 }, [
      ["'Rep", null],
      ["'Ann", 3],
      ["'Bob", 4],
    ]);
    const host = new PreviewHost(wb);
    const name = await createTable(host, "S", { start: { row: 2, col: 1 }, end: { row: 4, col: 2 } });
    expect(name).toBe("Table1");
    expect(wb.tables()[0]).toMatchObject({
      name: "Table1",
      headers: ["Rep", "Column2"],
      rowCount: 2,
      anchor: { row: 2, col: 1 },
    });
    wb.setCell("S", { row: 0, col: 0 }, "=SUM(Table1[Column2])");
    expect(wb.cell("S", { row: 0, col: 0 }).value).toBe(7);
    await expect(createTable(host, "S", { start: { row: 3, col: 1 }, end: { row: 5, col: 1 } })).rejects.toThrow(
      /overlaps table Table1/,
    );
  });

  test("a write that fails (the worker gone) does not stop the next one", async () => {
    const store = memoryStore();
    const session = new PreviewSession(small());
    let calls = 0;
    const autosave = new Autosave(
      session,
      store,
      5,
      () => new Date("2026-12-01T09:00:00Z"),
      async () => {
        calls++;
        if (calls === 1) throw new Error("The workbook could not be written: worker gone");
        return new Uint8Array([1, 2, 3]);
      },
    );
    let heard = 0;
    autosave.subscribe(() => heard++);
    await expect(autosave.flush()).rejects.toThrow("worker gone");
    expect(store.saved).toBeNull();
    // The failure is the autosave's status, for the toolbar to show, and its listeners hear of it.
    expect(autosave.lastError).toBe("The workbook could not be written: worker gone");
    expect(autosave.lastSaved).toBeNull();
    expect(heard).toBe(1);
    await autosave.flush();
    expect(calls).toBe(2);
    expect(store.saved?.bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect(autosave.lastError).toBeNull();
    expect(autosave.lastSaved).toBe("2026-12-01T09:00:00.000Z");
  });

  test("a scheduled write that fails leaves no unhandled rejection; its error is the status", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const session = new PreviewSession(small());
      const autosave = new Autosave(session, memoryStore(), 1, undefined, async () => {
        throw new Error("storage full");
      });
      const failed = new Promise<void>((resolve) => autosave.subscribe(() => resolve()));
      autosave.start();
      autosave.changed();
      await failed;
      await new Promise((resolve) => setImmediate(resolve));
      expect(autosave.lastError).toBe("storage full");
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
