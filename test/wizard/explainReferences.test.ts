import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../../src/workbook/previewHost";
import { arithmetic } from "../../src/wizard/explain/references";
import { explainActiveCell } from "../../src/wizard/explain/explainCell";
import fc from "fast-check";

/**
 * Explain shows the value of every argument of a COMP call, structured references included:
 * [@Column] is this row's cell, Table[[#This Row],[Column]] the same, Table[Column] the whole
 * column (its count, sum and first values), and an expression its references' values and, for
 * plain arithmetic, its result (as Excel's Evaluate Formula steps through it).
 */
let wb: PreviewWorkbook;
let host: PreviewHost;

beforeAll(() => {
  wb = new PreviewWorkbook();
  wb.addSheet("Plan");
  writeSpec(wb, {
    name: "Plan",
    tables: [
      // Tiers {0, 1; 1, 1.5; 1.25, 2} (README's PAYOUT example) in A1:B4.
      {
        name: "Tiers",
        anchor: "A1",
        headers: ["Lower", "Rate"],
        rows: [
          [0, 1],
          [1, 1.5],
          [1.25, 2],
        ],
      },
      // Reps in D1:I3: two rows, the first at attainment 1.3 on a 50,000 target incentive.
      {
        name: "Reps",
        anchor: "D1",
        headers: ["Rep", "Actual", "Quota", "Attainment", "Target incentive", "Payout"],
        rows: [
          [
            "R01",
            1_300_000,
            1_000_000,
            { formula: "=[@Actual]/[@Quota]" },
            50_000,
            { formula: "=COMP.PAYOUT([@Attainment],[@[Target incentive]],Tiers)" },
          ],
          [
            "R02",
            800_000,
            1_000_000,
            { formula: "=[@Actual]/[@Quota]" },
            25_000,
            { formula: "=COMP.PAYOUT([@Actual]/[@Quota],[@[Target incentive]]*2,Tiers)" },
          ],
        ],
      },
      // Spend in K1:L4: spend 200,000 over 40 new customers (README's CAC example).
      {
        name: "Spend",
        anchor: "K1",
        headers: ["Spend", "New customers"],
        rows: [
          [50_000, 10],
          [70_000, 15],
          [80_000, 15],
        ],
      },
    ],
    cells: [
      { address: "N2", value: { formula: "=COMP.CAC(Spend[Spend],Spend[New customers])" } },
      {
        address: "N3",
        value: { formula: "=COMP.QUOTA_ATTAINMENT(Reps[[#This Row],[Actual]],Reps[@Quota])" },
      },
    ],
  });
  host = new PreviewHost(wb);
});

const inputs = async (address: string) => {
  wb.select("Plan", address);
  const e = await explainActiveCell(host);
  return { e, rows: e.inputs.map((x) => [x.label, x.value, x.source]) };
};

