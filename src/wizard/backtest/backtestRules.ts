/**
 * A role's payout rules as the Back-test pane types them (draw, clawback, pay timing, splits),
 * and their parsing into the settings' {@link BacktestRolePlan} with issues naming the plan, the
 * role and the field. Pure: no React, no workbook.
 */
import { dec, toNumber } from "../../core/money";
import { BacktestPlan, BacktestRolePlan } from "./backtestSettings";

/** How a role's draw is settled: recoverable (owed back from later earnings) or a guarantee. */
export type DrawKind = "RECOVERABLE" | "GUARANTEE";
/** A clawback method as chosen: none, prorated, full, or a fixed share of the commission. */
export type ClawbackKind = "NONE" | "PRORATED" | "FULL" | "SHARE";
/** When commission is paid: on booking, on the customer's payment date, or with a holdback. */
export type PayTimingKind = "BOOKING" | "PAYMENT" | "HOLDBACK";

/** A role's rules as typed; shares are "25%" or "0.25". */
export interface RulesDraft {
  readonly role: string;
  readonly draw: DrawKind;
  /** The draw per period for the role's people whose draw cell is blank ("" for none). */
  readonly drawAmount: string;
  /** The largest share of a period's earnings that repays the draw. */
  readonly recoveryLimit: string;
  readonly clawback: ClawbackKind;
  /** The share clawed back, with {@link ClawbackKind} SHARE. */
  readonly clawbackShare: string;
  /** No clawback once the customer stayed this many months ("" : the term). */
  readonly windowMonths: string;
  /** The contract term in months, for deals that give none. */
  readonly termMonths: string;
  readonly payTiming: PayTimingKind;
  readonly holdbackShare: string;
  readonly holdbackMonths: string;
  /** EXACT: each deal's shares for the role add up to 100%; ANY: overlay credit allowed. */
  readonly splits: "EXACT" | "ANY";
}

/** The rules drafts of both plans, one per role of each. */
export interface PlanRulesDrafts {
  readonly current: readonly RulesDraft[];
  readonly proposed: readonly RulesDraft[];
}

const DEFAULT_TERM = 12;

/** "25%" for 0.25 (exact). */
export function percentText(share: number): string {
  return `${toNumber(dec(share).mul(100))}%`;
}

/** A role plan's rules as the form types them. */
export function rulesDraft(rp: BacktestRolePlan): RulesDraft {
  const c = rp.clawback;
  const t = rp.payTiming ?? { kind: "BOOKING" as const };
  return {
    role: rp.role,
    draw: rp.draw && !rp.draw.recoverable ? "GUARANTEE" : "RECOVERABLE",
    drawAmount: rp.drawAmount === undefined || rp.drawAmount === null ? "" : String(rp.drawAmount),
    recoveryLimit: percentText(rp.draw ? rp.draw.recoveryLimit : 1),
    clawback: c === null ? "NONE" : typeof c.method === "number" ? "SHARE" : c.method,
    clawbackShare: c && typeof c.method === "number" ? percentText(c.method) : "",
    windowMonths: c && c.windowMonths !== null ? String(c.windowMonths) : "",
    termMonths: String(c ? c.termMonths : DEFAULT_TERM),
    payTiming: t.kind,
    holdbackShare: t.kind === "HOLDBACK" ? percentText(t.share) : "",
    holdbackMonths: t.kind === "HOLDBACK" ? String(t.months) : "",
    splits: rp.splits,
  };
}

/** The rules drafts of a plan. */
export const rulesOf = (plan: BacktestPlan): RulesDraft[] => plan.roles.map(rulesDraft);

/** A number as typed (commas and spaces ignored): null when blank, NaN when not a number. */
export function numberText(t: string): number | null {
  const v = t.replace(/[,\s]/g, "");
  if (v === "") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : NaN;
}

/** A share as typed, "25%" or "0.25": null when blank, NaN when not a number. */
export function shareText(t: string): number | null {
  const v = t.replace(/[,\s]/g, "");
  if (!v.endsWith("%")) return numberText(v);
  const n = numberText(v.slice(0, -1));
  return n === null || Number.isNaN(n) ? NaN : toNumber(dec(n).div(100));
}

