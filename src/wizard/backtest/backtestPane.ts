/**
 * The Back-test pane as data: its state (tables and columns as typed, plan year and periods, the
 * quota source, each plan's roles with their curve, target incentive, stages and proration, and
 * their draw, clawback, pay timing and splits as typed; an optional credits table and actual
 * payouts table), the actions the pane dispatches, a pure reducer and the selectors it renders.
 * The roles' plans start from the settings it starts from: stored ones, or the sample's. No
 * React and no workbook calls here.
 */
import { distinctTexts, headerIndex, sameText } from "../../core/text";
import { PayoutCurve } from "../../core/tiers";
import { TableData, TableInfo } from "../../workbook/host";
import { idleRun, RunEvent, runReducer, RunState } from "../runState";
import { autoMapActual, autoMapCredits, autoMapDeals, autoMapPeople } from "./backtestColumns";
import { PlanKey } from "./backtestLayout";
import {
  numberText,
  parseRulesDraft,
  percentText,
  PlanRulesDrafts,
  rulesDraft,
  rulesOf,
  RulesDraft,
  isShare,
  shareText,
} from "./backtestRules";
import {
  BacktestPlan,
  BacktestRolePlan,
  BacktestSettings,
  copyPlan,
  CreditSource,
  QuotaPeriod,
  QuotaSource,
} from "./backtestSettings";
import { QUOTA_REP_COLUMNS, quotaNames, QUOTAS_SHEET } from "../quotas/layout";
import {
  CurveDraft,
  newRolePlan,
  parseCurve,
  parseRolePlanDraft,
  PlanRoleDrafts,
  rolePlanDraft,
  RolePlanDraft,
} from "./backtestRolePlans";

export type { CurveDraft, RolePlanDraft } from "./backtestRolePlans";
export { curveDraft } from "./backtestRolePlans";
import { parseStoredBacktest } from "./backtestStored";
import { sampleBacktestSettings } from "./sampleBacktest";

/** The deals columns as chosen ("" for none). */
export interface DealsDraft {
  readonly table: string;
  readonly deal: string;
  readonly owner: string;
  readonly amount: string;
  readonly closeDate: string;
  readonly stage: string;
  readonly paymentDate: string;
  readonly cancelDate: string;
  /** A column naming an SDR credited on the deal, and their share. */
  readonly sdr: string;
  readonly sdrShare: string;
  /** The SDR's share where the share column is blank or not chosen, "25%" or "0.25" ("" : 100%). */
  readonly sdrDefaultShare: string;
  /** Further people credited in columns of the deals table (a CSR's, say), after the SDR's. */
  readonly moreCredits: readonly CreditPairDraft[];
}

/** A further credit column of the deals table as chosen: the person, their share column, the share when blank. */
export interface CreditPairDraft {
  /** The column naming who is credited. */
  readonly person: string;
  /** The column of their share ("" for none). */
  readonly share: string;
  /** "25%" or "0.25"; "" for 100%. */
  readonly defaultShare: string;
}

/** A credit column pair with nothing chosen, as "Add a credit column" starts it. */
export const NO_CREDIT_PAIR: CreditPairDraft = { person: "", share: "", defaultShare: "" };

/** A separate credits table as chosen: its name ("" for none) and columns. */
export interface CreditsDraft {
  readonly table: string;
  readonly deal: string;
  readonly person: string;
  readonly share: string;
  readonly role: string;
}

/** The table of what was actually paid, per person, as chosen ("" for none). */
export interface ActualDraft {
  readonly table: string;
  readonly person: string;
  readonly amount: string;
}

/** The people columns as chosen ("" for none). */
export interface PeopleDraft {
  readonly table: string;
  readonly id: string;
  readonly role: string;
  readonly start: string;
  readonly end: string;
  /** Each person's draw per period. */
  readonly draw: string;
  /** Each person's quota per period (used when quotas come from the people table). */
  readonly quota: string;
}

/** The quota step's reps table as chosen, and the period its quotas are for. */
export interface QuotaSheetDraft {
  readonly table: string;
  readonly per: QuotaPeriod;
}

