import fc from "fast-check";
import { adjustRows } from "../../src/preview/components/rowShift";
import { GridEdits } from "../../src/preview/useWorkbook";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";

const value = (wb: PreviewWorkbook, sheet: string, row: number, col: number) => wb.cell(sheet, { row, col }).value;
const formula = (wb: PreviewWorkbook, sheet: string, row: number, col: number) => wb.cell(sheet, { row, col }).formula;

describe("adjustRows: references follow rows inserted or deleted, as in Excel", () => {
  test("worked examples: insert one row before row 3 (0-based 2)", () => {
    const ins = { sheet: "S", at: 2, count: 1 };
    // A3 and below move down one; A2 stays; $A$5 moves too (absolute references follow their cell).
    expect(adjustRows("=A2+A3+$A$5", "S", ins)).toBe("=A2+A4+$A$6");
    // A range across the insertion point grows: A1:A4 becomes A1:A5.
    expect(adjustRows("=SUM(A1:A4)", "S", ins)).toBe("=SUM(A1:A5)");
    // References to another sheet do not move; qualified ones to S do, quoted or not.
    expect(adjustRows("=T!A5+S!A5+'S'!A5", "S", ins)).toBe("=T!A5+S!A6+'S'!A6");
    expect(adjustRows("=A5", "T", ins)).toBe("=A5");
    // Strings and structured references are left alone.
    expect(adjustRows('="A5"&T1[@A5]', "S", ins)).toBe('="A5"&T1[@A5]');
  });

  test("worked examples: delete rows 3-4 (0-based 2, two rows)", () => {
    const del = { sheet: "S", at: 2, count: -2 };
    // A3 and A4 are gone: #REF!; A5 moves up two to A3.
    expect(adjustRows("=A3+A5", "S", del)).toBe("=#REF!+A3");
    // A1:A10 loses two rows: A1:A8. A3:A10 starts where the next row moved up: A3:A8.
    expect(adjustRows("=SUM(A1:A10)+SUM(A3:A10)", "S", del)).toBe("=SUM(A1:A8)+SUM(A3:A8)");
    // A range only over the deleted rows is lost.
    expect(adjustRows("=SUM(A3:A4)", "S", del)).toBe("=SUM(#REF!)");
  });

  test("a shift limited to a table's columns leaves other columns' references alone", () => {
    expect(adjustRows("=A5+C5", "S", { sheet: "S", at: 2, count: 1, cols: { first: 0, last: 1 } })).toBe("=A6+C5");
  });

  test("property: inserting n rows then deleting them gives the formula back", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 50 })), { minLength: 1 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (refs, at, n) => {
          const f = "=" + refs.map(([c, r]) => `${"ABCDEF"[c]}${r}`).join("+");
          const inserted = adjustRows(f, "S", { sheet: "S", at, count: n });
          expect(adjustRows(inserted, "S", { sheet: "S", at, count: -n })).toBe(f);
        },
      ),
    );
  });
});

/** Sheet S with a table Sales (A1:C4: Rep, Amount, Double = [@Amount]*2) and a total outside it. */
function tableSheet(): { wb: PreviewWorkbook; edits: GridEdits } {
  const wb = new PreviewWorkbook();
  wb.addSheet("S");
  wb.addSheet("Summary");
  wb.addTable({
    name: "Sales",
    sheet: "S",
    anchor: { row: 0, col: 0 },
    headers: ["Rep", "Amount", "Double"],
    rowCount: 3,
    numberFormats: {},
  });
  wb.setBlock("S", { row: 0, col: 0 }, [
    ["Rep", "Amount", "Double", null, "=SUM(Sales[Amount])"],
    ["Ann", 10, "=[@Amount]*2", null, "=B3"],
    ["Bob", 20, "=[@Amount]*2"],
    ["Cy", 30, "=[@Amount]*2"],
  ]);
  wb.setBlock("Summary", { row: 0, col: 0 }, [["=S!B4"]]);
  return { wb, edits: new GridEdits(wb) };
}

