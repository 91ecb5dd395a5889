/** The OTE scenario step's slice of the wizard: its form after each action. Pure. */
import { textKey } from "../../core/text";
import { TableData } from "../../workbook/host";
import type { WizardAction, WizardState } from "../wizardState";
import {
  headcountsFrom,
  initialScenarioForm,
  quotasFromQuotaStep,
  ScenarioForm,
  scenarioFormFrom,
} from "./scenarioForm";

/** The scenario form after an action; `state` is the wizard with the earlier slices already updated. */
export function scenarioSlice(state: WizardState, action: WizardAction): ScenarioForm {
  const f = state.scenario;
  const role = state.territory.repColumns.role;
  switch (action.type) {
    case "repsLoaded":
      // Headcounts per role from the reps table, unless the user has already edited the roles.
      return f === initialScenarioForm && role !== null ? headcountsFrom(f, countByRole(action.data, role)) : f;
    case "scenarioFormChanged":
      return { ...f, ...action.patch };
    case "scenarioRoleChanged":
      return { ...f, roles: f.roles.map((r, i) => (i === action.index ? { ...r, ...action.patch } : r)) };
    case "scenarioRoleAdded":
      return { ...f, roles: [...f.roles, { role: "", headcount: "1", ote: "", quota: "", mixes: "60/40" }] };
    case "scenarioRoleRemoved":
      return { ...f, roles: f.roles.filter((_, i) => i !== action.index) };
    case "scenarioCurveChanged":
      return { ...f, curves: f.curves.map((c, i) => (i === action.index ? { ...c, ...action.patch } : c)) };
    case "scenarioCurveAdded":
      return { ...f, curves: [...f.curves, { name: "", tiers: "0:1", mode: "MARGINAL", threshold: "", cap: "2" }] };
    case "scenarioCurveRemoved":
      return { ...f, curves: f.curves.filter((_, i) => i !== action.index) };
    case "scenarioSettingsRestored":
      return scenarioFormFrom(action.settings);
    case "quotasSet":
      return quotasFromQuotaStep(f, meanQuotaByRole(state, action.quotas), state.quota.period);
    default:
      return f;
  }
}

/** The mean quota of each role's reps (roles from the reps table, matched on the rep id). */
function meanQuotaByRole(state: WizardState, quotas: readonly { id: string; quota: number }[]): Map<string, number> {
  const { repsData } = state;
  const { id, role } = state.territory.repColumns;
  const out = new Map<string, number>();
  if (!repsData || id === null || role === null) return out;
  const roleOf = new Map(repsData.rows.map((r) => [textKey(r[id]), textKey(r[role])]));
  const sums = new Map<string, { total: number; n: number }>();
  for (const q of quotas) {
    const r = roleOf.get(textKey(q.id));
    if (!r) continue;
    const s = sums.get(r) ?? { total: 0, n: 0 };
    sums.set(r, { total: s.total + q.quota, n: s.n + 1 });
  }
  sums.forEach((s, r) => out.set(r, s.total / s.n));
  return out;
}

/** How many rows of a reps table have each role (keyed trimmed and in any case; the first spelling is kept). */
function countByRole(reps: TableData, roleColumn: number): Map<string, { role: string; n: number }> {
  const counts = new Map<string, { role: string; n: number }>();
  for (const r of reps.rows) {
    const k = textKey(r[roleColumn]);
    if (!k) continue;
    const c = counts.get(k);
    counts.set(k, c ? { ...c, n: c.n + 1 } : { role: String(r[roleColumn]).trim(), n: 1 });
  }
  return counts;
}
