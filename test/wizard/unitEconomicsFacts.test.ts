import fc from "fast-check";
import { dateSerial } from "../../src/core/dates";
import { channelFacts, FactSources, unitEconomics, UnitEconomicsInput } from "../../src/core/unitEconomics";
import { loadSample } from "../../src/preview/loadSample";
import { columnLetter, parseCell } from "../../src/workbook/a1";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../../src/workbook/previewHost";
import { ExcelHost } from "../../src/workbook/excelHost";
import { fakeExcel, FakeWorkbookState } from "../workbook/fakeExcel";
import { explainActiveCell } from "../../src/wizard/explain/explainCell";
import { StepError } from "../../src/wizard/stepRun";
import { DEFAULT_UNIT_ECONOMICS_INPUT } from "../../src/wizard/unitEconomics/defaultInput";
import { FactSettings } from "../../src/wizard/unitEconomics/factsForm";
import {
  inputWithFacts,
  runUnitEconomicsStep,
  unitEconomicsStep,
} from "../../src/wizard/unitEconomics/runUnitEconomicsStep";
import { UNIT_ECONOMICS_SHEET, unitEconomicsNames } from "../../src/wizard/unitEconomics/unitEconomicsSheet";
import { UnitEconomicsSettings } from "../../src/wizard/unitEconomics/unitEconomicsPane";
import { PARTNERS, ueInput, WEB } from "../core/unitEconomics/fixtures";

const NAMES = unitEconomicsNames(UNIT_ECONOMICS_SHEET);
const d = dateSerial;
const DEAL_HEADERS = ["Deal ID", "Source", "Stage", "Created", "Closed", "Amount", "Type"];
const ACTIVITY_HEADERS = ["Date", "Channel", "Type"];

/** Two months of deals; what each row counts for is in its comment (period 2026-01-01 to 2026-02-28). */
const DEALS: (string | number)[][] = [
  ["D1", "Web", "Won", d(2026, 1, 5), d(2026, 1, 20), 500, "New"], // Web: won, opened
  ["D2", " web ", "Closed Won", d(2025, 12, 10), d(2026, 2, 28), 700, "New"], // Web (trimmed, any case): won on the last day
  ["D3", "Web", "Won", d(2026, 2, 1), d(2026, 3, 1), 900, "New"], // Web: opened; won after the period
  ["D4", "Web", "Lost", d(2026, 1, 10), d(2026, 1, 30), 400, "New"], // Web: opened
  ["D5", "Web", "Won", d(2026, 1, 3), d(2026, 1, 15), 1000, "Renewal"], // not new: nothing
  ["D6", "Partners", "Won", d(2026, 1, 2), d(2026, 2, 10) + 0.5, 1200, "New"], // Partners: won (a time of day), opened
  ["D7", "Partners", "Negotiation", d(2026, 2, 15), "", "", "New"], // Partners: opened, still open
  ["D8", "Web*", "Won", d(2026, 1, 4), d(2026, 1, 5), 300, "New"], // "Web*" is its own text, not a pattern: nothing
];
const ACTIVITIES: (string | number)[][] = [
  [d(2026, 1, 10), "Web", "SQL"],
  [d(2026, 1, 11), "Web", "SQL"],
  [d(2026, 2, 20), "Web", "Meeting"],
  [d(2025, 12, 31), "Web", "SQL"], // before the period
  [d(2026, 1, 5), "Partners", "SQL"],
  [d(2026, 1, 6), "Partners", "meeting "],
];

const PERIOD = { first: { year: 2026, month: 1 }, last: { year: 2026, month: 2 } };
const dealsColumns = {
  channel: "Source",
  stage: "Stage",
  created: "Created",
  closed: "Closed",
  amount: "Amount",
  type: "Type",
};
const activityColumns = {
  channel: "Channel",
  date: "Date",
  type: "Type",
  qualifiedType: "SQL",
  meetingType: "Meeting",
};

