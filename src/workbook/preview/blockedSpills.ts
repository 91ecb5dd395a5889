/**
 * In Excel a spill that shows #SPILL! because a cell was in its way spills again once that cell
 * is cleared. HyperFormula computes a formula again only when a cell it reads changes, and a
 * spill's area is not read, so its #SPILL! stays (HyperFormula issue 1287). This finds the
 * blocked spills a write may have freed, for the workbook to enter their formulas again.
 */
import { HyperFormula } from "hyperformula";

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
}

/** What the engine holds, as far as this needs it. */
interface DependencyGraphInternals {
  readonly arrayMapping?: { readonly arrayMapping?: Map<unknown, ArrayVertex> };
  readonly lazilyTransformingAstService?: unknown;
}

/**
 * The anchors of the spills on a sheet that show #SPILL! and whose area could hold a cell of a
 * written block (a spill reaches right and down from its anchor, so only anchors at or above and
 * left of the block's last cell), anchors inside the block left out (they were just written).
 * Empty when the engine's internals are not as expected.
 */
export function blockedSpillsReaching(
  engine: HyperFormula,
  sheet: number,
  block: { readonly start: { row: number; col: number }; readonly end: { row: number; col: number } },
): EngineAddress[] {
  const graph = engine.dependencyGraph as unknown as DependencyGraphInternals;
  const arrays = graph.arrayMapping?.arrayMapping;
  if (!(arrays instanceof Map) || arrays.size === 0) return [];
  const found: EngineAddress[] = [];
  for (const vertex of arrays.values()) {
    if (vertex.array?.error?.type !== "SPILL" || typeof vertex.getAddress !== "function") continue;
    const at = vertex.getAddress(graph.lazilyTransformingAstService);
    if (at.sheet !== sheet || at.row > block.end.row || at.col > block.end.col) continue;
    const inBlock = at.row >= block.start.row && at.col >= block.start.col;
    if (!inBlock) found.push(at);
  }
  return found;
}
