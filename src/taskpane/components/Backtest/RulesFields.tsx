import * as React from "react";
import { Field, Input, Select } from "@fluentui/react-components";
import { ClawbackKind, DrawKind, PayTimingKind, RulesDraft } from "../../../wizard/backtest/backtestRules";
import { useCommonStyles } from "../common/useCommonStyles.styles";

/** Props of {@link RulesFields}. */
export interface RulesFieldsProps {
  /** The plan's name, in every label ("Current AE draw"), so each field's name is unique. */
  readonly plan: string;
  readonly rules: RulesDraft;
  readonly onChange: (patch: Partial<Omit<RulesDraft, "role">>) => void;
}

const DRAWS: readonly (readonly [DrawKind, string])[] = [
  ["RECOVERABLE", "Recoverable"],
  ["GUARANTEE", "Guarantee (not recovered)"],
];
const CLAWBACKS: readonly (readonly [ClawbackKind, string])[] = [
  ["NONE", "None"],
  ["PRORATED", "Prorated"],
  ["FULL", "Full"],
  ["SHARE", "A share"],
];
const TIMINGS: readonly (readonly [PayTimingKind, string])[] = [
  ["BOOKING", "On booking"],
  ["PAYMENT", "On payment date"],
  ["HOLDBACK", "Holdback"],
];

/** A choice among fixed options, by value. */
export function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (v: T) => void;
}): React.JSX.Element {
  return (
    <Field label={props.label} size="small">
      <Select
        size="small"
        value={props.value}
        onChange={(_, d) => props.onChange(props.options.find(([v]) => v === d.value)?.[0] ?? props.value)}
      >
        {props.options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** A small text field. */
export function Text(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  hint?: string;
}): React.JSX.Element {
  return (
    <Field label={props.label} size="small" hint={props.hint}>
      <Input size="small" value={props.value} onChange={(_, d) => props.onChange(d.value)} />
    </Field>
  );
}

/**
 * One role's draw, clawback, pay timing and splits in one plan. The fields a choice does not use
 * (a clawback share without "A share", holdback figures without "Holdback") are hidden.
 */
export function RulesFields({ plan, rules: r, onChange }: RulesFieldsProps): React.JSX.Element {
  const styles = useCommonStyles();
  const who = `${plan} ${r.role}`;
  return (
    <fieldset className={styles.fieldset}>
      <legend>{who}</legend>
      <div className={styles.mapping}>
        <Choice label={`${who} draw`} value={r.draw} options={DRAWS} onChange={(draw) => onChange({ draw })} />
        <Text
          label={`${who} draw per period`}
          value={r.drawAmount}
          onChange={(drawAmount) => onChange({ drawAmount })}
        />
        {r.draw === "RECOVERABLE" && (
          <Text
            label={`${who} draw recovery limit`}
            value={r.recoveryLimit}
            onChange={(recoveryLimit) => onChange({ recoveryLimit })}
          />
        )}
        <Choice
          label={`${who} clawback`}
          value={r.clawback}
          options={CLAWBACKS}
          onChange={(clawback) => onChange({ clawback })}
        />
        {r.clawback === "SHARE" && (
          <Text
            label={`${who} clawback share`}
            value={r.clawbackShare}
            onChange={(clawbackShare) => onChange({ clawbackShare })}
          />
        )}
        {r.clawback !== "NONE" && (
          <>
            <Text
              label={`${who} clawback window (months)`}
              value={r.windowMonths}
              onChange={(windowMonths) => onChange({ windowMonths })}
            />
            <Text
              label={`${who} contract term (months)`}
              value={r.termMonths}
              onChange={(termMonths) => onChange({ termMonths })}
            />
          </>
        )}
        <Choice
          label={`${who} pay timing`}
          value={r.payTiming}
          options={TIMINGS}
          onChange={(payTiming) => onChange({ payTiming })}
        />
        {r.payTiming === "HOLDBACK" && (
          <>
            <Text
              label={`${who} holdback share`}
              value={r.holdbackShare}
              onChange={(holdbackShare) => onChange({ holdbackShare })}
            />
            <Text
              label={`${who} holdback release (months)`}
              value={r.holdbackMonths}
              onChange={(holdbackMonths) => onChange({ holdbackMonths })}
            />
          </>
        )}
        <Choice
          label={`${who} splits`}
          value={r.splits}
          options={[
            ["EXACT", "Exactly 100%"],
            ["ANY", "Overlay allowed"],
          ]}
          onChange={(splits) => onChange({ splits })}
        />
      </div>
    </fieldset>
  );
}
