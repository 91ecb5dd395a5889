import { ErrorType } from "hyperformula";
import { ERROR_CODES, EXCEL_ERROR_TEXTS } from "../../src/core/errors";
import { engineErrorText, engineErrorType } from "../../src/workbook/preview/engineErrors";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { parseCell } from "../../src/workbook/a1";

describe("the preview's error texts: one table for the grid and the COMP functions", () => {
  test("each of the product's codes goes to the engine and back unchanged", () => {
    for (const code of ERROR_CODES) expect(engineErrorText(engineErrorType(code))).toBe(code);
  });

  test("every engine error shows as one of Excel's error texts (a cycle as #REF!)", () => {
    for (const type of Object.values(ErrorType)) expect(EXCEL_ERROR_TEXTS).toContain(engineErrorText(type));
    expect(engineErrorText(ErrorType.CYCLE)).toBe("#REF!");
  });

  test("a circular reference in the grid shows the same text a COMP function reading it is given", () => {
    const wb = new PreviewWorkbook();
    wb.addSheet("S");
    wb.setCell("S", parseCell("A1"), "=A1+1");
    wb.setCell("S", parseCell("B1"), "=COMP.QUOTA_ATTAINMENT(A1,2)");
    expect(wb.cell("S", parseCell("A1")).value).toMatchObject({ error: "#REF!" });
    expect(wb.cell("S", parseCell("B1")).value).toMatchObject({ error: "#REF!" });
  });

  test("a circular reference says what to fix (the engine gives no message), also a spill that reads its own cells", () => {
    const wb = new PreviewWorkbook();
    wb.addSheet("S");
    wb.setCell("S", parseCell("A1"), "=A1+1");
    wb.setCell("S", parseCell("C1"), "=C1:C4*2");
    for (const at of ["A1", "C1"])
      expect(wb.cell("S", parseCell(at)).value).toEqual({
        error: "#REF!",
        message:
          "This formula depends on its own value (a circular reference, directly or through the cells it reads); change it, or the cells it refers to, so that it does not.",
      });
    // An error the engine explains keeps the engine's message.
    wb.setCell("S", parseCell("E1"), "=1/0");
    expect(wb.cell("S", parseCell("E1")).value).toMatchObject({ error: "#DIV/0!" });
  });
});
