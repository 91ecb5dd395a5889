/**
 * Before it evaluates, HyperFormula sorts the changed cells and everything that depends on them
 * (Tarjan's algorithm, cycles kept apart). Its sort keeps each vertex's state in plain arrays
 * indexed by the vertex's number, created empty for every sort and first written at the highest
 * number: JavaScript then stores them as hash tables, and a sort of the million cells a large
 * step writes spent seconds in them and left their garbage behind. This is the same algorithm,
 * visiting and evaluating the vertices in exactly the same order, on flat typed arrays kept
 * between sorts; only the entries a sort touched are cleared after it.
 */
import { HyperFormula } from "hyperformula";

/** A vertex of HyperFormula's dependency graph, as far as this needs it. */
interface Vertex {
  readonly idInGraph?: number;
}

/** HyperFormula's dependency graph, as far as this needs it (not part of its API). */
interface Graph {
  /** The vertex numbered n, or undefined when it was removed. */
  readonly nodesSparseArray: (Vertex | undefined)[];
  /** The numbers of the vertices that depend on vertex n (may name removed vertices). */
  readonly edgesSparseArray: (readonly (number | undefined)[] | undefined)[];
  getTopSortedWithSccSubgraphFrom(
    changed: readonly Vertex[],
    evaluate: (vertex: Vertex) => boolean,
    onCycle: (vertex: Vertex) => void,
  ): { sorted: Vertex[]; cycled: Vertex[] };
}

/** Where the engine keeps its graph (not part of HyperFormula's API). */
interface EngineInternals {
  readonly dependencyGraph?: { readonly graph?: Graph };
}

/** Marks the graph class whose sort is this one (also what the browser test looks for). */
const FLAT = Symbol("comp-planner:flat-dependency-sort");

const NOT_SEEN = 0;
const ON_STACK = 1;
const PROCESSED = 2;
const POPPED = 3;

/** The per-vertex state of one sort; every entry is back at its start value between sorts. */
interface SortState {
  readonly size: number;
  inUse: boolean;
  readonly status: Uint8Array;
  /** -1: not entered yet. */
  readonly entrance: Int32Array;
  readonly low: Int32Array;
  /** -1: none. */
  readonly parent: Int32Array;
  readonly inComponent: Uint8Array;
  readonly onCycle: Uint8Array;
  readonly toUpdate: Uint8Array;
}

function newState(size: number): SortState {
  return {
    size,
    inUse: false,
    status: new Uint8Array(size),
    entrance: new Int32Array(size).fill(-1),
    low: new Int32Array(size),
    parent: new Int32Array(size).fill(-1),
    inComponent: new Uint8Array(size),
    onCycle: new Uint8Array(size),
    toUpdate: new Uint8Array(size),
  };
}

const kept = new WeakMap<Graph, SortState>();

/** The graph's kept state when it is free and large enough, else a new one (kept when it is free). */
function stateFor(graph: Graph, vertices: number): SortState {
  const current = kept.get(graph);
  if (current && !current.inUse && current.size >= vertices) return current;
  const state = newState(Math.max(1024, vertices, Math.ceil((current?.size ?? 0) * 1.5)));
  if (!current?.inUse) kept.set(graph, state);
  return state;
}

/**
 * HyperFormula's sort (TopSort.getTopSortedWithSccSubgraphFrom, version 3), step for step:
 * depth-first from the changed vertices taken last to first, components in the order Tarjan's
 * algorithm closes them, then evaluation in the reverse of that order, where a vertex is
 * evaluated when it changed or a vertex it depends on was evaluated to a new value.
 */
