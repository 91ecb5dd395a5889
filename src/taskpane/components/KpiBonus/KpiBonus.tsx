import * as React from "react";
import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Switch,
} from "@fluentui/react-components";
import { TextField } from "../common/TextField";
import { WorkbookHost } from "../../../workbook/host";
import { KPI_AGGREGATES, KpiDraft } from "../../../wizard/kpi/kpiForm";
import { WHAT_IF_LABEL, WHAT_IF_SHEET } from "../../../wizard/kpi/layout";
import {
  computedThroughOf,
  defaultEffective,
  effectiveProblem,
  headersOf,
  initialKpiPane,
  KpiContext,
  kpiPaneReducer,
  monthProblemOf,
  versionInForce,
  versionsText,
  whatIfMonthProblem,
} from "../../../wizard/kpi/kpiPane";
import { kpiPlanStep, kpiScorecardStep, readKpiRecord } from "../../../wizard/kpi/runKpiStep";
import { kpiWhatIfStep, readStoredWhatIf } from "../../../wizard/kpi/whatIfStep";
import { HeaderSelect } from "../common/HeaderSelect";
import { RunPanel } from "../common/RunPanel";
import { useCommonStyles } from "../common/useCommonStyles.styles";
import { useStepRun } from "../common/useStepRun";
import { useTablesChanged, withTablesChanged } from "../common/useTablesChanged";
import { MonthWarnings } from "./MonthWarnings";

/** Props of {@link KpiBonus}. */
export interface KpiBonusProps {
  readonly host: WorkbookHost;
  /** The current time (injected for tests). */
  readonly now?: () => Date;
}

/** The pane's reducer, whose table lists also follow the workbook. */
const reducer = withTablesChanged(kpiPaneReducer);

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The KPI bonus tool: the plan per role (KPIs, targets, weights, curves), saved as a version that
 * takes effect on the first day of a month, a month's scorecards and leaderboard (recorded as
 * computed), and what-ifs: the plan as typed tried on any month, apart from the official record.
 * The state and its rules live in src/wizard/kpi (kpiPane); this component renders them.
 */
