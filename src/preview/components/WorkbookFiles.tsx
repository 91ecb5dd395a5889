import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
} from "@fluentui/react-components";
import { writeXlsx } from "../export/writeXlsx";
import { applyImportInSteps } from "../import/applyImport";
import { CsvSession, localSession, workerSession } from "../import/csvSession";
import { ACCEPTED_FILES, fileKind } from "../import/fileKind";
import { ImportDialog } from "../import/ImportDialog";
import { ImportOptions } from "../import/importPlan";
import { readXlsx, XlsxResult } from "../import/readXlsx";
import { PreviewWorkbook } from "../../workbook/preview/previewWorkbook";
import { PreviewSession } from "../session";
import { useWorkbookFilesStyles } from "./useWorkbookFilesStyles.styles";
import { useLatched } from "./useLatched";

/** Props of {@link WorkbookFiles}. */
export interface WorkbookFilesProps {
  /** The workbook shown, replaced when an .xlsx file is opened. */
  readonly session: PreviewSession;
  /** Makes the CSV worker (the browser's); without it CSV files are read on the page's thread. */
  readonly makeWorker?: () => Worker;
  /** Extra toolbar items (sheet and table commands, autosave), given a way to report what they did. */
  readonly extraTools?: (report: (status: FileStatus) => void) => React.ReactNode;
  /** The message shown first (e.g. that the workbook was restored). */
  readonly initialStatus?: FileStatus;
  /** Makes the file's bytes for Download .xlsx (the preview reads in slices and packs in a worker); writeXlsx by default. */
  readonly writeFile?: (wb: PreviewWorkbook) => Promise<Uint8Array>;
  /** Called after the workbook was downloaded. */
  readonly onDownloaded?: () => void;
  /** Called after an opened .xlsx replaced the workbook. */
  readonly onReplaced?: () => void;
  /** The workbook view. */
  readonly children: React.ReactNode;
}

/** A message under the toolbar: what a command did, or why it could not. */
export type FileStatus = {
  readonly intent: "success" | "error" | "warning" | "info";
  readonly text: string;
  readonly items?: readonly string[];
} | null;
type Status = FileStatus;

