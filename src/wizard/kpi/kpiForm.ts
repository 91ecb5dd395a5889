/**
 * The KPI bonus pane's form: the plan as the user types it (filters as "Stage=Won|Closed Won;
 * Type=New", curves as "0:1, 1:1.5"), parsed into a KpiPlan with messages naming the role and
 * KPI for anything wrong. Pure.
 */
import {
  Aggregate,
  KpiDefinition,
  KpiMeasure,
  KpiPlan,
  MeasureRows,
  monthProblem,
  RowFilter,
} from "../../core/kpiPlan";
import { parseTiers } from "../scenarios/scenarioForm";

/** A KPI as typed. */
export interface KpiDraft {
  readonly name: string;
  readonly table: string;
  readonly person: string;
  readonly date: string;
  readonly aggregate: Aggregate;
  /** The value column (sum, average), the outcome column (win rate) or the advanced column (conversion). */
  readonly value: string;
  /** The start-date column (cycle) or the entered column (conversion). */
  readonly from: string;
  readonly filters: string;
  readonly target: string;
  readonly weight: string;
  readonly tiers: string;
  readonly mode: "MARGINAL" | "RETRO";
  readonly threshold: string;
  readonly cap: string;
}

/** A role's plan as typed. */
export interface RoleDraft {
  readonly role: string;
  readonly targetBonus: string;
  readonly kpis: readonly KpiDraft[];
}

/** The measures a KPI can use, as the pane offers them, with the labels of the columns each reads. */
export const KPI_AGGREGATES: readonly {
  readonly value: Aggregate;
  readonly label: string;
  /** The label of the draft's `value` column, when the measure reads one. */
  readonly valueLabel?: string;
  /** The label of the draft's `from` column, when the measure reads one. */
  readonly fromLabel?: string;
  /** The label of the date column, when it means more than the row's month. */
  readonly dateLabel?: string;
}[] = [
  { value: "sum", label: "Sum of", valueLabel: "Value column" },
  { value: "count", label: "Count of rows" },
  { value: "average", label: "Average of", valueLabel: "Value column" },
  { value: "win-rate", label: "Win rate (won / closed)", valueLabel: "Outcome column" },
  {
    value: "cycle",
    label: "Cycle (days from start to date)",
    fromLabel: "Start date column",
    dateLabel: "End date column (puts the row in the month)",
  },
  {
    value: "conversion",
    label: "Conversion (advanced / entered)",
    valueLabel: "Advanced column",
    fromLabel: "Entered column",
  },
];

const WON = ["Won", "Closed Won"];
const LOST = ["Lost", "Closed Lost"];

/** "Stage=Won|Closed Won; Type=New" -> filters. */
export function parseFilters(text: string): RowFilter[] | string {
  const out: RowFilter[] = [];
  for (const part of text
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([^=]+)=(.+)$/.exec(part);
    if (!m) return `"${part}" is not a filter; write column=value, or column=value1|value2`;
    out.push({
      column: m[1].trim(),
      values: m[2]
        .split("|")
        .map((v) => v.trim())
        .filter(Boolean),
    });
  }
  return out;
}

const formatFilters = (fs: readonly RowFilter[]) => fs.map((f) => `${f.column}=${f.values.join("|")}`).join("; ");
const num = (t: string) => (t.trim() === "" ? null : Number(t.replace(/[,\s]/g, "")));

/** A measure's columns as the draft's two fields: `value` (value, outcome or advanced) and `from` (start or entered). */
function draftColumns(m: KpiMeasure): Pick<KpiDraft, "value" | "from"> {
  switch (m.aggregate) {
    case "count":
      return { value: "", from: "" };
    case "sum":
    case "average":
      return { value: m.value, from: "" };
    case "win-rate":
      return { value: m.outcome.column, from: "" };
    case "cycle":
      return { value: "", from: m.start };
    case "conversion":
      return { value: m.advanced, from: m.entered };
  }
}

/** The measure a draft describes, on the rows given (the draft's columns already checked). */
function measureOf(k: KpiDraft, rows: MeasureRows): KpiMeasure {
  switch (k.aggregate) {
    case "count":
      return { ...rows, aggregate: "count" };
    case "sum":
    case "average":
      return { ...rows, aggregate: k.aggregate, value: k.value.trim() };
    case "win-rate":
      return { ...rows, aggregate: "win-rate", outcome: { column: k.value.trim(), won: WON, lost: LOST } };
    case "cycle":
      return { ...rows, aggregate: "cycle", start: k.from.trim() };
    case "conversion":
      return { ...rows, aggregate: "conversion", advanced: k.value.trim(), entered: k.from.trim() };
  }
}

