import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { writeXlsx } from "../../../src/preview/export/writeXlsx";
import { parseRange } from "../../../src/workbook/a1";
import { PreviewWorkbook } from "../../../src/workbook/preview/previewWorkbook";
import { fullPlanningRun } from "../fullPlanningRun";

/**
 * A second, independent spreadsheet checks the downloaded file: LibreOffice Calc (headless)
 * opens the .xlsx of a full planning run, recalculates every formula itself, and its native
 * formulas (SUMIFS, SUMPRODUCT, COUNTIF, INDEX/MATCH, NORM.S.DIST, structured references, named ranges)
 * give the preview's values to 1e-9 relative. LibreOffice does not know the COMP functions:
 * opened without recalculation they show the values cached in the file; for the recalculated
 * run they are given as those values, so what depends on them is checked too.
 */
const INSTALL = "apt-get update && apt-get install -y libreoffice-calc-nogui";

function soffice(): string {
  for (const p of [
    process.env.SOFFICE,
    "/usr/bin/soffice",
    "/usr/local/bin/soffice",
    "/opt/libreoffice/program/soffice",
  ])
    if (p && fs.existsSync(p)) return p;
  throw new Error(
    `LibreOffice (soffice) is not installed, so the downloaded .xlsx cannot be checked by a second spreadsheet. Install it with: ${INSTALL}`,
  );
}

/** A LibreOffice user profile that recalculates .xlsx files on load always (0) or never (1). */
function profile(dir: string, recalc: 0 | 1): string {
  const user = path.join(dir, "user");
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${recalc}</value></prop></item>` +
      `</oor:items>`,
  );
  return `file://${dir}`;
}

/** Opens a file in LibreOffice and saves it again as .xlsx (with the values LibreOffice computed). */
function throughLibreOffice(file: string, recalc: 0 | 1): string {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "lo-"));
  const out = path.join(work, "out");
  execFileSync(
    soffice(),
    [
      `-env:UserInstallation=${profile(path.join(work, "profile"), recalc)}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx",
      "--outdir",
      out,
      file,
    ],
    { stdio: "pipe", timeout: 280_000 },
  );
  return path.join(out, path.basename(file));
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const previewValue = (wb: PreviewWorkbook, sheet: string, row: number, col: number) => {
  const v = wb.cell(sheet, { row, col }).value;
  return v !== null && typeof v === "object" ? v.error : v;
};

/** A cell's value in a file: formula results (cell.result: exceljs's value copy drops 0 and FALSE), dates as serials. */
function fileValue(cell: ExcelJS.Cell): unknown {
  const v = (cell.formula ? cell.result : cell.value) as ExcelJS.CellValue;
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (v && typeof v === "object" && "error" in v) return v.error;
  return v ?? null;
}

const same = (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number"
    ? Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) || Math.abs(a - b) < 1e-12
    : a === b || ((a === "" || a === null) && (b === "" || b === null));

describe("LibreOffice Calc recalculates the downloaded workbook of a full planning run", () => {
  let preview: PreviewWorkbook;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    soffice();
    preview = (await fullPlanningRun()).wb;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
    file = path.join(dir, "plan.xlsx");
    fs.writeFileSync(file, await writeXlsx(preview));
  }, 300_000);

  test("every native formula, recalculated by LibreOffice, equals the preview's value to 1e-9 relative", async () => {
    // COMP cells given as the values cached in the file (LibreOffice has no COMP functions);
    // one native result is falsified, to prove that LibreOffice really recalculates.
    const staticCopy = await load(file);
    const natives: { sheet: string; address: string; row: number; col: number; formula: string }[] = [];
    staticCopy.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as ExcelJS.CellFormulaValue;
          if (!v || typeof v !== "object" || !("formula" in v) || !v.formula) return;
          const at = { row: Number(cell.row) - 1, col: Number(cell.col) - 1 };
          if (/COMP\./i.test(v.formula)) {
            const ref = (v as { ref?: string }).ref;
            const range = ref ? parseRange(ref) : { start: at, end: at };
            for (let r = range.start.row; r <= range.end.row; r++)
              for (let c = range.start.col; c <= range.end.col; c++)
                ws.getCell(r + 1, c + 1).value = previewValue(preview, ws.name, r, c) as ExcelJS.CellValue;
          } else natives.push({ sheet: ws.name, address: cell.address, ...at, formula: v.formula });
        }),
      ),
    );
    const falsified = natives.find(
      (n) => typeof previewValue(preview, n.sheet, n.row, n.col) === "number" && /SUMIFS/.test(n.formula),
    )!;
    const target = staticCopy.getWorksheet(falsified.sheet)!.getCell(falsified.address);
    target.value = { formula: (target.value as ExcelJS.CellFormulaValue).formula, result: -123456.789 };
    const staticFile = path.join(dir, "plan-static.xlsx");
    await staticCopy.xlsx.writeFile(staticFile);

    const recalculated = await load(throughLibreOffice(staticFile, 0));
    const differences: string[] = [];
    for (const n of natives) {
      const expected = previewValue(preview, n.sheet, n.row, n.col);
      const actual = fileValue(recalculated.getWorksheet(n.sheet)!.getCell(n.address));
      if (!same(actual, expected))
        differences.push(
          `${n.sheet}!${n.address} =${n.formula}: LibreOffice ${JSON.stringify(actual)}, preview ${JSON.stringify(expected)}`,
        );
    }
    expect(differences.slice(0, 20)).toEqual([]);
    const used = natives.map((n) => n.formula).join(" ");
    // The generated sheets compare user text with = inside SUMPRODUCT (criteria would read wildcards), so COUNTIFS is gone.
    for (const f of ["SUMIFS(", "SUMPRODUCT(", "COUNTIF(", "INDEX(", "MATCH(", "NORM.S.DIST(", "[#This Row]"])
      expect(used).toContain(f);
    expect(natives.length).toBeGreaterThan(500);
    expect(fileValue(recalculated.getWorksheet(falsified.sheet)!.getCell(falsified.address))).toBe(
      previewValue(preview, falsified.sheet, falsified.row, falsified.col),
    );
  }, 300_000);

  test("opened as downloaded, the COMP cells show the values cached in the file (spilled arrays excepted)", async () => {
    const opened = await load(throughLibreOffice(file, 1));
    let compared = 0;
    const differences: string[] = [];
    const arrays: string[] = [];
    const original = await load(file);
    original.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (!/COMP\./i.test(cell.formula ?? "")) return;
          // LibreOffice (7.4) recalculates array formulas on load whatever the setting (an array
          // =SUM(1,2) cached as 99 shows 3 under "never recalculate") and knows no COMP function,
          // so a spilled COMP result (PAYOUT_EXPLAIN) shows #NAME? there, although the file carries
          // its cached values in every cell of the spill (xlsxRoundTrip.test.ts checks them).
          if ((cell.value as { shareType?: string }).shareType === "array")
            return void arrays.push(`${ws.name}!${cell.address}`);
          compared++;
          const actual = fileValue(opened.getWorksheet(ws.name)!.getCell(cell.address));
          const expected = previewValue(preview, ws.name, Number(cell.row) - 1, Number(cell.col) - 1);
          if (!same(actual, expected))
            differences.push(
              `${ws.name}!${cell.address}: LibreOffice ${JSON.stringify(actual)}, preview ${JSON.stringify(expected)}`,
            );
        }),
      ),
    );
    expect(differences.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(50);
    expect(arrays).toEqual(["Plan!A34"]);
  }, 300_000);
});