function factSettings(over: Partial<FactSettings> = {}): FactSettings {
  return {
    deals: { table: "Deals", ...dealsColumns },
    activities: null,
    period: PERIOD,
    values: ["Web", "Partners"],
    ...over,
  };
}

/** A workbook with the user's Deals (and Activities) tables on their own sheets. */
function workbook(deals = DEALS, activities: (string | number)[][] | null = ACTIVITIES) {
  const wb = new PreviewWorkbook();
  wb.addSheet("Deals");
  writeSpec(wb, { name: "Deals", tables: [{ name: "Deals", anchor: "A1", headers: DEAL_HEADERS, rows: deals }] });
  if (activities) {
    wb.addSheet("Activities");
    writeSpec(wb, {
      name: "Activities",
      tables: [{ name: "Activities", anchor: "A1", headers: ACTIVITY_HEADERS, rows: activities }],
    });
  }
  return { wb, host: new PreviewHost(wb) };
}

/** The core's fact sources for the settings, over the same rows. */
function sources(s: FactSettings, deals = DEALS, activities = ACTIVITIES): FactSources {
  const { table: _d, ...dc } = s.deals;
  return {
    deals: { table: { source: "Deals", headers: DEAL_HEADERS, rows: deals }, ...dc },
    activities: s.activities
      ? (({ table: _a, ...ac }) => ({
          table: { source: "Activities", headers: ACTIVITY_HEADERS, rows: activities },
          ...ac,
        }))(s.activities)
      : null,
    period: s.period,
    values: s.values,
  };
}

/** The channel table's rows as the engine computed them, by header. */
function channelRows(wb: PreviewWorkbook): Record<string, unknown>[] {
  const t = wb.tables().find((x) => x.name === NAMES.channels)!;
  return Array.from({ length: t.rowCount }, (_, r) =>
    Object.fromEntries(
      t.headers.map((h, c) => [h, wb.cell(t.sheet, { row: t.anchor.row + 1 + r, col: t.anchor.col + c }).value]),
    ),
  );
}

/** Channel i's plan-vs-fact block: rows plan, fact, fact / plan, fact - plan; columns leads .. won, new revenue. */
function block(wb: PreviewWorkbook, i: number): unknown[][] {
  const t = wb.tables().find((x) => x.name === NAMES.channels)!;
  const top = t.anchor.row + t.rowCount + 4 + 4 * i;
  return [0, 1, 2, 3].map((k) =>
    [2, 3, 4, 5, 6].map((c) => wb.cell(UNIT_ECONOMICS_SHEET, { row: top + k, col: c }).value),
  );
}

const near = (engine: unknown, core: number | null, what: string) => {
  if (core === null) return expect({ what, engine }).toEqual({ what, engine: "" });
  if (typeof engine !== "number")
    throw new Error(`${what}: the engine shows ${JSON.stringify(engine)}, the core ${core}`);
  expect({ what, ok: Math.abs(engine - core) <= Math.abs(core) * 1e-9 + 1e-9 }).toEqual({ what, ok: true });
};

/** Every fact figure of the sheet (fact columns, fact CAC, the plan-vs-fact block) against the core's. */
function expectFactsEqualCore(wb: PreviewWorkbook, input: UnitEconomicsInput, src: FactSources) {
  const facts = channelFacts(
    src,
    input.channels.map((c) => c.name),
  );
  const model = unitEconomics(inputWithFacts(input, facts));
  const rows = channelRows(wb);
  facts.forEach((f, i) => {
    const who = input.channels[i].name;
    const row = rows[i];
    expect(row["Fact channel"]).toBe(src.values[i]);
    near(row["Fact meetings"], f.meetings, `${who} meetings`);
    near(row["Fact won"], f.won, `${who} won`);
    near(row["Fact revenue"], f.revenue, `${who} revenue`);
    if (f.qualified !== null) near(row["Fact qualified"], f.qualified, `${who} qualified`);
    const c = model.channels[i];
    if (c.fact.cac === null) expect(row["Fact CAC"]).toBe("");
    else near(row["Fact CAC"], c.fact.cac, `${who} fact CAC`);
    const b = block(wb, i);
    [...c.fact.variance, c.fact.revenueVariance].forEach((v, k) => near(b[3][k], v, `${who} variance ${k}`));
    [...c.fact.vsPlan, c.fact.revenueVsPlan].forEach((v, k) => near(b[2][k], v, `${who} fact / plan ${k}`));
  });
  return { facts, model };
}

