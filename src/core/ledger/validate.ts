import { isCalcError } from "../errors";
import { Amount, settle } from "../amount";
import { dec, Dec, sumExact } from "../money";
import { activeUnits, checkPeriods, DrawPolicy, Period, ProrationBasis, splitCredit } from "../payoutRules";
import { CompiledCurve, compileCurve } from "../tiers";
import { normaliseLabel } from "../winRate";
import { LedgerCredit, LedgerInput, LedgerInputError, LedgerPerson, LedgerPlan, PayTiming } from "./types";

/** A plan checked and prepared. */
export interface ReadyPlan {
  readonly plan: LedgerPlan;
  readonly curve: CompiledCurve;
  /** The full-year quota of each period (before proration). */
  readonly quota: readonly Dec[];
  /** Normalised stage names that count, or null for all. */
  readonly stages: ReadonlySet<string> | null;
  readonly draw: DrawPolicy;
  readonly timing: PayTiming;
}

/** A person checked, with their prorated quota, target incentive and draw per period. */
export interface ReadyPerson {
  readonly person: LedgerPerson;
  readonly plan: ReadyPlan;
  /** Each period's quota, prorated. */
  readonly quota: readonly Dec[];
  /** Each period's target incentive (ATTAINMENT plans, prorated) or the tiers' multiplier (AMOUNT). */
  readonly targetIncentive: readonly Dec[];
  /** Each period's draw, prorated. */
  readonly draw: readonly Dec[];
  readonly openingBalance: Dec;
}

/** A credit checked: its person, period and the measure it adds. */
export interface ReadyCredit {
  /** 1-based row in the credits table. */
  readonly row: number;
  readonly credit: LedgerCredit;
  readonly person: ReadyPerson;
  /** 0-based period of the booking date. */
  readonly period: number;
  /** What it adds to the measure: the split credit (AMOUNT) or the signed share (COUNT). */
  readonly value: Amount;
  /** False when the plan does not count its stage. */
  readonly counted: boolean;
}

/** How far a deal's shares may be from 100% on a plan that requires 100%. */
const SHARE_TOLERANCE = 1e-9;

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** The 0-based period holding a date, or -1 outside the plan year. */
export function periodOf(periods: readonly Period[], date: number): number {
  const d = Math.floor(date);
  for (let i = 0; i < periods.length; i++) if (d >= periods[i].first && d <= periods[i].last) return i;
  return -1;
}

function checkShare(table: string, row: number, field: string, v: number): void {
  if (!finite(v) || v < 0 || v > 1) throw new LedgerInputError(table, row, field, `${v} must be a number from 0 to 1.`);
}

function readyPlan(plan: LedgerPlan, row: number, n: number): ReadyPlan {
  const curve = compileCurve(plan.curve);
  if (isCalcError(curve)) throw new LedgerInputError("plans", row, "curve", curve.message);
  if (!finite(plan.targetIncentive) || plan.targetIncentive < 0) {
    throw new LedgerInputError(
      "plans",
      row,
      "targetIncentive",
      `${plan.targetIncentive} must be a number of 0 or more.`,
    );
  }
  const quota = fullYearQuota(plan.quota, "plans", row, n);
  const draw = plan.draw ?? { recoverable: true, recoveryLimit: 1 };
  checkShare("plans", row, "draw.recoveryLimit", draw.recoveryLimit);
  const timing = plan.payTiming ?? { kind: "BOOKING" };
  if (timing.kind === "HOLDBACK") {
    checkShare("plans", row, "payTiming.share", timing.share);
    if (!finite(timing.months) || timing.months < 0 || !Number.isInteger(timing.months)) {
      throw new LedgerInputError(
        "plans",
        row,
        "payTiming.months",
        `${timing.months} must be a whole number of months, 0 or more.`,
      );
    }
  }
  const cb = plan.clawback;
  if (cb) {
    if (!finite(cb.termMonths) || cb.termMonths <= 0)
      throw new LedgerInputError("plans", row, "clawback.termMonths", `${cb.termMonths} must be above 0.`);
    if (typeof cb.method === "number") checkShare("plans", row, "clawback.method", cb.method);
    if (cb.windowMonths !== null && (!finite(cb.windowMonths) || cb.windowMonths < 0)) {
      throw new LedgerInputError("plans", row, "clawback.windowMonths", `${cb.windowMonths} must be 0 or more.`);
    }
  }
  const stages = plan.stages ? new Set(plan.stages.map(normaliseLabel)) : null;
  return { plan, curve, quota, stages, draw, timing };
}

