import fc from "fast-check";
import { repeatedRows, repeatedRowsNote } from "../../src/core/repeatedRows";

describe("rows repeated cell for cell", () => {
  test("worked examples: a row equal to an earlier one in every cell repeats it; types and blanks count", () => {
    const rows = [
      ["D-1", "Ann", 100],
      ["D-2", "Bob", 100],
      ["D-1", "Ann", 100], // row 3 repeats row 1
      ["D-1", "Ann", "100"], // text "100" is not the number 100
      [null, "", "  "], // blank rows are never repeats
      [null, null, null],
      ["D-2", "Bob", 100], // row 7 repeats row 2
      ["D-1", "Ann", 100], // row 8 repeats row 1 again
    ];
    expect(repeatedRows(rows)).toEqual([
      { row: 3, repeats: 1 },
      { row: 7, repeats: 2 },
      { row: 8, repeats: 1 },
    ]);
    // Only the rows kept are looked at: with row 1 left out, row 8 repeats row 3.
    expect(repeatedRows(rows, (_, i) => i !== 0)).toEqual([
      { row: 7, repeats: 2 },
      { row: 8, repeats: 3 },
    ]);
  });

  test("the note names the table, the first three repeats and how many more", () => {
    expect(repeatedRowsNote("Deals", [{ row: 9, repeats: 4 }], "the facts")).toBe(
      "Deals has 1 row that repeats an earlier row in every cell (row 9 repeats row 4): each is counted again in the facts. If the export listed them twice, delete the repeats and run again.",
    );
    const many = [1200, 1300, 1400, 1500, 1600].map((row, i) => ({ row, repeats: i + 1 }));
    expect(repeatedRowsNote("Deals", many, "the KPIs of 2026-10")).toBe(
      "Deals has 5 rows that repeat an earlier row in every cell (row 1,200 repeats row 1; row 1,300 repeats row 2; row 1,400 repeats row 3 and 2 more): each is counted again in the KPIs of 2026-10. If the export listed them twice, delete the repeats and run again.",
    );
  });

  test("property: the repeats are exactly the rows whose cells equal an earlier non-blank row's", () => {
    const cell = fc.oneof(fc.constantFrom("a", "b", "1", " "), fc.constantFrom(1, 2), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 30 }), (rows) => {
        const blank = (v: unknown) => v === null || (typeof v === "string" && v.trim() === "");
        const same = (a: unknown[], b: unknown[]) =>
          a.every((v, i) => (blank(v) && blank(b[i])) || (typeof v === typeof b[i] && v === b[i]));
        const expected = rows.flatMap((row, i) => {
          if (row.every(blank)) return [];
          const first = rows.findIndex((other, j) => j < i && same(other, row));
          return first < 0 ? [] : [{ row: i + 1, repeats: first + 1 }];
        });
        expect(repeatedRows(rows)).toEqual(expected);
      }),
    );
  });
});
