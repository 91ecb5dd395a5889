import { absoluteReference, parseCell } from "../../src/workbook/a1";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../../src/workbook/previewHost";
import { describeWorkbookHostContract, HostFixture, territorySpec } from "./hostContract";

function previewFixture(): HostFixture & { wb: PreviewWorkbook } {
  const wb = new PreviewWorkbook();
  const host = new PreviewHost(wb, () => new Date("2026-11-22T12:00:00Z"));
  return {
    wb,
    host,
    seedUserTable(sheet, table, headers, rows) {
      wb.addSheet(sheet);
      writeSpec(wb, { name: sheet, tables: [{ name: table, anchor: "A1", headers, rows }] });
    },
    seedUserSheet(sheet, a1) {
      wb.addSheet(sheet);
      wb.setCell(sheet, { row: 0, col: 0 }, a1);
    },
    written(sheet, address) {
      const c = wb.cell(sheet, parseCell(address));
      return c.formula ?? c.value;
    },
    seedUserName: (name, sheet, address) => wb.setName(name, absoluteReference(sheet, address)),
    editCell: (sheet, address, value) => wb.setCell(sheet, parseCell(address), value),
    addPart: (xml) => void wb.addXmlPart(xml),
    formulaAt: (sheet, address) => wb.cell(sheet, parseCell(address)).formula,
    numberFormat: (sheet, address) => wb.cell(sheet, parseCell(address)).numberFormat,
    snapshot(except) {
      const out: Record<string, string> = {};
      for (const s of wb.sheetNames()) {
        if (except.includes(s)) continue;
        const used = wb.usedRange(s);
        if (!used) continue;
        for (let r = 0; r <= used.end.row; r++)
          for (let c = 0; c <= used.end.col; c++) {
            const cell = wb.cell(s, { row: r, col: c });
            if (cell.value !== null || cell.formula)
              out[`${s}!${r},${c}`] = JSON.stringify([cell.formula, cell.value, cell.numberFormat]);
          }
      }
      return out;
    },
    parts: () => [...wb.customXmlParts().values()],
  };
}

describeWorkbookHostContract("PreviewHost", previewFixture);

describe("PreviewHost evaluates what it writes", () => {
  test("structured references and named ranges compute in the engine", async () => {
    const f = previewFixture();
    await f.host.writeSheet(territorySpec(3));
    expect(f.wb.cell("Territories", parseCell("C3")).value).toBe(40);
    expect(f.wb.cell("Territories", parseCell("F1")).value).toBe(60);
    f.wb.setCell("Territories", parseCell("G1"), "=TotalPotential*2");
    expect(f.wb.cell("Territories", parseCell("G1")).value).toBe(120);
  });
  test("a hand edit of the table updates the formulas over it", async () => {
    const f = previewFixture();
    await f.host.writeSheet(territorySpec(3));
    f.wb.setCell("Territories", parseCell("B2"), 1000);
    expect(f.wb.cell("Territories", parseCell("F1")).value).toBe(1050);
  });
  test("a formula naming an unknown column shows #REF! with the reason", () => {
    const f = previewFixture();
    f.seedUserTable("Data", "Accounts", ["Account", "Potential"], [["A", 1]]);
    f.wb.setCell("Data", parseCell("E1"), "=SUM(Accounts[Nope])");
    expect(f.wb.cell("Data", parseCell("E1")).value).toEqual({
      error: "#REF!",
      message: 'Table Accounts has no column "Nope".',
    });
  });
});

describe("the preview engine reads formulas as Excel does", () => {
  test("TRUE and FALSE are constants, as in Excel (HyperFormula alone knows only TRUE())", () => {
    const wb = new PreviewWorkbook();
    wb.addSheet("S");
    wb.setCell("S", { row: 0, col: 0 }, "=IF(TRUE,1,2)+IF(FALSE,10,20)");
    wb.setCell("S", { row: 0, col: 1 }, "=NORM.S.DIST(0,TRUE)");
    expect(wb.cell("S", { row: 0, col: 0 }).value).toBe(21);
    expect(wb.cell("S", { row: 0, col: 1 }).value).toBe(0.5);
  });
});

describe("PreviewHost writes are atomic", () => {
  /** Everything the user can see: sheets and their cells, tables, names, parts. */
  function state(f: ReturnType<typeof previewFixture>) {
    return {
      sheets: f.wb.sheetNames(),
      cells: f.snapshot([]),
      tables: f.wb.tables().map((t) => `${t.name}@${t.sheet}`),
      names: f.wb.engine.listNamedExpressions().map((n) => [n, f.wb.engine.getNamedExpressionFormula(n)]),
      parts: [...f.wb.customXmlParts()],
    };
  }

  test.each([
    ["a first run", false],
    ["a re-run over its own sheet", true],
  ])("%s that fails half-way leaves the workbook exactly as it was, and the next run succeeds", async (_, rerun) => {
    const f = previewFixture();
    f.seedUserTable("Data", "Accounts", ["Account", "Potential"], [["A", 1]]);
    f.wb.setCell("Data", parseCell("D1"), "=SUM(Accounts[Potential])");
    if (rerun) await f.host.writeSheet(territorySpec(3));
    const before = state(f);
    const addChart = f.wb.addChart.bind(f.wb);
    f.wb.addChart = () => {
      throw new Error("the engine gave up");
    };
    await expect(f.host.writeSheet(territorySpec(5))).rejects.toThrow("the engine gave up");
    expect(state(f)).toEqual(before);
    f.wb.addChart = addChart;
    await f.host.writeSheet(territorySpec(5));
    expect(await f.host.isOwned("Territories")).toBe(true);
    expect(f.wb.cell("Territories", parseCell("F1")).value).toBe(150);
    expect(f.wb.cell("Data", parseCell("D1")).value).toBe(1);
  });
});
