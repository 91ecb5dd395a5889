import { ExcelHost } from "../../src/workbook/excelHost";
import { RunLock } from "../../src/workbook/host";
import { fakeExcel, FakeWorkbookState, InjectedFault } from "./fakeExcel";
import { territorySpec } from "./hostContract";

/** A workbook with the user's data and notes, a user name, and (optionally) the add-in's sheet already written. */
async function workbook(withOwnSheet: boolean, edited = false) {
  const fake = fakeExcel(new FakeWorkbookState());
  const data = fake.state.addSheet("Data");
  fake.state.setValues(data, 0, 0, [
    ["Account", "Potential"],
    ["A1", 100],
    ["A2", 250],
  ]);
  fake.state.addTable("Accounts", data, "A1:B3");
  fake.state.addName("MyTotal", data, "B2");
  // Each host has its own lock here, so that a test's failed write cannot hold another's.
  const host = new ExcelHost(fake.run, () => new Date("2026-11-22T12:00:00Z"), new RunLock());
  if (withOwnSheet) await host.writeSheet(territorySpec(3));
  if (edited) fake.state.setValues(fake.state.sheet("Territories")!, 2, 1, [[999]]);
  return { fake, host };
}

/** How many syncs and queued operations a successful write takes on that workbook. */
async function cost(withOwnSheet: boolean, edited: boolean): Promise<{ syncs: number; ops: number }> {
  const { fake, host } = await workbook(withOwnSheet, edited);
  const s0 = fake.state.syncs;
  const o0 = fake.state.ops;
  await host.writeSheet(territorySpec(5));
  return { syncs: fake.state.syncs - s0, ops: fake.state.ops - o0 };
}

describe("ExcelHost writes are atomic: a failure at any point leaves the workbook exactly as it was", () => {
  const cases: [string, boolean, boolean][] = [
    ["a first run", false, false],
    ["a re-run over its own sheet", true, false],
    ["a re-run over a sheet edited by hand", true, true],
  ];
  test.each(cases)("%s: every sync and every queued operation failing in turn", async (_, own, edited) => {
    const { syncs, ops } = await cost(own, edited);
    expect(syncs).toBeGreaterThan(5);
    expect(ops).toBeGreaterThan(30);
    const faults = [
      ...Array.from({ length: syncs }, (_, i) => ({ sync: i + 1 })),
      ...Array.from({ length: ops }, (_, i) => ({ op: i + 1 })),
    ];
    for (const fault of faults) {
      const { fake, host } = await workbook(own, edited);
      const before = fake.state.fullSnapshot();
      if ("sync" in fault) fake.state.failSyncIn(fault.sync!);
      else fake.state.failOpIn(fault.op!);
      const outcome = await host.writeSheet(territorySpec(5)).then(
        () => "written",
        (err: Error) => err,
      );
      expect({ fault, outcome: outcome instanceof InjectedFault }).toEqual({ fault, outcome: true });
      expect({ fault, state: fake.state.fullSnapshot() }).toEqual({ fault, state: before });
      // Nothing is left that would refuse the next run: it succeeds and owns its sheet.
      await host.writeSheet(territorySpec(5));
      expect(await host.isOwned("Territories")).toBe(true);
      expect(fake.state.sheets.map((s) => s.name).filter((n) => n.startsWith("cp~"))).toEqual([]);
    }
  });
});

