import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { readErroredSpillsAsErrors } from "../../src/workbook/preview/erroredSpillReads";
import { spillRangeFormulas } from "../../src/workbook/preview/spilledRangeFormulas";
import { plainHyperFormula, PREVIEW_CONFIG, referenceEngine } from "./plainEngine";
import type { HyperFormula } from "hyperformula";

/** A workbook with sheets S and T and a reader of S's values by A1 address. */
function setUp() {
  const wb = new PreviewWorkbook();
  wb.addSheet("S");
  wb.addSheet("T");
  const at = (address: string, sheet = "S") => {
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
    return wb.cell(sheet, { row: Number(digits) - 1, col: letters.charCodeAt(0) - 65 }).value;
  };
  return { wb, at };
}

const message = (v: unknown) => (v as { message: string }).message;

/** HyperFormula as shipped, with the preview's configuration and one sheet S. */
function shipped(): HyperFormula {
  const plain = plainHyperFormula().buildEmpty(PREVIEW_CONFIG);
  plain.addSheet("S");
  return plain;
}

describe("spills in the preview behave as in Excel", () => {
  test("a formula that is only a range spills the range's values and follows them", () => {
    const { wb, at } = setUp();
    wb.setBlock("S", { row: 0, col: 0 }, [[1], [2], [3], [4]]);
    wb.setCell("S", { row: 0, col: 1 }, "=A1:A4");
    wb.setCell("T", { row: 0, col: 0 }, "=S!A2:A3");
    expect([at("B1"), at("B2"), at("B3"), at("B4")]).toEqual([1, 2, 3, 4]);
    expect([at("A1", "T"), at("A2", "T")]).toEqual([2, 3]);
    wb.setCell("S", { row: 2, col: 0 }, 30);
    expect([at("B3"), at("A2", "T")]).toEqual([30, 30]);
    // A single cell stays a single cell; whole columns are left as the engine sizes them.
    wb.setCell("S", { row: 0, col: 2 }, "=A2");
    wb.setCell("S", { row: 0, col: 3 }, "=A:A");
    expect(at("C1")).toBe(2);
    expect(at("C2")).toBeNull();
    expect(at("D1")).toMatchObject({ error: "#VALUE!" });
    expect(at("D2")).toBeNull();
  });

  test("HyperFormula as shipped shows #VALUE! for a range formula (what the change is for)", () => {
    const plain = shipped();
    plain.setCellContents({ sheet: 0, row: 0, col: 0 }, [[1], [2], ["=A1:A2"]]);
    expect(plain.getCellValue({ sheet: 0, row: 2, col: 0 })).toMatchObject({ value: "#VALUE!" });
    expect(spillRangeFormulas(plain)).toBe(true);
    plain.setCellContents({ sheet: 0, row: 2, col: 0 }, "=A1:A2");
    expect(plain.getCellValue({ sheet: 0, row: 3, col: 0 })).toBe(2);
  });

  test("a formula reading an errored spill gets its error, naming the formula to fix, on its sheet or another", () => {
    const { wb, at } = setUp();
    // A1 reads its own spill: a circular reference. B1 and T!A1 read the spill's cells.
    wb.setCell("S", { row: 0, col: 0 }, "=A1:A4*2");
    wb.setCell("S", { row: 0, col: 1 }, "=A1:A4*2");
    wb.setCell("T", { row: 0, col: 0 }, "=S!A1:A4+1");
    wb.setCell("T", { row: 0, col: 1 }, "=SUM(S!A1:A4)");
    expect(at("A1")).toMatchObject({ error: "#REF!" });
    expect(at("B1")).toEqual({
      error: "#REF!",
      message:
        "This formula reads A1:A4, the result of the formula in A1, which is #REF! (a circular reference): fix the formula in A1 first.",
    });
    expect(message(at("A1", "T"))).toBe(
      "This formula reads 'S'!A1:A4, the result of the formula in 'S'!A1, which is #REF! (a circular reference): fix the formula in 'S'!A1 first.",
    );
    // A sum of the cells reads the circular value itself, as its message says.
    expect(message(at("B1", "T"))).toContain("through the cells it reads");
    // Fixed, every reader follows: 1..4 doubled in B, plus one on T, summed on T: 1+2+3+4 = 10.
    wb.setCell("S", { row: 0, col: 0 }, "=SEQUENCE(4)");
    expect([at("B1"), at("B4"), at("A1", "T"), at("A4", "T"), at("B1", "T")]).toEqual([2, 8, 2, 5, 10]);
  });

  test("HyperFormula as shipped stops evaluating on such a read (what the change is for)", () => {
    const plain = shipped();
    plain.setCellContents({ sheet: 0, row: 0, col: 0 }, "=A1:A4*2");
    expect(() => plain.setCellContents({ sheet: 0, row: 0, col: 1 }, "=A1:A4*2")).toThrow("Unknown array");
    const fixed = referenceEngine();
    fixed.addSheet("S");
    fixed.setCellContents({ sheet: 0, row: 0, col: 0 }, "=A1:A4*2");
    fixed.setCellContents({ sheet: 0, row: 0, col: 1 }, "=A1:A4*2");
    expect(fixed.getCellValue({ sheet: 0, row: 0, col: 1 })).toMatchObject({ value: "#REF!" });
  });

  test("a spill blocked by a cell spills again once the cell is cleared, and what reads it follows", () => {
    const { wb, at } = setUp();
    wb.setCell("S", { row: 0, col: 2 }, "=SEQUENCE(3)");
    wb.setCell("S", { row: 1, col: 2 }, "in the way");
    wb.setCell("S", { row: 0, col: 4 }, "=C1:C3*2");
    wb.setCell("S", { row: 0, col: 5 }, "=SUM(C1:C3)");
    expect(at("C1")).toMatchObject({ error: "#SPILL!" });
    expect(at("F1")).toMatchObject({ error: "#SPILL!" });
    // Cleared as Delete clears it, in a block that also writes a cell right of the spill.
    wb.setBlock("S", { row: 1, col: 2 }, [[null, 7]]);
    expect([at("C1"), at("C2"), at("C3")]).toEqual([1, 2, 3]);
    // 2 * 3 = 6; 1 + 2 + 3 = 6.
    expect([at("E3"), at("F1")]).toEqual([6, 6]);
    // Blocked again, then cleared inside a batch of writes (as typing and pasting write): spills
    // once the batch ends.
    wb.setCell("S", { row: 2, col: 2 }, "again");
    expect(at("C1")).toMatchObject({ error: "#SPILL!" });
    wb.batch(() => {
      wb.setCell("S", { row: 5, col: 0 }, "elsewhere");
      wb.setCell("S", { row: 2, col: 2 }, null);
    });
    expect([at("C3"), at("F1")]).toEqual([3, 6]);
    // Still blocked by another cell: #SPILL! as before.
    wb.setCell("S", { row: 2, col: 2 }, "x");
    wb.setCell("S", { row: 1, col: 3 }, null);
    expect(at("C1")).toMatchObject({ error: "#SPILL!" });
    expect(wb.cell("S", { row: 0, col: 2 }).formula).toBe("=SEQUENCE(3)");
  });

  test("two cells cleared apart in one batch free the spill between them; a spill out of reach is not entered again", () => {
    const { wb, at } = setUp();
    wb.setCell("S", { row: 1, col: 1 }, "=SEQUENCE(3)");
    wb.setCell("S", { row: 2, col: 1 }, "x");
    wb.setCell("S", { row: 0, col: 4 }, "=SEQUENCE(2)");
    wb.setCell("S", { row: 1, col: 4 }, "y");
    expect([at("B2"), at("E1")]).toEqual([{ error: "#SPILL!", message: expect.any(String) }, expect.anything()]);
    const entered = jest.spyOn(wb.engine, "setCellContents");
    wb.batch(() => {
      wb.setCell("S", { row: 0, col: 0 }, null);
      wb.setCell("S", { row: 2, col: 1 }, null);
    });
    expect([at("B2"), at("B3"), at("B4")]).toEqual([1, 2, 3]);
    // E1's area (E1:E2) holds neither A1 nor B3: it was not entered again, and is still blocked.
    const addresses = entered.mock.calls.map(([a]) => `${(a as { col: number }).col},${(a as { row: number }).row}`);
    expect(addresses).not.toContain("4,0");
    expect(addresses).toContain("1,1");
    expect(at("E1")).toMatchObject({ error: "#SPILL!" });
    entered.mockRestore();
  });

  test("HyperFormula as shipped leaves the spill blocked once the cell is cleared (what the change is for)", () => {
    const plain = shipped();
    plain.setCellContents({ sheet: 0, row: 0, col: 0 }, [["=SEQUENCE(3)"], ["in the way"]]);
    plain.setCellContents({ sheet: 0, row: 1, col: 0 }, null);
    expect(plain.getCellValue({ sheet: 0, row: 0, col: 0 })).toMatchObject({ value: "#SPILL!" });
  });

  test("an engine without the expected internals is left as it is", () => {
    expect(readErroredSpillsAsErrors({} as HyperFormula)).toBe(false);
    expect(spillRangeFormulas({} as HyperFormula)).toBe(false);
  });
});
