#!/usr/bin/env node
/**
 * npm start. Windows and macOS: sideload the add-in into desktop Excel with office-addin-debugging
 * (it trusts a development certificate and runs the https dev server). Linux, where Excel does
 * not run: build and serve the preview instead (npm run preview).
 */
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const root = path.resolve(__dirname, "..");

if (process.platform === "win32" || process.platform === "darwin") {
  const cli = require.resolve("office-addin-debugging/cli.js");
  const r = spawnSync(
    process.execPath,
    [cli, "start", "manifest.xml", "desktop", "--app", "excel", "--dev-server", "npm run dev-server"],
    { cwd: root, stdio: "inherit" },
  );
  process.exit(r.status ?? 1);
} else {
  console.log(
    [
      "Desktop Excel does not run on Linux, so `npm start` opens the Comp Planner preview instead:",
      "the real task pane and COMP functions on an in-browser workbook.",
      "To use the add-in in Excel on the web, run `npm run dev-server` and upload manifest.xml",
      "(Home > Add-ins > More add-ins > Upload my add-in); see README.md.",
      "",
    ].join("\n"),
  );
  require("./preview.js");
}
