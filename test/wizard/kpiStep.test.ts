import { loadSample } from "../../src/preview/loadSample";
import { formatValue } from "../../src/preview/numberFormat";
import { parseCell } from "../../src/workbook/a1";
import { NotOwnedError } from "../../src/workbook/host";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";
import { DEFAULT_KPI_PLAN } from "../../src/wizard/kpi/defaultPlan";
import { KPI_NAMES } from "../../src/wizard/kpi/layout";
import { readPlanHistory, runKpiStep, saveKpiPlan } from "../../src/wizard/kpi/runKpiStep";
import { StepError } from "../../src/wizard/stepRun";

const PEOPLE = { table: "Reps", id: "Rep ID", role: "Role" };
const NOV_20 = new Date("2026-11-20T10:00:00Z");

function sampleBook() {
  const wb = new PreviewWorkbook();
  loadSample(wb);
  return { wb, host: new PreviewHost(wb) };
}

/** A table's rows as the engine computed them, by header. */
function rowsOf(wb: PreviewWorkbook, table: string): Record<string, unknown>[] {
  const t = wb.tables().find((x) => x.name === table)!;
  return Array.from({ length: t.rowCount }, (_, r) =>
    Object.fromEntries(
      t.headers.map((h, c) => [h, wb.cell(t.sheet, { row: t.anchor.row + 1 + r, col: t.anchor.col + c }).value]),
    ),
  );
}

