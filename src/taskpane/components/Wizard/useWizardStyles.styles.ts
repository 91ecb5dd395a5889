import { makeStyles, tokens } from "@fluentui/react-components";
import { useCommonStyles } from "../common/useCommonStyles.styles";

const useWizardOwnStyles = makeStyles({
  preview: { overflowX: "auto", maxWidth: "100%" },
  excluded: { color: tokens.colorNeutralForeground3, textDecorationLine: "line-through" },
  roles: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
});

/** Styles of the wizard and its steps: the pane's common layout and the wizard's own (theme tokens only). */
export function useWizardStyles(): ReturnType<typeof useCommonStyles> & ReturnType<typeof useWizardOwnStyles> {
  return { ...useCommonStyles(), ...useWizardOwnStyles() };
}
