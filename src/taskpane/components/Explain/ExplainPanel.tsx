import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
} from "@fluentui/react-components";
import { WorkbookHost } from "../../../workbook/host";
import { explainActiveCell } from "../../../wizard/explain/explainCell";
import { Explanation, show, showMoney } from "../../../wizard/explain/explanation";
import { useExplainStyles } from "./useExplainStyles.styles";
import { useCommonStyles } from "../common/useCommonStyles.styles";
import { useShowCell } from "../common/useShowCell";

/**
 * A PAYOUT_EXPLAIN row's from, to, rate and slice in words ("from 1 to 1.25, at rate 1.5, slice
 * 0.25"; a threshold or cap row: "at 0.5: met"), so the tiers read in a narrow pane.
 */
function tierDetail(row: readonly unknown[]): string {
  const [, from, to, rate, slice] = row;
  if (rate === "")
    return [from === "" ? "" : `at ${show(from)}`, slice === "" ? "" : String(slice)].filter(Boolean).join(": ");
  const range = [from === "" ? "" : `from ${show(from)}`, to === "" ? "" : `to ${show(to)}`].filter(Boolean).join(" ");
  const parts = [range, `at rate ${show(rate)}`, slice === "" ? "" : `slice ${show(slice)}`];
  return parts.filter(Boolean).join(", ");
}

/** Props of {@link ExplainPanel}. */
export interface ExplainPanelProps {
  readonly host: WorkbookHost;
}

/**
 * "Why is this number?": select any cell, then Explain shows the formula in words, each input
 * with its value and origin, a payout's tiers, and the rows of data behind it, each a link that
 * selects that row in the workbook.
 */
export function ExplainPanel({ host }: ExplainPanelProps): React.JSX.Element {
  const styles = useCommonStyles();
  const own = useExplainStyles();
  const { show: showCell, problem: goToProblem } = useShowCell(host);
  const [state, setState] = React.useState<{ loading: boolean; error: string | null; explanation: Explanation | null }>(
    { loading: false, error: null, explanation: null },
  );
  const explain = () => {
    setState({ loading: true, error: null, explanation: null });
    explainActiveCell(host).then(
      (explanation) => setState({ loading: false, error: null, explanation }),
      (e) => setState({ loading: false, error: e instanceof Error ? e.message : String(e), explanation: null }),
    );
  };
  const e = state.explanation;
  return (
    <section className={styles.step} aria-labelledby="explain-heading">
      <Subtitle2 as="h2" id="explain-heading">
        Why is this number?
      </Subtitle2>
      <Body1>
        Select a cell in the workbook (a scorecard, the leaderboard, a territory, a quota, a scenario, the
        back-test&apos;s ledger, comparison or statements, or any COMP formula), then:
      </Body1>
      <Button appearance="primary" onClick={explain} disabled={state.loading}>
        Explain the selected cell
      </Button>
      {state.loading && <Spinner size="tiny" label="Tracing the number..." />}
      {state.error && (
        <MessageBar intent="error">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      )}
      {e && (
        <div className={styles.step} aria-live="polite">
          <Subtitle2 as="h3">{e.title}</Subtitle2>
          <Caption1>{e.where}</Caption1>
          {e.formula && <code className={styles.formula}>{e.formula}</code>}
          <Body1>{e.inWords}</Body1>
          {e.inputs.length > 0 && (
            <>
              <Subtitle2 as="h4">Inputs</Subtitle2>
              <ul className={own.inputs} aria-label="Inputs">
                {e.inputs.map((x, i) => (
                  <li key={i} className={own.input}>
                    <span className={own.inputLine}>
                      <Body1 className={own.inputLabel}>{x.label}</Body1>
                      <Body1 className={own.inputValue}>{x.value}</Body1>
                    </span>
                    <Caption1 className={own.source}>{x.source}</Caption1>
                  </li>
                ))}
              </ul>
            </>
          )}
          {e.breakdown && (
            <>
              <Subtitle2 as="h4">Payout tier by tier</Subtitle2>
              <ul className={own.inputs} aria-label="Payout tier by tier">
                {e.breakdown.slice(1).map((row, r) => (
                  <li key={r} className={own.input}>
                    <span className={own.tierLine}>
                      <Body1 className={r === e.breakdown!.length - 2 ? own.inputLabel : undefined}>
                        {String(row[0])}
                      </Body1>
                      <Body1 className={own.inputValue}>{showMoney(row[5])}</Body1>
                    </span>
                    {tierDetail(row) && <Caption1 className={own.source}>{tierDetail(row)}</Caption1>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {e.rows.length > 0 && (
            <>
              <Subtitle2 as="h4">The rows behind it ({e.rows.length})</Subtitle2>
              {e.rowsNote && <Caption1>{e.rowsNote}</Caption1>}
              {goToProblem && (
                <MessageBar intent="warning">
                  <MessageBarBody>{goToProblem}</MessageBarBody>
                </MessageBar>
              )}
              <ul className={styles.problems} aria-label="Rows behind the number" tabIndex={0}>
                {e.rows.map((r, i) => (
                  <li key={i}>
                    <Link as="button" onClick={() => showCell(r.sheet, r.address)}>
                      {r.label}
                    </Link>
                    <Caption1 block>{r.detail}</Caption1>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