/** Everything the Back-test pane shows. */
export interface BacktestPaneState {
  readonly tables: readonly TableInfo[];
  /** The settings the form started from: the plans' rules, the quotas and the other options. */
  readonly base: BacktestSettings;
  readonly deals: DealsDraft;
  readonly people: PeopleDraft;
  readonly credits: CreditsDraft;
  readonly actual: ActualDraft;
  readonly year: string;
  readonly periods: "months" | "quarters";
  /**
   * Each plan's roles as typed (curve, target incentive, stages, proration), one per role of
   * {@link BacktestPaneState.base}'s plan, in its order; {@link BacktestPaneState.rules} has the same roles.
   */
  readonly plans: PlanRoleDrafts;
  /** The roles found in the people table's role column (trimmed, each once), to add a plan for. */
  readonly peopleRoles: readonly string[];
  /**
   * The annual quota of each role paid on attainment, as typed, when quotas are one per role
   * (empty when they come from the people table).
   */
  readonly quotas: readonly QuotaDraft[];
  /** Where quotas come from: the people table, the quota step's Quotas sheet, or one per role. */
  readonly quotaSource: QuotaSource["kind"];
  /** The Quotas sheet's reps table, when {@link BacktestPaneState.quotaSource} is "sheet". */
  readonly quotaSheet: QuotaSheetDraft;
  /** Each plan's draw, clawback, pay timing and splits, one per role of the base's plan. */
  readonly rules: PlanRulesDrafts;
  readonly run: RunState;
}

/** A role's annual quota as typed. */
export interface QuotaDraft {
  readonly role: string;
  readonly annual: string;
}

/** What the back-test's form and run live in. */
export interface BacktestContext {
  readonly pane: BacktestPaneState;
}

/** What the pane can tell its state. */
export type BacktestPaneAction =
  | {
      type: "loaded";
      tables: readonly TableInfo[];
      stored: BacktestSettings | null;
      /** The period of the quota step's last run, the default for the Quotas sheet's quotas. */
      quotaPeriod?: QuotaPeriod | null;
    }
  | { type: "loadFailed"; message: string }
  | { type: "dealsTableChanged"; table: string }
  | { type: "dealsChanged"; patch: Partial<Omit<DealsDraft, "table" | "moreCredits">> }
  | { type: "creditPairAdded" }
  | { type: "creditPairChanged"; index: number; patch: Partial<CreditPairDraft> }
  | { type: "creditPairRemoved"; index: number }
  | { type: "peopleTableChanged"; table: string }
  | { type: "peopleChanged"; patch: Partial<Omit<PeopleDraft, "table">> }
  | { type: "yearChanged"; year: string }
  | { type: "periodsChanged"; periods: "months" | "quarters" }
  /** The proposed plan's curve of a role (by index). */
  | { type: "curveChanged"; role: number; patch: Partial<Omit<CurveDraft, "role">> }
  | { type: "rolePlanChanged"; plan: PlanKey; role: number; patch: Partial<Omit<RolePlanDraft, "role">> }
  | { type: "roleAdded"; plan: PlanKey; role: string }
  | { type: "roleRemoved"; plan: PlanKey; role: number }
  | { type: "roleRenamed"; from: string; to: string }
  | { type: "peopleRolesRead"; roles: readonly string[] }
  | { type: "quotaChanged"; role: number; annual: string }
  | { type: "quotaSourceChanged"; source: QuotaSource["kind"] }
  | { type: "quotaSheetChanged"; patch: Partial<QuotaSheetDraft> }
  | { type: "creditsTableChanged"; table: string }
  | { type: "creditsChanged"; patch: Partial<Omit<CreditsDraft, "table">> }
  | { type: "actualTableChanged"; table: string }
  | { type: "actualChanged"; patch: Partial<Omit<ActualDraft, "table">> }
  | { type: "rulesChanged"; plan: PlanKey; role: number; patch: Partial<Omit<RulesDraft, "role">> }
  | { type: "copyCurrent" }
  | { type: "run"; event: RunEvent };

const text = (v: string | null) => v ?? "";
const orNull = (v: string) => (v.trim() ? v : null);
const NO_CREDITS: CreditsDraft = { table: "", deal: "", person: "", share: "", role: "" };
const NO_ACTUAL: ActualDraft = { table: "", person: "", amount: "" };

const roleDraftsOf = (plan: BacktestPlan) => plan.roles.map(rolePlanDraft);

/** The roles either plan pays on attainment as typed, each once (trimmed, any case), in plan order. */
function attainmentRoles(plans: PlanRoleDrafts): string[] {
  const out: string[] = [];
  for (const r of [...plans.current, ...plans.proposed]) {
    if (r.curveOn === "ATTAINMENT" && !out.some((x) => sameText(x, r.role))) out.push(r.role);
  }
  return out;
}

/** The quota drafts of a settings: one per attainment role when quotas are per role. */
function quotasOf(s: BacktestSettings): QuotaDraft[] {
  const plans = { current: roleDraftsOf(s.current), proposed: roleDraftsOf(s.proposed) };
  return s.quotas.kind === "role" ? roleQuotas(s, plans, []) : [];
}

