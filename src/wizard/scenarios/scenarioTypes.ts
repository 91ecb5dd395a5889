import { PayoutCurve } from "../../core/tiers";

/** A role's inputs and the pay mixes to compare for it. */
export interface RoleRow {
  readonly role: string;
  readonly headcount: number;
  readonly ote: number;
  readonly quota: number;
  /** Base shares to compare (0.6 = 60/40). */
  readonly mixes: readonly number[];
}

/** A payout curve to compare, by name. */
export interface CurveRow {
  readonly name: string;
  readonly tiers: PayoutCurve["tiers"];
  readonly mode: PayoutCurve["mode"];
  readonly threshold: number | null;
  readonly cap: number | null;
}

/** Where the attainment distribution comes from. */
export type DistributionSource =
  | { readonly kind: "quotas"; readonly distributionTable: string; readonly pointsTable: string }
  | { readonly kind: "lognormal"; readonly share: number; readonly sigma: number };

/** Everything the OTE scenario step needs; also what is stored for a re-run. */
export interface ScenarioStepSettings {
  readonly roles: readonly RoleRow[];
  readonly curves: readonly CurveRow[];
  readonly distribution: DistributionSource;
  readonly sheet: string;
}
