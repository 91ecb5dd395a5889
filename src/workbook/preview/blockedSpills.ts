/**
 * In Excel a spill that shows #SPILL! because a cell was in its way spills again once that cell
 * is cleared. HyperFormula computes a formula again only when a cell it reads changes, and a
 * spill's area is not read, so its #SPILL! stays (HyperFormula issue 1287). This finds the
 * blocked spills whose area holds a cell a write emptied, for the workbook to enter their
 * formulas again.
 */
import { HyperFormula } from "hyperformula";
import { RangePos } from "../a1";

/** A sheet, row and column as the engine keeps them. */
export interface EngineAddress {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}

/** A spill formula's vertex, as far as this needs it (not part of HyperFormula's API). */
interface ArrayVertex {
  readonly array?: { readonly error?: { readonly type?: unknown } };
  getAddress(updatingService: unknown): EngineAddress;
  getFormula?(updatingService: unknown): unknown;
}

/** HyperFormula's array size predictor, as far as this needs it. */
interface ArraySizePredictor {
  checkArraySize(ast: unknown, at: EngineAddress): { readonly width: number; readonly height: number };
}

/** What the engine holds, as far as this needs it. */
interface EngineInternals {
  readonly _crudOperations?: { readonly operations?: { readonly arraySizePredictor?: ArraySizePredictor } };
}
interface DependencyGraphInternals {
  readonly arrayMapping?: { readonly arrayMapping?: Map<unknown, ArrayVertex> };
  readonly lazilyTransformingAstService?: unknown;
}

const within = (row: number, col: number, b: RangePos) =>
  row >= b.start.row && row <= b.end.row && col >= b.start.col && col <= b.end.col;
const overlaps = (a: RangePos, b: RangePos) =>
  a.start.row <= b.end.row && b.start.row <= a.end.row && a.start.col <= b.end.col && b.start.col <= a.end.col;

/**
 * The anchors of the spills on a sheet that show #SPILL! and whose area (the size the engine
 * predicts for the formula) holds a cell of one of the emptied blocks, anchors inside a block
 * left out (they were just written). When the engine cannot predict a size, every blocked anchor
 * above and left of a block's last cell (a spill reaches right and down). Empty when the engine's
 * internals are not as expected.
 */
export function blockedSpillsReaching(
  engine: HyperFormula,
  sheet: number,
  emptied: readonly RangePos[],
): EngineAddress[] {
  const graph = engine.dependencyGraph as unknown as DependencyGraphInternals;
  const arrays = graph.arrayMapping?.arrayMapping;
  if (!(arrays instanceof Map) || arrays.size === 0 || emptied.length === 0) return [];
  const predictor = (engine as unknown as EngineInternals)._crudOperations?.operations?.arraySizePredictor;
  const lazy = graph.lazilyTransformingAstService;
  const found: EngineAddress[] = [];
  for (const vertex of arrays.values()) {
    if (vertex.array?.error?.type !== "SPILL" || typeof vertex.getAddress !== "function") continue;
    const at = vertex.getAddress(lazy);
    if (at.sheet !== sheet || emptied.some((b) => within(at.row, at.col, b))) continue;
    const area = predictedArea(vertex, at, predictor, lazy);
    const reaches = area
      ? emptied.some((b) => overlaps(area, b))
      : emptied.some((b) => at.row <= b.end.row && at.col <= b.end.col);
    if (reaches) found.push(at);
  }
  return found;
}

/** The cells a spill's formula would fill, as the engine sizes it; null when it cannot say. */
function predictedArea(
  vertex: ArrayVertex,
  at: EngineAddress,
  predictor: ArraySizePredictor | undefined,
  lazy: unknown,
): RangePos | null {
  if (!predictor || typeof vertex.getFormula !== "function") return null;
  try {
    const size = predictor.checkArraySize(vertex.getFormula(lazy), at);
    if (!(size.width > 0 && size.height > 0)) return null;
    return { start: at, end: { row: at.row + size.height - 1, col: at.col + size.width - 1 } };
  } catch {
    return null;
  }
}
