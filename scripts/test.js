#!/usr/bin/env node
/**
 * npm test: builds the production add-in (tests inspect dist/) and the preview (the browser tests
 * load dist-preview/), then runs every Jest suite.
 * Extra arguments go to Jest (npm test -- test/core).
 */
const { execFileSync } = require("node:child_process");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: "inherit" });

try {
  run([require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"]);
  run([require.resolve("webpack-cli/bin/cli.js"), "--config", "webpack.preview.config.js", "--mode", "production"]);
  run([require.resolve("jest/bin/jest"), "--ci", ...process.argv.slice(2)]);
} catch (e) {
  // A failed child has already printed its output; anything else is ours to explain.
  if (typeof e.status !== "number") console.error(e);
  process.exit(typeof e.status === "number" && e.status !== 0 ? e.status : 1);
}
