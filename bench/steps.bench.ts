/**
 * Whole wizard steps as a user runs them in the preview (issue: Excel's scale in the preview):
 * read the tables through PreviewHost, compute, write the sheet, and let the engine recalculate
 * every formula of it. The baseline is the same step on a host that keeps tables in memory and
 * writes nothing (the core and the sheet builders alone), in the same run on the same data.
 * Targets: 100,000 accounts into 500 territories under 5 s; KPI scorecards for 500 people x 8
 * KPIs over 100,000 deals, and their recalculation after one edited deal, under 3 s each.
 */
import { DEFAULT_KPI_CURVE } from "../src/wizard/kpi/defaultPlan";
import { KpiDefinition, KpiMeasure, KpiPlan, RowFilter } from "../src/core/kpiPlan";
import { seededRandom } from "../src/core/random";
import { ActiveCell, SheetInfo, TableData, TableInfo, WorkbookHost, WriteReport } from "../src/workbook/host";
import { PreviewWorkbook } from "../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../src/workbook/previewHost";
import { SheetSpec } from "../src/workbook/sheetSpec";
import { autoMap } from "../src/wizard/columnMapping";
import { runKpiStep, saveKpiPlan } from "../src/wizard/kpi/runKpiStep";
import { initialQuotaForm } from "../src/wizard/quotas/quotaForm";
import { QuotaStepSettings, runQuotaStep } from "../src/wizard/quotas/runQuotaStep";
import { runScenarioStep } from "../src/wizard/scenarios/runScenarioStep";
import { ScenarioStepSettings } from "../src/wizard/scenarios/scenarioTypes";
import { runTerritoryStep, TerritoryStepSettings } from "../src/wizard/territories/runTerritoryStep";
import { CaseResult, peakMiB, runCaseFromArgvAsync } from "./harness";

/** A user's data table, on a sheet of its own. */
interface Table {
  readonly name: string;
  readonly headers: string[];
  readonly rows: (string | number)[][];
}

/** The same WorkbookHost contract with no workbook: tables in memory, writes kept as specs. */
class MemoryHost implements WorkbookHost {
  private readonly settings = new Map<string, unknown>();
  readonly written: SheetSpec[] = [];
  constructor(private readonly data: readonly Table[]) {}
  async listTables(): Promise<TableInfo[]> {
    return this.data.map((t) => ({
      name: t.name,
      sheet: t.name,
      rowCount: t.rows.length,
      headers: t.headers,
      address: "A1",
    }));
  }
  async listSheets(): Promise<SheetInfo[]> {
    return [];
  }
  async readTable(name: string): Promise<TableData> {
    const t = this.data.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (t) return { source: t.name, headers: t.headers, rows: t.rows };
    // A table an earlier step wrote: its values as the core computed them (formulas are not evaluated).
    for (const spec of this.written) {
      const w = spec.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (w)
        return {
          source: w.name,
          headers: w.headers,
          rows: w.rows.map((r) => r.map((c) => (typeof c === "object" && c !== null ? "" : (c ?? "")))),
        };
    }
    throw new Error(`There is no table named "${name}".`);
  }
  async readSelection(): Promise<TableData> {
    throw new Error("no selection");
  }
  async writeSheet(spec: SheetSpec): Promise<WriteReport> {
    this.written.push(spec);
    return { sheet: spec.name, keptAs: null, message: null };
  }
  async writeSheets(specs: readonly SheetSpec[]): Promise<WriteReport[]> {
    return Promise.all(specs.map((s) => this.writeSheet(s)));
  }
  exclusive<T>(_what: string, task: () => Promise<T>): Promise<T> {
    return task();
  }
  async settingsProblems(): Promise<string[]> {
    return [];
  }
  async isOwned(): Promise<boolean> {
    return true;
  }
  async readSettings(key: string): Promise<unknown> {
    return this.settings.get(key) ?? null;
  }
  async writeSettings(key: string, value: unknown): Promise<void> {
    this.settings.set(key, JSON.parse(JSON.stringify(value)));
  }
  async select(): Promise<void> {}
  async activeCell(): Promise<ActiveCell> {
    throw new Error("no cell");
  }
  async readRange(): Promise<unknown[][]> {
    return [];
  }
}

