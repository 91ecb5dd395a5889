import { dec, Dec, Money, toNumber } from "../money";
import { mixBand, mixLabel } from "../scenarios";
import { cacPaybackDec, funnelDec, HEALTHY_LTV_TO_CAC, ltvDec } from "./metrics";
import { checkUnitEconomicsInput } from "./validate";
import {
  ChannelInput,
  ChannelResult,
  Headcount,
  RolePay,
  StructureKind,
  StructureResult,
  UnitEconomicsInput,
  UnitEconomicsResult,
  Workload,
} from "./types";

/** The smallest assembly line that works (domain: 5-6 people at least). */
export const MIN_ASSEMBLY_PEOPLE = 5;
/** Below this many potential clients a POD has no market slice of its own. */
export const POD_MIN_CLIENTS = 1000;
/** PODs are sensible above about this many potential clients. */
export const POD_SENSIBLE_CLIENTS = 3000;
/** The largest POD (domain: 3 to 7 people). */
export const POD_MAX_PEOPLE = 7;
/** Decimals a workload is rounded to before it is rounded up to whole people (so binary noise such as 5.0000000001 is 5). */
export const LOAD_DECIMALS = 9;

const pct = (x: number) => Math.round(x * 100);

/** Every warning the model gives, worded once: the sheet's formulas build the same sentences. */
export const warningText = {
  mix: (role: string, baseShare: number) => {
    const [lo, hi] = mixBand(role);
    return `${role} pay mix ${mixLabel(baseShare)} is outside the usual ${pct(lo)}-${pct(hi)}% base.`;
  },
  smallAssembly: (people: number) => `An assembly line of ${people} people: it needs 5-6 at least; consider an island.`,
  podTooFewClients: (clients: number) =>
    `PODs for ${clients} potential clients: below about 1,000 a POD has no market slice of its own.`,
  podFewClients: (clients: number) => `PODs for ${clients} potential clients: PODs are sensible above about 3,000.`,
  podTooBig: (people: number) => `PODs of ${people} people: above 7; add PODs.`,
  noBreakEven: (months: number) => `No break-even within ${months} months.`,
  noCustomers: () => "No customers won: check the leads and rates.",
  lowLtvToCac: () => "LTV/CAC is below 3, the usual health mark.",
} as const;

/** Whole people for a workload: rounded up, at least one. */
export function peopleFor(load: Dec): number {
  return Math.max(1, toNumber(load.toDecimalPlaces(LOAD_DECIMALS).ceil()));
}

const ZERO = new Money(0);
const sum = (xs: readonly Dec[]) => xs.reduce((s, x) => s.plus(x), ZERO);
const ratioOrNull = (n: Dec, d: Dec) => (d.isZero() ? null : n.div(d));
const num = (x: Dec | null) => (x === null ? null : toNumber(x));

/** Active customers at the end of month m of a channel winning `won` a month: won x (1 - (1 - churn)^m) / churn. */
function activeAt(won: Dec, churn: number, months: number): Dec {
  const keep = dec(1).minus(churn);
  return won.times(dec(1).minus(keep.pow(months))).div(churn);
}

interface ChannelPlan {
  readonly input: ChannelInput;
  readonly funnel: Dec[];
  readonly won: Dec;
  /** SDR + AE work this channel makes, in people. */
  readonly acquisitionLoad: Dec;
}

function planChannel(c: ChannelInput, leadsPerSdr: number, meetingsPerAe: number): ChannelPlan {
  const f = funnelDec(c.leads, c.rates);
  return { input: c, funnel: f, won: f[3], acquisitionLoad: f[0].div(leadsPerSdr).plus(f[2].div(meetingsPerAe)) };
}

function headcountFor(kind: StructureKind, w: { sdr: Dec; ae: Dec; csr: Dec; total: Dec }, podSize: number): Headcount {
  if (kind === "Assembly")
    return { sdr: peopleFor(w.sdr), ae: peopleFor(w.ae), csr: peopleFor(w.csr), generalists: 0, pods: 0 };
  if (kind === "Island") return { sdr: 0, ae: 0, csr: 0, generalists: peopleFor(w.total), pods: 0 };
  const pods = peopleFor(w.total.div(podSize));
  const per = (load: Dec) => pods * peopleFor(load.div(pods));
  return { sdr: per(w.sdr), ae: per(w.ae), csr: per(w.csr), generalists: 0, pods };
}

/** Monthly compensation at OTE, and the part of it that acquires customers. */
function payFor(
  kind: StructureKind,
  h: Headcount,
  input: UnitEconomicsInput,
  w: { acquisition: Dec; total: Dec },
): { monthly: Dec; acquisition: Dec } {
  const cost = (people: number, p: RolePay) => dec(p.ote).times(people).div(12);
  const { pay } = input;
  if (kind === "Assembly") {
    const acquisition = cost(h.sdr, pay.sdr).plus(cost(h.ae, pay.ae));
    return { monthly: acquisition.plus(cost(h.csr, pay.csr)), acquisition };
  }
  if (kind === "Island") {
    const monthly = cost(h.generalists, pay.generalist);
    // Generalists split their time by the work: the acquisition part is the SDR and AE work's share.
    return { monthly, acquisition: w.total.isZero() ? ZERO : monthly.times(w.acquisition).div(w.total) };
  }
  return { monthly: cost(h.sdr + h.ae + h.csr, pay.podMember), acquisition: cost(h.sdr + h.ae, pay.podMember) };
}

