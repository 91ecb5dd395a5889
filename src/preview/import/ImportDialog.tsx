import * as React from "react";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { CsvSession } from "./csvSession";
import { Delimiter, DELIMITER_LABELS } from "./csv";
import { ENCODING_LABELS, TextEncodingName } from "./decode";
import { CellValue, DATE_ORDER_LABELS, ImportOptions, ImportPlan } from "./importPlan";
import { ColumnType, DateOrder } from "./readValue";
import { useImportDialogStyles } from "./useImportDialogStyles.styles";

/** Props of {@link ImportDialog}. */
export interface ImportDialogProps {
  /** False while it closes (it stays mounted: see useLatched). */
  readonly open?: boolean;
  readonly fileName: string;
  /** The opened file. */
  readonly session: CsvSession;
  /** The options the file suggests (from the session's open()). */
  readonly initialOptions: ImportOptions;
  /** Parsing progress, 0 to 1, or null when idle. */
  readonly progress: number | null;
  /** Called with the plan and its cells when the user confirms. */
  readonly onImport: (plan: ImportPlan, cells: CellValue[][]) => void;
  /** Called when the user cancels (the session is cancelled by the caller). */
  readonly onCancel: () => void;
}

const TYPE_LABELS: Record<ColumnType, string> = { number: "Number", date: "Date", boolean: "TRUE/FALSE", text: "Text" };

/**
 * Before anything is created: the file's encoding, delimiter, decimal separator, date order and
 * header row, each column's detected type (changeable) over the first rows, and the cells that
 * do not fit their column's type, which stay text.
 */