describe("unit economics facts from the Deals and Activities tables: worked example", () => {
  test("the core counts per month: exact text, the period's last day, new deals only", () => {
    const f = channelFacts(sources(factSettings()), ["Web", "Partners"]);
    // Web: won D1 + D2 = 2 over 2 months = 1; revenue (500 + 700) / 2 = 600; opened D1, D3, D4 = 3 / 2 = 1.5.
    // Partners: won D6 = 0.5; revenue 1200 / 2 = 600; opened D6, D7 = 1.
    expect(f).toEqual([
      { qualified: null, meetings: 1.5, won: 1, revenue: 600 },
      { qualified: null, meetings: 1, won: 0.5, revenue: 600 },
    ]);
    // With Activities: Web SQL 2 / 2 = 1, meetings 1 / 2; Partners SQL 1 / 2, "meeting " 1 / 2.
    const withActivities = channelFacts(
      sources(factSettings({ activities: { table: "Activities", ...activityColumns } })),
      ["Web", "Partners"],
    );
    expect(withActivities.map((x) => [x.qualified, x.meetings])).toEqual([
      [1, 0.5],
      [0.5, 0.5],
    ]);
    // Without the type column the renewal D5 (closed 2026-01-15, 1,000) counts: Web won 3 / 2, revenue 2,200 / 2.
    const anyType = channelFacts(sources(factSettings({ deals: { table: "Deals", ...dealsColumns, type: "" } })), [
      "Web",
      "Partners",
    ]);
    expect(anyType[0]).toMatchObject({ won: 1.5, revenue: 1100, meetings: 2 });
  });

  test("the sheet's fact columns are live SUMPRODUCT formulas over the tables and equal the core's", async () => {
    const { wb, host } = workbook();
    const input = ueInput({
      channels: [{ ...WEB, fact: { spend: 12_000, leads: 990, qualified: null, meetings: null, won: null } }, PARTNERS],
    });
    const settings: UnitEconomicsSettings = { input, sheet: UNIT_ECONOMICS_SHEET, facts: factSettings() };
    const r = await runUnitEconomicsStep(host, settings);
    expect(r.facts).toEqual(channelFacts(sources(factSettings()), ["Web", "Partners"]));
    const t = wb.tables().find((x) => x.name === NAMES.channels)!;
    const wonCol = t.headers.indexOf("Fact won");
    const formula = String(
      wb.cell(UNIT_ECONOMICS_SHEET, { row: t.anchor.row + 1, col: t.anchor.col + wonCol }).formula,
    );
    expect(formula).toBe(
      `=SUMPRODUCT((TRIM(Deals[[Source]])=TRIM([@[Fact channel]]))*(TRIM(Deals[[Type]])="New")*((TRIM(Deals[[Stage]])="won")+(TRIM(Deals[[Stage]])="closed won")>0)*(Deals[[Closed]]>=${NAMES.cell("FactFirst")})*(Deals[[Closed]]<${NAMES.cell("FactLast")}+1))/${NAMES.cell("FactMonths")}`,
    );
    const { model } = expectFactsEqualCore(wb, input, sources(factSettings()));
    // Web plan: 900 leads -> 360 -> 180 -> 45 won, new revenue 45 x 400 = 18,000; fact won 1, so fact - plan = -44.
    expect(block(wb, 0)[3][3]).toBe(-44);
    expect(block(wb, 0)[3][4]).toBe(600 - 18_000);
    // Fact CAC = (12,000 typed spend + the channel's sales cost) / 1 won a month.
    expect(model.channels[0].fact.cac).toBe(12_000 + model.channels[0].salesCost);
    expect(wb.cell(UNIT_ECONOMICS_SHEET, parseCell("K7")).value).toBe(2);
    const summary = unitEconomicsStep.summary(settings, r);
    expect(summary.details[0]).toBe(
      "Facts from Deals, 2026-01-01 to 2026-02-28 (2 months), as live formulas; won a month: Web 1, Partners 0.5.",
    );
  });

  test("with Activities, qualified and meetings come from its SQL and Meeting rows", async () => {
    const { wb, host } = workbook();
    const input = ueInput({ channels: [WEB, PARTNERS] });
    const facts = factSettings({ activities: { table: "Activities", ...activityColumns } });
    await runUnitEconomicsStep(host, { input, sheet: UNIT_ECONOMICS_SHEET, facts });
    const { facts: f } = expectFactsEqualCore(wb, input, sources(facts));
    expect(channelRows(wb).map((r) => [r["Fact qualified"], r["Fact meetings"]])).toEqual([
      [f[0].qualified, f[0].meetings],
      [f[1].qualified, f[1].meetings],
    ]);
    expect(block(wb, 0)[1]).toEqual(["", 1, 0.5, 1, 600]);
  });

  test("an edit on the Deals sheet or of the period recalculates the facts", async () => {
    const { wb, host } = workbook();
    await runUnitEconomicsStep(host, {
      input: ueInput({ channels: [WEB, PARTNERS] }),
      sheet: UNIT_ECONOMICS_SHEET,
      facts: factSettings(),
    });
    expect(channelRows(wb)[0]["Fact won"]).toBe(1);
    wb.setCell("Deals", { row: 4, col: 2 }, "Won"); // D4, closed 2026-01-30, is now won: 3 / 2
    expect(channelRows(wb)[0]["Fact won"]).toBe(1.5);
    wb.setCell(UNIT_ECONOMICS_SHEET, parseCell("K6"), d(2026, 1, 31)); // January only: D1, D4 won
    expect(wb.cell(UNIT_ECONOMICS_SHEET, parseCell("K7")).value).toBe(1);
    expect(channelRows(wb)[0]["Fact won"]).toBe(2);
    expect(channelRows(wb)[0]["Fact revenue"]).toBe(900);
  });
});

