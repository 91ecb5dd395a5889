import fc from "fast-check";
import { cacPayback, funnel, leadGrowth, ltv, ltvToCac } from "../../src/functions/unitEconomics";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { parseCell } from "../../src/workbook/a1";
import { BLANKS, col, errorOf } from "./helpers";

/** The only cell of a 1x1 result. */
const one = (m: unknown) => (m as unknown[][])[0][0];

describe("COMP.CAC_PAYBACK", () => {
  test("6,000 / (500 x 0.8) = 15 months; without a margin 6,000 / 500 = 12", () => {
    expect(cacPayback(6000, 500, 0.8)).toEqual([[15]]);
    expect(cacPayback(6000, 500)).toEqual([[12]]);
  });
  test("ranges spill; a single margin applies to every row; a blank row stays blank", () => {
    // 3,000 / (250 x 0.6) = 20; 900 / (100 x 0.6) = 15
    expect(cacPayback(col(3000, 900, null), col(250, 100, null), 0.6)).toEqual([[20], [15], [""]]);
  });
  test.each(BLANKS)("a blank (%p) margin means 1", (b) => {
    expect(cacPayback(col(1000, 1000), col(100, 100), col(0.5, b))).toEqual([[20], [10]]);
  });
  test("exact decimals: 0.3 / (0.1 x 1) = 3", () => {
    expect(one(cacPayback(0.3, 0.1))).toBe(3);
  });
  test("zero revenue or margin: #DIV/0! naming it; negative cac, margin above 1: #NUM!", () => {
    expect(errorOf(one(cacPayback(100, 0))).message).toBe("monthly_revenue is 0; it cannot be divided by.");
    expect(errorOf(one(cacPayback(100, 10, 0))).code).toBe("#DIV/0!");
    expect(errorOf(one(cacPayback(-5, 10))).message).toBe("cac is negative (-5); it must be 0 or more.");
    const over = (cacPayback(col(1, 1), col(1, 1), col(0.5, 1.2)) as unknown[][])[1][0];
    expect(errorOf(over).message).toBe("gross_margin row 2 is 1.2; it must be from 0 to 1 (0.25 = 25%).");
    expect(errorOf(over).code).toBe("#NUM!");
  });
  test("a blank required argument is #N/A; text is #VALUE! with the row", () => {
    expect(errorOf(one(cacPayback(100, null))).code).toBe("#N/A");
    expect(errorOf((cacPayback(col(1, "x"), 5) as unknown[][])[1][0]).message).toBe(
      'cac row 2 is the text "x"; enter a number.',
    );
  });
});

