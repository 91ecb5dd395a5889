import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { WorkbookHost } from "../workbook/host";
import { HostKind, Shell } from "./components/Shell/Shell";
import { Wizard } from "./components/Wizard/Wizard";

/** Props of {@link TaskpaneApp}. */
export interface TaskpaneAppProps {
  /** The workbook the pane works on (ExcelHost in Excel, PreviewHost in the preview), or null. */
  readonly host: WorkbookHost | null;
  /** Where it runs, for the status badge. */
  readonly hostKind: HostKind;
}

/** The task pane's root: the same component in Excel and in the preview; only the host differs. */
export function TaskpaneApp({ host, hostKind }: TaskpaneAppProps): React.JSX.Element {
  return (
    <FluentProvider theme={webLightTheme}>
      <Shell hostKind={hostKind}>{host && <Wizard host={host} />}</Shell>
    </FluentProvider>
  );
}
