import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  ToolbarButton,
} from "@fluentui/react-components";
import { Autosave } from "../autosave/autosave";
import { PreviewSession } from "../session";
import { createTable, deleteSheet, insertSheet, renameSheet } from "../tables/sheetCommands";
import { useWorkbookVersion } from "../useWorkbook";
import { FreezeChoice, freezePanes } from "./freezePanes";
import { FileStatus } from "./WorkbookFiles";

/** Props of {@link WorkbookCommands}. */
export interface WorkbookCommandsProps {
  readonly session: PreviewSession;
  /** Reports what a command did. */
  readonly report: (status: FileStatus) => void;
  /** The autosave, for its status and Start again from the sample. */
  readonly autosave?: Autosave;
  /** Puts a fresh sample workbook in place of this one. */
  readonly startAgain?: () => Promise<void>;
}

const FREEZE_CHOICES: readonly (readonly [FreezeChoice, string])[] = [
  ["panes", "Freeze panes at the selection"],
  ["top-row", "Freeze top row"],
  ["first-column", "Freeze first column"],
  ["none", "Unfreeze panes"],
];

/** Toolbar commands on sheets and tables, the autosave status and Start again from the sample. */
export function WorkbookCommands({ session, report, autosave, startAgain }: WorkbookCommandsProps): React.JSX.Element {
  const wb = session.wb;
  useWorkbookVersion(wb);
  const sheet = wb.selection?.sheet ?? wb.sheetNames()[0] ?? "";
  const noAutosave = React.useCallback(() => () => {}, []);
  const lastSaved = React.useSyncExternalStore(autosave?.subscribe ?? noAutosave, () => autosave?.lastSaved ?? null);
  const lastError = React.useSyncExternalStore(autosave?.subscribe ?? noAutosave, () => autosave?.lastError ?? null);
  const [dialog, setDialog] = React.useState<"rename" | "delete" | "restart" | null>(null);
  const [name, setName] = React.useState("");
  const run = async (f: () => Promise<string>) => {
    try {
      report({ intent: "success", text: await f() });
      setDialog(null);
    } catch (e) {
      report({ intent: "error", text: (e as Error).message });
      setDialog(null);
    }
  };
  return (
    <>
      <ToolbarButton onClick={() => run(async () => `Added sheet "${insertSheet(wb)}".`)}>New sheet</ToolbarButton>
      <ToolbarButton
        onClick={() => {
          setName(sheet);
          setDialog("rename");
        }}
      >
        Rename sheet
      </ToolbarButton>
      <ToolbarButton onClick={() => setDialog("delete")}>Delete sheet</ToolbarButton>
      <ToolbarButton
        onClick={() =>
          run(async () => {
            const sel = wb.selection;
            if (!sel || (sel.range.start.row === sel.range.end.row && sel.range.start.col === sel.range.end.col))
              throw new Error("Select the cells of the table first, its header row included.");
            const t = await createTable(session.host, sel.sheet, sel.range);
            wb.notify();
            return `Created table ${t} over the selection.`;
          })
        }
      >
        Create table
      </ToolbarButton>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <ToolbarButton>Freeze panes</ToolbarButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {FREEZE_CHOICES.map(([choice, label]) => (
              <MenuItem
                key={choice}
                onClick={() =>
                  run(async () => {
                    const at = wb.selection?.range.start ?? { row: 0, col: 0 };
                    const done = freezePanes(wb, sheet, choice, at);
                    return done
                      ? `Froze ${done.rows} row(s) and ${done.columns} column(s) of "${sheet}".`
                      : `Unfroze the panes of "${sheet}".`;
                  })
                }
              >
                {label}
              </MenuItem>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
      {startAgain && <ToolbarButton onClick={() => setDialog("restart")}>Start again from the sample</ToolbarButton>}
      {autosave && (
        <Text size={200} aria-live="polite">
          {lastError
            ? `Not kept in this browser (${lastError}): use Download .xlsx to keep your work`
            : lastSaved
              ? `Kept in this browser at ${new Date(lastSaved).toLocaleTimeString("en-GB")}`
              : "Changes are kept in this browser"}
        </Text>
      )}
      {/* Every dialog stays mounted and closes through `open` (see useLatched). */}
      <Dialog open={dialog === "rename"} modalType="modal" onOpenChange={(_, d) => !d.open && setDialog(null)}>
        <DialogSurface>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                await renameSheet(session.host, sheet, name);
                return `Renamed sheet "${sheet}" to "${name.trim()}".`;
              });
            }}
          >
            <DialogBody>
              <DialogTitle>Rename sheet &quot;{sheet}&quot;</DialogTitle>
              <DialogContent>
                <Field label="New name">
                  <Input value={name} onChange={(_, d) => setName(d.value)} autoFocus />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" type="submit">
                  Rename
                </Button>
                <Button onClick={() => setDialog(null)}>Cancel</Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
      <Dialog open={dialog === "delete"} modalType="modal" onOpenChange={(_, d) => !d.open && setDialog(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Delete sheet &quot;{sheet}&quot;?</DialogTitle>
            <DialogContent>
              Its cells and tables are deleted; formulas elsewhere that use them will show #REF!.
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() =>
                  run(async () => {
                    await deleteSheet(session.host, sheet);
                    return `Deleted sheet "${sheet}".`;
                  })
                }
              >
                Delete
              </Button>
              <Button onClick={() => setDialog(null)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {startAgain && (
        <Dialog open={dialog === "restart"} modalType="modal" onOpenChange={(_, d) => !d.open && setDialog(null)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>Start again from the sample?</DialogTitle>
              <DialogContent>
                The workbook kept in this browser is discarded and the sample workbook opens. Download .xlsx first to
                keep your work.
              </DialogContent>
              <DialogActions>
                <Button
                  appearance="primary"
                  onClick={() =>
                    run(async () => {
                      await startAgain();
                      return "Started again from the sample workbook.";
                    })
                  }
                >
                  Start again
                </Button>
                <Button onClick={() => setDialog(null)}>Cancel</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </>
  );
}