describe("Explain evaluates structured references", () => {
  test("[@Column] and [@[Two words]] show this row's cells, and PAYOUT is traced tier by tier", async () => {
    // Row 1 (sheet row 2): attainment 1,300,000 / 1,000,000 = 1.3; PAYOUT(1.3, 50,000) = 50,000 x
    // (1 x 1 + 1.5 x 0.25 + 2 x 0.05) = 73,750.
    const { e, rows } = await inputs("I2");
    expect(rows.slice(0, 3)).toEqual([
      ["attainment", "1.3", "[@Attainment]: this row, Plan!G2"],
      ["target_incentive", "50,000", "[@[Target incentive]]: this row, Plan!H2"],
      ["tiers", "3 x 2 range", "table Tiers"],
    ]);
    expect(e.breakdown!.at(-1)).toEqual(["Total", "", "", "", "", 73750]);
  });

  test("an expression of references shows each part's value and the result of its arithmetic", async () => {
    // Row 2: 800,000 / 1,000,000 = 0.8 on 25,000 x 2 = 50,000: PAYOUT = 0.8 x 1 x 50,000 = 40,000.
    const { e, rows } = await inputs("I3");
    expect(rows[0]).toEqual([
      "attainment",
      "0.8",
      "[@Actual]/[@Quota], where [@Actual] = 800,000 (this row, Plan!E3); [@Quota] = 1,000,000 (this row, Plan!F3)",
    ]);
    expect(rows[1]).toEqual([
      "target_incentive",
      "50,000",
      "[@[Target incentive]]*2, where [@[Target incentive]] = 25,000 (this row, Plan!H3)",
    ]);
    expect(e.breakdown!.at(-1)).toEqual(["Total", "", "", "", "", 40000]);
  });

  test("whole columns show their count, sum and first values", async () => {
    // CAC = (50,000 + 70,000 + 80,000) / (10 + 15 + 15) = 200,000 / 40 = 5,000.
    const { e, rows } = await inputs("N2");
    expect(e.inWords).toBe("COMP.CAC(spend, new_customers) = 5,000.");
    expect(rows).toEqual([
      ["spend", "3 row(s): sum 200,000; first 50,000, 70,000, 80,000", "Spend[Spend]: 3 row(s), Plan!K2:K4"],
      ["new_customers", "3 row(s): sum 40; first 10, 15, 15", "Spend[New customers]: 3 row(s), Plan!L2:L4"],
    ]);
  });

  test("Table[[#This Row],[Column]] outside the table reads the table's cell on the formula's row", async () => {
    // N3 is on sheet row 3: Reps' second row, 800,000 against 1,000,000.
    const { rows } = await inputs("N3");
    expect(rows).toEqual([
      ["actual", "800,000", "Reps[[#This Row],[Actual]]: this row, Plan!E3"],
      ["quota", "1,000,000", "Reps[@Quota]: this row, Plan!F3"],
    ]);
  });
});

describe("Explain on a formula without COMP", () => {
  test("lists each reference it reads with its value", async () => {
    // 200,000 / 1,000,000 + 1,300,000 = 1,300,000.2
    wb.setCell("Plan", { row: 4, col: 13 }, "=SUM(Spend[Spend])/Plan!$F$2+$E$2");
    const { e, rows } = await inputs("N5");
    expect(e.title).toBe("A formula");
    expect(rows).toEqual([
      ["Value", "1,300,000.2", "Plan!N5"],
      ["Spend[Spend]", "3 row(s): sum 200,000; first 50,000, 70,000, 80,000", "3 row(s), Plan!K2:K4"],
      ["Plan!$F$2", "1,000,000", "Plan!F2"],
      ["$E$2", "1,300,000", "Plan!E2"],
    ]);
  });
});

describe("arithmetic left once references are values", () => {
  test("worked examples: precedence as Excel's (unary minus before ^)", () => {
    expect(arithmetic("(800000)/(1000000)")).toBe(0.8);
    expect(arithmetic("2+3*4")).toBe(14);
    expect(arithmetic("-2^2")).toBe(4);
    expect(arithmetic("(1+2)*(3-1)/4")).toBe(1.5);
    expect(arithmetic("SUM(1,2)")).toBeNull();
    expect(arithmetic("1+")).toBeNull();
    expect(arithmetic('"a"&"b"')).toBeNull();
  });

  test("property: a sum of products evaluates as JavaScript does", () => {
    const n = fc.integer({ min: -1000, max: 1000 });
    fc.assert(
      fc.property(n, n, n, (a, b, c) => {
        const text = `(${a})*(${b})+(${c})`;
        expect(arithmetic(text)).toBe(a * b + c);
      }),
    );
  });
});

describe("splitting a COMP call's arguments", () => {
  test("commas inside structured references do not split an argument, escaped brackets included", async () => {
    const { compCall } = await import("../../src/wizard/explain/explainCell");
    expect(compCall("=COMP.CAC(T[[#This Row],[Spend]],T[[#This Row],[Won '[net']]])")).toEqual({
      id: "CAC",
      args: ["T[[#This Row],[Spend]]", "T[[#This Row],[Won '[net']]]"],
    });
  });
});
