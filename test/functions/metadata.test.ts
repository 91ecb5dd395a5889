import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { COMP_FUNCTIONS } from "../../src/functions/registry";

/** functions.json as custom-functions-metadata generates it from src/functions/functions.ts. */
async function metadata(): Promise<{
  functions: {
    id: string;
    name: string;
    parameters: { name: string; optional?: boolean; dimensionality?: string }[];
  }[];
}> {
  const result = await generateCustomFunctionsMetadata("src/functions/functions.ts", true);
  expect(result.errors).toEqual([]);
  return JSON.parse(result.metadataJson);
}

describe("functions.json", () => {
  test("ids, argument names and orders never change by accident (snapshot)", async () => {
    const m = await metadata();
    const signature = m.functions.map(
      (f) => `${f.id}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`,
    );
    expect(signature).toMatchSnapshot();
    expect(m).toMatchSnapshot();
  });
  test("every function in the registry is registered with Excel, with the same parameters, and no other", async () => {
    const m = await metadata();
    expect(m.functions.map((f) => f.id).sort()).toEqual(COMP_FUNCTIONS.map((f) => f.id).sort());
    for (const spec of COMP_FUNCTIONS) {
      const f = m.functions.find((x) => x.id === spec.id)!;
      expect(f.name).toBe(spec.id);
      expect(f.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
      expect(f.parameters.map((p) => Boolean(p.optional))).toEqual(spec.params.map((p) => p.optional));
      expect(f.parameters.map((p) => (p.dimensionality === "matrix" ? "range" : "value"))).toEqual(
        spec.params.map((p) => p.kind),
      );
    }
  });
});
