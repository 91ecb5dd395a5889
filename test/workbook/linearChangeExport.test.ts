import fc from "fast-check";
import type { HyperFormula as Engine, RawCellContent } from "hyperformula";
import { exportChangesByAppending } from "../../src/workbook/preview/linearChangeExport";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { plainHyperFormula, PREVIEW_CONFIG } from "./plainEngine";

/** One batch: cells written at once, among them spills that grow, shrink, collide and vanish. */
const content: fc.Arbitrary<RawCellContent> = fc.oneof(
  fc.integer({ min: -5, max: 50 }),
  fc.constantFrom<RawCellContent>(null, "text", "=A1+1", "=SUM(A1:C3)", "=B2*2"),
  fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 })).map(([r, c]) => `=SEQUENCE(${r},${c})`),
  fc.constantFrom("=A1:A4*2", "=TRANSPOSE(A1:C1)", "=FILTER(A1:A6,A1:A6>2)"),
);
const write = fc.record({ row: fc.integer({ min: 0, max: 7 }), col: fc.integer({ min: 0, max: 4 }), content });
const batches = fc.array(fc.array(write, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 });

describe("the engine lists a batch's changed cells by appending", () => {
  test("the preview's engine lists its changes by appending", () => {
    const listOf = (e: Engine) =>
      (
        Object.getPrototypeOf(
          (e as unknown as { _crudOperations: { operations: { changes: object } } })._crudOperations.operations.changes,
        ) as { exportChanges: unknown }
      ).exportChanges;
    const ours = listOf(new PreviewWorkbook().engine);
    const other = plainHyperFormula().buildEmpty(PREVIEW_CONFIG);
    expect(listOf(other)).not.toBe(ours);
    expect(exportChangesByAppending(other)).toBe(true);
    expect(listOf(other)).toBe(ours);
  });

  test("every batch lists the same changes, in the same order, as HyperFormula's own list", () => {
    const Unpatched = plainHyperFormula();
    fc.assert(
      fc.property(batches, (steps) => {
        const theirs = Unpatched.buildEmpty(PREVIEW_CONFIG);
        const ours = new PreviewWorkbook().engine;
        theirs.addSheet("S");
        ours.addSheet("S");
        const sheet = (e: Engine) => e.getSheetId("S")!;
        for (const step of steps) {
          // Some cycles through spills make HyperFormula itself throw ("Unknown array"): both must.
          const run = (e: Engine) => {
            try {
              return e.batch(() => {
                for (const w of step) e.setCellContents({ sheet: sheet(e), row: w.row, col: w.col }, w.content);
              });
            } catch (error) {
              return `threw ${(error as Error).message}`;
            }
          };
          expect(JSON.stringify(run(ours))).toBe(JSON.stringify(run(theirs)));
        }
      }),
      { numRuns: 200 },
    );
  });

  test("an engine without the expected internals is left as it is", () => {
    expect(exportChangesByAppending({} as Engine)).toBe(false);
  });
});
