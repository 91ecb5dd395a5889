import * as React from "react";
import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { SheetInfo } from "../../../workbook/host";
import { useShowCell } from "../common/useShowCell";
import { useWizardStyles } from "./useWizardStyles.styles";
import type { StepPanelProps } from "./wizardSteps";

/** The review step: the sheets the wizard has written, each one click away (read when the step opens). */
export function ReviewStep({ host }: StepPanelProps): React.JSX.Element {
  const styles = useWizardStyles();
  const [sheets, setSheets] = React.useState<SheetInfo[] | null>(null);
  const refresh = React.useCallback(() => {
    host.listSheets().then(setSheets, () => setSheets(null));
  }, [host]);
  React.useEffect(refresh, [refresh]);
  const { show: showCell, problem } = useShowCell(host);
  const show = (sheet: string) => showCell(sheet, "A1");
  const own = (sheets ?? []).filter((s) => s.owned);
  return (
    <section className={styles.step} aria-labelledby="review-heading">
      <Subtitle2 as="h2" id="review-heading">
        Review
      </Subtitle2>
      <Body1>
        Each step writes its own sheet when you run it, as live formulas you can audit and edit; run a step again to
        replace its sheet. Sheets Comp Planner wrote in this workbook:
      </Body1>
      {problem && (
        <MessageBar intent="warning">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {own.length === 0 ? (
        <Body1>None yet.</Body1>
      ) : (
        <Table size="small" aria-label="Sheets written by Comp Planner">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Sheet</TableHeaderCell>
              <TableHeaderCell>Used range</TableHeaderCell>
              <TableHeaderCell>Open</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {own.map((s) => (
              <TableRow key={s.name}>
                <TableCell>{s.name}</TableCell>
                <TableCell>{s.usedRange ?? "empty"}</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => show(s.name)}>
                    Go to sheet
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Button onClick={refresh}>Refresh</Button>
    </section>
  );
}
