import * as fs from "node:fs";
import type { Server } from "node:http";
import * as path from "node:path";
import { AddressInfo } from "node:net";
import { Browser } from "playwright-core";
import { launchBrowser, screenshot } from "./browser";

/**
 * The add-in's own task pane page (dist/taskpane.html, as Excel loads it) when Microsoft's
 * Office.js CDN never answers, and when it answers with a stand-in office.js: the pane shows
 * within 5 seconds either way, and the functions bundle starts only once Office.js is there.
 */
const CDN = "https://appsforoffice.microsoft.com/**";
let server: Server;
let url: string;
let browser: Browser;
// Pages stay open until the browser closes: the packaged Chromium runs as one process, which
// closing its last page would end.

beforeAll(async () => {
  const root = path.resolve(__dirname, "../../dist");
  if (!fs.existsSync(path.join(root, "taskpane.html")))
    throw new Error("dist/ is missing: run npm test (it builds first) or npm run build.");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serveStatic } = require("../../scripts/serve.js") as {
    serveStatic: (root: string, port: number) => Promise<Server>;
  };
  server = await serveStatic(root, 0);
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/taskpane.html`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

test("with the Office.js CDN black-holed, the pane and its 'needs Excel' notice show within 5 s", async () => {
  const page = await browser.newPage();
  const held: string[] = [];
  // Never fulfilled, continued or aborted: the request hangs as on a black-holed network.
  await page.route(CDN, (route) => void held.push(route.request().url()));
  const started = Date.now();
  await page.goto(url, { waitUntil: "commit" });
  await page.getByText(/Office\.js could not load/).waitFor({ state: "visible", timeout: 5000 });
  expect(Date.now() - started).toBeLessThan(5000);
  expect(held).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  await expect(page.getByText("Not connected to Excel").isVisible()).resolves.toBe(true);
  await screenshot(page, "taskpane-office-blackholed");
});

test("with Office.js loaded (a stand-in outside Excel), the functions bundle registers the COMP functions after it", async () => {
  const page = await browser.newPage();
  const standInOfficeJs = `
    window.registered = [];
    window.CustomFunctions = { associate: function (id) { window.registered.push(id); }, Error: function () {}, ErrorCode: {} };
    window.Office = { HostType: { Excel: "Excel" }, onReady: function (cb) { var info = { host: null, platform: null }; if (cb) cb(info); return Promise.resolve(info); } };`;
  await page.route(CDN, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: standInOfficeJs }),
  );
  await page.goto(url);
  await page.getByText(/Office\.js could not load/).waitFor({ state: "visible", timeout: 5000 });
  await page.waitForFunction(
    () => ((window as unknown as { registered?: string[] }).registered ?? []).length > 0,
    undefined,
    { timeout: 10_000 },
  );
  const ids = await page.evaluate(() => (window as unknown as { registered: string[] }).registered);
  expect(ids).toEqual(expect.arrayContaining(["PAYOUT", "PAYOUT_EXPLAIN", "KPI_BONUS"]));
});