/**
 * One quota draft per role paid on attainment in `plans`: as typed in `typed`, else the
 * settings' quota, else blank.
 */
function roleQuotas(s: BacktestSettings, plans: PlanRoleDrafts, typed: readonly QuotaDraft[]): QuotaDraft[] {
  const q = s.quotas;
  return attainmentRoles(plans).map((role) => {
    const mine = typed.find((t) => sameText(t.role, role));
    if (mine) return mine;
    if (q.kind !== "role") return { role, annual: "" };
    const v = Object.entries(q.annual).find(([k]) => sameText(k, role))?.[1];
    return { role, annual: v === undefined ? "" : String(v) };
  });
}

/** The default reps table of the quota step's sheet. */
const QUOTA_REPS = quotaNames(QUOTAS_SHEET).reps;

/** The form's drafts of a settings' columns, tables, plan year, curves, quotas and rules. */
function draftsOf(
  s: BacktestSettings,
): Pick<
  BacktestPaneState,
  | "deals"
  | "people"
  | "credits"
  | "actual"
  | "year"
  | "periods"
  | "plans"
  | "quotas"
  | "quotaSource"
  | "quotaSheet"
  | "rules"
> {
  const d = s.deals;
  const columns = d.credits.kind === "columns" ? d.credits.columns : [];
  const sdrFirst = !(d.credits.kind === "columns" && d.credits.firstIsSdr === false);
  const sdr = sdrFirst ? columns[0] : undefined;
  const further = sdrFirst ? columns.slice(1) : columns;
  const ct = d.credits.kind === "table" ? d.credits : null;
  return {
    deals: {
      table: d.table,
      deal: d.deal,
      owner: d.owner,
      amount: d.amount,
      closeDate: d.closeDate,
      stage: d.stage,
      paymentDate: text(d.paymentDate),
      cancelDate: text(d.cancelDate),
      sdr: sdr?.person ?? "",
      sdrShare: text(sdr?.share ?? null),
      sdrDefaultShare: sdr?.defaultShare == null ? "" : percentOf(sdr.defaultShare),
      moreCredits: further.map((c) => ({
        person: c.person,
        share: text(c.share),
        defaultShare: c.defaultShare == null ? "" : percentOf(c.defaultShare),
      })),
    },
    credits: ct
      ? { table: ct.table, deal: ct.deal, person: ct.person, share: ct.share, role: text(ct.role) }
      : NO_CREDITS,
    actual: s.actual ? { ...s.actual } : NO_ACTUAL,
    people: {
      table: s.people.table,
      id: s.people.id,
      role: s.people.role,
      start: text(s.people.start),
      end: text(s.people.end),
      draw: text(s.people.draw),
      quota: text(s.people.quota),
    },
    year: String(s.year),
    periods: s.periods,
    plans: { current: roleDraftsOf(s.current), proposed: roleDraftsOf(s.proposed) },
    quotas: quotasOf(s),
    quotaSource: s.quotas.kind,
    quotaSheet:
      s.quotas.kind === "sheet" ? { table: s.quotas.table, per: s.quotas.per } : { table: QUOTA_REPS, per: "year" },
    rules: { current: rulesOf(s.current), proposed: rulesOf(s.proposed) },
  };
}

/** The pane before the workbook is read: the sample's settings. */
export function initialBacktestPane(): BacktestPaneState {
  const base = sampleBacktestSettings();
  return { tables: [], base, ...draftsOf(base), peopleRoles: [], run: idleRun };
}

/** The headers of a table by name (trimmed, any case); none when there is no such table. */
export function tableHeaders(tables: readonly TableInfo[], table: string): readonly string[] {
  return tables.find((t) => sameText(t.name, table))?.headers ?? [];
}

/** The deals columns guessed from a table's headers. */
function dealsFor(table: string, headers: readonly string[]): DealsDraft {
  const m = autoMapDeals(headers);
  return {
    table,
    deal: text(m.deal),
    owner: text(m.owner),
    amount: text(m.amount),
    closeDate: text(m.closeDate),
    stage: text(m.stage),
    paymentDate: text(m.paymentDate),
    cancelDate: text(m.cancelDate),
    sdr: text(m.sdr),
    sdrShare: text(m.sdrShare),
    sdrDefaultShare: "",
    moreCredits: [],
  };
}

/** A credits table's columns guessed from its headers; none chosen for "". */
function creditsFor(table: string, headers: readonly string[]): CreditsDraft {
  if (!table.trim()) return NO_CREDITS;
  const m = autoMapCredits(headers);
  return { table, deal: text(m.deal), person: text(m.person), share: text(m.share), role: text(m.role) };
}

