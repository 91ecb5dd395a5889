import * as React from "react";
import { Field, Input, InputProps } from "@fluentui/react-components";

/** Props of {@link TextField}. */
export interface TextFieldProps {
  /** The field's label (its accessible name). */
  readonly label: string;
  /** The text as typed (numbers stay text until the form reads them). */
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Shown while the field is blank, e.g. what a blank means. */
  readonly placeholder?: string;
  /** A hint under the field. */
  readonly hint?: string;
  /** The input's type, when not plain text. */
  readonly type?: InputProps["type"];
}

/** A small labelled text input, as every tool's form uses them: the pane's one field row. */
export function TextField({ label, value, onChange, placeholder, hint, type }: TextFieldProps): React.JSX.Element {
  return (
    <Field label={label} size="small" hint={hint}>
      <Input size="small" type={type} value={value} placeholder={placeholder} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}