describe("the KPI bonus module on the sample workbook (preview engine)", () => {
  test("scorecards: every actual, attainment and payout formula equals the core; bonus = the sum of components; the leaderboard reads the same cells", async () => {
    const { wb, host } = sampleBook();
    await saveKpiPlan(host, DEFAULT_KPI_PLAN, NOV_20, "2026-09");
    const result = await runKpiStep(host, { people: PEOPLE, month: "2026-10", showAmounts: true });
    const lines = rowsOf(wb, KPI_NAMES.lines);
    expect(lines).toHaveLength(result.lines.length);
    expect(result.lines.length).toBe(8 * 2 + 14 * 3 + 8 * 2);
    result.lines.forEach((l, i) => {
      expect(lines[i]).toMatchObject({ Person: l.person, KPI: l.kpi });
      expect(lines[i]["Actual"] as number).toBeCloseTo(l.actual, 9);
      expect(lines[i]["Attainment"] as number).toBeCloseTo(l.attainment, 12);
      expect(lines[i]["Payout"] as number).toBeCloseTo(l.payout, 9);
    });
    // Something was actually counted: not every actual is 0.
    expect(result.lines.filter((l) => l.actual > 0).length).toBeGreaterThan(result.lines.length / 2);
    const bonus = rowsOf(wb, KPI_NAMES.bonus);
    result.people.forEach((p, i) => {
      expect(bonus[i]["Bonus"] as number).toBeCloseTo(p.bonus, 9);
      expect(bonus[i]["Attainment"] as number).toBeCloseTo(p.attainment, 12);
    });
    const board = rowsOf(wb, KPI_NAMES.leaderboard);
    const byPerson = new Map(result.people.map((p) => [p.person, p]));
    board.forEach((row) => {
      const p = byPerson.get(String(row["Person"]))!;
      expect(row["Rank"]).toBe(p.rank);
      expect(row["Attainment"] as number).toBeCloseTo(p.attainment, 12);
      expect(row["Bonus"] as number).toBeCloseTo(p.bonus, 9);
    });
    expect(board.map((r) => r["Rank"])).toEqual([...board.map((r) => r["Rank"] as number)].sort((a, b) => a - b));
    expect(String(wb.cell("Scorecards", parseCell("A1")).value)).toBe(
      "Scorecards for 2026-10: plan version 1, in force from 2026-09",
    );
  });

  test("actuals and targets read as numbers: 40,000.00, never the bare decimal point of 40,000.", async () => {
    const { wb, host } = sampleBook();
    await saveKpiPlan(host, DEFAULT_KPI_PLAN, NOV_20, "2026-09");
    await runKpiStep(host, { people: PEOPLE, month: "2026-10", showAmounts: true });
    const t = wb.tables().find((x) => x.name === KPI_NAMES.lines)!;
    const shown = (header: string) =>
      Array.from({ length: t.rowCount }, (_, r) => {
        const cell = wb.cell(t.sheet, { row: t.anchor.row + 1 + r, col: t.anchor.col + t.headers.indexOf(header) });
        return formatValue(cell.value, cell.numberFormat);
      });
    for (const header of ["Actual", "Target"]) expect(shown(header).filter((text) => text.endsWith("."))).toEqual([]);
    expect(shown("Target")).toContain("40,000.00");
  });

  test("a month is computed with the version in force for it; a change is refused for a month that has one", async () => {
    const { wb, host } = sampleBook();
    await saveKpiPlan(host, DEFAULT_KPI_PLAN, NOV_20, "2026-09");
    const richer = { roles: DEFAULT_KPI_PLAN.roles.map((r) => ({ ...r, targetBonus: r.targetBonus * 2 })) };
    const history = await saveKpiPlan(host, richer, NOV_20);
    expect(history.map((v) => v.effective)).toEqual(["2026-09", "2026-12"]);
    await expect(saveKpiPlan(host, DEFAULT_KPI_PLAN, new Date("2026-11-25T10:00:00Z"))).rejects.toThrow(
      "KPI settings change at most once a month, and 2026-12 already has a change, made on 2026-11-20. The next change can take effect from 2027-01.",
    );
    // December is computed once it has started.
    const DEC_2 = new Date("2026-12-02T09:00:00Z");
    const october = await runKpiStep(host, { people: PEOPLE, month: "2026-10", showAmounts: true, now: DEC_2 });
    const december = await runKpiStep(host, { people: PEOPLE, month: "2026-12", showAmounts: false, now: DEC_2 });
    expect(october.version.version).toBe(1);
    expect(december.version.version).toBe(2);
    expect(await readPlanHistory(host)).toHaveLength(2);
    expect(rowsOf(wb, KPI_NAMES.history).map((r) => r["Effective from"])).toEqual(["2026-09", "2026-12"]);
    // Amounts hidden: the leaderboard has no Bonus column.
    expect(wb.tables().find((t) => t.name === KPI_NAMES.leaderboard)!.headers).toEqual([
      "Rank",
      "Person",
      "Role",
      "Attainment",
    ]);
  });

  test.each([
    ["a zero target", { target: 0 }, 'KPI "New revenue" (AE): the target is 0; enter a target above 0.'],
    ["a negative weight", { weight: -0.2 }, 'KPI "New revenue" (AE): the weight is -0.2; weights are 0 or more.'],
  ])("bad input (%s) names the KPI, nothing is written", async (_, over, message) => {
    const { wb, host } = sampleBook();
    const bad = {
      roles: DEFAULT_KPI_PLAN.roles.map((r) =>
        r.role === "AE" ? { ...r, kpis: r.kpis.map((k, i) => (i === 0 ? { ...k, ...over } : k)) } : r,
      ),
    };
    await expect(saveKpiPlan(host, bad, NOV_20, "2026-09")).rejects.toThrow(StepError);
    await expect(saveKpiPlan(host, bad, NOV_20, "2026-09")).rejects.toThrow(message);
    expect(wb.hasSheet("KPI Plan")).toBe(false);
  });

  test("a KPI whose column is missing or non-numeric is named; nothing is written", async () => {
    const { wb, host } = sampleBook();
    const missing = {
      roles: [
        {
          ...DEFAULT_KPI_PLAN.roles[1],
          kpis: [
            {
              ...DEFAULT_KPI_PLAN.roles[1].kpis[0],
              measure: { ...DEFAULT_KPI_PLAN.roles[1].kpis[0].measure, value: "Revenue" },
            },
          ],
        },
      ],
    };
    // Save checks the plan against the data first: nothing is stored.
    await expect(saveKpiPlan(host, missing, NOV_20, "2026-09")).rejects.toThrow(
      'KPI "New revenue": table Deals has no column "Revenue".',
    );
    expect(wb.hasSheet("KPI Plan")).toBe(false);
    expect(await readPlanHistory(host)).toEqual([]);
    // A column that goes after the save (renamed by hand) is named by the run.
    const deals = wb.tables().find((t) => t.name === "Deals")!;
    const amount = deals.headers.indexOf("Amount");
    const renamed = (from: string, to: string) =>
      deals.headers.map((h, i) => (i === amount ? to : h === to ? from : h));
    wb.resizeTable("Deals", deals.rowCount, renamed("Amount", "Revenue"));
    wb.setCell(deals.sheet, { row: deals.anchor.row, col: deals.anchor.col + amount }, "Revenue");
    await saveKpiPlan(host, missing, NOV_20, "2026-09");
    wb.resizeTable("Deals", deals.rowCount, deals.headers);
    wb.setCell(deals.sheet, { row: deals.anchor.row, col: deals.anchor.col + amount }, "Amount");
    await expect(runKpiStep(host, { people: PEOPLE, month: "2026-10", showAmounts: true })).rejects.toThrow(
      'KPI "New revenue": table Deals has no column "Revenue".',
    );
    const nonNumeric = {
      roles: [
        {
          ...DEFAULT_KPI_PLAN.roles[1],
          kpis: [
            {
              ...DEFAULT_KPI_PLAN.roles[1].kpis[0],
              measure: { ...DEFAULT_KPI_PLAN.roles[1].kpis[0].measure, value: "Product" },
            },
          ],
        },
      ],
    };
    const other = sampleBook();
    await saveKpiPlan(other.host, nonNumeric, NOV_20, "2026-09");
    await expect(runKpiStep(other.host, { people: PEOPLE, month: "2026-10", showAmounts: true })).rejects.toThrow(
      /KPI "New revenue": Deals row \d+ has "[^"]+" in Product, not a number\./,
    );
    expect(wb.hasSheet("Scorecards") || other.wb.hasSheet("Scorecards")).toBe(false);
    expect(
      await runKpiStep(host, { people: PEOPLE, month: "2026-08", showAmounts: true }).catch((e: Error) => e.message),
    ).toBe("No KPI plan is in force in 2026-08: the first version takes effect in 2026-09.");
  });

  test("a user's sheet named Leaderboard is never overwritten, and nothing else is written either", async () => {
    const { wb, host } = sampleBook();
    await saveKpiPlan(host, DEFAULT_KPI_PLAN, NOV_20, "2026-09");
    wb.addSheet("Leaderboard");
    wb.setCell("Leaderboard", { row: 0, col: 0 }, "ours");
    await expect(runKpiStep(host, { people: PEOPLE, month: "2026-10", showAmounts: true })).rejects.toThrow(
      NotOwnedError,
    );
    expect(wb.hasSheet("Scorecards")).toBe(false);
    expect(wb.cell("Leaderboard", { row: 0, col: 0 }).value).toBe("ours");
  });
});