function structureWarnings(
  kind: StructureKind,
  h: Headcount,
  total: number,
  podSize: number,
  input: UnitEconomicsInput,
  breakEven: number | null,
  months: number,
): string[] {
  const out: string[] = [];
  const mix = (role: string, p: RolePay) => {
    const [lo, hi] = mixBand(role);
    if (p.baseShare < lo || p.baseShare > hi) out.push(warningText.mix(role, p.baseShare));
  };
  if (kind === "Assembly") {
    if (total < MIN_ASSEMBLY_PEOPLE) out.push(warningText.smallAssembly(total));
    mix("SDR", input.pay.sdr);
    mix("AE", input.pay.ae);
    mix("CSR", input.pay.csr);
  } else if (kind === "Island") {
    mix("Generalist", input.pay.generalist);
  } else {
    const clients = input.potentialClients;
    if (clients !== null && clients < POD_MIN_CLIENTS) out.push(warningText.podTooFewClients(clients));
    else if (clients !== null && clients < POD_SENSIBLE_CLIENTS) out.push(warningText.podFewClients(clients));
    if (podSize > POD_MAX_PEOPLE) out.push(warningText.podTooBig(podSize));
    mix("POD member", input.pay.podMember);
  }
  if (breakEven === null) out.push(warningText.noBreakEven(months));
  return out;
}

/**
 * The unit economics of a sales plan: per channel the funnel, customers, revenue, CAC with the
 * sales team's cost in it, payback and LTV/CAC; per structure the people each role needs, what
 * they cost, cost of sales, blended CAC, the break-even month and the cumulative cash month by
 * month. Decisions (how CSRs are sized, how PODs are formed, what break-even means):
 * docs/unit-economics.md. Arithmetic is exact decimal; results are the nearest doubles.
 *
 * @throws UnitEconomicsInputError naming the channel and field of bad input.
 */
