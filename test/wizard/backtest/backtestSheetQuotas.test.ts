import { runLedger } from "../../../src/core/ledger";
import { BACKTEST_TABLES } from "../../../src/wizard/backtest/backtestLayout";
import { BacktestSettings } from "../../../src/wizard/backtest/backtestSettings";
import { parseStoredBacktest } from "../../../src/wizard/backtest/backtestStored";
import { ledgerInput, readBacktest } from "../../../src/wizard/backtest/readBacktest";
import { runBacktestStep } from "../../../src/wizard/backtest/runBacktestStep";
import { runQuotaStep } from "../../../src/wizard/quotas/runQuotaStep";
import { StepError } from "../../../src/wizard/stepRun";
import { quotaSettings } from "../stepFixtures";
import { book, curve, d, plan, rolePlan, rowsOf, settings } from "./fixtures";

const REP_HEADERS = ["Rep", "Potential", "Forecast", "Quota", "Stretch", "Probability", "Sigma"];
/** A reps table as the quota step writes it (only Rep and Quota are read). */
const quotasTable = (rows: [unknown, unknown][]) => ({
  sheet: "Quotas",
  table: "Quotas_Reps",
  headers: REP_HEADERS,
  rows: rows.map(([rep, quota]) => [rep, 0, 0, quota, 0, 0, 0]),
});

// Both plans on attainment: 60,000 at 100%, 1x to 100% then 1.5x.
const current = plan("Current", [rolePlan("AE")]);
const proposed = plan("Proposed", [
  rolePlan("AE", {
    curve: curve([
      [0, 0.8],
      [1, 1.6],
    ]),
  }),
]);
const fromSheet = (per: "month" | "quarter" | "year"): Partial<BacktestSettings> => ({
  quotas: { kind: "sheet", table: "Quotas_Reps", per },
});
// People: the Quota column of the people table holds 1 (not used with the sheet as the source).
const people = [
  ["a1", "AE", "", "", 1, ""],
  ["a2", "AE", "", "", 1, ""],
];
const deal = (id: string, owner: string, month: number, amount: number) =>
  [id, owner, "Won", d(month, 15), amount, "", "", "", ""] as unknown[];

async function read(s: BacktestSettings, quotaRows: [unknown, unknown][], ppl = people, deals: unknown[][] = []) {
  const { host } = book(deals, ppl, [quotasTable(quotaRows)]);
  return readBacktest(
    s,
    await host.readTable("Deals"),
    await host.readTable("People"),
    null,
    await host.readTable("Quotas_Reps"),
  );
}