describe("GridEdits.changeRows: Insert and Delete rows", () => {
  test("insert a row inside a table: the table grows, its calculated column fills the row, references follow", () => {
    const { wb, edits } = tableSheet();
    expect(edits.changeRows("S", { row: 2, col: 1 }, 1)).toBeNull();
    expect(wb.tables()[0].rowCount).toBe(4);
    // Bob moved from row 3 to row 4; the new row 3 is empty but for the calculated column.
    expect(value(wb, "S", 2, 0)).toBeNull();
    expect(value(wb, "S", 3, 0)).toBe("Bob");
    expect(formula(wb, "S", 2, 2)).toBe("=[@Amount]*2");
    // Outside the table's columns nothing moved: E2 still refers to Bob's amount, now B4 (20).
    expect(formula(wb, "S", 1, 4)).toBe("=B4");
    expect(value(wb, "S", 1, 4)).toBe(20);
    // Summary!A1 followed Cy: S!B5 = 30. The total over the grown table: 10 + 20 + 30 = 60.
    expect(formula(wb, "Summary", 0, 0)).toBe("=S!B5");
    expect(value(wb, "Summary", 0, 0)).toBe(30);
    edits.type("S", { row: 2, col: 0 }, [["Dee", "5"]]);
    // 10 + 5 + 20 + 30 = 65; Dee's Double is 5 * 2 = 10.
    expect(value(wb, "S", 0, 4)).toBe(65);
    expect(value(wb, "S", 2, 2)).toBe(10);
  });

  test("delete a table row: the table shrinks, the rows below move up, a reference to the row becomes #REF!", () => {
    const { wb, edits } = tableSheet();
    expect(edits.changeRows("S", { row: 2, col: 0 }, -1)).toBeNull();
    expect(wb.tables()[0].rowCount).toBe(2);
    expect(value(wb, "S", 2, 0)).toBe("Cy");
    expect(value(wb, "S", 3, 0)).toBeNull();
    // 10 + 30 = 40
    expect(value(wb, "S", 0, 4)).toBe(40);
    expect(formula(wb, "S", 1, 4)).toBe("=#REF!");
    expect(formula(wb, "Summary", 0, 0)).toBe("=S!B3");
    expect(value(wb, "Summary", 0, 0)).toBe(30);
  });

  test("undo puts cells, references and the table's size back; redo does it again", () => {
    const { wb, edits } = tableSheet();
    edits.changeRows("S", { row: 1, col: 0 }, 1);
    edits.undo();
    expect(wb.tables()[0].rowCount).toBe(3);
    expect(value(wb, "S", 1, 0)).toBe("Ann");
    expect(formula(wb, "Summary", 0, 0)).toBe("=S!B4");
    expect(value(wb, "S", 0, 4)).toBe(60);
    expect(value(wb, "S", 4, 0)).toBeNull();
    edits.redo();
    expect(value(wb, "S", 2, 0)).toBe("Ann");
    expect(wb.tables()[0].rowCount).toBe(4);
  });

  test("outside any table whole rows move, with their number formats and bold", () => {
    const wb = new PreviewWorkbook();
    wb.addSheet("P");
    const edits = new GridEdits(wb);
    wb.setBlock("P", { row: 0, col: 0 }, [["Title"], [1, "=A2*3"], [2]]);
    wb.setBold("P", { row: 1, col: 0 }, true);
    wb.setNumberFormat("P", { row: 1, col: 1 }, "0.00");
    expect(edits.changeRows("P", { row: 1, col: 3 }, 1)).toBeNull();
    expect(value(wb, "P", 2, 0)).toBe(1);
    expect(wb.isBold("P", { row: 2, col: 0 })).toBe(true);
    expect(wb.isBold("P", { row: 1, col: 0 })).toBe(false);
    expect(wb.cell("P", { row: 2, col: 1 }).numberFormat).toBe("0.00");
    // The formula moved with its row and still reads its neighbour: 1 * 3 = 3.
    expect(formula(wb, "P", 2, 1)).toBe("=A3*3");
    expect(value(wb, "P", 2, 1)).toBe(3);
    expect(edits.changeRows("P", { row: 1, col: 0 }, -1)).toBeNull();
    expect(value(wb, "P", 1, 1)).toBe(3);
  });

  test("sheet rows inserted above a table move it with its formulas; references to it follow; undo puts it back", () => {
    const { wb, edits } = tableSheet();
    // F1 is outside the table: a whole sheet row goes in above the table's header.
    expect(edits.changeRows("S", { row: 0, col: 5 }, 1)).toBeNull();
    expect(wb.tables()[0]).toMatchObject({ anchor: { row: 1, col: 0 }, rowCount: 3 });
    expect(value(wb, "S", 1, 0)).toBe("Rep");
    expect(value(wb, "S", 2, 0)).toBe("Ann");
    expect(formula(wb, "S", 2, 2)).toBe("=[@Amount]*2");
    // Ann's Double: 10 x 2 = 20; the total over the moved table 10 + 20 + 30 = 60, from E2 now.
    expect(value(wb, "S", 2, 2)).toBe(20);
    expect(formula(wb, "S", 1, 4)).toBe("=SUM(Sales[Amount])");
    expect(value(wb, "S", 1, 4)).toBe(60);
    // E2 (now E3) read Bob's amount B3, which is now B4; Summary!A1 read Cy's B4, now B5.
    expect(formula(wb, "S", 2, 4)).toBe("=B4");
    expect(formula(wb, "Summary", 0, 0)).toBe("=S!B5");
    expect(value(wb, "Summary", 0, 0)).toBe(30);
    // The table reads its new cells: Bob 20 -> 25 gives 65 and a Double of 50.
    edits.type("S", { row: 3, col: 1 }, [["25"]]);
    expect(value(wb, "S", 1, 4)).toBe(65);
    expect(value(wb, "S", 3, 2)).toBe(50);
    edits.undo();
    edits.undo();
    expect(wb.tables()[0]).toMatchObject({ anchor: { row: 0, col: 0 }, rowCount: 3 });
    expect(value(wb, "S", 0, 0)).toBe("Rep");
    expect(value(wb, "S", 0, 4)).toBe(60);
    expect(formula(wb, "Summary", 0, 0)).toBe("=S!B4");
    expect(value(wb, "S", 3, 2)).toBe(60);
    edits.redo();
    expect(wb.tables()[0].anchor.row).toBe(1);
    expect(value(wb, "S", 1, 4)).toBe(60);
  });

  test("a table named without brackets (=ROWS(Sales), =SUM(Sales)) follows its table when it moves or grows", () => {
    const { wb, edits } = tableSheet();
    wb.setBlock("Summary", { row: 1, col: 0 }, [["=ROWS(Sales)"], ["=SUM(Sales)"], ["=ROWS(Sales2)"]]);
    // Sales2 is another name: only a whole name is the table (this one is an unknown name).
    const unknown = wb.cell("Summary", { row: 3, col: 0 }).value;
    // SUM(Sales): Amount 10 + 20 + 30 and Double 20 + 40 + 60 = 180 (Rep is text).
    expect([value(wb, "Summary", 1, 0), value(wb, "Summary", 2, 0)]).toEqual([3, 180]);
    edits.changeRows("S", { row: 0, col: 5 }, 1);
    expect([value(wb, "Summary", 1, 0), value(wb, "Summary", 2, 0)]).toEqual([3, 180]);
    edits.changeRows("S", { row: 3, col: 5 }, 1);
    expect([value(wb, "Summary", 1, 0), value(wb, "Summary", 2, 0)]).toEqual([4, 180]);
    expect(wb.cell("Summary", { row: 3, col: 0 }).value).toEqual(unknown);
  });

  test("a delete inside a table that runs below it takes only the table's rows from the table", () => {
    const { wb, edits } = tableSheet();
    // Cy's row (the last) and the blank row below it, from column A.
    expect(edits.changeRows("S", { row: 3, col: 0 }, -2)).toBeNull();
    expect(wb.tables()[0].rowCount).toBe(2);
    // Bob stays in the table: his Double 40, the total 10 + 20 = 30.
    expect(value(wb, "S", 2, 2)).toBe(40);
    expect(value(wb, "S", 0, 4)).toBe(30);
  });

  test("a table's blank rows below everything else on the sheet still shrink with a whole-row delete", () => {
    const wb = new PreviewWorkbook();
    wb.addSheet("T");
    wb.addTable({ name: "Q", sheet: "T", anchor: { row: 0, col: 0 }, headers: ["X"], rowCount: 4, numberFormats: {} });
    wb.setBlock("T", { row: 0, col: 0 }, [["X"], [1]]);
    const edits = new GridEdits(wb);
    expect(edits.changeRows("T", { row: 3, col: 2 }, -1)).toBeNull();
    expect(wb.tables()[0].rowCount).toBe(3);
    edits.undo();
    expect(wb.tables()[0].rowCount).toBe(4);
  });

  test("sheet rows inserted among a table's data rows grow it, its calculated column filling them", () => {
    const { wb, edits } = tableSheet();
    // F3 is beside Bob's row, outside the table's columns: the sheet row goes in, the table grows.
    expect(edits.changeRows("S", { row: 2, col: 5 }, 2)).toBeNull();
    expect(wb.tables()[0]).toMatchObject({ anchor: { row: 0, col: 0 }, rowCount: 5 });
    expect(value(wb, "S", 4, 0)).toBe("Bob");
    expect([formula(wb, "S", 2, 2), formula(wb, "S", 3, 2)]).toEqual(["=[@Amount]*2", "=[@Amount]*2"]);
    // E2 read Bob's B3, now B5.
    expect(formula(wb, "S", 1, 4)).toBe("=B5");
    edits.type("S", { row: 2, col: 0 }, [["Dee", "5"]]);
    // 10 + 5 + 20 + 30 = 65, Dee's Double 10.
    expect(value(wb, "S", 0, 4)).toBe(65);
    expect(value(wb, "S", 2, 2)).toBe(10);
  });

  test("sheet rows deleted above a table move it up; among its data rows it shrinks; its header or all its rows are refused", () => {
    const wb = new PreviewWorkbook();
    wb.addSheet("T");
    wb.addTable({ name: "Q", sheet: "T", anchor: { row: 2, col: 0 }, headers: ["X"], rowCount: 3, numberFormats: {} });
    wb.setBlock("T", { row: 0, col: 0 }, [["Title", null, "=SUM(Q[X])"], [null], ["X"], [1], [2], [3]]);
    const edits = new GridEdits(wb);
    // Row 2 (blank, C2 is outside the table) goes: the table's header moves from row 3 to row 2.
    expect(edits.changeRows("T", { row: 1, col: 2 }, -1)).toBeNull();
    expect(wb.tables()[0]).toMatchObject({ anchor: { row: 1, col: 0 }, rowCount: 3 });
    expect(value(wb, "T", 0, 2)).toBe(6);
    expect(edits.changeRows("T", { row: 1, col: 2 }, -2)).toBe(
      "Rows 2-3 include the header row of table Q; delete rows below its header, or the table's contents.",
    );
    expect(edits.changeRows("T", { row: 1, col: 2 }, -1)).toBe(
      "Row 2 includes the header row of table Q; delete rows below its header, or the table's contents.",
    );
    // Row 3 holds X = 1: deleted across the sheet, the table keeps 2 and 3 (5).
    expect(edits.changeRows("T", { row: 2, col: 2 }, -1)).toBeNull();
    expect(wb.tables()[0]).toMatchObject({ anchor: { row: 1, col: 0 }, rowCount: 2 });
    expect(value(wb, "T", 0, 2)).toBe(5);
    expect(edits.changeRows("T", { row: 2, col: 2 }, -2)).toMatch(/Table Q needs at least one data row/);
    expect(value(wb, "T", 0, 2)).toBe(5);
    edits.undo();
    edits.undo();
    expect(wb.tables()[0]).toMatchObject({ anchor: { row: 2, col: 0 }, rowCount: 3 });
    expect(value(wb, "T", 0, 2)).toBe(6);
  });

  test("refused: inside a table, a shift that would move another table below it, and deleting a table's only row", () => {
    const { wb, edits } = tableSheet();
    wb.addTable({
      name: "Below",
      sheet: "S",
      anchor: { row: 6, col: 1 },
      headers: ["Y"],
      rowCount: 1,
      numberFormats: {},
    });
    wb.setBlock("S", { row: 6, col: 1 }, [["Y"], [7]]);
    expect(edits.changeRows("S", { row: 1, col: 0 }, 1)).toBe(
      "Table Below is below, in the columns that would shift with the rows of table Sales. Insert or delete the rows from a cell outside any table, so that whole sheet rows move and the tables with them.",
    );
    expect(value(wb, "S", 1, 0)).toBe("Ann");
    wb.addSheet("One");
    wb.addTable({
      name: "Solo",
      sheet: "One",
      anchor: { row: 0, col: 0 },
      headers: ["X"],
      rowCount: 1,
      numberFormats: {},
    });
    wb.setBlock("One", { row: 0, col: 0 }, [["X"], [1]]);
    expect(edits.changeRows("One", { row: 1, col: 0 }, -1)).toMatch(/at least one data row/);
    expect(value(wb, "One", 1, 0)).toBe(1);
  });
});
