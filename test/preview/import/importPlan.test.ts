import fc from "fast-check";
import { applyImport, applyImportInSteps } from "../../../src/preview/import/applyImport";
import { detectDelimiter } from "../../../src/preview/import/csv";
import { detectEncoding } from "../../../src/preview/import/decode";
import { CsvImport, ImportError } from "../../../src/preview/import/importPlan";
import { uniqueSheetName, uniqueTableName } from "../../../src/preview/import/names";
import { PreviewWorkbook } from "../../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../../src/workbook/previewHost";

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Windows-1251 bytes of a Cyrillic/ASCII text (А-я are 0xC0-0xFF, Ё 0xA8, ё 0xB8). */
function cp1251(s: string): Uint8Array {
  return Uint8Array.from(
    [...s].map((ch) => {
      const c = ch.charCodeAt(0);
      if (c < 128) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      if (c === 0x401) return 0xa8;
      if (c === 0x451) return 0xb8;
      throw new Error(`not in the test's table: ${ch}`);
    }),
  );
}
const open = (bytes: Uint8Array, name = "deals.csv") => {
  const imp = new CsvImport(bytes, name);
  const options = imp.detect();
  return { imp, options, plan: imp.plan(options) };
};

describe("an opened CSV, as the dialog shows it", () => {
  test("a US export: types per column, formats, the cells that do not fit", () => {
    const csv =
      'Deal,Amount,Closed,Won,Share\nA-1,"$1,200.50",2019-03-01,TRUE,10%\nA-2,(300),2019-03-02,FALSE,12.5%\nA-3,n/a,2019-03-03,TRUE,\n';
    const { imp, options, plan } = open(utf8(csv));
    expect(options).toMatchObject({ encoding: "utf-8", delimiter: ",", decimal: ".", hasHeader: true });
    expect(plan.columns.map((c) => [c.header, c.type, c.format])).toEqual([
      ["Deal", "text", null],
      ["Amount", "number", "$#,##0.00"],
      ["Closed", "date", "yyyy-mm-dd"],
      ["Won", "boolean", null],
      ["Share", "number", "0%"],
    ]);
    // "n/a" is row 4 of the file (header is row 1): listed, and kept as text.
    expect(plan.mismatches).toEqual([{ row: 4, column: "Amount", text: "n/a", expected: "number" }]);
    expect(plan.rowCount).toBe(3);
    expect(imp.cells(plan)).toEqual([
      ["A-1", 1200.5, 43525, true, 0.1],
      ["A-2", -300, 43526, false, 0.125],
      ["A-3", "n/a", 43527, true, null],
    ]);
  });

  test("a 1C export: Windows-1251, semicolons, decimal comma, day-first dates proven by a 13", () => {
    const csv = "Менеджер;Сумма;Дата\nИванов;1 234,50;13.04.2017\nПетров;99,9;01.05.2017\n";
    const bytes = cp1251(csv);
    expect(detectEncoding(bytes)).toEqual({ encoding: "windows-1251", bom: false });
    const { imp, options, plan } = open(bytes, "отчёт.csv");
    expect(options).toMatchObject({ encoding: "windows-1251", delimiter: ";", decimal: ",", dateOrder: "dmy" });
    expect(plan.dateEvidence).toEqual({ order: "dmy", proof: "13.04.2017", conflicting: false, seen: 2 });
    // 13 April 2017 is serial 42838; 1 May 2017 is 42856.
    expect(imp.cells(plan)).toEqual([
      ["Иванов", 1234.5, 42838],
      ["Петров", 99.9, 42856],
    ]);
  });

  test("UTF-8 with a byte-order mark and tabs", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Name\tQuota\nÅsa\t100\n")]);
    const { imp, options, plan } = open(bytes, "reps.tsv");
    expect(options).toMatchObject({ encoding: "utf-8", delimiter: "\t" });
    expect(plan.columns[0].header).toBe("Name");
    expect(imp.cells(plan)).toEqual([["Åsa", 100]]);
  });

  test("the user's corrections: a type changed to text keeps every cell as written; month-first order", () => {
    const { imp, options } = open(utf8("Id,When\n007,03/04/2017\n008,05/06/2017\n"));
    expect(options.dateOrder).toBe("mdy");
    const plan = imp.plan({ ...options, dateOrder: "dmy", columnTypes: ["text"] });
    expect(plan.columns.map((c) => [c.detected, c.type])).toEqual([
      ["number", "text"],
      ["date", "date"],
    ]);
    // 3 April 2017 = 42828, 5 June 2017 = 42891.
    expect(imp.cells(plan)).toEqual([
      ["007", 42828],
      ["008", 42891],
    ]);
  });

  test("no header row: columns are named Column1...", () => {
    const { options, plan } = open(utf8("1,2\n3,4\n"));
    expect(options.hasHeader).toBe(false);
    expect(plan.columns.map((c) => c.header)).toEqual(["Column1", "Column2"]);
    expect(plan.rowCount).toBe(2);
  });
});

