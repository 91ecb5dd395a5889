import fc from "fast-check";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { plainEngine } from "./plainEngine";

/**
 * The preview's indexed SUMIFS/COUNTIFS family gives exactly what the engine's own functions give
 * (same criteria rules, same order of addition), and follows every change of the ranges.
 */

type Cell = string | number | boolean | null;
const ROWS = 40;

function preview(data: Cell[][]): PreviewWorkbook {
  const wb = new PreviewWorkbook();
  wb.addSheet("S");
  wb.setBlock("S", { row: 0, col: 0 }, data);
  return wb;
}

describe("indexed criteria functions in the preview engine", () => {
  test("the preview's engine uses the indexed functions", () => {
    preview([]);
    expect(
      jest.requireActual<typeof import("hyperformula")>("hyperformula").HyperFormula.getFunctionPlugin("SUMIFS")!.name,
    ).toBe("IndexedConditionalAggregationPlugin");
  });

  test("worked example: SUMIFS and COUNTIFS per territory, then a hand edit moves an account", () => {
    // Territory, potential: T1 has 10 + 30 = 40 over 2 accounts, T2 has 20.
    const wb = preview([
      ["T1", 10],
      ["T2", 20],
      ["t1", 30],
    ]);
    wb.setBlock("S", { row: 0, col: 3 }, [
      ["T1", "=SUMIFS($B$1:$B$3,$A$1:$A$3,D1)", "=COUNTIFS($A$1:$A$3,D1)"],
      ["T2", "=SUMIFS($B$1:$B$3,$A$1:$A$3,D2)", "=COUNTIFS($A$1:$A$3,D2)"],
    ]);
    const at = (row: number, col: number) => wb.cell("S", { row, col }).value;
    // Text criteria ignore case, as in Excel: "t1" counts for T1.
    expect([at(0, 4), at(0, 5), at(1, 4), at(1, 5)]).toEqual([40, 2, 20, 1]);
    wb.setCell("S", { row: 2, col: 0 }, "T2"); // the third account moves to T2: T1 10 / 1, T2 50 / 2
    expect([at(0, 4), at(0, 5), at(1, 4), at(1, 5)]).toEqual([10, 1, 50, 2]);
    wb.setCell("S", { row: 1, col: 1 }, 25); // its potential changes: T2 55
    expect(at(1, 4)).toBe(55);
  });

  const cell = fc.oneof(
    fc.constantFrom<Cell>("a", "A", "b", "ab", "a b", "3", "", null, true, false, "é", "E"),
    fc.integer({ min: -3, max: 5 }),
    fc.double({ min: -5, max: 5, noNaN: true }).map((x) => Math.round(x * 8) / 8),
  );
  const criterion = fc.constantFrom<Cell>(
    "a",
    "A",
    "b",
    "a*",
    "?",
    ">2",
    "<=1.5",
    "<>a",
    "<>",
    "=",
    "",
    "3",
    3,
    0,
    true,
    "TRUE",
    "e",
    ">=a",
    "~*",
    "=b",
  );

  test("property: every function and criterion gives what the engine's own functions give", () => {
    const formulas = (c1: string, c2: string) => [
      `=SUMIFS($B$1:$B$${ROWS},$A$1:$A$${ROWS},${c1})`,
      `=COUNTIFS($A$1:$A$${ROWS},${c1},$C$1:$C$${ROWS},${c2})`,
      `=SUMIF($A$1:$A$${ROWS},${c1},$B$1:$B$${ROWS})`,
      `=COUNTIF($C$1:$C$${ROWS},${c2})`,
      `=AVERAGEIF($A$1:$A$${ROWS},${c1},$B$1:$B$${ROWS})`,
      `=MAXIFS($B$1:$B$${ROWS},$A$1:$A$${ROWS},${c1},$C$1:$C$${ROWS},${c2})`,
      `=MINIFS($B$1:$B$${ROWS},$C$1:$C$${ROWS},${c2})`,
      `=SUMIFS($B$1:$B$${ROWS},$A$1:$A$${ROWS},${c1},$C$1:$C$${ROWS},${c2})`,
    ];
    const plain = plainEngine("SUMIFS", "ConditionalAggregationPlugin");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, fc.double({ min: -1e6, max: 1e6, noNaN: true }), cell), {
          minLength: ROWS,
          maxLength: ROWS,
        }),
        criterion,
        criterion,
        (rows, k1, k2) => {
          const data: Cell[][] = rows.map(([a, b, c]) => [a === "" ? null : a, b, c === "" ? null : c, null, null]);
          data[0][3] = k1;
          data[0][4] = k2;
          const wb = preview(data);
          // The preview stores a written "" as an empty cell (as Excel does); give the plain engine the same.
          plain.setSheetContent(
            0,
            data.map((r) => r.map((v) => (v === "" ? null : v))),
          );
          const fs = formulas("$D$1", "$E$1");
          wb.setBlock("S", { row: 0, col: 6 }, [fs]);
          plain.setCellContents({ sheet: 0, row: 0, col: 6 }, [fs]);
          fs.forEach((_, i) => {
            const mine = wb.engine.getCellValue({ sheet: 0, row: 0, col: 6 + i });
            const theirs = plain.getCellValue({ sheet: 0, row: 0, col: 6 + i });
            expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs));
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
