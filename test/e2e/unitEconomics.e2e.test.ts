import type { Server } from "node:http";
import { Browser, Page } from "playwright-core";
import { channelFacts, FactSources, unitEconomics } from "../../src/core/unitEconomics";
import { TableData } from "../../src/workbook/host";
import { DEFAULT_UNIT_ECONOMICS_INPUT } from "../../src/wizard/unitEconomics/defaultInput";
import { inputWithFacts } from "../../src/wizard/unitEconomics/runUnitEconomicsStep";
import { unitEconomicsNames } from "../../src/wizard/unitEconomics/unitEconomicsSheet";
import { collectErrors, launchBrowser, screenshot, servePreview } from "./browser";

/**
 * The Unit economics tool end to end in the preview: the sample workbook, the tool's tab at
 * Excel's 320 px pane width, the sample's Deals table as the source of the facts (its Product
 * column standing in for a lead-source column), one channel's spend typed, a run, and the Unit
 * Economics sheet's figures against the core's computation over the same Deals rows.
 */
let server: Server;
let url: string;
let browser: Browser;
let page: Page;
let errors: string[];

const PANE_PX = 320;
const SHEET = "Unit Economics";
const NAMES = unitEconomicsNames(SHEET);
const VALUES = ["Core", "Analytics", "Payments"];

