import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Server } from "node:http";
import { Browser, Page } from "playwright-core";
import { collectErrors, launchBrowser, screenshot, servePreview } from "./browser";
import { cellSelector, goTo } from "./grid";

/**
 * Files in and out of the preview, through the real controls: the Open file input (as a user
 * picks a file), the import dialog, Download .xlsx and opening the downloaded file again.
 */
let server: Server;
let browser: Browser;
let page: Page;
let errors: string[];
let url: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "comp-files-"));

const workbook = () => page.getByRole("main", { name: "Workbook" });
const sheetTab = (name: string) => workbook().getByRole("tab", { name, exact: true });
const dialog = () => page.getByRole("dialog");

/** A file written for the test, as a user would have it on disk. */
function fixture(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Opens a file through the Open file control. */
async function openFile(file: string): Promise<void> {
  await page.setInputFiles('input[type="file"][aria-label="Open file"]', file);
}

/** What the add-in would read from a table right now. */
const readTable = (name: string) =>
  page.evaluate(
    (n) =>
      (
        window as unknown as { compPlanner: { host: { readTable(n: string): Promise<unknown> } } }
      ).compPlanner.host.readTable(n),
    name,
  );
const sheetNames = () =>
  page.evaluate(() =>
    (window as unknown as { compPlanner: { wb: { sheetNames(): string[] } } }).compPlanner.wb.sheetNames(),
  );
const cellText = async (address: string) =>
  ((await workbook().locator(cellSelector(address)).textContent()) ?? "").trim();
/** Waits until a cell on screen shows a text (the grid's accessible table is hidden: attached, not visible). */
const cellShows = (address: string, text: string) =>
  workbook().locator(cellSelector(address), { hasText: text }).waitFor({ state: "attached" });

beforeAll(async () => {
  const served = await servePreview();
  server = served.server;
  url = served.url;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  errors = collectErrors(page);
  await page.goto(url);
  await page.waitForSelector('[role="grid"]', { timeout: 60_000, state: "attached" });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe("bringing data in and taking the workbook out", () => {
  test("a CRM export opens through the dialog as a new sheet with a typed table; misfits are listed and kept as text", async () => {
    const rows = ["Deal,Owner,Amount,Closed,Won,Probability"];
    for (let i = 1; i <= 40; i++)
      rows.push(
        `D${i},Rep ${i % 5},"$${(i * 1234.5).toLocaleString("en-US", { minimumFractionDigits: 2 })}",2019-03-${String((i % 28) + 1).padStart(2, "0")},${i % 2 ? "TRUE" : "FALSE"},${i}%`,
      );
    rows[7] = "D7,Rep 2,n/a,2019-03-08,TRUE,7%";
    await openFile(fixture("crm deals.csv", rows.join("\r\n")));
    await dialog().getByRole("table", { name: "First rows of the file" }).waitFor();
    expect(await dialog().getByRole("combobox", { name: "Type of column Amount" }).inputValue()).toBe("number");
    expect(await dialog().getByRole("combobox", { name: "Type of column Closed" }).inputValue()).toBe("date");
    expect(await dialog().getByRole("combobox", { name: "Delimiter" }).inputValue()).toBe(",");
    await dialog().getByText('Row 8, Amount: "n/a" is not a number').waitFor();
    await screenshot(page, "open-csv-dialog");
    await dialog().getByRole("button", { name: "Import" }).click();
    await sheetTab("crm deals").waitFor();
    await page
      .getByText('Opened "crm deals.csv" as sheet "crm deals" with table crm_deals (40 rows).', { exact: false })
      .waitFor();
    const table = (await readTable("crm_deals")) as { headers: string[]; rows: unknown[][] };
    expect(table.headers).toEqual(["Deal", "Owner", "Amount", "Closed", "Won", "Probability"]);
    // Row 1: $1,234.50, 2019-03-02 (serial 43526), FALSE... i=1 is TRUE, 1%.
    expect(table.rows[0]).toEqual(["D1", "Rep 1", 1234.5, 43526, true, 0.01]);
    expect(table.rows[6]).toEqual(["D7", "Rep 2", "n/a", 43532, true, 0.07]);
    expect(await cellText("C2")).toBe("$1,234.50");
    expect(await cellText("D2")).toBe("2019-03-02");
  });

  test("a 1C export in Windows-1251 with semicolons and decimal commas; day-first order proposed from a 13", async () => {
    // "Менеджер;Сумма;Дата" and two rows, in Windows-1251 (А-я are 0xC0-0xFF).
    const text = "Менеджер;Сумма;Дата\r\nИванов;1 234,50;13.04.2017\r\nПетров;99,9;01.05.2017\r\n";
    const bytes = Uint8Array.from(
      [...text].map((ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : ch.charCodeAt(0) - 0x410 + 0xc0)),
    );
    await openFile(fixture("sales-1c.csv", bytes));
    await dialog().getByRole("table", { name: "First rows of the file" }).waitFor();
    expect(await dialog().getByRole("combobox", { name: "Encoding" }).inputValue()).toBe("windows-1251");
    expect(await dialog().getByRole("combobox", { name: "Delimiter" }).inputValue()).toBe(";");
    expect(await dialog().getByRole("combobox", { name: "Dates" }).inputValue()).toBe("dmy");
    await dialog().getByText('The data proves day first: "13.04.2017".').waitFor();
    await dialog()
      .getByRole("columnheader", { name: /Менеджер/ })
      .waitFor();
    await screenshot(page, "open-csv-dialog-1251");
    await dialog().getByRole("button", { name: "Import" }).click();
    await sheetTab("sales-1c").waitFor();
    expect(((await readTable("sales_1c")) as { rows: unknown[][] }).rows).toEqual([
      ["Иванов", 1234.5, 42838],
      ["Петров", 99.9, 42856],
    ]);
  });

  test("bad files get a clear message and change nothing", async () => {
    const before = await sheetNames();
    await openFile(fixture("empty.csv", ""));
    await page.getByRole("alert").getByText('"empty.csv" is empty. Nothing has been changed.').waitFor();
    await openFile(fixture("notes.pdf", "%PDF-1.4"));
    await page
      .getByRole("alert")
      .getByText(/"notes\.pdf" is not a CSV or Excel file/)
      .waitFor();
    await openFile(fixture("ragged.csv", "A,B\n1,2\n3\n4,5\n"));
    await dialog()
      .getByText(/row 3\. Check the delimiter/)
      .waitFor();
    expect(await dialog().getByRole("button", { name: "Import" }).isDisabled()).toBe(true);
    await dialog().getByRole("button", { name: "Cancel" }).click();
    await openFile(fixture("broken.xlsx", "PK\u0003\u0004 not really a zip"));
    await page
      .getByRole("alert")
      .getByText(/"broken\.xlsx" is not a valid \.xlsx file/)
      .waitFor();
    expect(await sheetNames()).toEqual(before);
  });

  test("Download .xlsx, then open the downloaded file: the same workbook comes back", async () => {
    const before = await sheetNames();
    const formulaValue = () =>
      page.evaluate(() => {
        const wb = (
          window as unknown as {
            compPlanner: {
              wb: { cell(s: string, p: { row: number; col: number }): { value: unknown; formula: string | null } };
            };
          }
        ).compPlanner.wb;
        return wb.cell("Plan", { row: 2, col: 8 });
      });
    const original = await formulaValue();
    expect(original.formula).toBe("=COMP.WIN_RATE(Deals[Stage])");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download .xlsx" }).click(),
    ]);
    const saved = path.join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toBe("Comp Planner workbook.xlsx");
    await openFile(saved);
    await dialog().getByRole("button", { name: "Open" }).click();
    await page.getByText(/Opened "Comp Planner workbook\.xlsx"/).waitFor();
    expect(await sheetNames()).toEqual(before);
    expect(await formulaValue()).toEqual(original);
    expect(errors).toEqual([]);
  });

  test("a paste longer than a table's body extends it: nothing is dropped, formulas over the table see every row", async () => {
    await openFile(fixture("paste target.csv", "Rep,Amount\nAnn,10\nBob,20\n"));
    await dialog().getByRole("button", { name: "Import" }).click();
    await sheetTab("paste target").waitFor();
    await page.fill('input[aria-label="Name box"]', "D1");
    await page.press('input[aria-label="Name box"]', "Enter");
    await page.fill('input[aria-label="Formula bar"]', "=SUM(paste_target[Amount])");
    await page.press('input[aria-label="Formula bar"]', "Enter");
    await goTo(page, "A3");
    // Excel copies cells as tab-separated lines; the amounts as Excel shows them.
    const clip = "Bob\t20\nCy\t$1,000.00\nDi\t(5)\nEd\t1,234\n";
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: url });
    await page.evaluate((t) => navigator.clipboard.writeText(t), clip);
    await page.keyboard.press("Control+v");
    // 10 + 20 + 1000 - 5 + 1234 = 2259.
    await cellShows("D1", "2259");
    const rows = ((await readTable("paste_target")) as { rows: unknown[][] }).rows;
    expect(rows).toEqual([
      ["Ann", 10],
      ["Bob", 20],
      ["Cy", 1000],
      ["Di", -5],
      ["Ed", 1234],
    ]);
    // Typing directly below the table extends it by one row.
    await page.fill('input[aria-label="Name box"]', "B7");
    await page.press('input[aria-label="Name box"]', "Enter");
    await page.fill('input[aria-label="Formula bar"]', "1");
    await page.press('input[aria-label="Formula bar"]', "Enter");
    await cellShows("D1", "2260");
  });

  test("New sheet, Create table from a selection, typing below it grows it, Rename and Delete sheet", async () => {
    const go = (address: string) => goTo(page, address);
    const type = async (address: string, text: string) => {
      await go(address);
      await page.fill('input[aria-label="Formula bar"]', text);
      await page.press('input[aria-label="Formula bar"]', "Enter");
    };
    const before = await sheetNames();
    await page.getByRole("button", { name: "New sheet" }).click();
    const added = (await sheetNames()).find((n) => !before.includes(n))!;
    expect(added).toMatch(/^Sheet\d+$/);
    await sheetTab(added).waitFor();
    await type("A1", "Region");
    await type("B1", "Target");
    await type("A2", "North");
    await type("B2", "$1,000");
    await type("A3", "South");
    await type("B3", "2,500");
    await go("A1:B3");
    await page.getByRole("button", { name: "Create table" }).click();
    await page.getByText(/^Created table Table\d+ over the selection\.$/).waitFor();
    const name = /Table\d+/.exec((await page.getByText(/^Created table Table\d+/).textContent())!)![0];
    await type("D1", `=SUM(${name}[Target])`);
    await cellShows("D1", "3500");
    await type("B4", "500");
    await cellShows("D1", "4000");
    await page.getByRole("button", { name: "Rename sheet" }).click();
    await dialog().getByLabel("New name").fill("Targets");
    await dialog().getByRole("button", { name: "Rename" }).click();
    await sheetTab("Targets").waitFor();
    expect(((await readTable(name)) as { rows: unknown[][] }).rows).toEqual([
      ["North", 1000],
      ["South", 2500],
      ["", 500],
    ]);
    await page.getByRole("button", { name: "Delete sheet" }).click();
    await dialog().getByRole("button", { name: "Delete" }).click();
    await page.getByText('Deleted sheet "Targets".').waitFor();
    expect(await sheetNames()).toEqual(before);
  });

  test("the workbook survives a reload (with a warning while it is not downloaded); Start again from the sample discards it", async () => {
    // A browser of its own: its own browser storage, untouched by the other tests' page.
    const own = await launchBrowser();
    const p = await own.newPage({ viewport: { width: 1440, height: 900 } });
    await p.goto(url);
    await p.waitForSelector('[role="grid"]', { timeout: 60_000, state: "attached" });
    await p.setInputFiles('input[type="file"][aria-label="Open file"]', fixture("kept.csv", "Name,Score\nA,1\nB,2\n"));
    await p.getByRole("dialog").getByRole("button", { name: "Import" }).click();
    await p.getByRole("main", { name: "Workbook" }).getByRole("tab", { name: "kept", exact: true }).waitFor();
    await p.getByText(/^Kept in this browser at /).waitFor();
    const dialogs: string[] = [];
    p.on("dialog", (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    await p.reload();
    await p.waitForSelector('[role="grid"]', { timeout: 60_000, state: "attached" });
    expect(dialogs).toEqual(["beforeunload"]);
    await p.getByText(/Restored the workbook kept in this browser/).waitFor();
    await p.getByRole("main", { name: "Workbook" }).getByRole("tab", { name: "kept", exact: true }).waitFor();
    await p.getByRole("button", { name: "Start again from the sample" }).click();
    await p.getByRole("dialog").getByRole("button", { name: "Start again" }).click();
    await p.getByText("Started again from the sample workbook.").waitFor();
    expect(
      await p.getByRole("main", { name: "Workbook" }).getByRole("tab", { name: "kept", exact: true }).count(),
    ).toBe(0);
    await p.reload();
    await p.waitForSelector('[role="grid"]', { timeout: 60_000, state: "attached" });
    expect(await p.getByText(/Restored the workbook/).count()).toBe(0);
    expect(
      await p.getByRole("main", { name: "Workbook" }).getByRole("tab", { name: "kept", exact: true }).count(),
    ).toBe(0);
    await own.close();
  }, 120_000);
});