/** Offers bytes to the user as a download. */
function download(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Files in and out of the preview: the Open file control (and files dropped on the grid) for
 * CSV, TSV, text and .xlsx files, and Download .xlsx.
 */
export function WorkbookFiles({
  session,
  makeWorker,
  extraTools,
  initialStatus = null,
  onDownloaded,
  onReplaced,
  writeFile = writeXlsx,
  children,
}: WorkbookFilesProps): React.JSX.Element {
  const styles = useWorkbookFilesStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [status, setStatus] = React.useState<Status>(initialStatus);
  const [csv, setCsv] = React.useState<{
    fileName: string;
    session: CsvSession;
    options: ImportOptions;
    /** Tells one opened file's dialog from the next. */
    seq: number;
  } | null>(null);
  const opened = React.useRef(0);
  const [progress, setProgress] = React.useState<number | null>(null);
  const [xlsx, setXlsx] = React.useState<{ fileName: string; result: XlsxResult } | null>(null);
  const shownCsv = useLatched(csv);
  const shownXlsx = useLatched(xlsx);
  const [dragging, setDragging] = React.useState(false);
  const [saving, setSaving] = React.useState(false);

  const open = async (file: File) => {
    setStatus(null);
    const bytes = await file.arrayBuffer();
    const kind = fileKind(file.name, new Uint8Array(bytes.slice(0, 8)));
    if (typeof kind === "object")
      return setStatus({ intent: "error", text: `${kind.error} Nothing has been changed.` });
    if (kind === "csv") {
      setProgress(null);
      const s = makeWorker
        ? workerSession(makeWorker, bytes, file.name, setProgress)
        : localSession(bytes, file.name, setProgress);
      try {
        setCsv({ fileName: file.name, session: s, options: await s.open(), seq: ++opened.current });
      } catch (e) {
        s.cancel();
        setStatus({ intent: "error", text: `${(e as Error).message} Nothing has been changed.` });
      }
      return;
    }
    try {
      setXlsx({ fileName: file.name, result: await readXlsx(new Uint8Array(bytes), file.name) });
    } catch (e) {
      setStatus({ intent: "error", text: `${(e as Error).message} Nothing has been changed.` });
    }
  };

  const cancelled = React.useRef(false);
  const finishCsv = async (
    plan: Parameters<typeof applyImportInSteps>[2],
    cells: Parameters<typeof applyImportInSteps>[3],
  ) => {
    if (!csv) return;
    try {
      cancelled.current = false;
      setProgress(0);
      const r = await applyImportInSteps(session.wb, csv.fileName, plan, cells, {
        onProgress: setProgress,
        cancelled: () => cancelled.current,
      });
      if (!r) return;
      setStatus({
        intent: "success",
        text: `Opened "${csv.fileName}" as sheet "${r.sheet}" with table ${r.table} (${r.rows.toLocaleString("en-US")} rows).${plan.mismatchCount ? ` ${plan.mismatchCount} cell(s) that did not fit their column's type were kept as text.` : ""}`,
      });
    } catch (e) {
      setStatus({ intent: "error", text: (e as Error).message });
    }
    csv.session.cancel();
    setCsv(null);
  };

  const finishXlsx = () => {
    if (!xlsx) return;
    session.replace(xlsx.result.workbook);
    onReplaced?.();
    const { unknown } = xlsx.result;
    setStatus({
      intent: unknown.length ? "warning" : "success",
      text: `Opened "${xlsx.fileName}": ${xlsx.result.workbook.sheetNames().length} sheet(s).${unknown.length ? ` ${unknown.length} formula(s) call functions the preview does not know; they keep the values saved in the file:` : ""}`,
      items: unknown.slice(0, 50).map((u) => `${u.sheet}!${u.address}: ${u.formula} (${u.functions.join(", ")})`),
    });
    setXlsx(null);
  };

  const save = async () => {
    setSaving(true);
    try {
      download(await writeFile(session.wb), "Comp Planner workbook.xlsx");
      onDownloaded?.();
      setStatus({
        intent: "success",
        text: "Downloaded the workbook as an .xlsx file. Charts are drawn by the preview and by Comp Planner in Excel, but are not in the file (the .xlsx writer cannot write charts).",
      });
    } catch (e) {
      setStatus({ intent: "error", text: `The workbook could not be saved: ${(e as Error).message}` });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className={styles.root}>
      <Toolbar aria-label="Workbook" size="small" className={styles.toolbar}>
        <ToolbarButton onClick={() => input.current?.click()}>Open file</ToolbarButton>
        <ToolbarButton onClick={save} disabled={saving}>
          Download .xlsx
        </ToolbarButton>
        {extraTools && <ToolbarDivider />}
        {extraTools?.(setStatus)}
      </Toolbar>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        aria-label="Open file"
        accept={ACCEPTED_FILES}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (file) void open(file);
        }}
      />
      <div>
        {status && (
          <MessageBar
            intent={status.intent}
            className={styles.status}
            role={status.intent === "error" ? "alert" : "status"}
          >
            <MessageBarBody>
              {status.text}
              {status.items && status.items.length > 0 && (
                <ul className={styles.list}>
                  {status.items.map((t, i) => (
                    <li key={i}>{t}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" appearance="transparent" onClick={() => setStatus(null)}>
                Dismiss
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      <div
        className={dragging ? `${styles.drop} ${styles.dragging}` : styles.drop}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes("Files")) return;
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (!file) return;
          e.preventDefault();
          void open(file);
        }}
      >
        {children}
      </div>
      {shownCsv && (
        <ImportDialog
          key={shownCsv.seq}
          open={csv !== null}
          fileName={shownCsv.fileName}
          session={shownCsv.session}
          initialOptions={shownCsv.options}
          progress={progress}
          onImport={(plan, cells) => void finishCsv(plan, cells)}
          onCancel={() => {
            cancelled.current = true;
            shownCsv.session.cancel();
            setCsv(null);
            setStatus({
              intent: "info",
              text: `Opening "${shownCsv.fileName}" was cancelled. Nothing has been changed.`,
            });
          }}
        />
      )}
      {shownXlsx && (
        <Dialog open={xlsx !== null} modalType="modal" onOpenChange={(_, d) => !d.open && setXlsx(null)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>Open &quot;{shownXlsx.fileName}&quot;?</DialogTitle>
              <DialogContent>
                It replaces the workbook in the preview ({shownXlsx.result.workbook.sheetNames().length} sheet(s):{" "}
                {shownXlsx.result.workbook.sheetNames().join(", ")}). To keep the current workbook, cancel and use
                Download .xlsx first.
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={finishXlsx}>
                  Open
                </Button>
                <Button onClick={() => setXlsx(null)}>Cancel</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </div>
  );
}