/** Whether a share as {@link shareText} read it is one: a number from 0 to 1 (blank is not). */
export function isShare(v: number | null): v is number {
  return v !== null && !Number.isNaN(v) && v >= 0 && v <= 1;
}

type Rules = Pick<BacktestRolePlan, "draw" | "drawAmount" | "clawback" | "payTiming" | "splits">;

/**
 * A role's rules parsed over its plan (`base`, whose other fields are kept), or the issues, each
 * naming the plan, the role and the field. A draw typed as the ledger's default (recoverable,
 * 100%) stays "no policy" when the base had none, so untouched settings come back unchanged.
 */
export function parseRulesDraft(
  plan: string,
  base: BacktestRolePlan,
  d: RulesDraft,
): { readonly plan: BacktestRolePlan } | { readonly issues: string[] } {
  const who = `${plan} plan, ${d.role}`;
  const issues: string[] = [];
  const share = (text: string, field: string, blankOk = false): number => {
    const v = shareText(text);
    if (v === null && blankOk) return 0;
    if (!isShare(v)) issues.push(`${who}: the ${field} is "${text}"; enter a share from 0% to 100%.`);
    return v ?? NaN;
  };
  const months = (text: string, field: string, blankOk: boolean): number | null => {
    const v = numberText(text);
    if (v === null && blankOk) return null;
    if (v === null || Number.isNaN(v) || !Number.isInteger(v) || v <= 0) {
      issues.push(`${who}: the ${field} is "${text}"; enter a whole number of months above 0.`);
      return NaN;
    }
    return v;
  };

  const amount = numberText(d.drawAmount);
  if (amount !== null && (Number.isNaN(amount) || amount < 0))
    issues.push(`${who}: the draw per period is "${d.drawAmount}"; enter an amount of 0 or more, or leave it blank.`);
  // A guarantee is never recovered: its limit (hidden in the pane) is kept when it reads, else 100%.
  const kept = shareText(d.recoveryLimit);
  const limit =
    d.draw === "RECOVERABLE"
      ? share(d.recoveryLimit, "draw recovery limit")
      : kept !== null && kept >= 0 && kept <= 1
        ? kept
        : 1;
  const draw =
    d.draw === "RECOVERABLE" && limit === 1 && base.draw === null
      ? null
      : { recoverable: d.draw === "RECOVERABLE", recoveryLimit: limit };

  let clawback: BacktestRolePlan["clawback"] = null;
  if (d.clawback !== "NONE") {
    const method = d.clawback === "SHARE" ? share(d.clawbackShare, "clawback share") : d.clawback;
    const windowMonths = months(d.windowMonths, "clawback window", true);
    const termMonths = months(d.termMonths, "contract term", false) ?? DEFAULT_TERM;
    clawback = { method, windowMonths, termMonths };
  }

  let payTiming: BacktestRolePlan["payTiming"] = null;
  if (d.payTiming === "PAYMENT") payTiming = { kind: "PAYMENT" };
  if (d.payTiming === "HOLDBACK") {
    const held = share(d.holdbackShare, "holdback share");
    const after = months(d.holdbackMonths, "holdback release", false) ?? NaN;
    payTiming = { kind: "HOLDBACK", share: held, months: after };
  }
  // On booking is the ledger's default; a base that said so explicitly keeps saying so.
  if (d.payTiming === "BOOKING" && base.payTiming?.kind === "BOOKING") payTiming = base.payTiming;

  if (issues.length) return { issues };
  const rules: Rules = { draw, clawback, payTiming, splits: d.splits };
  // A blank draw amount leaves the key out, as settings stored before it have it.
  const out: BacktestRolePlan = { ...base, ...rules, drawAmount: amount ?? undefined };
  if (amount === null) delete (out as { drawAmount?: number }).drawAmount;
  return { plan: out };
}