describe("back-test quotas from the Quotas sheet the quota step wrote", () => {
  test("worked example: each person's quota is their row's, times the periods of its period in a year", async () => {
    // Quarterly quotas: a1 25,000 x 4 = 100,000 a year; a2 30,000 x 4 = 120,000.
    const data = await read(settings(current, proposed, fromSheet("quarter")), [
      ["a2", 30000],
      ["a1", 25000],
    ]);
    expect(data.problems).toEqual([]);
    expect(data.people.map((p) => [p.id, p.annualQuota])).toEqual([
      ["a1", 100000],
      ["a2", 120000],
    ]);
    // The same rows as yearly quotas are the year's; as monthly ones, x 12.
    const year = await read(settings(current, proposed, fromSheet("year")), [
      ["a1", 25000],
      ["a2", 30000],
    ]);
    expect(year.people.map((p) => p.annualQuota)).toEqual([25000, 30000]);
    const month = await read(settings(current, proposed, fromSheet("month")), [
      ["a1", 2500],
      ["a2", 3000],
    ]);
    expect(month.people.map((p) => p.annualQuota)).toEqual([30000, 36000]);
  });

  test("worked example: a deal of 50,000 on a yearly quota of 100,000 earns half the target incentive", async () => {
    // a1: 50,000 / 100,000 = 50% attainment; current 60,000 x 0.5 x 1 = 30,000; proposed 60,000 x 0.5 x 0.8 = 24,000.
    const s = settings(current, proposed, fromSheet("year"));
    const data = await read(
      s,
      [
        ["a1", 100000],
        ["a2", 100000],
      ],
      people,
      [deal("D1", "a1", 3, 50000)],
    );
    expect(data.problems).toEqual([]);
    const earned = (p: typeof current) =>
      runLedger(ledgerInput(data, p, s))
        .rows.filter((r) => r.person === "a1")
        .reduce((a, r) => a + r.earned, 0);
    expect(earned(current)).toBeCloseTo(30000, 8);
    expect(earned(proposed)).toBeCloseTo(24000, 8);
  });

  test("a person without a row in the sheet is named by their people row; ids match as the same text", async () => {
    // "A1" is not "a1": ids are matched as the same text, case included.
    const data = await read(settings(current, proposed, fromSheet("year")), [
      ["A1", 100000],
      ["a2", 0],
    ]);
    expect(data.problems).toEqual([
      "People row 1, Rep ID: a1 (AE) has no row in Quotas_Reps; attainment needs a quota. Add them to the quota step's reps, or choose another quota source.",
      "People row 2, Rep ID: a2 (AE) has a quota of 0 on Quotas_Reps row 2; attainment needs one above 0.",
    ]);
  });

  test("spaces around an id are ignored; text where a quota belongs, repeated ids and a missing column are named", async () => {
    const ok = await read(settings(current, proposed, fromSheet("year")), [
      [" a1 ", 100000],
      ["a2", 90000],
    ]);
    expect(ok.problems).toEqual([]);
    expect(ok.people.map((p) => p.annualQuota)).toEqual([100000, 90000]);
    const bad = await read(settings(current, proposed, fromSheet("year")), [
      ["a1", "lots"],
      ["a2", 90000],
      ["a2", 95000],
    ]);
    expect(bad.problems).toEqual([
      'Quotas_Reps row 1, Quota: "lots" is not a number.',
      'Quotas_Reps row 3, Rep: "a2" is also on row 2; list each person once.',
    ]);
    const { host } = book([], people, [{ ...quotasTable([]), headers: ["Rep", "Target"] }]);
    const noColumn = readBacktest(
      settings(current, proposed, fromSheet("year")),
      await host.readTable("Deals"),
      await host.readTable("People"),
      null,
      await host.readTable("Quotas_Reps"),
    );
    expect(noColumn.problems).toEqual(['Table Quotas_Reps has no column "Quota" (the quota); choose another.']);
  });

  test("a missing Quotas sheet says what to do and writes nothing", async () => {
    const { wb, host } = book([deal("D1", "a1", 3, 50000)], people);
    const sheets = wb.sheetNames();
    await expect(runBacktestStep(host, settings(current, proposed, fromSheet("year")))).rejects.toThrow(StepError);
    await expect(runBacktestStep(host, settings(current, proposed, fromSheet("year")))).rejects.toThrow(
      /no table named "Quotas_Reps"/,
    );
    expect(wb.sheetNames()).toEqual(sheets);
  });

  test("stored settings with the sheet as the source load; an unknown period does not", () => {
    const s = settings(current, proposed, fromSheet("quarter"));
    expect(parseStoredBacktest(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(parseStoredBacktest({ ...s, quotas: { kind: "sheet", table: "Quotas_Reps", per: "week" } })).toBeNull();
  });

  test("on the sheet the quota step wrote: the engine's ledger equals the core's, quota for quota", async () => {
    const reps = ["a1", "a2", "a3"];
    const ppl = reps.map((r) => [r, "AE", "", "", "", ""]);
    const deals = Array.from({ length: 24 }, (_, i) => deal(`D${i + 1}`, reps[i % 3], 1 + (i % 12), 20000 + i * 2500));
    const { wb, host } = book(deals, ppl, [
      {
        sheet: "Potential",
        table: "Potential",
        headers: ["Rep", "Potential"],
        rows: reps.map((r, i) => [r, 100 * (i + 1)]),
      },
    ]);
    await runQuotaStep(
      host,
      quotaSettings({
        potential: { table: "Potential", id: "Rep", columns: ["Potential"] },
        history: null,
        companyTarget: 1_200_000,
        period: "quarter",
      }),
    );
    const sheetQuota = new Map(rowsOf(wb, "Quotas_Reps").map((r) => [r["Rep"], r["Quota"] as number]));
    expect(sheetQuota.size).toBe(3);
    const result = await runBacktestStep(host, settings(current, proposed, fromSheet("quarter")));
    // The year's quota is 4 quarters of the sheet's.
    expect(result.data.people.map((p) => p.annualQuota)).toEqual(reps.map((r) => sheetQuota.get(r)! * 4));
    const ledger = rowsOf(wb, BACKTEST_TABLES.ledger);
    const expected = [...result.ledgers.current.rows, ...result.ledgers.proposed.rows];
    expect(ledger).toHaveLength(expected.length);
    ledger.forEach((row, i) => {
      const e = expected[i];
      expect([row["Person"], row["Period"]]).toEqual([e.person, e.period]);
      expect(row["Quota"] as number).toBeCloseTo(e.quota, 8);
      // Within a few bits: a year's quota not divisible by 12 is divided back per month on the sheet.
      expect(row["Attainment YTD"] as number).toBeCloseTo(e.attainmentYtd!, 12);
      expect(row["Earned"] as number).toBeCloseTo(e.earned, 8);
      expect(row["Paid"] as number).toBeCloseTo(e.paid, 8);
    });
    expect(expected.some((e) => e.earned > 0)).toBe(true);
  });
});
