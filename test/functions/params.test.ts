import fc from "fast-check";
import { FunctionArgumentType } from "hyperformula";
import { isCalcError } from "../../src/core/errors";
import { defineFunction } from "../../src/functions/functionSpec";
import {
  bool,
  cells,
  eachCell,
  num,
  option,
  Param,
  range,
  readArgs,
  shareOrOption,
  sum,
  text,
  tiers,
} from "../../src/functions/params";
import { COMP_FUNCTIONS } from "../../src/functions/registry";
import { CompPlugin } from "../../src/workbook/preview/compPlugin";
import { BLANKS, col, errorOf } from "./helpers";

/** The reader's result for one argument against one declaration. */
const read1 = (p: Param, value: unknown): unknown => {
  const r = readArgs([p], [value]);
  return isCalcError(r) ? r : r[0];
};

describe("the declared parameters: one reader before every body", () => {
  test("a required number: blank is #N/A naming it, text is #VALUE!, a 1x1 range is its value", () => {
    const p = num("amount");
    for (const b of BLANKS) expect(errorOf(read1(p, b)).message).toBe("amount is blank; enter a number.");
    expect(errorOf(read1(p, "12")).message).toBe('amount is the text "12"; enter a number.');
    expect(read1(p, [[12]])).toBe(12);
    expect(errorOf(read1(p, [[1], [2]])).message).toBe("amount must be a single value, not a range.");
  });

  test("limits: at least 0, above 0, a share, a churn rate, a whole number in bounds", () => {
    expect(errorOf(read1(num("x", { limit: "atLeast0" }), -1)).message).toBe(
      "x is negative (-1); it must be 0 or more.",
    );
    expect(read1(num("x", { limit: "atLeast0" }), 0)).toBe(0);
    expect(errorOf(read1(num("x", { limit: "above0" }), 0)).message).toBe("x is 0; it must be above 0.");
    expect(errorOf(read1(num("x", { limit: "share" }), 1.5)).message).toBe(
      "x is 1.5; it must be from 0 to 1 (0.25 = 25%).",
    );
    expect(read1(num("x", { limit: "share" }), 1)).toBe(1);
    expect(errorOf(read1(num("x", { limit: "churn" }), 0)).code).toBe("#NUM!");
    const whole = num("d", { optional: true, fallback: 2, whole: { min: -10, max: 10 } });
    expect(read1(whole, null)).toBe(2);
    expect(errorOf(read1(whole, 2.5)).message).toBe("d is 2.5; enter a whole number from -10 to 10.");
    expect(errorOf(read1(whole, 11)).code).toBe("#NUM!");
  });

  test("optional values: a number without a fallback is null; options default to the first word", () => {
    expect(read1(num("cap", { optional: true }), undefined)).toBeNull();
    const mode = option("mode", ["MARGINAL", "RETRO"] as const);
    expect(read1(mode, undefined)).toBe("MARGINAL");
    expect(read1(mode, "  retro ")).toBe("RETRO");
    expect(errorOf(read1(mode, "tiered")).message).toBe('mode is "tiered"; use "MARGINAL" or "RETRO".');
    expect(read1(text("won_label"), "")).toBeNull();
    expect(errorOf(read1(text("won_label"), 3)).code).toBe("#VALUE!");
    expect(read1(bool("recoverable", true), null)).toBe(true);
    expect(errorOf(read1(bool("recoverable", true), "yes")).message).toBe(
      'recoverable is the text "yes"; enter TRUE or FALSE.',
    );
    const method = shareOrOption("method", ["PRORATED", "FULL"] as const);
    expect(read1(method, 0.5)).toBe(0.5);
    expect(read1(method, "full")).toBe("FULL");
    expect(read1(method, null)).toBe("PRORATED");
  });

  test("ranges: a scalar is 1x1, an optional one left out (or one blank cell) is null, one column when asked", () => {
    expect(read1(range("r"), 5)).toEqual([[5]]);
    expect(read1(range("r", { optional: true }), undefined)).toBeNull();
    expect(read1(range("r", { optional: true }), [[null]])).toBeNull();
    expect(errorOf(read1(range("r", { oneColumn: true }), [[1, 2]])).message).toBe(
      "r has 2 columns; give one column, in order.",
    );
    expect(errorOf(read1(range("r"), [[1, 2], [3]])).message).toBe("r is not a rectangular range.");
  });

  test("sums: blanks count as nothing, the total is exact, a negative cell is named by row", () => {
    const total = read1(sum("spend"), col(0.1, null, 0.2));
    expect(String(total)).toBe("0.3");
    expect(errorOf(read1(sum("spend"), col(1, -2))).message).toBe(
      "spend row 2 is negative (-2); it must be 0 or more.",
    );
  });

  test("tiers: two columns of lower bound and rate; an optional one left out is null", () => {
    expect(
      read1(tiers("tiers"), [
        [0, 0.5],
        [1, 1],
      ]),
    ).toEqual([
      { lower: 0, rate: 0.5 },
      { lower: 1, rate: 1 },
    ]);
    expect(read1(tiers("tiers", { optional: true }), null)).toBeNull();
    expect(errorOf(read1(tiers("tiers"), [[0]])).code).toBe("#VALUE!");
  });

  test("arguments are checked in order and the first problem is the result; the body never runs on bad input", () => {
    let ran = 0;
    const f = defineFunction({
      id: "TEST",
      params: [num("a"), num("b", { limit: "above0" })],
      result: "scalar",
      body: (a, b) => {
        ran++;
        return a / b;
      },
    });
    expect(errorOf(f.compute("x", 0)).message).toContain("a is");
    expect(errorOf(f.compute(1, 0)).message).toBe("b is 0; it must be above 0.");
    expect(ran).toBe(0);
    expect(f.compute(3, [[4]])).toBe(0.75);
    expect(ran).toBe(1);
  });

  test("element-wise cells: a blank row stays blank, one blank is #N/A naming row, a blankMeans fills in", () => {
    const a = read1(cells("a", "any"), col(1, null, null));
    const b = read1(cells("b", "atLeast0"), col(2, null, 3));
    const g = read1(cells("g", "share", { blankMeans: 1 }), null);
    const out = eachCell([a, b, g] as never, ([x, y, z]) => x * y * z);
    expect(isCalcError(out)).toBe(false);
    const rows = out as unknown[][];
    expect(rows[0][0]).toBe(2);
    expect(rows[1][0]).toBe("");
    expect(errorOf(rows[2][0]).message).toBe("a row 3 is blank; enter a number.");
  });
});

