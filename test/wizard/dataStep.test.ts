import { autoMap } from "../../src/wizard/columnMapping";
import { findDataProblems, findReinterpretedCells } from "../../src/wizard/dataProblems";

describe("autoMap", () => {
  test("maps the sample's headers, pinned owner before owner", () => {
    const m = autoMap([
      "Account ID",
      "Account",
      "Sector",
      "Region",
      "Potential",
      "Workload",
      "Current Owner",
      "Pinned Owner",
      "Latitude",
      "Longitude",
    ]);
    expect(m).toEqual({
      id: 0,
      potential: 4,
      workload: 5,
      group: 2,
      region: 3,
      owner: 6,
      pinned: 7,
      latitude: 8,
      longitude: 9,
    });
  });
  test("recognises the synonyms of the issue", () => {
    const m = autoMap(["Name", "Revenue", "Hours", "Industry", "Country", "Rep", "Named owner", "x", "y"]);
    expect(m).toEqual({
      id: 0,
      potential: 1,
      workload: 2,
      group: 3,
      region: 4,
      owner: 5,
      pinned: 6,
      latitude: 8,
      longitude: 7,
    });
  });
  test("never guesses: unknown headers stay unmapped", () => {
    const m = autoMap(["Foo", "Bar"]);
    expect(Object.values(m).every((v) => v === null)).toBe(true);
  });
});

describe("findDataProblems", () => {
  const mapping = autoMap(["Account", "Potential", "Workload", "Pinned Owner"]);
  test("lists every problem with its row", () => {
    const rows = [
      ["A1", 100, 5, ""],
      ["A2", "", 5, ""],
      ["A3", "lots", 5, ""],
      ["A4", -3, 5, ""],
      ["a1 ", 50, "x", "R99"],
      ["", 10, 1, "R1"],
    ];
    expect(findDataProblems(rows, mapping, ["R1", "R2"]).map((p) => p.message)).toEqual([
      "Row 2: potential is blank.",
      'Row 3: potential is the text "lots", not a number.',
      "Row 4: potential is negative (-3).",
      'Row 5: account "a1" also appears on row 1.',
      'Row 5: workload "x" is not a number of 0 or more.',
      'Row 5: pinned owner "R99" is not among the reps.',
      "Row 6: the account is blank.",
    ]);
  });
  test("missing required columns are one problem each, before any row check", () => {
    expect(findDataProblems([["a"]], autoMap(["Foo"]), null).map((p) => p.message)).toEqual([
      "Choose the column that identifies each account.",
      "Choose the column with each account's potential.",
    ]);
  });
});

describe("findReinterpretedCells", () => {
  const headers = ["Account ID", "Potential", "Sector", "Owner"];
  const mapping = autoMap(headers);
  test("names the row and column of text that looks like a formula or that Excel would read as something else", () => {
    const rows = [
      ['=HYPERLINK("http://x","Click")', 100, "Retail", "R1"],
      ["00123", 100, "+Plus", "@ann"],
      ["A3", 5, "5%", "TRUE"],
      ["A4", 5, "2019-03-01", "-bob"],
      ["A5", 5, "#N/A", "3/4/2024"],
      ["A6", 5, "Retail", " 42 "],
      ["A7", 5, "R&D - EMEA", "Ann-Marie"],
    ];
    expect(findReinterpretedCells(headers, rows, mapping).map((p) => [p.row, p.column, p.message])).toEqual([
      [
        1,
        "Account ID",
        'Row 1, Account ID: "=HYPERLINK("http://x","Click")" starts with =, as a formula does; it is kept as text, never run.',
      ],
      [
        2,
        "Account ID",
        'Row 2, Account ID: "00123" is text that Excel would read as the number 123 (leading zeros lost); it is kept as text.',
      ],
      [2, "Sector", 'Row 2, Sector: "+Plus" starts with +, as a formula does; it is kept as text, never run.'],
      [2, "Owner", 'Row 2, Owner: "@ann" starts with @, as a formula does; it is kept as text, never run.'],
      [3, "Sector", 'Row 3, Sector: "5%" is text that Excel would read as the percentage 5%; it is kept as text.'],
      [3, "Owner", 'Row 3, Owner: "TRUE" is text that Excel would read as the boolean TRUE; it is kept as text.'],
      [4, "Sector", 'Row 4, Sector: "2019-03-01" is text that Excel would read as a date; it is kept as text.'],
      [4, "Owner", 'Row 4, Owner: "-bob" starts with -, as a formula does; it is kept as text, never run.'],
      [5, "Sector", 'Row 5, Sector: "#N/A" is text that Excel would read as the error #N/A; it is kept as text.'],
      [5, "Owner", 'Row 5, Owner: "3/4/2024" is text that Excel would read as a date; it is kept as text.'],
      [6, "Owner", 'Row 6, Owner: " 42 " is text that Excel would read as the number 42; it is kept as text.'],
    ]);
  });
  test("numbers, booleans and blanks in cells are values, not text to report; a number column's text is left to findDataProblems", () => {
    expect(
      findReinterpretedCells(
        headers,
        [
          [123, "=x", 1, true],
          ["", null, "", false],
        ],
        mapping,
      ),
    ).toEqual([]);
  });
});
