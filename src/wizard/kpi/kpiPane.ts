/**
 * The KPI bonus pane as data: its state, the actions the pane dispatches, a pure reducer and the
 * selectors the pane renders (the plan parsed, the version in force, what blocks a run). No
 * React and no workbook calls here.
 */
import {
  clockProblem,
  ComputedMonth,
  computedThrough,
  futureMonthProblem,
  monthOf,
  nextMonth,
  PlanVersion,
  previousMonth,
  versionFor,
} from "../../core/kpiPlan";
import { sameText } from "../../core/text";
import { TableInfo } from "../../workbook/host";
import { idleRun, RunEvent, runReducer, RunState } from "../runState";
import { DEFAULT_KPI_PLAN } from "./defaultPlan";
import { blankKpi, checkMonth, draftsOf, KpiDraft, parseKpiDrafts, RoleDraft } from "./kpiForm";
import type { KpiPlanChange, KpiStepSettings, PeopleSource } from "./runKpiStep";
import type { WhatIfRecord } from "./storedPlan";
import type { WhatIfSettings } from "./whatIfStep";

/** The people table a plan starts from: the sample's and a CRM export's usual names. */
export const DEFAULT_PEOPLE: PeopleSource = { table: "Reps", id: "Rep ID", role: "Role" };

/** Everything the KPI bonus pane shows. */
export interface KpiPaneState {
  /** The plan's saved versions, oldest month first. */
  readonly history: readonly PlanVersion[];
  /** The plan as typed (the latest version's, or the default plan). */
  readonly roles: readonly RoleDraft[];
  readonly tables: readonly TableInfo[];
  readonly people: PeopleSource;
  /** The month to score, "YYYY-MM" as typed. */
  readonly month: string;
  /** The month a saved change takes effect, as typed; blank for the next month. */
  readonly effective: string;
  readonly showAmounts: boolean;
  /** Saving the plan. */
  readonly save: RunState;
  /** Computing the scorecards. */
  readonly run: RunState;
  /** The months recorded as computed with the official plan, in month order. */
  readonly computed: readonly ComputedMonth[];
  /** The last scorecard run's month warnings (empty: none, or no run yet). */
  readonly warnings: readonly string[];
  /** The month the last scorecard run computed, which its warnings are about; null before a run. */
  readonly scoredMonth: string | null;
  /** The month a what-if is computed for, "YYYY-MM" as typed: any month. */
  readonly whatIfMonth: string;
  /** The what-if draft stored in the workbook, apart from the official record; null for none. */
  readonly storedWhatIf: WhatIfRecord | null;
  /** Computing a what-if. */
  readonly whatIf: RunState;
  /** The last what-if's month warnings. */
  readonly whatIfWarnings: readonly string[];
}

/** What the KPI pane's form and its runs live in: the pane's state and the current time. */
export interface KpiContext {
  readonly pane: KpiPaneState;
  readonly now: Date;
}

/** What the pane can tell its state. */
export type KpiPaneAction =
  | {
      type: "loaded";
      history: readonly PlanVersion[];
      tables: readonly TableInfo[];
      computed?: readonly ComputedMonth[];
      whatIf?: WhatIfRecord | null;
    }
  | { type: "loadFailed"; message: string }
  | { type: "roleChanged"; role: number; patch: Partial<Omit<RoleDraft, "kpis">> }
  | { type: "roleAdded" }
  | { type: "kpiChanged"; role: number; kpi: number; patch: Partial<KpiDraft> }
  | { type: "kpiAdded"; role: number }
  | { type: "kpiRemoved"; role: number; kpi: number }
  | { type: "peopleChanged"; patch: Partial<PeopleSource> }
  | { type: "monthChanged"; month: string }
  | { type: "effectiveChanged"; effective: string }
  | { type: "showAmountsChanged"; showAmounts: boolean }
  | { type: "planSaved"; history: readonly PlanVersion[] }
  | { type: "save"; event: RunEvent }
  | { type: "run"; event: RunEvent }
  | { type: "scored"; month: string; warnings: readonly string[]; computed: readonly ComputedMonth[] }
  | { type: "whatIfMonthChanged"; month: string }
  | { type: "whatIfDraftLoaded" }
  | { type: "officialPlanRestored" }
  | { type: "whatIf"; event: RunEvent }
  | { type: "whatIfScored"; warnings: readonly string[]; record: WhatIfRecord };

