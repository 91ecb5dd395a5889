import fc from "fast-check";
import { runLedger } from "../../../src/core/ledger";
import { parseRulesDraft, rulesDraft, shareText } from "../../../src/wizard/backtest/backtestRules";
import { BacktestRolePlan } from "../../../src/wizard/backtest/backtestSettings";
import { ledgerInput, personDraw, readBacktest } from "../../../src/wizard/backtest/readBacktest";
import { SAMPLE_CURRENT, SAMPLE_PROPOSED } from "../../../src/wizard/backtest/sampleBacktest";
import { d, DEAL_HEADERS, PEOPLE_HEADERS, plan, rolePlan, settings } from "./fixtures";

const AE = SAMPLE_PROPOSED.roles[0];
const parsed = (base: BacktestRolePlan, patch: Partial<ReturnType<typeof rulesDraft>>) => {
  const r = parseRulesDraft("Proposed", base, { ...rulesDraft(base), ...patch });
  if (!("plan" in r)) throw new Error(r.issues.join(" "));
  return r.plan;
};
const issuesOf = (base: BacktestRolePlan, patch: Partial<ReturnType<typeof rulesDraft>>) => {
  const r = parseRulesDraft("Proposed", base, { ...rulesDraft(base), ...patch });
  return "issues" in r ? r.issues : [];
};

describe("a role's rules as the pane types them", () => {
  test("the sample's proposed AE rules as typed", () => {
    expect(rulesDraft(AE)).toEqual({
      role: "AE",
      draw: "RECOVERABLE",
      drawAmount: "",
      recoveryLimit: "100%",
      clawback: "FULL",
      clawbackShare: "",
      windowMonths: "6",
      termMonths: "12",
      payTiming: "HOLDBACK",
      holdbackShare: "25%",
      holdbackMonths: "3",
      splits: "EXACT",
    });
    // SDR: no clawback (term shown as the default 12), paid on the payment date, overlay allowed.
    expect(rulesDraft(SAMPLE_PROPOSED.roles[2])).toMatchObject({
      clawback: "NONE",
      termMonths: "12",
      payTiming: "PAYMENT",
      splits: "ANY",
    });
  });

  test("shares read as percent or fraction, exactly", () => {
    // 12.5% = 12.5 / 100 = 0.125; 33.3% = 0.333 (decimal division, not 33.3 * 0.01 = 0.33299999999999996).
    expect([shareText("12.5%"), shareText("0.4"), shareText("33.3%"), shareText(""), shareText("x%")]).toEqual([
      0.125,
      0.4,
      0.333,
      null,
      NaN,
    ]);
  });

  test("edits reach the role plan; its other rules are kept", () => {
    const g = parsed(AE, { draw: "GUARANTEE", drawAmount: "2,500" });
    expect([g.draw, g.drawAmount]).toEqual([{ recoverable: false, recoveryLimit: 1 }, 2500]);
    expect({ ...g, draw: AE.draw, drawAmount: undefined }).toEqual(AE);
    expect(parsed(AE, { recoveryLimit: "40%" }).draw).toEqual({ recoverable: true, recoveryLimit: 0.4 });
    expect(
      parsed(AE, { clawback: "SHARE", clawbackShare: "50%", windowMonths: "", termMonths: "24" }).clawback,
    ).toEqual({ method: 0.5, windowMonths: null, termMonths: 24 });
    expect(parsed(AE, { clawback: "PRORATED", windowMonths: "3" }).clawback).toEqual({
      method: "PRORATED",
      windowMonths: 3,
      termMonths: 12,
    });
    expect(parsed(AE, { clawback: "NONE", windowMonths: "junk" }).clawback).toBeNull();
    expect(parsed(AE, { payTiming: "PAYMENT", holdbackShare: "junk" }).payTiming).toEqual({ kind: "PAYMENT" });
    expect(parsed(AE, { payTiming: "BOOKING" }).payTiming).toBeNull();
    expect(parsed(AE, { holdbackShare: "10%", holdbackMonths: "2" }).payTiming).toEqual({
      kind: "HOLDBACK",
      share: 0.1,
      months: 2,
    });
    expect(parsed(AE, { splits: "ANY" }).splits).toBe("ANY");
    // A guarantee is never recovered: a limit it does not use is not checked.
    expect(parsed(AE, { draw: "GUARANTEE", recoveryLimit: "lots" }).draw).toEqual({
      recoverable: false,
      recoveryLimit: 1,
    });
  });

  test("bad rules name the plan, the role and the field", () => {
    expect(
      issuesOf(AE, {
        drawAmount: "-5",
        recoveryLimit: "140%",
        windowMonths: "2.5",
        termMonths: "",
        holdbackShare: "x",
        holdbackMonths: "0",
      }),
    ).toEqual([
      'Proposed plan, AE: the draw per period is "-5"; enter an amount of 0 or more, or leave it blank.',
      'Proposed plan, AE: the draw recovery limit is "140%"; enter a share from 0% to 100%.',
      'Proposed plan, AE: the clawback window is "2.5"; enter a whole number of months above 0.',
      'Proposed plan, AE: the contract term is ""; enter a whole number of months above 0.',
      'Proposed plan, AE: the holdback share is "x"; enter a share from 0% to 100%.',
      'Proposed plan, AE: the holdback release is "0"; enter a whole number of months above 0.',
    ]);
    expect(issuesOf(AE, { clawback: "SHARE", clawbackShare: "" })).toEqual([
      'Proposed plan, AE: the clawback share is ""; enter a share from 0% to 100%.',
    ]);
  });

  test("property: any role plan's rules, typed and parsed back, are the same plan", () => {
    const shareArb = fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000);
    const months = fc.integer({ min: 1, max: 36 });
    const ruleArb = fc.record({
      draw: fc.option(fc.record({ recoverable: fc.boolean(), recoveryLimit: shareArb }), { nil: null }),
      drawAmount: fc.option(
        fc.integer({ min: 0, max: 10_000_00 }).map((c) => c / 100),
        { nil: undefined },
      ),
      clawback: fc.option(
        fc.record({
          method: fc.oneof(fc.constant("PRORATED" as const), fc.constant("FULL" as const), shareArb),
          windowMonths: fc.option(months, { nil: null }),
          termMonths: months,
        }),
        { nil: null },
      ),
      payTiming: fc.oneof(
        fc.constant(null),
        fc.constant({ kind: "PAYMENT" as const }),
        fc.record({ kind: fc.constant("HOLDBACK" as const), share: shareArb, months }),
      ),
      splits: fc.constantFrom("EXACT" as const, "ANY" as const),
    });
    fc.assert(
      fc.property(ruleArb, (rules) => {
        const base: BacktestRolePlan = { ...SAMPLE_CURRENT.roles[0], ...rules };
        const back = parseRulesDraft("Current", base, rulesDraft(base));
        expect(back).toEqual({ plan: base });
      }),
    );
  });
});

