#!/usr/bin/env node
/** npm stop: ends a desktop Excel debugging session started by npm start (Windows and macOS). */
const { spawnSync } = require("node:child_process");
const path = require("node:path");

if (process.platform === "win32" || process.platform === "darwin") {
  const cli = require.resolve("office-addin-debugging/cli.js");
  const r = spawnSync(process.execPath, [cli, "stop", "manifest.xml"], {
    cwd: path.resolve(__dirname, ".."),
    stdio: "inherit",
  });
  process.exit(r.status ?? 1);
} else {
  console.log(
    "Nothing to stop: on Linux npm start serves the preview in the foreground; press Ctrl+C in its terminal.",
  );
}
