import { StructurePay } from "../../core/unitEconomics";
import { sameText } from "../../core/text";
import { NotOwnedError, WorkbookHost } from "../../workbook/host";
import { scenarioNames, SCENARIOS_SHEET } from "../scenarios/layout";
import { Progress, runStep, StepContext, StepModule } from "../stepRun";
import { ChosenPay, payFromChosenPlan } from "./chosenPlan";
import { unitEconomicsSheet } from "./unitEconomicsSheet";
import {
  UnitEconomicsContext,
  unitEconomicsIssues,
  UnitEconomicsSettings,
  unitEconomicsSettingsFrom,
} from "./unitEconomicsPane";

/** The settings key the unit-economics tool stores its last run under. */
export const UNIT_ECONOMICS_SETTINGS_KEY = "unitEconomics";

/** What a run did: the pay it used and which of it came from the OTE scenarios' chosen plan. */
export interface UnitEconomicsResult extends ChosenPay {
  /** True when the OTE Scenarios sheet was there to read. */
  readonly scenariosRead: boolean;
}

const PAY_LABELS: Readonly<Record<keyof StructurePay, string>> = {
  sdr: "SDR",
  ae: "AE",
  csr: "CSR",
  generalist: "Generalist",
  podMember: "POD member",
};

/**
 * Reads the OTE scenarios' chosen plan when the OTE Scenarios sheet exists, then builds and
 * writes the Unit Economics sheet. Bad input is refused before anything is written.
 */
async function unitEconomicsRun(
  host: WorkbookHost,
  s: UnitEconomicsSettings,
  { step }: StepContext,
): Promise<UnitEconomicsResult> {
  await step(0.1, "Looking for the OTE scenarios' chosen plan");
  const sheets = await host.listSheets();
  const scenarios = sheets.some((x) => sameText(x.name, SCENARIOS_SHEET));
  const chosen: ChosenPay = scenarios
    ? payFromChosenPlan(await host.readTable(scenarioNames(SCENARIOS_SHEET).scenarios), s.input.pay)
    : { pay: s.input.pay, fromPlan: [] };
  await step(0.4, `Building "${s.sheet}"`);
  const spec = unitEconomicsSheet({ ...s.input, pay: chosen.pay }, s.sheet);
  const existing = sheets.find((x) => sameText(x.name, s.sheet));
  if (existing && !existing.owned) throw new NotOwnedError(existing.name);
  await step(0.7, `Writing "${s.sheet}"`);
  await host.writeSheet(spec);
  return { ...chosen, scenariosRead: scenarios };
}

/** The Unit economics tool: channels, the team each structure needs, what it costs. */
export const unitEconomicsStep: StepModule<UnitEconomicsContext, UnitEconomicsSettings, UnitEconomicsResult> = {
  id: "unitEconomics",
  label: "Unit economics",
  settingsKey: UNIT_ECONOMICS_SETTINGS_KEY,
  parseSettings: (stored) => {
    const s = stored as Partial<UnitEconomicsSettings> | null;
    return s &&
      typeof s.sheet === "string" &&
      typeof s.input === "object" &&
      s.input !== null &&
      Array.isArray(s.input.channels)
      ? (s as UnitEconomicsSettings)
      : null;
  },
  issues: unitEconomicsIssues,
  settingsFrom: unitEconomicsSettingsFrom,
  run: unitEconomicsRun,
  summary: (s, r) => ({
    message: `Wrote "${s.sheet}": ${s.input.channels.length} channel(s), costed as ${s.input.structures.join(", ")}.`,
    details: r.fromPlan.length
      ? [
          `Pay of ${r.fromPlan.map((k) => PAY_LABELS[k]).join(", ")} from the OTE scenarios' chosen plan; the other roles' pay is the default (edit it on the sheet).`,
        ]
      : [
          `${r.scenariosRead ? "No role is chosen on OTE Scenarios" : "No OTE Scenarios sheet"}: pay is the default; edit it on the sheet, or run the OTE scenarios step first.`,
        ],
  }),
  sheetOf: (s) => s.sheet,
};

/** Runs the unit-economics tool outside the pane (tests, scripts), storing its settings after the sheet. */
export function runUnitEconomicsStep(
  host: WorkbookHost,
  s: UnitEconomicsSettings,
  progress: Progress = () => {},
  signal?: AbortSignal,
): Promise<UnitEconomicsResult> {
  return runStep(unitEconomicsStep, host, s, progress, signal);
}