/** The drafts for a plan (to edit the version in force, or the default plan). */
export function draftsOf(plan: KpiPlan): RoleDraft[] {
  return plan.roles.map((r) => ({
    role: r.role,
    targetBonus: String(r.targetBonus),
    kpis: r.kpis.map((k) => ({
      name: k.name,
      table: k.measure.table,
      person: k.measure.person,
      date: k.measure.date,
      aggregate: k.measure.aggregate,
      ...draftColumns(k.measure),
      filters: formatFilters(k.measure.filters),
      target: String(k.target),
      weight: String(k.weight),
      tiers: k.curve.tiers.map((t) => `${t.lower}:${t.rate}`).join(", "),
      mode: k.curve.mode,
      threshold: k.curve.threshold === null ? "" : String(k.curve.threshold),
      cap: k.curve.cap === null ? "" : String(k.curve.cap),
    })),
  }));
}

/** A new KPI row to fill in. */
export const blankKpi: KpiDraft = {
  name: "",
  table: "Deals",
  person: "Owner",
  date: "Closed",
  aggregate: "sum",
  value: "Amount",
  from: "",
  filters: "",
  target: "",
  weight: "0.5",
  tiers: "0:1, 1:1.5",
  mode: "MARGINAL",
  threshold: "0.5",
  cap: "2",
};

/** The plan from the drafts, or the problems, each naming its role and KPI. */
export function parseKpiDrafts(roles: readonly RoleDraft[]): { plan: KpiPlan | null; problems: string[] } {
  const problems: string[] = [];
  const out: KpiPlan["roles"][number][] = [];
  for (const [ri, r] of roles.entries()) {
    const role = r.role.trim() || `Role ${ri + 1}`;
    if (!r.role.trim()) problems.push(`Role ${ri + 1} has no name.`);
    const bonus = num(r.targetBonus);
    if (bonus === null || !(bonus >= 0)) problems.push(`${role}: the target bonus must be an amount of 0 or more.`);
    const kpis: KpiDefinition[] = [];
    for (const [ki, k] of r.kpis.entries()) {
      const name = k.name.trim() || `KPI ${ki + 1}`;
      const where = `${role}, "${name}"`;
      const before = problems.length;
      if (!k.name.trim()) problems.push(`${role}: KPI ${ki + 1} has no name.`);
      for (const [field, label] of [
        ["table", "table"],
        ["person", "person column"],
        ["date", "date column"],
      ] as const)
        if (!k[field].trim()) problems.push(`${where}: choose the ${label}.`);
      if (k.aggregate !== "count" && k.aggregate !== "cycle" && !k.value.trim())
        problems.push(
          `${where}: choose the ${{ "win-rate": "outcome", conversion: "advanced" }[k.aggregate as string] ?? "value"} column.`,
        );
      if ((k.aggregate === "cycle" || k.aggregate === "conversion") && !k.from.trim())
        problems.push(`${where}: choose the ${k.aggregate === "cycle" ? "start date" : "entered"} column.`);
      const filters = parseFilters(k.filters);
      if (typeof filters === "string") problems.push(`${where}: ${filters}.`);
      const target = num(k.target);
      if (target === null || !(target > 0)) problems.push(`${where}: the target must be above 0.`);
      const weight = num(k.weight);
      if (weight === null || !(weight >= 0)) problems.push(`${where}: the weight must be 0 or more.`);
      const tiers = parseTiers(k.tiers);
      if (typeof tiers === "string") problems.push(`${where}: ${tiers}.`);
      const threshold = num(k.threshold);
      const cap = num(k.cap);
      if (Number.isNaN(threshold) || Number.isNaN(cap))
        problems.push(`${where}: threshold and cap are numbers, or blank for none.`);
      if (
        problems.length > before ||
        typeof filters === "string" ||
        typeof tiers === "string" ||
        target === null ||
        weight === null
      )
        continue;
      kpis.push({
        name: k.name.trim(),
        measure: measureOf(k, { table: k.table.trim(), person: k.person.trim(), date: k.date.trim(), filters }),
        target,
        weight,
        curve: { tiers, mode: k.mode, threshold, cap },
      });
    }
    if (r.kpis.length === 0) problems.push(`${role}: add at least one KPI.`);
    out.push({ role: r.role.trim(), targetBonus: bonus ?? 0, kpis });
  }
  if (roles.length === 0) problems.push("Add at least one role.");
  return problems.length ? { plan: null, problems } : { plan: { roles: out }, problems };
}

/** A month typed as YYYY-MM, or the message saying how to write it. */
export function checkMonth(text: string): string | null {
  return monthProblem(text);
}