/** An actual payouts table's columns guessed from its headers; none chosen for "". */
function actualFor(table: string, headers: readonly string[]): ActualDraft {
  if (!table.trim()) return NO_ACTUAL;
  const m = autoMapActual(headers);
  return { table, person: text(m.person), amount: text(m.amount) };
}

/** The people columns guessed from a table's headers. */
function peopleFor(table: string, headers: readonly string[]): PeopleDraft {
  const m = autoMapPeople(headers);
  return {
    table,
    id: text(m.id),
    role: text(m.role),
    start: text(m.start),
    end: text(m.end),
    draw: text(m.draw),
    quota: text(m.quota),
  };
}

const at = <T>(xs: readonly T[], i: number, f: (x: T) => T): T[] => xs.map((x, j) => (j === i ? f(x) : x));
const without = <T>(xs: readonly T[], i: number): T[] => xs.filter((_, j) => j !== i);

/** The distinct roles (trimmed, first spelling kept, blanks skipped) of a table's role column, in table order. */
export function rolesIn(t: TableData, column: string): string[] {
  const c = headerIndex(t.headers, column);
  return c < 0 ? [] : distinctTexts(t.rows, c);
}

/** The roles in the people table that `plan` has no role plan for yet, to add. */
export function rolesToAdd(pane: BacktestPaneState, plan: PlanKey): string[] {
  return pane.peopleRoles.filter((r) => !pane.plans[plan].some((d) => sameText(d.role, r)));
}

/** The form with one plan's role drafts changed; the per-role quota fields follow the attainment roles. */
function withPlans(state: BacktestPaneState, plans: PlanRoleDrafts, patch: Partial<BacktestPaneState> = {}) {
  const quotas = state.quotaSource === "role" ? roleQuotas(state.base, plans, state.quotas) : state.quotas;
  return edited(state, { ...patch, plans, quotas });
}

/**
 * Why a role cannot be renamed to `to` (blank, its name already, another role's name in either
 * plan), or null when it can. A change of case only ("ae" to "AE") is a rename.
 */
export function renameRoleProblem(pane: BacktestPaneState, from: string, to: string): string | null {
  const name = to.trim();
  if (!name) return "Type the role's new name.";
  if (name === from) return `The role is called "${from}" already.`;
  const others = [...pane.plans.current, ...pane.plans.proposed].filter((d) => !sameText(d.role, from));
  if (others.some((d) => sameText(d.role, name))) return `Another role is called "${name}"; choose another name.`;
  return null;
}

/**
 * A role renamed in both plans, with its plan, rules and quota: a people table that calls the
 * role something else ("Account Executive" for "AE") keeps the plan as it was set up.
 */
function renameRole(state: BacktestPaneState, from: string, to: string): BacktestPaneState {
  if (renameRoleProblem(state, from, to)) return state;
  const renamed = <T extends { readonly role: string }>(xs: readonly T[]): T[] =>
    xs.map((x) => (sameText(x.role, from) ? { ...x, role: to } : x));
  const q = state.base.quotas;
  const base: BacktestSettings = {
    ...state.base,
    current: { ...state.base.current, roles: renamed(state.base.current.roles) },
    proposed: { ...state.base.proposed, roles: renamed(state.base.proposed.roles) },
    quotas:
      q.kind === "role"
        ? {
            ...q,
            annual: Object.fromEntries(Object.entries(q.annual).map(([k, v]) => [sameText(k, from) ? to : k, v])),
          }
        : q,
  };
  const plans = { current: renamed(state.plans.current), proposed: renamed(state.plans.proposed) };
  const rules = { current: renamed(state.rules.current), proposed: renamed(state.rules.proposed) };
  return withPlans({ ...state, base, quotas: renamed(state.quotas) }, plans, { base, rules });
}

/** A finished run's message no longer describes the changed form. */
const edited = (s: BacktestPaneState, patch: Partial<BacktestPaneState>): BacktestPaneState => ({
  ...s,
  ...patch,
  run: s.run.status === "running" ? s.run : idleRun,
});

