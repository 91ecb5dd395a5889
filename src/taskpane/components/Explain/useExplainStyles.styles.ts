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
  // A tier's name and its payout on one line, the payout at the right edge.
  tierLine: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "baseline",
  },
});
