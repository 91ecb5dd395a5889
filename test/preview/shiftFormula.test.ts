import fc from "fast-check";
import { shiftFormula } from "../../src/preview/shiftFormula";

describe("shiftFormula (Excel's fill: relative references move, anchored parts stay)", () => {
  test.each([
    // One row down: A1 -> A2, $A$1 stays, A$1 keeps its row, $A1 keeps its column.
    ["=A1*10", 1, 0, "=A2*10"],
    ["=$A$1+A1", 1, 0, "=$A$1+A2"],
    ["=A$1+$A1", 2, 1, "=B$1+$A3"],
    ["=SUM(B2:B9)", 3, 0, "=SUM(B5:B12)"],
    ["=Deals!G2+'My Sheet'!C3", 1, 0, "=Deals!G3+'My Sheet'!C4"],
    // Function names that look like cells (LOG10), text, and structured references are not references.
    ["=LOG10(A1)", 1, 0, "=LOG10(A2)"],
    ['=IF(A1="B2","C3",D4)', 1, 0, '=IF(A2="B2","C3",D5)'],
    ["=[@Quota]*B1", 1, 0, "=[@Quota]*B2"],
    ["=Reps[Quota]", 5, 0, "=Reps[Quota]"],
    // Moved off the top edge: #REF!, as Excel shows it.
    ["=A1", -1, 0, "=#REF!"],
  ])("%s moved by %i rows and %i columns is %s", (formula, rows, cols, expected) => {
    expect(shiftFormula(formula, rows, cols)).toBe(expected);
  });

  test("moving down and back up again gives the formula back (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 500 }),
        (col, row, down) => {
          const ref = `${String.fromCharCode(65 + col)}${row}`;
          const formula = `=${ref}*2+$A$1`;
          expect(shiftFormula(shiftFormula(formula, down, 0), -down, 0)).toBe(formula);
        },
      ),
    );
  });
});
