import * as React from "react";
import { TableInfo, WorkbookHost } from "../../../workbook/host";
import { quotaStep } from "../../../wizard/quotas/runQuotaStep";
import { scenarioStep } from "../../../wizard/scenarios/runScenarioStep";
import { territoryStep } from "../../../wizard/territories/runTerritoryStep";
import { StepId, WizardAction, WizardState, WizardStepModule } from "../../../wizard/wizardState";
import { DataStep } from "./DataStep";
import { QuotasStep } from "./QuotasStep";
import { ReviewStep } from "./ReviewStep";
import { ScenariosStep } from "./ScenariosStep";
import { TerritoriesStep } from "./TerritoriesStep";
import { WizardData } from "./useWizardData";

/** What every step's panel gets from the wizard. */
export interface StepPanelProps {
  readonly state: WizardState;
  readonly dispatch: (action: WizardAction) => void;
  readonly host: WorkbookHost;
  readonly data: WizardData;
  /** Runs the step's module with the settings from its form (nothing when the form has issues). */
  readonly run: () => void;
  /** Cancels the step's run. */
  readonly cancel: () => void;
}

/** A step of the wizard as the pane shows it: its panel, and the module it runs (if it runs one). */
export interface WizardStepView {
  readonly id: StepId;
  readonly label: string;
  readonly Panel: React.ComponentType<StepPanelProps>;
  // The list holds modules of different settings and results; each is only used with its own.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly module?: WizardStepModule<any, any>;
  /** After its stored settings are restored: reads what they need (the territory step's accounts). */
  readonly afterRestore?: (settings: never, tables: readonly TableInfo[], data: WizardData) => void;
}

/** A step view of a module, with the module's label. */
function runView<S, R>(
  module: WizardStepModule<S, R>,
  Panel: React.ComponentType<StepPanelProps>,
  afterRestore?: (settings: S, tables: readonly TableInfo[], data: WizardData) => void,
): WizardStepView {
  return {
    id: module.id,
    label: module.label,
    Panel,
    module,
    afterRestore: afterRestore as WizardStepView["afterRestore"],
  };
}

/** The wizard's steps, in order: what the wizard renders. A new planning tool is one more entry. */
export const WIZARD_STEPS: readonly WizardStepView[] = [
  { id: "data", label: "Data", Panel: DataStep },
  runView(territoryStep, TerritoriesStep, (s, tables, data) => {
    if (s.source.kind === "table" && tables.some((t) => t.name === (s.source as { name: string }).name))
      data.load(s.source, true);
  }),
  runView(quotaStep, QuotasStep),
  runView(scenarioStep, ScenariosStep),
  { id: "review", label: "Review", Panel: ReviewStep },
];
