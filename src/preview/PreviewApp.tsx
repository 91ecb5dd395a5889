import * as React from "react";
import { FluentProvider, makeStyles, Text, tokens, webLightTheme } from "@fluentui/react-components";
import { WorkbookHost } from "../workbook/host";
import { PreviewWorkbook } from "../workbook/preview/previewWorkbook";
import { WorkbookView } from "./components/WorkbookView";

const useStyles = makeStyles({
  root: { display: "grid", gridTemplateRows: "auto 1fr", height: "100vh", fontFamily: tokens.fontFamilyBase },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  // Excel opens task panes about 320 px wide; the preview does too (the tests set --comp-pane-width).
  body: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) var(--comp-pane-width, 320px)", minHeight: 0 },
  // Without a bounded height the grid's scroller would grow to its content and render every row.
  workbook: { minHeight: 0, minWidth: 0, overflow: "hidden" },
  pane: {
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowY: "auto",
    overflowX: "hidden",
    minHeight: 0,
    minWidth: 0,
  },
});

/** Props of {@link PreviewApp}. */
export interface PreviewAppProps {
  /** The in-browser workbook. */
  readonly wb: PreviewWorkbook;
  /** The host the task pane talks to (a PreviewHost on wb). */
  readonly host: WorkbookHost;
  /** The real task pane, rendered with the preview's host. */
  readonly renderTaskpane: (host: WorkbookHost) => React.ReactNode;
  /** Wraps the workbook view (the file toolbar and drop zone); the view alone when absent. */
  readonly renderWorkbook?: (view: React.ReactNode) => React.ReactNode;
}

/** The preview page: the workbook on the left, the add-in's real task pane on the right. */
export function PreviewApp({ wb, host, renderTaskpane, renderWorkbook }: PreviewAppProps): React.JSX.Element {
  const styles = useStyles();
  // Rows of a sheet the add-in generated are its layout: the grid's menu does not shift them.
  const rowsLocked = React.useCallback(
    async (sheet: string) =>
      (await host.listSheets()).some((s) => s.owned && s.name.toLowerCase() === sheet.toLowerCase())
        ? `"${sheet}" is a sheet Comp Planner generated; its rows cannot be inserted or deleted here. Re-run the tool from the task pane instead.`
        : null,
    [host],
  );
  const view = <WorkbookView wb={wb} rowsLocked={rowsLocked} />;
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.root}>
        <header className={styles.header}>
          <Text weight="semibold" size={400}>
            Comp Planner preview
          </Text>
          <Text size={200}>
            An in-browser workbook (HyperFormula engine, for development and demos) with the add-in&apos;s task pane.
          </Text>
        </header>
        <div className={styles.body}>
          <main aria-label="Workbook" className={styles.workbook}>
            {renderWorkbook ? renderWorkbook(view) : view}
          </main>
          <aside className={styles.pane} aria-label="Comp Planner task pane">
            {renderTaskpane(host)}
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