export function KpiBonus({ host, now = () => new Date() }: KpiBonusProps): React.JSX.Element {
  const styles = useCommonStyles();
  const [pane, dispatch] = React.useReducer(reducer, undefined, () => initialKpiPane(now()));
  const runs = useStepRun(host);
  useTablesChanged(host, (tables) => dispatch({ type: "tablesChanged", tables }));

  React.useEffect(() => {
    let live = true;
    void Promise.all([readKpiRecord(host), host.listTables(), readStoredWhatIf(host)]).then(
      ([record, tables, whatIf]) =>
        live && dispatch({ type: "loaded", history: record.versions, computed: record.computed, tables, whatIf }),
      (e) => live && dispatch({ type: "loadFailed", message: messageOf(e) }),
    );
    return () => {
      live = false;
    };
  }, [host]);

  const ctx: KpiContext = { pane, now: now() };
  const effective = effectiveProblem(pane);
  const month = monthProblemOf(pane);
  const inForce = versionInForce(pane);
  const through = computedThroughOf(pane);
  const whatIfMonth = whatIfMonthProblem(pane);
  const onSave = () => {
    const change = kpiPlanStep.settingsFrom(ctx);
    if (change)
      runs.start(kpiPlanStep, change, {
        onEvent: (event) => dispatch({ type: "save", event }),
        onResult: (record) => dispatch({ type: "planSaved", history: record.versions }),
      });
  };
  const onRun = () => {
    const settings = kpiScorecardStep.settingsFrom(ctx);
    if (settings)
      runs.start(kpiScorecardStep, settings, {
        onEvent: (event) => dispatch({ type: "run", event }),
        onResult: (r, s) => dispatch({ type: "scored", month: s.month, warnings: r.warnings, computed: r.computed }),
      });
  };
  const onWhatIf = () => {
    const settings = kpiWhatIfStep.settingsFrom(ctx);
    if (settings)
      runs.start(kpiWhatIfStep, settings, {
        onEvent: (event) => dispatch({ type: "whatIf", event }),
        onResult: (r) => dispatch({ type: "whatIfScored", warnings: r.warnings, record: r.record }),
      });
  };
  const columnSelect = (label: string, table: string, value: string, onChange: (v: string) => void) => (
    <HeaderSelect label={label} value={value} headers={headersOf(pane, table)} onChange={onChange} />
  );
  const tableOptions = (current: string) => (
    <>
      {!pane.tables.some((t) => t.name === current) && <option value={current}>{current || "(choose)"}</option>}
      {pane.tables.map((t) => (
        <option key={t.name}>{t.name}</option>
      ))}
    </>
  );

  return (
    <section className={styles.step} aria-labelledby="kpi-heading">
      <Subtitle2 as="h2" id="kpi-heading">
        KPI bonus
      </Subtitle2>
      <Body1>
        Each role&apos;s bonus is the sum of its KPI components. Settings change at most once a month: a saved change
        takes effect on the first day of a month
        {pane.history.length ? "" : " (the first version may start in any month)"}, and earlier months keep the version
        they had.
      </Body1>
      {pane.history.length > 0 && <Body1>Versions: {versionsText(pane)}.</Body1>}
      {through && (
        <Body1>Computed with the official plan through {through}: no change can take effect in or before it.</Body1>
      )}
      {pane.roles.map((r, ri) => (
        <fieldset key={ri} className={styles.fieldset}>
          <legend>{r.role || `Role ${ri + 1}`}</legend>
          <div className={styles.mapping}>
            <TextField
              label="Role"
              value={r.role}
              onChange={(value) => dispatch({ type: "roleChanged", role: ri, patch: { role: value } })}
            />
            <TextField
              label="Target bonus per month"
              value={r.targetBonus}
              onChange={(value) => dispatch({ type: "roleChanged", role: ri, patch: { targetBonus: value } })}
            />
          </div>
          {r.kpis.map((k, ki) => {
            const set = (patch: Partial<KpiDraft>) => dispatch({ type: "kpiChanged", role: ri, kpi: ki, patch });
            const measure = KPI_AGGREGATES.find((a) => a.value === k.aggregate);
            return (
              <fieldset key={ki} className={styles.fieldset}>
                <legend>{k.name || `KPI ${ki + 1}`}</legend>
                <div className={styles.mapping}>
                  <TextField label="KPI" value={k.name} onChange={(value) => set({ name: value })} />
                  <Field label="Table" size="small">
                    <Select size="small" value={k.table} onChange={(_, d) => set({ table: d.value })}>
                      {tableOptions(k.table)}
                    </Select>
                  </Field>
                  <Field label="Measure" size="small">
                    <Select
                      size="small"
                      value={k.aggregate}
                      onChange={(_, d) =>
                        set({ aggregate: KPI_AGGREGATES.find((a) => a.value === d.value)?.value ?? k.aggregate })
                      }
                    >
                      {KPI_AGGREGATES.map((a) => (
                        <option key={a.value} value={a.value}>
                          {a.label}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  {measure?.valueLabel && columnSelect(measure.valueLabel, k.table, k.value, (v) => set({ value: v }))}
                  {measure?.fromLabel && columnSelect(measure.fromLabel, k.table, k.from, (v) => set({ from: v }))}
                  {columnSelect("Person column", k.table, k.person, (v) => set({ person: v }))}
                  {columnSelect(measure?.dateLabel ?? "Date column", k.table, k.date, (v) => set({ date: v }))}
                  <TextField
                    label="Target per person per month"
                    value={k.target}
                    onChange={(value) => set({ target: value })}
                  />
                  <TextField
                    label="Weight (share of target bonus)"
                    value={k.weight}
                    onChange={(value) => set({ weight: value })}
                  />
                </div>
                <TextField
                  label="Only rows where (column=value|value; ...)"
                  value={k.filters}
                  onChange={(value) => set({ filters: value })}
                />
                <div className={styles.mapping}>
                  <TextField
                    label="Curve tiers (lower:rate)"
                    value={k.tiers}
                    onChange={(value) => set({ tiers: value })}
                  />
                  <Field label="Threshold / cap" size="small">
                    <div className={styles.row}>
                      <Input
                        size="small"
                        aria-label="Threshold"
                        value={k.threshold}
                        onChange={(_, d) => set({ threshold: d.value })}
                        className={styles.grow}
                      />
                      <Input
                        size="small"
                        aria-label="Cap"
                        value={k.cap}
                        onChange={(_, d) => set({ cap: d.value })}
                        className={styles.grow}
                      />
                    </div>
                  </Field>
                </div>
                <Button size="small" onClick={() => dispatch({ type: "kpiRemoved", role: ri, kpi: ki })}>
                  Remove KPI {k.name || ki + 1}
                </Button>
              </fieldset>
            );
          })}
          <Button size="small" onClick={() => dispatch({ type: "kpiAdded", role: ri })}>
            Add a KPI to {r.role || `role ${ri + 1}`}
          </Button>
        </fieldset>
      ))}
      <Button onClick={() => dispatch({ type: "roleAdded" })}>Add a role</Button>
      <Field label="Takes effect from (YYYY-MM; blank: next month)" validationMessage={effective ?? undefined}>
        <Input
          value={pane.effective}
          placeholder={defaultEffective(ctx.now)}
          onChange={(_, d) => dispatch({ type: "effectiveChanged", effective: d.value })}
        />
      </Field>
      <RunPanel
        run={pane.save}
        issues={kpiPlanStep.issues(ctx)}
        action="Save plan changes"
        progressName="Saving the plan"
        onRun={onSave}
      />
      <Subtitle2 as="h3">Scorecards and leaderboard</Subtitle2>
      <div className={styles.mapping}>
        <Field label="People table" size="small">
          <Select
            size="small"
            value={pane.people.table}
            onChange={(_, d) => dispatch({ type: "peopleChanged", patch: { table: d.value } })}
          >
            {tableOptions(pane.people.table)}
          </Select>
        </Field>
        {columnSelect("Person id column", pane.people.table, pane.people.id, (v) =>
          dispatch({ type: "peopleChanged", patch: { id: v } }),
        )}
        {columnSelect("Role column", pane.people.table, pane.people.role, (v) =>
          dispatch({ type: "peopleChanged", patch: { role: v } }),
        )}
        <Field
          label="Month (YYYY-MM)"
          validationMessage={month ?? (inForce ? `Plan version ${inForce.version} is in force.` : undefined)}
          validationState={month ? "error" : "none"}
        >
          <Input value={pane.month} onChange={(_, d) => dispatch({ type: "monthChanged", month: d.value })} />
        </Field>
      </div>
      <Switch
        label="Show bonus amounts on the leaderboard (everyone sees them)"
        checked={pane.showAmounts}
        onChange={(_, d) => dispatch({ type: "showAmountsChanged", showAmounts: d.checked })}
      />
      {pane.history.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            Save the plan first: scorecards are computed with the version in force for the month.
          </MessageBarBody>
        </MessageBar>
      )}
      <RunPanel
        run={pane.run}
        issues={kpiScorecardStep.issues(ctx)}
        action="Compute scorecards"
        progressName="Scorecard progress"
        onRun={onRun}
        onCancel={() => runs.cancel(kpiScorecardStep.id)}
      />
      <MonthWarnings warnings={pane.warnings} title={`Check ${pane.scoredMonth ?? pane.month} before you publish`} />
      <Subtitle2 as="h3">What-if: try the plan above on any month</Subtitle2>
      <Body1>
        Computes the plan as typed above, without saving it, for any past or future month, and writes the{" "}
        {WHAT_IF_SHEET} sheet, labelled as a what-if. The official plan history, the KPI Plan sheet and the scorecards
        stay as they are.
      </Body1>
      {pane.storedWhatIf && (
        <div className={styles.row}>
          <Body1>
            Last what-if: {pane.storedWhatIf.month}, computed {pane.storedWhatIf.computedAt.slice(0, 10)}.
          </Body1>
          <Button size="small" onClick={() => dispatch({ type: "whatIfDraftLoaded" })}>
            Edit the what-if draft above
          </Button>
        </div>
      )}
      <Button size="small" onClick={() => dispatch({ type: "officialPlanRestored" })}>
        Start again from the official plan
      </Button>
      <Field
        label="What-if month (YYYY-MM, any month)"
        validationMessage={whatIfMonth ?? undefined}
        validationState={whatIfMonth ? "error" : "none"}
      >
        <Input value={pane.whatIfMonth} onChange={(_, d) => dispatch({ type: "whatIfMonthChanged", month: d.value })} />
      </Field>
      <RunPanel
        run={pane.whatIf}
        issues={kpiWhatIfStep.issues(ctx)}
        action="Compute what-if"
        progressName="What-if progress"
        onRun={onWhatIf}
        onCancel={() => runs.cancel(kpiWhatIfStep.id)}
      />
      {pane.whatIf.status === "done" && (
        <MessageBar intent="info">
          <MessageBarBody>{WHAT_IF_LABEL}</MessageBarBody>
        </MessageBar>
      )}
      <MonthWarnings
        warnings={pane.whatIfWarnings}
        title={`What-if: check ${pane.storedWhatIf?.month ?? pane.whatIfMonth}`}
      />
    </section>
  );
}
