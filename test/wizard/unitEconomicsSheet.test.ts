import fc from "fast-check";
import {
  StructureKind,
  unitEconomics,
  UnitEconomicsInput,
  UnitEconomicsInputError,
} from "../../src/core/unitEconomics";
import { parseCell } from "../../src/workbook/a1";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";
import {
  STRUCTURE_HEADERS,
  UNIT_ECONOMICS_SHEET,
  unitEconomicsNames,
  unitEconomicsSheet,
} from "../../src/wizard/unitEconomics/unitEconomicsSheet";
import { PARTNERS, ueInput, WEB } from "../core/unitEconomics/fixtures";
import { payFromChosenPlan } from "../../src/wizard/unitEconomics/chosenPlan";
import { DEFAULT_UNIT_ECONOMICS_INPUT } from "../../src/wizard/unitEconomics/defaultInput";
import { runScenarioStep } from "../../src/wizard/scenarios/runScenarioStep";
import { StepError } from "../../src/wizard/stepRun";
import { explainActiveCell } from "../../src/wizard/explain/explainCell";
import { columnLetter } from "../../src/workbook/a1";
import { ExcelHost } from "../../src/workbook/excelHost";
import { fakeExcel, FakeWorkbookState } from "../workbook/fakeExcel";

const NAMES = unitEconomicsNames(UNIT_ECONOMICS_SHEET);

/** A table's rows as the engine computed them, by header. */
function rowsOf(wb: PreviewWorkbook, table: string): Record<string, unknown>[] {
  const t = wb.tables().find((x) => x.name === table)!;
  return Array.from({ length: t.rowCount }, (_, r) =>
    Object.fromEntries(
      t.headers.map((h, c) => [h, wb.cell(t.sheet, { row: t.anchor.row + 1 + r, col: t.anchor.col + c }).value]),
    ),
  );
}

/** Engine value == core number, to the last few bits (the sheet computes in doubles, the core in exact decimals). */
function close(engine: unknown, core: number | null, what: string) {
  if (core === null) {
    expect({ what, engine: typeof engine === "object" && engine !== null ? "error" : engine }).toEqual({
      what,
      engine: expect.anything(),
    });
    return;
  }
  if (typeof engine !== "number")
    throw new Error(`${what}: the engine shows ${JSON.stringify(engine)}, the core ${core}`);
  expect({ what, diff: Math.abs(engine - core) <= Math.abs(core) * 1e-9 + 1e-7 }).toEqual({ what, diff: true });
}

async function written(input: UnitEconomicsInput) {
  const wb = new PreviewWorkbook();
  const host = new PreviewHost(wb);
  await host.writeSheet(unitEconomicsSheet(input));
  return { wb, host };
}

