import type { HyperFormula } from "hyperformula";
import { readErroredSpillsAsErrors } from "../../src/workbook/preview/erroredSpillReads";
import { spillRangeFormulas } from "../../src/workbook/preview/spilledRangeFormulas";

/** The preview engine's configuration (src/workbook/preview/previewWorkbook.ts) that changes results. */
export const PREVIEW_CONFIG = {
  licenseKey: "gpl-v3",
  useArrayArithmetic: true,
  smartRounding: false,
  accentSensitive: true,
};

/**
 * HyperFormula as shipped, loaded as a separate module instance, so that none of the preview's
 * replacements (its functions, its engine internals) reach it.
 */
export function plainHyperFormula(): typeof HyperFormula {
  let hf: typeof import("hyperformula") | undefined;
  jest.isolateModules(() => {
    hf = jest.requireActual<typeof import("hyperformula")>("hyperformula");
  });
  return hf!.HyperFormula;
}

/**
 * A plain HyperFormula ({@link plainHyperFormula}) with the preview engine's configuration, so
 * that only the replaced functions differ; one sheet "S". `expectPlugin` names the engine's own
 * plugin of the function under test, to prove the reference is not the preview's.
 */
export function plainEngine(fn: string, expectPlugin: string) {
  const Plain = plainHyperFormula();
  expect(Plain.getFunctionPlugin(fn)!.name).toBe(expectPlugin);
  const engine = Plain.buildEmpty(PREVIEW_CONFIG);
  engine.addSheet("S");
  return engine;
}

/**
 * A plain HyperFormula engine (of `Plain`, by default {@link plainHyperFormula}) with the preview's
 * configuration and the preview's changes of behaviour (a read of an errored spill gives its
 * error, a formula that is only a range spills) but none of its faster internals: the reference
 * for tests that prove a replaced internal changes no result.
 */
export function referenceEngine(Plain: typeof HyperFormula = plainHyperFormula()): HyperFormula {
  const engine = Plain.buildEmpty(PREVIEW_CONFIG);
  expect(readErroredSpillsAsErrors(engine)).toBe(true);
  expect(spillRangeFormulas(engine)).toBe(true);
  return engine;
}
