import * as React from "react";
import { Body1, Button, Field, Input, Select, Subtitle2 } from "@fluentui/react-components";
import { STRUCTURE_KINDS } from "../../../core/unitEconomics";
import { WorkbookHost } from "../../../workbook/host";
import {
  CHANNEL_FIELDS,
  initialUnitEconomicsPane,
  StructureChoice,
  UnitEconomicsContext,
  unitEconomicsPaneReducer,
} from "../../../wizard/unitEconomics/unitEconomicsPane";
import { unitEconomicsStep } from "../../../wizard/unitEconomics/runUnitEconomicsStep";
import { readStepSettings } from "../../../wizard/stepRun";
import { RunPanel } from "../common/RunPanel";
import { useCommonStyles } from "../common/useCommonStyles.styles";
import { useStepRun } from "../common/useStepRun";

/** Props of {@link UnitEconomics}. */
export interface UnitEconomicsProps {
  readonly host: WorkbookHost;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The Unit economics tool: per acquisition channel the funnel, CAC, payback and LTV/CAC, and the
 * team each sales structure needs and what it costs, written to the "Unit Economics" sheet. The
 * state and its rules live in src/wizard/unitEconomics (unitEconomicsPane); this renders them.
 */
export function UnitEconomics({ host }: UnitEconomicsProps): React.JSX.Element {
  const styles = useCommonStyles();
  const [pane, dispatch] = React.useReducer(unitEconomicsPaneReducer, undefined, initialUnitEconomicsPane);
  const runs = useStepRun(host);
  React.useEffect(() => {
    let live = true;
    // The last run's settings, when the workbook has them; a read failure leaves the defaults.
    void readStepSettings(unitEconomicsStep, host).then(
      (stored) => live && dispatch({ type: "loaded", stored }),
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
              <Field label="Channel" size="small">
                <Input
                  size="small"
                  value={c.name}
                  onChange={(_, d) => dispatch({ type: "channelChanged", channel: ci, patch: { name: d.value } })}
                />
              </Field>
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