describe("a role's draw amount and a credit column's default share reach the ledger", () => {
  test("worked example: a blank draw cell takes the role's draw; a blank SDR share the default", () => {
    // AE a1 has a Draw cell of 1,000; a2's is blank, so a2 takes the role's 500 per month.
    // Deal D1 (a1, 20,000, Jan) names SDR s1 with a blank share: the default 40% -> credit 8,000.
    const people = [
      ["a1", "AE", "", "", 10000, 1000],
      ["a2", "AE", "", "", 10000, ""],
      ["s1", "SDR", "", "", "", ""],
    ];
    const deals = [["D1", "a1", "Won", d(1, 10), 20000, "", "", "s1", ""]];
    const sdr = rolePlan("SDR", {
      curveOn: "AMOUNT",
      targetIncentive: 1,
      curve: { tiers: [{ lower: 0, rate: 0.1 }], mode: "MARGINAL", threshold: null, cap: null },
      splits: "ANY",
    });
    const ae = rolePlan("AE", { drawAmount: 500 });
    const s = settings(plan("Current", [ae, sdr]), plan("Proposed", [rolePlan("AE"), sdr]), {
      deals: {
        ...settings(plan("C", []), plan("P", [])).deals,
        credits: { kind: "columns", columns: [{ person: "SDR", share: "SDR Share", defaultShare: 0.4 }] },
      },
    });
    const table = (source: string, headers: string[], rows: unknown[][]) => ({ source, headers, rows });
    const data = readBacktest(s, table("Deals", DEAL_HEADERS, deals), table("People", PEOPLE_HEADERS, people), null);
    expect(data.problems).toEqual([]);
    expect(data.people.map((p) => [p.id, p.draw, personDraw(p, p.role === "AE" ? ae : sdr)])).toEqual([
      ["a1", 1000, 1000],
      ["a2", null, 500],
      ["s1", null, 0],
    ]);
    expect(data.credits.filter((c) => c.person === "s1").map((c) => [c.share, c.amount])).toEqual([[0.4, 20000]]);
    const current = runLedger(ledgerInput(data, s.current, s));
    const proposed = runLedger(ledgerInput(data, s.proposed, s));
    const drawOf = (rows: typeof current.rows, who: string) => rows.filter((r) => r.person === who)[0];
    // a2 earns nothing: under Current the draw tops January up to 500, under Proposed (no role draw) nothing.
    expect(drawOf(current.rows, "a2")).toMatchObject({ topUp: 500, paid: 500 });
    expect(drawOf(proposed.rows, "a2")).toMatchObject({ topUp: 0, paid: 0 });
    // s1 earns 10% of 40% of 20,000 = 800 in January.
    expect(drawOf(current.rows, "s1")).toMatchObject({ earned: 800 });
  });
});
