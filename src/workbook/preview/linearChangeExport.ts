/**
 * After every batch HyperFormula lists the cells whose values changed. Its list grows with
 * `ret = ret.concat(spill)` for each spilled value, which copies the whole list so far once per
 * spill: a back-test of 300 people writes about 2,000 spills into a list of 1.4 million cells, and
 * the copies took longer than everything else the write did. This lists the same changes, in the
 * same order, by appending.
 */
import { HyperFormula } from "hyperformula";

/** HyperFormula's exporter, as far as this needs it (not part of its API). */
interface ChangeExporter {
  exportChange(change: unknown): unknown;
}

/** HyperFormula's ContentChanges, as far as this needs it (not part of its API). */
interface ContentChanges {
  readonly changes: Map<unknown, unknown>;
  exportChanges(exporter: ChangeExporter): unknown[];
}

/** Where the engine keeps the batch's changes (not part of HyperFormula's API). */
interface EngineInternals {
  readonly _crudOperations?: { readonly operations?: { readonly changes?: ContentChanges } };
}

/** Marks the change-list class whose export is this one (also what the browser test looks for). */
const APPENDING = Symbol("comp-planner:appending-change-export");

/**
 * The changes of one batch in HyperFormula's order (its map's order, a spill's cells from its
 * top-left corner), appended to one list.
 */
function exportByAppending(this: ContentChanges, exporter: ChangeExporter): unknown[] {
  const all: unknown[] = [];
  for (const change of this.changes.values()) {
    const exported = exporter.exportChange(change);
    if (Array.isArray(exported)) for (const cell of exported) all.push(cell);
    else all.push(exported);
  }
  return all;
}

/**
 * Makes the engine's changes listed by appending (for every engine built from the same
 * HyperFormula, as the list is the class's). Leaves the engine as it is (slower, not
 * different) when its internals are not as expected.
 * @returns whether the engine now lists its changes by appending.
 */
export function exportChangesByAppending(engine: HyperFormula): boolean {
  const changes = (engine as unknown as EngineInternals)._crudOperations?.operations?.changes;
  if (!changes || !(changes.changes instanceof Map) || typeof changes.exportChanges !== "function") return false;
  const kind = Object.getPrototypeOf(changes) as ContentChanges & { [APPENDING]?: true };
  if (kind[APPENDING]) return true;
  Object.defineProperty(kind, "exportChanges", { value: exportByAppending, writable: true, configurable: true });
  Object.defineProperty(kind, APPENDING, { value: true });
  return true;
}
