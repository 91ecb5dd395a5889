import { clipboardRows, entry, writeTexts } from "../../../src/preview/tables/writeCells";
import { PreviewWorkbook } from "../../../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../../../src/workbook/previewHost";

/** Sheet "S": table T at A1 (Rep, Amount, Double = [@Amount]*2) with two rows, and =SUM(T[Amount]) in F1. */
function workbook(): PreviewWorkbook {
  const wb = new PreviewWorkbook();
  wb.addSheet("S");
  writeSpec(wb, {
    name: "S",
    tables: [
      {
        name: "T",
        anchor: "A1",
        headers: ["Rep", "Amount", "Double"],
        rows: [
          ["'Ann", 10, { formula: "=[@Amount]*2" }],
          ["'Bob", 20, { formula: "=[@Amount]*2" }],
        ],
      },
    ],
  });
  wb.setCell("S", { row: 0, col: 5 }, "=SUM(T[Amount])");
  return wb;
}
const table = (wb: PreviewWorkbook) => wb.tables().find((t) => t.name === "T")!;
const v = (wb: PreviewWorkbook, row: number, col: number) => wb.cell("S", { row, col }).value;

describe("typed and pasted text, read as Excel reads it", () => {
  test("numbers, currencies, parentheses, percentages, dates, booleans, formulas, text", () => {
    expect(entry("1,234")).toEqual({ content: 1234, format: "#,##0" });
    expect(entry("$1,200.50")).toEqual({ content: 1200.5, format: "$#,##0.00" });
    expect(entry("(300)")).toEqual({ content: -300, format: null });
    expect(entry("12%")).toEqual({ content: 0.12, format: "0%" });
    // 2019-03-01 is serial 43525; 3/4/2019 is 4 March in en-US (43528).
    expect(entry("2019-03-01")).toEqual({ content: 43525, format: "yyyy-mm-dd" });
    expect(entry("3/4/2019")).toEqual({ content: 43528, format: "yyyy-mm-dd" });
    expect(entry("true")).toEqual({ content: true, format: null });
    expect(entry("=SUM(A1:A2)")).toEqual({ content: "=SUM(A1:A2)", format: null });
    expect(entry("Acme")).toEqual({ content: "'Acme", format: null });
    expect(entry("")).toEqual({ content: null, format: null });
  });
  test("clipboard rows: tabs, a final line break, quoted line breaks", () => {
    expect(clipboardRows("a\tb\r\nc\td\r\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(clipboardRows('"two\nlines"\tx\n')).toEqual([["two\nlines", "x"]]);
  });
});

describe("tables grow as in Excel", () => {
  test("a paste longer than the body extends the table; formulas over it see every row; nothing is dropped", async () => {
    const wb = workbook();
    const grown = writeTexts(wb, "S", { row: 1, col: 0 }, [
      ["Ann", "10"],
      ["Bob", "20"],
      ["Cy", "$1,000"],
      ["Di", "(5)"],
    ]);
    expect(grown).toEqual([{ table: "T", addedRows: 2, addedColumns: 0 }]);
    expect(table(wb).rowCount).toBe(4);
    // 10 + 20 + 1000 - 5 = 1025.
    expect(v(wb, 0, 5)).toBe(1025);
    // The calculated column fills the new rows: 1000*2 and -5*2.
    expect([v(wb, 3, 2), v(wb, 4, 2)]).toEqual([2000, -10]);
    expect((await new PreviewHost(wb).readTable("T")).rows).toEqual([
      ["Ann", 10, 20],
      ["Bob", 20, 40],
      ["Cy", 1000, 2000],
      ["Di", -5, -10],
    ]);
    expect(wb.cell("S", { row: 3, col: 1 }).numberFormat).toBe("$#,##0");
  });
  test("typing in the row directly below extends the table by one row; two rows below does not", () => {
    const wb = workbook();
    writeTexts(wb, "S", { row: 3, col: 1 }, [["5"]]);
    expect(table(wb).rowCount).toBe(3);
    expect(v(wb, 0, 5)).toBe(35);
    expect(v(wb, 3, 2)).toBe(10);
    writeTexts(wb, "S", { row: 5, col: 1 }, [["7"]]);
    expect(table(wb).rowCount).toBe(3);
    expect(v(wb, 0, 5)).toBe(35);
  });
  test("typing a header right of the table adds a column; a paste there without a header names it ColumnN", () => {
    const wb = workbook();
    writeTexts(wb, "S", { row: 0, col: 3 }, [["Region"]]);
    expect(table(wb).headers).toEqual(["Rep", "Amount", "Double", "Region"]);
    writeTexts(wb, "S", { row: 1, col: 4 }, [["x"], ["y"]]);
    expect(table(wb).headers).toEqual(["Rep", "Amount", "Double", "Region", "Column5"]);
    expect(wb.cell("S", { row: 0, col: 4 }).value).toBe("Column5");
    wb.setCell("S", { row: 0, col: 6 }, "=COUNTA(T[Column5])");
    expect(v(wb, 0, 6)).toBe(2);
  });
});
