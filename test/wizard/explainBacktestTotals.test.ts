import { BACKTEST_SHEETS, comparisonNamedCells } from "../../src/wizard/backtest/backtestLayout";
import { runBacktestStep } from "../../src/wizard/backtest/runBacktestStep";
import { explainActiveCell } from "../../src/wizard/explain/explainCell";
import { book, curve, d, plan, rolePlan, rowsOf, settings } from "./backtest/fixtures";

// One AE, quota 10,000 a month = 120,000 a year. Won deals of 60,000 (Jan) and 90,000 (Feb):
// current pays 60,000 x f(150,000 / 120,000 = 1.25) = 60,000 x (1 + 1.5 x 0.25) = 82,500;
// proposed 60,000 x (1 + 2 x 0.25) = 90,000. Revenue 150,000 under both.
const deals = [
  ["D1", "R1", "Won", d(1, 15), 60000, "", "", "", ""],
  ["D2", "R1", "Won", d(2, 10), 90000, "", "", "", ""],
];
const people = [["R1", "AE", "", "", 10000, ""]];

async function run() {
  const { wb, host } = book(deals, people);
  const proposed = plan("Proposed", [
    rolePlan("AE", {
      curve: curve([
        [0, 1],
        [1, 2],
      ]),
    }),
  ]);
  const result = await runBacktestStep(host, settings(plan("Current", [rolePlan("AE")]), proposed));
  return { wb, host, result };
}

const at = (name: string) => comparisonNamedCells().find((n) => n.name === name)!.address;

describe("Explain reads the comparison's named totals as arguments", () => {
  test("the written sheet names its totals where the layout says", async () => {
    const { result } = await run();
    const comparison = result.sheets.find((s) => s.name === BACKTEST_SHEETS.comparison)!;
    // Without actual payouts there is no model-minus-actual total; every other name is where the layout puts it.
    expect(comparison.namedRanges).toEqual(comparisonNamedCells().filter((n) => n.name !== "BT_Model_Minus_Actual"));
  });

  test("cost of sales: COMP.COST_OF_SALES(BT_Cost_current, BT_Revenue_current) with both totals read", async () => {
    const { wb, host } = await run();
    wb.select(BACKTEST_SHEETS.comparison, at("BT_CostOfSales_current"));
    const e = await explainActiveCell(host);
    expect(e.title).toBe("COMP.COST_OF_SALES");
    expect(e.formula).toBe("=COMP.COST_OF_SALES(BT_Cost_current,BT_Revenue_current)");
    // 82,500 / 150,000 = 55%.
    expect(e.inputs.map((i) => i.source)).toEqual([
      `BT_Cost_current: Plan Comparison!${at("BT_Cost_current")}`,
      `BT_Revenue_current: Plan Comparison!${at("BT_Revenue_current")}`,
    ]);
    expect(e.inputs.map((i) => i.value)).toEqual(["82,500", "150,000"]);
    expect(e.inWords).toMatch(/= 0\.55|= 55/);
  });

  test("the change in cost: each named total it subtracts, with its value and cell", async () => {
    const { wb, host } = await run();
    wb.select(BACKTEST_SHEETS.comparison, at("BT_Cost_Change"));
    const e = await explainActiveCell(host);
    expect(e.formula).toBe("=BT_Cost_proposed-BT_Cost_current");
    // 90,000 - 82,500 = 7,500.
    const text = JSON.stringify(e);
    expect(text).toContain(`Plan Comparison!${at("BT_Cost_proposed")}`);
    expect(text).toContain(`Plan Comparison!${at("BT_Cost_current")}`);
    expect(text).not.toContain("not found");
  });
});

