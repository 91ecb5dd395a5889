import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { ACCOUNT_FIELDS } from "../../../wizard/columnMapping";
import { findReinterpretedCells } from "../../../wizard/dataProblems";
import { dataProblems, openProblems } from "../../../wizard/wizardState";
import { useWizardStyles } from "./useWizardStyles.styles";
import type { StepPanelProps } from "./wizardSteps";

const SELECTION = "\u0000selection";
const PREVIEW_ROWS = 5;
/** Problems listed one by one; beyond this the list says how many more (exclude them all at once). */
const LISTED_PROBLEMS = 200;

/** The data step: pick the accounts source, check the column mapping, see and exclude problem rows. */
export function DataStep({ state, dispatch, data }: StepPanelProps): React.JSX.Element {
  const styles = useWizardStyles();
  const { load } = data;
  const [choice, setChoice] = React.useState<string>(
    state.source?.kind === "table" ? state.source.name : state.source ? SELECTION : "",
  );
  React.useEffect(() => {
    if (state.source) setChoice(state.source.kind === "table" ? state.source.name : SELECTION);
  }, [state.source]);
  const problems = dataProblems(state);
  const open = openProblems(state);
  const excluded = new Set(state.excluded);
  const headers = state.data?.headers ?? [];
  const reread = React.useMemo(
    () =>
      state.data && state.mapping ? findReinterpretedCells(state.data.headers, state.data.rows, state.mapping) : [],
    [state.data, state.mapping],
  );
  const mapped = ACCOUNT_FIELDS.filter(
    (f) => state.mapping?.[f.field] !== null && state.mapping?.[f.field] !== undefined,
  );

  return (
    <section className={styles.step} aria-labelledby="data-heading">
      <Subtitle2 as="h2" id="data-heading">
        Accounts
      </Subtitle2>
      <div className={styles.row}>
        <Field label="Accounts source" className={styles.grow}>
          <Select value={choice} onChange={(_, d) => setChoice(d.value)}>
            <option value="" disabled>
              Choose a table...
            </option>
            {state.tables.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name} ({t.rowCount.toLocaleString("en-US")} rows, sheet {t.sheet})
              </option>
            ))}
            <option value={SELECTION}>The current selection (first row = headers)</option>
          </Select>
        </Field>
        <Button
          appearance="primary"
          disabled={!choice || state.loading}
          onClick={() => load(choice === SELECTION ? { kind: "selection" } : { kind: "table", name: choice })}
        >
          Load
        </Button>
      </div>
      {state.loading && <Spinner size="tiny" label="Reading the accounts..." />}
      {state.loadError && (
        <MessageBar intent="error">
          <MessageBarBody>{state.loadError}</MessageBarBody>
        </MessageBar>
      )}
      {state.mappingNotice && (
        <MessageBar intent="warning">
          <MessageBarBody>{state.mappingNotice}</MessageBarBody>
        </MessageBar>
      )}
      {state.data && state.mapping && (
        <>
          <Body1>
            {state.data.rows.length.toLocaleString("en-US")} rows from {state.data.source}. Check how the columns were
            matched; correct any that are wrong.
          </Body1>
          <div className={styles.mapping}>
            {ACCOUNT_FIELDS.map((f) => (
              <Field key={f.field} label={f.label} required={f.required} size="small">
                <Select
                  size="small"
                  value={state.mapping![f.field] === null ? "" : String(state.mapping![f.field])}
                  onChange={(_, d) =>
                    dispatch({
                      type: "mappingChanged",
                      field: f.field,
                      column: d.value === "" ? null : Number(d.value),
                    })
                  }
                >
                  <option value="">(none)</option>
                  {headers.map((h, i) => (
                    <option key={i} value={String(i)}>
                      {h}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
          {/* A scrolling region must be reachable by keyboard to be read. */}
          <div className={styles.preview} role="region" aria-label="Preview of the first accounts" tabIndex={0}>
            <Table size="extra-small" aria-label="Preview of the first accounts">
              <TableHeader>
                <TableRow>
                  {mapped.map((f) => (
                    <TableHeaderCell key={f.field}>{f.label}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {state.data.rows.slice(0, PREVIEW_ROWS).map((row, r) => (
                  <TableRow key={r}>
                    {mapped.map((f) => (
                      <TableCell key={f.field}>{String(row[state.mapping![f.field]!] ?? "")}</TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {problems.length === 0 ? (
            <MessageBar intent="success">
              <MessageBarBody>No problems found in the accounts.</MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <MessageBar intent={open.length ? "warning" : "info"}>
                <MessageBarBody>
                  {problems.length} problem(s) found; {open.length} still in the way. Fix them in the workbook and load
                  again, or exclude the rows.
                </MessageBarBody>
              </MessageBar>
              <Button
                disabled={!open.some((p) => p.row !== null)}
                onClick={() => dispatch({ type: "problemRowsExcluded" })}
              >
                Exclude every problem row
              </Button>
              <ul className={styles.problems} aria-label="Problems in the accounts" tabIndex={0}>
                {problems.slice(0, LISTED_PROBLEMS).map((p, i) => (
                  <li key={i}>
                    {p.row === null ? (
                      <Caption1>{p.message}</Caption1>
                    ) : (
                      <Checkbox
                        checked={excluded.has(p.row)}
                        onChange={(_, d) =>
                          dispatch({ type: "rowExcluded", row: p.row!, excluded: d.checked === true })
                        }
                        label={
                          <span className={excluded.has(p.row) ? styles.excluded : undefined}>
                            Exclude: {p.message}
                          </span>
                        }
                      />
                    )}
                  </li>
                ))}
                {problems.length > LISTED_PROBLEMS && (
                  <Caption1>...and {problems.length - LISTED_PROBLEMS} more.</Caption1>
                )}
              </ul>
            </>
          )}
          {reread.length > 0 && (
            <>
              <MessageBar intent="info">
                <MessageBarBody>
                  {reread.length} cell(s) hold text that Excel would read as a formula, number, date or other value if
                  it were typed. The add-in keeps each as the text it is; check that this is what you meant.
                </MessageBarBody>
              </MessageBar>
              <ul className={styles.problems} aria-label="Cells Excel would read differently" tabIndex={0}>
                {reread.slice(0, LISTED_PROBLEMS).map((c, i) => (
                  <li key={i}>
                    <Caption1>{c.message}</Caption1>
                  </li>
                ))}
                {reread.length > LISTED_PROBLEMS && <Caption1>...and {reread.length - LISTED_PROBLEMS} more.</Caption1>}
              </ul>
            </>
          )}
          <Button
            appearance="primary"
            disabled={open.length > 0}
            onClick={() => dispatch({ type: "stepChosen", step: "territories" })}
          >
            Next: Territories
          </Button>
        </>
      )}
    </section>
  );
}
