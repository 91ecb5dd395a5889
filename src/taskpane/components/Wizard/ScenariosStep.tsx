import * as React from "react";
import { Body1, Button, Field, Input, Select, Subtitle2, Switch } from "@fluentui/react-components";
import { TextField } from "../common/TextField";
import { quotasAvailable } from "../../../wizard/scenarios/scenarioForm";
import { scenarioStep } from "../../../wizard/scenarios/runScenarioStep";
import { RunPanel } from "../common/RunPanel";
import { useWizardStyles } from "./useWizardStyles.styles";
import type { StepPanelProps } from "./wizardSteps";

/** A role's typed fields, in the order shown. */
const ROLE_FIELDS = [
  { field: "role", label: "Role" },
  { field: "headcount", label: "Headcount" },
  { field: "ote", label: "OTE per person" },
  { field: "quota", label: "Quota per person" },
] as const;

/** The OTE scenario step: roles with their candidate mixes, payout curves, the distribution, run. */
export function ScenariosStep({ state, dispatch, run, cancel }: StepPanelProps): React.JSX.Element {
  const styles = useWizardStyles();
  const f = state.scenario;
  const fromQuotas = quotasAvailable(state.tables, state.quota.sheet);
  const issues = scenarioStep.issues(state);
  return (
    <section className={styles.step} aria-labelledby="scenarios-heading">
      <Subtitle2 as="h2" id="scenarios-heading">
        OTE scenarios
      </Subtitle2>
      <Body1>
        Each role is compared under every mix and curve below; the sheet lets you pick one per role and edit any input.
      </Body1>
      {f.roles.map((r, i) => (
        <fieldset key={i} className={styles.fieldset}>
          <legend>{r.role.trim() || `Role ${i + 1}`}</legend>
          <div className={styles.mapping}>
            {ROLE_FIELDS.map(({ field, label }) => (
              <Field key={field} label={label} size="small">
                <Input
                  size="small"
                  value={r[field]}
                  onChange={(_, d) => dispatch({ type: "scenarioRoleChanged", index: i, patch: { [field]: d.value } })}
                />
              </Field>
            ))}
          </div>
          <TextField
            label="Pay mixes to compare (base/variable)"
            value={r.mixes}
            onChange={(value) => dispatch({ type: "scenarioRoleChanged", index: i, patch: { mixes: value } })}
          />
          <Button size="small" onClick={() => dispatch({ type: "scenarioRoleRemoved", index: i })}>
            Remove {r.role.trim() || `role ${i + 1}`}
          </Button>
        </fieldset>
      ))}
      <Button onClick={() => dispatch({ type: "scenarioRoleAdded" })}>Add a role</Button>
      {f.curves.map((c, i) => (
        <fieldset key={i} className={styles.fieldset}>
          <legend>Curve {c.name.trim() || i + 1}</legend>
          <div className={styles.mapping}>
            <TextField
              label="Name"
              value={c.name}
              onChange={(value) => dispatch({ type: "scenarioCurveChanged", index: i, patch: { name: value } })}
            />
            <Field label="Mode" size="small">
              <Select
                size="small"
                value={c.mode}
                onChange={(_, d) =>
                  dispatch({ type: "scenarioCurveChanged", index: i, patch: { mode: d.value as "MARGINAL" | "RETRO" } })
                }
              >
                <option value="MARGINAL">Marginal</option>
                <option value="RETRO">Retroactive</option>
              </Select>
            </Field>
            <TextField
              label="Threshold (blank: none)"
              value={c.threshold}
              onChange={(value) => dispatch({ type: "scenarioCurveChanged", index: i, patch: { threshold: value } })}
            />
            <TextField
              label="Cap, x TI (blank: none)"
              value={c.cap}
              onChange={(value) => dispatch({ type: "scenarioCurveChanged", index: i, patch: { cap: value } })}
            />
          </div>
          <Field label="Tiers (lower bound:rate)" size="small" hint="e.g. 0:1, 1:1.5 pays 1x up to 100% and 1.5x above">
            <Input
              size="small"
              value={c.tiers}
              onChange={(_, d) => dispatch({ type: "scenarioCurveChanged", index: i, patch: { tiers: d.value } })}
            />
          </Field>
          <Button size="small" onClick={() => dispatch({ type: "scenarioCurveRemoved", index: i })}>
            Remove curve {c.name.trim() || i + 1}
          </Button>
        </fieldset>
      ))}
      <Button onClick={() => dispatch({ type: "scenarioCurveAdded" })}>Add a curve</Button>
      <Switch
        label={
          fromQuotas
            ? "Use the attainment distribution simulated in the Quotas step"
            : "Use the Quotas step's distribution (run the Quotas step first)"
        }
        checked={f.useQuotas && fromQuotas}
        disabled={!fromQuotas}
        onChange={(_, d) => dispatch({ type: "scenarioFormChanged", patch: { useQuotas: d.checked } })}
      />
      {!(f.useQuotas && fromQuotas) && (
        <div className={styles.mapping}>
          <Field label="Reps reaching quota">
            <Input
              type="number"
              contentAfter="%"
              value={String(Math.round(f.share * 1000) / 10)}
              onChange={(_, d) => dispatch({ type: "scenarioFormChanged", patch: { share: Number(d.value) / 100 } })}
            />
          </Field>
          <Field label="Spread sigma">
            <Input
              type="number"
              step={0.01}
              value={String(f.sigma)}
              onChange={(_, d) => dispatch({ type: "scenarioFormChanged", patch: { sigma: Number(d.value) } })}
            />
          </Field>
        </div>
      )}
      <Field
        label="Write to sheet"
        hint="A sheet Comp Planner created; a sheet of yours with this name is never overwritten."
      >
        <Input
          value={f.sheet}
          onChange={(_, d) => dispatch({ type: "scenarioFormChanged", patch: { sheet: d.value } })}
        />
      </Field>
      <RunPanel
        run={state.runs.scenarios}
        issues={issues}
        action="Compare and write"
        progressName="Scenario comparison progress"
        onRun={run}
        onCancel={cancel}
      />
    </section>
  );
}
