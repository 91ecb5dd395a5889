import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles of the import dialog (theme tokens only). */
export const useImportDialogStyles = makeStyles({
  surface: { maxWidth: "min(1100px, 96vw)", width: "min(1100px, 96vw)" },
  options: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
    alignItems: "end",
    marginBottom: tokens.spacingVerticalM,
  },
  previewWrap: {
    overflowX: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    marginBottom: tokens.spacingVerticalM,
  },
  // Columns as wide as their type choice: a file with many columns scrolls sideways instead of
  // squeezing each header's name and type choice on top of each other.
  preview: { minWidth: "100%", tableLayout: "auto", fontSize: tokens.fontSizeBase200 },
  typeSelect: { minWidth: "150px" },
  headerStack: { flexDirection: "column", alignItems: "stretch" },
  headerCell: { verticalAlign: "top", paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  headerName: { fontWeight: tokens.fontWeightSemibold, display: "block", marginBottom: tokens.spacingVerticalXXS },
  mismatches: {
    maxHeight: "140px",
    overflowY: "auto",
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    fontSize: tokens.fontSizeBase200,
  },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});
