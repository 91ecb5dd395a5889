import { makeStyles, shorthands, tokens } from "@fluentui/react-components";

/** Styles of the pane's shared components and of the layout every tool uses (theme tokens only). */
export const useCommonStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // minWidth 0 and a 100% cap let fields shrink and wrap at Excel's 320 px pane width.
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap", minWidth: 0 },
  grow: { flexGrow: 1, minWidth: "120px", maxWidth: "100%" },
  mapping: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS },
  problems: { maxHeight: "220px", overflowY: "auto", margin: 0, paddingLeft: 0, listStyleType: "none" },
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
