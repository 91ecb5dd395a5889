import type { Server } from "node:http";
import { Browser, Page } from "playwright-core";
import { runLedger } from "../../src/core/ledger";
import { sumExact, toNumber } from "../../src/core/money";
import { loadSample } from "../../src/preview/loadSample";
import { columnLetter } from "../../src/workbook/a1";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";
import {
  BACKTEST_SHEETS,
  BACKTEST_TABLES,
  COMPARISON_NAMES,
  LEDGER_COLUMNS,
  PLAN_KEYS,
  PlanKey,
  STATEMENT_COLUMNS,
  STATEMENT_LINES,
} from "../../src/wizard/backtest/backtestLayout";
import { parseBacktestSettings } from "../../src/wizard/backtest/backtestPane";
import { BACKTEST_SETTINGS_KEY, BacktestSettings } from "../../src/wizard/backtest/backtestSettings";
import { BacktestData, countedStages, ledgerInput, readBacktest } from "../../src/wizard/backtest/readBacktest";
import { collectErrors, launchBrowser, screenshot, servePreview } from "./browser";
import { goTo } from "./grid";

/**
 * The Back-test tool in the preview, in a real headless Chromium, as a user runs it: the sample
 * loaded, the Back-test tab, Run; the three sheets are written with no error cell and the
 * comparison's totals are what the ledger core computes for the sample with the settings the
 * pane ran; then Explain on a ledger cell and on a statement line lists the deals behind them,
 * each a link that selects its row on the Deals sheet. The pane is at Excel's 320 px.
 */
let server: Server;
let browser: Browser;
let page: Page;
let errors: string[];

const PANE_PX = 320;

/** What the page's workbook and host are, as the preview exposes them to tests (src/preview/index.tsx). */
interface Exposed {
  compPlanner: {
    wb: PreviewWorkbook;
    host: PreviewHost;
  };
}

