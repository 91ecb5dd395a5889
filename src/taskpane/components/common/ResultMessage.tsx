import * as React from "react";
import { Body1, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { RunState } from "../../../wizard/runState";
import { useCommonStyles } from "./useCommonStyles.styles";

/** Props of {@link ResultMessage}. */
export interface ResultMessageProps {
  /** The run whose outcome is shown: nothing while it runs or before it has a message. */
  readonly run: RunState;
}

const INTENT = { done: "success", failed: "error" } as const;

/** A finished run's outcome: success, error or information (cancelled), with its details listed under it. */
export function ResultMessage({ run }: ResultMessageProps): React.JSX.Element | null {
  const styles = useCommonStyles();
  if (!run.message || run.status === "running") return null;
  const intent = run.status === "done" || run.status === "failed" ? INTENT[run.status] : "info";
  return (
    <MessageBar intent={intent} aria-live="polite">
      <MessageBarBody>
        <Body1>{run.message}</Body1>
        {run.details.length > 0 && (
          <ul className={styles.details}>
            {run.details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
