#!/usr/bin/env node
/** npm run sample: compiles scripts/sample-cli.ts with tsc and runs it (arguments pass through). */
const { execFileSync } = require("node:child_process");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.bench.json"], {
  cwd: root,
  stdio: "inherit",
});
execFileSync(process.execPath, [path.join(root, ".bench-build/scripts/sample-cli.js"), ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});
