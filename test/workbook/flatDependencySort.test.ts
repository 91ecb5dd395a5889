import fc from "fast-check";
import type { HyperFormula as Engine, RawCellContent } from "hyperformula";
import { sortDependenciesOnFlatArrays } from "../../src/workbook/preview/flatDependencySort";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { plainHyperFormula, PREVIEW_CONFIG, referenceEngine } from "./plainEngine";

interface Vertex {
  idInGraph?: number;
}
type Sort = (
  this: { nodesSparseArray: (Vertex | undefined)[]; edgesSparseArray: ((number | undefined)[] | undefined)[] },
  changed: Vertex[],
  evaluate: (v: Vertex) => boolean,
  onCycle: (v: Vertex) => void,
) => { sorted: Vertex[]; cycled: Vertex[] };

/** The sort an engine's graph runs. */
function sortOf(engine: Engine): Sort {
  const graph = (engine as unknown as { dependencyGraph: { graph: object } }).dependencyGraph.graph;
  return (Object.getPrototypeOf(graph) as { getTopSortedWithSccSubgraphFrom: Sort }).getTopSortedWithSccSubgraphFrom;
}

/**
 * A graph as HyperFormula keeps it: some vertices removed (their numbers still listed as
 * dependents), holes and repeats in the lists, self-references and cycles; the changed vertices
 * include ones no longer in the graph.
 */
const graphs = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.record({
    removed: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    edges: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: n - 1 }), fc.constant(undefined)), { maxLength: 5 }), {
      minLength: n,
      maxLength: n,
    }),
    changed: fc.array(fc.oneof(fc.integer({ min: 0, max: n - 1 }), fc.constant(-1)), { minLength: 1, maxLength: 8 }),
    changes: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  }),
);

/** Runs a sort, recording every evaluation and cycle callback in order. */
function run(sort: Sort, g: ReturnType<typeof build>) {
  const calls: string[] = [];
  const { sorted, cycled } = sort.call(
    g.graph,
    g.changed,
    (v) => (calls.push(`evaluate ${v.idInGraph}`), g.changes[v.idInGraph!]),
    (v) => calls.push(`cycle ${v.idInGraph}`),
  );
  return { sorted: sorted.map((v) => v.idInGraph), cycled: cycled.map((v) => v.idInGraph), calls };
}

function build(spec: { removed: boolean[]; edges: (number | undefined)[][]; changed: number[]; changes: boolean[] }) {
  const vertices: Vertex[] = spec.removed.map((_, i) => ({ idInGraph: i }));
  const nodesSparseArray = vertices.map((v, i) => (spec.removed[i] ? undefined : v));
  const edgesSparseArray = spec.edges.map((e, i) => (spec.removed[i] ? undefined : e));
  // A removed vertex has no number any more; it may still be among the changed ones.
  const changed = spec.changed.map((i) => (i < 0 || spec.removed[i] ? {} : vertices[i]));
  return { graph: { nodesSparseArray, edgesSparseArray }, changed, changes: spec.changes };
}

