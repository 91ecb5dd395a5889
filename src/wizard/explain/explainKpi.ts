import { DataTable, KpiDefinition, KpiMeasure, kpiActual, PlanVersion, versionFor } from "../../core/kpiPlan";
import { isoDate } from "../../core/dates";
import { headerIndex, sameText } from "../../core/text";
import { payoutExplain } from "../../functions/payout";
import { TableInfo, WorkbookHost } from "../../workbook/host";
import { BONUS_COLUMNS, KPI_NAMES, LINE_COLUMNS, LineColumn } from "../kpi/layout";
import { KPI_RUN_KEY, KpiStepSettings, parseKpiRun, readPlanHistory } from "../kpi/runKpiStep";
import { ExplainedInput, Explanation, MAX_ROWS, show, showPct, SourceRow } from "./explanation";
import { rowAddress } from "./locate";

/** A table's rows as records of its declared columns (a column the user removed reads as blank). */
export async function records<C extends string>(
  host: WorkbookHost,
  name: string,
  columns: readonly C[],
): Promise<Record<C, unknown>[]> {
  const t = await host.readTable(name);
  const at = columns.map((c) => [c, headerIndex(t.headers, c)] as const);
  return t.rows.map((r) => Object.fromEntries(at.map(([c, i]) => [c, i < 0 ? null : r[i]])) as Record<C, unknown>);
}

type Line = Record<LineColumn, unknown>;

/** The plan version and month the scorecards on the sheet were computed with. */
async function scorecardContext(host: WorkbookHost): Promise<{ run: KpiStepSettings; version: PlanVersion }> {
  const run = parseKpiRun(await host.readSettings(KPI_RUN_KEY));
  const history = await readPlanHistory(host);
  const version = run ? (history.find((v) => v.version === run.version) ?? versionFor(history, run.month)) : null;
  if (!run || !version)
    throw new Error("The scorecards' plan is not recorded in this workbook; compute the scorecards again.");
  return { run, version };
}

/** The KPI's measure in words: "the sum of Amount over Deals rows where Owner is R05, ...". */
export function measureInWords(k: KpiDefinition, person: string, month: string): string {
  const m = k.measure;
  const what = aggregateInWords(m);
  const where = [
    `${m.person} is ${person}`,
    `${m.date} falls in ${month}`,
    ...m.filters.map((f) => `${f.column} is ${f.values.join(" or ")}`),
  ];
  return `${what} of ${m.table} rows where ${where.join(", ")}`;
}

/** What a measure computes, in words. */
function aggregateInWords(m: KpiMeasure): string {
  switch (m.aggregate) {
    case "sum":
      return `the sum of ${m.value}`;
    case "count":
      return "the number";
    case "average":
      return `the average ${m.value}`;
    case "win-rate":
      return `won / (won + lost) by ${m.outcome.column}`;
    case "cycle":
      return `the mean days from ${m.start} to ${m.date}`;
    case "conversion":
      return `the sum of ${m.advanced} / the sum of ${m.entered}`;
  }
}

/**
 * The columns a row's detail lists for a measure, in order: person and date, the column read
 * with the date (a cycle's start, a conversion's entered count), the filters, then the column
 * the value comes from (a sum's value, a conversion's advanced count, a win rate's outcome).
 * Dates: the row's date and a cycle's start.
 */
function detailColumns(m: KpiMeasure): { columns: string[]; dates: string[] } {
  const early = m.aggregate === "cycle" ? [m.start] : m.aggregate === "conversion" ? [m.entered] : [];
  const late =
    m.aggregate === "sum" || m.aggregate === "average"
      ? [m.value]
      : m.aggregate === "conversion"
        ? [m.advanced]
        : m.aggregate === "win-rate"
          ? [m.outcome.column]
          : [];
  const columns = [...new Set([m.person, m.date, ...early, ...m.filters.map((f) => f.column), ...late])];
  return { columns, dates: m.aggregate === "cycle" ? [m.date, m.start] : [m.date] };
}

/** The rows that fed a KPI, as links, with the columns that matter to it. */
function sourceRows(k: KpiDefinition, info: TableInfo, data: DataTable, rows: readonly number[]): SourceRow[] {
  const { columns, dates } = detailColumns(k.measure);
  return rows.slice(0, MAX_ROWS).map((r) => {
    const row = data.rows[r];
    const detail = columns.map((c) => {
      const v = row[headerIndex(data.headers, c)];
      return `${c} ${dates.includes(c) && typeof v === "number" ? isoDate(v) : show(v)}`;
    });
    return {
      label: `${info.name} row ${r + 1}: ${show(row[0])}`,
      detail: detail.join(" · "),
      sheet: info.sheet,
      address: rowAddress(info, r),
    };
  });
}

