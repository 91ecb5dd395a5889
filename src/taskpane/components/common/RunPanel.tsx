import * as React from "react";
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from "@fluentui/react-components";
import { RunState } from "../../../wizard/runState";
import { ResultMessage } from "./ResultMessage";
import { useCommonStyles } from "./useCommonStyles.styles";

/** Props of {@link RunPanel}. */
export interface RunPanelProps {
  /** The step's run: progress, then a result or a message. */
  readonly run: RunState;
  /** What must be fixed before it can run; the button is disabled while there is any. */
  readonly issues: readonly string[];
  /** The button's text, e.g. "Split and write". */
  readonly action: string;
  /** What the progress bar measures, for screen readers. */
  readonly progressName: string;
  readonly onRun: () => void;
  /** Cancels the run; without it there is no Cancel button (for quick, atomic actions). */
  readonly onCancel?: () => void;
}

/** A step's run controls: what to fix first, the run button, progress with Cancel, and the outcome. */
export function RunPanel({ run, issues, action, progressName, onRun, onCancel }: RunPanelProps): React.JSX.Element {
  const styles = useCommonStyles();
  const running = run.status === "running";
  return (
    <>
      {issues.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Before you run</MessageBarTitle>
            {issues.join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={issues.length > 0 || running} onClick={onRun}>
          {action}
        </Button>
        {running && onCancel && <Button onClick={onCancel}>Cancel</Button>}
      </div>
      {running && (
        <Field validationMessage={run.label} validationState="none">
          <ProgressBar value={run.fraction} max={1} aria-label={progressName} />
        </Field>
      )}
      <ResultMessage run={run} />
    </>
  );
}
