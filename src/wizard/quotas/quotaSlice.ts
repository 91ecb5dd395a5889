/** The quota step's slice of the wizard: its form after each action. Pure. */
import type { WizardAction, WizardState } from "../wizardState";
import { chooseHistoryTable, choosePotentialTable, QuotaForm, quotaFormFrom, withQuotaDefaults } from "./quotaForm";

/** The quota form after an action; `state` is the wizard with the data and territory slices already updated. */
export function quotaSlice(state: WizardState, action: WizardAction): QuotaForm {
  const q = state.quota;
  switch (action.type) {
    case "tablesLoaded":
      return withQuotaDefaults(q, action.tables, state.territory.sheet, state.territory.repsTable);
    case "quotaFormChanged":
      return { ...q, ...action.patch };
    case "quotaPotentialTableChosen":
      return choosePotentialTable(q, state.tables.find((t) => t.name === action.table) ?? null);
    case "quotaHistoryTableChosen":
      return chooseHistoryTable(q, state.tables.find((t) => t.name === action.table) ?? null);
    case "quotaSettingsRestored":
      return quotaFormFrom(action.settings);
    default:
      return q;
  }
}