describe("the registry drives every COMP function", () => {
  test("every parameter's form agrees with what it holds: ranges, cells, sums and tiers come as ranges", () => {
    for (const spec of COMP_FUNCTIONS) {
      for (const p of spec.params) {
        const asRange = ["range", "cells", "sum", "tiers"].includes(p.type);
        expect(`${spec.id}.${p.name}: ${p.kind}`).toBe(`${spec.id}.${p.name}: ${asRange ? "range" : "value"}`);
      }
      // Required parameters come first, as Excel requires.
      const firstOptional = spec.params.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(spec.params.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  });

  test("the preview engine declares each argument from the same table (ranges as RANGE, values as ANY)", () => {
    for (const spec of COMP_FUNCTIONS) {
      const engine = CompPlugin.implementedFunctions[`COMP.${spec.id}`];
      expect(engine.parameters!.map((p) => [p.argumentType, Boolean(p.optionalArg)])).toEqual(
        spec.params.map((p) => [
          p.kind === "range" ? FunctionArgumentType.RANGE : FunctionArgumentType.ANY,
          p.optional,
        ]),
      );
    }
  });

  test("property: text in any required number parameter is an error that names that parameter", () => {
    const cases = COMP_FUNCTIONS.flatMap((spec) =>
      spec.params.flatMap((p, i) => (p.type === "number" && !p.optional ? [{ spec, i, name: p.name }] : [])),
    );
    expect(cases.length).toBeGreaterThan(5);
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.string({ minLength: 1 }), ({ spec, i, name }, word) => {
        const args: unknown[] = spec.params.map(() => null);
        args[i] = `x${word}`;
        // Earlier required parameters get acceptable values so that the one under test is reached.
        for (let j = 0; j < i; j++) args[j] = spec.params[j].type === "tiers" ? [[0, 1]] : 1;
        const e = errorOf(spec.compute(...args));
        expect(e.code).toBe("#VALUE!");
        expect(e.message.startsWith(`${name} is the text`)).toBe(true);
      }),
    );
  });

  test("property: any required parameter left out is an error naming it, never a crash or a number", () => {
    const cases = COMP_FUNCTIONS.flatMap((spec) =>
      spec.params.flatMap((p, i) => (!p.optional && p.type !== "cells" ? [{ spec, i, name: p.name }] : [])),
    );
    fc.assert(
      fc.property(fc.constantFrom(...cases), ({ spec, i, name }) => {
        const args: unknown[] = spec.params.slice(0, i).map((p) => (p.type === "tiers" ? [[0, 1]] : [[1]]));
        const result = spec.compute(...args);
        expect(isCalcError(result)).toBe(true);
        expect(errorOf(result).message).toContain(name);
      }),
    );
  });
});
