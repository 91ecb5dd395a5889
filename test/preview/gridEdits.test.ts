import { PreviewWorkbook, RANGE_NAME_PREFIX } from "../../src/workbook/preview/previewWorkbook";
import { GridEdits, parseEntry } from "../../src/preview/useWorkbook";

/** A fresh workbook with one sheet and the grid's edits over it. */
function setUp(): { wb: PreviewWorkbook; edits: GridEdits } {
  const wb = new PreviewWorkbook();
  wb.addSheet("S");
  return { wb, edits: new GridEdits(wb) };
}
const at = (wb: PreviewWorkbook, row: number, col: number) => wb.cell("S", { row, col });
/** A table T at A1 of sheet S. */
const tableT = (wb: PreviewWorkbook, headers: string[], rowCount: number) =>
  wb.addTable({ name: "T", sheet: "S", anchor: { row: 0, col: 0 }, headers, rowCount, numberFormats: {} });

describe("GridEdits: the one way the grid changes cells", () => {
  test("a pasted block of text is read as typed entries: numbers, percentages, booleans, formulas, text", () => {
    const { wb, edits } = setUp();
    const written = edits.pasteBlock("S", 0, 0, [
      ["Rep", "1,5", "65%"],
      ["R1", "12", "=B2*2"],
      ["TRUE", "", "x"],
    ]);
    expect(written).toEqual({ start: { row: 0, col: 0 }, end: { row: 2, col: 2 } });
    expect(at(wb, 0, 1).value).toBe("1,5");
    expect(at(wb, 0, 2).value).toBe(0.65);
    // 12 * 2 = 24
    expect(at(wb, 1, 2).value).toBe(24);
    expect(at(wb, 2, 0).value).toBe(true);
    expect(at(wb, 2, 1).value).toBeNull();
    expect(parseEntry("  ")).toBeNull();
  });

  test("a paste ending in a line break (as Excel copies) below a table grows it by the pasted rows only", () => {
    const { wb, edits } = setUp();
    tableT(wb, ["Rep", "Amount"], 1);
    wb.setBlock("S", { row: 0, col: 0 }, [
      ["Rep", "Amount", null, "=SUM(T[Amount])"],
      ["Ann", 10],
    ]);
    // "Bob\t20\nCy\t30\n" as the grid reads it: a last row with no cells after the final line break.
    const written = edits.pasteBlock("S", 2, 0, [["Bob", "20"], ["Cy", "30"], []]);
    expect(written).toEqual({ start: { row: 2, col: 0 }, end: { row: 3, col: 1 } });
    // The same text read as a last row of one empty cell.
    expect(edits.pasteBlock("S", 2, 0, [["Bob", "20"], ["Cy", "30"], [""]])).toEqual(written);
    // 10 + 20 + 30 = 60, and the table ends at row 4 (header, Ann, Bob, Cy): no blank row added.
    expect(at(wb, 0, 3).value).toBe(60);
    expect(wb.tables().find((t) => t.name === "T")?.rowCount).toBe(3);
  });

  test("undo restores the cells as written (formulas with structured references too) and redo writes them again", () => {
    const { wb, edits } = setUp();
    tableT(wb, ["Amount"], 2);
    wb.setBlock("S", { row: 0, col: 0 }, [["Amount"], [10], [20], ["=SUM(T[Amount])"]]);
    expect(at(wb, 3, 0).value).toBe(30);
    edits.clear("S", { start: { row: 1, col: 0 }, end: { row: 3, col: 0 } });
    expect(at(wb, 3, 0).value).toBeNull();
    expect(edits.undo()).toEqual({ sheet: "S", range: { start: { row: 1, col: 0 }, end: { row: 3, col: 0 } } });
    expect(at(wb, 3, 0)).toMatchObject({ value: 30, formula: "=SUM(T[Amount])" });
    edits.redo();
    expect(at(wb, 1, 0).value).toBeNull();
    expect(edits.redo()).toBeNull();
    edits.undo();
    // A new edit after an undo drops what could have been redone.
    edits.write("S", { row: 1, col: 0 }, [[5]]);
    expect(edits.redo()).toBeNull();
    // 5 + 20 = 25
    expect(at(wb, 3, 0).value).toBe(25);
  });

  test("fill down copies the top row into the rows below, moving relative references", () => {
    const { wb, edits } = setUp();
    wb.setBlock("S", { row: 0, col: 0 }, [
      [1, "=A1*10", "label"],
      [2, null, null],
      [3, null, null],
    ]);
    edits.fillDown("S", { start: { row: 0, col: 1 }, end: { row: 2, col: 2 } });
    expect(at(wb, 2, 1)).toMatchObject({ value: 30, formula: "=A3*10" });
    expect(at(wb, 2, 2).value).toBe("label");
    // One row selected: the row above is copied into it; on the first row there is nothing above.
    edits.fillDown("S", { start: { row: 3, col: 1 }, end: { row: 3, col: 1 } });
    expect(at(wb, 3, 1).formula).toBe("=A4*10");
    edits.fillDown("S", { start: { row: 0, col: 0 }, end: { row: 0, col: 0 } });
    expect(at(wb, 0, 0).value).toBe(1);
  });

  test("a column dragged to 133 px is stored as 100 points", () => {
    const { wb, edits } = setUp();
    edits.resizeColumn("S", 1, 133);
    expect(wb.columnWidths("S")).toEqual({ B: 100 });
  });

  test("a paste of 100,000 rows is one write, undone in one step", () => {
    const { wb, edits } = setUp();
    const rows = Array.from({ length: 100_000 }, (_, i) => [`A${i}`, String(i)]);
    const started = Date.now();
    edits.pasteBlock("S", 0, 0, rows);
    expect(at(wb, 99_999, 1).value).toBe(99_999);
    edits.undo();
    expect(at(wb, 99_999, 1).value).toBeNull();
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  describe("an edit the engine fails on is not done, and says so", () => {
    /** The workbook as a user sees it: every cell's content, the tables and which cells are bold. */
    const state = (wb: PreviewWorkbook) =>
      JSON.stringify([
        [0, 1, 2, 3, 4].map((row) => [0, 1, 2].map((col) => wb.cell("S", { row, col }))),
        wb.tables().map((t) => [t.name, t.anchor, t.rowCount, t.headers]),
        [0, 1, 2, 3, 4].map((row) => [0, 1, 2].map((col) => wb.isBold("S", { row, col }))),
      ]);
    /**
     * Makes the engine fail on the `nth` block written from now (after writing it), as a formula
     * it cannot evaluate made it fail.
     */
    const failWrite = (wb: PreviewWorkbook, nth = 1) => {
      const write = wb.setBlock.bind(wb);
      let calls = 0;
      const spy = jest.spyOn(wb, "setBlock").mockImplementation((...args: Parameters<PreviewWorkbook["setBlock"]>) => {
        write(...args);
        if (++calls === nth) {
          spy.mockRestore();
          throw new Error("Unknown array");
        }
      });
    };
    const failNextWrite = (wb: PreviewWorkbook) => failWrite(wb, 1);

    // The typed row makes 4 writes: the table's 2 formulas set again as it grows, the typed
    // cell, the calculated column's formula filled into the new row.
    test.each([1, 3, 4])(
      "a typed row below a table with a calculated column, failing on write %i: cells, table and undo as before",
      (nth) => {
        const { wb, edits } = setUp();
        tableT(wb, ["Amount", "Double"], 2);
        wb.setBlock("S", { row: 0, col: 0 }, [
          ["Amount", "Double"],
          [1, "=[@Amount]*2"],
          [2, "=[@Amount]*2"],
          [null, "kept"],
        ]);
        edits.write("S", { row: 0, col: 2 }, [["earlier edit"]]);
        const before = state(wb);
        const said: string[] = [];
        edits.onRefusal((m) => m && said.push(m));
        failWrite(wb, nth);
        // Row 4 continues the table: it would grow to 3 rows and fill Double's formula over "kept".
        const range = edits.type("S", { row: 3, col: 0 }, [["3"]]);
        expect(range).toEqual({ start: { row: 3, col: 0 }, end: { row: 3, col: 0 } });
        expect(state(wb)).toBe(before);
        expect(at(wb, 3, 1).value).toBe("kept");
        expect(said).toEqual([
          "The preview could not calculate this edit (Unknown array), so the cells are as they were. Check the formula you entered, or enter it in another cell.",
        ]);
        // The failed edit is not on the undo stack: undo takes back the edit before it.
        expect(edits.undo()?.range.start).toEqual({ row: 0, col: 2 });
        // The same entry, the engine working, is done: 3 * 2 = 6 in the filled calculated column.
        edits.type("S", { row: 3, col: 0 }, [["3"]]);
        expect(at(wb, 3, 1)).toMatchObject({ value: 6 });
        expect(wb.tables()[0].rowCount).toBe(3);
      },
    );

    test("a clear (and so Delete, fill down, the formula bar) puts the cells back", () => {
      const { wb, edits } = setUp();
      wb.setBlock("S", { row: 0, col: 0 }, [[1, "=A1+1"]]);
      const before = state(wb);
      const said: string[] = [];
      const stop = edits.onRefusal((m) => m && said.push(m));
      failNextWrite(wb);
      edits.clear("S", { start: { row: 0, col: 0 }, end: { row: 0, col: 1 } });
      expect(state(wb)).toBe(before);
      expect(at(wb, 0, 1).value).toBe(2);
      expect(said).toHaveLength(1);
      expect(edits.undo()).toBeNull();
      stop();
      failNextWrite(wb);
      edits.clear("S", { start: { row: 0, col: 0 }, end: { row: 0, col: 0 } });
      expect(said).toHaveLength(1);
    });

    test("a failed paste over a spill's cells puts the spill back, not its values as constants", () => {
      const { wb, edits } = setUp();
      wb.setCell("S", { row: 0, col: 0 }, "=SEQUENCE(3)");
      failNextWrite(wb);
      edits.pasteBlock("S", 1, 0, [["7"], ["8"]]);
      expect([0, 1, 2].map((row) => at(wb, row, 0).value)).toEqual([1, 2, 3]);
      expect(wb.holdsSpilledValue("S", { row: 1, col: 0 })).toBe(true);
      // A paste that is done, then undone, gives the spill back the same way.
      edits.pasteBlock("S", 1, 0, [["7"], ["8"]]);
      expect(at(wb, 0, 0).value).toMatchObject({ error: "#SPILL!" });
      edits.undo();
      expect([0, 1, 2].map((row) => at(wb, row, 0).value)).toEqual([1, 2, 3]);
    });

    test("a failed write releases the hidden names of the formula it replaced, as one that is done does", () => {
      const { wb, edits } = setUp();
      tableT(wb, ["Amount"], 2);
      wb.setBlock("S", { row: 0, col: 0 }, [["Amount"], [10], [20]]);
      const hidden = () => wb.engine.listNamedExpressions().filter((n) => n.startsWith(RANGE_NAME_PREFIX)).length;
      edits.write("S", { row: 0, col: 2 }, [["=SUM(T[Amount])"]]);
      expect(hidden()).toBe(1);
      // The engine itself fails, after writing, as on a formula it cannot evaluate.
      const engineWrite = wb.engine.setCellContents.bind(wb.engine);
      const spy = jest.spyOn(wb.engine, "setCellContents").mockImplementationOnce((...args) => {
        engineWrite(...args);
        throw new Error("Unknown array");
      });
      edits.write("S", { row: 0, col: 2 }, [[5]]);
      spy.mockRestore();
      expect(at(wb, 0, 2)).toMatchObject({ value: 30, formula: "=SUM(T[Amount])" });
      expect(hidden()).toBe(1);
      edits.clear("S", { start: { row: 0, col: 2 }, end: { row: 0, col: 2 } });
      expect(hidden()).toBe(0);
    });

    test("an undo the engine fails on leaves the cells as they were and stays undoable; the next edit done clears the message", () => {
      const { wb, edits } = setUp();
      const said: (string | null)[] = [];
      edits.onRefusal((m) => said.push(m));
      edits.write("S", { row: 0, col: 0 }, [[1, "=A1*2"]]);
      edits.write("S", { row: 0, col: 0 }, [[4]]);
      failNextWrite(wb);
      expect(edits.undo()).toBeNull();
      // 4 * 2 = 8: as before the undo.
      expect([at(wb, 0, 0).value, at(wb, 0, 1).value]).toEqual([4, 8]);
      expect(said.slice(-1)[0]).toMatch(/^The preview could not calculate this edit/);
      expect(edits.undo()?.range.start).toEqual({ row: 0, col: 0 });
      expect(at(wb, 0, 1).value).toBe(2);
      expect(said.slice(-1)[0]).toBeNull();
    });

    test("typing =A1:A4*2 beside the same circular formula in A1 is done, with a message in the cell", () => {
      const { wb, edits } = setUp();
      const said: string[] = [];
      edits.onRefusal((m) => m && said.push(m));
      edits.type("S", { row: 0, col: 0 }, [["=A1:A4*2"]]);
      edits.type("S", { row: 4, col: 0 }, [["=A1:A4*2"]]);
      expect(said).toEqual([]);
      expect(at(wb, 4, 0)).toMatchObject({ formula: "=A1:A4*2", value: { error: "#REF!" } });
      expect(edits.undo()?.range.start).toEqual({ row: 4, col: 0 });
    });
  });
});