beforeAll(async () => {
  const served = await servePreview();
  server = served.server;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  errors = collectErrors(page);
  await page.goto(served.url);
  await page.waitForSelector('[role="grid"]', { timeout: 60_000, state: "attached" });
  await page.evaluate((px) => document.documentElement.style.setProperty("--comp-pane-width", `${px}px`), PANE_PX);
  await page.waitForFunction(
    (px) => Math.round(document.querySelector("aside")!.getBoundingClientRect().width) === px,
    PANE_PX,
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const pane = () => page.getByRole("complementary", { name: "Comp Planner task pane" });
const sheetTab = (name: string) => page.getByRole("main", { name: "Workbook" }).getByRole("tab", { name, exact: true });

/** Opens a tool's tab in the pane and waits until it is the selected one. */
async function openTool(name: string): Promise<void> {
  await pane().getByRole("tablist", { name: "Tools" }).getByRole("tab", { name }).click();
  await pane().getByRole("tablist", { name: "Tools" }).getByRole("tab", { name, selected: true }).waitFor();
}

/** Opens a sheet from its tab and waits until it is shown. */
async function openSheet(name: string): Promise<void> {
  await sheetTab(name).click();
  await page.getByRole("main", { name: "Workbook" }).getByRole("tab", { name, exact: true, selected: true }).waitFor();
}

/**
 * What sticks out past the pane's right edge or makes it scroll sideways, leaving out what is
 * inside a box that scrolls sideways on its own (the tier table): what a user would have to
 * scroll the whole pane to see.
 */
async function paneFits(): Promise<string[]> {
  return page.evaluate(() => {
    const aside = document.querySelector("aside")!;
    const right = aside.getBoundingClientRect().right;
    const scrolls = (el: Element) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
    const insideScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== aside; p = p.parentElement) if (scrolls(p)) return true;
      return false;
    };
    const out: string[] = [];
    if (aside.scrollWidth > aside.clientWidth + 1) out.push(`the pane scrolls sideways (${aside.scrollWidth})`);
    for (const el of Array.from(aside.querySelectorAll("table, li, code, p, span, div")))
      if (!insideScroller(el) && el.getBoundingClientRect().right > right + 1)
        out.push(`${el.tagName} "${el.textContent?.slice(0, 40)}"`);
    return out;
  });
}

/** The sample as the node side builds it (the preview loads the same generated sample). */
function sampleHost(): PreviewHost {
  const wb = new PreviewWorkbook();
  loadSample(wb);
  return new PreviewHost(wb);
}

/** The ledger core's figures for the sample under the settings the pane ran. */
async function coreFigures(s: BacktestSettings): Promise<{ data: BacktestData; paid: Record<PlanKey, number> }> {
  const host = sampleHost();
  const data = readBacktest(s, await host.readTable(s.deals.table), await host.readTable(s.people.table), null);
  expect(data.problems).toEqual([]);
  const paid = Object.fromEntries(
    PLAN_KEYS.map((p) => [p, toNumber(sumExact(runLedger(ledgerInput(data, s[p], s)).rows.map((r) => r.paid)))]),
  ) as Record<PlanKey, number>;
  return { data, paid };
}

describe("Back-test in the browser", () => {
  let settings: BacktestSettings;
  let core: Awaited<ReturnType<typeof coreFigures>>;

  test("the sample's back-test runs from the pane and writes the three sheets with no error cell", async () => {
    await openTool("Back-test");
    const run = pane().getByRole("button", { name: "Run back-test" });
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll("aside button")).some(
        (b) => b.textContent === "Run back-test" && !(b as HTMLButtonElement).disabled,
      ),
    );
    await screenshot(page, "backtest-form");
    expect(await paneFits()).toEqual([]);
    await run.click();
    await pane()
      .getByText(/^Wrote Payout Ledger, Plan Comparison and Statements for 30 people, 2026 by month/)
      .waitFor({ timeout: 240_000 });
    await page
      .getByRole("main", { name: "Workbook" })
      .getByRole("tab", { name: BACKTEST_SHEETS.comparison, selected: true })
      .waitFor();
    await screenshot(page, "backtest-comparison");
    const found = await page.evaluate((sheets) => {
      const { wb } = (window as unknown as Exposed).compPlanner;
      const bad: string[] = [];
      for (const sheet of sheets) {
        const used = wb.usedRange(sheet);
        if (!used) {
          bad.push(`${sheet} is empty`);
          continue;
        }
        wb.values(sheet, used).forEach((row, r) =>
          row.forEach((v, c) => {
            if (v !== null && typeof v === "object")
              bad.push(`${sheet} row ${used.start.row + r + 1} col ${c}: ${v.error}`);
          }),
        );
      }
      return bad;
    }, Object.values(BACKTEST_SHEETS));
    expect(found).toEqual([]);
    const stored = await page.evaluate(
      (key) => (window as unknown as Exposed).compPlanner.host.readSettings(key),
      BACKTEST_SETTINGS_KEY,
    );
    settings = parseBacktestSettings(stored)!;
    expect(settings).not.toBeNull();
    core = await coreFigures(settings);
    expect(errors).toEqual([]);
  }, 300_000);

  test("the comparison's totals are the ledger core's for the sample", async () => {
    const totals = await page.evaluate(
      (names) =>
        Object.fromEntries(
          names.map((n) => [n, (window as unknown as Exposed).compPlanner.wb.engine.getNamedExpressionValue(n)]),
        ),
      PLAN_KEYS.map((p) => COMPARISON_NAMES.cost(p)),
    );
    for (const p of PLAN_KEYS) expect(totals[COMPARISON_NAMES.cost(p)] as number).toBeCloseTo(core.paid[p], 6);
    expect(core.paid.proposed).not.toBe(core.paid.current);
  });

  test("Explain on a ledger cell lists the deals behind it, and a link selects the deal's row", async () => {
    // The first AE's proposed-plan Earned in the period with the most counted deals.
    const n = core.data.periods.length;
    const j = core.data.people.findIndex((p) => p.role === "AE");
    const person = core.data.people[j];
    const rp = settings.proposed.roles.find((r) => r.role === "AE")!;
    const stages = countedStages(rp);
    const counted = (k: number) =>
      core.data.credits.filter(
        (c) => c.person === person.id && c.period === k && (!stages || stages.has(c.stage.trim().toLowerCase())),
      );
    const k = Array.from({ length: n }, (_, i) => i + 1).reduce((a, b) =>
      counted(b).length > counted(a).length ? b : a,
    );
    const deals = counted(k);
    expect(deals.length).toBeGreaterThan(0);
    const ledger = await page.evaluate(
      (name) => (window as unknown as Exposed).compPlanner.wb.tables().find((t) => t.name === name)!,
      BACKTEST_TABLES.ledger,
    );
    const row = ledger.anchor.row + 2 + core.data.people.length * n + j * n + k - 1;
    const address = `${columnLetter(ledger.anchor.col + LEDGER_COLUMNS.indexOf("Earned"))}${row}`;
    await openSheet(BACKTEST_SHEETS.ledger);
    await goTo(page, address);
    await openTool("Explain");
    await pane().getByRole("button", { name: "Explain the selected cell" }).click();
    await pane()
      .getByRole("heading", { name: `${person.id}, ${settings.proposed.name} plan, period ${k}: Earned` })
      .waitFor({ timeout: 30_000 });
    const links = pane().getByRole("list", { name: "Rows behind the number" }).getByRole("button");
    expect(await links.allTextContents()).toEqual(deals.map((c) => `Deals row ${c.dealRow}: ${c.deal}`));
    expect(await pane().getByRole("list", { name: "Payout tier by tier" }).count()).toBe(1);
    await screenshot(page, "backtest-explain-ledger");
    await pane().getByRole("list", { name: "Payout tier by tier" }).scrollIntoViewIfNeeded();
    await screenshot(page, "backtest-explain-ledger-tiers");
    expect(await paneFits()).toEqual([]);
    await links.first().click();
    await page.getByRole("main", { name: "Workbook" }).getByRole("tab", { name: "Deals", selected: true }).waitFor();
    await page.waitForFunction(
      (want) => (document.querySelector('input[aria-label="Name box"]') as HTMLInputElement).value.startsWith(want),
      `A${deals[0].dealRow + 1}`,
    );
    expect(errors).toEqual([]);
  }, 120_000);

  test("Explain on a statement's deal line gives that deal's commission under the statements' plan", async () => {
    const statements = await page.evaluate((name) => {
      const { wb } = (window as unknown as Exposed).compPlanner;
      const t = wb.tables().find((x) => x.name === name)!;
      const rows = wb.values(t.sheet, {
        start: { row: t.anchor.row + 1, col: t.anchor.col },
        end: { row: t.anchor.row + t.rowCount, col: t.anchor.col + t.headers.length - 1 },
      });
      return { anchor: t.anchor, rows };
    }, BACKTEST_TABLES.statements);
    const col = (c: (typeof STATEMENT_COLUMNS)[number]) => STATEMENT_COLUMNS.indexOf(c);
    const i = statements.rows.findIndex((r) => r[col("Line")] === STATEMENT_LINES.deal);
    const line = statements.rows[i];
    const address = `${columnLetter(statements.anchor.col + col("Amount"))}${statements.anchor.row + 2 + i}`;
    await openSheet(BACKTEST_SHEETS.statements);
    await goTo(page, address);
    await pane().getByRole("button", { name: "Explain the selected cell" }).click();
    const plan = settings[settings.statementsFor].name;
    await pane()
      .getByRole("heading", {
        name: `${String(line[col("Person")])}: commission on deal ${String(line[col("Item")])}, ${plan} plan`,
      })
      .waitFor({ timeout: 30_000 });
    const links = pane().getByRole("list", { name: "Rows behind the number" }).getByRole("button");
    expect(await links.allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`^Deals row \\d+: ${String(line[col("Item")])}$`)),
    ]);
    await screenshot(page, "backtest-explain-statement");
    expect(await paneFits()).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});
