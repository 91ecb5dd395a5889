import { formatValue } from "../../src/preview/numberFormat";

describe("formatValue", () => {
  test.each([
    [1234567.891, "#,##0", "1,234,568"],
    [1234.5, "#,##0.00", "1,234.50"],
    [0.6543, "0.0%", "65.4%"],
    [1.5, "0%", "150%"],
    [-42000, "$#,##0", "-$42,000"],
    [3.14159, "0.00", "3.14"],
    // Optional places, as Excel: at least the 0s, at most the 0s and #s; the point stays.
    [13780, "#,##0.00##", "13,780.00"],
    [0.123456, "0.00##", "0.1235"],
    [2.5, "0.0#", "2.5"],
    [2.567, "0.0#", "2.57"],
    [1234.5, "#,##0.##", "1,234.5"],
    [5, "#,##0.##", "5."],
    [46023, "yyyy-mm-dd", "2026-01-01"],
    [61, "yyyy-mm-dd", "1900-03-01"],
    // A number no date can show reads ######## in Excel (before: "NaN-NaN-NaN" past year 275760).
    [-1, "yyyy-mm-dd", "########"],
    [1e12, "d-mmm-yy", "########"],
    [0.1 + 0.2, null, "0.3"],
    [73750, null, "73750"],
    [-0.0001, "0.00", "0.00"],
  ])("%p as %p is %p", (v, f, text) => expect(formatValue(v, f)).toBe(text));
  test("text, booleans and blanks", () => {
    expect(formatValue("Won", "#,##0")).toBe("Won");
    expect(formatValue(true, null)).toBe("TRUE");
    expect(formatValue(null, "0%")).toBe("");
  });
});
