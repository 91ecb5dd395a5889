import fc from "fast-check";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { plainEngine } from "./plainEngine";

/**
 * The preview's indexed SUMPRODUCT gives exactly what the engine's own gives (same comparison
 * rules, same coercions, same order of addition, same errors), and follows every change of the
 * ranges it read.
 */

type Cell = string | number | boolean | null;
const ROWS = 40;
const R = (col: string) => `$${col}$1:$${col}$${ROWS}`;

function preview(data: Cell[][]): PreviewWorkbook {
  const wb = new PreviewWorkbook();
  wb.addSheet("S");
  wb.setBlock("S", { row: 0, col: 0 }, data);
  return wb;
}

describe("indexed SUMPRODUCT in the preview engine", () => {
  test("the preview's engine uses it", () => {
    preview([]);
    expect(
      jest.requireActual<typeof import("hyperformula")>("hyperformula").HyperFormula.getFunctionPlugin("SUMPRODUCT")!
        .name,
    ).toBe("IndexedSumproductPlugin");
  });

  test("worked example: accounts and potential per territory, then a hand edit moves an account", () => {
    // Territory, potential, moved: T1 has 10 + 30 = 40 over 2 accounts (one moved), T2 has 20.
    const wb = preview([
      ["T1", 10, "Yes"],
      ["T2", 20, "No"],
      ["t1", 30, "No"],
    ]);
    wb.setBlock("S", { row: 0, col: 4 }, [
      [
        "T1",
        "=SUMPRODUCT(--($A$1:$A$3=E1))",
        "=SUMPRODUCT(($A$1:$A$3=E1)*1,$B$1:$B$3)",
        '=SUMPRODUCT(($A$1:$A$3=E1)*($C$1:$C$3="Yes"))',
      ],
      [
        "T2",
        "=SUMPRODUCT(--($A$1:$A$3=E2))",
        "=SUMPRODUCT(($A$1:$A$3=E2)*1,$B$1:$B$3)",
        '=SUMPRODUCT(($A$1:$A$3=E2)*($C$1:$C$3="Yes"))',
      ],
    ]);
    const at = (row: number, col: number) => wb.cell("S", { row, col }).value;
    // = ignores case, as in Excel: "t1" counts for T1.
    expect([at(0, 5), at(0, 6), at(0, 7), at(1, 5), at(1, 6), at(1, 7)]).toEqual([2, 40, 1, 1, 20, 0]);
    wb.setCell("S", { row: 2, col: 0 }, "T2"); // the third account moves: T1 10 / 1, T2 50 / 2
    expect([at(0, 5), at(0, 6), at(1, 5), at(1, 6)]).toEqual([1, 10, 2, 50]);
    wb.setCell("S", { row: 1, col: 1 }, 25); // its potential changes: T2 55
    expect(at(1, 6)).toBe(55);
    wb.setCell("S", { row: 0, col: 1 }, "=1/0"); // an error in the range is the engine's error, as before
    expect(at(0, 6)).toMatchObject({ error: "#DIV/0!" });
  });

  const cell = fc.oneof(
    fc.constantFrom<Cell>(
      "a",
      "A",
      "b",
      "ab",
      " a",
      "a  b ",
      "a b",
      "3",
      "00123",
      "=1+1",
      "",
      null,
      true,
      false,
      "é",
      "E",
      "TRUE",
    ),
    fc.integer({ min: -3, max: 5 }),
    fc.double({ min: -5, max: 5, noNaN: true }).map((x) => Math.round(x * 8) / 8),
  );
  const value = fc.oneof(cell, fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant<Cell>("=1/0"));
  const textCell = fc.constantFrom<Cell>("a", "A", "b", " a", "a  b ", "a b", "x1", null, "é", "E");
  const key = fc.constantFrom<Cell>("a", "A", "b", "", "3", 3, 0, true, "TRUE", "e", "00123", null, " a ", "a b");

  test("worked example, the KPI shape: TRIM on both sides, a date window, a filter of two stages", () => {
    // Owner, closed (serial), amount, stage. " R1 " trims to "R1"; only rows 1 and 2 fall in [10, 20).
    const wb = preview([
      [" R1 ", 10, 100, "Won"],
      ["R1", 15, 50, "Lost"],
      ["r1", 25, 70, "Won"],
      ["R2", 12, 40, "Won"],
    ]);
    wb.setBlock("S", { row: 0, col: 5 }, [
      [
        "R1",
        "=SUMPRODUCT((TRIM($A$1:$A$4)=TRIM(F1))*($B$1:$B$4>=10)*($B$1:$B$4<20),$C$1:$C$4)",
        '=SUMPRODUCT((TRIM($A$1:$A$4)=TRIM(F1))*((TRIM($D$1:$D$4)="Won")+(TRIM($D$1:$D$4)="Lost")>0))',
      ],
    ]);
    const at = (col: number) => wb.cell("S", { row: 0, col }).value;
    expect([at(6), at(7)]).toEqual([150, 3]);
    wb.setCell("S", { row: 0, col: 0 }, "R2"); // the first deal changes owner: 50 and 2 are left
    expect([at(6), at(7)]).toEqual([50, 2]);
  });

  test("property: every supported shape, and the shapes it leaves to the engine, give the engine's own result", () => {
    const formulas = [
      `=SUMPRODUCT(--(${R("A")}=$E$1))`,
      `=SUMPRODUCT((${R("A")}=$E$1)*1,${R("B")})`,
      `=SUMPRODUCT((${R("A")}=$E$1)*(${R("C")}=$F$1))`,
      `=SUMPRODUCT(-(${R("A")}=$E$1)*2,${R("B")},${R("D")})`,
      `=SUMPRODUCT(($E$1=${R("A")})*(${R("D")}>=1),${R("B")})`,
      `=SUMPRODUCT((${R("A")}=$E$1)*(${R("C")}<>"a"))`,
      `=SUMPRODUCT((${R("A")}=$E$1)*${R("B")})`,
      `=SUMPRODUCT(${R("A")}=$E$1)`,
      `=SUMPRODUCT((${R("A")}>$E$1)*1)`,
      `=SUMPRODUCT((${R("A")}=$E$1)*1,$B$1:$B$${ROWS - 1})`,
      // The KPI sheets' shape: TRIM on both sides, a date window, a filter of several values.
      `=SUMPRODUCT((TRIM(${R("A")})=TRIM($E$1))*(${R("D")}>=0)*(${R("D")}<3),${R("B")})`,
      `=SUMPRODUCT((TRIM(${R("A")})=TRIM($E$1))*((TRIM(${R("C")})="a")+(TRIM(${R("C")})="b")>0))`,
      `=SUMPRODUCT(--(TRIM(${R("C")})=$F$1))`,
    ];
    const plain = plainEngine("SUMPRODUCT", "SumprodPlugin");
    fc.assert(
      fc.property(
        // Half the cases hold text-only ids and stages, as CRM exports do: the TRIM shapes are indexed then.
        fc
          .boolean()
          .chain((textOnly) =>
            fc.array(
              fc.tuple(textOnly ? textCell : cell, value, textOnly ? textCell : cell, fc.integer({ min: -2, max: 3 })),
              { minLength: ROWS, maxLength: ROWS },
            ),
          ),
        key,
        key,
        fc.integer({ min: 0, max: ROWS - 1 }),
        cell,
        (rows, k1, k2, editRow, edit) => {
          const data: Cell[][] = rows.map(([a, b, c, d]) => [
            a === "" ? null : a,
            b,
            c === "" ? null : c,
            d,
            null,
            null,
          ]);
          data[0][4] = k1;
          data[0][5] = k2;
          const wb = preview(data);
          // The preview stores a written "" as an empty cell (as Excel does); give the plain engine the same.
          plain.setSheetContent(
            0,
            data.map((r) => r.map((v) => (v === "" ? null : v))),
          );
          wb.setBlock("S", { row: 0, col: 7 }, [formulas]);
          plain.setCellContents({ sheet: 0, row: 0, col: 7 }, [formulas]);
          const same = () =>
            formulas.forEach((f, i) => {
              const mine = wb.engine.getCellValue({ sheet: 0, row: 0, col: 7 + i });
              const theirs = plain.getCellValue({ sheet: 0, row: 0, col: 7 + i });
              expect(`${f}: ${JSON.stringify(mine)}`).toBe(`${f}: ${JSON.stringify(theirs)}`);
            });
          same();
          // A hand edit of the compared column: the index follows it.
          const edited = edit === "" ? null : edit;
          wb.engine.setCellContents({ sheet: 0, row: editRow, col: 0 }, [[edited]]);
          plain.setCellContents({ sheet: 0, row: editRow, col: 0 }, [[edited]]);
          same();
        },
      ),
      { numRuns: 80 },
    );
  });
});
