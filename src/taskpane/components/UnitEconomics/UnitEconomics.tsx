import * as React from "react";
import { Body1, Button, Field, Input, Select, Subtitle2 } from "@fluentui/react-components";
import { TextField } from "../common/TextField";
import { STRUCTURE_KINDS } from "../../../core/unitEconomics";
import { WorkbookHost } from "../../../workbook/host";
import { ACTIVITIES_FIELDS, DEALS_FIELDS } from "../../../wizard/unitEconomics/factsForm";
import {
  CHANNEL_FIELDS,
  headersOf,
  initialUnitEconomicsPane,
  StructureChoice,
  UnitEconomicsContext,
  unitEconomicsPaneReducer,
} from "../../../wizard/unitEconomics/unitEconomicsPane";
import { unitEconomicsStep } from "../../../wizard/unitEconomics/runUnitEconomicsStep";
import { readStepSettings } from "../../../wizard/stepRun";
import { HeaderSelect } from "../common/HeaderSelect";
import { RunPanel } from "../common/RunPanel";
import { useCommonStyles } from "../common/useCommonStyles.styles";
import { useStepRun } from "../common/useStepRun";
import { useTablesChanged, withTablesChanged } from "../common/useTablesChanged";

/** Props of {@link UnitEconomics}. */
export interface UnitEconomicsProps {
  readonly host: WorkbookHost;
}

/** The pane's reducer, whose table lists also follow the workbook. */
const reducer = withTablesChanged(unitEconomicsPaneReducer);

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The Unit economics tool: per acquisition channel the funnel, CAC, payback and LTV/CAC, and the
 * team each sales structure needs and what it costs, written to the "Unit Economics" sheet. The
 * state and its rules live in src/wizard/unitEconomics (unitEconomicsPane); this renders them.
 */
