/**
 * The Back-test pane as data: its state (tables and columns as typed, plan year and periods, the
 * proposed plan's curve per role as typed), the actions the pane dispatches, a pure reducer and
 * the selectors it renders. The plans' other rules (stages, splits, proration, clawback, pay
 * timing) come from the settings it starts from: stored ones, or the sample's. No React and no
 * workbook calls here.
 */
import { isCalcError } from "../../core/errors";
import { sameText } from "../../core/text";
import { compileCurve, PayoutCurve, PayoutMode } from "../../core/tiers";
import { TableInfo } from "../../workbook/host";
import { idleRun, RunEvent, runReducer, RunState } from "../runState";
import { parseTiers } from "../scenarios/scenarioForm";
import { autoMapDeals, autoMapPeople } from "./backtestColumns";
import { BacktestPlan, BacktestSettings, copyPlan, CreditSource } from "./backtestSettings";
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
}

/** The people columns as chosen ("" for none). */
export interface PeopleDraft {
  readonly table: string;
  readonly id: string;
  readonly role: string;
  readonly start: string;
  readonly end: string;
}

/** A role's proposed curve as typed: tiers "0:1, 1:1.5", threshold and cap blank for none. */
export interface CurveDraft {
  readonly role: string;
  readonly tiers: string;
  readonly mode: PayoutMode;
  readonly threshold: string;
  readonly cap: string;
}

/** Everything the Back-test pane shows. */
export interface BacktestPaneState {
  readonly tables: readonly TableInfo[];
  /** The settings the form started from: the plans' rules, the quotas and the other options. */
  readonly base: BacktestSettings;
  readonly deals: DealsDraft;
  readonly people: PeopleDraft;
  readonly year: string;
  readonly periods: "months" | "quarters";
  /** The proposed plan's curves, one per role of {@link BacktestPaneState.base}'s proposed plan. */
  readonly curves: readonly CurveDraft[];
  /**
   * The annual quota of each role paid on attainment, as typed, when quotas are one per role
   * (empty when they come from the people table).
   */
  readonly quotas: readonly QuotaDraft[];
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
  | { type: "loaded"; tables: readonly TableInfo[]; stored: BacktestSettings | null }
  | { type: "loadFailed"; message: string }
  | { type: "dealsTableChanged"; table: string }
  | { type: "dealsChanged"; patch: Partial<Omit<DealsDraft, "table">> }
  | { type: "peopleTableChanged"; table: string }
  | { type: "peopleChanged"; patch: Partial<Omit<PeopleDraft, "table">> }
  | { type: "yearChanged"; year: string }
  | { type: "periodsChanged"; periods: "months" | "quarters" }
  | { type: "curveChanged"; role: number; patch: Partial<Omit<CurveDraft, "role">> }
  | { type: "quotaChanged"; role: number; annual: string }
  | { type: "copyCurrent" }
  | { type: "run"; event: RunEvent };

const text = (v: string | null) => v ?? "";
const orNull = (v: string) => (v.trim() ? v : null);
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

const curvesOf = (plan: BacktestPlan) => plan.roles.map((r) => curveDraft(r.role, r.curve));

/** The form's drafts of a settings' columns, plan year and curves. */
/** The roles either plan pays on attainment, each once (trimmed, any case), in plan order. */
function attainmentRoles(s: BacktestSettings): string[] {
  const out: string[] = [];
  for (const r of [...s.current.roles, ...s.proposed.roles]) {
    if (r.curveOn === "ATTAINMENT" && !out.some((x) => sameText(x, r.role))) out.push(r.role);
  }
  return out;
}

/** The quota drafts of a settings: one per attainment role when quotas are per role. */
function quotasOf(s: BacktestSettings): QuotaDraft[] {
  const q = s.quotas;
  if (q.kind !== "role") return [];
  return attainmentRoles(s).map((role) => {
    const v = Object.entries(q.annual).find(([k]) => sameText(k, role))?.[1];
    return { role, annual: v === undefined ? "" : String(v) };
  });
}

function draftsOf(
  s: BacktestSettings,
): Pick<BacktestPaneState, "deals" | "people" | "year" | "periods" | "curves" | "quotas"> {
  const d = s.deals;
  const sdr = d.credits.kind === "columns" ? d.credits.columns[0] : undefined;
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
    },
    people: {
      table: s.people.table,
      id: s.people.id,
      role: s.people.role,
      start: text(s.people.start),
      end: text(s.people.end),
    },
    year: String(s.year),
    periods: s.periods,
    curves: curvesOf(s.proposed),
    quotas: quotasOf(s),
  };
}

/** The pane before the workbook is read: the sample's settings. */
export function initialBacktestPane(): BacktestPaneState {
  const base = sampleBacktestSettings();
  return { tables: [], base, ...draftsOf(base), run: idleRun };
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
  };
}

/** The people columns guessed from a table's headers. */
function peopleFor(table: string, headers: readonly string[]): PeopleDraft {
  const m = autoMapPeople(headers);
  return { table, id: text(m.id), role: text(m.role), start: text(m.start), end: text(m.end) };
}

