import fc from "fast-check";
import {
  batches,
  excelWouldReinterpret,
  planBlock,
  RangeWrite,
  TEXT_FORMAT,
  utf8Length,
} from "../../src/workbook/payload";
import { CellInput, isFormula } from "../../src/workbook/sheetSpec";

/** The cells a plan writes, as "row,col" -> what lands there (kind and content), and the formats. */
function apply(writes: readonly RangeWrite[]) {
  const cells = new Map<string, { kind: string; v: unknown }>();
  const formats = new Map<string, string>();
  for (const w of writes) {
    w.data.forEach((r, i) =>
      r.forEach((v, j) => {
        const k = `${w.row + i},${w.col + j}`;
        if (w.kind === "numberFormat") formats.set(k, v as string);
        else {
          expect(cells.has(k)).toBe(false);
          cells.set(k, { kind: w.kind, v });
        }
      }),
    );
  }
  return { cells, formats };
}

describe("payload sizes", () => {
  test("UTF-8 length: ASCII 1 byte, é 2, € 3, an emoji 4", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("€")).toBe(3);
    expect(utf8Length("😀")).toBe(4);
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => utf8Length(s) === Buffer.byteLength(s, "utf8")));
  });

  test("text Excel would reinterpret is recognised; plain words are not", () => {
    for (const t of [
      "=1+1",
      "+1",
      "-x",
      "@a",
      "'x",
      "00123",
      "5%",
      "TRUE",
      "false",
      "#N/A",
      "2019-03-01",
      "1/2",
      "3:30",
      " lead",
      "trail ",
    ])
      expect(excelWouldReinterpret(t)).toBe(true);
    for (const t of ["North", "Acme Corp", "rep@example.com", "a-b"]) expect(excelWouldReinterpret(t)).toBe(false);
  });
});

describe("planBlock", () => {
  test("a table of values and a formula column: one values rectangle, one formulas rectangle, formats first", () => {
    const rows: CellInput[][] = [
      ["A1", 10, { formula: "=[@B]*2" }],
      ["00123", 20, { formula: "=[@B]*2" }],
    ];
    const w = planBlock(1, 0, rows, [null, "#,##0", null]);
    expect(w.map((x) => [x.kind, x.row, x.col, x.data.length, x.data[0].length])).toEqual([
      ["numberFormat", 1, 0, 2, 2],
      ["values", 1, 0, 2, 2],
      ["formulas", 1, 2, 2, 1],
    ]);
    // "A1" has a digit, so it is marked as text too: harmless, it is text.
    expect(w[0].data).toEqual([
      [TEXT_FORMAT, "#,##0"],
      [TEXT_FORMAT, "#,##0"],
    ]);
  });

  test("a column mixing formulas and values is written in runs of one kind", () => {
    const w = planBlock(0, 0, [[1], [{ formula: "=A1" }], [{ formula: "=A2" }], [null]]);
    expect(w.map((x) => [x.kind, x.row, x.data.length])).toEqual([
      ["values", 0, 1],
      ["formulas", 1, 2],
      ["values", 3, 1],
    ]);
    expect(w[2].data).toEqual([[""]]);
  });

  test("rows are split so that no assignment exceeds the budget; one row too large is refused", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`id-${i}`.padEnd(90, "x"), i]);
    const w = planBlock(0, 0, rows, [], 0, 10_000);
    expect(w.every((x) => x.bytes <= 10_000)).toBe(true);
    expect(w.filter((x) => x.kind === "values").reduce((n, x) => n + x.data.length, 0)).toBe(1000);
    expect(() => planBlock(0, 0, [["x".repeat(20_000)]], [], 0, 10_000)).toThrow(
      /Row 1 holds .* more than one request/,
    );
  });

  test("property: every cell is written exactly once, as a formula if and only if it is one, text behind the text format, within the budget", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom("=1+1", "=", "00123", "5%", "TRUE", "#N/A", "2019-03-01", "+1", "-x", "@a"),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.string().map((s) => ({ formula: `=${JSON.stringify(s)}` })),
    );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 40 })),
        fc.integer({ min: 300, max: 3000 }),
        (rows, budget) => {
          let writes: RangeWrite[];
          try {
            writes = planBlock(2, 1, rows, [], 0, budget);
          } catch {
            return true; // a single row over a tiny budget
          }
          const { cells, formats } = apply(writes);
          expect(cells.size).toBe(rows.length * rows[0].length);
          rows.forEach((r, i) =>
            r.forEach((c, j) => {
              const got = cells.get(`${2 + i},${1 + j}`)!;
              if (isFormula(c)) expect(got).toEqual({ kind: "formulas", v: c.formula });
              else expect(got).toEqual({ kind: "values", v: c ?? "" });
              if (typeof c === "string" && excelWouldReinterpret(c))
                expect(formats.get(`${2 + i},${1 + j}`)).toBe(TEXT_FORMAT);
            }),
          );
          for (const b of batches(writes, budget))
            expect(b.length === 1 || b.reduce((n, x) => n + x.bytes, 0) <= budget).toBe(true);
          expect(writes.every((x) => x.bytes <= budget)).toBe(true);
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});