/** The pure reducer of the Back-test pane. */
export function backtestPaneReducer(state: BacktestPaneState, action: BacktestPaneAction): BacktestPaneState {
  switch (action.type) {
    case "loaded": {
      // The quota step's period is the default for its sheet's quotas, unless a stored run chose one.
      const per = action.quotaPeriod ?? null;
      const withPer = (s: BacktestPaneState): BacktestPaneState =>
        per && s.quotaSource !== "sheet" ? { ...s, quotaSheet: { ...s.quotaSheet, per } } : s;
      if (action.stored)
        return withPer({ ...state, tables: action.tables, base: action.stored, ...draftsOf(action.stored) });
      // No stored run: the sample's settings where its tables are, columns guessed elsewhere.
      const deals = tableHeaders(action.tables, state.deals.table).length
        ? dealsFor(state.deals.table, tableHeaders(action.tables, state.deals.table))
        : state.deals;
      const people = tableHeaders(action.tables, state.people.table).length
        ? peopleFor(state.people.table, tableHeaders(action.tables, state.people.table))
        : state.people;
      return withPer({ ...state, tables: action.tables, deals, people });
    }
    case "loadFailed":
      return {
        ...state,
        run: runReducer(idleRun, { type: "failed", message: `Could not read the workbook: ${action.message}` }),
      };
    case "dealsTableChanged":
      return edited(state, { deals: dealsFor(action.table, tableHeaders(state.tables, action.table)) });
    case "dealsChanged":
      return edited(state, { deals: { ...state.deals, ...action.patch } });
    case "creditPairAdded":
      return edited(state, { deals: { ...state.deals, moreCredits: [...state.deals.moreCredits, NO_CREDIT_PAIR] } });
    case "creditPairChanged":
      return edited(state, {
        deals: {
          ...state.deals,
          moreCredits: state.deals.moreCredits.map((c, i) => (i === action.index ? { ...c, ...action.patch } : c)),
        },
      });
    case "creditPairRemoved":
      return edited(state, {
        deals: { ...state.deals, moreCredits: state.deals.moreCredits.filter((_, i) => i !== action.index) },
      });
    case "peopleTableChanged":
      return edited(state, { people: peopleFor(action.table, tableHeaders(state.tables, action.table)) });
    case "peopleChanged":
      return edited(state, { people: { ...state.people, ...action.patch } });
    case "yearChanged":
      return edited(state, { year: action.year });
    case "periodsChanged":
      return edited(state, { periods: action.periods });
    case "curveChanged":
      return backtestPaneReducer(state, { ...action, type: "rolePlanChanged", plan: "proposed" });
    case "rolePlanChanged": {
      const drafts = at(state.plans[action.plan], action.role, (d) => ({ ...d, ...action.patch }));
      return withPlans(state, { ...state.plans, [action.plan]: drafts });
    }
    case "roleAdded": {
      const role = action.role.trim();
      const plan = state.base[action.plan];
      if (!role || state.plans[action.plan].some((d) => sameText(d.role, role))) return state;
      const rp = newRolePlan(role, plan.roles[0]);
      const base = { ...state.base, [action.plan]: { ...plan, roles: [...plan.roles, rp] } };
      const plans = { ...state.plans, [action.plan]: [...state.plans[action.plan], rolePlanDraft(rp)] };
      const rules = { ...state.rules, [action.plan]: [...state.rules[action.plan], rulesDraft(rp)] };
      return withPlans({ ...state, base }, plans, { base, rules });
    }
    case "roleRemoved": {
      const plan = state.base[action.plan];
      const base = { ...state.base, [action.plan]: { ...plan, roles: without(plan.roles, action.role) } };
      const plans = { ...state.plans, [action.plan]: without(state.plans[action.plan], action.role) };
      const rules = { ...state.rules, [action.plan]: without(state.rules[action.plan], action.role) };
      return withPlans({ ...state, base }, plans, { base, rules });
    }
    case "roleRenamed":
      return renameRole(state, action.from, action.to.trim());
    case "peopleRolesRead":
      return { ...state, peopleRoles: action.roles };
    case "quotaChanged":
      return edited(state, { quotas: at(state.quotas, action.role, (q) => ({ ...q, annual: action.annual })) });
    case "quotaSourceChanged":
      return edited(state, {
        quotaSource: action.source,
        quotas: action.source === "role" ? roleQuotas(state.base, state.plans, state.quotas) : state.quotas,
      });
    case "quotaSheetChanged":
      return edited(state, { quotaSheet: { ...state.quotaSheet, ...action.patch } });
    case "creditsTableChanged":
      return edited(state, { credits: creditsFor(action.table, tableHeaders(state.tables, action.table)) });
    case "creditsChanged":
      return edited(state, { credits: { ...state.credits, ...action.patch } });
    case "actualTableChanged":
      return edited(state, { actual: actualFor(action.table, tableHeaders(state.tables, action.table)) });
    case "actualChanged":
      return edited(state, { actual: { ...state.actual, ...action.patch } });
    case "rulesChanged": {
      const plan = at(state.rules[action.plan], action.role, (r) => ({ ...r, ...action.patch }));
      return edited(state, { rules: { ...state.rules, [action.plan]: plan } });
    }
    case "copyCurrent": {
      // The current plan as the form has it (its typed rules where they parse), under the proposed name.
      const current = currentPlanOf(state) ?? state.base.current;
      const proposed = copyPlan({ ...state.base.current, roles: current.roles }, state.base.proposed.name);
      return edited(state, {
        base: { ...state.base, proposed },
        plans: { ...state.plans, proposed: roleDraftsOf(proposed).map((r, i) => state.plans.current[i] ?? r) },
        rules: { ...state.rules, proposed: rulesOf(proposed).map((r, i) => state.rules.current[i] ?? r) },
      });
    }
    case "run":
      return { ...state, run: runReducer(state.run, action.event) };
  }
}