const at = <T>(xs: readonly T[], i: number, f: (x: T) => T): T[] => xs.map((x, j) => (j === i ? f(x) : x));

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
      if (action.stored) return { ...state, tables: action.tables, base: action.stored, ...draftsOf(action.stored) };
      // No stored run: the sample's settings where its tables are, columns guessed elsewhere.
      const deals = tableHeaders(action.tables, state.deals.table).length
        ? dealsFor(state.deals.table, tableHeaders(action.tables, state.deals.table))
        : state.deals;
      const people = tableHeaders(action.tables, state.people.table).length
        ? peopleFor(state.people.table, tableHeaders(action.tables, state.people.table))
        : state.people;
      return { ...state, tables: action.tables, deals, people };
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
    case "peopleTableChanged":
      return edited(state, { people: peopleFor(action.table, tableHeaders(state.tables, action.table)) });
    case "peopleChanged":
      return edited(state, { people: { ...state.people, ...action.patch } });
    case "yearChanged":
      return edited(state, { year: action.year });
    case "periodsChanged":
      return edited(state, { periods: action.periods });
    case "curveChanged":
      return edited(state, { curves: at(state.curves, action.role, (c) => ({ ...c, ...action.patch })) });
    case "quotaChanged":
      return edited(state, { quotas: at(state.quotas, action.role, (q) => ({ ...q, annual: action.annual })) });
    case "copyCurrent": {
      const proposed = copyPlan(state.base.current, state.base.proposed.name);
      return edited(state, { base: { ...state.base, proposed }, curves: curvesOf(proposed) });
    }
    case "run":
      return { ...state, run: runReducer(state.run, action.event) };
  }
}

const num = (t: string): number | null => {
  const v = t.replace(/[,\s]/g, "");
  if (v === "") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : NaN;
};

/** A role's curve parsed, or what is wrong with it (naming the role). */
export function parseCurveDraft(c: CurveDraft): PayoutCurve | string {
  const who = `Proposed plan, ${c.role}`;
  const tiers = parseTiers(c.tiers);
  if (typeof tiers === "string") return `${who}: ${tiers}.`;
  const threshold = num(c.threshold);
  const cap = num(c.cap);
  if (Number.isNaN(threshold)) return `${who}: the threshold must be a number, or blank for none.`;
  if (Number.isNaN(cap)) return `${who}: the cap must be a number, or blank for none.`;
  const curve: PayoutCurve = { tiers, mode: c.mode, threshold, cap };
  const compiled = compileCurve(curve);
  return isCalcError(compiled) ? `${who}: ${compiled.message}` : curve;
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
const PEOPLE_REQUIRED: readonly (readonly [keyof PeopleDraft, string])[] = [
  ["id", "person id"],
  ["role", "role"],
];
const PEOPLE_OPTIONAL: readonly (readonly [keyof PeopleDraft, string])[] = [
  ["start", "start date"],
  ["end", "end date"],
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
  if (yearOf(pane.year) === null) out.push(`The plan year "${pane.year}" is not a year; enter one such as 2026.`);
  for (const q of pane.quotas) {
    const v = num(q.annual);
    if (v === null || !(v > 0)) out.push(`${q.role}: the annual quota is "${q.annual}"; enter an amount above 0.`);
  }
  for (const c of pane.curves) {
    const parsed = parseCurveDraft(c);
    if (typeof parsed === "string") out.push(parsed);
  }
  return out;
}

/** The credits besides the owner: the SDR column when chosen, else what the settings had (a credits table), else none. */
function creditsOf(pane: BacktestPaneState): CreditSource {
  if (pane.deals.sdr.trim())
    return { kind: "columns", columns: [{ person: pane.deals.sdr, share: orNull(pane.deals.sdrShare) }] };
  return pane.base.deals.credits.kind === "table" ? pane.base.deals.credits : { kind: "owner" };
}

/** The run's settings, or null while {@link backtestIssues} lists anything. */
export function backtestSettingsFrom(ctx: BacktestContext): BacktestSettings | null {
  const { pane } = ctx;
  const year = yearOf(pane.year);
  if (year === null || backtestIssues(ctx).length) return null;
  const d = pane.deals;
  const p = pane.people;
  const curves = pane.curves.map(parseCurveDraft);
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
    people: { ...pane.base.people, table: p.table, id: p.id, role: p.role, start: orNull(p.start), end: orNull(p.end) },
    year,
    periods: pane.periods,
    quotas: pane.base.quotas.kind === "role" ? { kind: "role", annual: quotaTable(pane) } : pane.base.quotas,
    proposed: {
      ...pane.base.proposed,
      roles: pane.base.proposed.roles.map((r, i) => ({ ...r, curve: curves[i] as PayoutCurve })),
    },
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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const isPlan = (v: unknown): boolean =>
  isObject(v) &&
  typeof v.name === "string" &&
  Array.isArray(v.roles) &&
  v.roles.every((r) => isObject(r) && typeof r.role === "string" && isObject(r.curve) && Array.isArray(r.curve.tiers));

/**
 * Stored back-test settings checked for the shape the pane edits: the tables, plan year,
 * periods and both plans; null when they are not the back-test's.
 */
export function parseBacktestSettings(stored: unknown): BacktestSettings | null {
  if (!isObject(stored)) return null;
  const { deals, people, year, periods, current, proposed } = stored;
  const ok =
    isObject(deals) &&
    typeof deals.table === "string" &&
    isObject(deals.credits) &&
    isObject(people) &&
    typeof people.table === "string" &&
    typeof year === "number" &&
    (periods === "months" || periods === "quarters") &&
    isObject(stored.quotas) &&
    isPlan(current) &&
    isPlan(proposed);
  return ok ? (stored as unknown as BacktestSettings) : null;
}
