/**
 * Writes the sample workbook's tables as CSV files (sample-data/accounts.csv, reps.csv, deals.csv, activities.csv).
 * Usage: npm run sample [-- --seed 2026 --out sample-data]
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generateSample } from "../src/sample/sampleData";
import { sampleTables } from "../src/sample/sampleTables";
import { toCsv } from "../src/sample/csv";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const seed = Number(option("--seed", "2026"));
const out = path.resolve(option("--out", "sample-data"));
if (!Number.isInteger(seed)) {
  console.error(`--seed must be a whole number, got "${option("--seed", "")}".`);
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
for (const t of sampleTables(generateSample(seed))) {
  const file = path.join(out, `${t.table.toLowerCase()}.csv`);
  fs.writeFileSync(file, toCsv(t.headers, t.rows));
  console.log(`${file}: ${t.rows.length} rows`);
}
