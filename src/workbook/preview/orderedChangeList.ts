/**
 * After every batch HyperFormula lists the cells whose values changed, from a map keyed by the
 * text "sheet,row,col" of each cell, and exports it growing the list with
 * `ret = ret.concat(spill)` once per spilled value, which copies the whole list so far each time.
 * A back-test of 300 people writes about 2,000 spills into a list of 1.4 million cells: the copies
 * took longer than everything else the write did, and making a text key for each of the 1.4
 * million cells was the largest of the engine's own items after that. This keeps the same list,
 * in the same order (a cell changed twice keeps its first place; the cells a spill covers give
 * their places up to it), in an array with a small-integer index per sheet and column, and
 * exports it by appending.
 */
import { HyperFormula } from "hyperformula";

/** A cell's address as HyperFormula gives it. */
interface Address {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}

/** One change as HyperFormula records it. */
interface Change {
  readonly address: Address;
  readonly value: unknown;
}

/** HyperFormula's exporter, as far as this needs it (not part of its API). */
interface ChangeExporter {
  exportChange(change: Change): unknown;
}

/** A spilled value: HyperFormula's SimpleRangeValue, as far as this needs it. */
interface Spill {
  effectiveAddressesFromData(topLeft: Address): Iterable<Address>;
}

/** The list: changes in order (undefined where one gave its place up), and where each cell's is. */
interface OrderedList {
  readonly changes: (Change | undefined)[];
  /** sheet -> column -> row -> position in `changes`. */
  readonly places: Map<number, Map<number, Map<number, number>>>;
  live: number;
}

/** HyperFormula's ContentChanges, as far as this needs it (not part of its API). */
interface ContentChanges {
  /** The library's own map; emptied into the list the first time the list is used. */
  readonly changes: Map<string, Change>;
  [LIST]?: OrderedList;
  /** Changes counted but not listed (see {@link withoutChangeList}). */
  [UNLISTED]?: number;
}

/** Where the engine keeps the batch's changes (not part of HyperFormula's API). */
interface EngineInternals {
  readonly _crudOperations?: { readonly operations?: { readonly changes?: ContentChanges } };
}

const LIST = Symbol("comp-planner:ordered-change-list");
const UNLISTED = Symbol("comp-planner:unlisted-changes");

/** Marks the change-list class whose methods are these (also what the browser test looks for). */
const ORDERED = Symbol("comp-planner:ordered-change-list-class");

/**
 * Whether nothing was ever added (the engine makes a change list for every cell it writes, most
 * left empty): such a list is answered without building the ordered one.
 */
const untouched = (c: ContentChanges): boolean => c[LIST] === undefined && c.changes.size === 0;

function listOf(c: ContentChanges): OrderedList {
  let list = c[LIST];
  if (!list) {
    list = { changes: [], places: new Map(), live: 0 };
    c[LIST] = list;
    // Changes recorded before the engine's list was replaced keep their order.
    for (const change of c.changes.values()) put(list, change.address, change);
    c.changes.clear();
  }
  return list;
}

function rowsOf(list: OrderedList, a: Address, create: boolean): Map<number, number> | undefined {
  let columns = list.places.get(a.sheet);
  if (!columns) {
    if (!create) return undefined;
    columns = new Map();
    list.places.set(a.sheet, columns);
  }
  let rows = columns.get(a.col);
  if (!rows && create) {
    rows = new Map();
    columns.set(a.col, rows);
  }
  return rows;
}

function put(list: OrderedList, a: Address, change: Change): void {
  const rows = rowsOf(list, a, true)!;
  const at = rows.get(a.row);
  if (at !== undefined) {
    list.changes[at] = change;
    return;
  }
  rows.set(a.row, list.changes.length);
  list.changes.push(change);
  list.live++;
}

function remove(list: OrderedList, a: Address): void {
  const rows = rowsOf(list, a, false);
  const at = rows?.get(a.row);
  if (at === undefined) return;
  rows!.delete(a.row);
  list.changes[at] = undefined;
  list.live--;
}

const isSpill = (value: unknown): value is Spill =>
  value !== null && typeof value === "object" && typeof (value as Spill).effectiveAddressesFromData === "function";

/** How many {@link withoutChangeList} calls are running. */
let unlistedDepth = 0;

/**
 * Runs `work` with the changes it makes counted but not listed: the engine's operations return
 * no changed cells and its valuesUpdated event still fires, with none. For the preview's own
 * writes, which never read the list: a 100,000-row write listed 600,000 cells, a back-test 1.4
 * million, and kept an index of them until the batch ended, for nobody. Only for engines without
 * a column index (HyperFormula's column index reads the changes; the preview has none).
 * @returns what `work` returns.
 */
export function withoutChangeList<T>(work: () => T): T {
  unlistedDepth++;
  try {
    return work();
  } finally {
    unlistedDepth--;
  }
}

/** ContentChanges' methods on the ordered list, each doing what the library's does. */
const METHODS = {
  add(this: ContentChanges, address: Address, change: Change): void {
    if (unlistedDepth > 0) {
      this[UNLISTED] = (this[UNLISTED] ?? 0) + 1;
      return;
    }
    const list = listOf(this);
    if (isSpill(change.value)) for (const a of change.value.effectiveAddressesFromData(address)) remove(list, a);
    put(list, address, change);
  },
  addAll(this: ContentChanges, other: ContentChanges): ContentChanges {
    if (other[UNLISTED]) this[UNLISTED] = (this[UNLISTED] ?? 0) + other[UNLISTED];
    if (untouched(other)) return this;
    for (const change of listOf(other).changes) if (change) METHODS.add.call(this, change.address, change);
    return this;
  },
  getChanges(this: ContentChanges): Change[] {
    if (untouched(this)) return [];
    return listOf(this).changes.filter((c): c is Change => c !== undefined);
  },
  isEmpty(this: ContentChanges): boolean {
    if (this[UNLISTED]) return false;
    return untouched(this) || listOf(this).live === 0;
  },
  exportChanges(this: ContentChanges, exporter: ChangeExporter): unknown[] {
    const all: unknown[] = [];
    if (untouched(this)) return all;
    for (const change of listOf(this).changes) {
      if (!change) continue;
      const exported = exporter.exportChange(change);
      if (Array.isArray(exported)) for (const cell of exported) all.push(cell);
      else all.push(exported);
    }
    return all;
  },
};

/**
 * Makes the engine keep its changes in the ordered list (for every engine built from the same
 * HyperFormula, as the list is the class's). Leaves the engine as it is (slower, not different)
 * when its internals are not as expected.
 * @returns whether the engine now keeps its changes in the ordered list.
 */
export function keepChangesInOrderedList(engine: HyperFormula): boolean {
  const changes = (engine as unknown as EngineInternals)._crudOperations?.operations?.changes;
  const kind = changes && (Object.getPrototypeOf(changes) as Record<string | symbol, unknown>);
  if (!changes || !(changes.changes instanceof Map) || !kind) return false;
  if (Object.keys(METHODS).some((m) => typeof kind[m] !== "function")) return false;
  if (kind[ORDERED]) return true;
  for (const [name, method] of Object.entries(METHODS))
    Object.defineProperty(kind, name, { value: method, writable: true, configurable: true });
  Object.defineProperty(kind, ORDERED, { value: true });
  return true;
}