/** A quota as one full-year amount per period: per period as given, or annual x weight. */
function fullYearQuota(
  q: LedgerPlan["quota"] | number | readonly number[],
  table: string,
  row: number,
  n: number,
): Dec[] {
  const perPeriod =
    typeof q === "number"
      ? null
      : Array.isArray(q)
        ? (q as readonly number[])
        : "perPeriod" in (q as object)
          ? (q as { perPeriod: readonly number[] }).perPeriod
          : null;
  if (perPeriod) {
    if (perPeriod.length !== n)
      throw new LedgerInputError(table, row, "quota", `gives ${perPeriod.length} period quotas for ${n} periods.`);
    perPeriod.forEach((v, i) => {
      if (!finite(v) || v < 0)
        throw new LedgerInputError(table, row, "quota", `period ${i + 1}'s quota is ${v}; it must be 0 or more.`);
    });
    return perPeriod.map((v) => dec(v));
  }
  const annual = typeof q === "number" ? q : (q as { annual: number }).annual;
  const weights = typeof q === "number" ? null : ((q as { weights?: readonly number[] | null }).weights ?? null);
  if (!finite(annual) || annual < 0)
    throw new LedgerInputError(table, row, "quota", `${annual} must be a number of 0 or more.`);
  if (weights === null) return Array.from({ length: n }, () => dec(annual).div(n));
  if (weights.length !== n)
    throw new LedgerInputError(table, row, "quota.weights", `gives ${weights.length} weights for ${n} periods.`);
  if (weights.some((w) => !finite(w) || w < 0))
    throw new LedgerInputError(table, row, "quota.weights", "every weight must be 0 or more.");
  const sum = sumExact(weights);
  if (!sum.eq(1))
    throw new LedgerInputError(
      table,
      row,
      "quota.weights",
      `the weights add up to ${sum.toString()}; they must add up to 1.`,
    );
  return weights.map((w) => dec(annual).times(w));
}

/** The share of each period the person is in the plan, as (in plan, in period) units. */
function shares(
  periods: readonly Period[],
  start: number,
  end: number | null,
  basis: ProrationBasis | "NONE",
): { inPlan: number; inPeriod: number }[] {
  return periods.map((p) => {
    if (basis !== "NONE") return activeUnits(p, start, end, basis);
    const active = start <= p.last && (end === null || end >= p.first);
    return { inPlan: active ? 1 : 0, inPeriod: 1 };
  });
}