describe("cycle and conversion KPIs on the sheet", () => {
  test("the sheet's formulas equal the core for every person", async () => {
    const wb = new PreviewWorkbook();
    const { writeSpec } = await import("../../src/workbook/previewHost");
    wb.addSheet("Data");
    // October 2026 starts at serial 46296.
    const rows = Array.from({ length: 40 }, (_, i) => [
      `R${(i % 3) + 1}`,
      i % 7 === 0 ? "" : 46250 + i,
      46296 + (i % 35),
      10 + (i % 5) * 10,
      i % 4,
    ]);
    writeSpec(wb, {
      name: "Data",
      tables: [{ name: "Funnel", anchor: "A1", headers: ["Rep", "Created", "Closed", "Entered", "Advanced"], rows }],
    });
    writeSpec(wb, {
      name: "Data",
      tables: [
        {
          name: "Team",
          anchor: "H1",
          headers: ["Rep ID", "Role"],
          rows: [
            ["R1", "AE"],
            ["R2", "AE"],
            ["R3", "AE"],
          ],
        },
      ],
    });
    const host = new PreviewHost(wb);
    const curve = DEFAULT_KPI_PLAN.roles[0].kpis[0].curve;
    const kpi = (aggregate: "cycle" | "conversion", target: number) => ({
      name: aggregate,
      measure:
        aggregate === "cycle"
          ? { table: "Funnel", person: "Rep", date: "Closed", aggregate, start: "Created", filters: [] }
          : {
              table: "Funnel",
              person: "Rep",
              date: "Closed",
              aggregate,
              advanced: "Advanced",
              entered: "Entered",
              filters: [],
            },
      target,
      weight: 0.5,
      curve,
    });
    await saveKpiPlan(
      host,
      { roles: [{ role: "AE", targetBonus: 2000, kpis: [kpi("cycle", 60), kpi("conversion", 0.1)] }] },
      NOV_20,
      "2026-10",
    );
    const result = await runKpiStep(host, {
      people: { table: "Team", id: "Rep ID", role: "Role" },
      month: "2026-10",
      showAmounts: true,
    });
    const lines = rowsOf(wb, KPI_NAMES.lines);
    result.lines.forEach((l, i) => {
      expect(lines[i]["Actual"] as number).toBeCloseTo(l.actual, 9);
      expect(lines[i]["Attainment"] as number).toBeCloseTo(l.attainment, 12);
      expect(lines[i]["Payout"] as number).toBeCloseTo(l.payout, 9);
    });
    expect(result.lines.every((l) => l.actual > 0)).toBe(true);
  });
});