describe("unit economics facts: bad input names the table, column and row, and writes nothing", () => {
  const cases: [string, (string | number)[][], Partial<FactSettings>, string][] = [
    [
      "a missing column",
      DEALS,
      { deals: { table: "Deals", ...dealsColumns, amount: "Value" } },
      'Table Deals: no column "Value" (amount)',
    ],
    [
      "text in the amount column",
      DEALS.map((r, i) => (i === 2 ? [...r.slice(0, 5), "1,200 EUR", r[6]] : r)),
      {},
      'Table Deals column "Amount" holds text rather than numbers on row 3 ("1,200 EUR"); enter the amounts as numbers.',
    ],
    [
      "text amounts on two rows, both named",
      DEALS.map((r, i) => (i === 1 || i === 4 ? [...r.slice(0, 5), i === 1 ? "n/a" : "1.200,50", r[6]] : r)),
      {},
      'Table Deals column "Amount" holds text rather than numbers on rows 2, 5 ("n/a", "1.200,50")',
    ],
    [
      "a text date",
      DEALS.map((r, i) => (i === 0 ? [...r.slice(0, 4), "2026-01-20", ...r.slice(5)] : r)),
      {},
      'Table Deals column "Closed" holds text rather than dates on row 1 ("2026-01-20"); enter them as dates',
    ],
    [
      "two channels on one text",
      DEALS,
      { values: ["Web", " WEB"] },
      'Channels "Web" and "Partners" both take the deals of " WEB"',
    ],
  ];
  test.each(cases)("%s", async (_, deals, over, message) => {
    const { wb, host } = workbook(deals);
    const run = runUnitEconomicsStep(host, {
      input: ueInput({ channels: [WEB, PARTNERS] }),
      sheet: UNIT_ECONOMICS_SHEET,
      facts: factSettings(over),
    });
    await expect(run).rejects.toThrow(StepError);
    await expect(
      runUnitEconomicsStep(host, {
        input: ueInput({ channels: [WEB, PARTNERS] }),
        sheet: UNIT_ECONOMICS_SHEET,
        facts: factSettings(over),
      }),
    ).rejects.toThrow(message);
    expect(wb.hasSheet(UNIT_ECONOMICS_SHEET)).toBe(false);
    expect(await host.readSettings("unitEconomics")).toBeNull();
  });

  test("a text date in the Activities table", async () => {
    const { wb, host } = workbook(DEALS, [...ACTIVITIES, ["03/04/2026", "Web", "SQL"]]);
    await expect(
      runUnitEconomicsStep(host, {
        input: ueInput({ channels: [WEB, PARTNERS] }),
        sheet: UNIT_ECONOMICS_SHEET,
        facts: factSettings({ activities: { table: "Activities", ...activityColumns } }),
      }),
    ).rejects.toThrow('Table Activities column "Date" holds text rather than dates on row 7 ("03/04/2026")');
    expect(wb.hasSheet(UNIT_ECONOMICS_SHEET)).toBe(false);
  });
});

