import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles of the task pane shell (theme tokens only). */
export const useShellStyles = makeStyles({
  // At Excel's narrowest pane (320 px) nothing may need a horizontal scroll: tab rows wrap,
  // long words and formulas break, and form controls shrink to their column.
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minWidth: 0,
    overflowWrap: "anywhere",
    "& [role='tablist']": { flexWrap: "wrap", rowGap: tokens.spacingVerticalXXS },
    "& .fui-Dropdown, & .fui-Combobox, & .fui-Input, & .fui-SpinButton, & .fui-Textarea, & .fui-Select, & .fui-Select__select":
      { minWidth: 0, maxWidth: "100%" },
    // A field is a grid sized to its control; its cells may shrink below the control's natural width.
    "& .fui-Field": { minWidth: 0 },
    "& .fui-Field > *": { minWidth: 0 },
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  badge: { whiteSpace: "nowrap", flexShrink: 0 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});
