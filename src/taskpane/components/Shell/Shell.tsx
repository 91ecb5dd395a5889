import * as React from "react";
import { Badge, Body1, Caption1, MessageBar, MessageBarBody, Subtitle2, Title3 } from "@fluentui/react-components";
import { COMP_FUNCTIONS } from "../../../functions/registry";
import { useShellStyles } from "./useShellStyles.styles";

/** Where the task pane is running. */
export type HostKind = "excel" | "preview" | "none";

/** Props of {@link Shell}. */
export interface ShellProps {
  /** Excel, the preview workbook, or nothing (office.js did not load, e.g. offline). */
  readonly hostKind: HostKind;
  /** The pane's tools (the planning wizard), shown when a workbook is connected. */
  readonly children?: React.ReactNode;
}

const HOST_LABEL: Record<HostKind, string> = {
  excel: "Connected to Excel",
  preview: "Preview workbook",
  none: "Not connected to Excel",
};

/** The task pane's frame: what Comp Planner is, where it runs, and the COMP functions available. */
export function Shell({ hostKind, children }: ShellProps): React.JSX.Element {
  const styles = useShellStyles();
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">Comp Planner</Title3>
        <Badge className={styles.badge} appearance="tint" color={hostKind === "none" ? "warning" : "success"}>
          {HOST_LABEL[hostKind]}
        </Badge>
      </header>
      {hostKind === "none" && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Office.js could not load, so this pane cannot reach a workbook. Open Comp Planner from Excel&apos;s Home
            tab, or run the preview with npm run preview.
          </MessageBarBody>
        </MessageBar>
      )}
      <Body1>
        Sales compensation modelling in Excel: plan territories, quotas and pay mix, run KPI bonuses, and trace any
        number to the rows behind it. Everything is written to the workbook as live formulas; type{" "}
        <span className={styles.code}>=COMP.</span> in a cell to use the worksheet functions listed at the end.
      </Body1>
      {children}
      <section aria-labelledby="functions-heading">
        <Subtitle2 as="h2" id="functions-heading">
          Worksheet functions
        </Subtitle2>
        <ul className={styles.list}>
          {COMP_FUNCTIONS.map((f) => (
            <li key={f.id}>
              <Caption1 className={styles.code}>
                COMP.{f.id}({f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})
              </Caption1>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