/** Checks every channel, structure and cash figure of the sheet against the core. */
function expectSheetEqualsCore(wb: PreviewWorkbook, input: UnitEconomicsInput) {
  const r = unitEconomics(input);
  const channels = rowsOf(wb, NAMES.channels);
  r.channels.forEach((c, i) => {
    const row = channels[i];
    expect(row["Channel"]).toBe(c.name);
    close(row["Qualified"], c.funnel[1], `${c.name} qualified`);
    close(row["Meetings"], c.funnel[2], `${c.name} meetings`);
    close(row["Customers"], c.customers, `${c.name} customers`);
    close(row["New revenue"], c.newRevenue, `${c.name} new revenue`);
    close(row[`Customers at month ${r.horizonMonths}`], c.customersAtHorizon, `${c.name} customers at horizon`);
    close(row["Sales cost"], c.salesCost, `${c.name} sales cost`);
    close(row["LTV"], c.ltv, `${c.name} LTV`);
    if (c.cac === null) {
      expect(row["CAC"]).toMatchObject({ error: "#DIV/0!" });
    } else {
      close(row["CAC"], c.cac, `${c.name} CAC`);
      close(row["Payback months"], c.paybackMonths, `${c.name} payback`);
      close(row["LTV/CAC"], c.ltvToCac, `${c.name} LTV/CAC`);
    }
    if (c.fact.cac === null) expect(row["Fact CAC"]).toBe("");
    else close(row["Fact CAC"], c.fact.cac, `${c.name} fact CAC`);
    expect(row["Warnings"]).toBe(c.warnings.join(" "));
  });
  const structures = rowsOf(wb, NAMES.structures);
  expect(Object.keys(structures[0])).toEqual([...STRUCTURE_HEADERS]);
  r.structures.forEach((s, i) => {
    const row = structures[i];
    expect(row["Structure"]).toBe(s.kind);
    expect([
      row["SDR"],
      row["AE"],
      row["CSR"],
      row["Generalists"],
      row["PODs"],
      row["People per POD"],
      row["Headcount"],
    ]).toEqual([
      s.headcount.sdr,
      s.headcount.ae,
      s.headcount.csr,
      s.headcount.generalists,
      s.headcount.pods,
      s.podSize,
      s.total,
    ]);
    close(row["Utilisation"], s.utilisation, `${s.kind} utilisation`);
    for (const role of ["sdr", "ae", "csr"] as const) {
      const v = s.roleUtilisation[role];
      if (v === null) expect(row[`${role.toUpperCase()} utilisation`]).toBeNull();
      else close(row[`${role.toUpperCase()} utilisation`], v, `${s.kind} ${role} utilisation`);
    }
    close(row["Monthly compensation"], s.monthlyCompensation, `${s.kind} monthly compensation`);
    close(row["Annual compensation"], s.annualCompensation, `${s.kind} annual compensation`);
    close(row["Acquisition cost"], s.acquisitionCost, `${s.kind} acquisition cost`);
    close(row["Cost of sales"], s.costOfSales, `${s.kind} cost of sales`);
    close(row["CAC"], s.cac, `${s.kind} CAC`);
    close(row["Payback months"], s.paybackMonths, `${s.kind} payback`);
    close(row["LTV/CAC"], s.ltvToCac, `${s.kind} LTV/CAC`);
    expect(row["Break-even month"]).toBe(s.breakEvenMonth ?? `none in ${r.horizonMonths} months`);
    expect(row["Warnings"]).toBe(s.warnings.join(" "));
  });
  const cash = rowsOf(wb, NAMES.cash);
  expect(cash).toHaveLength(r.horizonMonths);
  cash.forEach((row, m) => {
    close(row["Gross profit"], r.months.grossProfit[m], `gross profit month ${m + 1}`);
    close(row["Cumulative gross profit"], r.months.cumulativeGrossProfit[m], `cumulative gross profit month ${m + 1}`);
    r.structures.forEach((s) => close(row[s.kind], s.cumulativeCash[m], `${s.kind} cash month ${m + 1}`));
  });
  return r;
}

