import { generateSample, toExcelSerial } from "../../src/sample/sampleData";
import { samplePlanSheet, sampleTables } from "../../src/sample/sampleTables";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { writeSpec } from "../../src/workbook/previewHost";
import { compileCurve, CompiledCurve, payout } from "../../src/core/tiers";
import { toCsv } from "../../src/sample/csv";

describe("the sample workbook", () => {
  const sample = generateSample();

  test("Excel date serials: 2026-01-01 is 46023, 1900-03-01 is 61", () => {
    expect(toExcelSerial(2026, 1, 1)).toBe(46023);
    expect(toExcelSerial(1900, 3, 1)).toBe(61);
  });

  test("is the same for a seed and different for another", () => {
    expect(generateSample()).toEqual(sample);
    expect(generateSample(7).accounts[0]).not.toEqual(sample.accounts[0]);
  });

  test("has the sizes of a realistic team: 2,000 accounts, 30 reps, 5,000 deals", () => {
    expect(sample.accounts).toHaveLength(2000);
    expect(sample.reps).toHaveLength(30);
    expect(sample.deals).toHaveLength(5000);
  });

  test("is consistent: every deal's account and owner exist, close after created, potentials positive", () => {
    const accounts = new Set(sample.accounts.map((a) => a.id));
    const reps = new Set(sample.reps.map((r) => r.id));
    for (const d of sample.deals) {
      expect(accounts.has(d.accountId)).toBe(true);
      expect(reps.has(d.owner)).toBe(true);
      if (d.closed !== null) expect(d.closed).toBeGreaterThanOrEqual(d.created);
    }
    for (const a of sample.accounts) expect(a.potential).toBeGreaterThan(0);
  });

  test("stages are plausible: about a quarter to a third of closed deals are won", () => {
    const closed = sample.deals.filter((d) => d.closed !== null);
    const won = closed.filter((d) => /won/i.test(d.stage));
    expect(won.length / closed.length).toBeGreaterThan(0.22);
    expect(won.length / closed.length).toBeLessThan(0.38);
  });

  test("the Plan tab's formulas compute in the preview engine and equal the core's numbers", () => {
    const wb = new PreviewWorkbook();
    for (const t of sampleTables(sample)) {
      wb.addSheet(t.sheet);
      writeSpec(wb, {
        name: t.sheet,
        tables: [{ name: t.table, anchor: "A1", headers: t.headers, rows: t.rows, numberFormats: t.numberFormats }],
      });
    }
    const plan = samplePlanSheet(sample);
    wb.addSheet(plan.name);
    writeSpec(wb, plan);
    const reps = plan.tables[1];
    const curve = compileCurve({
      tiers: [
        { lower: 0, rate: 1 },
        { lower: 1, rate: 1.5 },
        { lower: 1.25, rate: 2 },
      ],
      mode: "MARGINAL",
      threshold: null,
      cap: 2,
    }) as CompiledCurve;
    reps.rows.forEach((row, i) => {
      const r = 8 + i; // 0-based row of the data row (header on row 8, i.e. index 7)
      const id = row[0] as string;
      const won = sample.deals.filter((d) => d.owner === id && /won/i.test(d.stage)).reduce((s, d) => s + d.amount, 0);
      expect(wb.cell("Plan", { row: r, col: 4 }).value).toBe(won);
      const attainment = wb.cell("Plan", { row: r, col: 5 }).value as number;
      expect(attainment).toBe(won / (row[3] as number));
      expect(wb.cell("Plan", { row: r, col: 7 }).value).toBe(payout(attainment, row[6] as number, curve));
    });
    const winRate = wb.cell("Plan", { row: 2, col: 8 }).value as number;
    const closed = sample.deals.filter((d) => d.closed !== null);
    expect(winRate).toBe(closed.filter((d) => /won/i.test(d.stage)).length / closed.length);
  });
});

describe("CSV export", () => {
  test("quotes commas, quotes and line breaks; blanks are empty", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", 'say "hi"'],
          [null, 3],
          ["line\nbreak", 1.5],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n,3\r\n"line\nbreak",1.5\r\n');
  });
});
