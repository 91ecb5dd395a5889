import fc from "fast-check";
import { ChannelInput, unitEconomics, UnitEconomicsInputError, warningText } from "../../../src/core/unitEconomics";
import { PARTNERS, ueInput, WEB } from "./fixtures";

const near = (a: number | null, b: number) =>
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(Math.abs(b) * 1e-12 + 1e-9);

/** Cumulative cash by the definition, in plain doubles: gross profit of the active customers, less spend and pay, month by month. */
function cashByLoop(channels: readonly ChannelInput[], monthlyCost: number, months: number): number[] {
  const active = channels.map(() => 0);
  const out: number[] = [];
  let cash = 0;
  for (let m = 1; m <= months; m++) {
    channels.forEach(
      (c, i) => (active[i] = active[i] * (1 - c.monthlyChurn) + c.leads * c.rates[0] * c.rates[1] * c.rates[2]),
    );
    cash += channels.reduce((s, c, i) => s + active[i] * c.averageDeal * c.grossMargin, 0) - monthlyCost;
    out.push(cash);
  }
  return out;
}

describe("unit economics: the worked example (one channel)", () => {
  const r = unitEconomics(ueInput());
  const web = r.channels[0];
  const [assembly, island, pod] = r.structures;
  // Customers at month 24: 45 x (1 - 0.95^24) / 0.05 = 900 x (1 - 0.95^24).
  const at24 = 900 * (1 - 0.95 ** 24);

  test("funnel: 900 leads x 0.4 = 360 qualified, x 0.5 = 180 meetings, x 0.25 = 45 customers; 45 x 400 = 18,000 new revenue a month", () => {
    expect(web.funnel).toEqual([900, 360, 180, 45]);
    expect(web.customers).toBe(45);
    expect(web.newRevenue).toBe(18_000);
    near(web.customersAtHorizon, at24);
  });

  test("workload: 900 / 300 = 3 SDRs, 180 / 60 = 3 AEs, 637.2 / 150 = 4.25 CSRs", () => {
    expect(r.workload.sdr).toBe(3);
    expect(r.workload.ae).toBe(3);
    near(r.workload.csr, at24 / 150);
    near(r.workload.total, 6 + at24 / 150);
  });

  test("assembly: 3 SDR + 3 AE + 5 CSR (4.25 rounded up) = 11; pay (3 x 60k + 3 x 96k + 5 x 72k) / 12 = 69,000 a month, 39,000 of it acquisition", () => {
    expect(assembly.headcount).toEqual({ sdr: 3, ae: 3, csr: 5, generalists: 0, pods: 0 });
    expect(assembly.total).toBe(11);
    expect(assembly.monthlyCompensation).toBe(69_000);
    expect(assembly.annualCompensation).toBe(828_000);
    expect(assembly.acquisitionCost).toBe(39_000);
    expect(assembly.roleUtilisation.sdr).toBe(1);
    near(assembly.roleUtilisation.csr, at24 / 150 / 5);
    near(assembly.utilisation, (6 + at24 / 150) / 11);
  });

  test("channel CAC carries the assembly line's acquisition pay: (10,000 + 39,000) / 45; payback CAC / (400 x 0.75); LTV 400 x 0.75 / 0.05 = 6,000", () => {
    expect(web.salesCost).toBe(39_000);
    near(web.cac, 49_000 / 45);
    near(web.paybackMonths, 49_000 / 45 / 300);
    expect(web.ltv).toBe(6_000);
    near(web.ltvToCac, 6_000 / (49_000 / 45));
    expect(web.warnings).toEqual([]);
    // One channel: the blended figures are the channel's own.
    near(assembly.cac, web.cac!);
    near(assembly.ltvToCac, web.ltvToCac!);
    near(assembly.paybackMonths, web.paybackMonths!);
  });

  test("island: ceil(3 + 3 + 4.25) = 11 generalists at 90k = 82,500 a month; acquisition is the SDR and AE work's share, 6 / 10.25", () => {
    expect(island.headcount).toEqual({ sdr: 0, ae: 0, csr: 0, generalists: 11, pods: 0 });
    expect(island.monthlyCompensation).toBe(82_500);
    near(island.acquisitionCost, (82_500 * 6) / (6 + at24 / 150));
    expect(island.roleUtilisation).toEqual({ sdr: null, ae: null, csr: null });
  });

  test("POD of 5: ceil(10.25 / 5) = 3 PODs, each 1 SDR + 1 AE + ceil(4.25 / 3) = 2 CSRs: 4 people, 12 in all, at 84k", () => {
    expect(pod.headcount).toEqual({ sdr: 3, ae: 3, csr: 6, generalists: 0, pods: 3 });
    expect(pod.total).toBe(12);
    expect(pod.podSize).toBe(4);
    expect(pod.monthlyCompensation).toBe(84_000);
    expect(pod.acquisitionCost).toBe(42_000);
    expect(pod.warnings).toEqual([]);
  });

  test("cumulative cash and break-even: gross profit 300 x active customers, less 10,000 spend and the pay, month by month", () => {
    for (const s of r.structures) {
      const loop = cashByLoop([WEB], 10_000 + s.monthlyCompensation, 24);
      s.cumulativeCash.forEach((c, i) =>
        expect(Math.abs(c - loop[i])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(loop[i]))),
      );
      const first = loop.findIndex((c) => c >= 0) + 1;
      expect(s.breakEvenMonth).toBe(first);
    }
    expect(assembly.breakEvenMonth).toBeGreaterThan(1);
    // Cost of sales: 24 months of pay / 24 months of revenue.
    near(assembly.costOfSales, (69_000 * 24) / r.totals.horizonRevenue);
  });
});