export function unitEconomics(input: UnitEconomicsInput): UnitEconomicsResult {
  checkUnitEconomicsInput(input);
  const months = input.horizonMonths ?? 24;
  const { leadsPerSdr, meetingsPerAe, customersPerCsr } = input.capacities;
  const plans = input.channels.map((c) => planChannel(c, leadsPerSdr, meetingsPerAe));

  const atHorizon = plans.map((p) => activeAt(p.won, p.input.monthlyChurn, months));
  const sdr = sum(plans.map((p) => p.funnel[0])).div(leadsPerSdr);
  const ae = sum(plans.map((p) => p.funnel[2])).div(meetingsPerAe);
  const customersAtHorizon = sum(atHorizon);
  const csr = customersAtHorizon.div(customersPerCsr);
  const acquisition = sdr.plus(ae);
  const total = acquisition.plus(csr);
  const workload: Workload = {
    sdr: toNumber(sdr),
    ae: toNumber(ae),
    csr: toNumber(csr),
    acquisition: toNumber(acquisition),
    total: toNumber(total),
    customersAtHorizon: toNumber(customersAtHorizon),
  };

  // Month by month: active customers per channel, A(m) = A(m-1) x (1 - churn) + won.
  const active = plans.map(() => ZERO);
  const grossProfit: Dec[] = [];
  const revenue: Dec[] = [];
  for (let m = 1; m <= months; m++) {
    plans.forEach((p, i) => (active[i] = active[i].times(dec(1).minus(p.input.monthlyChurn)).plus(p.won)));
    revenue.push(sum(plans.map((p, i) => active[i].times(p.input.averageDeal))));
    grossProfit.push(sum(plans.map((p, i) => active[i].times(p.input.averageDeal).times(p.input.grossMargin))));
  }
  const cumulativeGrossProfit: Dec[] = [];
  grossProfit.forEach((g, i) => cumulativeGrossProfit.push(i === 0 ? g : cumulativeGrossProfit[i - 1].plus(g)));
  const horizonRevenue = sum(revenue);

  const spend = sum(plans.map((p) => dec(p.input.spend)));
  const customers = sum(plans.map((p) => p.won));
  const newRevenue = sum(plans.map((p) => p.won.times(p.input.averageDeal)));
  const newGrossProfit = sum(plans.map((p) => p.won.times(p.input.averageDeal).times(p.input.grossMargin)));
  const revenuePerCustomer = ratioOrNull(newRevenue, customers);
  const blendedMargin = ratioOrNull(newGrossProfit, newRevenue);
  const ltvs = plans.map((p) => ltvDec(p.input.averageDeal, p.input.monthlyChurn, p.input.grossMargin));
  const blendedLtv = ratioOrNull(sum(plans.map((p, i) => p.won.times(ltvs[i]))), customers);

  const acquisitionPay: Dec[] = [];
  const structures: StructureResult[] = input.structures.map((kind) => {
    const h = headcountFor(kind, { sdr, ae, csr, total }, input.podSize);
    const people = h.sdr + h.ae + h.csr + h.generalists;
    const podSize = kind === "POD" ? people / h.pods : 0;
    const pay = payFor(kind, h, input, { acquisition, total });
    acquisitionPay.push(pay.acquisition);
    const cumulativeCash = cumulativeGrossProfit.map((g, i) => g.minus(spend.plus(pay.monthly).times(i + 1)));
    const firstNonNegative = cumulativeCash.findIndex((c) => !c.isNegative());
    const breakEvenMonth = firstNonNegative < 0 ? null : firstNonNegative + 1;
    const cac = ratioOrNull(spend.plus(pay.acquisition), customers);
    const roleUse = (load: Dec, n: number) => (kind === "Island" ? null : toNumber(load.div(n)));
    return {
      kind,
      headcount: h,
      total: people,
      podSize,
      utilisation: toNumber(total.div(people)),
      roleUtilisation: { sdr: roleUse(sdr, h.sdr), ae: roleUse(ae, h.ae), csr: roleUse(csr, h.csr) },
      monthlyCompensation: toNumber(pay.monthly),
      annualCompensation: toNumber(pay.monthly.times(12)),
      acquisitionCost: toNumber(pay.acquisition),
      costOfSales: num(ratioOrNull(pay.monthly.times(months), horizonRevenue)),
      cac: num(cac),
      paybackMonths:
        cac === null || revenuePerCustomer === null || blendedMargin === null
          ? null
          : toNumber(cacPaybackDec(cac, revenuePerCustomer, blendedMargin)),
      ltvToCac: cac === null || cac.isZero() || blendedLtv === null ? null : toNumber(blendedLtv.div(cac)),
      breakEvenMonth,
      cumulativeCash: cumulativeCash.map(toNumber),
      warnings: structureWarnings(kind, h, people, podSize, input, breakEvenMonth, months),
    };
  });

  // Each channel carries the first structure's acquisition cost in the share of the acquisition work it makes.
  const primaryAcquisition = acquisitionPay[0];
  const channels: ChannelResult[] = plans.map((p, i) => {
    const c = p.input;
    const salesCost = acquisition.isZero() ? ZERO : primaryAcquisition.times(p.acquisitionLoad).div(acquisition);
    const cac = ratioOrNull(salesCost.plus(c.spend), p.won);
    const factFunnel = c.fact
      ? [c.fact.leads, c.fact.qualified, c.fact.meetings, c.fact.won]
      : [null, null, null, null];
    const vsPlan = factFunnel.map((f, k) =>
      f === null || p.funnel[k].isZero() ? null : toNumber(dec(f).div(p.funnel[k])),
    );
    const variance = factFunnel.map((f, k) => (f === null ? null : toNumber(dec(f).minus(p.funnel[k]))));
    const planRevenue = p.won.times(c.averageDeal);
    const factRevenue = c.fact?.revenue ?? null;
    const factCac =
      c.fact && c.fact.spend !== null && c.fact.won !== null && c.fact.won > 0
        ? toNumber(salesCost.plus(c.fact.spend).div(c.fact.won))
        : null;
    const ltvToCac = cac === null || cac.isZero() ? null : ltvs[i].div(cac);
    const warnings = p.won.isZero()
      ? [warningText.noCustomers()]
      : ltvToCac !== null && ltvToCac.lt(HEALTHY_LTV_TO_CAC)
        ? [warningText.lowLtvToCac()]
        : [];
    return {
      name: c.name,
      funnel: p.funnel.map(toNumber),
      customers: toNumber(p.won),
      newRevenue: toNumber(p.won.times(c.averageDeal)),
      customersAtHorizon: toNumber(atHorizon[i]),
      salesCost: toNumber(salesCost),
      cac: num(cac),
      paybackMonths: cac === null ? null : toNumber(cacPaybackDec(cac, c.averageDeal, c.grossMargin)),
      ltv: toNumber(ltvs[i]),
      ltvToCac: num(ltvToCac),
      fact: {
        funnel: factFunnel,
        vsPlan,
        variance,
        revenue: factRevenue,
        revenueVsPlan:
          factRevenue === null || planRevenue.isZero() ? null : toNumber(dec(factRevenue).div(planRevenue)),
        revenueVariance: factRevenue === null ? null : toNumber(dec(factRevenue).minus(planRevenue)),
        cac: factCac,
      },
      warnings,
    };
  });

  return {
    horizonMonths: months,
    channels,
    workload,
    structures,
    totals: {
      spend: toNumber(spend),
      customers: toNumber(customers),
      newRevenue: toNumber(newRevenue),
      revenuePerCustomer: num(revenuePerCustomer),
      blendedMargin: num(blendedMargin),
      blendedLtv: num(blendedLtv),
      horizonRevenue: toNumber(horizonRevenue),
    },
    months: { grossProfit: grossProfit.map(toNumber), cumulativeGrossProfit: cumulativeGrossProfit.map(toNumber) },
  };
}
