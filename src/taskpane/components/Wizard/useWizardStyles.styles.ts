import { makeStyles, tokens } from "@fluentui/react-components";
import { useCommonStyles } from "../common/useCommonStyles.styles";

const useWizardOwnStyles = makeStyles({
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
  excluded: { color: tokens.colorNeutralForeground3, textDecorationLine: "line-through" },
  roles: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
});

/** Styles of the wizard and its steps: the pane's common layout and the wizard's own (theme tokens only). */
export function useWizardStyles(): ReturnType<typeof useCommonStyles> & ReturnType<typeof useWizardOwnStyles> {
  return { ...useCommonStyles(), ...useWizardOwnStyles() };
}