const num = numberText;
const percentOf = percentText;

/** A role's curve parsed, or what is wrong with it (naming the plan, by default the proposed one, and the role). */
export function parseCurveDraft(c: CurveDraft, plan = "Proposed"): PayoutCurve | string {
  return parseCurve(plan, c);
}

const DEAL_REQUIRED: readonly (readonly [keyof DealsDraft, string])[] = [
  ["deal", "deal id"],
  ["owner", "owner"],
  ["amount", "amount"],
  ["closeDate", "close date"],
  ["stage", "stage"],
];
const DEAL_OPTIONAL: readonly (readonly [keyof DealsDraft, string])[] = [
  ["paymentDate", "payment date"],
  ["cancelDate", "cancel date"],
  ["sdr", "SDR"],
  ["sdrShare", "SDR share"],
];
const CREDITS_REQUIRED: readonly (readonly [keyof CreditsDraft, string])[] = [
  ["deal", "deal id"],
  ["person", "person"],
  ["share", "share"],
];
const CREDITS_OPTIONAL: readonly (readonly [keyof CreditsDraft, string])[] = [["role", "role"]];
const ACTUAL_REQUIRED: readonly (readonly [keyof ActualDraft, string])[] = [
  ["person", "person"],
  ["amount", "amount paid"],
];
const PEOPLE_REQUIRED: readonly (readonly [keyof PeopleDraft, string])[] = [
  ["id", "person id"],
  ["role", "role"],
];
const PEOPLE_OPTIONAL: readonly (readonly [keyof PeopleDraft, string])[] = [
  ["start", "start date"],
  ["end", "end date"],
  ["draw", "draw per period"],
  ["quota", "quota per period"],
];

function columnIssues<D extends { table: string }>(
  what: string,
  draft: D,
  tables: readonly TableInfo[],
  required: readonly (readonly [keyof D, string])[],
  optional: readonly (readonly [keyof D, string])[],
): string[] {
  if (!draft.table.trim()) return [`Choose the ${what} table.`];
  if (!tables.some((t) => sameText(t.name, draft.table)))
    return [`There is no table named "${draft.table}"; choose the ${what} table.`];
  const headers = tableHeaders(tables, draft.table);
  const out: string[] = [];
  for (const [field, label] of [...required, ...optional]) {
    const v = String(draft[field]);
    if (!v.trim()) {
      if (required.some(([f]) => f === field)) out.push(`Choose the ${what} table's ${label} column.`);
    } else if (!headers.some((h) => sameText(h, v)))
      out.push(`${draft.table} has no column "${v}" (the ${label}); choose another.`);
  }
  return out;
}

/** The plan year as typed, or null when it is not a year. */
const yearOf = (t: string): number | null => {
  const y = Number(t.trim());
  return Number.isInteger(y) && y >= 1900 && y <= 9999 ? y : null;
};

/** What is wrong with the form, each saying what to fix. */
export function backtestIssues({ pane }: BacktestContext): string[] {
  const out = [
    ...columnIssues("deals", pane.deals, pane.tables, DEAL_REQUIRED, DEAL_OPTIONAL),
    ...columnIssues("people", pane.people, pane.tables, PEOPLE_REQUIRED, PEOPLE_OPTIONAL),
  ];
  if (pane.deals.sdrShare.trim() && !pane.deals.sdr.trim())
    out.push("An SDR share column needs the SDR column too; choose it, or clear the share.");
  const fixed = shareText(pane.deals.sdrDefaultShare);
  if (fixed !== null && !isShare(fixed))
    out.push(`The SDR share when blank is "${pane.deals.sdrDefaultShare}"; enter a share from 0% to 100%.`);
  else if (fixed !== null && !pane.deals.sdr.trim())
    out.push("An SDR share when blank needs the SDR column too; choose it, or clear the share.");
  out.push(...creditPairIssues(pane));
  if (pane.credits.table.trim()) {
    out.push(...columnIssues("credits", pane.credits, pane.tables, CREDITS_REQUIRED, CREDITS_OPTIONAL));
    if (pane.deals.sdr.trim())
      out.push("Credits come from the credits table or from the SDR column, not both; clear one of them.");
    if (pane.deals.moreCredits.some((c) => c.person.trim()))
      out.push(
        "Credits come from the credits table or from the deals table's credit columns, not both; remove the credit columns, or clear the credits table.",
      );
  }
  if (pane.actual.table.trim())
    out.push(...columnIssues("actual payouts", pane.actual, pane.tables, ACTUAL_REQUIRED, []));
  out.push(...rulesIssues(pane));
  if (yearOf(pane.year) === null) out.push(`The plan year "${pane.year}" is not a year; enter one such as 2026.`);
  out.push(...quotaIssues(pane));
  out.push(...roleIssues(pane));
  return out;
}

