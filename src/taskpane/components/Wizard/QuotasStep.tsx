import * as React from "react";
import { Checkbox, Field, Input, Radio, RadioGroup, Select, Subtitle2 } from "@fluentui/react-components";
import { QuotaForm, quotaIssues } from "../../../wizard/quotas/quotaForm";
import { HeaderSelect } from "../common/HeaderSelect";
import { RunPanel } from "../common/RunPanel";
import { useWizardStyles } from "./useWizardStyles.styles";
import type { StepPanelProps } from "./wizardSteps";

/** A number input showing a fraction as a percentage (0.65 shows as 65). */
function PercentField({
  label,
  value,
  onChange,
  hint,
}: {
  label: string;
  value: number;
  onChange: (v: number) => void;
  hint?: string;
}) {
  return (
    <Field label={label} hint={hint}>
      <Input
        type="number"
        value={String(Math.round(value * 1000) / 10)}
        contentAfter="%"
        onChange={(_, d) => onChange(Number(d.value) / 100)}
      />
    </Field>
  );
}

/** The quota step: where potential and history come from, the target and the model, run. */
export function QuotasStep({ state, dispatch, run, cancel }: StepPanelProps): React.JSX.Element {
  const styles = useWizardStyles();
  const q = state.quota;
  const set = (patch: Partial<QuotaForm>) => dispatch({ type: "quotaFormChanged", patch });
  const potentialTable = state.tables.find((t) => t.name === q.potentialTable);
  const historyTable = state.tables.find((t) => t.name === q.historyTable);
  const issues = quotaIssues(q, state.tables);
  const chosenHistory = new Set(q.historyColumns);

  return (
    <section className={styles.step} aria-labelledby="quotas-heading">
      <Subtitle2 as="h2" id="quotas-heading">
        Elastic quotas
      </Subtitle2>
      <Field
        label="Potential per rep, from"
        hint="The Territories step's summary, or any table with a rep and a potential column."
      >
        <Select
          value={q.potentialTable ?? ""}
          onChange={(_, d) => dispatch({ type: "quotaPotentialTableChosen", table: d.value || null })}
        >
          <option value="">Choose a table...</option>
          {state.tables.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      {potentialTable && (
        <div className={styles.mapping}>
          <HeaderSelect
            label="Rep column"
            value={q.potentialId}
            headers={potentialTable.headers}
            onChange={(v) => set({ potentialId: v })}
          />
          <HeaderSelect
            label="Potential column"
            value={q.potentialColumn}
            headers={potentialTable.headers}
            onChange={(v) => set({ potentialColumn: v })}
          />
        </div>
      )}
      <Field
        label="History (prior periods' bookings), from"
        hint="Joined to the reps by the rep column; reps without history are forecast on potential."
      >
        <Select
          value={q.historyTable ?? ""}
          onChange={(_, d) => dispatch({ type: "quotaHistoryTableChosen", table: d.value || null })}
        >
          <option value="">No history</option>
          {state.tables.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      {historyTable && (
        <>
          <HeaderSelect
            label="Rep column of the history table"
            value={q.historyId}
            headers={historyTable.headers}
            onChange={(v) => set({ historyId: v })}
          />
          <Field label="History columns (one per period)">
            <div className={styles.roles}>
              {historyTable.headers.map((h) => (
                <Checkbox
                  key={h}
                  label={h}
                  checked={chosenHistory.has(h)}
                  onChange={(_, d) =>
                    set({
                      historyColumns: historyTable.headers.filter((x) =>
                        x === h ? d.checked === true : chosenHistory.has(x),
                      ),
                    })
                  }
                />
              ))}
            </div>
          </Field>
        </>
      )}
      <div className={styles.mapping}>
        <Field label="Company target for the period" required>
          <Input
            type="number"
            value={q.companyTarget === null ? "" : String(q.companyTarget)}
            onChange={(_, d) => set({ companyTarget: d.value === "" ? null : Number(d.value) })}
          />
        </Field>
        <Field label="Period">
          <Select value={q.period} onChange={(_, d) => set({ period: d.value as QuotaForm["period"] })}>
            <option value="month">Month (SDR lead quotas)</option>
            <option value="quarter">Quarter</option>
            <option value="year">Year</option>
          </Select>
        </Field>
        <PercentField
          label="Reps reaching quota (target)"
          hint="60-70% is healthy"
          value={q.targetShare}
          onChange={(v) => set({ targetShare: v })}
        />
        <PercentField
          label="Wanted over-assignment"
          value={q.overAssignment}
          onChange={(v) => set({ overAssignment: v })}
        />
        <PercentField
          label="Weight of history in the forecast"
          value={q.historyWeight}
          onChange={(v) => set({ historyWeight: v })}
        />
        <Field label="Spread sigma (used without history)">
          <Input
            type="number"
            step={0.01}
            value={String(q.sigma)}
            onChange={(_, d) => set({ sigma: Number(d.value) })}
          />
        </Field>
        <Field label="Round quotas to">
          <Select value={String(q.rounding)} onChange={(_, d) => set({ rounding: Number(d.value) })}>
            {[1, 100, 1000, 10000].map((r) => (
              <option key={r} value={String(r)}>
                {r.toLocaleString("en-US")}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Simulated periods">
          <Input type="number" value={String(q.draws)} onChange={(_, d) => set({ draws: Number(d.value) })} />
        </Field>
      </div>
      <Field label="Method">
        <RadioGroup value={q.method} onChange={(_, d) => set({ method: d.value as QuotaForm["method"] })}>
          <Radio value="equal-stretch" label="Equal stretch: one factor for everyone (Q = k x forecast)" />
          <Radio value="equal-probability" label="Equal probability: each rep's own spread, the same chance for all" />
        </RadioGroup>
      </Field>
      <Field label="When the target share needs less quota than target plus over-assignment">
        <RadioGroup value={q.keep} onChange={(_, d) => set({ keep: d.value as QuotaForm["keep"] })}>
          <Radio value="share" label="Keep the share of reps reaching quota, and show the gap" />
          <Radio value="total" label="Keep the total, and show the share it implies" />
        </RadioGroup>
      </Field>
      <Field
        label="Write to sheet"
        hint="A sheet Comp Planner created; a sheet of yours with this name is never overwritten."
      >
        <Input value={q.sheet} onChange={(_, d) => set({ sheet: d.value })} />
      </Field>
      <RunPanel
        run={state.runs.quotas}
        issues={issues}
        action="Set quotas and write"
        progressName="Quota simulation progress"
        onRun={run}
        onCancel={cancel}
      />
    </section>
  );
}
