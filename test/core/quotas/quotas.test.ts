import {
  AttainmentSimulation,
  normalQuantile,
  QuotaInputError,
  setQuotas,
  shareForStretch,
  stretchForShare,
} from "../../../src/core/quotas";

describe("the lognormal closed form (sigma 0.25, no drift)", () => {
  // k = exp(sigma x z) with z = Phi^-1(1 - p): p 65% -> z = -0.38532, k = exp(-0.09633) = 0.908.
  test.each([
    [0.65, "0.908"],
    [0.6, "0.939"],
    [0.7, "0.877"],
  ])("share %p gives k = %s", (p, k) => {
    expect(stretchForShare(p, 0.25).toFixed(3)).toBe(k);
    expect(shareForStretch(stretchForShare(p, 0.25), 0.25)).toBeCloseTo(p, 6);
  });
  test("the normal quantile matches known values", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.35)).toBeCloseTo(-0.38532, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });
});

describe("setQuotas: worked examples", () => {
  const four = [100, 200, 300, 400].map((potential, i) => ({ id: `R${i + 1}`, potential }));

  test("equal stretch, no history: forecasts split the target by potential, Q = 0.908 F, rounded to 1,000 by largest remainder", () => {
    // F = 100k, 200k, 300k, 400k. k = 0.908165, so the exact quotas total 908,165 -> 908,000.
    // 908 thousands by potential: 90.8, 181.6, 272.4, 363.2 -> floors 906, the 2 left go to .8 and .6.
    const plan = setQuotas(four, { companyTarget: 1_000_000, rounding: 1000 });
    expect(plan.reps.map((r) => r.forecast)).toEqual([100_000, 200_000, 300_000, 400_000]);
    expect(plan.reps.map((r) => r.quota)).toEqual([91_000, 182_000, 272_000, 363_000]);
    expect(plan.summary.sumOfQuotas).toBe(908_000);
    expect(plan.summary.overAssignment).toBeCloseTo(-0.092, 12);
    expect(plan.summary.sigmaSource).toBe("entered");
    // R3's stretch is 272/300 = 0.9067, a shade under k, so slightly more likely than 65%.
    expect(plan.reps[2].probability).toBeCloseTo(shareForStretch(272 / 300, 0.25), 12);
    expect(plan.summary.expectedShare).toBeCloseTo(0.65, 2);
  });

  test("the trade-off is shown in numbers: 65% needs 908k of quota, 10% over-assignment wants 1.1M, which only 35.2% would reach", () => {
    const plan = setQuotas(four, { companyTarget: 1_000_000, rounding: 1000 });
    expect(plan.tradeOff.conflict).toBe(true);
    expect(plan.tradeOff.totalForShare).toBeCloseTo(908_164.17, 1); // k = exp(0.25 x -0.3853205) = 0.9081642
    expect(plan.tradeOff.totalWanted).toBeCloseTo(1_100_000, 6);
    // 1 - Phi(ln 1.1 / 0.25) = 1 - Phi(0.38124) = 0.3515.
    expect(plan.tradeOff.shareAtWantedTotal).toBeCloseTo(0.3515, 4);
    const kept = setQuotas(four, { companyTarget: 1_000_000, rounding: 1000, keep: "total" });
    expect(kept.summary.sumOfQuotas).toBe(1_100_000);
    expect(kept.reps.map((r) => r.quota)).toEqual([110_000, 220_000, 330_000, 440_000]);
    expect(kept.summary.expectedShare).toBeCloseTo(0.3515, 4);
  });

  test("history blends with potential: shares (0.75 + 0.5) / 2 and (0.25 + 0.5) / 2 -> forecasts 625k and 375k", () => {
    const plan = setQuotas(
      [
        { id: "A", potential: 100, history: [300] },
        { id: "B", potential: 100, history: [100] },
      ],
      { companyTarget: 1_000_000 },
    );
    expect(plan.reps.map((r) => r.forecast)).toEqual([625_000, 375_000]);
    expect(plan.notes).toContain("Too little history to fit a spread; using the entered sigma 0.25.");
  });

  test("with enough history the spread is fitted; equal probability gives noisier reps softer quotas", () => {
    const steady = { id: "Steady", potential: 100, history: [100, 102, 98, 100] };
    const noisy = { id: "Noisy", potential: 100, history: [60, 150, 80, 130] };
    const middle = { id: "Middle", potential: 100, history: [90, 110, 95, 105] };
    // The entered sigma is a floor (a fit only widens the spread): these reps' out-of-sample spread
    // is 0.189, so the floor is lowered to 0.1 to let the fitted spreads show.
    const stretch = setQuotas([steady, noisy, middle], { companyTarget: 300_000, sigma: 0.1 });
    expect(stretch.summary.sigmaSource).toBe("history");
    const prob = setQuotas([steady, noisy, middle], {
      companyTarget: 300_000,
      sigma: 0.1,
      method: "equal-probability",
    });
    const ratio = (p: typeof prob, id: string) => p.reps.find((r) => r.id === id)!.stretch;
    expect(ratio(prob, "Noisy")).toBeLessThan(ratio(prob, "Steady"));
    expect(new Set(prob.reps.map((r) => r.probability.toFixed(3))).size).toBe(1);
  });
});

