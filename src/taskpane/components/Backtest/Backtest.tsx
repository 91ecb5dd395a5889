import * as React from "react";
import { Body1, Button, Field, Input, Select, Subtitle2 } from "@fluentui/react-components";
import { PAYOUT_MODES, PayoutMode } from "../../../core/tiers";
import { WorkbookHost } from "../../../workbook/host";
import { PlanKey } from "../../../wizard/backtest/backtestLayout";
import {
  ActualDraft,
  BacktestContext,
  backtestPaneReducer,
  CreditsDraft,
  CurveDraft,
  DealsDraft,
  initialBacktestPane,
  PeopleDraft,
  tableHeaders,
} from "../../../wizard/backtest/backtestPane";
import { RulesFields } from "./RulesFields";
import { backtestStep } from "../../../wizard/backtest/runBacktestStep";
import { readStepSettings } from "../../../wizard/stepRun";
import { QuotaPeriod, QuotaSource } from "../../../wizard/backtest/backtestSettings";
import { parseQuotaSettings, QUOTA_SETTINGS_KEY } from "../../../wizard/quotas/runQuotaStep";
import { HeaderSelect } from "../common/HeaderSelect";
import { RunPanel } from "../common/RunPanel";
import { useCommonStyles } from "../common/useCommonStyles.styles";
import { useStepRun } from "../common/useStepRun";
import { useTablesChanged, withTablesChanged } from "../common/useTablesChanged";

/** Props of {@link Backtest}. */
export interface BacktestProps {
  readonly host: WorkbookHost;
}

/** The pane's reducer, whose table lists also follow the workbook. */
const reducer = withTablesChanged(backtestPaneReducer);

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

const DEAL_COLUMNS: readonly (readonly [Exclude<keyof DealsDraft, "table" | "sdrDefaultShare">, string])[] = [
  ["deal", "Deal id column"],
  ["owner", "Owner column"],
  ["amount", "Amount column"],
  ["closeDate", "Close date column"],
  ["stage", "Stage column"],
  ["paymentDate", "Payment date column (optional)"],
  ["cancelDate", "Cancel date column (optional)"],
  ["sdr", "SDR column (optional)"],
  ["sdrShare", "SDR share column (optional)"],
];

const PEOPLE_COLUMNS: readonly (readonly [Exclude<keyof PeopleDraft, "table">, string])[] = [
  ["id", "Person id column"],
  ["role", "Role column"],
  ["start", "Start date column (optional)"],
  ["end", "End date column (optional)"],
  ["draw", "Draw per period column (optional)"],
  ["quota", "Quota per period column (optional)"],
];

const QUOTA_SOURCES: readonly (readonly [QuotaSource["kind"], string])[] = [
  ["people", "People table (quota per period column)"],
  ["sheet", "Quotas sheet (from the Quotas step)"],
  ["role", "One annual quota per role"],
];

const QUOTA_PERIODS: readonly (readonly [QuotaPeriod, string])[] = [
  ["year", "Year"],
  ["quarter", "Quarter"],
  ["month", "Month"],
];

const CREDITS_COLUMNS: readonly (readonly [Exclude<keyof CreditsDraft, "table">, string])[] = [
  ["deal", "Credited deal column"],
  ["person", "Credited person column"],
  ["share", "Credit share column"],
  ["role", "Credit role column (optional)"],
];

const ACTUAL_COLUMNS: readonly (readonly [Exclude<keyof ActualDraft, "table">, string])[] = [
  ["person", "Paid person column"],
  ["amount", "Amount paid column"],
];

const PLAN_SECTIONS: readonly (readonly [PlanKey, string])[] = [
  ["current", "The plan as it was paid. A draw per period here applies to people whose draw cell is blank."],
  ["proposed", "The plan you are considering; Copy current plan to proposed copies these rules too."],
];

/**
 * The Back-test tool: last year's deals through the current plan and a proposed one, written as
 * Payout Ledger, Plan Comparison and Statements. The state and its rules live in
 * src/wizard/backtest (backtestPane); this component renders them.
 */