beforeAll(async () => {
  const served = await servePreview();
  server = served.server;
  url = served.url;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  errors = collectErrors(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const pane = () => page.getByRole("complementary", { name: "Comp Planner task pane" });

type Cell = number | string | boolean | null | { error: string; message: string };

/** The sheet's tables (geometry) and every computed value, read from the page's workbook. */
async function sheetContents(): Promise<{
  tables: { name: string; anchor: { row: number; col: number }; headers: string[]; rowCount: number }[];
  values: Cell[][];
}> {
  return page.evaluate((sheet) => {
    interface Wb {
      tables(): {
        name: string;
        sheet: string;
        anchor: { row: number; col: number };
        headers: string[];
        rowCount: number;
      }[];
      usedRange(s: string): { start: unknown; end: unknown } | null;
      values(s: string, r: unknown): unknown[][];
    }
    const wb = (window as unknown as { compPlanner: { wb: Wb } }).compPlanner.wb;
    const used = wb.usedRange(sheet)!;
    return {
      tables: wb
        .tables()
        .filter((t) => t.sheet === sheet)
        .map((t) => ({ name: t.name, anchor: t.anchor, headers: [...t.headers], rowCount: t.rowCount })),
      values: wb.values(sheet, used) as Cell[][],
    };
  }, SHEET);
}

/** A table's rows by header, from the sheet's values. */
function rowsOf(contents: Awaited<ReturnType<typeof sheetContents>>, table: string): Record<string, Cell>[] {
  const t = contents.tables.find((x) => x.name === table)!;
  return Array.from({ length: t.rowCount }, (_, r) =>
    Object.fromEntries(t.headers.map((h, c) => [h, contents.values[t.anchor.row + 1 + r][t.anchor.col + c]])),
  );
}

const close = (shown: Cell, core: number | null, what: string) => {
  expect({ what, number: typeof shown }).toEqual({ what, number: "number" });
  expect({ what, ok: Math.abs((shown as number) - core!) <= Math.abs(core!) * 1e-9 + 1e-9 }).toEqual({
    what,
    ok: true,
  });
};

describe("the Unit economics tool in the preview", () => {
  test("from the sample's Deals to the Unit Economics sheet: no error cells, figures equal the core's", async () => {
    await page.goto(url);
    await page.waitForSelector('[role="grid"]', { timeout: 60_000, state: "attached" });
    await page.evaluate((px) => document.documentElement.style.setProperty("--comp-pane-width", `${px}px`), PANE_PX);
    await page.waitForFunction(
      (px) => Math.round(document.querySelector("aside")!.getBoundingClientRect().width) === px,
      PANE_PX,
    );
    await pane().getByRole("tablist", { name: "Tools" }).getByRole("tab", { name: "Unit economics" }).click();
    await pane().getByRole("heading", { name: "Unit economics" }).waitFor();

    // The facts: the sample's Deals, its Product column as the channel, the first half of 2026.
    const dealsTable = pane().getByRole("combobox", { name: "Deals table" });
    await dealsTable.locator("option", { hasText: "Deals" }).waitFor({ state: "attached" });
    await dealsTable.selectOption("Deals");
    await pane().getByRole("combobox", { name: "Channel column" }).selectOption("Product");
    await pane().getByRole("textbox", { name: "First month (yyyy-mm)" }).fill("2026-01");
    await pane().getByRole("textbox", { name: "Last month (yyyy-mm)" }).fill("2026-06");
    const texts = pane().getByRole("textbox", { name: "Its text in the channel column" });
    await expect(texts.count()).resolves.toBe(3);
    for (const [i, v] of VALUES.entries()) await texts.nth(i).fill(v);
    // A channel value typed in the plan: Inbound's spend.
    await pane().getByRole("textbox", { name: "Spend per month" }).first().fill("45,000");

    await pane().getByText("Facts from the CRM").scrollIntoViewIfNeeded();
    await screenshot(page, "unit-economics-pane-facts");
    await pane().getByRole("button", { name: "Write Unit Economics" }).scrollIntoViewIfNeeded();
    await screenshot(page, "unit-economics-pane-run");
    await pane().getByRole("button", { name: "Write Unit Economics" }).click();
    await pane()
      .getByText(/^Wrote "Unit Economics": 3 channel\(s\), costed as Assembly, Island, POD\./)
      .waitFor({ timeout: 60_000 });
    await pane()
      .getByText(/^Facts from Deals, 2026-01-01 to 2026-06-30 \(6 months\), as live formulas/)
      .waitFor();
    const workbook = page.getByRole("main", { name: "Workbook" });
    await workbook.getByRole("tab", { name: SHEET, selected: true }).waitFor();
    await pane()
      .getByText(/^Wrote "Unit Economics"/)
      .scrollIntoViewIfNeeded();
    await screenshot(page, "unit-economics-sheet");
    // Nothing in the 320 px pane makes it scroll sideways.
    const widths = await page.evaluate(() => {
      const aside = document.querySelector("aside")!;
      return { scroll: aside.scrollWidth, client: aside.clientWidth };
    });
    expect(widths.scroll).toBeLessThanOrEqual(widths.client + 1);

    const contents = await sheetContents();
    const errorCells = contents.values.flatMap((row, r) =>
      row.flatMap((v, c) => (v !== null && typeof v === "object" ? [`R${r + 1}C${c + 1} ${v.error}`] : [])),
    );
    expect(errorCells).toEqual([]);

    // The core's figures over the same Deals rows, with the plan as typed.
    const deals = (await page.evaluate(() =>
      (
        window as unknown as { compPlanner: { host: { readTable(n: string): Promise<unknown> } } }
      ).compPlanner.host.readTable("Deals"),
    )) as TableData;
    const input = {
      ...DEFAULT_UNIT_ECONOMICS_INPUT,
      channels: DEFAULT_UNIT_ECONOMICS_INPUT.channels.map((c, i) => (i === 0 ? { ...c, spend: 45_000 } : c)),
    };
    const src: FactSources = {
      deals: {
        table: deals,
        channel: "Product",
        stage: "Stage",
        created: "Created",
        closed: "Closed",
        amount: "Amount",
        type: "Type",
      },
      activities: null,
      period: { first: { year: 2026, month: 1 }, last: { year: 2026, month: 6 } },
      values: VALUES,
    };
    const facts = channelFacts(
      src,
      input.channels.map((c) => c.name),
    );
    const model = unitEconomics(inputWithFacts(input, facts));

    const channels = rowsOf(contents, NAMES.channels);
    expect(channels.map((c) => c["Channel"])).toEqual(["Inbound", "Outbound", "Partners"]);
    expect(channels.map((c) => c["Fact channel"])).toEqual(VALUES);
    model.channels.forEach((c, i) => {
      close(channels[i]["Spend"], input.channels[i].spend, `${c.name} spend`);
      close(channels[i]["Fact meetings"], facts[i].meetings, `${c.name} fact meetings`);
      close(channels[i]["Fact won"], facts[i].won, `${c.name} fact won`);
      close(channels[i]["Fact revenue"], facts[i].revenue, `${c.name} fact revenue`);
      close(channels[i]["Customers"], c.customers, `${c.name} customers`);
      close(channels[i]["CAC"], c.cac, `${c.name} CAC`);
      close(channels[i]["LTV/CAC"], c.ltvToCac, `${c.name} LTV/CAC`);
    });
    const structures = rowsOf(contents, NAMES.structures);
    model.structures.forEach((s, i) => {
      expect(structures[i]["Structure"]).toBe(s.kind);
      expect(structures[i]["Headcount"]).toBe(s.total);
      close(structures[i]["Monthly compensation"], s.monthlyCompensation, `${s.kind} compensation`);
      close(structures[i]["CAC"], s.cac, `${s.kind} CAC`);
    });
    expect(errors).toEqual([]);
  }, 180_000);
});