function sortAndEvaluate(
  this: Graph,
  changed: readonly Vertex[],
  evaluate: (vertex: Vertex) => boolean,
  onCycle: (vertex: Vertex) => void,
): { sorted: Vertex[]; cycled: Vertex[] } {
  const nodes = this.nodesSparseArray;
  const edges = this.edgesSparseArray;
  const roots = changed.map((v) => v.idInGraph).filter((id): id is number => id !== undefined);
  roots.reverse();
  const s = stateFor(this, nodes.length);
  s.inUse = true;
  const order: number[] = [];
  try {
    let time = 0;
    // Both empty again after each root's walk: kept for the next (a write of 100,000 cells has
    // as many roots, most of them cells nothing reads).
    const path: number[] = [];
    const open: number[] = [];
    for (const root of roots) {
      if (s.status[root] !== NOT_SEEN) continue;
      s.status[root] = ON_STACK;
      path.push(root);
      while (path.length > 0) {
        const u = path[path.length - 1];
        const status = s.status[u];
        if (status === ON_STACK) {
          s.entrance[u] = time;
          s.low[u] = time;
          time++;
          open.push(u);
          const next = edges[u]!;
          for (let i = 0; i < next.length; i++) {
            const t = next[i];
            if (t === undefined || !nodes[t] || s.entrance[t] !== -1) continue;
            path.push(t);
            s.parent[t] = u;
            s.status[t] = ON_STACK;
          }
          s.status[u] = PROCESSED;
        } else if (status === PROCESSED) {
          let low = s.entrance[u];
          const next = edges[u]!;
          for (let i = 0; i < next.length; i++) {
            const t = next[i];
            if (t === undefined || !nodes[t] || s.inComponent[t]) continue;
            low = Math.min(low, s.parent[t] === u ? s.low[t] : s.entrance[t]);
          }
          s.low[u] = low;
          if (low === s.entrance[u]) {
            const first = order.length;
            let w: number;
            do {
              w = open.pop()!;
              order.push(w);
              s.inComponent[w] = 1;
            } while (w !== u);
            if (order.length - first > 1) for (let k = first; k < order.length; k++) s.onCycle[order[k]] = 1;
          }
          path.pop();
          s.status[u] = POPPED;
        } else {
          path.pop();
        }
      }
    }
    for (const root of roots) s.toUpdate[root] = 1;
    const sorted: Vertex[] = [];
    const cycled: Vertex[] = [];
    const markDependents = (t: number) => {
      const next = edges[t]!;
      for (let i = 0; i < next.length; i++) {
        const d = next[i];
        if (d !== undefined && nodes[d]) s.toUpdate[d] = 1;
      }
    };
    for (let k = order.length - 1; k >= 0; k--) {
      const t = order[k];
      const vertex = nodes[t]!;
      if (s.onCycle[t] || edges[t]!.includes(t)) {
        cycled.push(vertex);
        onCycle(vertex);
        markDependents(t);
      } else {
        sorted.push(vertex);
        if (s.toUpdate[t] && evaluate(vertex)) markDependents(t);
      }
    }
    for (const t of order) {
      s.status[t] = NOT_SEEN;
      s.entrance[t] = -1;
      s.parent[t] = -1;
      s.inComponent[t] = 0;
      s.onCycle[t] = 0;
      s.toUpdate[t] = 0;
    }
    s.inUse = false;
    return { sorted, cycled };
  } catch (error) {
    // Left half-written: the next sort starts on new arrays.
    if (kept.get(this) === s) kept.delete(this);
    throw error;
  }
}

/**
 * Makes the engine sort its dependencies on flat arrays (for every engine built from the same
 * HyperFormula, as the sort is its graph class's). Leaves the engine as it is (slower, not
 * different) when its internals are not as expected.
 * @returns whether the engine now sorts on flat arrays.
 */
export function sortDependenciesOnFlatArrays(engine: HyperFormula): boolean {
  const graph = (engine as unknown as EngineInternals).dependencyGraph?.graph;
  if (
    !graph ||
    !Array.isArray(graph.nodesSparseArray) ||
    !Array.isArray(graph.edgesSparseArray) ||
    typeof graph.getTopSortedWithSccSubgraphFrom !== "function"
  )
    return false;
  const kind = Object.getPrototypeOf(graph) as Graph & { [FLAT]?: true };
  if (kind[FLAT]) return true;
  Object.defineProperty(kind, "getTopSortedWithSccSubgraphFrom", {
    value: sortAndEvaluate,
    writable: true,
    configurable: true,
  });
  Object.defineProperty(kind, FLAT, { value: true });
  return true;
}
