import * as React from "react";
import { Button, Field, Input } from "@fluentui/react-components";
import { useCommonStyles } from "../common/useCommonStyles.styles";

/** Props of {@link RoleRename}. */
export interface RoleRenameProps {
  /** The role's name now. */
  readonly role: string;
  /** Why the role cannot take this name, or null when it can (see renameRoleProblem). */
  readonly problem: (to: string) => string | null;
  /** Renames the role (a name {@link RoleRenameProps.problem} accepts). */
  readonly onRename: (to: string) => void;
}

/**
 * Renames a role in both plans (its plan, rules and quota kept), for a people table that calls it
 * something else: the new name is typed, checked as it is typed, and applied with the button.
 */
export function RoleRename({ role, problem, onRename }: RoleRenameProps): React.JSX.Element {
  const styles = useCommonStyles();
  const [to, setTo] = React.useState("");
  // Checked again on a click: another role may have been added since the box last rendered.
  const [, recheck] = React.useReducer((n: number) => n + 1, 0);
  const why = to.trim() ? problem(to) : null;
  return (
    <div className={styles.row}>
      <Field
        label={`New name for ${role} (both plans)`}
        size="small"
        validationState={why ? "error" : "none"}
        validationMessage={why ?? undefined}
      >
        <Input size="small" value={to} onChange={(_, d) => setTo(d.value)} />
      </Field>
      <Button
        size="small"
        disabled={!to.trim() || why !== null}
        onClick={() => {
          if (problem(to)) return recheck();
          onRename(to);
          setTo("");
        }}
      >
        {`Rename ${role}`}
      </Button>
    </div>
  );
}