/** Everything about one scorecard line: its KPI, the rows behind it and the payout breakdown. */
async function lineDetail(
  host: WorkbookHost,
  tables: readonly TableInfo[],
  line: Line,
  ctx: { run: KpiStepSettings; version: PlanVersion },
  read: (name: string) => Promise<DataTable> = (n) => host.readTable(n),
) {
  const role = ctx.version.plan.roles.find((r) => sameText(r.role, line.Role));
  const kpi = role?.kpis.find((k) => k.name === String(line.KPI));
  if (!role || !kpi)
    throw new Error(
      `KPI "${String(line.KPI)}" is not in plan version ${ctx.version.version}; compute the scorecards again.`,
    );
  const info = tables.find((t) => sameText(t.name, kpi.measure.table));
  if (!info) throw new Error(`There is no table named "${kpi.measure.table}" any more.`);
  const data = await read(info.name);
  const { rows } = kpiActual(kpi, data, String(line.Person), ctx.run.month);
  return { kpi, role, info, data, rows };
}

/** "Why is this number?" for a cell of the scorecard lines: the KPI's rows and its payout, tier by tier. */
export async function explainScoreLine(
  host: WorkbookHost,
  tables: readonly TableInfo[],
  row: number,
  where: string,
  formula: string | null,
): Promise<Explanation> {
  const ctx = await scorecardContext(host);
  const line = (await records(host, KPI_NAMES.lines, LINE_COLUMNS))[row];
  const { kpi, role, info, data, rows } = await lineDetail(host, tables, line, ctx);
  const person = String(line.Person);
  const componentTarget = Number(line.Weight) * Number(line["Target bonus"]);
  const c = kpi.curve;
  const breakdown = payoutExplain(
    line.Attainment,
    componentTarget,
    c.tiers.map((t) => [t.lower, t.rate]),
    c.mode,
    c.threshold,
    c.cap,
  );
  const inputs: ExplainedInput[] = [
    {
      label: "Actual",
      value: show(line.Actual),
      source: `${measureInWords(kpi, person, ctx.run.month)}: ${rows.length} row(s), listed below`,
    },
    {
      label: "Target",
      value: show(line.Target),
      source: `plan version ${ctx.version.version} (in force from ${ctx.version.effective}), per person per month`,
    },
    { label: "Attainment", value: showPct(line.Attainment), source: "actual / target" },
    {
      label: "Component target",
      value: show(componentTarget),
      source: `weight ${show(line.Weight)} x ${role.role} target bonus ${show(line["Target bonus"])}`,
    },
    {
      label: "Payout",
      value: show(line.Payout),
      source: "PAYOUT of the attainment on the component target, on the KPI's curve (tier by tier below)",
    },
  ];
  return {
    title: `${person}: "${kpi.name}" in ${ctx.run.month}`,
    where,
    formula,
    inWords: `The payout of ${person}'s "${kpi.name}" is the component target (${show(componentTarget)}) paid on the KPI's curve at an attainment of ${showPct(line.Attainment)}: ${show(line.Actual)} against a target of ${show(line.Target)}.`,
    inputs,
    breakdown: Array.isArray(breakdown) ? breakdown : null,
    rows: sourceRows(kpi, info, data, rows),
    rowsNote: rows.length > MAX_ROWS ? `Showing ${MAX_ROWS} of ${rows.length} rows.` : null,
  };
}

/** "Why is this number?" for a person's bonus (scorecard summary or leaderboard): the components and every row behind them. */
export async function explainPerson(
  host: WorkbookHost,
  tables: readonly TableInfo[],
  person: string,
  where: string,
  formula: string | null,
  leaderboard: boolean,
): Promise<Explanation> {
  const ctx = await scorecardContext(host);
  const lines = (await records(host, KPI_NAMES.lines, LINE_COLUMNS)).filter((l) => sameText(l.Person, person));
  const bonus = (await records(host, KPI_NAMES.bonus, BONUS_COLUMNS)).find((b) => sameText(b.Person, person));
  const inputs: ExplainedInput[] = lines.map((l) => ({
    label: String(l.KPI),
    value: show(l.Payout),
    source: `attainment ${showPct(l.Attainment)} (${show(l.Actual)} of ${show(l.Target)}), weight ${show(l.Weight)}`,
  }));
  const rows: SourceRow[] = [];
  // Several KPIs usually read the same table: read each once.
  const cache = new Map<string, Promise<DataTable>>();
  const read = (name: string) => {
    const cached = cache.get(name) ?? host.readTable(name);
    cache.set(name, cached);
    return cached;
  };
  for (const l of lines) {
    const d = await lineDetail(host, tables, l, ctx, read);
    rows.push(
      ...sourceRows(d.kpi, d.info, d.data, d.rows).map((r) => ({ ...r, label: `${String(l.KPI)} · ${r.label}` })),
    );
  }
  const sum = lines.map((l) => show(l.Payout)).join(" + ");
  return {
    title: `${person}'s bonus for ${ctx.run.month}`,
    where,
    formula,
    inWords: leaderboard
      ? `${person} ranks by attainment: ${showPct(bonus?.Attainment)}, the weighted mean of the KPI attainments (rank = 1 + the number of people above). The bonus is the sum of the KPI components: ${sum} = ${show(bonus?.Bonus)}.`
      : `The bonus is the sum of ${person}'s KPI components: ${sum} = ${show(bonus?.Bonus)}.`,
    inputs,
    breakdown: null,
    rows: rows.slice(0, MAX_ROWS),
    rowsNote: rows.length > MAX_ROWS ? `Showing ${MAX_ROWS} of ${rows.length} rows.` : null,
  };
}
