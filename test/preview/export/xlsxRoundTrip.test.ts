import fc from "fast-check";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { toFileFormula } from "../../../src/preview/export/fileFormulas";
import { writeXlsx } from "../../../src/preview/export/writeXlsx";
import { readXlsx } from "../../../src/preview/import/readXlsx";
import { ImportError } from "../../../src/preview/import/importPlan";
import { applyImport } from "../../../src/preview/import/applyImport";
import { CsvImport } from "../../../src/preview/import/importPlan";
import { cellAddress, parseRange } from "../../../src/workbook/a1";
import { PreviewWorkbook, RANGE_NAME_PREFIX } from "../../../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../../../src/workbook/previewHost";
import { fullPlanningRun } from "../fullPlanningRun";

/**
 * Every sheet's cells as [row, col, value, formula, format, bold], for comparing two workbooks.
 * Formulas are compared as a file spells them (structured references qualified with their
 * table: SUM([Potential]) in table T is T[Potential]), which is the same formula.
 */
function snapshot(wb: PreviewWorkbook) {
  return wb.sheetNames().map((sheet) => {
    const used = wb.usedRange(sheet);
    const cells: unknown[] = [];
    const tableAt = (r: number, c: number) =>
      wb
        .tables()
        .find(
          (t) =>
            t.sheet === sheet &&
            r > t.anchor.row &&
            r <= t.anchor.row + t.rowCount &&
            c >= t.anchor.col &&
            c < t.anchor.col + t.headers.length,
        )?.name ?? null;
    for (let r = 0; used && r <= used.end.row; r++)
      for (let c = 0; c <= used.end.col; c++) {
        const cell = wb.cell(sheet, { row: r, col: c });
        const formula = cell.formula && toFileFormula(cell.formula, tableAt(r, c));
        if (cell.value !== null || cell.formula)
          cells.push([r, c, cell.value, formula, cell.numberFormat, wb.isBold(sheet, { row: r, col: c })]);
      }
    return { sheet, cells, freeze: wb.freeze(sheet), widths: wb.columnWidths(sheet) };
  });
}
// The workbook's names; the preview engine's hidden range names (an implementation detail of
// structured references, made afresh when formulas are written) are not the workbook's.
const names = (wb: PreviewWorkbook) =>
  wb.engine
    .listNamedExpressions()
    .filter((n) => !n.startsWith(RANGE_NAME_PREFIX))
    .map((n) => [n, wb.engine.getNamedExpressionFormula(n)]);

