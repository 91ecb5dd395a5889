import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { WorkbookHost } from "../../../workbook/host";

/** Props of {@link SettingsProblems}. */
export interface SettingsProblemsProps {
  readonly host: WorkbookHost;
}

/**
 * Names the settings parts of the workbook that could not be read (damaged, or from a newer
 * version): they are ignored and left as they are, and the rest of the add-in works without them.
 */
export function SettingsProblems({ host }: SettingsProblemsProps): React.JSX.Element | null {
  const [problems, setProblems] = React.useState<readonly string[]>([]);
  React.useEffect(() => {
    let live = true;
    host.settingsProblems().then(
      (p) => live && setProblems(p),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);
  if (problems.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Some saved settings could not be read</MessageBarTitle>
        {problems.map((p) => (
          <div key={p}>{p}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
