import * as React from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Switch,
} from "@fluentui/react-components";
import { rolesIn } from "../../../wizard/territories/repsFromTable";
import { territoryIssues, TerritoryOptionsPatch } from "../../../wizard/wizardState";
import { RunPanel } from "../common/RunPanel";
import { useWizardStyles } from "./useWizardStyles.styles";
import type { StepPanelProps } from "./wizardSteps";

const REP_FIELDS = [
  { field: "id", label: "Rep (matches the accounts' owners)" },
  { field: "capacity", label: "Capacity (1 = full share; blank = 1)" },
  { field: "role", label: "Role" },
] as const;

/** The territory step: how many territories (or which reps), what to balance, constraints, run. */
export function TerritoriesStep({ state, dispatch, data, run, cancel }: StepPanelProps): React.JSX.Element {
  const styles = useWizardStyles();
  const { loadReps } = data;
  const t = state.territory;
  const set = (options: TerritoryOptionsPatch) => dispatch({ type: "territoryOptionsChanged", options });
  const issues = territoryIssues(state);
  const roles = state.repsData ? rolesIn(state.repsData, t.repColumns) : [];
  const chosenRoles = new Set(t.roles ?? roles);
  const hasCoordinates = state.mapping?.latitude !== null && state.mapping?.longitude !== null;

  return (
    <section className={styles.step} aria-labelledby="territories-heading">
      <Subtitle2 as="h2" id="territories-heading">
        Territories
      </Subtitle2>
      <Field label="Split into">
        <RadioGroup value={t.seatsKind} onChange={(_, d) => set({ seatsKind: d.value as "count" | "reps" })}>
          <Radio value="count" label="A number of equal territories" />
          <Radio value="reps" label="The reps in a table (with capacity, e.g. 0.5 for a rep ramping)" />
        </RadioGroup>
      </Field>
      {t.seatsKind === "count" ? (
        <Field label="Number of territories">
          <Input type="number" min={1} value={String(t.count)} onChange={(_, d) => set({ count: Number(d.value) })} />
        </Field>
      ) : (
        <>
          <div className={styles.row}>
            <Field label="Reps table" className={styles.grow}>
              <Select value={t.repsTable ?? ""} onChange={(_, d) => set({ repsTable: d.value || null })}>
                <option value="">Choose a table...</option>
                {state.tables.map((tb) => (
                  <option key={tb.name} value={tb.name}>
                    {tb.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Button disabled={!t.repsTable} onClick={() => t.repsTable && loadReps(t.repsTable)}>
              Reload reps
            </Button>
          </div>
          {state.repsError && (
            <MessageBar intent="error">
              <MessageBarBody>{state.repsError}</MessageBarBody>
            </MessageBar>
          )}
          {t.repColumnsNotice && (
            <MessageBar intent="warning">
              <MessageBarBody>{t.repColumnsNotice}</MessageBarBody>
            </MessageBar>
          )}
          {state.repsData && (
            <>
              {REP_FIELDS.map((f) => (
                <Field key={f.field} label={f.label} size="small">
                  <Select
                    size="small"
                    value={t.repColumns[f.field] === null ? "" : String(t.repColumns[f.field])}
                    onChange={(_, d) =>
                      dispatch({
                        type: "repColumnChanged",
                        field: f.field,
                        column: d.value === "" ? null : Number(d.value),
                      })
                    }
                  >
                    <option value="">(none)</option>
                    {state.repsData!.headers.map((h, i) => (
                      <option key={i} value={String(i)}>
                        {h}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
              {roles.length > 0 && (
                <Field label="Roles that get territories">
                  <div className={styles.roles}>
                    {roles.map((r) => (
                      <Checkbox
                        key={r}
                        label={r}
                        checked={chosenRoles.has(r)}
                        onChange={(_, d) => dispatch({ type: "roleToggled", role: r, on: d.checked === true })}
                      />
                    ))}
                  </div>
                </Field>
              )}
            </>
          )}
        </>
      )}
      <Field label="Balance on">
        <RadioGroup
          value={t.balanceOn}
          onChange={(_, d) => set({ balanceOn: d.value as "potential" | "potential+workload" })}
        >
          <Radio value="potential" label="Potential" />
          <Radio value="potential+workload" label="Potential and workload together" />
        </RadioGroup>
      </Field>
      <Field label="Keep groups pure (each territory inside one group)">
        <Select value={t.groupBy} onChange={(_, d) => set({ groupBy: d.value as "none" | "group" | "region" })}>
          <option value="none">No</option>
          <option value="group">By segment</option>
          <option value="region">By region</option>
        </Select>
      </Field>
      <Switch
        label="Honour pinned (named) accounts"
        checked={t.honourPins}
        onChange={(_, d) => set({ honourPins: d.checked })}
      />
      <Switch
        label="Keep accounts with their current owner unless balance needs a move"
        checked={t.minimiseDisruption}
        onChange={(_, d) => set({ minimiseDisruption: d.checked })}
      />
      <Switch
        label={
          hasCoordinates
            ? "Prefer compact territories (uses latitude and longitude)"
            : "Prefer compact territories (map latitude and longitude in the Data step)"
        }
        checked={t.compact}
        disabled={!hasCoordinates}
        onChange={(_, d) => set({ compact: d.checked })}
      />
      <Field
        label="Write to sheet"
        hint="A sheet Comp Planner created; a sheet of yours with this name is never overwritten."
      >
        <Input value={t.sheet} onChange={(_, d) => set({ sheet: d.value })} />
      </Field>
      <RunPanel
        run={state.runs.territories}
        issues={issues}
        action="Split and write"
        progressName="Territory split progress"
        onRun={run}
        onCancel={cancel}
      />
    </section>
  );
}
