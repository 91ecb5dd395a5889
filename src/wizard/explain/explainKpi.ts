import { DataTable, KpiDefinition, kpiActual, PlanVersion, versionFor } from "../../core/kpiPlan";
import { payoutExplain } from "../../functions/payout";
import { TableInfo, WorkbookHost } from "../../workbook/host";
import { KPI_NAMES } from "../kpi/kpiSheets";
import { KPI_RUN_KEY, KpiStepSettings, readPlanHistory } from "../kpi/runKpiStep";
import { ExplainedInput, Explanation, isoDate, MAX_ROWS, show, showPct, SourceRow } from "./explanation";
import { rowAddress } from "./locate";

type Row = Record<string, unknown>;

/** A table's rows as records by header. */
async function records(host: WorkbookHost, name: string): Promise<Row[]> {
  const t = await host.readTable(name);
  return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

/** The plan version and month the scorecards on the sheet were computed with. */
async function scorecardContext(host: WorkbookHost): Promise<{ run: KpiStepSettings; version: PlanVersion }> {
  const run = (await host.readSettings(KPI_RUN_KEY)) as (KpiStepSettings & { version: number }) | null;
  const history = await readPlanHistory(host);
  const version = run ? (history.find((v) => v.version === run.version) ?? versionFor(history, run.month)) : null;
  if (!run || !version) throw new Error("The scorecards' plan is not recorded in this workbook; compute the scorecards again.");
  return { run, version };
}

/** The KPI's measure in words: "the sum of Amount over Deals rows where Owner is R05, ...". */
export function measureInWords(k: KpiDefinition, person: string, month: string): string {
  const m = k.measure;
  const what = {
    sum: `the sum of ${m.value}`,
    count: "the number",
    average: `the average ${m.value}`,
    "win-rate": `won / (won + lost) by ${m.outcome?.column}`,
    cycle: `the mean days from ${m.from} to ${m.date}`,
    conversion: `the sum of ${m.value} / the sum of ${m.from}`,
  }[m.aggregate];
  const where = [`${m.person} is ${person}`, `${m.date} falls in ${month}`, ...m.filters.map((f) => `${f.column} is ${f.values.join(" or ")}`)];
  return `${what} of ${m.table} rows where ${where.join(", ")}`;
}

/** The rows that fed a KPI, as links, with the columns that matter to it. */
function sourceRows(k: KpiDefinition, info: TableInfo, data: DataTable, rows: readonly number[]): SourceRow[] {
  const m = k.measure;
  const cols = [...new Set([m.person, m.date, ...(m.from ? [m.from] : []), ...m.filters.map((f) => f.column), ...(m.value ? [m.value] : []), ...(m.outcome ? [m.outcome.column] : [])])];
  const idx = (c: string) => data.headers.findIndex((h) => h.trim().toLowerCase() === c.toLowerCase());
  return rows.slice(0, MAX_ROWS).map((r) => {
    const row = data.rows[r];
    const detail = cols.map((c) => {
      const v = row[idx(c)];
      return `${c} ${(c === m.date || (m.aggregate === "cycle" && c === m.from)) && typeof v === "number" ? isoDate(v) : show(v)}`;
    });
    return { label: `${info.name} row ${r + 1}: ${show(row[0])}`, detail: detail.join(" · "), sheet: info.sheet, address: rowAddress(info, r) };
  });
}

/** Everything about one scorecard line: its KPI, the rows behind it and the payout breakdown. */
async function lineDetail(host: WorkbookHost, tables: readonly TableInfo[], line: Row, ctx: { run: KpiStepSettings; version: PlanVersion }, read: (name: string) => Promise<DataTable> = (n) => host.readTable(n)) {
  const role = ctx.version.plan.roles.find((r) => r.role.toLowerCase() === String(line["Role"]).toLowerCase());
  const kpi = role?.kpis.find((k) => k.name === String(line["KPI"]));
  if (!role || !kpi) throw new Error(`KPI "${String(line["KPI"])}" is not in plan version ${ctx.version.version}; compute the scorecards again.`);
  const info = tables.find((t) => t.name.toLowerCase() === kpi.measure.table.toLowerCase());
  if (!info) throw new Error(`There is no table named "${kpi.measure.table}" any more.`);
  const data = await read(info.name);
  const { rows } = kpiActual(kpi, data, String(line["Person"]), ctx.run.month);
  return { kpi, role, info, data, rows };
}

/** "Why is this number?" for a cell of the scorecard lines: the KPI's rows and its payout, tier by tier. */
export async function explainScoreLine(host: WorkbookHost, tables: readonly TableInfo[], row: number, where: string, formula: string | null): Promise<Explanation> {
  const ctx = await scorecardContext(host);
  const line = (await records(host, KPI_NAMES.lines))[row];
  const { kpi, role, info, data, rows } = await lineDetail(host, tables, line, ctx);
  const person = String(line["Person"]);
  const componentTarget = Number(line["Weight"]) * Number(line["Target bonus"]);
  const c = kpi.curve;
  const breakdown = payoutExplain(line["Attainment"], componentTarget, c.tiers.map((t) => [t.lower, t.rate]), c.mode, c.threshold, c.cap);
  const inputs: ExplainedInput[] = [
    { label: "Actual", value: show(line["Actual"]), source: `${measureInWords(kpi, person, ctx.run.month)}: ${rows.length} row(s), listed below` },
    { label: "Target", value: show(line["Target"]), source: `plan version ${ctx.version.version} (in force from ${ctx.version.effective}), per person per month` },
    { label: "Attainment", value: showPct(line["Attainment"]), source: "actual / target" },
    { label: "Component target", value: show(componentTarget), source: `weight ${show(line["Weight"])} x ${role.role} target bonus ${show(line["Target bonus"])}` },
    { label: "Payout", value: show(line["Payout"]), source: "PAYOUT of the attainment on the component target, on the KPI's curve (tier by tier below)" },
  ];
  return {
    title: `${person}: "${kpi.name}" in ${ctx.run.month}`,
    where,
    formula,
    inWords: `The payout of ${person}'s "${kpi.name}" is the component target (${show(componentTarget)}) paid on the KPI's curve at an attainment of ${showPct(line["Attainment"])}: ${show(line["Actual"])} against a target of ${show(line["Target"])}.`,
    inputs,
    breakdown: Array.isArray(breakdown) ? breakdown : null,
    rows: sourceRows(kpi, info, data, rows),
    rowsNote: rows.length > MAX_ROWS ? `Showing ${MAX_ROWS} of ${rows.length} rows.` : null,
  };
}

/** "Why is this number?" for a person's bonus (scorecard summary or leaderboard): the components and every row behind them. */
export async function explainPerson(host: WorkbookHost, tables: readonly TableInfo[], person: string, where: string, formula: string | null, leaderboard: boolean): Promise<Explanation> {
  const ctx = await scorecardContext(host);
  const lines = (await records(host, KPI_NAMES.lines)).filter((l) => String(l["Person"]).toLowerCase() === person.toLowerCase());
  const bonus = (await records(host, KPI_NAMES.bonus)).find((b) => String(b["Person"]).toLowerCase() === person.toLowerCase());
  const inputs: ExplainedInput[] = lines.map((l) => ({
    label: String(l["KPI"]),
    value: show(l["Payout"]),
    source: `attainment ${showPct(l["Attainment"])} (${show(l["Actual"])} of ${show(l["Target"])}), weight ${show(l["Weight"])}`,
  }));
  const rows: SourceRow[] = [];
  // Several KPIs usually read the same table: read each once.
  const cache = new Map<string, Promise<DataTable>>();
  const read = (name: string) => cache.get(name) ?? cache.set(name, host.readTable(name)).get(name)!;
  for (const l of lines) {
    const d = await lineDetail(host, tables, l, ctx, read);
    rows.push(...sourceRows(d.kpi, d.info, d.data, d.rows).map((r) => ({ ...r, label: `${String(l["KPI"])} · ${r.label}` })));
  }
  const sum = lines.map((l) => show(l["Payout"])).join(" + ");
  return {
    title: `${person}'s bonus for ${ctx.run.month}`,
    where,
    formula,
    inWords: leaderboard
      ? `${person} ranks by attainment: ${showPct(bonus?.["Attainment"])}, the weighted mean of the KPI attainments (rank = 1 + the number of people above). The bonus is the sum of the KPI components: ${sum} = ${show(bonus?.["Bonus"])}.`
      : `The bonus is the sum of ${person}'s KPI components: ${sum} = ${show(bonus?.["Bonus"])}.`,
    inputs,
    breakdown: null,
    rows: rows.slice(0, MAX_ROWS),
    rowsNote: rows.length > MAX_ROWS ? `Showing ${MAX_ROWS} of ${rows.length} rows.` : null,
  };
}