export function Backtest({ host }: BacktestProps): React.JSX.Element {
  const styles = useCommonStyles();
  const [pane, dispatch] = React.useReducer(reducer, undefined, initialBacktestPane);
  const runs = useStepRun(host);
  useTablesChanged(host, (tables) => dispatch({ type: "tablesChanged", tables }));

  React.useEffect(() => {
    let live = true;
    void Promise.all([
      host.listTables(),
      readStepSettings(backtestStep, host),
      host.readSettings(QUOTA_SETTINGS_KEY).then(parseQuotaSettings),
    ]).then(
      ([tables, stored, quota]) => live && dispatch({ type: "loaded", tables, stored, quotaPeriod: quota?.period }),
      (e) => live && dispatch({ type: "loadFailed", message: messageOf(e) }),
    );
    return () => {
      live = false;
    };
  }, [host]);

  const ctx: BacktestContext = { pane };
  const onRun = () => {
    const settings = backtestStep.settingsFrom(ctx);
    if (settings) runs.start(backtestStep, settings, { onEvent: (event) => dispatch({ type: "run", event }) });
  };
  const tableSelect = (label: string, value: string, onChange: (v: string) => void, optional = false) => (
    <Field label={label} size="small">
      <Select size="small" value={value} onChange={(_, d) => onChange(d.value)}>
        {optional && <option value="">(none)</option>}
        {!pane.tables.some((t) => t.name === value) && !(optional && value === "") && (
          <option value={value}>{value || "(choose)"}</option>
        )}
        {pane.tables.map((t) => (
          <option key={t.name}>{t.name}</option>
        ))}
      </Select>
    </Field>
  );

  return (
    <section className={styles.step} aria-labelledby="backtest-heading">
      <Subtitle2 as="h2" id="backtest-heading">
        Back-test
      </Subtitle2>
      <Body1>
        Runs the year&apos;s deals through the current plan and a proposed one, and writes Payout Ledger, Plan
        Comparison and Statements as live formulas.
      </Body1>
      <fieldset className={styles.fieldset}>
        <legend>Deals</legend>
        <div className={styles.mapping}>
          {tableSelect("Deals table", pane.deals.table, (table) => dispatch({ type: "dealsTableChanged", table }))}
          {DEAL_COLUMNS.map(([field, label]) => (
            <HeaderSelect
              key={field}
              label={label}
              value={pane.deals[field]}
              headers={tableHeaders(pane.tables, pane.deals.table)}
              optional={label.endsWith("(optional)")}
              onChange={(v) => dispatch({ type: "dealsChanged", patch: { [field]: v } })}
            />
          ))}
          <Field label="SDR share when blank (optional)" size="small" hint="e.g. 50%; blank: 100%">
            <Input
              size="small"
              value={pane.deals.sdrDefaultShare}
              onChange={(_, d) => dispatch({ type: "dealsChanged", patch: { sdrDefaultShare: d.value } })}
            />
          </Field>
        </div>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>Credits table (optional)</legend>
        <Body1>Instead of the owner and SDR columns: one row per deal and person credited, with the share.</Body1>
        <div className={styles.mapping}>
          {tableSelect(
            "Credits table",
            pane.credits.table,
            (table) => dispatch({ type: "creditsTableChanged", table }),
            true,
          )}
          {pane.credits.table !== "" &&
            CREDITS_COLUMNS.map(([field, label]) => (
              <HeaderSelect
                key={field}
                label={label}
                value={pane.credits[field]}
                headers={tableHeaders(pane.tables, pane.credits.table)}
                optional={label.endsWith("(optional)")}
                onChange={(v) => dispatch({ type: "creditsChanged", patch: { [field]: v } })}
              />
            ))}
        </div>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>People</legend>
        <div className={styles.mapping}>
          {tableSelect("People table", pane.people.table, (table) => dispatch({ type: "peopleTableChanged", table }))}
          {PEOPLE_COLUMNS.map(([field, label]) => (
            <HeaderSelect
              key={field}
              label={label}
              value={pane.people[field]}
              headers={tableHeaders(pane.tables, pane.people.table)}
              optional={label.endsWith("(optional)")}
              onChange={(v) => dispatch({ type: "peopleChanged", patch: { [field]: v } })}
            />
          ))}
        </div>
      </fieldset>
      <div className={styles.mapping}>
        <Field label="Plan year" size="small">
          <Input size="small" value={pane.year} onChange={(_, d) => dispatch({ type: "yearChanged", year: d.value })} />
        </Field>
        <Field label="Periods" size="small">
          <Select
            size="small"
            value={pane.periods}
            onChange={(_, d) =>
              dispatch({ type: "periodsChanged", periods: d.value === "quarters" ? "quarters" : "months" })
            }
          >
            <option value="months">Months</option>
            <option value="quarters">Quarters</option>
          </Select>
        </Field>
      </div>
      <fieldset className={styles.fieldset}>
        <legend>Quotas</legend>
        <div className={styles.mapping}>
          <Field label="Quotas from" size="small">
            <Select
              size="small"
              value={pane.quotaSource}
              onChange={(_, d) =>
                dispatch({
                  type: "quotaSourceChanged",
                  source: QUOTA_SOURCES.find(([k]) => k === d.value)?.[0] ?? pane.quotaSource,
                })
              }
            >
              {QUOTA_SOURCES.map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          {pane.quotaSource === "sheet" &&
            tableSelect("Quotas table", pane.quotaSheet.table, (table) =>
              dispatch({ type: "quotaSheetChanged", patch: { table } }),
            )}
          {pane.quotaSource === "sheet" && (
            <Field label="Its quotas are per" size="small" hint="The Quotas step's period">
              <Select
                size="small"
                value={pane.quotaSheet.per}
                onChange={(_, d) =>
                  dispatch({
                    type: "quotaSheetChanged",
                    patch: { per: QUOTA_PERIODS.find(([k]) => k === d.value)?.[0] ?? pane.quotaSheet.per },
                  })
                }
              >
                {QUOTA_PERIODS.map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
      </fieldset>
      {pane.quotaSource === "role" && pane.quotas.length > 0 && (
        <fieldset className={styles.fieldset}>
          <legend>Annual quota per role</legend>
          <div className={styles.mapping}>
            {pane.quotas.map((q, i) => (
              <Field key={q.role} label={`${q.role} annual quota`} size="small">
                <Input
                  size="small"
                  value={q.annual}
                  onChange={(_, d) => dispatch({ type: "quotaChanged", role: i, annual: d.value })}
                />
              </Field>
            ))}
          </div>
        </fieldset>
      )}
      <Subtitle2 as="h3">Proposed plan</Subtitle2>
      <Body1>
        {pane.base.current.name} plan roles: {pane.base.current.roles.map((r) => r.role).join(", ")}. Change the
        proposed curves below, or start again from the current plan.
      </Body1>
      <Button size="small" onClick={() => dispatch({ type: "copyCurrent" })}>
        Copy current plan to proposed
      </Button>
      {pane.curves.map((c, i) => (
        <CurveFields key={i} curve={c} onChange={(patch) => dispatch({ type: "curveChanged", role: i, patch })} />
      ))}
      {PLAN_SECTIONS.map(([plan, heading]) => (
        <React.Fragment key={plan}>
          <Subtitle2 as="h3">{`${pane.base[plan].name} plan: draw, clawback, pay timing, splits`}</Subtitle2>
          <Body1>{heading}</Body1>
          {pane.rules[plan].map((r, i) => (
            <RulesFields
              key={`${plan}-${i}`}
              plan={pane.base[plan].name}
              rules={r}
              onChange={(patch) => dispatch({ type: "rulesChanged", plan, role: i, patch })}
            />
          ))}
        </React.Fragment>
      ))}
      <fieldset className={styles.fieldset}>
        <legend>Actual payouts (optional)</legend>
        <Body1>
          What was actually paid per person, to compare with the {pane.base.current.name} plan&apos;s model on Plan
          Comparison.
        </Body1>
        <div className={styles.mapping}>
          {tableSelect(
            "Actual payouts table",
            pane.actual.table,
            (table) => dispatch({ type: "actualTableChanged", table }),
            true,
          )}
          {pane.actual.table !== "" &&
            ACTUAL_COLUMNS.map(([field, label]) => (
              <HeaderSelect
                key={field}
                label={label}
                value={pane.actual[field]}
                headers={tableHeaders(pane.tables, pane.actual.table)}
                onChange={(v) => dispatch({ type: "actualChanged", patch: { [field]: v } })}
              />
            ))}
        </div>
      </fieldset>
      <RunPanel
        run={pane.run}
        issues={backtestStep.issues(ctx)}
        action="Run back-test"
        progressName="Back-test progress"
        onRun={onRun}
        onCancel={() => runs.cancel(backtestStep.id)}
      />
    </section>
  );
}

interface CurveFieldsProps {
  readonly curve: CurveDraft;
  readonly onChange: (patch: Partial<Omit<CurveDraft, "role">>) => void;
}

/** One role's proposed curve: tiers, mode, threshold and cap. */
function CurveFields({ curve, onChange }: CurveFieldsProps): React.JSX.Element {
  const styles = useCommonStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend>{curve.role}</legend>
      <div className={styles.mapping}>
        <Field label={`${curve.role} tiers (lower:rate)`} size="small">
          <Input size="small" value={curve.tiers} onChange={(_, d) => onChange({ tiers: d.value })} />
        </Field>
        <Field label={`${curve.role} mode`} size="small">
          <Select
            size="small"
            value={curve.mode}
            onChange={(_, d) =>
              onChange({ mode: (PAYOUT_MODES.find((m) => m === d.value) ?? curve.mode) as PayoutMode })
            }
          >
            {PAYOUT_MODES.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </Select>
        </Field>
        <Field label={`${curve.role} threshold`} size="small">
          <Input size="small" value={curve.threshold} onChange={(_, d) => onChange({ threshold: d.value })} />
        </Field>
        <Field label={`${curve.role} cap`} size="small">
          <Input size="small" value={curve.cap} onChange={(_, d) => onChange({ cap: d.value })} />
        </Field>
      </div>
    </fieldset>
  );
}
