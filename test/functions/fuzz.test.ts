import fc from "fast-check";
import { isCalcError } from "../../src/core/errors";
import { COMP_FUNCTIONS, FunctionSpec } from "../../src/functions/registry";

/** Any value Excel (or a careless caller) could pass in one cell. */
const cellValue = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, 5e-324, 1, 0.5, 1.3),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "Won",
    "Lost",
    "Closed Won",
    "RETRO",
    "marginal",
    "ALL",
    " ",
    "#N/A",
    "DAYS",
    "months",
    "FULL",
    "PRORATED",
  ),
  fc.integer({ min: 46000, max: 46400 }),
  fc.boolean(),
  fc.constantFrom(null, undefined, ""),
);

/** A small range of any shape, sometimes ragged. */
const smallRange = fc.oneof(
  fc.array(fc.array(cellValue, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }).map((rows) => {
    const w = rows[0].length;
    return rows.map((r) => r.slice(0, w).concat(Array(Math.max(0, w - r.length)).fill(null)));
  }),
  fc.array(fc.array(cellValue, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
  fc.constant([] as unknown[][]),
);

/** A plausible tiers range (two columns, ascending) so the fuzz reaches the per-row code too. */
const tiersRange = fc
  .array(fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true })), {
    minLength: 1,
    maxLength: 4,
  })
  .map((rows) => rows.sort((a, b) => a[0] - b[0]).map(([l, r]) => [l, r]));

/** Consecutive periods (first day, last day) so PRORATE's per-period code is reached too. */
const periodsRange = fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 5 }).map((lengths) => {
  let first = 46023;
  return lengths.map((n) => {
    const row = [first, first + n - 1];
    first += n;
    return row;
  });
});

const argument = fc.oneof(cellValue, smallRange, tiersRange, periodsRange);

/** True for what a custom function may hand back to a cell. */
function isCellResult(v: unknown): boolean {
  return (typeof v === "number" && Number.isFinite(v)) || typeof v === "string" || isCalcError(v);
}

function checkResult(spec: FunctionSpec, result: unknown, args: unknown[]): void {
  if (isCalcError(result)) return;
  if (spec.result === "scalar") {
    expect(isCellResult(result)).toBe(true);
    return;
  }
  expect(Array.isArray(result)).toBe(true);
  const rows = result as unknown[][];
  expect(rows.length).toBeGreaterThan(0);
  const width = rows[0].length;
  for (const row of rows) {
    expect(row.length).toBe(width);
    for (const v of row)
      if (!isCellResult(v)) throw new Error(`${spec.id}(${JSON.stringify(args)}) gave cell ${String(v)}`);
  }
}

describe("fuzz: every COMP function, fed random Excel values, never throws", () => {
  test.each(COMP_FUNCTIONS.map((f) => [f.id, f] as const))(
    "%s returns a finite number, a string, an error, or a matrix of those",
    (_id, spec) => {
      fc.assert(
        fc.property(fc.array(argument, { minLength: spec.params.length, maxLength: spec.params.length }), (args) => {
          checkResult(spec, spec.compute(...args), args);
        }),
        { numRuns: 2000 },
      );
    },
  );

  test.each(COMP_FUNCTIONS.map((f) => [f.id, f] as const))(
    "%s handles 100,000-cell ranges of mismatched shapes",
    (_id, spec) => {
      const big = Array.from({ length: 100_000 }, (_, i) => [
        i % 7 === 0 ? "x" : i % 11 === 0 ? null : (i % 300) / 100,
      ]);
      const wide = Array.from({ length: 50_000 }, (_, i) => [i / 1000, i % 3 === 0 ? "Won" : "Lost"]);
      const args = spec.params.map((p, i) => (p.kind === "range" ? (i % 2 === 0 ? big : wide) : null));
      checkResult(spec, spec.compute(...args), []);
      const same = spec.params.map((p) => (p.kind === "range" ? big : 1));
      checkResult(spec, spec.compute(...same), []);
    },
  );
});

/** The shape of an argument as the engine sees it (a scalar is 1x1). */
function shapeOfArg(a: unknown): { height: number; width: number } {
  return Array.isArray(a) && a.length > 0 && Array.isArray(a[0])
    ? { height: a.length, width: (a[0] as unknown[]).length }
    : { height: 1, width: 1 };
}

describe("fuzz: spilling functions never return more than the spill area reserved for them", () => {
  const spilling = COMP_FUNCTIONS.filter((f) => f.spillSize);
  test.each(spilling.map((f) => [f.id, f] as const))("%s fits its spillSize", (_id, spec) => {
    fc.assert(
      fc.property(fc.array(argument, { minLength: spec.params.length, maxLength: spec.params.length }), (args) => {
        const result = spec.compute(...args);
        if (isCalcError(result) || typeof result === "number") return;
        const size = spec.spillSize!(args.map(shapeOfArg));
        expect(result.length).toBeLessThanOrEqual(size.height);
        expect(result[0].length).toBeLessThanOrEqual(size.width);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("fuzz: the unit-economics functions on in-domain numbers reach their maths", () => {
  /** Mostly plausible numbers (rates, margins, churn, amounts), with the domain's edges. */
  const inDomain = fc.oneof(
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1e7, noNaN: true }),
    fc.constantFrom(0, 1, 1e-300, 1e308, 5e-324, null),
  );
  const column = fc.array(inDomain, { minLength: 1, maxLength: 5 }).map((xs) => xs.map((x) => [x]));
  const arg = fc.oneof(inDomain, column);
  test.each(
    COMP_FUNCTIONS.filter((f) => ["CAC_PAYBACK", "LTV", "LTV_TO_CAC", "LEAD_GROWTH", "FUNNEL"].includes(f.id)).map(
      (f) => [f.id, f] as const,
    ),
  )("%s returns finite numbers, blanks or errors, never an infinity", (_id, spec) => {
    let numbers = 0;
    fc.assert(
      fc.property(fc.array(arg, { minLength: spec.params.length, maxLength: spec.params.length }), (args) => {
        const result = spec.compute(...args);
        checkResult(spec, result, args);
        if (!isCalcError(result) && typeof result !== "number")
          numbers += result.flat().filter((v) => typeof v === "number").length;
      }),
      { numRuns: 2000 },
    );
    // The generator is in-domain often enough that real results come out, not only errors.
    expect(numbers).toBeGreaterThan(100);
  });
});
