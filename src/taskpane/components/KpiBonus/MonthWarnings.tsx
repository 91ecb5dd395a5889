import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useCommonStyles } from "../common/useCommonStyles.styles";

/** Props of {@link MonthWarnings}. */
export interface MonthWarningsProps {
  /** The month's warnings (see computeScorecards); nothing is shown when there are none. */
  readonly warnings: readonly string[];
  /** The title, e.g. "Check 2019-03 before you publish". */
  readonly title: string;
}

/** A run's month warnings as a warning bar, one line each, so a month of zeros is never silent. */
export function MonthWarnings({ warnings, title }: MonthWarningsProps): React.JSX.Element | null {
  const styles = useCommonStyles();
  if (warnings.length === 0) return null;
  return (
    <MessageBar intent="warning" aria-live="polite">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={styles.details}>
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
