import { freezePanes } from "../../src/preview/components/freezePanes";
import { writeXlsx } from "../../src/preview/export/writeXlsx";
import { readXlsx } from "../../src/preview/import/readXlsx";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";

describe("View > Freeze Panes", () => {
  test("worked examples: at the active cell C4 the 3 rows above and 2 columns left freeze; top row; first column; none", () => {
    const wb = new PreviewWorkbook();
    wb.addSheet("S");
    expect(freezePanes(wb, "S", "panes", { row: 3, col: 2 })).toEqual({ rows: 3, columns: 2 });
    expect(wb.freeze("S")).toEqual({ rows: 3, columns: 2 });
    expect(freezePanes(wb, "S", "top-row", { row: 9, col: 9 })).toEqual({ rows: 1, columns: 0 });
    expect(freezePanes(wb, "S", "first-column", { row: 9, col: 9 })).toEqual({ rows: 0, columns: 1 });
    // At A1 there is nothing above or left of the active cell: nothing is frozen.
    expect(freezePanes(wb, "S", "panes", { row: 0, col: 0 })).toBeNull();
    freezePanes(wb, "S", "top-row", { row: 0, col: 0 });
    expect(freezePanes(wb, "S", "none", { row: 0, col: 0 })).toBeNull();
    expect(wb.freeze("S")).toBeNull();
  });

  test("frozen rows are kept per sheet through .xlsx: written by the export, read back on open", async () => {
    const wb = new PreviewWorkbook();
    wb.addSheet("Plan");
    wb.addSheet("Other");
    wb.setBlock("Plan", { row: 0, col: 0 }, [
      ["Rep", "Quota"],
      ["Ann", 100],
    ]);
    wb.setBlock("Other", { row: 0, col: 0 }, [["x"]]);
    freezePanes(wb, "Plan", "panes", { row: 2, col: 1 });
    const back = (await readXlsx(await writeXlsx(wb), "plan.xlsx")).workbook;
    expect(back.freeze("Plan")).toEqual({ rows: 2, columns: 1 });
    expect(back.freeze("Other")).toBeNull();
  });
});