/** The pane before the workbook is read: the default plan, scoring the month before `now`. */
export function initialKpiPane(now: Date): KpiPaneState {
  const month = previousMonth(monthOf(now));
  return {
    history: [],
    roles: draftsOf(DEFAULT_KPI_PLAN),
    tables: [],
    people: DEFAULT_PEOPLE,
    month,
    effective: "",
    showAmounts: true,
    save: idleRun,
    run: idleRun,
    computed: [],
    warnings: [],
    scoredMonth: null,
    whatIfMonth: month,
    storedWhatIf: null,
    whatIf: idleRun,
    whatIfWarnings: [],
  };
}

const at = <T>(xs: readonly T[], i: number, f: (x: T) => T): T[] => xs.map((x, j) => (j === i ? f(x) : x));

/** The pure reducer of the KPI pane. */
export function kpiPaneReducer(state: KpiPaneState, action: KpiPaneAction): KpiPaneState {
  switch (action.type) {
    case "loaded": {
      // The form starts from the latest version saved (in month order), when there is one.
      const latest = action.history[action.history.length - 1];
      return {
        ...state,
        history: action.history,
        tables: action.tables,
        roles: latest ? draftsOf(latest.plan) : state.roles,
        computed: action.computed ?? state.computed,
        storedWhatIf: action.whatIf === undefined ? state.storedWhatIf : action.whatIf,
      };
    }
    case "loadFailed":
      return {
        ...state,
        save: runReducer(idleRun, { type: "failed", message: `Could not read the workbook: ${action.message}` }),
      };
    case "roleChanged":
      return { ...state, roles: at(state.roles, action.role, (r) => ({ ...r, ...action.patch })) };
    case "roleAdded":
      return { ...state, roles: [...state.roles, { role: "", targetBonus: "0", kpis: [blankKpi] }] };
    case "kpiChanged":
      return {
        ...state,
        roles: at(state.roles, action.role, (r) => ({
          ...r,
          kpis: at(r.kpis, action.kpi, (k) => ({ ...k, ...action.patch })),
        })),
      };
    case "kpiAdded":
      return { ...state, roles: at(state.roles, action.role, (r) => ({ ...r, kpis: [...r.kpis, blankKpi] })) };
    case "kpiRemoved":
      return {
        ...state,
        roles: at(state.roles, action.role, (r) => ({ ...r, kpis: r.kpis.filter((_, j) => j !== action.kpi) })),
      };
    case "peopleChanged":
      return { ...state, people: { ...state.people, ...action.patch } };
    case "monthChanged":
      return { ...state, month: action.month };
    case "effectiveChanged":
      return { ...state, effective: action.effective };
    case "showAmountsChanged":
      return { ...state, showAmounts: action.showAmounts };
    case "planSaved":
      return { ...state, history: action.history };
    case "save":
      return {
        ...state,
        save: runReducer(
          state.save,
          action.event.type === "started" ? { type: "started", label: "Saving" } : action.event,
        ),
      };
    case "run":
      return {
        ...state,
        run: runReducer(state.run, action.event),
        warnings: action.event.type === "started" ? [] : state.warnings,
      };
    case "scored":
      return { ...state, warnings: action.warnings, scoredMonth: action.month, computed: action.computed };
    case "whatIfMonthChanged":
      return { ...state, whatIfMonth: action.month };
    case "whatIfDraftLoaded":
      return state.storedWhatIf
        ? { ...state, roles: draftsOf(state.storedWhatIf.plan), whatIfMonth: state.storedWhatIf.month }
        : state;
    case "officialPlanRestored": {
      const latest = state.history[state.history.length - 1];
      return { ...state, roles: draftsOf(latest ? latest.plan : DEFAULT_KPI_PLAN) };
    }
    case "whatIf":
      return {
        ...state,
        whatIf: runReducer(state.whatIf, action.event),
        whatIfWarnings: action.event.type === "started" ? [] : state.whatIfWarnings,
      };
    case "whatIfScored":
      return { ...state, whatIfWarnings: action.warnings, storedWhatIf: action.record };
  }
}

/** The plan parsed from the drafts, or the problems naming role and KPI. */
export const parsedPlan = (s: KpiPaneState) => parseKpiDrafts(s.roles);

/** What is wrong with the month a change takes effect (null when blank: the next month). */
export const effectiveProblem = (s: KpiPaneState): string | null =>
  s.effective.trim() ? checkMonth(s.effective) : null;