describe(".xlsx out and back in", () => {
  let original: PreviewWorkbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    original = (await fullPlanningRun()).wb;
    bytes = await writeXlsx(original);
  }, 120_000);

  test("a full planning run comes back the same: every cell's value, formula and format, tables, names, settings", async () => {
    const { workbook: back, unknown } = await readXlsx(bytes, "plan.xlsx");
    expect(unknown).toEqual([]);
    expect(back.sheetNames()).toEqual(original.sheetNames());
    const byName = (w: PreviewWorkbook) => [...w.tables()].sort((x, y) => x.name.localeCompare(y.name));
    expect(byName(back)).toEqual(byName(original));
    expect(names(back)).toEqual(names(original));
    expect([...back.customXmlParts().values()]).toEqual([...original.customXmlParts().values()]);
    for (const sheet of original.sheetNames()) expect(back.charts(sheet)).toEqual(original.charts(sheet));
    expect(original.charts("Quotas").length).toBeGreaterThan(0);
    const a = snapshot(original);
    const b = snapshot(back);
    for (let i = 0; i < a.length; i++) {
      expect(b[i].freeze).toEqual(a[i].freeze);
      for (const [letter, pt] of Object.entries(a[i].widths)) expect(b[i].widths[letter]).toBeCloseTo(pt, 0);
      expect(b[i].cells).toEqual(a[i].cells);
    }
    // The add-in still knows its own sheets and its settings in the reopened workbook.
    const host = new PreviewHost(back);
    expect(await host.isOwned("Territories")).toBe(true);
    expect(await host.isOwned("Deals")).toBe(false);
    expect(await host.readSettings("quotas")).toMatchObject({ companyTarget: 30_000_000 });
  });

  test("the file as other readers see it: COMP formulas with cached numbers, custom XML related from the workbook", async () => {
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(bytes as unknown as ArrayBuffer);
    const cells: ExcelJS.CellFormulaValue[] = [];
    file.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          const v = c.value as ExcelJS.CellFormulaValue;
          if (v && typeof v === "object" && "formula" in v && /COMP\./.test(v.formula)) cells.push(v);
        }),
      ),
    );
    expect(cells.length).toBeGreaterThan(50);
    expect(cells.filter((c) => typeof c.result === "number").length).toBeGreaterThan(50);
    expect(file.worksheets.find((w) => w.name === "Territories")!.getTables().length).toBeGreaterThan(0);
    const zip = await JSZip.loadAsync(bytes);
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    expect(rels).toMatch(/relationships\/customXml" Target="\.\.\/customXml\/item1\.xml"/);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toMatch(/customXml\/itemProps1\.xml/);
    // Charts: exceljs cannot write them; each one is a note on its anchor cell instead.
    const comments = await Promise.all(
      Object.keys(zip.files)
        .filter((p) => /^xl\/comments\d*\.xml$/.test(p))
        .map((p) => zip.file(p)!.async("string")),
    );
    const chart = original.charts("Quotas")[0];
    expect(comments.join("")).toContain(`ref="${chart.anchor}"`);
    expect(comments.join("")).toMatch(
      /Chart &quot;Simulated attainment&quot;.*cannot write charts|Chart "Simulated attainment".*cannot write charts/,
    );
  });

  test("a spilled COMP result (Plan!A34) is a dynamic array whose other cells carry its cached values, as Excel writes it", async () => {
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(bytes as unknown as ArrayBuffer);
    const plan = file.getWorksheet("Plan")!;
    const anchor = plan.getCell("A34").value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
    expect(anchor.formula).toMatch(/^COMP\.PAYOUT_EXPLAIN\(/);
    expect(anchor.shareType).toBe("array");
    const range = parseRange(anchor.ref!);
    // A table of several rows and columns, not one cell.
    expect(range.end.row - range.start.row).toBeGreaterThan(1);
    expect(range.end.col - range.start.col).toBeGreaterThan(0);
    let numbers = 0;
    for (let r = range.start.row; r <= range.end.row; r++)
      for (let c = range.start.col; c <= range.end.col; c++) {
        if (r === range.start.row && c === range.start.col) continue;
        const expected = original.cell("Plan", { row: r, col: c }).value;
        const cell = plan.getCell(r + 1, c + 1);
        expect(cell.formula).toBeFalsy();
        expect([cellAddress({ row: r, col: c }), cell.value ?? null]).toEqual([
          cellAddress({ row: r, col: c }),
          expected,
        ]);
        if (typeof expected === "number") numbers++;
      }
    expect(numbers).toBeGreaterThan(0);
    // Marked as a dynamic array (cell metadata XLDAPR), so Excel spills it rather than fixing a legacy array.
    const zip = await JSZip.loadAsync(bytes);
    const sheetIndex = file.worksheets.findIndex((w) => w.name === "Plan") + 1;
    const xml = await zip.file(`xl/worksheets/sheet${sheetIndex}.xml`)!.async("string");
    expect(xml).toMatch(/<c r="A34"[^>]* cm="1"><f t="array" ref="A34:/);
    expect(await zip.file("xl/metadata.xml")!.async("string")).toContain('<xda:dynamicArrayProperties fDynamic="1"');
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain('PartName="/xl/metadata.xml"');
    expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain('Target="metadata.xml"');
  });

  test("property: a table written to .xlsx and read back is the same table", async () => {
    const text = fc.stringMatching(/^[A-Za-z0-9 ,.;'"=-]{0,10}$/);
    const cell = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
      fc.integer(),
      fc.boolean(),
      text,
      fc.constant(null),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,8}$/), {
          minLength: 1,
          maxLength: 5,
          selector: (h) => h.trim().toLowerCase(),
        }),
        fc.integer({ min: 1, max: 8 }),
        fc.infiniteStream(cell),
        async (headers, n, cells) => {
          const hs = headers.map((h) => h.trim());
          const it = cells[Symbol.iterator]();
          const rows = Array.from({ length: n }, () =>
            hs.map(() => it.next().value as number | string | boolean | null),
          );
          const wb = new PreviewWorkbook();
          wb.addSheet("Data");
          writeSpec(wb, {
            name: "Data",
            tables: [
              {
                name: "T",
                anchor: "B2",
                headers: hs,
                rows: rows.map((r) => r.map((v) => (typeof v === "string" ? `'${v}` : v))),
                numberFormats: { [hs[0]]: "#,##0.00" },
              },
            ],
          });
          const back = (await readXlsx(await writeXlsx(wb), "t.xlsx")).workbook;
          expect(back.tables()).toEqual(wb.tables());
          const read = async (w: PreviewWorkbook) => (await new PreviewHost(w).readTable("T")).rows;
          expect(await read(back)).toEqual(await read(wb));
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 40) },
    );
  }, 60_000);

  test("an opened CSV downloads and reopens with its typed values", async () => {
    const wb = new PreviewWorkbook();
    const imp = new CsvImport(new TextEncoder().encode('Rep,Amount,Closed\nAnn,"$1,200.50",2019-03-01\n'), "deals.csv");
    const plan = imp.plan(imp.detect());
    applyImport(wb, "deals.csv", plan, imp.cells(plan));
    const back = (await readXlsx(await writeXlsx(wb), "x.xlsx")).workbook;
    expect(back.cell("deals", { row: 1, col: 1 })).toEqual({ value: 1200.5, formula: null, numberFormat: "$#,##0.00" });
    expect(back.cell("deals", { row: 1, col: 2 })).toEqual({ value: 43525, formula: null, numberFormat: "yyyy-mm-dd" });
  });
});

