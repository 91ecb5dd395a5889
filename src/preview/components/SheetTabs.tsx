import * as React from "react";
import { Tab, TabList } from "@fluentui/react-components";
import { useWorkbookViewStyles } from "./useWorkbookViewStyles.styles";

/** Props of {@link SheetTabs}. */
export interface SheetTabsProps {
  /** Sheet names in order. */
  readonly sheets: readonly string[];
  /** The sheet shown. */
  readonly active: string;
  /** Called with the sheet the user picks. */
  readonly onSelect: (sheet: string) => void;
}

/** The sheet tabs under the grid, as in Excel. */
export function SheetTabs({ sheets, active, onSelect }: SheetTabsProps): React.JSX.Element {
  const styles = useWorkbookViewStyles();
  return (
    <TabList
      className={styles.tabs}
      size="small"
      selectedValue={active}
      onTabSelect={(_, d) => onSelect(String(d.value))}
      aria-label="Sheets"
    >
      {sheets.map((s) => (
        <Tab key={s} value={s}>
          {s}
        </Tab>
      ))}
    </TabList>
  );
}
