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
}

/**
 * A small select of a table's column headers. A value that is not among them (a column renamed
 * since, or a table not loaded yet) stays listed, so nothing the user chose disappears silently.
 */
export function HeaderSelect({ label, value, headers, onChange }: HeaderSelectProps): React.JSX.Element {
  return (
    <Field label={label} size="small">
      <Select size="small" value={value} onChange={(_, d) => onChange(d.value)}>
        {!headers.includes(value) && <option value={value}>{value || "(choose)"}</option>}
        {headers.map((h) => (
          <option key={h}>{h}</option>
        ))}
      </Select>
    </Field>
  );
}