/** What is wrong with the month to score. */
export const monthProblemOf = (s: KpiPaneState): string | null => checkMonth(s.month);

/** The version in force in the month to score, or null (none yet, or a bad month). */
export function versionInForce(s: KpiPaneState): PlanVersion | null {
  return !monthProblemOf(s) && s.history.length ? versionFor(s.history, s.month) : null;
}

/** The headers of a table by name (trimmed, any case); none when there is no such table. */
export function headersOf(s: KpiPaneState, table: string): readonly string[] {
  return s.tables.find((t) => sameText(t.name, table))?.headers ?? [];
}

/** The month a change saved with a blank "Takes effect from" takes effect: the month after `now`. */
export const defaultEffective = (now: Date): string => nextMonth(monthOf(now));

/** The latest month recorded as computed with the official plan, or null. */
export const computedThroughOf = (s: KpiPaneState): string | null => computedThrough(s.computed);

/** Why the clock cannot be trusted against what the workbook records, or null. */
export const clockProblemOf = ({ pane, now }: KpiContext): string | null =>
  clockProblem(now, pane.history, pane.computed);

/**
 * What must be fixed before the plan can be saved: the plan's problems, a bad effective month
 * and a skewed clock. What the save refuses on the stored history (a month already computed, a
 * month that already has a change) is said by the save itself, on the record as stored then.
 */
export function planIssues(ctx: KpiContext): string[] {
  const e = effectiveProblem(ctx.pane);
  const skew = clockProblemOf(ctx);
  return [...parsedPlan(ctx.pane).problems, ...(e ? [e] : []), ...(skew ? [skew] : [])];
}

/** The change to save, or null while {@link planIssues} lists anything. */
export function planSettings(ctx: KpiContext): KpiPlanChange | null {
  const { plan } = parsedPlan(ctx.pane);
  if (!plan || planIssues(ctx).length) return null;
  const effective = ctx.pane.effective.trim();
  return { plan, now: ctx.now, effective: effective || undefined };
}

/**
 * What must be fixed before the scorecards can be computed: a bad month, no version in force,
 * a month that has not started (official scorecards only; a what-if can try it), a skewed clock.
 */
export function scorecardIssues(ctx: KpiContext): string[] {
  const { pane, now } = ctx;
  const m = monthProblemOf(pane);
  const ahead = m ? null : futureMonthProblem(pane.month, now);
  const skew = clockProblemOf(ctx);
  return [
    ...(m ? [m] : []),
    ...(pane.history.length && !versionInForce(pane) ? [`No plan version is in force in ${pane.month}.`] : []),
    ...(ahead ? [ahead] : []),
    ...(skew ? [skew] : []),
  ];
}

/** The scorecard run's settings, or null while {@link scorecardIssues} lists anything. */
export function scorecardSettings(ctx: KpiContext): KpiStepSettings | null {
  const { pane } = ctx;
  return scorecardIssues(ctx).length
    ? null
    : { people: pane.people, month: pane.month, showAmounts: pane.showAmounts, now: ctx.now };
}

/** What is wrong with the what-if's month. */
export const whatIfMonthProblem = (s: KpiPaneState): string | null => checkMonth(s.whatIfMonth);

/**
 * What must be fixed before a what-if can be computed: the draft plan's problems (counted here;
 * they are listed once, before the save) and a bad month (any month will do).
 */
export function whatIfIssues({ pane }: KpiContext): string[] {
  const m = whatIfMonthProblem(pane);
  const n = parsedPlan(pane).problems.length;
  const plan = n
    ? [
        `The plan above has ${n === 1 ? "a problem" : `${n} problems`}, listed before "Save plan changes"; fix ${n === 1 ? "it" : "them"} first.`,
      ]
    : [];
  return [...plan, ...(m ? [m] : [])];
}

/** The what-if's settings (the plan as typed, not saved), or null while {@link whatIfIssues} lists anything. */
export function whatIfSettings(ctx: KpiContext): WhatIfSettings | null {
  const { plan } = parsedPlan(ctx.pane);
  if (!plan || whatIfIssues(ctx).length) return null;
  return { plan, month: ctx.pane.whatIfMonth.trim(), people: ctx.pane.people, now: ctx.now };
}

/** "1 from 2026-09 (saved 2026-11-20); ..." for the versions saved. */
export function versionsText(s: KpiPaneState): string {
  return s.history.map((v) => `${v.version} from ${v.effective} (saved ${v.changedAt.slice(0, 10)})`).join("; ");
}