function previewWith(tables: readonly Table[]): { wb: PreviewWorkbook; host: PreviewHost } {
  const wb = new PreviewWorkbook();
  for (const t of tables) {
    wb.addSheet(t.name);
    writeSpec(wb, { name: t.name, tables: [{ name: t.name, anchor: "A1", headers: t.headers, rows: t.rows }] });
  }
  return { wb, host: new PreviewHost(wb) };
}

/** Runs per case (each on a fresh workbook); STEP_RUNS=1 for a quick look. */
const RUNS = Number(process.env.STEP_RUNS ?? 3);
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
/** The step's CPU time, for a machine shared with other work (wall time then overstates it). */
const cpuNote = (m: { cpuMs: number }) => `CPU ${Math.round(m.cpuMs).toLocaleString("en-US")} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Median time of `runs` runs of a step on a fresh preview workbook (set up untimed), and of the
 * same step on a MemoryHost. Returns the last preview workbook for checks.
 */
async function measure<T>(
  tables: readonly Table[],
  runs: number,
  step: (host: WorkbookHost) => Promise<T>,
  prepare: (host: WorkbookHost) => Promise<void> = async () => {},
): Promise<{ ms: number; cpuMs: number; baselineMs: number; wb: PreviewWorkbook; result: T; host: PreviewHost }> {
  const times: number[] = [];
  const cpu: number[] = [];
  const base: number[] = [];
  let last: { wb: PreviewWorkbook; host: PreviewHost; result: T } | null = null;
  for (let i = 0; i < runs; i++) {
    const mem = new MemoryHost(tables);
    await prepare(mem);
    let t0 = process.hrtime.bigint();
    await step(mem);
    base.push(ms(t0));
    last = null; // let the previous workbook go before building the next
    const { wb, host } = previewWith(tables);
    await prepare(host);
    t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    const result = await step(host);
    times.push(ms(t0));
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    last = { wb, host, result };
  }
  return { ms: median(times), cpuMs: median(cpu), baselineMs: median(base), ...last! };
}

// ---- territories -------------------------------------------------------------------------------

const ACCOUNT_HEADERS = [
  "Account ID",
  "Account",
  "Segment",
  "Potential",
  "Workload",
  "Current Owner",
  "Latitude",
  "Longitude",
];

function accounts(n: number, territories: number, seed: number): Table {
  const r = seededRandom(seed);
  const segments = ["Enterprise", "Mid-market", "SMB"];
  const rows = Array.from({ length: n }, (_, i) => [
    `A${i + 1}`,
    `Account ${i + 1}`,
    segments[Math.floor(r.uniform(0, 3))],
    Math.round(r.lognormal(10, 1.5)),
    Math.round(5 + r.lognormal(0, 0.8) * 10),
    `T${1 + Math.floor(r.uniform(0, territories))}`,
    Math.round(r.uniform(30, 50) * 1e4) / 1e4,
    Math.round(r.uniform(-120, -70) * 1e4) / 1e4,
  ]);
  return { name: "Accounts", headers: ACCOUNT_HEADERS, rows };
}

const territorySettings = (count: number): TerritoryStepSettings => ({
  source: { kind: "table", name: "Accounts" },
  mapping: autoMap(ACCOUNT_HEADERS),
  excluded: [],
  seats: { kind: "count", count },
  balanceOn: "potential",
  groupBy: "none",
  honourPins: false,
  minimiseDisruption: false,
  compact: true,
  sheet: "Territories",
});

async function territories(n: number, k: number, runs: number): Promise<CaseResult> {
  const data = [accounts(n, k, 5)];
  const m = await measure(data, runs, (host) => runTerritoryStep(host, territorySettings(k)));
  // The engine's summary equals the core: accounts per territory, cell for cell.
  const summary = m.wb.tables().find((t) => t.name === "Territories_Summary")!;
  const counts = new Map<string, number>();
  m.result.assignment.forEach((t) => counts.set(m.result.seats[t].name, (counts.get(m.result.seats[t].name) ?? 0) + 1));
  for (let r = 1; r <= summary.rowCount; r++) {
    const name = String(m.wb.cell("Territories", { row: summary.anchor.row + r, col: 0 }).value);
    const engine = m.wb.cell("Territories", { row: summary.anchor.row + r, col: 3 }).value;
    if (engine !== (counts.get(name) ?? 0))
      throw new Error(`Territory ${name}: the sheet counts ${JSON.stringify(engine)}, the core ${counts.get(name)}`);
  }
  // A hand edit: move one account to another territory; the summary follows.
  const accountsTable = m.wb.tables().find((t) => t.name === "Territories_Accounts")!;
  const t0 = process.hrtime.bigint();
  m.wb.setCell(
    "Territories",
    { row: accountsTable.anchor.row + 1, col: accountsTable.anchor.col + 1 },
    m.result.seats[0].name,
  );
  const editMs = ms(t0);
  return {
    name: `Preview step: territories, ${n.toLocaleString("en-US")} accounts into ${k} (read, split, write, recalculate)`,
    rows: n,
    ms: m.ms,
    baselineMs: m.baselineMs,
    peakMiB: peakMiB(),
    notes: `${n === 100_000 ? "target < 5,000 ms; " : ""}${cpuNote(m)}; baseline: the same step on an in-memory host (core + sheet builder); summary counts equal the core's; one hand edit of a territory recalculates in ${Math.round(editMs)} ms`,
  };
}

