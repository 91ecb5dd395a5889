import * as fs from "node:fs";
import * as path from "node:path";
import type { Server } from "node:http";
import { Browser, Page } from "playwright-core";
import { ARTIFACTS, collectErrors, launchBrowser, servePreview } from "./browser";

/**
 * Heavy work off the page's thread, in the preview as in Excel: the territory split and the quota
 * simulation run in a Web Worker while the pane shows progress and takes Cancel.
 *
 * What is measured, precisely: a PerformanceObserver('longtask') is installed before the run
 * button is clicked, and records every task of the page's main thread longer than 50 ms. The
 * split phase runs from the click to the moment the pane shows 'Writing sheet "Territories"'
 * (the step's progress label once the worker's result is back: checking the rows, building the
 * accounts, the split and the sheet's layout all ran in the worker; posting the rows to it and
 * receiving its result ran on the page and are inside this window). No task overlapping that
 * window may exceed 200 ms. The write into the preview's grid engine (HyperFormula, which lives on
 * the page) comes after it; its long tasks are measured and written to
 * test-artifacts/offthread-longtasks.json, not held to 200 ms: that write blocks for seconds at
 * 100,000 rows (see docs/decisions.md). The autosave that follows reads the workbook in slices
 * and posts it to its worker in parts, and is held to 200 ms in a test of its own. Loading the
 * 100,000 rows in the Data step happens before the click and is not in the window either; a
 * pending autosave is written before the click (settleAutosave).
 *
 * Each test loads the page afresh and makes its own table, so they do not depend on each other's order.
 */
let server: Server;
let url: string;
let browser: Browser;
let page: Page;
let errors: string[];

const ACCOUNTS = 100_000;
const TERRITORIES = 500;