describe("files that are not workbooks: a clear message", () => {
  const fails = async (bytes: Uint8Array) => {
    const e = await readXlsx(bytes, "f.xlsx").catch((x: Error) => x);
    expect(e).toBeInstanceOf(ImportError);
    return (e as Error).message;
  };
  test("corrupt, a zip of something else, password-protected, old .xls", async () => {
    expect(await fails(new TextEncoder().encode("not a zip"))).toMatch(/not a valid \.xlsx/);
    const zip = new JSZip();
    zip.file("hello.txt", "hi");
    expect(await fails(await zip.generateAsync({ type: "uint8array" }))).toMatch(/not an Excel workbook/);
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const encrypted = ole.slice();
    const name = new Uint8Array(new Uint16Array([..."EncryptedPackage"].map((c) => c.charCodeAt(0))).buffer);
    encrypted.set(name, 1024);
    expect(await fails(encrypted)).toMatch(/password-protected/);
    expect(await fails(ole)).toMatch(/old-format Excel file/);
  });
  test("a formula calling a function the engine does not know keeps its cached value and is listed", async () => {
    const file = new ExcelJS.Workbook();
    const ws = file.addWorksheet("S");
    ws.getCell("A1").value = { formula: 'WEBSERVICE("x")', result: 42 } as ExcelJS.CellFormulaValue;
    ws.getCell("A2").value = { formula: "A1*2", result: 84 } as ExcelJS.CellFormulaValue;
    ws.getCell("A3").value = { formula: 'WEBSERVICE("y")', result: 0 } as ExcelJS.CellFormulaValue;
    const { workbook, unknown } = await readXlsx(new Uint8Array(await file.xlsx.writeBuffer()), "u.xlsx");
    expect(unknown).toEqual([
      { sheet: "S", address: "A1", formula: '=WEBSERVICE("x")', functions: ["WEBSERVICE"] },
      { sheet: "S", address: "A3", formula: '=WEBSERVICE("y")', functions: ["WEBSERVICE"] },
    ]);
    // A cached 0 stays 0 (exceljs's value copy would drop it).
    expect(workbook.cell("S", { row: 2, col: 0 }).value).toBe(0);
    expect(workbook.cell("S", { row: 0, col: 0 }).value).toBe(42);
    expect(workbook.cell("S", { row: 1, col: 0 })).toMatchObject({ value: 84, formula: "=A1*2" });
  });
});