// ---- quotas and OTE scenarios ----------------------------------------------------------------

function reps(n: number, seed: number): Table {
  const r = seededRandom(seed);
  const rows = Array.from({ length: n }, (_, i) => {
    const potential = Math.round(r.lognormal(13.5, 0.5));
    return [
      `R${i + 1}`,
      potential,
      Math.round(potential * r.uniform(0.6, 1.2)),
      Math.round(potential * r.uniform(0.6, 1.3)),
    ];
  });
  return { name: "Reps", headers: ["Rep", "Potential", "Bookings 2024", "Bookings 2025"], rows };
}

// The quota form's defaults, without the fields this bench sets itself.
const {
  potentialTable,
  potentialId,
  potentialColumn,
  historyTable,
  historyId,
  historyColumns,
  companyTarget,
  ...quotaDefaults
} = initialQuotaForm;
void [potentialTable, potentialId, potentialColumn, historyTable, historyId, historyColumns, companyTarget];

const quotaStep = (target: number): QuotaStepSettings => ({
  ...quotaDefaults,
  potential: { table: "Reps", id: "Rep", columns: ["Potential"] },
  history: { table: "Reps", id: "Rep", columns: ["Bookings 2024", "Bookings 2025"] },
  companyTarget: target,
  sheet: "Quotas",
});

function totalPotential(t: Table): number {
  return t.rows.reduce((s, r) => s + (r[1] as number), 0);
}

async function quotas(): Promise<CaseResult> {
  const data = [reps(1000, 9)];
  const m = await measure(data, 3, (host) => runQuotaStep(host, quotaStep(Math.round(totalPotential(data[0]) * 0.9))));
  const t = m.wb.tables().find((x) => x.name === "Quotas_Reps")!;
  const quotaCol = t.headers.indexOf("Quota");
  const first = m.wb.cell("Quotas", { row: t.anchor.row + 1, col: t.anchor.col + quotaCol }).value;
  if (first !== m.result.plan.reps[0].quota)
    throw new Error(`Quota of the first rep: sheet ${JSON.stringify(first)}, core ${m.result.plan.reps[0].quota}`);
  return {
    name: "Preview step: quotas for 1,000 reps, 10,000 draws (read, set, simulate, write, recalculate)",
    rows: 1000,
    ms: m.ms,
    baselineMs: m.baselineMs,
    peakMiB: peakMiB(),
    notes: `${cpuNote(m)}; baseline: the same step on an in-memory host; the sheet's quotas equal the core's`,
  };
}