describe("ExcelHost ownership survives reopen and copy, and does not rest on the worksheet id", () => {
  test("after a reopen that changes every worksheet id, its sheet is still its own and a re-run replaces it", async () => {
    const { fake, host } = await workbook(true);
    const idBefore = fake.state.sheet("Territories")!.id;
    fake.state.reopen();
    expect(fake.state.sheet("Territories")!.id).not.toBe(idBefore);
    expect(await host.isOwned("Territories")).toBe(true);
    expect((await host.listSheets()).find((s) => s.name === "Territories")?.owned).toBe(true);
    await expect(host.writeSheet(territorySpec(2))).resolves.toMatchObject({ keptAs: null });
    expect(fake.state.formulaAt("Territories", "C3")).toBe("=[@Potential]*2");
    fake.state.reopen();
    expect(await host.isOwned("Territories")).toBe(true);
  });

  test("a user's copy of its sheet carries the marker but is not its own, before or after a reopen", async () => {
    const { fake, host } = await workbook(true);
    fake.state.copySheet("Territories", "My copy");
    expect(await host.isOwned("My copy")).toBe(false);
    expect(await host.isOwned("Territories")).toBe(true);
    fake.state.reopen();
    expect(await host.isOwned("My copy")).toBe(false);
    expect(await host.isOwned("Territories")).toBe(true);
    await expect(
      host.writeSheet({ ...territorySpec(1), name: "My copy", tables: [], namedRanges: [], charts: [] }),
    ).rejects.toThrow(/not created by Comp Planner/);
  });

  test("a sheet of the same id without the marker (a user's sheet after the record was copied) is not its own", async () => {
    const { fake, host } = await workbook(true);
    fake.state.sheet("Territories")!.names.clear();
    expect(await host.isOwned("Territories")).toBe(false);
  });

  test("a record written before markers existed (name and id only) still owns its sheet by id", async () => {
    const { fake, host } = await workbook(false);
    const s = fake.state.addSheet("Territories");
    fake.state.setValues(s, 0, 0, [["old"]]);
    fake.state.parts.push({
      id: "legacy",
      ns: "urn:comp-planner:settings:v1",
      xml: `<?xml version="1.0" encoding="UTF-8"?><settings xmlns="urn:comp-planner:settings:v1" key="owned-sheets" revision="1" savedAt="2026-01-01T00:00:00.000Z">[{"name":"Territories","id":"${s.id}"}]</settings>`,
    });
    expect(await host.isOwned("Territories")).toBe(true);
    await host.writeSheet(territorySpec(2));
    fake.state.reopen();
    expect(await host.isOwned("Territories")).toBe(true);
  });
});

describe("several sheets written as one", () => {
  /** Two sheets, the second's formulas reading the first's table. */
  const pair = (rows: number) => {
    const t = territorySpec(rows);
    const board = {
      name: "Board",
      tables: [
        {
          name: "Board_Ranks",
          anchor: "A1",
          headers: ["Account", "Double"],
          rows: [["A1", { formula: "=INDEX(Assignments[Double],1)" }]],
        },
      ],
    };
    return [t, board];
  };

  test("a re-run of sheets that refer to each other is not taken for a hand edit, and every fault in it puts all back", async () => {
    const { fake, host } = await workbook(false);
    await host.writeSheets(pair(3));
    const again = await host.writeSheets(pair(4));
    expect(again.map((r) => r.keptAs)).toEqual([null, null]);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Data", "Territories", "Board"]);
    const s0 = fake.state.syncs;
    await host.writeSheets(pair(5));
    const syncs = fake.state.syncs - s0;
    for (let n = 1; n <= syncs; n++) {
      const before = fake.state.fullSnapshot();
      fake.state.failSyncIn(n);
      await expect(host.writeSheets(pair(6))).rejects.toBeInstanceOf(InjectedFault);
      expect({ n, state: fake.state.fullSnapshot() }).toEqual({ n, state: before });
    }
  });
});

describe("a write that never finished (the add-in closed mid-way)", () => {
  test("leaves a hidden staging sheet that the next run removes instead of refusing", async () => {
    const { fake, host } = await workbook(false);
    // What a write leaves when the pane closes between two of its requests.
    const left = fake.state.addSheet("cp~abandoned0");
    left.visibility = "Hidden";
    left.names.set("CompPlanner_Owner", '="abandoned0"');
    fake.state.setValues(left, 0, 0, [["Account", "Potential", "Double"]]);
    fake.state.addTable("Assignments", left, "A1:C2");
    expect((await host.listSheets()).map((s) => s.name)).toEqual(["Data"]);
    await expect(host.writeSheet(territorySpec(3))).resolves.toMatchObject({ sheet: "Territories" });
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Data", "Territories"]);
    expect(fake.state.tables.map((t) => `${t.name}@${t.sheet.name}`)).toEqual([
      "Accounts@Data",
      "Assignments@Territories",
    ]);
  });

  test("a hidden sheet of the user's that merely starts with cp~ is left alone", async () => {
    const { fake, host } = await workbook(false);
    const mine = fake.state.addSheet("cp~mine");
    mine.visibility = "Hidden";
    fake.state.setValues(mine, 0, 0, [["x"]]);
    await host.writeSheet(territorySpec(3));
    expect(fake.state.sheet("cp~mine")?.cells.size).toBe(1);
  });
});
