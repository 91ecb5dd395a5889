import * as React from "react";
import { Button } from "@fluentui/react-components";
import { PAYOUT_MODES, PayoutMode } from "../../../core/tiers";
import { RolePlanDraft } from "../../../wizard/backtest/backtestRolePlans";
import { useCommonStyles } from "../common/useCommonStyles.styles";
import { Choice, Text } from "./RulesFields";

/** Props of {@link RolePlanFields}. */
export interface RolePlanFieldsProps {
  /** The plan's name, in every label ("Current AE tiers"), so each field's name is unique. */
  readonly plan: string;
  readonly draft: RolePlanDraft;
  readonly onChange: (patch: Partial<Omit<RolePlanDraft, "role">>) => void;
  readonly onRemove: () => void;
}

const MODES: readonly (readonly [PayoutMode, string])[] = PAYOUT_MODES.map((m) => [
  m,
  m === "MARGINAL" ? "Marginal" : "Retro",
]);
const CURVE_ON: readonly (readonly [RolePlanDraft["curveOn"], string])[] = [
  ["ATTAINMENT", "Attainment"],
  ["AMOUNT", "Amount"],
];
const ATTAINMENT: readonly (readonly [RolePlanDraft["attainment"], string])[] = [
  ["RUNNING", "Year to date"],
  ["RESET", "Per period"],
];
const PRORATION: readonly (readonly [RolePlanDraft["proration"], string])[] = [
  ["DAYS", "By days"],
  ["MONTHS", "By months"],
  ["NONE", "None"],
];

/**
 * One role's plan in one plan: its curve (tiers as lower bound:rate, mode, threshold, cap, what
 * it reads and whether attainment runs or resets), target incentive, the stages that count and
 * proration for joiners and leavers; and a button removing the role from the plan.
 */
export function RolePlanFields({ plan, draft: d, onChange, onRemove }: RolePlanFieldsProps): React.JSX.Element {
  const styles = useCommonStyles();
  const who = `${plan} ${d.role}`;
  return (
    <fieldset className={styles.fieldset}>
      <legend>{`${who} plan`}</legend>
      <Text label={`${who} tiers (lower:rate)`} value={d.tiers} onChange={(tiers) => onChange({ tiers })} />
      <div className={styles.mapping}>
        <Choice label={`${who} mode`} value={d.mode} options={MODES} onChange={(mode) => onChange({ mode })} />
        <Text label={`${who} threshold`} value={d.threshold} onChange={(threshold) => onChange({ threshold })} />
        <Text label={`${who} cap`} value={d.cap} onChange={(cap) => onChange({ cap })} />
        <Text
          label={`${who} target incentive`}
          value={d.targetIncentive}
          onChange={(targetIncentive) => onChange({ targetIncentive })}
        />
        <Choice
          label={`${who} curve reads`}
          value={d.curveOn}
          options={CURVE_ON}
          onChange={(curveOn) => onChange({ curveOn })}
        />
        <Choice
          label={`${who} attainment`}
          value={d.attainment}
          options={ATTAINMENT}
          onChange={(attainment) => onChange({ attainment })}
        />
        <Text
          label={`${who} stages that count`}
          value={d.stages}
          hint="Comma-separated; blank: all"
          onChange={(stages) => onChange({ stages })}
        />
        <Choice
          label={`${who} proration`}
          value={d.proration}
          options={PRORATION}
          onChange={(proration) => onChange({ proration })}
        />
      </div>
      <div>
        <Button size="small" onClick={onRemove}>{`Remove ${d.role} from ${plan}`}</Button>
      </div>
    </fieldset>
  );
}
