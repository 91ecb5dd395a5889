import { CalcError } from "../../src/core/errors";
import { toExcelError, toExcelMatrix, toExcelValue } from "../../src/functions/excelBoundary";

describe("the Excel boundary turns CalcErrors into CustomFunctions.Error values", () => {
  test("#VALUE! and #N/A carry their message (Excel shows it on the cell's error flag)", () => {
    const e = toExcelError(new CalcError("#VALUE!", 'quota row 2 is the text "x"; enter a number.'));
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    expect(e.code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect(e.message).toBe('quota row 2 is the text "x"; enter a number.');
    expect(toExcelError(new CalcError("#N/A", "m")).code).toBe(CustomFunctions.ErrorCode.notAvailable);
  });
  test("#DIV/0! and #NUM! go without a message, which Excel does not allow for them", () => {
    const d = toExcelError(new CalcError("#DIV/0!", "m"));
    expect(d.code).toBe(CustomFunctions.ErrorCode.divisionByZero);
    expect(d.message).toBeUndefined();
    expect(toExcelError(new CalcError("#NUM!", "m")).code).toBe(CustomFunctions.ErrorCode.invalidNumber);
  });
  test("values pass through; matrices map cell by cell; a whole-call error becomes 1x1", () => {
    expect(toExcelValue(1.5)).toBe(1.5);
    expect(
      toExcelMatrix([
        [1, ""],
        [new CalcError("#NUM!", "m"), 2],
      ])[1][0],
    ).toBeInstanceOf(CustomFunctions.Error);
    const one = toExcelMatrix(new CalcError("#VALUE!", "bad"));
    expect(one).toHaveLength(1);
    expect(one[0]).toHaveLength(1);
  });
});
