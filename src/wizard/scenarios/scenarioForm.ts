/**
 * The OTE scenario step's form: roles and curves as the user types them (mixes as "70/30, 60/40",
 * tiers as "0:1, 1:1.5"), defaults from the domain, parsing and validation with messages that
 * say what to fix. Pure; the wizard reducer holds it.
 */
import { compileCurve } from "../../core/tiers";
import { isCalcError } from "../../core/errors";
import { TableInfo } from "../../workbook/host";
import { sheetNameProblem } from "../../workbook/sheetSpec";
import { quotaNames, QUOTAS_SHEET } from "../quotas/layout";
import { CurveRow, RoleRow, ScenarioStepSettings } from "./scenarioTypes";
import { SCENARIOS_SHEET } from "./layout";
import { textKey } from "../../core/text";

/** A role as typed: numbers as text, so a half-typed value is kept and shown back. */
export interface RoleDraft {
  readonly role: string;
  readonly headcount: string;
  readonly ote: string;
  readonly quota: string;
  readonly mixes: string;
}

/** A curve as typed. */
export interface CurveDraft {
  readonly name: string;
  readonly tiers: string;
  readonly mode: "MARGINAL" | "RETRO";
  readonly threshold: string;
  readonly cap: string;
}

/** The scenario step's fields. */
export interface ScenarioForm {
  readonly roles: readonly RoleDraft[];
  readonly curves: readonly CurveDraft[];
  /** Use the Quotas sheet's distribution when it exists; otherwise the share and sigma below. */
  readonly useQuotas: boolean;
  readonly share: number;
  readonly sigma: number;
  readonly sheet: string;
}

/**
 * Defaults (domain.md): SDR about 70/30, AE 50/50 to 60/40, CSR/AM 65/35 to 70/30. OTEs and
 * quotas are placeholders to replace with the company's own; the quota step's results are not
 * per role, so they are not guessed from it.
 */
export const initialScenarioForm: ScenarioForm = {
  roles: [
    { role: "SDR", headcount: "8", ote: "80000", quota: "900000", mixes: "70/30, 60/40" },
    { role: "AE", headcount: "14", ote: "150000", quota: "1200000", mixes: "50/50, 60/40, 70/30" },
    { role: "CSR/AM", headcount: "8", ote: "110000", quota: "1500000", mixes: "70/30, 65/35" },
  ],
  curves: [
    { name: "Standard", tiers: "0:1, 1:1.5", mode: "MARGINAL", threshold: "", cap: "2" },
    { name: "Accelerated", tiers: "0:0.8, 1:2, 1.5:2.5", mode: "MARGINAL", threshold: "0.5", cap: "3" },
  ],
  useQuotas: true,
  share: 0.65,
  sigma: 0.25,
  sheet: SCENARIOS_SHEET,
};

/**
 * The roles of a reps table with their headcounts (how many rows per role): when the table has
 * roles, the form's roles are exactly those, so a team of AEs only gets no placeholder SDR or
 * CSR/AM rows. A role that matches a default keeps the default's placeholders (OTE, quota,
 * mixes); any other role starts with OTE and quota blank for the user to enter. Default roles
 * come first in their usual order, then the table's others as they first appear.
 */
export function headcountsFrom(
  form: ScenarioForm,
  counts: ReadonlyMap<string, { role: string; n: number }>,
): ScenarioForm {
  if (counts.size === 0) return form;
  const known = form.roles.filter((r) => counts.has(textKey(r.role)));
  const knownKeys = new Set(known.map((r) => textKey(r.role)));
  const others = [...counts.entries()].filter(([k]) => !knownKeys.has(k));
  return {
    ...form,
    roles: [
      ...known.map((r) => ({ ...r, headcount: String(counts.get(textKey(r.role))!.n) })),
      ...others.map(([, c]) => ({ role: c.role, headcount: String(c.n), ote: "", quota: "", mixes: "60/40, 70/30" })),
    ],
  };
}

/** Quotas per period scaled to a year, as OTE is annual. */
const PER_YEAR: Readonly<Record<"month" | "quarter" | "year", number>> = { month: 12, quarter: 4, year: 1 };