describe("bad files: a clear message, nothing created", () => {
  const failure = (bytes: Uint8Array, name = "x.csv") => {
    try {
      open(bytes, name);
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      return e as ImportError;
    }
    throw new Error("expected an ImportError");
  };
  test("empty, header only, binary", () => {
    expect(failure(new Uint8Array()).message).toBe('"x.csv" is empty.');
    expect(failure(utf8("\n\n")).message).toBe('"x.csv" has no rows.');
    expect(failure(utf8("A,B\n")).message).toBe('"x.csv" has a header row but no data rows.');
    expect(failure(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1])).message).toMatch(/not a CSV or text file/);
  });
  test("ragged rows are listed", () => {
    const e = failure(utf8("A,B\n1,2\n3\n4,5\n6,7,8\n"));
    expect(e.rows).toEqual([3, 5]);
    expect(e.message).toMatch(/rows 3, 5/);
  });
});

describe("delimiters and encodings", () => {
  test("commas inside quotes do not make a comma file out of a semicolon one", () => {
    expect(detectDelimiter('Name;Note\n"Smith, J";"a, b"\n"Doe, A";"c"\n')).toBe(";");
    expect(detectDelimiter("a,b,c\n1,2,3\n")).toBe(",");
  });
  test("property: random fields, quoted as needed, round-trip through any delimiter and encoding", () => {
    const field = fc.stringMatching(/^[A-Za-zА-я0-9 ,;"\n]{0,8}$/);
    fc.assert(
      fc.property(
        fc.constantFrom(",", ";", "\t"),
        fc.constantFrom("utf-8", "utf-8-bom", "windows-1251"),
        fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        (d, enc, rows) => {
          const header = ["H1", "H2", "H3"];
          const quote = (s: string) =>
            /[",;\t\n]/.test(s) || s.trim() !== s || s === "" ? `"${s.replace(/"/g, '""')}"` : s;
          const text = [header, ...rows].map((r) => r.map(quote).join(d)).join("\r\n");
          const bytes =
            enc === "windows-1251"
              ? cp1251(text)
              : enc === "utf-8-bom"
                ? new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])
                : utf8(text);
          const imp = new CsvImport(bytes, "p.csv");
          const detected = imp.detect();
          const plan = imp.plan({
            ...detected,
            delimiter: d as ",",
            encoding: enc === "windows-1251" ? "windows-1251" : "utf-8",
            hasHeader: true,
            columnTypes: ["text", "text", "text"],
          });
          expect(imp.cells(plan)).toEqual(rows.map((r) => r.map((s) => (s.trim() === "" ? null : s))));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("names", () => {
  test("sheet names valid and unique; table names valid and unique", () => {
    expect(uniqueSheetName("Deals: 2019/Q1?", ["x"])).toBe("Deals_ 2019_Q1_");
    expect(uniqueSheetName("Deals", ["deals"])).toBe("Deals (2)");
    expect(uniqueSheetName("A".repeat(40), ["A".repeat(31)])).toBe(`${"A".repeat(27)} (2)`);
    expect(uniqueSheetName("''", [])).toBe("Sheet");
    expect(uniqueTableName("Deals 2019", [])).toBe("Deals_2019");
    expect(uniqueTableName("2019 deals", [])).toBe("T_2019_deals");
    expect(uniqueTableName("A1", [])).toBe("A1_");
    expect(uniqueTableName("отчёт", [])).toBe("Table");
    expect(uniqueTableName("Deals", ["DEALS", "Deals_2"])).toBe("Deals_3");
  });
});

describe("writing the import into the workbook", () => {
  test("a new sheet with a table the add-in can read; text never turns into a formula or a number", async () => {
    const wb = new PreviewWorkbook();
    wb.addSheet("Deals");
    const { imp, plan } = open(utf8('Rep,Amount,Note\nAnn,"1,000",=1+2\nBob,250,007\nCy,,memo\n'), "Deals.csv");
    const result = applyImport(wb, "Deals.csv", plan, imp.cells(plan));
    expect(result).toEqual({ sheet: "Deals (2)", table: "Deals", rows: 3 });
    const host = new PreviewHost(wb);
    expect(await host.readTable("Deals")).toEqual({
      source: "Deals",
      headers: ["Rep", "Amount", "Note"],
      rows: [
        ["Ann", 1000, "=1+2"],
        ["Bob", 250, "007"],
        ["Cy", "", "memo"],
      ],
    });
    expect(wb.cell("Deals (2)", { row: 1, col: 1 }).numberFormat).toBe("#,##0");
    wb.addSheet("Calc");
    wb.setCell("Calc", { row: 0, col: 0 }, "=SUM(Deals[Amount])");
    expect(wb.cell("Calc", { row: 0, col: 0 }).value).toBe(1250);
    expect(wb.freeze("Deals (2)")).toEqual({ rows: 1, columns: 0 });
  });
});

describe("writing a large import in steps", () => {
  const csv = ["Rep,Amount", ...Array.from({ length: 25 }, (_, i) => `R${i},${i * 10}`)].join("\n");
  test("gives the same sheet as one write, reporting progress after each step", async () => {
    const { imp, plan } = open(utf8(csv), "big.csv");
    const one = new PreviewWorkbook();
    applyImport(one, "big.csv", plan, imp.cells(plan));
    const stepped = new PreviewWorkbook();
    const progress: number[] = [];
    const r = await applyImportInSteps(stepped, "big.csv", plan, imp.cells(plan), {
      rowsPerStep: 10,
      onProgress: (f) => progress.push(f),
      pause: async () => {},
    });
    expect(r).toEqual({ sheet: "big", table: "big", rows: 25 });
    expect(progress).toEqual([0.4, 0.8, 1]);
    expect(stepped.tables()).toEqual(one.tables());
    expect(await new PreviewHost(stepped).readTable("big")).toEqual(await new PreviewHost(one).readTable("big"));
    expect(stepped.columnWidths("big")).toEqual(one.columnWidths("big"));
    expect(stepped.freeze("big")).toEqual({ rows: 1, columns: 0 });
  });
  test("cancelled part-way, it removes the new sheet: nothing is changed", async () => {
    const { imp, plan } = open(utf8(csv), "big.csv");
    const wb = new PreviewWorkbook();
    wb.addSheet("Mine");
    let steps = 0;
    const r = await applyImportInSteps(wb, "big.csv", plan, imp.cells(plan), {
      rowsPerStep: 10,
      pause: async () => void steps++,
      cancelled: () => steps >= 2,
    });
    expect(r).toBeNull();
    expect(wb.sheetNames()).toEqual(["Mine"]);
    expect(wb.tables()).toEqual([]);
  });
});
