import * as React from "react";
import { Input } from "@fluentui/react-components";
import { useWorkbookViewStyles } from "./useWorkbookViewStyles.styles";

/** Props of {@link FormulaBar}. */
export interface FormulaBarProps {
  /** The active cell's address, e.g. "B3". */
  readonly address: string;
  /** The active cell's formula, or its value as text. */
  readonly content: string;
  /** Moves the selection to an address typed in the name box; false when it is not one. */
  readonly onGoTo: (address: string) => boolean;
  /** Commits what the user typed into the active cell. */
  readonly onCommit: (text: string) => void;
  /** Ref to the formula input, so the grid can send typing there. */
  readonly inputRef?: React.Ref<HTMLInputElement>;
}

/**
 * The name box and formula bar: shows the active cell's address and formula, and edits them on
 * Enter. What a box shows is worked out in the render that brings a new selection (the typed
 * text while the user types, else the selection's own), never set by an effect afterwards: an
 * effect's update lands a moment later and could replace the box's text while the user (or a
 * test) has begun typing into it, so that their text was appended to the old one ("A3B2").
 */
export function FormulaBar({ address, content, onGoTo, onCommit, inputRef }: FormulaBarProps): React.JSX.Element {
  const styles = useWorkbookViewStyles();
  // The address typed in the name box, kept while the selection moves, until Enter, Escape or leaving it.
  const [target, setTarget] = React.useState<string | null>(null);
  const [badTarget, setBadTarget] = React.useState(false);
  // The formula typed, for the cell it was typed in: another cell shows its own content.
  const [draft, setDraft] = React.useState<{ readonly address: string; readonly text: string } | null>(null);
  const shownDraft = draft && draft.address === address ? draft.text : content;
  return (
    <div className={styles.formulaBar}>
      <Input
        className={styles.nameBox}
        value={target ?? address}
        aria-label="Name box"
        aria-invalid={badTarget}
        size="small"
        onChange={(_, d) => {
          setTarget(d.value);
          setBadTarget(false);
        }}
        onBlur={() => {
          setTarget(null);
          setBadTarget(false);
        }}
        onKeyDown={(e) => {
          const typed = e.currentTarget.value;
          if (e.key === "Enter") {
            const went = onGoTo(typed);
            setBadTarget(!went);
            if (went) setTarget(null);
          }
          if (e.key === "Escape") {
            setTarget(null);
            setBadTarget(false);
          }
        }}
      />
      <Input
        className={styles.formulaInput}
        ref={inputRef}
        value={shownDraft}
        aria-label="Formula bar"
        size="small"
        onChange={(_, d) => setDraft({ address, text: d.value })}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            onCommit(e.currentTarget.value);
            setDraft(null);
          }
          if (e.key === "Escape") setDraft(null);
        }}
      />
    </div>
  );
}
