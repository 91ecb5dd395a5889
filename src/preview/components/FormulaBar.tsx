import * as React from "react";
import { Input } from "@fluentui/react-components";
import { useWorkbookViewStyles } from "./useWorkbookViewStyles.styles";

/** Props of {@link FormulaBar}. */
export interface FormulaBarProps {
  /** The active cell's address, e.g. "B3". */
  readonly address: string;
  /** The active cell's formula, or its value as text. */
  readonly content: string;
  /** Commits what the user typed into the active cell. */
  readonly onCommit: (text: string) => void;
  /** Ref to the formula input, so the grid can send typing there. */
  readonly inputRef?: React.Ref<HTMLInputElement>;
}

/** The name box and formula bar: shows the active cell's formula and edits it on Enter. */
export function FormulaBar({ address, content, onCommit, inputRef }: FormulaBarProps): React.JSX.Element {
  const styles = useWorkbookViewStyles();
  const [draft, setDraft] = React.useState(content);
  React.useEffect(() => setDraft(content), [content, address]);
  return (
    <div className={styles.formulaBar}>
      <Input className={styles.nameBox} value={address} readOnly aria-label="Name box" size="small" />
      <Input
        className={styles.formulaInput}
        ref={inputRef}
        value={draft}
        aria-label="Formula bar"
        size="small"
        onChange={(_, d) => setDraft(d.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") onCommit(draft);
          if (e.key === "Escape") setDraft(content);
        }}
      />
    </div>
  );
}