describe("unit economics: several channels", () => {
  const r = unitEconomics(ueInput({ channels: [WEB, PARTNERS] }));
  test("the acquisition pay is shared by the work each channel makes: Web 900/300 + 180/60 = 6, Partners 300/300 + 60/60 = 2", () => {
    // SDR load (900 + 300) / 300 = 4, AE (180 + 60) / 60 = 4.
    const assembly = r.structures[0];
    expect(assembly.headcount.sdr).toBe(4);
    expect(assembly.headcount.ae).toBe(4);
    const acq = assembly.acquisitionCost; // (4 x 60k + 4 x 96k) / 12 = 52,000
    expect(acq).toBe(52_000);
    expect(r.channels[0].salesCost).toBe(39_000); // 52,000 x 6 / 8
    expect(r.channels[1].salesCost).toBe(13_000); // 52,000 x 2 / 8
  });
  test("blended CAC: (13,000 spend + 52,000) / (45 + 30) customers; blended LTV the customers' mean", () => {
    const a = r.structures[0];
    near(a.cac, 65_000 / 75);
    // LTV Web 6,000; Partners 1,000 x 0.6 / 0.02 = 30,000; mean (45 x 6,000 + 30 x 30,000) / 75 = 15,600.
    near(r.totals.blendedLtv, 15_600);
    near(a.ltvToCac, 15_600 / (65_000 / 75));
    // Payback: CAC / (revenue per customer x blended margin) = CAC x 75 / (45 x 300 + 30 x 600).
    near(a.paybackMonths, (65_000 / 75) * (75 / (45 * 300 + 30 * 600)));
  });
  test("fact columns: each stage's fact / plan, and a fact CAC with the same sales cost", () => {
    const withFact = unitEconomics(
      ueInput({ channels: [{ ...WEB, fact: { spend: 12_000, leads: 990, qualified: 330, meetings: null, won: 40 } }] }),
    );
    const f = withFact.channels[0].fact;
    expect(f.funnel).toEqual([990, 330, null, 40]);
    expect(f.vsPlan).toEqual([1.1, 330 / 360, null, 40 / 45]);
    expect(f.cac).toBe((12_000 + 39_000) / 40);
  });
});

describe("unit economics: warnings from domain.md", () => {
  test("an assembly line under 5 people; pay mixes outside each role's band; PODs for too few clients; no break-even", () => {
    const small = { ...WEB, leads: 100, spend: 50_000 };
    const r = unitEconomics(
      ueInput({
        channels: [small],
        potentialClients: 800,
        pay: { ...ueInput().pay, sdr: { ote: 60_000, baseShare: 0.5 }, podMember: { ote: 84_000, baseShare: 0.9 } },
      }),
    );
    const [assembly, , pod] = r.structures;
    expect(assembly.total).toBe(3);
    expect(assembly.warnings).toEqual([
      warningText.smallAssembly(3),
      "SDR pay mix 50/50 is outside the usual 65-75% base.",
      warningText.noBreakEven(24),
    ]);
    expect(pod.warnings).toEqual([
      "PODs for 800 potential clients: below about 1,000 a POD has no market slice of its own.",
      "POD member pay mix 90/10 is outside the usual 50-80% base.",
      "No break-even within 24 months.",
    ]);
    expect(r.channels[0].warnings).toEqual([warningText.lowLtvToCac()]);
    expect(unitEconomics(ueInput({ potentialClients: 2_000 })).structures[2].warnings).toEqual([
      warningText.podFewClients(2_000),
    ]);
  });
  test("a channel that wins nobody: no CAC, a warning, and the other channels still costed", () => {
    const r = unitEconomics(ueInput({ channels: [WEB, { ...PARTNERS, rates: [0.5, 0, 0.5] }] }));
    expect(r.channels[1].customers).toBe(0);
    expect(r.channels[1].cac).toBeNull();
    expect(r.channels[1].warnings).toEqual([warningText.noCustomers()]);
    expect(r.channels[0].cac).not.toBeNull();
  });
});

