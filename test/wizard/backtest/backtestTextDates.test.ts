import { isoDate } from "../../../src/core/dates";
import { BACKTEST_SHEETS, BACKTEST_TABLES } from "../../../src/wizard/backtest/backtestLayout";
import { copyPlan } from "../../../src/wizard/backtest/backtestSettings";
import { backtestStep, runBacktestStep } from "../../../src/wizard/backtest/runBacktestStep";
import { StepError } from "../../../src/wizard/stepRun";
import { book, d, plan, rolePlan, rowsOf, settings } from "./fixtures";

const aePlan = plan("Current", [rolePlan("AE")]);
const s = settings(aePlan, copyPlan(aePlan, "Proposed"));
const people = [
  ["a1", "AE", "", "", 50000, ""],
  ["a2", "AE", "", "", 50000, ""],
];
/** Six won deals in 2026 with close and payment dates as date serials. */
const deals = Array.from({ length: 6 }, (_, i) => [
  `D${i + 1}`,
  i % 2 ? "a2" : "a1",
  "Won",
  d(i + 1, 10),
  10000 * (i + 1),
  d(i + 2, 1),
  "",
  "",
  "",
]);
/** The same deals as a CRM export writes them: close dates as ISO text, one with a time. */
const textDeals = deals.map((r, i) => {
  const copy = [...r];
  copy[3] = i === 2 ? `${isoDate(r[3] as number)} 10:00` : isoDate(r[3] as number);
  return copy;
});

describe("the back-test on dates stored as text", () => {
  test("ISO text (2026-03-10, 2026-03-10 10:00) is read as the dates it names, with a note in the result", async () => {
    const numbers = book(deals, people);
    const texts = book(textDeals, people);
    await runBacktestStep(numbers.host, s);
    const result = await runBacktestStep(texts.host, s);
    // Same deals on the same days: every ledger line is the same.
    expect(rowsOf(texts.wb, BACKTEST_TABLES.ledger)).toEqual(rowsOf(numbers.wb, BACKTEST_TABLES.ledger));
    const note =
      'Deals column "Closed" holds dates as text on rows 1, 2, 3 and 3 more ("2026-01-10", "2026-02-10", "2026-03-10 10:00"); they were read as the dates they name (yyyy-mm-dd).';
    expect(result.notes.some((n) => n.startsWith(note))).toBe(true);
    expect(backtestStep.summary(s, result).details.some((n) => n.startsWith(note))).toBe(true);
  });

  test("ambiguous text (03/04/2026) or text that is no date is refused naming the column and its first rows; nothing is written", async () => {
    const bad = textDeals.map((r, i) => (i === 1 ? [...r.slice(0, 3), "03/04/2026", ...r.slice(4)] : r));
    bad[4] = [...bad[4].slice(0, 5), "next week", ...bad[4].slice(6)];
    const { wb, host } = book(bad, people);
    const run = runBacktestStep(host, s);
    await expect(run).rejects.toThrow(StepError);
    await expect(runBacktestStep(host, s)).rejects.toThrow(
      'Deals column "Closed" holds text, not dates, on row 2 ("03/04/2026"): text such as "03/04/2026" can be read as more than one date (3 April 2026 or 4 March 2026).',
    );
    await expect(runBacktestStep(host, s)).rejects.toThrow(
      'Deals column "Payment Date" holds text, not dates, on row 5 ("next week"): text such as "next week" is not a date.',
    );
    for (const sheet of Object.values(BACKTEST_SHEETS)) expect(wb.hasSheet(sheet)).toBe(false);
  });
});
