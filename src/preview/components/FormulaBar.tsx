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

/** The name box and formula bar: shows the active cell's formula and edits it on Enter. */
export function FormulaBar({ address, content, onGoTo, onCommit, inputRef }: FormulaBarProps): React.JSX.Element {
  const styles = useWorkbookViewStyles();
  const [draft, setDraft] = React.useState(content);
  const [target, setTarget] = React.useState(address);
  const [badTarget, setBadTarget] = React.useState(false);
  React.useEffect(() => setDraft(content), [content, address]);
  const nameBox = React.useRef<HTMLInputElement>(null);
  // A selection that lands while the user types an address does not overwrite what they typed.
  React.useEffect(() => {
    if (document.activeElement === nameBox.current) return;
    setTarget(address);
    setBadTarget(false);
  }, [address]);
  return (
    <div className={styles.formulaBar}>
      <Input
        className={styles.nameBox}
        ref={nameBox}
        value={target}
        aria-label="Name box"
        aria-invalid={badTarget}
        size="small"
        onChange={(_, d) => setTarget(d.value)}
        onKeyDown={(e) => {
          // What the box shows is what Enter goes to, even if a render is still to catch up with the typing.
          if (e.key === "Enter") setBadTarget(!onGoTo(e.currentTarget.value));
          if (e.key === "Escape") setTarget(address);
        }}
      />
      <Input
        className={styles.formulaInput}
        ref={inputRef}
        value={draft}
        aria-label="Formula bar"
        size="small"
        onChange={(_, d) => setDraft(d.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") onCommit(e.currentTarget.value);
          if (e.key === "Escape") setDraft(content);
        }}
      />
    </div>
  );
}