export function ImportDialog({
  open = true,
  fileName,
  session,
  initialOptions,
  progress,
  onImport,
  onCancel,
}: ImportDialogProps): React.JSX.Element {
  const styles = useImportDialogStyles();
  const [options, setOptions] = React.useState<ImportOptions | null>(null);
  const [plan, setPlan] = React.useState<ImportPlan | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(true);

  const replan = React.useCallback(
    (next: ImportOptions) => {
      setOptions(next);
      setBusy(true);
      session.plan(next).then(
        (p) => {
          setPlan(p);
          setError(null);
          setBusy(false);
        },
        (e: Error) => {
          setPlan(null);
          setError(e.message);
          setBusy(false);
        },
      );
    },
    [session],
  );

  React.useEffect(() => replan(initialOptions), [initialOptions, replan]);

  const change = (over: Partial<ImportOptions>) => options && replan({ ...options, ...over });
  const setType = (c: number, type: ColumnType) => {
    if (!options || !plan) return;
    const types = plan.columns.map((col, i) => (i === c ? type : (options.columnTypes[i] ?? null)));
    change({ columnTypes: types });
  };
  const confirm = () => {
    if (!plan) return;
    setBusy(true);
    session.cells(plan).then(
      (cells) => onImport(plan, cells),
      (e: Error) => {
        setError(e.message);
        setBusy(false);
      },
    );
  };

  const evidence = plan?.dateEvidence;
  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Open &quot;{fileName}&quot;</DialogTitle>
          <DialogContent className={styles.stack}>
            {options && (
              <div className={styles.options}>
                <Field label="Encoding">
                  <Select
                    value={options.encoding}
                    onChange={(_, d) => change({ encoding: d.value as TextEncodingName })}
                  >
                    {(Object.keys(ENCODING_LABELS) as TextEncodingName[]).map((e) => (
                      <option key={e} value={e}>
                        {ENCODING_LABELS[e]}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Delimiter">
                  <Select
                    value={options.delimiter}
                    onChange={(_, d) => change({ delimiter: d.value as Delimiter, columnTypes: [] })}
                  >
                    {(Object.keys(DELIMITER_LABELS) as Delimiter[]).map((d) => (
                      <option key={d} value={d}>
                        {DELIMITER_LABELS[d]}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Decimal separator">
                  <Select value={options.decimal} onChange={(_, d) => change({ decimal: d.value as "." | "," })}>
                    <option value=".">Point (1,234.5)</option>
                    <option value=",">Comma (1.234,5)</option>
                  </Select>
                </Field>
                <Field label="Dates">
                  <Select value={options.dateOrder} onChange={(_, d) => change({ dateOrder: d.value as DateOrder })}>
                    {(Object.keys(DATE_ORDER_LABELS) as DateOrder[]).map((o) => (
                      <option key={o} value={o}>
                        {DATE_ORDER_LABELS[o]}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Checkbox
                  label="First row is headers"
                  checked={options.hasHeader}
                  onChange={(_, d) => change({ hasHeader: Boolean(d.checked), columnTypes: [] })}
                />
              </div>
            )}
            {evidence && evidence.seen > 0 && (
              <Text className={styles.note}>
                {evidence.proof
                  ? `The data proves ${evidence.order === "dmy" ? "day first" : "month first"}: "${evidence.proof}".`
                  : evidence.conflicting
                    ? "Some dates read only day first and others only month first: check the order; dates that do not fit stay text and are listed."
                    : "No date in the file proves the day/month order (ISO dates like 2019-03-01 are always read): check it."}
              </Text>
            )}
            {plan && plan.proposedDecimal !== plan.options.decimal && (
              <Text className={styles.note}>
                The numbers suggest a decimal {plan.proposedDecimal === "," ? "comma" : "point"}.
              </Text>
            )}
            {busy && <ProgressBar aria-label="Reading the file" value={progress ?? undefined} />}
            {error && (
              <MessageBar intent="error">
                <MessageBarBody>{error} Nothing has been changed.</MessageBarBody>
              </MessageBar>
            )}
            {plan && (
              <>
                <Text>
                  {plan.rowCount.toLocaleString("en-US")} rows and {plan.columns.length} columns: a new sheet with a
                  table over them. The first rows:
                </Text>
                <div className={styles.previewWrap}>
                  <Table size="extra-small" className={styles.preview} aria-label="First rows of the file">
                    <TableHeader>
                      <TableRow>
                        {plan.columns.map((c, i) => (
                          <TableHeaderCell
                            key={i}
                            className={styles.headerCell}
                            button={{ className: styles.headerStack }}
                          >
                            <span className={styles.headerName}>{c.header}</span>
                            <Select
                              size="small"
                              className={styles.typeSelect}
                              aria-label={`Type of column ${c.header}`}
                              value={c.type}
                              onChange={(_, d) => setType(i, d.value as ColumnType)}
                            >
                              {(Object.keys(TYPE_LABELS) as ColumnType[]).map((t) => (
                                <option key={t} value={t}>
                                  {TYPE_LABELS[t]}
                                  {t === c.detected ? " (detected)" : ""}
                                </option>
                              ))}
                            </Select>
                          </TableHeaderCell>
                        ))}
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {plan.preview.map((row, r) => (
                        <TableRow key={r}>
                          {row.map((v, c) => (
                            <TableCell key={c}>{v}</TableCell>
                          ))}
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
                {plan.mismatchCount === 0 ? (
                  <Text className={styles.note}>Every cell fits its column&apos;s type.</Text>
                ) : (
                  <section aria-label="Cells that do not fit their column's type">
                    <Text>
                      {plan.mismatchCount.toLocaleString("en-US")} cell{plan.mismatchCount === 1 ? " does" : "s do"} not
                      fit {plan.mismatchCount === 1 ? "its" : "their"} column&apos;s type and will be kept as text
                      {plan.mismatchCount > plan.mismatches.length
                        ? ` (the first ${plan.mismatches.length} listed)`
                        : ""}
                      :
                    </Text>
                    <ul className={styles.mismatches}>
                      {plan.mismatches.map((m, i) => (
                        <li key={i}>
                          Row {m.row}, {m.column}: &quot;{m.text}&quot; is not a {TYPE_LABELS[m.expected].toLowerCase()}
                        </li>
                      ))}
                    </ul>
                  </section>
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!plan || busy} onClick={confirm}>
              Import
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