function readyPerson(
  person: LedgerPerson,
  row: number,
  plans: ReadonlyMap<string, ReadyPlan>,
  periods: readonly Period[],
): ReadyPerson {
  if (typeof person.id !== "string" || person.id.trim() === "")
    throw new LedgerInputError("people", row, "id", "is blank; every person needs an id.");
  const plan = plans.get(person.role);
  if (!plan)
    throw new LedgerInputError(
      "people",
      row,
      "role",
      `"${person.role}" has no plan; add a plan for it or correct the role.`,
    );
  const first = periods[0].first;
  const last = periods[periods.length - 1].last;
  const start = person.start ?? first;
  const end = person.end ?? null;
  if (!finite(start)) throw new LedgerInputError("people", row, "start", `${start} is not a date.`);
  if (end !== null && !finite(end)) throw new LedgerInputError("people", row, "end", `${end} is not a date.`);
  if (end !== null && end < start)
    throw new LedgerInputError("people", row, "end", `${end} is before the start ${start}.`);
  if (start > last || (end !== null && end < first))
    throw new LedgerInputError(
      "people",
      row,
      "start",
      `the person is not in the plan on any day of the year (${first} to ${last}).`,
    );
  const n = periods.length;
  const full =
    person.quota === null || person.quota === undefined ? plan.quota : fullYearQuota(person.quota, "people", row, n);
  const share = shares(
    periods,
    Math.max(Math.floor(start), first),
    end === null ? null : Math.floor(end),
    plan.plan.proration,
  );
  const prorated = (v: Dec, i: number) => v.times(share[i].inPlan).div(share[i].inPeriod);
  const quota = full.map(prorated);
  const fullTotal = sumExact(full);
  const ti = person.targetIncentive ?? plan.plan.targetIncentive;
  if (!finite(ti) || ti < 0)
    throw new LedgerInputError("people", row, "targetIncentive", `${ti} must be a number of 0 or more.`);
  let targetIncentive: Dec[];
  if (plan.plan.curveOn === "AMOUNT") targetIncentive = full.map(() => dec(ti));
  else {
    if (fullTotal.isZero())
      throw new LedgerInputError("people", row, "quota", "the year's quota is 0; an attainment plan needs a quota.");
    // Each period's part of the annual target incentive follows its part of the quota.
    targetIncentive = full.map((q, i) =>
      dec(ti).times(q).times(share[i].inPlan).div(fullTotal.times(share[i].inPeriod)),
    );
  }
  const d = person.draw ?? 0;
  const draws = typeof d === "number" ? full.map(() => d) : [...d];
  if (draws.length !== n)
    throw new LedgerInputError("people", row, "draw", `gives ${draws.length} draws for ${n} periods.`);
  draws.forEach((v) => {
    if (!finite(v) || v < 0)
      throw new LedgerInputError("people", row, "draw", `${v} is negative or not a number; a draw is 0 or more.`);
  });
  const opening = person.openingBalance ?? 0;
  if (!finite(opening) || opening < 0)
    throw new LedgerInputError("people", row, "openingBalance", `${opening} must be 0 or more.`);
  return {
    person,
    plan,
    quota,
    targetIncentive,
    draw: draws.map((v, i) => prorated(dec(v), i)),
    openingBalance: dec(opening),
  };
}

/** Checks the whole input and prepares it; throws LedgerInputError naming the first problem. */
export function readyInput(input: LedgerInput): {
  plans: Map<string, ReadyPlan>;
  people: ReadyPerson[];
  credits: ReadyCredit[];
} {
  const { periods } = input;
  if (periods.length === 0) throw new LedgerInputError("periods", 1, "first", "there are no periods.");
  const problem = checkPeriods(periods, "DAYS");
  if (problem)
    throw new LedgerInputError(
      "periods",
      problem.row,
      problem.problem === "lastBeforeFirst" ? "last" : "first",
      problem.problem === "lastBeforeFirst"
        ? "the last day is before the first."
        : "the period does not start the day after the previous one ends.",
    );
  periods.forEach((p, i) => {
    if (!finite(p.first) || !finite(p.last)) throw new LedgerInputError("periods", i + 1, "first", "is not a date.");
  });
  const plans = new Map<string, ReadyPlan>();
  input.plans.forEach((p, i) => {
    if (plans.has(p.role))
      throw new LedgerInputError("plans", i + 1, "role", `"${p.role}" has two plans; give each role one.`);
    if (p.proration === "MONTHS" && checkPeriods(periods, "MONTHS"))
      throw new LedgerInputError("plans", i + 1, "proration", 'a period holds no whole calendar month; use "DAYS".');
    plans.set(p.role, readyPlan(p, i + 1, periods.length));
  });
  const byId = new Map<string, ReadyPerson>();
  const people = input.people.map((p, i) => {
    if (byId.has(p.id))
      throw new LedgerInputError("people", i + 1, "id", `"${p.id}" is listed twice; each person once.`);
    const ready = readyPerson(p, i + 1, plans, periods);
    byId.set(p.id, ready);
    return ready;
  });
  return { plans, people, credits: readyCredits(input.credits, byId, periods) };
}