const SCENARIOS: Omit<ScenarioStepSettings, "distribution"> = {
  roles: [
    { role: "SDR", headcount: 200, ote: 80_000, quota: 900_000, mixes: [0.7, 0.6] },
    { role: "AE", headcount: 600, ote: 150_000, quota: 1_200_000, mixes: [0.5, 0.6, 0.7] },
    { role: "CSR/AM", headcount: 200, ote: 110_000, quota: 1_500_000, mixes: [0.7] },
  ],
  curves: [
    {
      name: "Standard",
      tiers: [
        { lower: 0, rate: 1 },
        { lower: 1, rate: 1.5 },
      ],
      mode: "MARGINAL",
      threshold: null,
      cap: 2,
    },
    {
      name: "Accelerated",
      tiers: [
        { lower: 0, rate: 0.8 },
        { lower: 1, rate: 2 },
        { lower: 1.5, rate: 2.5 },
      ],
      mode: "MARGINAL",
      threshold: 0.5,
      cap: 3,
    },
  ],
  sheet: "OTE Scenarios",
};

async function scenarios(): Promise<CaseResult> {
  const data = [reps(1000, 9)];
  const settings: ScenarioStepSettings = {
    ...SCENARIOS,
    distribution: { kind: "quotas", distributionTable: "Quotas_Distribution", pointsTable: "Quotas_Points" },
  };
  const m = await measure(
    data,
    3,
    (host) => runScenarioStep(host, settings),
    async (host) => {
      await runQuotaStep(host, quotaStep(Math.round(totalPotential(data[0]) * 0.9)));
    },
  );
  return {
    name: "Preview step: OTE scenarios for 1,000 reps (3 roles, 12 scenarios) after the quota step",
    rows: 1000,
    ms: m.ms,
    baselineMs: m.baselineMs,
    peakMiB: peakMiB(),
    notes: `${cpuNote(m)}; baseline: the same step on an in-memory host; ${m.result.scenarios.length} scenarios`,
  };
}

// ---- KPI scorecards ---------------------------------------------------------------------------

const PEOPLE = 500;
const DEALS = 100_000;
const STAGES = ["Won", "Lost", "Open"];
const TYPES = ["New", "Renewal", "Upsell"];

function kpiTables(seed: number): Table[] {
  const r = seededRandom(seed);
  const people: Table = {
    name: "Reps",
    headers: ["Rep ID", "Role"],
    rows: Array.from({ length: PEOPLE }, (_, i) => [`R${i + 1}`, "AE"]),
  };
  // Deals over 2026, about 200 per person; dates are Excel serials (2026-01-01 = 46023).
  const deals: Table = {
    name: "Deals",
    headers: ["Deal ID", "Owner", "Stage", "Type", "Created", "Closed", "Amount"],
    rows: Array.from({ length: DEALS }, (_, i) => {
      const closed = 46023 + Math.floor(r.uniform(0, 365));
      return [
        `D${i + 1}`,
        `R${1 + Math.floor(r.uniform(0, PEOPLE))}`,
        STAGES[Math.floor(r.uniform(0, 3))],
        TYPES[Math.floor(r.uniform(0, 3))],
        closed - Math.floor(r.uniform(5, 120)),
        closed,
        Math.round(r.lognormal(9, 0.8)),
      ];
    }),
  };
  return [people, deals];
}

const WON = { column: "Stage", values: ["Won"] };
const base = { table: "Deals", person: "Owner", date: "Closed", filters: [WON] };
const sumOf = (filters: RowFilter[]): KpiMeasure => ({ ...base, aggregate: "sum", value: "Amount", filters });
const kpi = (name: string, measure: KpiDefinition["measure"], target: number): KpiDefinition => ({
  name,
  measure,
  target,
  weight: 0.125,
  curve: DEFAULT_KPI_CURVE,
});

