import { NameClashError, NotOwnedError } from "../../src/workbook/host";
import { SheetSpec } from "../../src/workbook/sheetSpec";
import { isAddInName, refersToSheet, refuseClashes, resolveTargets } from "../../src/workbook/writeRefusals";

const spec = (name: string, tables: string[] = [], names: string[] = []): SheetSpec => ({
  name,
  tables: tables.map((t) => ({ name: t, anchor: "A1", headers: ["X"], rows: [] })),
  namedRanges: names.map((n) => ({ name: n, address: "B1" })),
});

describe("what a staged write refuses, in both hosts", () => {
  const sheets = [
    { id: "s1", name: "Territories" },
    { id: "s2", name: "Data" },
  ];

  test("a sheet of the same name (any case) that the add-in did not write is refused", () => {
    expect(() => resolveTargets([spec("data")], sheets, () => undefined)).toThrow(NotOwnedError);
    const [t] = resolveTargets([spec("territories")], sheets, (id) => (id === "s1" ? { names: [] } : undefined));
    expect(t.existing).toEqual({ id: "s1", name: "Territories" });
  });

  test("a table the spec makes may exist only on a sheet being replaced or removed", () => {
    const targets = resolveTargets([spec("Territories", ["Summary"])], sheets, () => ({ names: [] }));
    const tables = (sheetId: string) => [{ name: "summary", sheetName: "X", sheetId }];
    expect(() => refuseClashes(targets, { tables: tables("s1"), names: [] })).not.toThrow();
    expect(() =>
      refuseClashes(targets, { tables: tables("gone"), names: [], leftovers: new Set(["gone"]) }),
    ).not.toThrow();
    expect(() => refuseClashes(targets, { tables: tables("s2"), names: [] })).toThrow(
      'A table named "summary" already exists on sheet "X".',
    );
  });

  test("a name the spec defines must be the add-in's: listed in the record, or (old records) pointing at the sheet", () => {
    const listed = resolveTargets([spec("Territories", [], ["Quota_Total"])], sheets, () => ({
      names: ["quota_total"],
    }));
    const names = [{ name: "Quota_Total", reference: "=Data!A1" }];
    expect(() => refuseClashes(listed, { tables: [], names })).not.toThrow();
    const legacy = resolveTargets([spec("Territories", [], ["Quota_Total"])], sheets, () => ({}));
    expect(() => refuseClashes(legacy, { tables: [], names })).toThrow(NameClashError);
    const pointing = [{ name: "Quota_Total", reference: "=Territories!$B$1" }];
    expect(isAddInName(legacy, pointing[0])).toBe(true);
    expect(() => refuseClashes(legacy, { tables: [], names: pointing })).not.toThrow();
    // A user's table holding the name is refused too.
    expect(() =>
      refuseClashes(listed, { tables: [{ name: "QUOTA_TOTAL", sheetName: "Data", sheetId: "s2" }], names: [] }),
    ).toThrow(NameClashError);
  });

  test("references to a sheet, quoted or not", () => {
    expect(refersToSheet("=Territories!A1", "territories")).toBe(true);
    expect(refersToSheet("='My ''own'' sheet'!A1", "My 'own' sheet")).toBe(true);
    expect(refersToSheet("=TerritoriesOld!A1", "Territories")).toBe(false);
  });
});
