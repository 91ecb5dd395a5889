import { loadSample } from "../../src/preview/loadSample";
import { parseCell } from "../../src/workbook/a1";
import { NotOwnedError } from "../../src/workbook/host";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";
import { CancelledError, StepError } from "../../src/wizard/stepRun";
import { runTerritoryStep } from "../../src/wizard/territories/runTerritoryStep";
import { territoryTableNames } from "../../src/wizard/territories/layout";
import { sampleTerritorySettings } from "./stepFixtures";

function sampleBook() {
  const wb = new PreviewWorkbook();
  loadSample(wb);
  return { wb, host: new PreviewHost(wb, () => new Date("2026-11-23T10:00:00Z")) };
}

const settings = sampleTerritorySettings;

/** Every non-empty cell of every sheet but the ones named, as text. */
function snapshot(wb: PreviewWorkbook, except: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of wb.sheetNames()) {
    if (except.includes(s)) continue;
    const used = wb.usedRange(s);
    if (!used) continue;
    wb.values(s, { start: { row: 0, col: 0 }, end: used.end }).forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = wb.cell(s, { row: r, col: c });
        if (v !== null || cell.formula) out.set(`${s}!${r},${c}`, JSON.stringify([cell.formula, v]));
      }),
    );
  }
  return out;
}

/** A summary table column's computed values, by territory. */
function summaryColumn(wb: PreviewWorkbook, sheet: string, column: string): Map<string, unknown> {
  const t = wb.tables().find((x) => x.name === territoryTableNames(sheet).summary)!;
  const c = t.headers.indexOf(column);
  const out = new Map<string, unknown>();
  for (let r = 1; r <= t.rowCount; r++) {
    out.set(
      String(wb.cell(sheet, { row: t.anchor.row + r, col: t.anchor.col }).value),
      wb.cell(sheet, { row: t.anchor.row + r, col: t.anchor.col + c }).value,
    );
  }
  return out;
}

