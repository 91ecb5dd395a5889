import * as React from "react";
import { Body1, Button, Field, Input, Select, Subtitle2 } from "@fluentui/react-components";
import { WorkbookHost } from "../../../workbook/host";
import { PlanKey } from "../../../wizard/backtest/backtestLayout";
import {
  ActualDraft,
  BacktestContext,
  BacktestPaneAction,
  backtestPaneReducer,
  BacktestPaneState,
  CreditsDraft,
  DealsDraft,
  initialBacktestPane,
  PeopleDraft,
  RolePlanDraft,
  renameRoleProblem,
  rolesIn,
  rolesToAdd,
  tableHeaders,
} from "../../../wizard/backtest/backtestPane";
import { CreditColumnsFields } from "./CreditColumnsFields";
import { RolePlanFields } from "./RolePlanFields";
import { RoleRename } from "./RoleRename";
import { RulesFields } from "./RulesFields";
import { RulesDraft } from "../../../wizard/backtest/backtestRules";
import { backtestStep } from "../../../wizard/backtest/runBacktestStep";
import { readStepSettings } from "../../../wizard/stepRun";
import { sameText } from "../../../core/text";
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

const DEAL_COLUMNS: readonly (readonly [
  Exclude<keyof DealsDraft, "table" | "sdrDefaultShare" | "moreCredits">,
  string,
])[] = [
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
  ["people", "People table"],
  ["sheet", "Quotas sheet"],
  ["role", "Per role"],
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
  [
    "current",
    "The plan as it was paid, per role: its curve, target incentive, stages that count and proration, then its draw (for people whose draw cell is blank), clawback, pay timing and splits.",
  ],
  ["proposed", "The plan you are considering; Copy current plan to proposed starts it from the current one."],
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

  // The roles in the people table's role column, to add plans for; re-read when the table, the column or the workbook's tables change.
  const { table: peopleTable, role: roleColumn } = pane.people;
  React.useEffect(() => {
    let live = true;
    if (!peopleTable.trim() || !roleColumn.trim() || !pane.tables.some((t) => sameText(t.name, peopleTable))) {
      dispatch({ type: "peopleRolesRead", roles: [] });
      return;
    }
    host.readTable(peopleTable).then(
      (t) => live && dispatch({ type: "peopleRolesRead", roles: rolesIn(t, roleColumn) }),
      () => live && dispatch({ type: "peopleRolesRead", roles: [] }),
    );
    return () => {
      live = false;
    };
  }, [host, peopleTable, roleColumn, pane.tables]);

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
        <CreditColumnsFields
          pairs={pane.deals.moreCredits}
          headers={tableHeaders(pane.tables, pane.deals.table)}
          onAdd={() => dispatch({ type: "creditPairAdded" })}
          onChange={(index, patch) => dispatch({ type: "creditPairChanged", index, patch })}
          onRemove={(index) => dispatch({ type: "creditPairRemoved", index })}
        />
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
        <Body1>
          From the people table&apos;s quota per period column, from the Quotas sheet the Quotas tool wrote (by person
          id), or one annual quota per role.
        </Body1>
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
      {PLAN_SECTIONS.map(([plan, heading]) => (
        <PlanSection key={plan} plan={plan} heading={heading} pane={pane} dispatch={dispatch} />
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

interface RoleBlockProps {
  readonly name: string;
  readonly plan: PlanKey;
  readonly index: number;
  readonly draft: RolePlanDraft;
  readonly rules: RulesDraft | undefined;
  readonly dispatch: React.Dispatch<BacktestPaneAction>;
  /** Why a role cannot be renamed to a name (see renameRoleProblem); the same function on every render. */
  readonly renameProblem: (from: string, to: string) => string | null;
}

/**
 * One role of one plan: its plan and its rules. Memoised: typing in one role re-renders that
 * role only (the reducer keeps the other roles' drafts as they were).
 */
const RoleBlock = React.memo(function RoleBlock({
  name,
  plan,
  index,
  draft,
  rules,
  dispatch,
  renameProblem,
}: RoleBlockProps) {
  return (
    <>
      <RolePlanFields
        plan={name}
        draft={draft}
        onChange={(patch) => dispatch({ type: "rolePlanChanged", plan, role: index, patch })}
        onRemove={() => dispatch({ type: "roleRemoved", plan, role: index })}
      />
      {plan === "current" && (
        <RoleRename
          role={draft.role}
          problem={(to) => renameProblem(draft.role, to)}
          onRename={(to) => dispatch({ type: "roleRenamed", from: draft.role, to })}
        />
      )}
      {rules && (
        <RulesFields
          plan={name}
          rules={rules}
          onChange={(patch) => dispatch({ type: "rulesChanged", plan, role: index, patch })}
        />
      )}
    </>
  );
});

interface PlanSectionProps {
  readonly plan: PlanKey;
  readonly heading: string;
  readonly pane: BacktestPaneState;
  readonly dispatch: React.Dispatch<BacktestPaneAction>;
}

/**
 * One plan's roles: each role's plan (curve, target incentive, stages, proration) and rules
 * (draw, clawback, pay timing, splits), a role of the people table to add, and for the proposed
 * plan the button that copies the current one.
 */
function PlanSection({ plan, heading, pane, dispatch }: PlanSectionProps): React.JSX.Element {
  const styles = useCommonStyles();
  const name = pane.base[plan].name;
  const addable = rolesToAdd(pane, plan);
  const [adding, setAdding] = React.useState("");
  // Read through a ref, so that the memoised role blocks get one function and re-render only when typed in.
  const latest = React.useRef(pane);
  latest.current = pane;
  const renameProblem = React.useCallback(
    (from: string, to: string) => renameRoleProblem(latest.current, from, to),
    [],
  );
  const chosen = addable.includes(adding) ? adding : (addable[0] ?? "");
  return (
    <>
      <Subtitle2 as="h3">{`${name} plan`}</Subtitle2>
      <Body1>{heading}</Body1>
      {plan === "proposed" && (
        <div>
          <Button size="small" onClick={() => dispatch({ type: "copyCurrent" })}>
            Copy current plan to proposed
          </Button>
        </div>
      )}
      {pane.plans[plan].map((d, i) => (
        <RoleBlock
          key={`${plan}-${d.role}`}
          name={name}
          plan={plan}
          index={i}
          draft={d}
          rules={pane.rules[plan][i]}
          dispatch={dispatch}
          renameProblem={renameProblem}
        />
      ))}
      {addable.length > 0 && (
        <div className={styles.row}>
          <Field label={`Role to add to ${name}`} size="small">
            <Select size="small" value={chosen} onChange={(_, d) => setAdding(d.value)}>
              {addable.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </Select>
          </Field>
          <Button size="small" onClick={() => dispatch({ type: "roleAdded", plan, role: chosen })}>
            {`Add role to ${name}`}
          </Button>
        </div>
      )}
    </>
  );
}