describe("COMP.LTV and COMP.LTV_TO_CAC", () => {
  test("LTV: 500 x 0.8 / 0.02 = 20,000; without a margin 500 / 0.02 = 25,000", () => {
    expect(ltv(500, 0.02, 0.8)).toEqual([[20000]]);
    expect(ltv(500, 0.02)).toEqual([[25000]]);
  });
  test("LTV/CAC: 20,000 / 5,000 = 4; 25,000 / 10,000 = 2.5", () => {
    expect(ltvToCac(500, 0.02, 5000, 0.8)).toEqual([[4]]);
    expect(ltvToCac(col(500, 500), 0.02, col(5000, 10000), col(0.8, null))).toEqual([[4], [2.5]]);
  });
  test("churn 1 (everyone leaves after a month) is allowed: LTV = one month's margin", () => {
    expect(ltv(500, 1, 0.8)).toEqual([[400]]);
  });
  test.each([0, -0.1, 1.5])("churn %p is #NUM! naming monthly_churn", (c) => {
    const e = errorOf(one(ltv(500, c)));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toBe(`monthly_churn is ${c}; monthly churn must be above 0 and at most 1 (0.02 = 2% a month).`);
    expect(errorOf(one(ltvToCac(500, c, 100))).code).toBe("#NUM!");
  });
  test("churn out of range inside a range names its row", () => {
    const out = ltv(col(100, 100, 100), col(0.1, 0.05, 0)) as unknown[][];
    expect(out[0][0]).toBe(1000);
    expect(out[1][0]).toBe(2000);
    expect(errorOf(out[2][0]).message).toContain("monthly_churn row 3 is 0");
  });
  test("CAC of 0 is #DIV/0!; negative revenue is #NUM!", () => {
    expect(errorOf(one(ltvToCac(500, 0.02, 0))).message).toBe("cac is 0; it cannot be divided by.");
    expect(errorOf(one(ltv(-1, 0.02))).code).toBe("#NUM!");
  });
  test("property: LTV_TO_CAC = LTV / CAC and CAC_PAYBACK x revenue x margin = CAC (to rounding)", () => {
    const pos = fc.double({ min: 0.01, max: 1e6, noNaN: true });
    const share = fc.double({ min: 0.01, max: 1, noNaN: true });
    fc.assert(
      fc.property(pos, share, pos, share, (r, ch, c, g) => {
        const l = one(ltv(r, ch, g)) as number;
        // Relative, as the second check: LTV_TO_CAC is the exact quotient rounded once, l / c is two
        // roundings, and at 4e9 one unit in the last place (1e-6) is beyond a 6-decimal absolute bound.
        const ratio = one(ltvToCac(r, ch, c, g)) as number;
        expect(Math.abs(ratio - l / c)).toBeLessThanOrEqual((l / c) * 1e-12);
        const p = one(cacPayback(c, r, g)) as number;
        expect(Math.abs(p * r * g - c)).toBeLessThanOrEqual(c * 1e-12);
      }),
    );
  });
});

describe("COMP.LEAD_GROWTH", () => {
  test("(120 - 100) / 100 = 0.2; (90 - 100) / 100 = -0.1; element-wise", () => {
    expect(leadGrowth(col(120, 90), col(100, 100))).toEqual([[0.2], [-0.1]]);
  });
  test("exact: (0.3 - 0.1) / 0.1 = 2", () => {
    expect(leadGrowth(0.3, 0.1)).toEqual([[2]]);
  });
  test("previous 0 is #DIV/0! naming its row; negative leads #NUM!; a blank pair stays blank", () => {
    const out = leadGrowth(col(5, null, 3), col(0, null, -1)) as unknown[][];
    expect(errorOf(out[0][0]).message).toBe("previous row 1 is 0; it cannot be divided by.");
    expect(out[1][0]).toBe("");
    expect(errorOf(out[2][0]).code).toBe("#NUM!");
  });
  test("shapes that differ are one #VALUE!", () => {
    expect(errorOf(leadGrowth(col(1, 2), col(1, 2, 3))).code).toBe("#VALUE!");
  });
});