function readyCredits(
  credits: readonly LedgerCredit[],
  people: ReadonlyMap<string, ReadyPerson>,
  periods: readonly Period[],
): ReadyCredit[] {
  const first = periods[0].first;
  const last = periods[periods.length - 1].last;
  const groups = new Map<string, number[]>();
  const found: { person: ReadyPerson; period: number; share: number }[] = credits.map((c, i) => {
    const row = i + 1;
    const person = people.get(c.person);
    if (!person) throw new LedgerInputError("credits", row, "person", `"${c.person}" is not in the people table.`);
    if (c.role !== null && c.role !== undefined && c.role !== "" && c.role !== person.person.role) {
      throw new LedgerInputError(
        "credits",
        row,
        "role",
        `"${c.role}", but ${c.person} is on the ${person.person.role} plan.`,
      );
    }
    if (!finite(c.date)) throw new LedgerInputError("credits", row, "date", `${c.date} is not a date.`);
    const period = periodOf(periods, c.date);
    if (period < 0)
      throw new LedgerInputError(
        "credits",
        row,
        "date",
        `${Math.floor(c.date)} is outside the plan year (${first} to ${last}).`,
      );
    if (!finite(c.amount)) throw new LedgerInputError("credits", row, "amount", `${c.amount} is not a number.`);
    const share = c.share ?? 1;
    if (!finite(share) || share < 0) throw new LedgerInputError("credits", row, "share", `${share} must be 0 or more.`);
    for (const field of ["paymentDate", "cancelDate", "termMonths"] as const) {
      const v = c[field];
      if (v !== null && v !== undefined && !finite(v))
        throw new LedgerInputError("credits", row, field, `${v} is not a number.`);
    }
    if (c.termMonths !== null && c.termMonths !== undefined && c.termMonths <= 0)
      throw new LedgerInputError("credits", row, "termMonths", `${c.termMonths} must be above 0.`);
    return { person, period, share };
  });
  // A split is the rows of one deal, date, amount and role. Most deals have one row: only deals
  // seen more than once need the composite key.
  const rowsPerDeal = new Map<string, number>();
  for (const c of credits) rowsPerDeal.set(c.deal, (rowsPerDeal.get(c.deal) ?? 0) + 1);
  credits.forEach((c, i) => {
    const key =
      rowsPerDeal.get(c.deal) === 1
        ? c.deal
        : `${c.deal}\u0000${Math.floor(c.date)}\u0000${c.amount}\u0000${found[i].person.person.role}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  const values: Amount[] = new Array(credits.length);
  for (const rows of groups.values()) {
    const plan = found[rows[0]].person.plan.plan;
    const shareList = rows.map((i) => found[i].share);
    const single = rows.length === 1 && shareList[0] === 1;
    if (plan.splits === "EXACT" && !single) {
      const sum = sumExact(shareList);
      // Thirds typed as =1/3 add up to 0.999...9: a share sum within a billionth of 1 is 100%.
      if (sum.minus(1).abs().gt(SHARE_TOLERANCE)) {
        const c = credits[rows[0]];
        throw new LedgerInputError(
          "credits",
          rows[0] + 1,
          "share",
          `the shares of deal ${c.deal} for role ${plan.role} add up to ${sum.toString()}; this plan requires 100%.`,
        );
      }
    }
    const amount = credits[rows[0]].amount;
    if (plan.measure === "COUNT") {
      const sign = amount > 0 ? 1 : amount < 0 ? -1 : 0;
      rows.forEach((i) => (values[i] = sign * found[i].share));
    } else if (single) {
      values[rows[0]] = amount;
    } else {
      const parts = splitCredit(amount, shareList, 2);
      rows.forEach((i, k) => (values[i] = settle(parts[k])));
    }
  }
  return credits.map((c, i) => {
    const { person, period } = found[i];
    const stages = person.plan.stages;
    const counted = stages === null || (typeof c.stage === "string" && stages.has(normaliseLabel(c.stage)));
    return { row: i + 1, credit: c, person, period, value: values[i] ?? 0, counted };
  });
}