/**
 * Each role's annual quota per person from the quota step: the mean of its reps' quotas (reps
 * matched to roles through the reps table), scaled to a year. Roles whose quota the user has
 * typed (anything but the default placeholder) keep it.
 */
export function quotasFromQuotaStep(
  form: ScenarioForm,
  meanQuotaByRole: ReadonlyMap<string, number>,
  period: "month" | "quarter" | "year",
): ScenarioForm {
  const placeholder = new Map(initialScenarioForm.roles.map((r) => [textKey(r.role), r.quota]));
  return {
    ...form,
    roles: form.roles.map((r) => {
      const key = textKey(r.role);
      const mean = meanQuotaByRole.get(key);
      const untouched = r.quota === placeholder.get(key) || r.quota === "";
      return mean !== undefined && untouched ? { ...r, quota: String(Math.round(mean * PER_YEAR[period])) } : r;
    }),
  };
}

const num = (text: string): number | null => {
  const t = text.replace(/[,\s]/g, "");
  if (t === "") return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : NaN;
};

/** "70/30, 60/40" -> [0.7, 0.6]; a bare "65" means 65/35. */
export function parseMixes(text: string): number[] | string {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return "enter one or more mixes, e.g. 60/40, 70/30";
  const out: number[] = [];
  for (const p of parts) {
    const m = /^(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?))?$/.exec(p);
    if (!m) return `"${p}" is not a mix; write base/variable, e.g. 60/40`;
    const base = Number(m[1]);
    if (m[2] !== undefined && Math.abs(base + Number(m[2]) - 100) > 1e-9) return `"${p}" does not add up to 100`;
    if (base < 0 || base > 100) return `"${p}" has a base outside 0-100`;
    out.push(base / 100);
  }
  if (new Set(out).size !== out.length) return "a mix is listed twice";
  return out;
}

/** "0:1, 1:1.5" -> tiers; each is lower bound:rate. */
export function parseTiers(text: string): CurveRow["tiers"] | string {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return "enter tiers as lower bound:rate, e.g. 0:1, 1:1.5";
  const out: { lower: number; rate: number }[] = [];
  for (const p of parts) {
    const m = /^(-?\d+(?:\.\d+)?)\s*:\s*(-?\d+(?:\.\d+)?)$/.exec(p);
    if (!m) return `"${p}" is not a tier; write lower bound:rate, e.g. 1:1.5`;
    out.push({ lower: Number(m[1]), rate: Number(m[2]) });
  }
  return out;
}

/** The roles and curves parsed, or the problems, each naming the role or curve. */
export function parseScenarioForm(f: ScenarioForm): { roles: RoleRow[]; curves: CurveRow[]; problems: string[] } {
  const problems: string[] = [];
  const roles: RoleRow[] = [];
  const seenRoles = new Set<string>();
  f.roles.forEach((r, i) => {
    const who = r.role.trim() || `Role ${i + 1}`;
    if (!r.role.trim()) problems.push(`Role ${i + 1} has no name.`);
    else if (seenRoles.has(textKey(r.role))) problems.push(`Role "${who}" is listed twice.`);
    seenRoles.add(textKey(r.role));
    const headcount = num(r.headcount);
    const ote = num(r.ote);
    const quota = num(r.quota);
    const mixes = parseMixes(r.mixes);
    if (headcount === null || !Number.isInteger(headcount) || headcount < 0)
      problems.push(`${who}: headcount must be a whole number of 0 or more.`);
    if (ote === null || !(ote > 0)) problems.push(`${who}: OTE must be an amount above 0.`);
    if (quota === null || !(quota > 0)) problems.push(`${who}: quota must be an amount above 0.`);
    if (typeof mixes === "string") problems.push(`${who}: ${mixes}.`);
    if (headcount !== null && ote !== null && quota !== null && typeof mixes !== "string")
      roles.push({ role: r.role.trim(), headcount, ote, quota, mixes });
  });
  if (f.roles.length === 0) problems.push("Add at least one role.");
  const curves: CurveRow[] = [];
  const seenCurves = new Set<string>();
  f.curves.forEach((c, i) => {
    const who = c.name.trim() ? `Curve "${c.name.trim()}"` : `Curve ${i + 1}`;
    if (!c.name.trim()) problems.push(`Curve ${i + 1} has no name.`);
    else if (seenCurves.has(textKey(c.name))) problems.push(`${who} is listed twice.`);
    seenCurves.add(textKey(c.name));
    const tiers = parseTiers(c.tiers);
    const threshold = num(c.threshold);
    const cap = num(c.cap);
    if (typeof tiers === "string") return void problems.push(`${who}: ${tiers}.`);
    if (Number.isNaN(threshold))
      return void problems.push(`${who}: the threshold must be a number, or blank for none.`);
    if (Number.isNaN(cap)) return void problems.push(`${who}: the cap must be a number, or blank for none.`);
    const row: CurveRow = { name: c.name.trim(), tiers, mode: c.mode, threshold, cap };
    const compiled = compileCurve(row);
    if (isCalcError(compiled)) return void problems.push(`${who}: ${compiled.message}`);
    curves.push(row);
  });
  if (f.curves.length === 0) problems.push("Add at least one payout curve.");
  return { roles, curves, problems };
}