describe("unit economics facts: property", () => {
  test("for random small Deals and Activities tables and periods, the engine's facts equal the core's", async () => {
    // Any day, or a month's first or last day (with or without a time of day), where the period's edges are.
    const edges = [1, 2, 3, 4, 5, 6].flatMap((m) => [d(2026, m, 1), d(2026, m, 0), d(2026, m, 0) + 0.75]);
    const serial = fc.oneof(fc.integer({ min: d(2025, 12, 1), max: d(2026, 4, 30) }), fc.constantFrom(...edges));
    const deal = fc.tuple(
      fc.constantFrom("Web", " web", "WEB ", "Partners", "Other", "Web*", ""),
      fc.constantFrom("Won", "Closed Won", " won ", "Lost", "Open", "Won!"),
      serial,
      fc.option(serial, { nil: "" as const }),
      fc.integer({ min: 0, max: 5000 }),
      fc.constantFrom("New", "new", "Renewal", ""),
    );
    const activity = fc.tuple(
      serial,
      fc.constantFrom("Web", "partners", "Other"),
      fc.constantFrom("SQL", "sql ", "Meeting", "Call"),
    );
    const month = fc.record({ year: fc.constant(2026), month: fc.integer({ min: 1, max: 4 }) });
    await fc.assert(
      fc.asyncProperty(
        fc.array(deal, { maxLength: 12 }),
        fc.array(activity, { maxLength: 10 }),
        month,
        fc.integer({ min: 0, max: 2 }),
        fc.boolean(),
        fc.boolean(),
        async (ds, as, first, extra, useType, useActivities) => {
          const rows = ds.map((x, i) => [`D${i + 1}`, x[0], x[1], x[2], x[3], x[4], x[5]]);
          const acts = as.map((x) => [...x]);
          const last = { year: 2026, month: first.month + extra };
          const facts = factSettings({
            deals: { table: "Deals", ...dealsColumns, type: useType ? "Type" : "" },
            activities: useActivities ? { table: "Activities", ...activityColumns } : null,
            period: { first, last },
          });
          const { wb, host } = workbook(rows, acts);
          const input = ueInput({ channels: [WEB, PARTNERS] });
          await runUnitEconomicsStep(host, { input, sheet: UNIT_ECONOMICS_SHEET, facts });
          expectFactsEqualCore(wb, input, sources(facts, rows, acts));
        },
      ),
      { numRuns: 20 },
    );
  }, 60_000);
});