describe("COMP.FUNNEL", () => {
  test("1,000 leads at 30%, 50%, 25%: 1,000 -> 300 -> 150 -> 37.5, spilling down a column of rates", () => {
    expect(funnel(1000, col(0.3, 0.5, 0.25))).toEqual([[1000], [300], [150], [37.5]]);
  });
  test("a row of rates spills right", () => {
    expect(funnel(1000, [[0.3, 0.5, 0.25]])).toEqual([[1000, 300, 150, 37.5]]);
  });
  test("one rate: a column of two; exact decimals 0.3 x 0.1 = 0.03", () => {
    expect(funnel(0.3, 0.1)).toEqual([[0.3], [0.03]]);
  });
  test("spare blank cells at the end of the rates leave their stages blank", () => {
    expect(funnel(200, col(0.5, null, ""))).toEqual([[200], [100], [""], [""]]);
  });
  test("a rate above 1 or below 0 is #NUM! naming its row; a gap is #N/A", () => {
    expect(errorOf(funnel(100, col(0.5, 1.2))).message).toBe(
      "rates row 2 is 1.2; it must be from 0 to 1 (0.25 = 25%).",
    );
    expect(errorOf(funnel(100, [[0.5, -0.2]])).message).toBe(
      "rates row 1, column 2 is negative (-0.2); it must be 0 or more.",
    );
    expect(errorOf(funnel(100, col(0.5, null, 0.2))).code).toBe("#N/A");
  });
  test("entered: blank #N/A, negative #NUM!, a range #VALUE!; 2-D rates #VALUE!", () => {
    expect(errorOf(funnel(null, col(0.5))).code).toBe("#N/A");
    expect(errorOf(funnel(-1, col(0.5))).message).toBe("entered is negative (-1); it must be 0 or more.");
    expect(errorOf(funnel(col(1, 2), col(0.5))).code).toBe("#VALUE!");
    expect(
      errorOf(
        funnel(10, [
          [0.5, 0.5],
          [0.5, 0.5],
        ]),
      ).message,
    ).toBe("rates is 2x2; give one row or one column.");
  });
  test("property: counts never grow, and the last is entered x the product of the rates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (e, rates) => {
          const out = (
            funnel(
              e,
              rates.map((r) => [r]),
            ) as number[][]
          ).map((r) => r[0]);
          expect(out).toHaveLength(rates.length + 1);
          for (let i = 1; i < out.length; i++) expect(out[i]).toBeLessThanOrEqual(out[i - 1]);
          expect(out[out.length - 1]).toBeCloseTo(
            rates.reduce((p, r) => p * r, e),
            6,
          );
        },
      ),
    );
  });
});

describe("the unit-economics functions in the preview engine", () => {
  test("each evaluates as a formula, spills where it should, and shows its errors", () => {
    const wb = new PreviewWorkbook();
    wb.addSheet("S");
    const at = (a: string) => wb.cell("S", parseCell(a)).value;
    wb.setBlock("S", parseCell("A1"), [
      [0.3, 6000, 500, 0.8, 0.02],
      [0.5, 900, 100, 0.6, 0.05],
      [0.25, null, null, null, null],
    ]);
    wb.setCell("S", parseCell("G1"), "=COMP.FUNNEL(1000,A1:A3)");
    wb.setCell("S", parseCell("H1"), "=COMP.FUNNEL(1000,TRANSPOSE(A1:A3))");
    wb.setCell("S", parseCell("H3"), "=COMP.CAC_PAYBACK(B1:B2,C1:C2,D1:D2)");
    wb.setCell("S", parseCell("I3"), "=COMP.LTV(C1:C2,E1:E2,D1:D2)");
    wb.setCell("S", parseCell("J3"), "=COMP.LTV_TO_CAC(C1:C2,E1:E2,B1:B2,D1:D2)");
    wb.setCell("S", parseCell("K3"), "=COMP.LEAD_GROWTH(120,100)");
    wb.setCell("S", parseCell("L3"), "=COMP.LTV(500,0)");
    wb.setCell("S", parseCell("A8"), "=COMP.FUNNEL(1000,{0.3,0.5,0.25})");
    expect(["G1", "G2", "G3", "G4"].map(at)).toEqual([1000, 300, 150, 37.5]);
    expect(["H1", "I1", "J1", "K1"].map(at)).toEqual([1000, 300, 150, 37.5]);
    // 6,000 / (500 x 0.8) = 15; 900 / (100 x 0.6) = 15
    expect([at("H3"), at("H4")]).toEqual([15, 15]);
    // 500 x 0.8 / 0.02 = 20,000; 100 x 0.6 / 0.05 = 1,200
    expect([at("I3"), at("I4")]).toEqual([20000, 1200]);
    // 20,000 / 6,000 and 1,200 / 900
    expect(at("J3") as number).toBeCloseTo(20000 / 6000, 12);
    expect(at("J4") as number).toBeCloseTo(1200 / 900, 12);
    expect(at("K3")).toBe(0.2);
    expect(["A8", "B8", "C8", "D8"].map(at)).toEqual([1000, 300, 150, 37.5]);
    expect(at("L3")).toEqual({
      error: "#NUM!",
      message: "monthly_churn is 0; monthly churn must be above 0 and at most 1 (0.02 = 2% a month).",
    });
  });
});