export function UnitEconomics({ host }: UnitEconomicsProps): React.JSX.Element {
  const styles = useCommonStyles();
  const [pane, dispatch] = React.useReducer(reducer, undefined, initialUnitEconomicsPane);
  const runs = useStepRun(host);
  useTablesChanged(host, (tables) => dispatch({ type: "tablesChanged", tables }));
  React.useEffect(() => {
    let live = true;
    // The workbook's tables and the last run's settings; a read failure leaves the defaults.
    void Promise.all([host.listTables(), readStepSettings(unitEconomicsStep, host)]).then(
      ([tables, stored]) => live && dispatch({ type: "loaded", stored, tables }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);

  const ctx: UnitEconomicsContext = { pane };
  const onRun = () => {
    const settings = unitEconomicsStep.settingsFrom(ctx);
    if (settings) runs.start(unitEconomicsStep, settings, { onEvent: (event) => dispatch({ type: "run", event }) });
  };

  const { facts } = pane;
  const fromTables = facts.dealsTable !== "";
  const tableSelect = (label: string, value: string, none: string, onChange: (v: string) => void) => (
    <Field label={label} size="small">
      <Select size="small" value={value} onChange={(_, d) => onChange(d.value)}>
        <option value="">{none}</option>
        {value !== "" && !pane.tables.some((t) => t.name === value) && <option value={value}>{value}</option>}
        {pane.tables.map((t) => (
          <option key={t.name}>{t.name}</option>
        ))}
      </Select>
    </Field>
  );

  return (
    <section className={styles.step} aria-labelledby="unit-economics-heading">
      <Subtitle2 as="h2" id="unit-economics-heading">
        Unit economics
      </Subtitle2>
      <Body1>
        Per acquisition channel: the funnel, CAC with the sales team&apos;s pay in it, payback and LTV/CAC; and the team
        each structure needs and what it costs. Pay comes from the OTE scenarios&apos; chosen plan when that sheet
        exists. Rates, margin and churn as 0.25 or 25%.
      </Body1>
      {pane.channels.map((c, ci) => {
        const who = c.name || `Channel ${ci + 1}`;
        return (
          <fieldset key={ci} className={styles.fieldset}>
            <legend>{who}</legend>
            <div className={styles.mapping}>
              <TextField
                label="Channel"
                value={c.name}
                onChange={(value) => dispatch({ type: "channelChanged", channel: ci, patch: { name: value } })}
              />
              {fromTables && (
                <Field
                  label="Its text in the channel column"
                  size="small"
                  hint={c.factValue ? undefined : `"${c.name}"`}
                >
                  <Input
                    size="small"
                    value={c.factValue}
                    placeholder={c.name}
                    onChange={(_, d) =>
                      dispatch({ type: "channelChanged", channel: ci, patch: { factValue: d.value } })
                    }
                  />
                </Field>
              )}
              {CHANNEL_FIELDS.map(([field, label]) => (
                <Field key={field} label={capitalised(label)} size="small">
                  <Input
                    size="small"
                    value={c[field]}
                    onChange={(_, d) => dispatch({ type: "channelChanged", channel: ci, patch: { [field]: d.value } })}
                  />
                </Field>
              ))}
            </div>
            <Button size="small" onClick={() => dispatch({ type: "channelRemoved", channel: ci })}>
              Remove {who}
            </Button>
          </fieldset>
        );
      })}
      <Button onClick={() => dispatch({ type: "channelAdded" })}>Add a channel</Button>
      <fieldset className={styles.fieldset}>
        <legend>Facts from the CRM</legend>
        <Body1>
          Plan vs fact per channel: meetings, won and new revenue from a Deals table (qualified and meetings from an
          Activities table, if you have one), per month over the period, as live formulas.
        </Body1>
        <div className={styles.mapping}>
          {tableSelect("Deals table", facts.dealsTable, "(none: type the facts on the sheet)", (table) =>
            dispatch({ type: "dealsTableChanged", table }),
          )}
          {fromTables &&
            DEALS_FIELDS.map(([field, label]) => (
              <HeaderSelect
                key={field}
                label={label}
                value={facts.deals[field]}
                headers={headersOf(pane.tables, facts.dealsTable)}
                optional={field === "type"}
                onChange={(v) => dispatch({ type: "dealsChanged", patch: { [field]: v } })}
              />
            ))}
          {fromTables && (
            <>
              <Field label="First month (yyyy-mm)" size="small">
                <Input
                  size="small"
                  value={facts.firstMonth}
                  placeholder="2026-01"
                  onChange={(_, d) => dispatch({ type: "periodChanged", patch: { firstMonth: d.value } })}
                />
              </Field>
              <Field label="Last month (yyyy-mm)" size="small">
                <Input
                  size="small"
                  value={facts.lastMonth}
                  placeholder="2026-03"
                  onChange={(_, d) => dispatch({ type: "periodChanged", patch: { lastMonth: d.value } })}
                />
              </Field>
              {tableSelect("Activities table", facts.activitiesTable, "(none)", (table) =>
                dispatch({ type: "activitiesTableChanged", table }),
              )}
            </>
          )}
          {fromTables &&
            facts.activitiesTable !== "" &&
            ACTIVITIES_FIELDS.map(([field, label]) => (
              <HeaderSelect
                key={field}
                label={`Activities: ${label.toLowerCase()}`}
                value={facts.activities[field]}
                headers={headersOf(pane.tables, facts.activitiesTable)}
                onChange={(v) => dispatch({ type: "activitiesChanged", patch: { [field]: v } })}
              />
            ))}
          {fromTables && facts.activitiesTable !== "" && (
            <>
              <TextField
                label="Activity type of a qualified lead"
                value={facts.activities.qualifiedType}
                onChange={(value) => dispatch({ type: "activitiesChanged", patch: { qualifiedType: value } })}
              />
              <TextField
                label="Activity type of a meeting"
                value={facts.activities.meetingType}
                onChange={(value) => dispatch({ type: "activitiesChanged", patch: { meetingType: value } })}
              />
            </>
          )}
        </div>
      </fieldset>
      <Field label="Structure to cost" size="small">
        <Select
          size="small"
          value={pane.structure}
          onChange={(_, d) => dispatch({ type: "structureChanged", structure: d.value as StructureChoice })}
        >
          <option value="All">All three side by side</option>
          {STRUCTURE_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </Select>
      </Field>
      <RunPanel
        run={pane.run}
        issues={unitEconomicsStep.issues(ctx)}
        action="Write Unit Economics"
        progressName="Unit economics progress"
        onRun={onRun}
        onCancel={() => runs.cancel(unitEconomicsStep.id)}
      />
    </section>
  );
}
