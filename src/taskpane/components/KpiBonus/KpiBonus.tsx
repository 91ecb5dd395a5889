import * as React from "react";
import { Body1, Button, Field, Input, MessageBar, MessageBarBody, Select, Subtitle2, Switch } from "@fluentui/react-components";
import { monthOf, PlanVersion, versionFor } from "../../../core/kpiPlan";
import { TableInfo, WorkbookHost } from "../../../workbook/host";
import { DEFAULT_KPI_PLAN } from "../../../wizard/kpi/defaultPlan";
import { blankKpi, checkMonth, draftsOf, KpiDraft, parseKpiDrafts, RoleDraft } from "../../../wizard/kpi/kpiForm";
import { readPlanHistory, runKpiStep, saveKpiPlan } from "../../../wizard/kpi/runKpiStep";
import { RunState } from "../../../wizard/wizardState";
import { HeaderSelect } from "../Wizard/HeaderSelect";
import { RunPanel } from "../Wizard/RunPanel";
import { useWizardStyles } from "../Wizard/useWizardStyles.styles";

/** Props of {@link KpiBonus}. */
export interface KpiBonusProps {
  readonly host: WorkbookHost;
  /** The current time (injected for tests). */
  readonly now?: () => Date;
}

const idle: RunState = { status: "idle", fraction: 0, label: "", message: null, details: [] };
const AGGREGATES = [
  { value: "sum", label: "Sum of" },
  { value: "count", label: "Count of rows" },
  { value: "average", label: "Average of" },
  { value: "win-rate", label: "Win rate (won / closed)" },
  { value: "cycle", label: "Cycle (days from start to date)" },
  { value: "conversion", label: "Conversion (advanced / entered)" },
] as const;
const VALUE_LABEL: Partial<Record<KpiDraft["aggregate"], string>> = { sum: "Value column", average: "Value column", "win-rate": "Outcome column", conversion: "Advanced column" };
const FROM_LABEL: Partial<Record<KpiDraft["aggregate"], string>> = { cycle: "Start date column", conversion: "Entered column" };
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const previousMonth = (d: Date) => monthOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)));

/**
 * The KPI bonus tool: the plan per role (KPIs, targets, weights, curves), saved as a version that
 * takes effect on the first day of a month, and a month's scorecards and leaderboard.
 */
