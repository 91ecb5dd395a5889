import ExcelJS from "exceljs";
import { readXlsx } from "../../../src/preview/import/readXlsx";

describe("formulas as Excel writes them", () => {
  test("shared formulas (a formula filled down) are read as each cell's own formula", async () => {
    const file = new ExcelJS.Workbook();
    const ws = file.addWorksheet("S");
    [1, 2, 3].forEach((v, i) => (ws.getCell(`A${i + 1}`).value = v));
    ws.fillFormula("B1:B3", "A1*2", [2, 4, 6]);
    const { workbook } = await readXlsx(new Uint8Array(await file.xlsx.writeBuffer()), "shared.xlsx");
    expect([0, 1, 2].map((r) => workbook.cell("S", { row: r, col: 1 }))).toEqual([
      { value: 2, formula: "=A1*2", numberFormat: null },
      { value: 4, formula: "=A2*2", numberFormat: null },
      { value: 6, formula: "=A3*2", numberFormat: null },
    ]);
  });
});
