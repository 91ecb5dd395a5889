import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles of the preview's file toolbar and drop zone (theme tokens only). */
export const useWorkbookFilesStyles = makeStyles({
  root: { display: "grid", gridTemplateRows: "auto auto minmax(0, 1fr)", height: "100%", minHeight: 0 },
  toolbar: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, flexWrap: "wrap" },
  hidden: { display: "none" },
  drop: { minHeight: 0, position: "relative" },
  dragging: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-4px" },
  status: { margin: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});
