/**
 * A role's plan as the Back-test pane types it (the curve: tiers, mode, threshold and cap; what
 * it reads; attainment running or reset; the target incentive; the stages that count; proration),
 * and its parsing into the settings' {@link BacktestRolePlan} with issues naming the plan, the
 * role and the field. A new role's plan, for a role added in the pane. Pure: no React, no workbook.
 */
import { isCalcError } from "../../core/errors";
import { ProrationBasis } from "../../core/payoutRules";
import { compileCurve, PayoutCurve, PayoutMode } from "../../core/tiers";
import { parseTiers } from "../scenarios/scenarioForm";
import { numberText } from "./backtestRules";
import { BacktestRolePlan } from "./backtestSettings";

/** A role's curve as typed: tiers "0:1, 1:1.5" (lower bound:rate), threshold and cap blank for none. */
export interface CurveDraft {
  readonly role: string;
  readonly tiers: string;
  readonly mode: PayoutMode;
  readonly threshold: string;
  readonly cap: string;
}

/** A role's plan as typed, besides its draw, clawback, pay timing and splits (see backtestRules). */
export interface RolePlanDraft extends CurveDraft {
  readonly curveOn: BacktestRolePlan["curveOn"];
  readonly attainment: BacktestRolePlan["attainment"];
  /** The annual target incentive (attainment curves) or the money tiers' multiplier (usually 1). */
  readonly targetIncentive: string;
  /** The stages that count, comma-separated; blank: every credited deal. */
  readonly stages: string;
  readonly proration: ProrationBasis | "NONE";
}

/** The role plans of both plans as typed, one per role of each. */
export interface PlanRoleDrafts {
  readonly current: readonly RolePlanDraft[];
  readonly proposed: readonly RolePlanDraft[];
}

const numText = (v: number | null) => (v === null ? "" : String(v));

/** A curve as the form types it. */
export function curveDraft(role: string, c: PayoutCurve): CurveDraft {
  return {
    role,
    tiers: c.tiers.map((t) => `${t.lower}:${t.rate}`).join(", "),
    mode: c.mode,
    threshold: numText(c.threshold),
    cap: numText(c.cap),
  };
}

/** The stages as the form types them: "Won, Closed Won"; blank for every deal. */
export const stagesText = (stages: readonly string[] | null): string => (stages ? stages.join(", ") : "");

/** A role plan as the form types it. */
export function rolePlanDraft(rp: BacktestRolePlan): RolePlanDraft {
  return {
    ...curveDraft(rp.role, rp.curve),
    curveOn: rp.curveOn,
    attainment: rp.attainment,
    targetIncentive: String(rp.targetIncentive),
    stages: stagesText(rp.stages),
    proration: rp.proration,
  };
}

/** A curve parsed, or what is wrong with it, naming the plan and the role. */
export function parseCurve(plan: string, c: CurveDraft): PayoutCurve | string {
  const who = `${plan} plan, ${c.role}`;
  const tiers = parseTiers(c.tiers);
  if (typeof tiers === "string") return `${who}: ${tiers}.`;
  const threshold = numberText(c.threshold);
  const cap = numberText(c.cap);
  if (Number.isNaN(threshold)) return `${who}: the threshold must be a number, or blank for none.`;
  if (Number.isNaN(cap)) return `${who}: the cap must be a number, or blank for none.`;
  const curve: PayoutCurve = { tiers, mode: c.mode, threshold, cap };
  const compiled = compileCurve(curve);
  return isCalcError(compiled) ? `${who}: ${compiled.message}` : curve;
}

type Fields = Pick<BacktestRolePlan, "curve" | "curveOn" | "attainment" | "targetIncentive" | "stages" | "proration">;

/**
 * A role plan parsed over its plan (`base`, whose other fields are kept), or the issues, each
 * naming the plan, the role and the field. Stages typed as the base has them keep the base's
 * list, so untouched settings come back unchanged.
 */
export function parseRolePlanDraft(
  plan: string,
  base: BacktestRolePlan,
  d: RolePlanDraft,
): { readonly plan: BacktestRolePlan } | { readonly issues: string[] } {
  const who = `${plan} plan, ${d.role}`;
  const issues: string[] = [];
  const curve = parseCurve(plan, d);
  if (typeof curve === "string") issues.push(curve);
  const ti = numberText(d.targetIncentive);
  if (ti === null || Number.isNaN(ti) || ti < 0)
    issues.push(
      `${who}: the target incentive is "${d.targetIncentive}"; enter an amount of 0 or more (1 for money tiers).`,
    );
  const typed = d.stages
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  const stages = d.stages === stagesText(base.stages) ? base.stages : typed.length ? typed : null;
  if (issues.length) return { issues };
  const fields: Fields = {
    curve: curve as PayoutCurve,
    curveOn: d.curveOn,
    attainment: d.attainment,
    targetIncentive: ti as number,
    stages,
    proration: d.proration,
  };
  return { plan: { ...base, role: d.role, ...fields } };
}

/**
 * The plan of a role added in the pane: 10% commission on the credited amount (money tiers,
 * multiplier 1), running, the stages of `like` (the plan's first role) or every deal, splits
 * adding up to 100%, prorated by days, no draw, no clawback, paid on booking.
 */
export function newRolePlan(role: string, like: BacktestRolePlan | undefined): BacktestRolePlan {
  return {
    role,
    targetIncentive: 1,
    curve: { tiers: [{ lower: 0, rate: 0.1 }], mode: "MARGINAL", threshold: null, cap: null },
    curveOn: "AMOUNT",
    attainment: "RUNNING",
    stages: like?.stages ? [...like.stages] : null,
    splits: "EXACT",
    proration: "DAYS",
    draw: null,
    clawback: null,
    payTiming: null,
  };
}