describe("the engine sorts its dependencies on flat arrays", () => {
  const Unpatched = plainHyperFormula();
  const theirs = sortOf(Unpatched.buildEmpty(PREVIEW_CONFIG));
  const ours = sortOf(new PreviewWorkbook().engine);

  test("the preview's engine uses the flat sort", () => {
    const other = plainHyperFormula().buildEmpty(PREVIEW_CONFIG);
    expect(sortOf(other)).not.toBe(ours);
    expect(sortDependenciesOnFlatArrays(other)).toBe(true);
    expect(sortOf(other)).toBe(ours);
  });

  test("on any graph it visits, evaluates and reports cycles exactly as HyperFormula's sort", () => {
    fc.assert(
      fc.property(graphs, graphs, (a, b) => {
        // Twice on the same graph and once on another: what a sort leaves behind changes nothing.
        const first = build(a);
        for (const g of [first, first, build(b)]) expect(run(ours, g)).toEqual(run(theirs, g));
      }),
      { numRuns: 500 },
    );
  });

  test("a graph that grows past the kept arrays, an evaluation that throws, and a sort inside an evaluation", () => {
    const chain = (n: number) =>
      build({
        removed: Array.from({ length: n }, (_, i) => i % 97 === 5),
        // Chains (i to i + 1 and i + 2), a self-reference every 50, a cycle through the last three.
        edges: Array.from({ length: n }, (_, i) => [
          i + 1 < n ? i + 1 : undefined,
          i + 2 < n ? i + 2 : n - 3,
          i % 50 === 49 ? i : undefined,
        ]),
        changed: [0, Math.floor(n / 2), n - 1],
        changes: Array.from({ length: n }, (_, i) => i % 11 !== 0),
      });
    // One graph whose vertex count grows between sorts, as a workbook's does.
    const g = chain(500);
    for (const n of [500, 1_100, 1_100, 2_000, 3_500]) {
      const grown = chain(n);
      g.graph.nodesSparseArray.splice(0, Infinity, ...grown.graph.nodesSparseArray);
      g.graph.edgesSparseArray.splice(0, Infinity, ...grown.graph.edgesSparseArray);
      g.changed.splice(0, Infinity, ...grown.changed);
      g.changes.splice(0, Infinity, ...grown.changes);
      expect(run(ours, g)).toEqual(run(theirs, g));
    }
    // An evaluation that throws part-way leaves nothing behind for the next sort.
    const throwing = (sort: Sort) => {
      let calls = 0;
      const evaluated = run(sort, g).calls.filter((c) => c.startsWith("evaluate")).length;
      expect(evaluated).toBeGreaterThan(10);
      expect(() =>
        sort.call(
          g.graph,
          g.changed,
          () => {
            if (++calls === 10) throw new Error("stop");
            return true;
          },
          () => undefined,
        ),
      ).toThrow("stop");
      return run(sort, g);
    };
    expect(throwing(ours)).toEqual(throwing(theirs));
    // A sort started inside an evaluation gets arrays of its own.
    const nested = (sort: Sort) => {
      const inner: unknown[] = [];
      const outer = sort.call(
        g.graph,
        g.changed,
        (v) => {
          if (v.idInGraph === 0) inner.push(run(sort, g));
          return g.changes[v.idInGraph!];
        },
        () => undefined,
      );
      return { outer: outer.sorted.map((v) => v.idInGraph), inner, after: run(sort, g) };
    };
    expect(nested(ours)).toEqual(nested(theirs));
  });

  test("every batch of formulas computes and reports the same as in HyperFormula's own engine (with the preview's changes of behaviour)", () => {
    const content: fc.Arbitrary<RawCellContent> = fc.oneof(
      fc.integer({ min: -5, max: 50 }),
      fc.constantFrom<RawCellContent>(null, "=A1+1", "=B1+A2", "=SUM(A1:C3)", "=C3*2", "=A1", "=IF(A2>3,B2,1)"),
      fc.constantFrom("=SEQUENCE(3)", "=A1:A3*2", "=SUM($A$1:A2)"),
    );
    const write = fc.record({ row: fc.integer({ min: 0, max: 4 }), col: fc.integer({ min: 0, max: 3 }), content });
    fc.assert(
      fc.property(
        fc.array(fc.array(write, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        (steps) => {
          const engines = [new PreviewWorkbook().engine, referenceEngine(Unpatched)];
          for (const e of engines) e.addSheet("S");
          for (const step of steps) {
            const [mine, library] = engines.map((e) => {
              try {
                const changes = e.batch(() => {
                  for (const w of step)
                    e.setCellContents({ sheet: e.getSheetId("S")!, row: w.row, col: w.col }, w.content);
                });
                return JSON.stringify([changes, e.getSheetValues(e.getSheetId("S")!)]);
              } catch (error) {
                return `threw ${(error as Error).message}`;
              }
            });
            expect(mine).toBe(library);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  test("an engine without the expected internals is left as it is", () => {
    expect(sortDependenciesOnFlatArrays({} as Engine)).toBe(false);
  });
});
