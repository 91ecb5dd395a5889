import { rankingValue, RANK_PLACES } from "../../../src/core/kpiPlan";

describe("attainment ranks ignore rounding noise", () => {
  test("attainments equal to 12 places share a rank; a real difference does not", () => {
    expect(RANK_PLACES).toBe(12);
    // 2E-17 is what dividing in decimals can leave where doubles give 0: the same attainment.
    expect(rankingValue(2e-17)).toBe(rankingValue(0));
    expect(rankingValue(0.13333333333333333)).toBe(rankingValue(0.13333333333333336));
    expect(rankingValue(0.1334)).toBeGreaterThan(rankingValue(0.1333));
    // Negative attainments round as the spreadsheet's ROUND does (away from zero at a half).
    expect(rankingValue(-0.0000000000015)).toBe(-0.000000000002);
    expect(rankingValue(0.0000000000015)).toBe(0.000000000002);
  });
});
