/**
 * HyperFormula as shipped, without the preview's replacements (a separate module instance), with
 * the preview engine's configuration (src/workbook/preview/previewWorkbook.ts), so that only the
 * replaced functions differ; one sheet "S". `expectPlugin` names the engine's own plugin of the
 * function under test, to prove the reference is not the preview's.
 */
export function plainEngine(fn: string, expectPlugin: string) {
  let hf: typeof import("hyperformula") | undefined;
  jest.isolateModules(() => {
    hf = jest.requireActual<typeof import("hyperformula")>("hyperformula");
  });
  expect(hf!.HyperFormula.getFunctionPlugin(fn)!.name).toBe(expectPlugin);
  const engine = hf!.HyperFormula.buildEmpty({
    licenseKey: "gpl-v3",
    useArrayArithmetic: true,
    smartRounding: false,
    accentSensitive: true,
  });
  engine.addSheet("S");
  return engine;
}
