import { autoMap } from "../../src/wizard/columnMapping";
import { findDataProblems } from "../../src/wizard/dataProblems";

describe("autoMap", () => {
  test("maps the sample's headers, pinned owner before owner", () => {
    const m = autoMap(["Account ID", "Account", "Sector", "Region", "Potential", "Workload", "Current Owner", "Pinned Owner", "Latitude", "Longitude"]);
    expect(m).toEqual({ id: 0, potential: 4, workload: 5, group: 2, region: 3, owner: 6, pinned: 7, latitude: 8, longitude: 9 });
  });
  test("recognises the synonyms of the issue", () => {
    const m = autoMap(["Name", "Revenue", "Hours", "Industry", "Country", "Rep", "Named owner", "x", "y"]);
    expect(m).toEqual({ id: 0, potential: 1, workload: 2, group: 3, region: 4, owner: 5, pinned: 6, latitude: 8, longitude: 7 });
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