describe("the Unit Economics sheet (preview engine)", () => {
  test("one channel, three structures: every figure the engine computes equals the core's", async () => {
    const input = ueInput();
    const { wb } = await written(input);
    const r = expectSheetEqualsCore(wb, input);
    // The worked example's figures, as a reader would check them: CAC (10,000 + 39,000) / 45.
    expect(rowsOf(wb, NAMES.channels)[0]["CAC"] as number).toBeCloseTo(49_000 / 45, 9);
    expect(r.structures.map((s) => s.total)).toEqual([11, 11, 12]);
    expect(wb.charts(UNIT_ECONOMICS_SHEET)[0].series.map((s) => s.name)).toEqual(["Assembly", "Island", "POD"]);
  });

  test("two channels with facts, warnings on every structure, no break-even: still equal to the core", async () => {
    const input = ueInput({
      channels: [
        {
          ...WEB,
          leads: 100,
          spend: 50_000,
          fact: { spend: 45_000, leads: 120, qualified: 40, meetings: null, won: 4 },
        },
        { ...PARTNERS, rates: [0.5, 0, 0.5] },
      ],
      potentialClients: 800,
      pay: {
        ...ueInput().pay,
        sdr: { ote: 60_000, baseShare: 0.5 },
        generalist: { ote: 90_000, baseShare: 0.85 },
        podMember: { ote: 84_000, baseShare: 0.9 },
      },
    });
    const { wb } = await written(input);
    const r = expectSheetEqualsCore(wb, input);
    expect(r.structures.every((s) => s.warnings.length >= 2)).toBe(true);
    expect(r.channels[1].cac).toBeNull();
  });

  test("several channels and only two structures (POD first): the first structure's pay is in the channels' CAC", async () => {
    const input = ueInput({
      channels: [WEB, PARTNERS, { ...WEB, name: "Events", leads: 250, spend: 8_000, monthlyChurn: 1 }],
      structures: ["POD", "Assembly"],
      potentialClients: null,
      podSize: 7,
    });
    const { wb } = await written(input);
    const r = expectSheetEqualsCore(wb, input);
    const shared = r.channels.reduce((s, c) => s + c.salesCost, 0);
    expect(shared).toBeCloseTo(r.structures[0].acquisitionCost, 6);
  });

  test("the funnel block: COMP.FUNNEL spills the plan, with fact and fact / plan under it", async () => {
    const input = ueInput({
      channels: [{ ...WEB, fact: { spend: 12_000, leads: 990, qualified: 330, meetings: null, won: 40 } }],
    });
    const { wb } = await written(input);
    const cells = wb.tables().find((t) => t.name === NAMES.channels)!;
    const funnelRow = cells.anchor.row + 1 + 1 + 3; // the table's one row, two blank rows, the block's header
    const at = (col: number, row: number) => wb.cell(UNIT_ECONOMICS_SHEET, { row, col }).value;
    expect(String(wb.cell(UNIT_ECONOMICS_SHEET, { row: funnelRow, col: 2 }).formula)).toMatch(/^=COMP\.FUNNEL\(/);
    expect([2, 3, 4, 5].map((c) => at(c, funnelRow))).toEqual([900, 360, 180, 45]);
    expect([2, 3, 4, 5].map((c) => at(c, funnelRow + 1))).toEqual([990, 330, "", 40]);
    expect(at(2, funnelRow + 2)).toBeCloseTo(1.1, 12);
    expect(at(4, funnelRow + 2)).toBe("");
  });

  test("editing an input in the sheet recalculates: more leads per SDR, fewer SDRs and a lower CAC", async () => {
    const { wb } = await written(ueInput());
    const before = rowsOf(wb, NAMES.structures)[0];
    wb.setCell(UNIT_ECONOMICS_SHEET, parseCell("B5"), 450); // 900 / 450 = 2 SDRs instead of 3
    const after = rowsOf(wb, NAMES.structures)[0];
    expect(after["SDR"]).toBe(2);
    expect(after["CAC"] as number).toBeLessThan(before["CAC"] as number);
    expect(after["Monthly compensation"]).toBe((before["Monthly compensation"] as number) - 5_000);
  });

  test("bad input (churn 0, conversion above 1, negative spend) names the field and writes nothing", async () => {
    const wb = new PreviewWorkbook();
    const host = new PreviewHost(wb);
    const bad = [
      [{ ...WEB, monthlyChurn: 0 }, /Channel "Web": monthly churn is 0/],
      [{ ...WEB, rates: [1.5, 0.5, 0.25] as const }, /Channel "Web": lead to qualified rate is 1.5/],
      [{ ...WEB, spend: -100 }, /Channel "Web": spend per month is -100/],
    ] as const;
    for (const [channel, message] of bad) {
      const build = () => unitEconomicsSheet(ueInput({ channels: [channel] }));
      expect(build).toThrow(UnitEconomicsInputError);
      expect(build).toThrow(message);
    }
    expect(wb.hasSheet(UNIT_ECONOMICS_SHEET)).toBe(false);
    expect(await host.listSheets()).toEqual([]);
  });
});

describe("the Unit Economics sheet's layout", () => {
  test("a label with a figure beside it fits its column (about 6 points a character): none is cut off", () => {
    const facts = {
      deals: {
        table: { source: "Deals", headers: ["Source", "Stage", "Created", "Closed", "Amount"], rows: [] },
        channel: "Source",
        stage: "Stage",
        created: "Created",
        closed: "Closed",
        amount: "Amount",
        type: "",
      },
      activities: null,
      period: { first: { year: 2026, month: 1 }, last: { year: 2026, month: 6 } },
      values: ["Web", "Partners"],
    };
    const spec = unitEconomicsSheet(ueInput({ channels: [WEB, PARTNERS] }), UNIT_ECONOMICS_SHEET, facts);
    const cells = new Map((spec.cells ?? []).map((c) => [c.address, c]));
    const cut: string[] = [];
    for (const c of spec.cells ?? []) {
      const { row, col } = parseCell(c.address);
      const beside = cells.get(`${columnLetter(col + 1)}${row + 1}`);
      if (typeof c.value !== "string" || c.value.startsWith("=") || !beside) continue;
      const width = spec.columnWidths?.[columnLetter(col)] ?? 64;
      if (c.value.length * 6 > width) cut.push(`${c.address} "${c.value}" in ${width} points`);
    }
    expect(cut).toEqual([]);
  });
});

describe("the Unit Economics sheet with the OTE scenarios' chosen plan and the default plan", () => {
  test("the chosen scenarios' OTE and base share replace the entered pay of their roles; the sheet still equals the core", async () => {
    const wb = new PreviewWorkbook();
    const host = new PreviewHost(wb);
    await runScenarioStep(host, {
      roles: [
        { role: "SDR", headcount: 4, ote: 70_000, quota: 600_000, mixes: [0.6, 0.7] },
        { role: "AE", headcount: 6, ote: 140_000, quota: 1_200_000, mixes: [0.55] },
        { role: "CSR/AM", headcount: 3, ote: 95_000, quota: 1_500_000, mixes: [0.7] },
      ],
      curves: [{ name: "Standard", tiers: [{ lower: 0, rate: 1 }], mode: "MARGINAL", threshold: null, cap: null }],
      distribution: { kind: "lognormal", share: 0.65, sigma: 0.25 },
      sheet: "OTE Scenarios",
    });
    const { pay, fromPlan } = payFromChosenPlan(await host.readTable("OTE_Scenarios_Scenarios"), ueInput().pay);
    // The first scenario of each role is the chosen one: SDR 60/40, AE 55/45, CSR/AM 70/30.
    expect(fromPlan).toEqual(["sdr", "ae", "csr"]);
    expect(pay.sdr).toEqual({ ote: 70_000, baseShare: 0.6 });
    expect(pay.ae).toEqual({ ote: 140_000, baseShare: 0.55 });
    expect(pay.csr).toEqual({ ote: 95_000, baseShare: 0.7 });
    expect(pay.generalist).toEqual(ueInput().pay.generalist);
    const input = ueInput({ pay });
    await host.writeSheet(unitEconomicsSheet(input));
    const r = expectSheetEqualsCore(wb, input);
    // (3 x 70k + 3 x 140k + 5 x 95k) / 12
    expect(r.structures[0].monthlyCompensation).toBeCloseTo((3 * 70_000 + 3 * 140_000 + 5 * 95_000) / 12, 9);
    expect(r.structures[0].warnings).toContain("SDR pay mix 60/40 is outside the usual 65-75% base.");
  });

  test("a chosen row with a bad OTE is refused naming the table and row", () => {
    const table = {
      source: "OTE_Scenarios_Scenarios",
      headers: ["Role", "OTE", "Base share", "Chosen"],
      rows: [["AE", "", 0.5, "Yes"]],
    };
    expect(() => payFromChosenPlan(table, ueInput().pay)).toThrow(StepError);
    expect(() => payFromChosenPlan(table, ueInput().pay)).toThrow(
      "Table OTE_Scenarios_Scenarios row 1: OTE is ; enter an amount above 0.",
    );
    expect(() => payFromChosenPlan({ ...table, headers: ["Role", "OTE"] }, ueInput().pay)).toThrow(
      "needs Role, OTE, Base share and Chosen columns",
    );
  });

  test("the default plan writes a sheet whose figures equal the core's", async () => {
    const { wb } = await written(DEFAULT_UNIT_ECONOMICS_INPUT);
    const r = expectSheetEqualsCore(wb, DEFAULT_UNIT_ECONOMICS_INPUT);
    // 1,200 x 0.35 x 0.5 x 0.25 = 52.5; 800 x 0.2 x 0.4 x 0.2 = 12.8; 200 x 0.5 x 0.6 x 0.35 = 21
    expect(r.channels.map((c) => c.customers)).toEqual([52.5, 12.8, 21]);
  });
});

describe("Explain on the Unit Economics sheet", () => {
  /** Selects a channel table cell, as a user clicks it. */
  function select(wb: PreviewWorkbook, table: string, row: number, column: string) {
    const t = wb.tables().find((x) => x.name === table)!;
    wb.select(
      UNIT_ECONOMICS_SHEET,
      `${columnLetter(t.anchor.col + t.headers.indexOf(column))}${t.anchor.row + 2 + row}`,
    );
  }

  test("a channel's computed cell shows its formula and the row's inputs and results", async () => {
    const { wb, host } = await written(ueInput());
    select(wb, NAMES.channels, 0, "New revenue");
    const e = await explainActiveCell(host);
    expect(e.title).toBe(`${NAMES.channels}: New revenue`);
    expect(e.formula).toBe("=[@Customers]*[@[Average deal]]");
    const byLabel = Object.fromEntries(e.inputs.map((x) => [x.label, x.value]));
    expect(byLabel).toMatchObject({ Channel: "Web", Customers: "45", "Average deal": "400", "New revenue": "18,000" });
  });

  test("a COMP call on the sheet is explained as that function, with its value", async () => {
    const { wb, host } = await written(ueInput());
    select(wb, NAMES.channels, 0, "LTV");
    const e = await explainActiveCell(host);
    expect(e.title).toBe("COMP.LTV");
    expect(e.inputs.map((x) => x.label)).toEqual(["monthly_revenue", "monthly_churn", "gross_margin"]);
    expect(e.inWords).toBe("COMP.LTV(monthly_revenue, monthly_churn, gross_margin) = 6,000.");
  });
});

describe("the Unit Economics sheet on ExcelHost (Office.js fake)", () => {
  test("written in one batch with en-US formulas and structured references, nothing else touched", async () => {
    const fake = fakeExcel(new FakeWorkbookState());
    fake.state.addSheet("Data");
    const before = fake.state.snapshot([UNIT_ECONOMICS_SHEET]);
    const host = new ExcelHost(fake.run);
    await host.writeSheet(unitEconomicsSheet(ueInput()));
    expect(fake.contexts).toHaveLength(1);
    expect(fake.state.snapshot([UNIT_ECONOMICS_SHEET])).toEqual(before);
    const cells = fake.state.sheet(UNIT_ECONOMICS_SHEET)!.cells;
    const formulas = [...cells.values()].flatMap((v) =>
      typeof v === "object" && v !== null && "formula" in v ? [v.formula] : [],
    );
    expect(formulas).toContain("=COMP.CAC([@Spend]+[@[Sales cost]],[@Customers])");
    expect(formulas).toContain("=INDEX(COMP.FUNNEL([@Leads],[@[Lead to qualified]:[Meeting to won]]),1,4)");
    expect(formulas.some((x) => /^=COMP\.FUNNEL\(C\d+,D\d+:F\d+\)$/.test(x))).toBe(true);
  });
});

describe("the Unit Economics sheet: property", () => {
  test("for random plans (channels, capacities, structures, POD size, market), every engine value equals the core's", async () => {
    const rate = fc.double({ min: 0.01, max: 1, noNaN: true });
    const channel = fc.record({
      spend: fc.integer({ min: 0, max: 200_000 }),
      leads: fc.integer({ min: 1, max: 10_000 }),
      rates: fc.tuple(rate, rate, rate),
      averageDeal: fc.integer({ min: 10, max: 10_000 }),
      grossMargin: fc.double({ min: 0.05, max: 1, noNaN: true }),
      monthlyChurn: fc.double({ min: 0.002, max: 1, noNaN: true }),
    });
    const plan = fc.record({
      channels: fc.array(channel, { minLength: 1, maxLength: 3 }),
      capacities: fc.record({
        leadsPerSdr: fc.integer({ min: 50, max: 2000 }),
        meetingsPerAe: fc.integer({ min: 5, max: 200 }),
        customersPerCsr: fc.integer({ min: 20, max: 1000 }),
      }),
      structures: fc.shuffledSubarray(["Assembly", "Island", "POD"] as StructureKind[], { minLength: 1 }),
      podSize: fc.integer({ min: 3, max: 7 }),
      potentialClients: fc.option(fc.integer({ min: 0, max: 10_000 })),
      baseShare: fc.double({ min: 0.3, max: 0.9, noNaN: true }),
    });
    await fc.assert(
      fc.asyncProperty(plan, async (p) => {
        const base = ueInput();
        const input = ueInput({
          channels: p.channels.map((c, i) => ({ ...c, name: `Channel ${i + 1}` })),
          capacities: p.capacities,
          structures: p.structures,
          podSize: p.podSize,
          potentialClients: p.potentialClients,
          pay: {
            ...base.pay,
            sdr: { ote: 60_000, baseShare: p.baseShare },
            podMember: { ote: 84_000, baseShare: p.baseShare },
          },
        });
        const { wb } = await written(input);
        expectSheetEqualsCore(wb, input);
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});
