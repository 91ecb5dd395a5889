import * as fs from "node:fs";
import * as path from "node:path";
import type { Server } from "node:http";
import { AddressInfo } from "node:net";
import { Browser, chromium, Page } from "playwright-core";

/**
 * A real headless Chromium for the end-to-end tests, found without any set-up step: the
 * CHROMIUM_PATH environment variable if set, else the Chromium that the @sparticuz/chromium npm
 * package ships (Linux x64), else a system Chromium. No browser is a failure, never a skip.
 */
async function executable(): Promise<{ path: string; args: string[] }> {
  const base = [
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
    "--no-sandbox",
  ];
  if (process.env.CHROMIUM_PATH) return { path: process.env.CHROMIUM_PATH, args: base };
  if (process.platform === "linux" && process.arch === "x64") {
    const mod = await import("@sparticuz/chromium");
    const packaged = (mod as unknown as { default: { executablePath(): Promise<string>; args: string[] } }).default;
    // Its Lambda flags minus the two that would weaken the page's security model.
    const args = packaged.args.filter(
      (a) => a !== "--disable-web-security" && a !== "--allow-running-insecure-content",
    );
    return { path: await packaged.executablePath(), args: [...args, ...base] };
  }
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"])
    if (fs.existsSync(p)) return { path: p, args: base };
  throw new Error("No Chromium found for the browser tests. Set CHROMIUM_PATH to a Chromium or Chrome executable.");
}

/** Launches headless Chromium. */
export async function launchBrowser(): Promise<Browser> {
  const exe = await executable();
  return chromium.launch({ executablePath: exe.path, args: exe.args, headless: true });
}

/** Serves the built preview (dist-preview/) on a free loopback port. */
export async function servePreview(): Promise<{ server: Server; url: string }> {
  const root = path.resolve(__dirname, "../../dist-preview");
  if (!fs.existsSync(path.join(root, "preview.html")))
    throw new Error("dist-preview/ is missing: run npm test (it builds the preview) or npm run preview first.");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serveStatic } = require("../../scripts/serve.js") as {
    serveStatic: (root: string, port: number) => Promise<Server>;
  };
  const server = await serveStatic(root, 0);
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** Where screenshots and other test artifacts go. */
export const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts");

/** Saves a full-page screenshot under test-artifacts/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Collects console errors and page errors of a page, for the "no console errors" checks. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}
