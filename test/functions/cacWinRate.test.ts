import { cac } from "../../src/functions/cac";
import { winRate } from "../../src/functions/winRate";
import { BLANKS, col, errorOf } from "./helpers";

describe("COMP.CAC", () => {
  test("(120,000 + 80,000) / (15 + 25) = 5,000 per new customer", () => {
    expect(cac(col(120000, 80000), col(15, 25))).toBe(5000);
  });
  test("scalars work; exact decimals: 0.3 / 0.1 = 3", () => {
    expect(cac(0.3, 0.1)).toBe(3);
  });
  test.each(BLANKS)("blanks (%p) count as nothing", (b) => {
    expect(cac(col(100, b, 50), col(b, 3, b))).toBe(50);
  });
  test("no new customers: #DIV/0!", () => {
    expect(errorOf(cac(col(100), col(0, null))).code).toBe("#DIV/0!");
  });
  test("text and negative numbers are refused with the row", () => {
    expect(errorOf(cac(col(1, "abc"), 1)).message).toBe('spend row 2 is the text "abc"; enter a number.');
    expect(errorOf(cac(1, col(1, -2))).message).toBe("new_customers row 2 is negative (-2); it must be 0 or more.");
  });
});

describe("COMP.WIN_RATE", () => {
  const stages = col("Won", "Lost", "Closed Won", "closed lost ", "Negotiation", null, "WON");
  test("default labels, CLOSED basis: won 3 / (3 + 2) = 0.6; open deals ignored", () => {
    expect(winRate(stages)).toBe(0.6);
  });
  test("ALL basis: won 3 / 6 non-blank = 0.5", () => {
    expect(winRate(stages, null, null, "all")).toBe(0.5);
  });
  test("given labels replace the defaults and match trimmed, case-insensitive", () => {
    expect(winRate(col("Signed", "Dropped", "signed ", "Won"), "signed", "DROPPED")).toBe(2 / 3);
  });
  test("2-D ranges count every cell", () => {
    expect(
      winRate([
        ["Won", "Lost"],
        ["Lost", "Lost"],
      ]),
    ).toBe(0.25);
  });
  test("no closed deals: #DIV/0!", () => {
    expect(errorOf(winRate(col("Open", "Negotiation"))).code).toBe("#DIV/0!");
  });
  test.each(BLANKS)("all blank (%p) with ALL basis: #DIV/0!", (b) => {
    expect(errorOf(winRate(col(b, b), null, null, "ALL")).code).toBe("#DIV/0!");
  });
  test("a number among the stages is refused with its row", () => {
    expect(errorOf(winRate(col("Won", 5))).message).toBe("outcomes row 2 is 5; enter text.");
  });
  test("unknown basis, same won and lost label, non-text label", () => {
    expect(errorOf(winRate(stages, null, null, "OPEN")).message).toBe('basis is "OPEN"; use "CLOSED" or "ALL".');
    expect(errorOf(winRate(stages, "x", " X ")).message).toContain("won_label and lost_label are both");
    expect(errorOf(winRate(stages, 1)).message).toBe("won_label is 1; enter text.");
  });
});
