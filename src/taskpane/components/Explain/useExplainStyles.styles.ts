import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles of the Explain panel at Excel's 320 px pane width (theme tokens only). */
export const useExplainStyles = makeStyles({
  // Inputs as a list: label and value on one line, where it comes from below, full width.
  inputs: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  input: { display: "flex", flexDirection: "column", minWidth: 0 },
  inputLine: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, alignItems: "baseline" },
  inputLabel: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  inputValue: { fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
  source: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  // PAYOUT_EXPLAIN's six columns keep readable numbers and scroll sideways inside this box.
  breakdown: {
    overflowX: "auto",
    maxWidth: "100%",
    "& table": { width: "max-content", minWidth: "100%", tableLayout: "auto" },
    "& th, & td": { whiteSpace: "nowrap" },
    "& td": { fontVariantNumeric: "tabular-nums" },
  },
});