export function KpiBonus({ host, now = () => new Date() }: KpiBonusProps): React.JSX.Element {
  const styles = useWizardStyles();
  const [history, setHistory] = React.useState<PlanVersion[]>([]);
  const [roles, setRoles] = React.useState<RoleDraft[]>(draftsOf(DEFAULT_KPI_PLAN));
  const [tables, setTables] = React.useState<TableInfo[]>([]);
  const [people, setPeople] = React.useState({ table: "Reps", id: "Rep ID", role: "Role" });
  const [month, setMonth] = React.useState(previousMonth(now()));
  const [effective, setEffective] = React.useState("");
  const [showAmounts, setShowAmounts] = React.useState(true);
  const [save, setSave] = React.useState<RunState>(idle);
  const [run, setRun] = React.useState<RunState>(idle);
  const abort = React.useRef<AbortController | null>(null);

  React.useEffect(() => {
    let live = true;
    void Promise.all([readPlanHistory(host), host.listTables()]).then(
      ([h, t]) => {
        if (!live) return;
        setHistory(h);
        setTables(t);
        const latest = h[h.length - 1];
        if (latest) setRoles(draftsOf(latest.plan));
      },
      (e) => live && setSave({ ...idle, status: "failed", message: `Could not read the workbook: ${messageOf(e)}` }),
    );
    return () => {
      live = false;
    };
  }, [host]);

  const { plan, problems } = parseKpiDrafts(roles);
  const effectiveProblem = effective.trim() ? checkMonth(effective) : null;
  const monthProblem = checkMonth(month);
  const inForce = !monthProblem && history.length ? versionFor(history, month) : null;
  const setKpi = (ri: number, ki: number, patch: Partial<KpiDraft>) =>
    setRoles((rs) => rs.map((r, i) => (i === ri ? { ...r, kpis: r.kpis.map((k, j) => (j === ki ? { ...k, ...patch } : k)) } : r)));
  const setRole = (ri: number, patch: Partial<RoleDraft>) => setRoles((rs) => rs.map((r, i) => (i === ri ? { ...r, ...patch } : r)));
  const headersOf = (table: string) => tables.find((t) => t.name.toLowerCase() === table.trim().toLowerCase())?.headers ?? [];

  const onSave = () => {
    if (!plan) return;
    setSave({ ...idle, status: "running", label: "Saving" });
    host.exclusive("saving the KPI plan", () => saveKpiPlan(host, plan, now(), effective.trim() || undefined)).then(
      (h) => {
        setHistory(h);
        const v = h.find((x) => x.version === Math.max(...h.map((y) => y.version)))!;
        setSave({ ...idle, status: "done", message: `Saved plan version ${v.version}, in force from ${v.effective}. Months before it keep the version they had.` });
      },
      (e) => setSave({ ...idle, status: "failed", message: messageOf(e) }),
    );
  };
  const onRun = () => {
    const controller = new AbortController();
    abort.current = controller;
    setRun({ ...idle, status: "running", label: "Starting" });
    host.exclusive("the KPI run", () => runKpiStep(host, { people, month, showAmounts }, (fraction, label) => setRun((r) => ({ ...r, fraction, label })), controller.signal)).then(
      (r) => {
        const total = r.people.reduce((s, p) => s + p.bonus, 0);
        setRun({
          ...idle,
          status: "done",
          message: `Wrote Scorecards and Leaderboard for ${month} with plan version ${r.version.version}: ${r.people.length} people, bonuses totalling ${total.toLocaleString("en-US", { maximumFractionDigits: 2 })}.`,
        });
        void host.select("Scorecards", "A1").catch(() => undefined);
      },
      (e) => setRun(controller.signal.aborted ? { ...idle, status: "cancelled", message: "Cancelled; nothing was written." } : { ...idle, status: "failed", message: messageOf(e) }),
    );
  };

  const columnSelect = (label: string, table: string, value: string, onChange: (v: string) => void) => (
    <HeaderSelect label={label} value={value} headers={headersOf(table)} onChange={onChange} />
  );

  return (
    <section className={styles.step} aria-labelledby="kpi-heading">
      <Subtitle2 as="h2" id="kpi-heading">
        KPI bonus
      </Subtitle2>
      <Body1>
        Each role&apos;s bonus is the sum of its KPI components. Settings change at most once a month: a saved change takes effect on the first day of a month
        {history.length ? "" : " (the first version may start in any month)"}, and earlier months keep the version they had.
      </Body1>
      {history.length > 0 && (
        <Body1>
          Versions: {history.map((v) => `${v.version} from ${v.effective} (saved ${v.changedAt.slice(0, 10)})`).join("; ")}.
        </Body1>
      )}
      {roles.map((r, ri) => (
        <fieldset key={ri} className={styles.fieldset}>
          <legend>{r.role || `Role ${ri + 1}`}</legend>
          <div className={styles.mapping}>
            <Field label="Role" size="small">
              <Input size="small" value={r.role} onChange={(_, d) => setRole(ri, { role: d.value })} />
            </Field>
            <Field label="Target bonus per month" size="small">
              <Input size="small" value={r.targetBonus} onChange={(_, d) => setRole(ri, { targetBonus: d.value })} />
            </Field>
          </div>
          {r.kpis.map((k, ki) => (
            <fieldset key={ki} className={styles.fieldset}>
              <legend>{k.name || `KPI ${ki + 1}`}</legend>
              <div className={styles.mapping}>
                <Field label="KPI" size="small">
                  <Input size="small" value={k.name} onChange={(_, d) => setKpi(ri, ki, { name: d.value })} />
                </Field>
                <Field label="Table" size="small">
                  <Select size="small" value={k.table} onChange={(_, d) => setKpi(ri, ki, { table: d.value })}>
                    {!tables.some((t) => t.name === k.table) && <option value={k.table}>{k.table || "(choose)"}</option>}
                    {tables.map((t) => (
                      <option key={t.name}>{t.name}</option>
                    ))}
                  </Select>
                </Field>
                <Field label="Measure" size="small">
                  <Select size="small" value={k.aggregate} onChange={(_, d) => setKpi(ri, ki, { aggregate: d.value as KpiDraft["aggregate"] })}>
                    {AGGREGATES.map((a) => (
                      <option key={a.value} value={a.value}>
                        {a.label}
                      </option>
                    ))}
                  </Select>
                </Field>
                {VALUE_LABEL[k.aggregate] && columnSelect(VALUE_LABEL[k.aggregate]!, k.table, k.value, (v) => setKpi(ri, ki, { value: v }))}
                {FROM_LABEL[k.aggregate] && columnSelect(FROM_LABEL[k.aggregate]!, k.table, k.from, (v) => setKpi(ri, ki, { from: v }))}
                {columnSelect("Person column", k.table, k.person, (v) => setKpi(ri, ki, { person: v }))}
                {columnSelect(k.aggregate === "cycle" ? "End date column (puts the row in the month)" : "Date column", k.table, k.date, (v) => setKpi(ri, ki, { date: v }))}
                <Field label="Target per person per month" size="small">
                  <Input size="small" value={k.target} onChange={(_, d) => setKpi(ri, ki, { target: d.value })} />
                </Field>
                <Field label="Weight (share of target bonus)" size="small">
                  <Input size="small" value={k.weight} onChange={(_, d) => setKpi(ri, ki, { weight: d.value })} />
                </Field>
              </div>
              <Field label="Only rows where (column=value|value; ...)" size="small">
                <Input size="small" value={k.filters} onChange={(_, d) => setKpi(ri, ki, { filters: d.value })} />
              </Field>
              <div className={styles.mapping}>
                <Field label="Curve tiers (lower:rate)" size="small">
                  <Input size="small" value={k.tiers} onChange={(_, d) => setKpi(ri, ki, { tiers: d.value })} />
                </Field>
                <Field label="Threshold / cap" size="small">
                  <div className={styles.row}>
                    <Input size="small" aria-label="Threshold" value={k.threshold} onChange={(_, d) => setKpi(ri, ki, { threshold: d.value })} className={styles.grow} />
                    <Input size="small" aria-label="Cap" value={k.cap} onChange={(_, d) => setKpi(ri, ki, { cap: d.value })} className={styles.grow} />
                  </div>
                </Field>
              </div>
              <Button size="small" onClick={() => setRole(ri, { kpis: r.kpis.filter((_, j) => j !== ki) })}>
                Remove KPI {k.name || ki + 1}
              </Button>
            </fieldset>
          ))}
          <Button size="small" onClick={() => setRole(ri, { kpis: [...r.kpis, blankKpi] })}>
            Add a KPI to {r.role || `role ${ri + 1}`}
          </Button>
        </fieldset>
      ))}
      <Button onClick={() => setRoles((rs) => [...rs, { role: "", targetBonus: "0", kpis: [blankKpi] }])}>Add a role</Button>
      <Field label="Takes effect from (YYYY-MM; blank: next month)" validationMessage={effectiveProblem ?? undefined}>
        <Input value={effective} placeholder={monthOf(now())} onChange={(_, d) => setEffective(d.value)} />
      </Field>
      <RunPanel run={save} issues={[...problems, ...(effectiveProblem ? [effectiveProblem] : [])]} action="Save plan changes" progressName="Saving the plan" onRun={onSave} />
      <Subtitle2 as="h3">Scorecards and leaderboard</Subtitle2>
      <div className={styles.mapping}>
        <Field label="People table" size="small">
          <Select size="small" value={people.table} onChange={(_, d) => setPeople({ ...people, table: d.value })}>
            {!tables.some((t) => t.name === people.table) && <option value={people.table}>{people.table}</option>}
            {tables.map((t) => (
              <option key={t.name}>{t.name}</option>
            ))}
          </Select>
        </Field>
        {columnSelect("Person id column", people.table, people.id, (v) => setPeople({ ...people, id: v }))}
        {columnSelect("Role column", people.table, people.role, (v) => setPeople({ ...people, role: v }))}
        <Field label="Month (YYYY-MM)" validationMessage={monthProblem ?? (inForce ? `Plan version ${inForce.version} is in force.` : undefined)} validationState={monthProblem ? "error" : "none"}>
          <Input value={month} onChange={(_, d) => setMonth(d.value)} />
        </Field>
      </div>
      <Switch label="Show bonus amounts on the leaderboard (everyone sees them)" checked={showAmounts} onChange={(_, d) => setShowAmounts(d.checked)} />
      {history.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>Save the plan first: scorecards are computed with the version in force for the month.</MessageBarBody>
        </MessageBar>
      )}
      <RunPanel
        run={run}
        issues={[...(monthProblem ? [monthProblem] : []), ...(history.length && !inForce ? [`No plan version is in force in ${month}.`] : [])]}
        action="Compute scorecards"
        progressName="Scorecard progress"
        onRun={onRun}
        onCancel={() => abort.current?.abort()}
      />
    </section>
  );
}
