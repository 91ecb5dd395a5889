import fc from "fast-check";
import type { HyperFormula } from "hyperformula";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { rememberDateParses } from "../../src/workbook/preview/rememberedDateParses";

/** An engine-shaped object whose date parser counts its calls. */
function countingEngine() {
  const calls: string[] = [];
  const parser = { dateStringToDateNumber: (t: string) => (calls.push(t), t.length) };
  const helper = { dateTimeHelper: parser };
  const engine = { _evaluator: { interpreter: { arithmeticHelper: helper } } } as unknown as HyperFormula;
  return { engine, calls, parse: (t: string) => helper.dateTimeHelper.dateStringToDateNumber(t) };
}

describe("the engine remembers how it read each text as a date", () => {
  test("each distinct text is parsed once, with the same answer; the memory starts again at its limit", () => {
    const { engine, calls, parse } = countingEngine();
    expect(rememberDateParses(engine, 2)).toBe(true);
    expect([parse("a"), parse("bb"), parse("a"), parse("bb")]).toEqual([1, 2, 1, 2]);
    expect(calls).toEqual(["a", "bb"]);
    parse("ccc"); // a third text: the memory is cleared, then holds it
    parse("a");
    expect(calls).toEqual(["a", "bb", "ccc", "a"]);
  });

  test("an engine without the expected internals is left as it is", () => {
    expect(rememberDateParses({} as HyperFormula)).toBe(false);
  });

  /** A preview workbook whose engine parses every time, as HyperFormula does without the memory. */
  function forgetful(): PreviewWorkbook {
    const wb = new PreviewWorkbook();
    const helper = (
      wb.engine as unknown as { _evaluator: { interpreter: { arithmeticHelper: { dateTimeHelper: object } } } }
    )._evaluator.interpreter.arithmeticHelper;
    // The preview's engine remembers: its parser is the engine's own DateTimeHelper, wrapped.
    const own = Object.getPrototypeOf(helper.dateTimeHelper) as object;
    expect(own.constructor.name).toBe("DateTimeHelper");
    helper.dateTimeHelper = own;
    return wb;
  }

  test("comparisons give exactly what they give without the memory, on texts that are and are not dates", () => {
    const texts = [
      "2026-01-05",
      "1/5/2026",
      "05/01/2026",
      "Jan 5",
      "00123",
      "123",
      "R05",
      "r05",
      "",
      " ",
      "TRUE",
      "é",
      "e",
    ];
    const value = fc.oneof(fc.constantFrom(...texts), fc.integer({ min: 0, max: 50000 }), fc.constant(null));
    const ops = ["=", "<", ">", "<=", ">=", "<>"];
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 12 }), (pairs) => {
        const data = pairs.map(([a, b]) => [a, b]);
        const formulas = pairs.map((_, r) => ops.map((op) => `=A${r + 1}${op}B${r + 1}`));
        const [wb, reference] = [new PreviewWorkbook(), forgetful()];
        for (const w of [wb, reference]) {
          w.addSheet("S");
          w.setBlock("S", { row: 0, col: 0 }, data);
          w.setBlock("S", { row: 0, col: 2 }, formulas);
        }
        const values = (w: PreviewWorkbook) =>
          pairs.map((_, r) => ops.map((__, c) => w.cell("S", { row: r, col: 2 + c }).value));
        // Twice: the second read of each text comes from the memory.
        for (let round = 0; round < 2; round++) {
          expect(values(wb)).toEqual(values(reference));
          wb.setBlock("S", { row: 0, col: 2 }, formulas);
        }
      }),
      { numRuns: 60 },
    );
  });
});
