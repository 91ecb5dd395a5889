import fc from "fast-check";
import type { HyperFormula as Engine, RawCellContent } from "hyperformula";
import { keepChangesInOrderedList, withoutChangeList } from "../../src/workbook/preview/orderedChangeList";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { plainHyperFormula, PREVIEW_CONFIG, referenceEngine } from "./plainEngine";

/** One batch: cells written at once, among them spills that grow, shrink, collide and vanish. */
const content: fc.Arbitrary<RawCellContent> = fc.oneof(
  fc.integer({ min: -5, max: 50 }),
  fc.constantFrom<RawCellContent>(null, "text", "=A1+1", "=SUM(A1:C3)", "=B2*2", "=Twice", "=T!A1+1"),
  fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 })).map(([r, c]) => `=SEQUENCE(${r},${c})`),
  fc.constantFrom("=A1:A4*2", "=TRANSPOSE(A1:C1)", "=FILTER(A1:A6,A1:A6>2)"),
);
const write = fc.record({
  sheet: fc.constantFrom("S", "T"),
  row: fc.integer({ min: 0, max: 7 }),
  col: fc.integer({ min: 0, max: 4 }),
  content,
});
const batches = fc.array(fc.array(write, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 });

/** The prototype of the engine's change list, where the list's methods live. */
const listClass = (e: Engine) =>
  Object.getPrototypeOf(
    (e as unknown as { _crudOperations: { operations: { changes: object } } })._crudOperations.operations.changes,
  ) as { exportChanges: unknown };

/** An engine with sheets S and T and a name Twice (=S!A1 x 2), whose changes are listed as workbook-level ones. */
function withSheets(e: Engine): Engine {
  e.addSheet("S");
  e.addSheet("T");
  e.addNamedExpression("Twice", "=S!$A$1*2");
  return e;
}

/** What a batch gives back, and how many times the engine said values changed, or what it threw. */
function batchResult(e: Engine, run: () => void): string {
  let updates = 0;
  const count = () => updates++;
  e.on("valuesUpdated", count);
  try {
    return JSON.stringify([e.batch(run), updates]);
  } catch (error) {
    // Should one engine throw, the other must throw the same.
    return `threw ${(error as Error).message}`;
  } finally {
    e.off("valuesUpdated", count);
  }
}

describe("the engine keeps a batch's changed cells in an ordered list", () => {
  test("the preview's engine uses the ordered list", () => {
    const ours = listClass(new PreviewWorkbook().engine).exportChanges;
    const other = plainHyperFormula().buildEmpty(PREVIEW_CONFIG);
    expect(listClass(other).exportChanges).not.toBe(ours);
    expect(keepChangesInOrderedList(other)).toBe(true);
    expect(listClass(other).exportChanges).toBe(ours);
  });

  test("every batch lists the same changes, in the same order, with the same events, as HyperFormula's own list", () => {
    const Unpatched = plainHyperFormula();
    fc.assert(
      fc.property(batches, (steps) => {
        const engines = [withSheets(new PreviewWorkbook().engine), withSheets(referenceEngine(Unpatched))];
        for (const step of steps) {
          const [mine, library] = engines.map((e) =>
            batchResult(e, () => {
              for (const w of step)
                e.setCellContents({ sheet: e.getSheetId(w.sheet)!, row: w.row, col: w.col }, w.content);
            }),
          );
          expect(mine).toBe(library);
        }
      }),
      { numRuns: 200 },
    );
  });

  test("changes recorded before the list was replaced keep their order", () => {
    const [patched, reference] = [plainHyperFormula(), plainHyperFormula()].map((H) =>
      withSheets(H.buildEmpty(PREVIEW_CONFIG)),
    );
    const results = [patched, reference].map((e) => {
      e.suspendEvaluation();
      e.setCellContents({ sheet: e.getSheetId("S")!, row: 0, col: 0 }, [[3, "=A1*2", "=SEQUENCE(3)"]]);
      e.setCellContents({ sheet: e.getSheetId("T")!, row: 1, col: 1 }, "=S!A1+Twice");
      // A constant no evaluation lists again: only the changes kept from before list it.
      e.setCellContents({ sheet: e.getSheetId("T")!, row: 2, col: 2 }, "kept");
      // Replaced while the engine holds changes it has not listed yet.
      if (e === patched) expect(keepChangesInOrderedList(e)).toBe(true);
      e.setCellContents({ sheet: e.getSheetId("S")!, row: 0, col: 0 }, 4);
      return JSON.stringify(e.resumeEvaluation());
    });
    expect(results[0]).toBe(results[1]);
    expect(results[0]).toContain('"newValue":"kept"');
  });

  test("without the list, every batch computes the same values and says values changed as often, listing no cell", () => {
    const Unpatched = plainHyperFormula();
    fc.assert(
      fc.property(batches, (steps) => {
        const [unlisted, reference] = [
          withSheets(new PreviewWorkbook().engine),
          withSheets(referenceEngine(Unpatched)),
        ];
        /** How many cells a batch listed, and the rest of what it did: events, values, or what it threw. */
        const outcome = (e: Engine, step: (typeof steps)[number]) => {
          let updates = 0;
          const count = () => updates++;
          e.on("valuesUpdated", count);
          try {
            const run = () =>
              e.batch(() => {
                for (const w of step)
                  e.setCellContents({ sheet: e.getSheetId(w.sheet)!, row: w.row, col: w.col }, w.content);
              });
            const listed = e === unlisted ? withoutChangeList(run) : run();
            const sheets = ["S", "T"].map((name) => e.getSheetValues(e.getSheetId(name)!));
            return { listed: listed.length, rest: JSON.stringify([updates, sheets]) };
          } catch (error) {
            return { listed: 0, rest: `threw ${(error as Error).message}` };
          } finally {
            e.off("valuesUpdated", count);
          }
        };
        for (const step of steps) {
          const [mine, library] = [outcome(unlisted, step), outcome(reference, step)];
          expect(mine.listed).toBe(0);
          expect(mine.rest).toBe(library.rest);
        }
      }),
      { numRuns: 200 },
    );
  });

  test("the workbook's own writes list no cells but still say values changed, which is what autosave watches", () => {
    const wb = new PreviewWorkbook();
    wb.addSheet("S");
    let updates = 0;
    wb.engine.on("valuesUpdated", () => updates++);
    wb.setBlock("S", { row: 0, col: 0 }, [[1, "=A1*2"]]);
    wb.batch(() => wb.setCell("S", { row: 0, col: 0 }, 5));
    expect(updates).toBe(2);
    expect(wb.cell("S", { row: 0, col: 1 }).value).toBe(10);
    // Direct engine calls still list their changes: B1 = 7 * 2 = 14.
    const listed = wb.engine.setCellContents({ sheet: 0, row: 0, col: 0 }, 7);
    expect(listed.map((c) => ("address" in c ? [c.address.col, c.newValue] : c))).toEqual([
      [0, 7],
      [1, 14],
    ]);
  });

  test("an engine without the expected internals is left as it is", () => {
    expect(keepChangesInOrderedList({} as Engine)).toBe(false);
  });
});
