import type { Server } from "node:http";
import { Browser, Page } from "playwright-core";
import { ARTIFACTS, launchBrowser, screenshot, servePreview } from "./browser";
import { cellSelector, goTo } from "./grid";

/**
 * The task pane at Excel's width. Excel opens task panes about 320-350 px wide: at 320 px every
 * tool and every wizard step fits with no horizontal scroll (tabs wrap, labels wrap, the data
 * preview scrolls inside its own box). Each test opens a fresh page, so none depends on another.
 */
let server: Server;
let url: string;
let browser: Browser;
// One page, loaded afresh by every test (the packaged Chromium runs single-process: closing a page would end it).
let page: Page;

const PANE_PX = 320;

beforeAll(async () => {
  const served = await servePreview();
  server = served.server;
  url = served.url;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** The preview loaded afresh (nothing kept from an earlier test), with the task pane set to 320 px. */
async function openAt320(): Promise<Page> {
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.goto(url);
  await page.waitForSelector('[role="grid"]', { timeout: 60_000, state: "attached" });
  await page.evaluate((px) => document.documentElement.style.setProperty("--comp-pane-width", `${px}px`), PANE_PX);
  await page.waitForFunction(
    (px) => Math.round(document.querySelector("aside")!.getBoundingClientRect().width) === px,
    PANE_PX,
  );
  return page;
}

/**
 * Elements of the pane that stick out of it or that scroll sideways although they are not a
 * scrolling box of their own: what a user would have to scroll horizontally to see.
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector("aside")!;
    const right = pane.getBoundingClientRect().right;
    const scrolls = (el: Element) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
    const insideScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== pane; p = p.parentElement)
        if (scrolls(p) || getComputedStyle(p).overflowX === "hidden") return true;
      return false;
    };
    const out: string[] = [];
    if (pane.scrollWidth > pane.clientWidth + 1)
      out.push(`the pane itself scrolls sideways (${pane.scrollWidth} > ${pane.clientWidth})`);
    for (const el of Array.from(pane.querySelectorAll("*"))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || (el as HTMLElement).closest("[hidden]")) continue;
      if (insideScroller(el)) continue;
      const name = `${el.tagName.toLowerCase()}${el.getAttribute("aria-label") ? `[${el.getAttribute("aria-label")}]` : ""} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
      if (box.right > right + 1)
        out.push(`${name} ends at ${Math.round(box.right)} px, past the pane's ${Math.round(right)} px`);
      // A text box or a list box scrolls its own text; only its outer box counts (above).
      else if (["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName)) continue;
      else if (
        !scrolls(el) &&
        el.scrollWidth > el.clientWidth + 1 &&
        getComputedStyle(el).overflowX !== "hidden" &&
        el.clientWidth > 0
      )
        out.push(`${name} is wider than its box`);
    }
    return out;
  });
}

const pane = (page: Page) => page.getByRole("complementary", { name: "Comp Planner task pane" });

/** Loads the sample's accounts in the Data step (the Territories step needs them). */
async function loadAccounts(page: Page): Promise<void> {
  await pane(page).getByRole("button", { name: "Load" }).click();
  await pane(page)
    .getByText(/2,000 rows from Accounts/)
    .waitFor();
}

describe("the task pane at 320 px", () => {
  const wizardSteps = ["Data", "Territories", "Quotas", "OTE scenarios", "Review"];

  test.each(wizardSteps)("the wizard's %s step fits with no horizontal scroll", async (step) => {
    await openAt320();
    await loadAccounts(page);
    const tab = pane(page)
      .getByRole("tablist", { name: "Planning steps" })
      .getByRole("tab", { name: step, exact: true });
    await tab.click();
    await page.waitForFunction((name) => {
      const t = Array.from(
        document.querySelectorAll('aside [role="tablist"][aria-label="Planning steps"] [role="tab"]'),
      ).find((x) => x.textContent === name);
      return t?.getAttribute("aria-selected") === "true";
    }, step);
    // Every step tab is on screen inside the pane: none is pushed off to the right.
    const tabs = await pane(page).getByRole("tablist", { name: "Planning steps" }).getByRole("tab").all();
    expect(tabs).toHaveLength(wizardSteps.length);
    await screenshot(page, `pane320-wizard-${step.toLowerCase().replace(/\s+/g, "-")}`);
    expect(await overflowing(page)).toEqual([]);
  });

  test.each(["KPI bonus", "Explain", "Back-test"])("the %s tool fits with no horizontal scroll", async (tool) => {
    await openAt320();
    await pane(page).getByRole("tablist", { name: "Tools" }).getByRole("tab", { name: tool }).click();
    await page.waitForFunction((name) => {
      const t = Array.from(document.querySelectorAll('aside [role="tablist"][aria-label="Tools"] [role="tab"]')).find(
        (x) => x.textContent === name,
      );
      return t?.getAttribute("aria-selected") === "true";
    }, tool);
    await screenshot(page, `pane320-${tool.toLowerCase().replace(/\s+/g, "-")}`);
    expect(await overflowing(page)).toEqual([]);
  });

  test("the Back-test's quota source and role plans fit, with the Quotas sheet chosen", async () => {
    await openAt320();
    await pane(page).getByRole("tablist", { name: "Tools" }).getByRole("tab", { name: "Back-test" }).click();
    const from = pane(page).getByRole("combobox", { name: "Quotas from" });
    await from.selectOption("sheet");
    await pane(page).getByRole("combobox", { name: "Its quotas are per" }).waitFor();
    const fieldset = (legend: string) =>
      pane(page)
        .locator("fieldset")
        .filter({ has: page.locator("legend", { hasText: new RegExp(`^${legend}$`) }) });
    for (const [legend, name] of [
      ["Quotas", "quotas"],
      ["Current AE plan", "current-ae-plan"],
      ["Proposed SDR plan", "proposed-sdr-plan"],
    ] as const) {
      await fieldset(legend).scrollIntoViewIfNeeded();
      await fieldset(legend).screenshot({ path: `${ARTIFACTS}/pane320-backtest-${name}.png` });
    }
    await pane(page).getByRole("button", { name: "Remove SDR from Current" }).click();
    const add = pane(page).getByRole("button", { name: "Add role to Current" });
    await add.scrollIntoViewIfNeeded();
    await add.locator("..").screenshot({ path: `${ARTIFACTS}/pane320-backtest-add-role.png` });
    // A second credit column and a role's rename, with its refusal shown, fit too.
    await pane(page).getByRole("button", { name: "Add a credit column (e.g. CSR)" }).click();
    const pair = pane(page).getByRole("group", { name: "Credit column 2" });
    await pair.scrollIntoViewIfNeeded();
    await pair.screenshot({ path: `${ARTIFACTS}/pane320-backtest-credit-column.png` });
    const rename = pane(page).getByRole("textbox", { name: "New name for AE (both plans)" });
    await rename.fill("CSR/AM");
    await pane(page).getByText('Another role is called "CSR/AM"; choose another name.').waitFor();
    await rename.scrollIntoViewIfNeeded();
    await rename.locator("xpath=ancestor::div[2]").screenshot({ path: `${ARTIFACTS}/pane320-backtest-rename.png` });
    expect(await overflowing(page)).toEqual([]);
  });

  test("the data preview scrolls inside its own box and its columns stay readable", async () => {
    await openAt320();
    await loadAccounts(page);
    const region = pane(page).getByRole("region", { name: "Preview of the first accounts" });
    const sizes = await region.evaluate((el) => ({
      box: el.clientWidth,
      content: el.scrollWidth,
      narrowest: Math.min(...Array.from(el.querySelectorAll("th")).map((th) => th.getBoundingClientRect().width)),
    }));
    expect(sizes.content).toBeGreaterThan(sizes.box);
    expect(sizes.narrowest).toBeGreaterThanOrEqual(48);
  });
});

describe("the workbook beside the 320 px pane", () => {
  test("the sheet-tab row shows its last tab whole (scrolling to it when needed)", async () => {
    await openAt320();
    // A narrow window: the five sheet tabs no longer fit beside the pane.
    await page.setViewportSize({ width: 640, height: 600 });
    await page.waitForFunction(() => {
      const row = document.querySelector('main [role="tablist"][aria-label="Sheets"]')!;
      return row.scrollWidth > row.clientWidth;
    });
    const row = page.getByRole("main", { name: "Workbook" }).getByRole("tablist", { name: "Sheets" });
    const last = row.getByRole("tab").last();
    await last.scrollIntoViewIfNeeded();
    const [r, t] = await Promise.all([row.boundingBox(), last.boundingBox()]);
    expect(t!.x + t!.width).toBeLessThanOrEqual(r!.x + r!.width + 0.5);
    expect(t!.y + t!.height).toBeLessThanOrEqual(r!.y + r!.height + 0.5);
    const viewport = page.viewportSize()!;
    expect(r!.y + r!.height).toBeLessThanOrEqual(viewport.height);
  });

  test("a sheet reference without quotes works like one with quotes (=Deals!G2)", async () => {
    await openAt320();
    const enter = async (address: string, text: string) => {
      await goTo(page, address);
      await page.fill('input[aria-label="Formula bar"]', text);
      await page.press('input[aria-label="Formula bar"]', "Enter");
    };
    await enter("M20", "=Deals!G2");
    await enter("M21", "='Deals'!G2");
    await page.waitForFunction(
      ([m20, m21]) => {
        const a = document.querySelector(m20)?.textContent?.trim();
        const b = document.querySelector(m21)?.textContent?.trim();
        return !!a && a === b && !a.startsWith("#");
      },
      [cellSelector("M20"), cellSelector("M21")],
    );
  });

  test("a chart's labels do not overlap and stay inside it", async () => {
    await openAt320();
    const chart = page.getByRole("img", { name: "Attainment by rep (column chart)" });
    await chart.scrollIntoViewIfNeeded();
    await chart.screenshot({ path: `${ARTIFACTS}/chart-attainment-by-rep.png` });
    const problems = await chart.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      const texts = Array.from(svg.querySelectorAll("text")).map((t) => ({
        text: t.textContent ?? "",
        r: t.getBoundingClientRect(),
      }));
      const out: string[] = [];
      for (const t of texts)
        if (
          t.r.left < box.left - 0.5 ||
          t.r.right > box.right + 0.5 ||
          t.r.top < box.top - 0.5 ||
          t.r.bottom > box.bottom + 0.5
        )
          out.push(`"${t.text}" outside the chart`);
      texts.forEach((a, i) =>
        texts.slice(i + 1).forEach((b) => {
          const overlap =
            Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left) > 0.5 &&
            Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top) > 0.5;
          if (overlap) out.push(`"${a.text}" overlaps "${b.text}"`);
        }),
      );
      return out;
    });
    expect(problems).toEqual([]);
  });
});