describe("Explain lists the people and the deals behind the comparison's totals", () => {
  // Two AEs, quota 10,000 a month. R1: won 60,000 (Jan) and 90,000 (Feb): attainment 125%,
  // current 82,500, proposed 90,000 (a winner by 7,500). R2: won 30,000 (Mar), lost 50,000 (Apr):
  // 25%, 15,000 under both (the same). Revenue counted: 180,000 (the lost deal is not counted).
  const twoDeals = [
    ...deals,
    ["D3", "R2", "Won", d(3, 5), 30000, "", "", "", ""],
    ["D4", "R2", "Lost", d(4, 5), 50000, "", "", "", ""],
  ];
  async function runTwo() {
    const { wb, host } = book(twoDeals, [...people, ["R2", "AE", "", "", 10000, ""]]);
    const proposed = plan("Proposed", [
      rolePlan("AE", {
        curve: curve([
          [0, 1],
          [1, 2],
        ]),
      }),
    ]);
    await runBacktestStep(host, settings(plan("Current", [rolePlan("AE")]), proposed));
    return { wb, host };
  }
  const explainAt = async (address: string) => {
    const { wb, host } = await runTwo();
    wb.select(BACKTEST_SHEETS.comparison, address);
    return { e: await explainActiveCell(host), wb };
  };
  const labels = (e: { rows: readonly { label: string }[] }) => e.rows.map((r) => r.label);

  test("revenue: the deals the plan counts, with links to the deals table, and the formula as before", async () => {
    const { e, wb } = await explainAt(at("BT_Revenue_current"));
    expect(e.formula).toBe("=SUMIFS(BT_Credits[Credit],BT_Credits[Owner credit],1,BT_Credits[Counts current],1)");
    expect(labels(e)).toEqual(["Deals row 1: D1", "Deals row 2: D2", "Deals row 3: D3"]);
    expect(e.inWords).toContain("the 3 owner credit(s) the plan counts, 180,000.00 in all");
    const deals = wb.tables().find((t) => t.name === "Deals")!;
    expect(e.rows.map((r) => [r.sheet, r.address])).toEqual([
      [deals.sheet, "A2:I2"],
      [deals.sheet, "A3:I3"],
      [deals.sheet, "A4:I4"],
    ]);
  });

  test("cost: each person's pay, the best paid first, linked to their comparison row", async () => {
    const { e } = await explainAt(at("BT_Cost_current"));
    expect(labels(e)).toEqual(["BT_Comparison row 1: R1", "BT_Comparison row 2: R2"]);
    expect(e.rows.map((r) => r.detail)).toEqual(["AE · Pay 82,500.00", "AE · Pay 15,000.00"]);
    expect(e.rows.every((r) => r.sheet === BACKTEST_SHEETS.comparison)).toBe(true);
  });

  test("share at quota: who reaches quota, and winners and losers by name", async () => {
    const share = (await explainAt(at("BT_AtQuota_proposed"))).e;
    expect(share.inWords).toContain("1 of 2 people reach their year quota under the Proposed plan");
    expect(share.rows.map((r) => r.detail)).toEqual([
      "AE · Attainment 125.0% (at or above quota)",
      "AE · Attainment 25.0%",
    ]);
    const winners = (await explainAt(at("BT_Winners"))).e;
    expect(labels(winners)).toEqual(["BT_Comparison row 1: R1"]);
    expect(winners.rows[0].detail).toBe("AE · Difference 7,500.00 · Pay Current 82,500.00 · Pay Proposed 90,000.00");
    const losers = (await explainAt(at("BT_Losers"))).e;
    expect(losers.rows).toEqual([]);
    expect(losers.inWords).toContain("0 people are paid less");
  });

  test("people with no quota (an SDR on money tiers) have no attainment: not counted at quota, in no band; no actual payouts, no model-minus-actual total", async () => {
    const withSdr = twoDeals.map((r) => (r[0] === "D1" ? [...r.slice(0, 7), "S1", 1] : r));
    const { wb, host } = book(withSdr, [...people, ["R2", "AE", "", "", 10000, ""], ["S1", "SDR", "", "", "", ""]]);
    const sdr = rolePlan("SDR", { curveOn: "AMOUNT", targetIncentive: 1, curve: curve([[0, 0.05]]), splits: "ANY" });
    const proposed = plan("Proposed", [
      rolePlan("AE", {
        curve: curve([
          [0, 1],
          [1, 2],
        ]),
      }),
      sdr,
    ]);
    await runBacktestStep(host, settings(plan("Current", [rolePlan("AE"), sdr]), proposed));
    expect(rowsOf(wb, "BT_Comparison").find((r) => r.Person === "S1")!["Attainment proposed"]).toBe("");
    wb.select(BACKTEST_SHEETS.comparison, at("BT_AtQuota_proposed"));
    const share = await explainActiveCell(host);
    expect(share.inWords).toContain(
      "1 of 2 people reach their year quota under the Proposed plan (the health band is 60-70%); 1 with no quota are not counted",
    );
    expect(labels(share)).toEqual(["BT_Comparison row 1: R1", "BT_Comparison row 2: R2"]);
    const hist = wb.tables().find((t) => t.name === "BT_Histogram")!;
    wb.select(hist.sheet, `${String.fromCharCode(65 + hist.anchor.col + 4)}${hist.anchor.row + 2}`); // Below 50%, proposed
    const below = await explainActiveCell(host);
    expect(labels(below)).toEqual(["BT_Comparison row 2: R2"]); // R2 at 25%; S1 in no band
    wb.select(BACKTEST_SHEETS.comparison, at("BT_Model_Minus_Actual"));
    const blank = await explainActiveCell(host);
    expect(blank.rows).toEqual([]);
    expect(blank.inWords).not.toContain("model minus");
  });

  test("a histogram count: the people in that attainment band under that plan", async () => {
    const { wb, host } = await runTwo();
    const hist = wb.tables().find((t) => t.name === "BT_Histogram")!;
    const rows = rowsOf(wb, "BT_Histogram");
    const band = rows.findIndex(
      (r) => (r.From === "" || (r.From as number) <= 1.25) && (r.To === "" || 1.25 < (r.To as number)),
    );
    expect(rows[band].Current).toBe(1);
    wb.select(hist.sheet, `${String.fromCharCode(65 + hist.anchor.col + 3)}${hist.anchor.row + 2 + band}`);
    const e = await explainActiveCell(host);
    expect(e.formula).toMatch(/^=COUNTIFS\(/);
    expect(labels(e)).toEqual(["BT_Comparison row 1: R1"]);
    expect(e.inWords).toContain("1 of 2 people have a year attainment");
  });
});
