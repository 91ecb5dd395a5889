import { curveBlock, payoutCall } from "../../src/wizard/payoutCurveBlock";

const names = { tiers: "S_Curve1", threshold: "S_Curve1_Threshold", cap: "S_Curve1_Cap" };
const tiers = [
  { lower: 0, rate: 1 },
  { lower: 1, rate: 1.5 },
];

describe("the payout-curve block shared by every sheet that writes curves", () => {
  test("COMP.PAYOUT names the threshold and cap cells only when the curve has them, trailing gaps left out", () => {
    expect(payoutCall("[@A]", "[@T]", { tiers, mode: "MARGINAL", threshold: 0.5, cap: 2 }, names)).toBe(
      'COMP.PAYOUT([@A],[@T],S_Curve1,"MARGINAL",S_Curve1_Threshold,S_Curve1_Cap)',
    );
    expect(payoutCall("[@A]", "[@T]", { tiers, mode: "RETRO", threshold: null, cap: 2 }, names)).toBe(
      'COMP.PAYOUT([@A],[@T],S_Curve1,"RETRO",,S_Curve1_Cap)',
    );
    expect(payoutCall("[@A]", "[@T]", { tiers, mode: "MARGINAL", threshold: null, cap: null }, names)).toBe(
      'COMP.PAYOUT([@A],[@T],S_Curve1,"MARGINAL")',
    );
  });

  test("the block: title, threshold and cap beside their labels (named when set), the tiers as a table", () => {
    const block = curveBlock({ tiers, mode: "MARGINAL", threshold: null, cap: 3 }, names, {
      column: 3,
      top: 5,
      tiersAt: 8,
      title: "Curve 2",
      capLabel: "Cap (x TI)",
      tierFormats: { "Lower bound": "0%" },
    });
    // Column 3 is D; the values go one column right, in E.
    expect(block.cells.map((c) => [c.address, c.value])).toEqual([
      ["D5", "Curve 2"],
      ["D6", "Threshold"],
      ["E6", null],
      ["D7", "Cap (x TI)"],
      ["E7", 3],
    ]);
    expect(block.namedRanges).toEqual([{ name: "S_Curve1_Cap", address: "E7" }]);
    expect(block.table).toMatchObject({
      name: "S_Curve1",
      anchor: "D8",
      headers: ["Lower bound", "Rate"],
      rows: [
        [0, 1],
        [1, 1.5],
      ],
    });
  });
});