/** What is wrong with the further credit columns (credit column 2 on), each naming the pair and what to fix. */
function creditPairIssues(pane: BacktestPaneState): string[] {
  const headers = tableHeaders(pane.tables, pane.deals.table);
  const out: string[] = [];
  pane.deals.moreCredits.forEach((c, i) => {
    const which = `Credit column ${i + 2}`;
    if (!c.person.trim()) {
      if (c.share.trim() || c.defaultShare.trim())
        out.push(`${which} has a share but no person column; choose the column naming who is credited, or remove it.`);
      return;
    }
    for (const [v, what] of [
      [c.person, "person"],
      [c.share, "share"],
    ] as const)
      if (v.trim() && headers.length && !headers.some((h) => sameText(h, v)))
        out.push(`${pane.deals.table} has no column "${v}" (${which.toLowerCase()}'s ${what}); choose another.`);
    const fixed = shareText(c.defaultShare);
    if (fixed !== null && !isShare(fixed))
      out.push(`${which}'s share when blank is "${c.defaultShare}"; enter a share from 0% to 100%.`);
  });
  return out;
}

/** What is wrong with the chosen quota source, each saying what to fix. */
function quotaIssues(pane: BacktestPaneState): string[] {
  if (pane.quotaSource === "people")
    return pane.people.quota.trim() || !attainmentRoles(pane.plans).length
      ? []
      : ["Choose the people table's quota per period column, or take quotas from the Quotas sheet or per role."];
  if (pane.quotaSource === "sheet") {
    const t = pane.quotaSheet.table;
    if (!t.trim()) return ["Choose the Quotas sheet's reps table (Quotas_Reps), or another quota source."];
    if (!pane.tables.some((x) => sameText(x.name, t)))
      return [`There is no table named "${t}"; run Quotas first, or choose another quota source.`];
    const headers = tableHeaders(pane.tables, t);
    return [QUOTA_REP_COLUMNS[0], QUOTA_REP_COLUMNS[3]]
      .filter((h) => !headers.some((x) => sameText(x, h)))
      .map((h) => `${t} has no column "${h}"; choose the reps table the quota step wrote.`);
  }
  const out: string[] = [];
  for (const q of pane.quotas) {
    const v = num(q.annual);
    if (v === null || !(v > 0)) out.push(`${q.role}: the annual quota is "${q.annual}"; enter an amount above 0.`);
  }
  return out;
}

/** The quota source the form has chosen. */
function quotaSourceOf(pane: BacktestPaneState): QuotaSource {
  if (pane.quotaSource === "sheet") return { kind: "sheet", table: pane.quotaSheet.table, per: pane.quotaSheet.per };
  if (pane.quotaSource === "role") return { kind: "role", annual: quotaTable(pane) };
  return { kind: "people" };
}

/**
 * Each plan's roles with their typed plans and rules, or the issues naming plan, role and field:
 * the role plan (curve, target incentive, stages, proration) first, then its rules over it.
 */
function plansOf(pane: BacktestPaneState): {
  current: BacktestRolePlan[];
  proposed: BacktestRolePlan[];
  issues: string[];
} {
  const issues: string[] = [];
  const parse = (key: PlanKey) =>
    pane.base[key].roles.map((rp, i) => {
      const name = pane.base[key].name;
      const typed = pane.plans[key][i];
      const p = typed ? parseRolePlanDraft(name, rp, typed) : { plan: rp };
      if ("issues" in p) issues.push(...p.issues);
      const planned = "plan" in p ? p.plan : rp;
      const draft = pane.rules[key][i];
      if (!draft) return planned;
      const r = parseRulesDraft(name, planned, draft);
      if ("issues" in r) issues.push(...r.issues);
      return "plan" in r ? r.plan : planned;
    });
  return { current: parse("current"), proposed: parse("proposed"), issues };
}