/**
 * What is wrong with the form; empty when the step can run. The share and sigma are checked
 * whenever they would be used: the Quotas step's distribution (on `quotaSheet`) is missing, or not wanted.
 */
export function scenarioIssues(f: ScenarioForm, tables: readonly TableInfo[], quotaSheet = QUOTAS_SHEET): string[] {
  const issues = parseScenarioForm(f).problems;
  if (!quotasAvailable(tables, quotaSheet) || !f.useQuotas) {
    if (!(f.share >= 0.01 && f.share <= 0.99))
      issues.push("The share of reps reaching quota must be between 1% and 99%.");
    if (!(f.sigma > 0 && f.sigma <= 3)) issues.push("The spread sigma must be above 0 (0.25 is typical).");
  }
  const sheet = sheetNameProblem(f.sheet);
  if (sheet) issues.push(sheet);
  return issues;
}

/** True when the Quotas step's distribution tables are in the workbook. */
export function quotasAvailable(tables: readonly TableInfo[], quotaSheet = QUOTAS_SHEET): boolean {
  const n = quotaNames(quotaSheet);
  return tables.some((t) => t.name === n.distribution) && tables.some((t) => t.name === n.points);
}

/** The settings to run with, or null while {@link scenarioIssues} lists anything. */
export function scenarioSettings(
  f: ScenarioForm,
  tables: readonly TableInfo[],
  quotaSheet = QUOTAS_SHEET,
): ScenarioStepSettings | null {
  if (scenarioIssues(f, tables, quotaSheet).length) return null;
  const { roles, curves } = parseScenarioForm(f);
  const n = quotaNames(quotaSheet);
  return {
    roles,
    curves,
    distribution:
      f.useQuotas && quotasAvailable(tables, quotaSheet)
        ? { kind: "quotas", distributionTable: n.distribution, pointsTable: n.points }
        : { kind: "lognormal", share: f.share, sigma: f.sigma },
    sheet: f.sheet.trim(),
  };
}

/** The form from stored settings. */
export function scenarioFormFrom(s: ScenarioStepSettings): ScenarioForm {
  const mix = (b: number) => `${Math.round(b * 100)}/${100 - Math.round(b * 100)}`;
  return {
    roles: s.roles.map((r) => ({
      role: r.role,
      headcount: String(r.headcount),
      ote: String(r.ote),
      quota: String(r.quota),
      mixes: r.mixes.map(mix).join(", "),
    })),
    curves: s.curves.map((c) => ({
      name: c.name,
      tiers: c.tiers.map((t) => `${t.lower}:${t.rate}`).join(", "),
      mode: c.mode,
      threshold: c.threshold === null ? "" : String(c.threshold),
      cap: c.cap === null ? "" : String(c.cap),
    })),
    useQuotas: s.distribution.kind === "quotas",
    share: s.distribution.kind === "lognormal" ? s.distribution.share : 0.65,
    sigma: s.distribution.kind === "lognormal" ? s.distribution.sigma : 0.25,
    sheet: s.sheet,
  };
}