describe("unit economics facts on the sample workbook", () => {
  test("the sample's Deals by product as channels, new deals only, first half of 2026: engine equals core", async () => {
    const wb = new PreviewWorkbook();
    loadSample(wb);
    const host = new PreviewHost(wb);
    const deals = await host.readTable("Deals");
    const facts: FactSettings = {
      deals: {
        table: "Deals",
        channel: "Product",
        stage: "Stage",
        created: "Created",
        closed: "Closed",
        amount: "Amount",
        type: "Type",
      },
      activities: null,
      period: { first: { year: 2026, month: 1 }, last: { year: 2026, month: 6 } },
      values: ["Core", "Analytics", "Payments"],
    };
    const input = DEFAULT_UNIT_ECONOMICS_INPUT;
    const r = await runUnitEconomicsStep(host, { input, sheet: UNIT_ECONOMICS_SHEET, facts });
    const src: FactSources = {
      deals: { ...facts.deals, table: deals },
      activities: null,
      period: facts.period,
      values: facts.values,
    };
    const { facts: f } = expectFactsEqualCore(wb, input, src);
    expect(r.facts).toEqual(f);
    // The sample wins deals in every product every month.
    expect(f.every((x) => x.won > 0 && x.meetings > x.won)).toBe(true);
  }, 30_000);
});

describe("Explain on a fact cell", () => {
  test("shows the SUMPRODUCT over the Deals table and the row's inputs, with the fact's value", async () => {
    const { wb, host } = workbook();
    await runUnitEconomicsStep(host, {
      input: ueInput({ channels: [WEB, PARTNERS] }),
      sheet: UNIT_ECONOMICS_SHEET,
      facts: factSettings(),
    });
    const t = wb.tables().find((x) => x.name === NAMES.channels)!;
    wb.select(UNIT_ECONOMICS_SHEET, `${columnLetter(t.anchor.col + t.headers.indexOf("Fact won"))}${t.anchor.row + 2}`);
    const e = await explainActiveCell(host);
    expect(e.title).toBe(`${NAMES.channels}: Fact won`);
    expect(e.formula).toMatch(/^=SUMPRODUCT\(\(TRIM\(Deals\[\[Source\]\]\)=TRIM\(\[@\[Fact channel\]\]\)\)/);
    const byLabel = Object.fromEntries(e.inputs.map((x) => [x.label, x.value]));
    expect(byLabel).toMatchObject({ Channel: "Web", "Fact channel": "Web", "Fact won": "1" });
  });
});

describe("unit economics facts on ExcelHost (Office.js fake)", () => {
  test("the Deals table is read, the facts are written as en-US formulas over it, the Deals sheet untouched", async () => {
    const fake = fakeExcel(new FakeWorkbookState());
    const sheet = fake.state.addSheet("Deals");
    fake.state.setValues(sheet, 0, 0, [DEAL_HEADERS, ...DEALS]);
    fake.state.addTable("Deals", sheet, `A1:G${DEALS.length + 1}`);
    const before = fake.state.snapshot([UNIT_ECONOMICS_SHEET]);
    const host = new ExcelHost(fake.run);
    const r = await runUnitEconomicsStep(host, {
      input: ueInput({ channels: [WEB, PARTNERS] }),
      sheet: UNIT_ECONOMICS_SHEET,
      facts: factSettings(),
    });
    expect(r.facts).toEqual(channelFacts(sources(factSettings()), ["Web", "Partners"]));
    expect(fake.state.snapshot([UNIT_ECONOMICS_SHEET])).toEqual(before);
    const formulas = [...fake.state.sheet(UNIT_ECONOMICS_SHEET)!.cells.values()].flatMap((v) =>
      typeof v === "object" && v !== null && "formula" in v ? [String(v.formula)] : [],
    );
    expect(formulas.filter((x) => x.includes("Deals[[Amount]]"))).toHaveLength(2);
    expect(formulas).toContain(
      `=SUMPRODUCT((TRIM(Deals[[Source]])=TRIM([@[Fact channel]]))*(TRIM(Deals[[Type]])="New")*(Deals[[Created]]>=${NAMES.cell("FactFirst")})*(Deals[[Created]]<${NAMES.cell("FactLast")}+1))/${NAMES.cell("FactMonths")}`,
    );
  });
});