/** What is wrong with the plans' typed roles and rules, naming plan, role and field. */
export function rulesIssues(pane: BacktestPaneState): string[] {
  return plansOf(pane).issues;
}

/** A plan without roles, or a role with a plan in one plan only: the reader would refuse its people. */
function roleIssues(pane: BacktestPaneState): string[] {
  const out: string[] = [];
  const [cur, pro] = [pane.base.current.name, pane.base.proposed.name];
  for (const [key, name] of [
    ["current", cur],
    ["proposed", pro],
  ] as const)
    if (pane.plans[key].length === 0) out.push(`The ${name} plan has no roles; add one.`);
  const only = (a: readonly RolePlanDraft[], b: readonly RolePlanDraft[], has: string, lacks: string) =>
    a
      .filter((d) => !b.some((x) => sameText(x.role, d.role)))
      .map((d) => `${d.role} has a plan in ${has} but none in ${lacks}; add it to ${lacks}, or remove it.`);
  out.push(...only(pane.plans.current, pane.plans.proposed, cur, pro));
  out.push(...only(pane.plans.proposed, pane.plans.current, pro, cur));
  return out;
}

/** The current plan with its typed rules, or null while they have issues. */
function currentPlanOf(pane: BacktestPaneState): BacktestPlan | null {
  const p = plansOf(pane);
  return p.issues.length ? null : { ...pane.base.current, roles: p.current };
}

/**
 * The credits besides the owner: a credits table when chosen, else the credit columns chosen
 * (the SDR's, then any further ones), else none.
 */
function creditsOf(pane: BacktestPaneState): CreditSource {
  const c = pane.credits;
  if (c.table.trim())
    return { kind: "table", table: c.table, deal: c.deal, person: c.person, share: c.share, role: orNull(c.role) };
  const pairs: CreditPairDraft[] = [
    { person: pane.deals.sdr, share: pane.deals.sdrShare, defaultShare: pane.deals.sdrDefaultShare },
    ...pane.deals.moreCredits,
  ].filter((c) => c.person.trim());
  if (!pairs.length) return { kind: "owner" };
  return {
    kind: "columns",
    columns: pairs.map((c) => {
      const fixed = shareText(c.defaultShare);
      return { person: c.person, share: orNull(c.share), ...(fixed === null ? {} : { defaultShare: fixed }) };
    }),
    ...(pane.deals.sdr.trim() ? {} : { firstIsSdr: false }),
  };
}

/** The run's settings, or null while {@link backtestIssues} lists anything. */
export function backtestSettingsFrom(ctx: BacktestContext): BacktestSettings | null {
  const { pane } = ctx;
  const year = yearOf(pane.year);
  if (year === null || backtestIssues(ctx).length) return null;
  const d = pane.deals;
  const p = pane.people;
  const plans = plansOf(pane);
  const a = pane.actual;
  return {
    ...pane.base,
    deals: {
      ...pane.base.deals,
      table: d.table,
      deal: d.deal,
      owner: d.owner,
      amount: d.amount,
      closeDate: d.closeDate,
      stage: d.stage,
      paymentDate: orNull(d.paymentDate),
      cancelDate: orNull(d.cancelDate),
      credits: creditsOf(pane),
    },
    people: {
      ...pane.base.people,
      table: p.table,
      id: p.id,
      role: p.role,
      start: orNull(p.start),
      end: orNull(p.end),
      draw: orNull(p.draw),
      quota: orNull(p.quota),
    },
    year,
    periods: pane.periods,
    quotas: quotaSourceOf(pane),
    current: { ...pane.base.current, roles: plans.current },
    proposed: { ...pane.base.proposed, roles: plans.proposed },
    actual: a.table.trim() ? { table: a.table, person: a.person, amount: a.amount } : null,
  };
}

/** The annual quotas per role: the settings' (roles not typed here kept), with the typed ones over them. */
function quotaTable(pane: BacktestPaneState): Record<string, number> {
  const out: Record<string, number> = pane.base.quotas.kind === "role" ? { ...pane.base.quotas.annual } : {};
  for (const q of pane.quotas) {
    for (const k of Object.keys(out)) if (sameText(k, q.role)) delete out[k];
    out[q.role] = num(q.annual) as number;
  }
  return out;
}

/**
 * Stored back-test settings in today's shape (see {@link parseStoredBacktest}: settings stored
 * before the newer fields still load); null when they are not the back-test's.
 */
export function parseBacktestSettings(stored: unknown): BacktestSettings | null {
  return parseStoredBacktest(stored);
}