describe("unit economics: bad input names the channel and field", () => {
  test.each([
    [{ ...WEB, monthlyChurn: 0 }, 'Channel "Web": monthly churn is 0; enter a rate above 0 and at most 1'],
    [
      { ...WEB, rates: [0.4, 1.2, 0.25] as const },
      'Channel "Web": qualified to meeting rate is 1.2; enter a rate from 0 to 1',
    ],
    [{ ...WEB, spend: -1 }, 'Channel "Web": spend per month is -1; enter 0 or more'],
    [{ ...WEB, grossMargin: 0 }, 'Channel "Web": gross margin is 0'],
    [{ ...WEB, name: " " }, "Channel 1 has no name"],
  ])("%#: %p", (channel, message) => {
    expect(() => unitEconomics(ueInput({ channels: [channel as ChannelInput] }))).toThrow(UnitEconomicsInputError);
    expect(() => unitEconomics(ueInput({ channels: [channel as ChannelInput] }))).toThrow(message);
  });
  test("capacities, POD size, structures, duplicate channels", () => {
    expect(() =>
      unitEconomics(ueInput({ capacities: { leadsPerSdr: 0, meetingsPerAe: 60, customersPerCsr: 150 } })),
    ).toThrow("Leads an SDR works per month is 0");
    expect(() => unitEconomics(ueInput({ podSize: 8 }))).toThrow("POD size is 8; a POD has 3 to 7 people.");
    expect(() => unitEconomics(ueInput({ structures: [] }))).toThrow("No structure is chosen");
    expect(() => unitEconomics(ueInput({ channels: [WEB, { ...PARTNERS, name: "web" }] }))).toThrow(
      'Two channels are named "web"',
    );
  });
});

describe("unit economics: properties", () => {
  const channel = fc.record({
    name: fc.constant("C"),
    spend: fc.integer({ min: 0, max: 100_000 }),
    leads: fc.integer({ min: 1, max: 20_000 }),
    rates: fc.tuple(
      fc.double({ min: 0.01, max: 1, noNaN: true }),
      fc.double({ min: 0.01, max: 1, noNaN: true }),
      fc.double({ min: 0.01, max: 1, noNaN: true }),
    ),
    averageDeal: fc.integer({ min: 10, max: 20_000 }),
    grossMargin: fc.double({ min: 0.05, max: 1, noNaN: true }),
    monthlyChurn: fc.double({ min: 0.001, max: 1, noNaN: true }),
  });
  const channels = fc
    .array(channel, { minLength: 1, maxLength: 4 })
    .map((cs) => cs.map((c, i) => ({ ...c, name: `C${i}` })));
  const capacities = fc.record({
    leadsPerSdr: fc.integer({ min: 50, max: 2000 }),
    meetingsPerAe: fc.integer({ min: 5, max: 200 }),
    customersPerCsr: fc.integer({ min: 20, max: 1000 }),
  });

  test("people cover the work (utilisation at most 1), with no whole person to spare in an assembly line", () => {
    fc.assert(
      fc.property(channels, capacities, fc.integer({ min: 3, max: 7 }), (cs, cap, podSize) => {
        const r = unitEconomics(ueInput({ channels: cs, capacities: cap, podSize }));
        for (const s of r.structures) expect(s.utilisation).toBeLessThanOrEqual(1 + 1e-12);
        const a = r.structures[0].headcount;
        const w = r.workload;
        for (const [n, load] of [
          [a.sdr, w.sdr],
          [a.ae, w.ae],
          [a.csr, w.csr],
        ]) {
          expect(n).toBeGreaterThanOrEqual(load - 1e-9);
          if (n > 1) expect(n - 1).toBeLessThan(load + 1e-9);
        }
        const p = r.structures[2];
        expect(p.headcount.sdr + p.headcount.ae + p.headcount.csr).toBe(p.headcount.pods * p.podSize);
      }),
      { numRuns: 200 },
    );
  });

  test("the channels' sales costs add up to the first structure's acquisition cost; break-even is the first month with cumulative cash 0 or more", () => {
    fc.assert(
      fc.property(channels, capacities, (cs, cap) => {
        const r = unitEconomics(ueInput({ channels: cs, capacities: cap }));
        const shared = r.channels.reduce((s, c) => s + c.salesCost, 0);
        expect(Math.abs(shared - r.structures[0].acquisitionCost)).toBeLessThanOrEqual(
          1e-6 * Math.max(1, r.structures[0].acquisitionCost),
        );
        for (const s of r.structures) {
          const negatives = s.cumulativeCash.filter((c) => c < 0).length;
          // Active customers only grow, so cash flow only improves: the negative months come first.
          expect(s.breakEvenMonth).toBe(negatives === 24 ? null : negatives + 1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
