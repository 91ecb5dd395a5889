#!/usr/bin/env node
/**
 * npm run bench: compiles bench/ with tsc, runs every benchmark case in its own Node process
 * (so peak memory is per case), prints a table and writes it into bench/RESULTS.md between the
 * results markers, keeping the hand-written notes around it.
 */
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const out = path.join(root, ".bench-build");

/** Benchmark files and their cases, in report order. */
const SUITES = [
  { file: "bench/functions.bench.js", cases: ["payout-short", "payout-full", "quota-attainment", "win-rate"] },
  { file: "bench/preview.bench.js", cases: ["preview-paste", "preview-recalc"] },
  { file: "bench/territories.bench.js", cases: ["territories-large", "territories-quality"] },
  { file: "bench/quotas.bench.js", cases: ["quotas-simulation"] },
  { file: "bench/ledger.bench.js", cases: ["ledger"] },
  { file: "bench/import.bench.js", cases: ["import-csv-10k", "import-csv-100k", "import-csv-50mb", "keep-100k"] },
  { file: "bench/backtest.bench.js", cases: ["backtest-large"] },
  {
    file: "bench/steps.bench.js",
    cases: [
      "step-territories-10k",
      "step-territories-100k",
      "step-quotas",
      "step-scenarios",
      "step-kpi",
      "step-kpi-edit",
    ],
  },
];

fs.rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.bench.json"], {
  cwd: root,
  stdio: "inherit",
});

const only = process.argv.slice(2);
const rows = [];
for (const suite of SUITES) {
  for (const name of suite.cases) {
    if (only.length && !only.includes(name)) continue;
    process.stderr.write(`bench ${name} ...\n`);
    const json = execFileSync(process.execPath, ["--max-old-space-size=8192", path.join(out, suite.file), name], {
      cwd: root,
      encoding: "utf8",
    });
    rows.push(JSON.parse(json.trim().split("\n").pop()));
  }
}

const fmt = (n, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
const table = [
  "| case | rows | ms | rows/s | baseline ms | ratio to baseline | peak MiB | notes |",
  "|---|---:|---:|---:|---:|---:|---:|---|",
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.rows)} | ${fmt(r.ms, 1)} | ${fmt((r.rows / r.ms) * 1000)} | ${r.baselineMs ? fmt(r.baselineMs, 1) : "-"} | ${r.baselineMs ? `${fmt(r.ms / r.baselineMs, 1)}x` : "-"} | ${fmt(r.peakMiB)} | ${r.notes} |`,
  ),
].join("\n");
const stamp = `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} x ${os.cpus()[0].model.trim()}, Node ${process.version}.`;
console.log(`\n${stamp}\n\n${table}\n`);

const resultsPath = path.join(root, "bench", "RESULTS.md");
const START = "<!-- results:start -->";
const END = "<!-- results:end -->";
if (only.length === 0 && fs.existsSync(resultsPath)) {
  const text = fs.readFileSync(resultsPath, "utf8");
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a >= 0 && b > a) {
    fs.writeFileSync(resultsPath, `${text.slice(0, a + START.length)}\n${stamp}\n\n${table}\n${text.slice(b)}`);
    console.log("bench/RESULTS.md updated.");
  }
}
