#!/usr/bin/env node
/**
 * npm run preview: builds the preview (unless --no-build) and serves it on http://localhost:PORT
 * (3000 by default; PORT=3001 or --port 3001 to change it).
 */
const { execFileSync } = require("node:child_process");
const path = require("node:path");
const { serveStatic } = require("./serve");

const root = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const portArg = args.indexOf("--port");
const port = Number(portArg >= 0 ? args[portArg + 1] : (process.env.PORT ?? 3000));

async function main() {
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`"${port}" is not a port number; use e.g. PORT=3001.`);
  if (!args.includes("--no-build")) {
    console.log("Building the preview...");
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--config", "webpack.preview.config.js", "--mode", "production"],
      { cwd: root, stdio: "inherit" },
    );
  }
  await serveStatic(path.join(root, "dist-preview"), port);
  console.log(`\nComp Planner preview: http://localhost:${port}/\n(Ctrl+C to stop)`);
}

main().catch((e) => {
  console.error(`\n${e.message}`);
  process.exit(1);
});