beforeAll(async () => {
  const served = await servePreview();
  server = served.server;
  url = served.url;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  errors = collectErrors(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const pane = () => page.getByRole("complementary", { name: "Comp Planner task pane" });

/** The preview loaded afresh, with a table of the page's own making (a seeded generator, as the bench's). */
async function openWithTable(
  table: string,
  kind: "accounts" | "reps",
  rows: number,
): Promise<{ sheets: string[]; tableMs: number }> {
  // The workbook an earlier test left in the browser's autosave is discarded: the page opens on the sample.
  if (page.url().startsWith(url))
    await page.evaluate(() =>
      (window as unknown as { compPlanner: { autosave: { discard(): Promise<void> } } }).compPlanner.autosave.discard(),
    );
  await page.goto(url);
  await page.waitForSelector('[role="grid"]', { timeout: 60_000, state: "attached" });
  return page.evaluate(
    ({ table, kind, rows }) => {
      const { wb } = (
        window as unknown as {
          compPlanner: { wb: import("../../src/workbook/preview/previewWorkbook").PreviewWorkbook };
        }
      ).compPlanner;
      const started = performance.now();
      let seed = 20261201;
      const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
      const headers =
        kind === "accounts"
          ? ["Account ID", "Account", "Segment", "Potential", "Workload", "Latitude", "Longitude"]
          : ["Rep ID", "Potential"];
      const segments = ["Enterprise", "Mid-market", "SMB"];
      const body = Array.from({ length: rows }, (_, i) =>
        kind === "accounts"
          ? [
              `A${i + 1}`,
              `Account ${i + 1}`,
              segments[Math.floor(rnd() * 3)],
              Math.round(Math.exp(10 + 1.5 * (rnd() + rnd() + rnd() - 1.5))),
              Math.round(5 + rnd() * 20),
              Math.round((30 + rnd() * 20) * 1e4) / 1e4,
              Math.round((-120 + rnd() * 50) * 1e4) / 1e4,
            ]
          : [`R${i + 1}`, Math.round(400_000 + rnd() * 800_000)],
      );
      wb.addSheet(table);
      wb.addTable({
        name: table,
        sheet: table,
        anchor: { row: 0, col: 0 },
        headers,
        rowCount: rows,
        numberFormats: {},
      });
      wb.setBlock(table, { row: 0, col: 0 }, [headers, ...body]);
      // As a host does after it writes: the pane's table lists follow.
      wb.notify();
      return { sheets: wb.sheetNames(), tableMs: performance.now() - started };
    },
    { table, kind, rows },
  );
}

/**
 * Writes the autosave now: the preview keeps the workbook in the browser (an XLSX written on the
 * page's thread after a second without changes), and a write pending from the set-up would
 * otherwise land inside the measured window. A run writes nothing until it is done, so none is
 * pending again until then.
 */
const settleAutosave = () =>
  page.evaluate(() =>
    (window as unknown as { compPlanner: { autosave: { flush(): Promise<void> } } }).compPlanner.autosave.flush(),
  );

/**
 * Starts recording long tasks and the moments the pane shows each of `marks` (first time each
 * appears in its text), from a click on the button named `button` (captured before React sees it).
 */
async function record(button: string, marks: Record<string, string>): Promise<void> {
  await page.evaluate(
    ({ button, marks }) => {
      const w = window as unknown as { offThread: unknown };
      const tasks: { start: number; duration: number }[] = [];
      const at: Record<string, number> = {};
      const observer = new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => tasks.push({ start: e.startTime, duration: e.duration })),
      );
      observer.observe({ type: "longtask" });
      const aside = document.querySelector("aside")!;
      const target = [...aside.querySelectorAll("button")].find((b) => b.textContent === button)!;
      target.addEventListener("click", () => (at.click ??= performance.now()), { capture: true });
      new MutationObserver(() => {
        const text = aside.textContent ?? "";
        for (const [name, shown] of Object.entries(marks))
          if (!(name in at) && text.includes(shown)) at[name] = performance.now();
      }).observe(aside, { subtree: true, childList: true, characterData: true });
      w.offThread = {
        at,
        tasks,
        flush: () => observer.takeRecords().forEach((e) => tasks.push({ start: e.startTime, duration: e.duration })),
      };
    },
    { button, marks },
  );
}

interface Recorded {
  at: Record<string, number>;
  tasks: { start: number; duration: number }[];
}

/** What was recorded, with the observer's pending entries taken. */
const recorded = (): Promise<Recorded> =>
  page.evaluate(() => {
    const r = (window as unknown as { offThread: Recorded & { flush: () => void } }).offThread;
    r.flush();
    return { at: r.at, tasks: r.tasks };
  });

/** The long tasks overlapping [from, to), longest first. */
const within = (r: Recorded, from: number, to: number) =>
  r.tasks.filter((t) => t.start < to && t.start + t.duration > from).sort((a, b) => b.duration - a.duration);

describe("heavy work off the page's thread", () => {
  test(`a ${ACCOUNTS.toLocaleString("en-US")}-account split into ${TERRITORIES} blocks the page for no task over 200 ms`, async () => {
    const setUp = await openWithTable("Accounts100k", "accounts", ACCOUNTS);
    const source = pane().getByRole("combobox", { name: "Accounts source" });
    await source.locator("option", { hasText: "Accounts100k" }).waitFor({ state: "attached" });
    await source.selectOption({ label: `Accounts100k (100,000 rows, sheet Accounts100k)` });
    const loadStarted = Date.now();
    await pane().getByRole("button", { name: "Load", exact: true }).click();
    await pane()
      .getByText(/100,000 rows from Accounts100k/)
      .waitFor({ timeout: 180_000 });
    const loadMs = Date.now() - loadStarted;
    expect(await pane().getByText("No problems found in the accounts.").count()).toBe(1);
    await pane().getByRole("button", { name: "Next: Territories" }).click();
    await pane().getByRole("radio", { name: "A number of equal territories" }).check();
    await pane().getByRole("spinbutton", { name: "Number of territories" }).fill(String(TERRITORIES));

    await settleAutosave();
    await record("Split and write", {
      splitting: `Splitting ${ACCOUNTS.toLocaleString("en-US")} accounts`,
      splitDone: 'Writing sheet "Territories"',
      written: 'Wrote "Territories"',
    });
    await pane().getByRole("button", { name: "Split and write" }).click();
    await pane()
      .getByText(new RegExp(`^Wrote "Territories": ${TERRITORIES} territories; worst \\d+\\.\\d+% from its target`))
      .waitFor({ timeout: 600_000 });
    const r = await recorded();
    // Every phase was shown, in order: the split's progress came from the worker.
    expect(r.at.click).toBeLessThan(r.at.splitting);
    expect(r.at.splitting).toBeLessThan(r.at.splitDone);
    expect(r.at.splitDone).toBeLessThan(r.at.written);

    const split = within(r, r.at.click, r.at.splitDone);
    const write = within(r, r.at.splitDone, r.at.written);
    // After the step: showing the new sheet, and the autosave of the now 100,000-row workbook.
    const after = r.tasks.filter((t) => t.start >= r.at.written).sort((a, b) => b.duration - a.duration);
    const figures = {
      accounts: ACCOUNTS,
      territories: TERRITORIES,
      tableSetUpMs: Math.round(setUp.tableMs),
      loadInDataStepMs: loadMs,
      splitPhaseMs: Math.round(r.at.splitDone - r.at.click),
      // Each long task of the split phase: when it started after the click, and how long it took.
      splitPhaseLongTasks: split.map((t) => ({ atMs: Math.round(t.start - r.at.click), ms: Math.round(t.duration) })),
      workerProgressShownAtMs: Math.round(r.at.splitting - r.at.click),
      writePhaseMs: Math.round(r.at.written - r.at.splitDone),
      writePhaseLongestTaskMs: Math.round(write[0]?.duration ?? 0),
      writePhaseLongTasks: write.length,
      afterTheStepLongestTaskMs: Math.round(after[0]?.duration ?? 0),
    };
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, "offthread-longtasks.json"), JSON.stringify(figures, null, 2));
    console.log(`Off-thread split: ${JSON.stringify(figures)}`);
    expect(Math.max(0, ...split.map((t) => t.duration))).toBeLessThanOrEqual(200);
    expect(await page.getByRole("main", { name: "Workbook" }).getByRole("tab", { name: "Territories" }).count()).toBe(
      1,
    );
    expect(errors).toEqual([]);
  }, 900_000);

  test("the quota simulation shows its progress in the pane, and Cancel stops it with nothing written", async () => {
    const { sheets } = await openWithTable("QuotaReps", "reps", 2000);
    await pane().getByRole("tab", { name: "Quotas" }).click();
    const from = pane().getByRole("combobox", { name: "Potential per rep, from" });
    await from.locator("option", { hasText: "QuotaReps" }).waitFor({ state: "attached" });
    await from.selectOption("QuotaReps");
    await pane().getByRole("spinbutton", { name: "Company target for the period" }).fill("1500000000");
    // 2,000 reps x 100,000 periods: 200 million rep-draws, seconds of work in the worker.
    await pane().getByRole("spinbutton", { name: "Simulated periods" }).fill("100000");
    await settleAutosave();
    await record("Set quotas and write", {
      simulating: "Simulating attainment (",
      cancelled: "Cancelled; nothing was written.",
    });
    await pane().getByRole("button", { name: "Set quotas and write" }).click();
    await pane()
      .getByText(/Simulating attainment \(\d+%\)/)
      .waitFor({ timeout: 60_000 });
    const bar = pane().getByRole("progressbar", { name: "Quota simulation progress" });
    await bar.waitFor();
    // The bar moves while the worker simulates: a later chunk's progress is shown too.
    const first = Number(await bar.getAttribute("aria-valuenow"));
    await page.waitForFunction(
      (v) => Number(document.querySelector('aside [role="progressbar"]')?.getAttribute("aria-valuenow")) > v,
      first,
    );
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await pane().screenshot({ path: path.join(ARTIFACTS, "offthread-quota-progress.png") });
    await pane().getByRole("button", { name: "Cancel" }).click();
    await pane().getByText("Cancelled; nothing was written.").waitFor();
    const r = await recorded();
    expect(Math.max(0, ...within(r, r.at.click, r.at.cancelled).map((t) => t.duration))).toBeLessThanOrEqual(200);
    const after = await page.evaluate(() =>
      (
        window as unknown as {
          compPlanner: { wb: import("../../src/workbook/preview/previewWorkbook").PreviewWorkbook };
        }
      ).compPlanner.wb.sheetNames(),
    );
    expect(after).toEqual(sheets);
    expect(errors).toEqual([]);
  }, 300_000);

  test("keeping a 100,000-row workbook in the browser (autosave) blocks the page for no task over 200 ms, and the kept file restores", async () => {
    await openWithTable("Keep100k", "accounts", ACCOUNTS);
    await settleAutosave(); // the set-up's own change is kept first, outside the window
    const kept = await page.evaluate(async () => {
      const { wb, autosave } = (
        window as unknown as {
          compPlanner: {
            wb: import("../../src/workbook/preview/previewWorkbook").PreviewWorkbook;
            autosave: { flush(): Promise<void>; lastSaved: string | null; lastError: string | null };
          };
        }
      ).compPlanner;
      const tasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
      observer.observe({ type: "longtask" });
      // One edit, as a user makes it; then the kept file is written (read in slices, packed in the worker).
      wb.setCell("Keep100k", { row: 100_000, col: 1 }, "Edited before the autosave");
      wb.notify();
      const started = performance.now();
      await autosave.flush();
      const ms = performance.now() - started;
      // Long tasks are reported after they end: a task of the page's own lets the last one in.
      await new Promise((r) => setTimeout(r, 0));
      observer.takeRecords().forEach((e) => tasks.push(e.duration));
      observer.disconnect();
      return { ms, longest: Math.max(0, ...tasks), longTasks: tasks.length, error: autosave.lastError };
    });
    console.log(`Autosave of ${ACCOUNTS.toLocaleString("en-US")} rows x 7 columns: ${JSON.stringify(kept)}`);
    expect(kept.error).toBeNull();
    expect(kept.longest).toBeLessThanOrEqual(200);
    // The kept file is the edited workbook: a reload (past the warning that it is not downloaded) restores it.
    page.once("dialog", (d) => void d.accept());
    await page.reload();
    await page.getByText(/Restored the workbook kept in this browser/).waitFor({ timeout: 120_000 });
    const restored = await page.evaluate(() => {
      const { wb } = (
        window as unknown as {
          compPlanner: { wb: import("../../src/workbook/preview/previewWorkbook").PreviewWorkbook };
        }
      ).compPlanner;
      return {
        rows: wb.tables().find((t) => t.name === "Keep100k")?.rowCount,
        edit: wb.cell("Keep100k", { row: 100_000, col: 1 }).value,
      };
    });
    expect(restored).toEqual({ rows: ACCOUNTS, edit: "Edited before the autosave" });
    expect(errors).toEqual([]);
  }, 600_000);
});
