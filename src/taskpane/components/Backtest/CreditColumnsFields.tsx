import * as React from "react";
import { Button, Field, Input } from "@fluentui/react-components";
import { CreditPairDraft } from "../../../wizard/backtest/backtestPane";
import { HeaderSelect } from "../common/HeaderSelect";
import { useCommonStyles } from "../common/useCommonStyles.styles";

/** Props of {@link CreditColumnsFields}. */
export interface CreditColumnsFieldsProps {
  /** The credit columns after the SDR's (credit column 2 on). */
  readonly pairs: readonly CreditPairDraft[];
  /** The deals table's headers, to choose from. */
  readonly headers: readonly string[];
  /** Adds an empty credit column after the others. */
  readonly onAdd: () => void;
  /** Changes the credit column at `index` (0 is credit column 2). */
  readonly onChange: (index: number, patch: Partial<CreditPairDraft>) => void;
  /** Removes the credit column at `index`. */
  readonly onRemove: (index: number) => void;
}

/**
 * Further people credited in columns of the deals table (a CSR's, say), after the SDR's: each
 * with its person column, share column and share when blank, added and removed here.
 */
export function CreditColumnsFields({
  pairs,
  headers,
  onAdd,
  onChange,
  onRemove,
}: CreditColumnsFieldsProps): React.JSX.Element {
  const styles = useCommonStyles();
  return (
    <>
      {pairs.map((c, i) => {
        const n = i + 2;
        return (
          <div key={i} role="group" aria-label={`Credit column ${n}`} className={styles.mapping}>
            <HeaderSelect
              label={`Credit column ${n}: person column`}
              value={c.person}
              headers={headers}
              onChange={(person) => onChange(i, { person })}
            />
            <HeaderSelect
              label={`Credit column ${n}: share column (optional)`}
              value={c.share}
              headers={headers}
              optional
              onChange={(share) => onChange(i, { share })}
            />
            <Field label={`Credit column ${n}: share when blank (optional)`} size="small" hint="blank: 100%">
              <Input size="small" value={c.defaultShare} onChange={(_, d) => onChange(i, { defaultShare: d.value })} />
            </Field>
            <Button size="small" onClick={() => onRemove(i)}>
              Remove credit column {n}
            </Button>
          </div>
        );
      })}
      <Button size="small" onClick={onAdd}>
        Add a credit column (e.g. CSR)
      </Button>
    </>
  );
}
