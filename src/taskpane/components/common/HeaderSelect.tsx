import * as React from "react";
import { Field, Select } from "@fluentui/react-components";

/** Props of {@link HeaderSelect}. */
export interface HeaderSelectProps {
  readonly label: string;
  /** The chosen header ("" for none yet). */
  readonly value: string;
  /** The table's headers to choose from. */
  readonly headers: readonly string[];
  readonly onChange: (header: string) => void;
  /** An optional column: "(none)" is offered first and chooses "". */
  readonly optional?: boolean;
}

/**
 * A small select of a table's column headers. A value that is not among them (a column renamed
 * since, or a table not loaded yet) stays listed, so nothing the user chose disappears silently.
 * An optional column can be left out with "(none)".
 */
export function HeaderSelect({
  label,
  value,
  headers,
  onChange,
  optional = false,
}: HeaderSelectProps): React.JSX.Element {
  return (
    <Field label={label} size="small">
      <Select size="small" value={value} onChange={(_, d) => onChange(d.value)}>
        {optional && <option value="">(none)</option>}
        {!headers.includes(value) && !(optional && value === "") && (
          <option value={value}>{value || "(choose)"}</option>
        )}
        {headers.map((h) => (
          <option key={h}>{h}</option>
        ))}
      </Select>
    </Field>
  );
}
