import { BACKTEST_TABLES } from "../../../src/wizard/backtest/backtestLayout";
import { copyPlan } from "../../../src/wizard/backtest/backtestSettings";
import { runBacktestStep } from "../../../src/wizard/backtest/runBacktestStep";
import { book, d, plan, rolePlan, rowsOf, settings } from "./fixtures";

const current = plan("Current", [rolePlan("AE"), rolePlan("SDR")]);
const s = settings(current, copyPlan(current, "Proposed"));
const people = [
  ["a1", "AE", "", "", 50000, ""],
  ["s1", "SDR", "", "", 50000, ""],
];
// Deal ID, Owner, Stage, Closed, Amount, Payment Date, Cancel Date, SDR, SDR Share
const deals = [
  ["D1", "a1", "Won", d(1, 10), 10000, "", "", "", ""],
  ["D2", "", "Won", d(2, 10), 20000, "", "", "s1", 1], // no owner, but its SDR is credited
  ["D3", "", "Won", d(3, 10), 30000, "", "", "", ""], // no owner and no one else
  ["D4", "", "Lost", d(4, 10), 40000, "", "", "", ""], // a stage no plan counts: nothing to say
];

describe("back-test deals without an owner", () => {
  test("are named with their rows and ids, saying whether someone else is still credited", async () => {
    const { wb, host } = book(deals, people);
    const result = await runBacktestStep(host, s);
    expect(result.notes).toContain(
      'Deals: 2 deal(s) closed in 2026 in a stage a plan counts have no Owner (rows 2, 3 ("D2", "D3")): no owner is credited for them, so their amounts are in neither plan\'s revenue (1 of them still credits the people in its other credit columns). Enter an owner to count them.',
    );
    // The SDR on D2 is credited all the same; no one is credited for D3.
    const credits = rowsOf(wb, BACKTEST_TABLES.credits);
    expect(credits.filter((c) => c["Deal"] === "D2").map((c) => c["Person"])).toEqual(["s1"]);
    expect(credits.filter((c) => c["Deal"] === "D3")).toEqual([]);
  });

  test("with no other credit on them, no one is credited and the note says so", async () => {
    const { host } = book([deals[0], deals[2]], people);
    const result = await runBacktestStep(host, s);
    expect(result.notes).toContain(
      'Deals: 1 deal(s) closed in 2026 in a stage a plan counts have no Owner (row 2 ("D3")): no one is credited for them and their amounts are in neither plan\'s figures. Enter an owner to count them.',
    );
  });
});
