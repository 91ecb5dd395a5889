import { makeStyles, shorthands, tokens } from "@fluentui/react-components";

/** Styles of the wizard and its steps (theme tokens only). */
export const useWizardStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap", minWidth: 0 },
  grow: { flexGrow: 1, minWidth: "120px", maxWidth: "100%" },
  mapping: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS },
  // The first rows keep readable columns and scroll inside this box, not the pane.
  preview: {
    overflowX: "auto",
    maxWidth: "100%",
    maxHeight: "260px",
    overflowY: "auto",
    overflowWrap: "normal",
    "& table": { width: "max-content", minWidth: "100%", tableLayout: "auto" },
    "& th, & td": { whiteSpace: "nowrap", minWidth: "56px" },
  },
  problems: { maxHeight: "220px", overflowY: "auto", margin: 0, paddingLeft: 0, listStyleType: "none" },
  excluded: { color: tokens.colorNeutralForeground3, textDecorationLine: "line-through" },
  roles: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
  details: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  formula: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  fieldset: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    margin: 0,
  },
});