/** Eight KPIs for one role, over the deals: sums, counts, an average, a win rate, a cycle and a conversion. */
const EIGHT_KPIS: KpiPlan = {
  roles: [
    {
      role: "AE",
      targetBonus: 4000,
      kpis: [
        kpi("New revenue", sumOf([WON, { column: "Type", values: ["New"] }]), 20_000),
        kpi("Renewal revenue", sumOf([WON, { column: "Type", values: ["Renewal"] }]), 20_000),
        kpi("Upsell revenue", sumOf([WON, { column: "Type", values: ["Upsell"] }]), 20_000),
        kpi("Deals won", { ...base, aggregate: "count" }, 5),
        kpi("Average deal size", { ...base, aggregate: "average", value: "Amount" }, 9_000),
        kpi(
          "Win rate",
          { ...base, aggregate: "win-rate", filters: [], outcome: { column: "Stage", won: ["Won"], lost: ["Lost"] } },
          0.5,
        ),
        kpi("Sales cycle", { ...base, aggregate: "cycle", start: "Created" }, 60),
        kpi(
          "Pipeline touched",
          { ...base, aggregate: "count", filters: [{ column: "Stage", values: ["Open", "Won", "Lost"] }] },
          15,
        ),
      ],
    },
  ],
};

const NOW = new Date("2026-11-20T10:00:00Z");
const kpiRun = (host: WorkbookHost) =>
  runKpiStep(host, { people: { table: "Reps", id: "Rep ID", role: "Role" }, month: "2026-10", showAmounts: true });

async function kpis(runs: number): Promise<{ step: CaseResult; edit: CaseResult }> {
  const data = kpiTables(21);
  const m = await measure(data, runs, kpiRun, async (host) => {
    await saveKpiPlan(host, EIGHT_KPIS, NOW, "2026-01");
  });
  const lines = m.wb.tables().find((t) => t.name.endsWith("Lines"))!;
  const actualCol = lines.headers.indexOf("Actual");
  const check = (i: number) =>
    m.wb.cell(lines.sheet, { row: lines.anchor.row + 1 + i, col: lines.anchor.col + actualCol }).value as number;
  m.result.lines.forEach((l, i) => {
    if (Math.abs(check(i) - l.actual) > 1e-9 * Math.max(1, Math.abs(l.actual)))
      throw new Error(`Line ${i + 1} (${l.person}, ${l.kpi}): sheet ${check(i)}, core ${l.actual}`);
  });
  // One edited deal: a won, new October deal of the first person gets a larger amount, five times.
  const deals = data[1];
  const row = deals.rows.findIndex(
    (d) => d[1] === "R1" && d[2] === "Won" && d[3] === "New" && (d[5] as number) >= 46296 && (d[5] as number) < 46327,
  );
  if (row < 0 || m.result.lines[0].kpi !== "New revenue") throw new Error("no won new October deal for R1");
  const before = check(0);
  const edits: number[] = [];
  for (let i = 1; i <= 5; i++) {
    const t0 = process.hrtime.bigint();
    m.wb.setCell("Deals", { row: row + 1, col: 6 }, (deals.rows[row][6] as number) + 1000 * i);
    edits.push(ms(t0));
  }
  if (check(0) - before !== 5000) throw new Error(`R1's New revenue moved by ${check(0) - before}, not 5000`);
  return {
    step: {
      name: `Preview step: KPI scorecards, ${PEOPLE} people x 8 KPIs over ${DEALS.toLocaleString("en-US")} deals (read, compute, write, recalculate)`,
      rows: DEALS,
      ms: m.ms,
      baselineMs: m.baselineMs,
      peakMiB: peakMiB(),
      notes: `target < 3,000 ms; ${cpuNote(m)}; baseline: the same step on an in-memory host; ${m.result.lines.length.toLocaleString("en-US")} lines, every Actual equal to the core's`,
    },
    edit: {
      name: "Preview: recalculate the scorecards after one edited deal",
      rows: DEALS,
      ms: median(edits),
      baselineMs: m.baselineMs,
      peakMiB: peakMiB(),
      notes: `target < 3,000 ms; baseline: the whole step recomputed by the core on an in-memory host; the edited person's New revenue follows`,
    },
  };
}

runCaseFromArgvAsync({
  "step-territories-10k": () => territories(10_000, 50, RUNS),
  "step-territories-100k": () => territories(100_000, 500, RUNS),
  "step-quotas": quotas,
  "step-scenarios": scenarios,
  "step-kpi": async () => (await kpis(RUNS)).step,
  // The edit case times five edits on one written workbook; the step itself needs one run here.
  "step-kpi-edit": async () => (await kpis(1)).edit,
});