describe("setQuotas: the spread is fitted out of sample and floored by the entered sigma", () => {
  // One prior period proportional to potential: an in-sample fit compares the bookings with a
  // forecast built from themselves and finds a spread of 0, which made every probability 0 or 1
  // and the sheet's NORM.S.DIST divide by zero.
  const proportional = [
    { id: "A", potential: 100, history: [1_000] },
    { id: "B", potential: 200, history: [2_000] },
    { id: "C", potential: 300, history: [3_000] },
    { id: "D", potential: 400, history: [4_000] },
  ];

  test("one period proportional to potential: the fit is 0, so the entered sigma holds, with a note", () => {
    const plan = setQuotas(proportional, { companyTarget: 1_000_000, historyWeight: 1 });
    expect(plan.summary.sigma).toBe(0.25);
    expect(plan.summary.sigmaSource).toBe("entered");
    expect(plan.notes).toContain(
      "The spread fitted out of sample from 4 rep-periods of history is 0.000, below the entered sigma 0.25 (the floor); using 0.25.",
    );
    expect(plan.notes).toContain(
      "The spread rests on one prior period: add earlier periods of history for a firmer fit.",
    );
    // Equal stretch at sigma 0.25: every rep has the target share's chance, 65%.
    expect(plan.summary.expectedShare).toBeCloseTo(0.65, 2);
    for (const r of plan.reps) expect(r.probability).toBeGreaterThan(0.6);
  });

  test("one period: each rep's bookings are compared with the potential forecast, not with themselves", () => {
    // Shares of potential 1/6, 2/6, 3/6 of a period total of 600: expected 100, 200, 300.
    // Bookings 200, 100, 300 -> ln(2), ln(0.5), ln(1) = 0.693, -0.693, 0; sample sd = 0.693.
    const plan = setQuotas(
      [
        { id: "A", potential: 100, history: [200] },
        { id: "B", potential: 200, history: [100] },
        { id: "C", potential: 300, history: [300] },
      ],
      { companyTarget: 600, historyWeight: 1 },
    );
    expect(plan.summary.sigma).toBeCloseTo(Math.LN2, 12);
    expect(plan.summary.sigmaSource).toBe("history");
    expect(plan.notes).toContain(
      "The spread rests on one prior period: add earlier periods of history for a firmer fit.",
    );
  });

  test("equal probability floors each rep's own spread too", () => {
    const plan = setQuotas(
      proportional.map((r) => ({ ...r, history: [r.history[0], r.history[0]] })),
      { companyTarget: 1_000_000, historyWeight: 1, method: "equal-probability" },
    );
    for (const r of plan.reps) expect(r.sigma).toBe(0.25);
    expect(plan.notes).not.toContain(
      "The spread rests on one prior period: add earlier periods of history for a firmer fit.",
    );
  });
});

describe("setQuotas: bad input says what to fix", () => {
  const reps = [{ id: "A", potential: 10 }];
  test.each([
    ["The company target is 0; enter an amount above 0.", reps, { companyTarget: 0 }],
    ['The company target is "lots"; enter an amount above 0.', reps, { companyTarget: "lots" as unknown as number }],
    [
      "The target share of reps attaining is 1.2; use 1% to 99% (60-70% is healthy).",
      reps,
      { companyTarget: 1, targetShare: 1.2 },
    ],
    [
      'Rep "A" has history -5 in period 2; bookings must be a number of 0 or more.',
      [{ id: "A", potential: 10, history: [1, -5] }],
      { companyTarget: 1 },
    ],
    [
      'Rep "B" has no potential (0); every rep needs a potential above 0.',
      [...reps, { id: "B", potential: 0 }],
      { companyTarget: 1 },
    ],
  ])("%s", (message, rs, options) => {
    expect(() => setQuotas(rs, options)).toThrow(QuotaInputError);
    expect(() => setQuotas(rs, options)).toThrow(message);
  });
});

describe("AttainmentSimulation", () => {
  test("1,000 reps x 2,000 draws (seeded) land within 1 point of the target share", () => {
    const reps = Array.from({ length: 1000 }, (_, i) => ({ id: `R${i}`, potential: 50 + (i % 17) * 10 }));
    const plan = setQuotas(reps, { companyTarget: 100_000_000 });
    const sim = new AttainmentSimulation(plan.reps, 2000, 42).runAll();
    expect(Math.abs(sim.meanShare - 0.65)).toBeLessThan(0.01);
    // Threshold and excellence against the closed form: attainment = exp(0.25 Z) / k.
    const k = stretchForShare(0.65, 0.25);
    expect(sim.threshold).toBeCloseTo(Math.exp(0.25 * normalQuantile(0.075)) / k, 2);
    expect(sim.excellence).toBeCloseTo(Math.exp(0.25 * normalQuantile(0.925)) / k, 2);
    expect(sim.histogram.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 12);
  });

  test("with 10 reps the realised share varies: the 10-90% band is 5 to 8 attainers (binomial 10, 0.65)", () => {
    const reps = Array.from({ length: 10 }, (_, i) => ({
      forecast: 100,
      quota: 100 * stretchForShare(0.65, 0.25),
      sigma: 0.25,
      id: `R${i}`,
    }));
    const sim = new AttainmentSimulation(reps, 40_000, 7).runAll();
    expect(sim.band).toEqual([0.5, 0.8]);
  });

  test("runs in chunks with progress, giving the same result as one run", () => {
    const reps = [{ forecast: 100, quota: 90, sigma: 0.3 }];
    const chunked = new AttainmentSimulation(reps, 1000, 1);
    while (!chunked.step(64)) expect(chunked.progress).toBeLessThan(1);
    expect(chunked.result()).toEqual(new AttainmentSimulation(reps, 1000, 1).runAll());
  });
});
