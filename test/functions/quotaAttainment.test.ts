import { quotaAttainment } from "../../src/functions/quotaAttainment";
import { BLANKS, col, errorOf } from "./helpers";

describe("COMP.QUOTA_ATTAINMENT", () => {
  test("scalar: 1,150,000 / 1,000,000 = 1.15", () => {
    expect(quotaAttainment(1150000, 1000000)).toEqual([[1.15]]);
  });
  test("ranges of the same shape work row by row and spill", () => {
    expect(quotaAttainment(col(90, 100, 130), col(100, 100, 100))).toEqual([[0.9], [1], [1.3]]);
  });
  test("a single quota broadcasts against a range of actuals", () => {
    expect(quotaAttainment(col(50, 75), [[100]])).toEqual([[0.5], [0.75]]);
  });
  test("exact decimals: 0.3 / 0.1 is 3, not 2.9999999999999996", () => {
    expect(quotaAttainment(0.3, 0.1)).toEqual([[3]]);
  });
  test("negative actual (clawbacks) gives negative attainment", () => {
    expect(quotaAttainment(-50, 100)).toEqual([[-0.5]]);
  });
  test("mismatched shapes: one #VALUE! naming both shapes", () => {
    const e = errorOf(quotaAttainment(col(1, 2, 3), col(1, 2)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("actual is 3x1 but quota is 2x1; give ranges of the same shape, or a single cell.");
  });
  test("a bad row gets its own error; the other rows still compute", () => {
    const out = quotaAttainment(col(50, "n/a", 80, 10), col(100, 100, 0, -5)) as unknown[][];
    expect(out[0][0]).toBe(0.5);
    expect(errorOf(out[1][0]).message).toBe('actual row 2 is the text "n/a"; enter a number.');
    expect(errorOf(out[2][0]).code).toBe("#DIV/0!");
    expect(errorOf(out[2][0]).message).toContain("quota row 3 is 0");
    expect(errorOf(out[3][0]).code).toBe("#NUM!");
    expect(errorOf(out[3][0]).message).toContain("quota row 4 is negative (-5)");
  });
  test.each(BLANKS)("blank (%p): both blank stays blank; blank quota or actual is #N/A", (blank) => {
    const out = quotaAttainment(col(blank, 10, blank), col(blank, blank, 10)) as unknown[][];
    expect(out[0][0]).toBe("");
    expect(errorOf(out[1][0]).code).toBe("#N/A");
    expect(errorOf(out[1][0]).message).toContain("quota row 2 is blank");
    expect(errorOf(out[2][0]).message).toContain("actual row 3 is blank");
  });
  test("booleans, NaN and infinities are refused", () => {
    expect(errorOf((quotaAttainment(true, 1) as unknown[][])[0][0]).message).toBe("actual is TRUE; enter a number.");
    expect(errorOf((quotaAttainment(NaN, 1) as unknown[][])[0][0]).code).toBe("#NUM!");
    expect(errorOf((quotaAttainment(1, Infinity) as unknown[][])[0][0]).code).toBe("#NUM!");
  });
  test("an error cell in the input passes through with its code", () => {
    const out = quotaAttainment(col({ code: "#N/A" }), col(1)) as unknown[][];
    expect(errorOf(out[0][0]).code).toBe("#N/A");
  });
  test("a 2-D range names row and column", () => {
    const out = quotaAttainment([[1, "x"]], [[1, 1]]) as unknown[][];
    expect(errorOf(out[0][1]).message).toBe('actual row 1, column 2 is the text "x"; enter a number.');
  });
  test("a result beyond Excel's number range is #NUM!, not Infinity", () => {
    const out = quotaAttainment(col(1, 1e308), col(1, 1e-10)) as unknown[][];
    expect(out[0][0]).toBe(1);
    expect(errorOf(out[1][0]).code).toBe("#NUM!");
    expect(errorOf(out[1][0]).message).toContain("result in row 2 is beyond Excel's number range");
  });
  test("ragged arrays are refused", () => {
    expect(errorOf(quotaAttainment([[1, 2], [3]], 1)).message).toBe("actual is not a rectangular range.");
  });
});