describe("the territory step on the sample workbook (preview engine)", () => {
  test("writes the Territories sheet; its live summary equals the core's figures; nothing else changes", async () => {
    const { wb, host } = sampleBook();
    const before = snapshot(wb, ["Territories"]);
    const labels: string[] = [];
    const result = await runTerritoryStep(host, settings(), (_, label) => labels.push(label));
    expect(labels[0]).toBe("Reading accounts");
    expect(labels.at(-1)).toBe("Done");
    expect(await host.isOwned("Territories")).toBe(true);
    expect(snapshot(wb, ["Territories"])).toEqual(before);

    const potential = summaryColumn(wb, "Territories", "Potential");
    const count = summaryColumn(wb, "Territories", "Accounts");
    const movedIn = summaryColumn(wb, "Territories", "Moved in");
    const movedOut = summaryColumn(wb, "Territories", "Moved out");
    expect(potential.size).toBe(result.territories.length);
    for (const t of result.territories) {
      expect(potential.get(t.seat.name) as number).toBeCloseTo(t.potential, 6);
      expect(count.get(t.seat.name)).toBe(t.accounts);
      expect(movedIn.get(t.seat.name)).toBe(t.movedIn);
      expect(movedOut.get(t.seat.name)).toBe(t.movedOut);
    }
    expect(wb.cell("Territories", parseCell("D4")).value).toBe(result.moved);
    const perCapacity = result.territories.map((t) => t.potential / t.seat.capacity);
    expect(wb.cell("Territories", parseCell("D2")).value as number).toBeCloseTo(
      Math.max(...perCapacity) / Math.min(...perCapacity),
      9,
    );
    expect(wb.charts("Territories")[0].title).toBe("Potential per territory");
    const worst = Math.max(
      ...result.territories.map((t) =>
        Math.abs(
          t.potential /
            ((t.seat.capacity * result.territories.reduce((s, x) => s + x.potential, 0)) /
              result.territories.reduce((s, x) => s + x.seat.capacity, 0)) -
            1,
        ),
      ),
    );
    expect(wb.cell("Territories", parseCell("D6")).value).toBe(
      `${Math.round((Math.max(...perCapacity) / Math.min(...perCapacity)) * 1000) / 1000} largest / smallest; worst ${Math.round(worst * 10000) / 100}% from the mean`,
    );
    expect(await host.readSettings("territories")).toMatchObject({ sheet: "Territories", honourPins: true });
  });

  test("a hand edit of an account's territory updates the summary", async () => {
    const { wb, host } = sampleBook();
    const result = await runTerritoryStep(host, settings({ seats: { kind: "count", count: 10 }, honourPins: false }));
    const t = wb.tables().find((x) => x.name === "Territories_Accounts")!;
    const firstRow = { row: t.anchor.row + 1, col: t.anchor.col + 1 };
    const from = String(wb.cell("Territories", firstRow).value);
    const to = from === "T1" ? "T2" : "T1";
    const amount = wb.cell("Territories", { row: firstRow.row, col: t.anchor.col + 2 }).value as number;
    const fromBefore = summaryColumn(wb, "Territories", "Potential").get(from) as number;
    const toBefore = summaryColumn(wb, "Territories", "Potential").get(to) as number;
    wb.setCell("Territories", firstRow, to);
    expect(summaryColumn(wb, "Territories", "Potential").get(from) as number).toBeCloseTo(fromBefore - amount, 6);
    expect(summaryColumn(wb, "Territories", "Potential").get(to) as number).toBeCloseTo(toBefore + amount, 6);
    expect(result.territories).toHaveLength(10);
  });

  test("a re-run replaces its own sheet; a user's sheet of that name is refused and left as it was", async () => {
    const { wb, host } = sampleBook();
    await runTerritoryStep(host, settings({ seats: { kind: "count", count: 5 }, honourPins: false }));
    await runTerritoryStep(host, settings({ seats: { kind: "count", count: 7 }, honourPins: false }));
    expect(summaryColumn(wb, "Territories", "Potential").size).toBe(7);
    wb.addSheet("Mine");
    wb.setCell("Mine", { row: 0, col: 0 }, "keep me");
    const before = snapshot(wb, []);
    await expect(runTerritoryStep(host, settings({ sheet: "Mine" }))).rejects.toThrow(NotOwnedError);
    expect(snapshot(wb, [])).toEqual(before);
  });

  test("data problems stop the run with their rows, and excluding those rows lets it run", async () => {
    const { wb, host } = sampleBook();
    const t = wb.tables().find((x) => x.name === "Accounts")!;
    wb.setCell("Accounts", { row: t.anchor.row + 3, col: t.anchor.col + 4 }, "lots");
    const before = snapshot(wb, []);
    const run = runTerritoryStep(host, settings());
    await expect(run).rejects.toThrow(StepError);
    await expect(runTerritoryStep(host, settings())).rejects.toThrow(
      'Row 3: potential is the text "lots", not a number.',
    );
    expect(snapshot(wb, [])).toEqual(before);
    const result = await runTerritoryStep(host, settings({ excluded: [3] }));
    expect(result.assignment).toHaveLength(t.rowCount - 1);
  });

  test("pinned owners who are not among the chosen reps are reported, nothing written", async () => {
    const { wb, host } = sampleBook();
    await expect(runTerritoryStep(host, settings({ seats: { kind: "count", count: 5 } }))).rejects.toThrow(
      /pinned account\(s\) name a rep who is not in the list/,
    );
    expect(wb.hasSheet("Territories")).toBe(false);
  });

  test("cancelling before the write leaves the workbook untouched", async () => {
    const { wb, host } = sampleBook();
    const controller = new AbortController();
    const run = runTerritoryStep(host, settings(), (f) => f >= 0.35 && controller.abort(), controller.signal);
    await expect(run).rejects.toThrow(CancelledError);
    expect(wb.hasSheet("Territories")).toBe(false);
  });
});
