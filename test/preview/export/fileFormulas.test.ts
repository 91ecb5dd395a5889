import { fromFileFormula, toFileFormula } from "../../../src/preview/export/fileFormulas";

describe("formulas between the preview and the file", () => {
  test("this-row references are written in full and come back short", () => {
    expect(toFileFormula("=[@Amount]*2", "Deals")).toBe("Deals[[#This Row],[Amount]]*2");
    expect(toFileFormula("=[@[Deal Size]]+Other[@X]", "Deals")).toBe(
      "Deals[[#This Row],[Deal Size]]+Other[[#This Row],[X]]",
    );
    expect(toFileFormula('=IF(A1="[@x]",1,0)', "Deals")).toBe('IF(A1="[@x]",1,0)');
    expect(toFileFormula("=[@Potential]/SUM([Potential])", "T")).toBe("T[[#This Row],[Potential]]/SUM(T[Potential])");
    expect(toFileFormula("=SUM(T[[#Headers],[A]])+COUNTA([[A]:[B]])+[@[A]:[B]]", "T")).toBe(
      "SUM(T[[#Headers],[A]])+COUNTA(T[[A]:[B]])+T[[#This Row],[A]:[B]]",
    );
    expect(toFileFormula("=SUM(Other[X])+[@['[odd']]]", "T")).toBe("SUM(Other[X])+T[[#This Row],['[odd']]]");
    expect(toFileFormula("=SUM([X])", null)).toBe("SUM([X])");
    expect(fromFileFormula("Deals[[#This Row],[Amount]]*2", "Deals")).toBe("=[@Amount]*2");
    expect(fromFileFormula("Deals[[#This Row],[Deal Size]]+Other[[#This Row],[X]]", "Deals")).toBe(
      "=[@[Deal Size]]+Other[@X]",
    );
  });
  test("functions newer than Excel 2007 carry _xlfn. in the file", () => {
    expect(toFileFormula("=NORM.S.DIST(A1,TRUE)+SUM(B:B)", null)).toBe("_xlfn.NORM.S.DIST(A1,TRUE)+SUM(B:B)");
    expect(toFileFormula("=FILTER(A1:A3,B1:B3)", null)).toBe("_xlfn._xlws.FILTER(A1:A3,B1:B3)");
    expect(toFileFormula("=COMP.PAYOUT(A1,B1:C3)", null)).toBe("COMP.PAYOUT(A1,B1:C3)");
    expect(fromFileFormula("_xlfn.NORM.S.DIST(A1,TRUE)+_xlfn._xlws.SORT(A1:A2)", null)).toBe(
      "=NORM.S.DIST(A1,TRUE)+SORT(A1:A2)",
    );
  });
});
