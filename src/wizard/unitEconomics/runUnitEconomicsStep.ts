import {
  channelFacts,
  factWarnings,
  FactFigures,
  FactSources,
  periodBounds,
  StructurePay,
  UnitEconomicsInput,
} from "../../core/unitEconomics";
import { isoDate } from "../../core/dates";
import { formatNumber } from "../../core/format";
import { sameText } from "../../core/text";
import { NotOwnedError, WorkbookHost } from "../../workbook/host";
import { WARNING_PREFIX } from "../sheetWarnings";
import { scenarioNames, SCENARIOS_SHEET } from "../scenarios/layout";
import { Progress, runStep, StepContext, StepModule } from "../stepRun";
import { ChosenPay, payFromChosenPlan } from "./chosenPlan";
import { FactSettings } from "./factsForm";
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
  /** Each channel's facts per month from the Deals (and Activities) tables, when they were read. */
  readonly facts: readonly FactFigures[] | null;
  /** What the facts count that the user should check (rows repeated in the fact tables); shown in the pane and on the sheet. */
  readonly warnings: readonly string[];
}

/** The fact sources of the settings, with the tables read from the workbook. */
async function readFactSources(host: WorkbookHost, f: FactSettings): Promise<FactSources> {
  const { table: dealsTable, ...deals } = f.deals;
  const activities = f.activities
    ? await (async (a) => {
        const { table, ...columns } = a;
        return { table: await host.readTable(table), ...columns };
      })(f.activities)
    : null;
  return {
    deals: { table: await host.readTable(dealsTable), ...deals },
    activities,
    period: f.period,
    values: f.values,
  };
}

/** The input with each channel's facts from the tables (spend and leads stay as typed). */
export function inputWithFacts(input: UnitEconomicsInput, facts: readonly FactFigures[]): UnitEconomicsInput {
  return {
    ...input,
    channels: input.channels.map((c, i) => ({
      ...c,
      fact: {
        spend: c.fact?.spend ?? null,
        leads: c.fact?.leads ?? null,
        qualified: facts[i].qualified ?? c.fact?.qualified ?? null,
        meetings: facts[i].meetings,
        won: facts[i].won,
        revenue: facts[i].revenue,
      },
    })),
  };
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
  let input: UnitEconomicsInput = { ...s.input, pay: chosen.pay };
  let sources: FactSources | undefined;
  let facts: FactFigures[] | null = null;
  if (s.facts) {
    await step(
      0.2,
      `Reading the facts from ${s.facts.deals.table}${s.facts.activities ? ` and ${s.facts.activities.table}` : ""}`,
    );
    sources = await readFactSources(host, s.facts);
    facts = channelFacts(
      sources,
      input.channels.map((c) => c.name),
    );
    input = inputWithFacts(input, facts);
  }
  await step(0.4, `Building "${s.sheet}"`);
  const warnings = sources ? factWarnings(sources) : [];
  const spec = unitEconomicsSheet(input, s.sheet, sources, warnings);
  const existing = sheets.find((x) => sameText(x.name, s.sheet));
  if (existing && !existing.owned) throw new NotOwnedError(existing.name);
  await step(0.7, `Writing "${s.sheet}"`);
  await host.writeSheet(spec);
  return { ...chosen, scenariosRead: scenarios, facts, warnings };
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
      Array.isArray(s.input.channels) &&
      (s.facts === undefined ||
        (typeof s.facts === "object" &&
          s.facts !== null &&
          typeof s.facts.deals?.table === "string" &&
          Array.isArray(s.facts.values) &&
          typeof s.facts.period?.first?.year === "number"))
      ? (s as UnitEconomicsSettings)
      : null;
  },
  issues: unitEconomicsIssues,
  settingsFrom: unitEconomicsSettingsFrom,
  run: unitEconomicsRun,
  summary: (s, r) => ({
    message: `Wrote "${s.sheet}": ${s.input.channels.length} channel(s), costed as ${s.input.structures.join(", ")}.`,
    details: [...r.warnings.map((w) => `${WARNING_PREFIX}${w}`), ...factsDetail(s, r), ...payDetail(r)],
  }),
  sheetOf: (s) => s.sheet,
};

/** The summary line of the facts: where from, over which days, and the wins a month per channel. */
function factsDetail(s: UnitEconomicsSettings, r: UnitEconomicsResult): string[] {
  if (!s.facts || !r.facts) return [];
  const { first, last, months } = periodBounds(s.facts.period);
  const won = s.input.channels
    .map((c, i) => `${c.name} ${formatNumber(Math.round(r.facts![i].won * 10) / 10)}`)
    .join(", ");
  const from = s.facts.activities ? `${s.facts.deals.table} and ${s.facts.activities.table}` : s.facts.deals.table;
  return [
    `Facts from ${from}, ${isoDate(first)} to ${isoDate(last)} (${months} month${months === 1 ? "" : "s"}), as live formulas; won a month: ${won}.`,
  ];
}

/** The summary line of the pay. */
function payDetail(r: UnitEconomicsResult): string[] {
  return r.fromPlan.length
    ? [
        `Pay of ${r.fromPlan.map((k) => PAY_LABELS[k]).join(", ")} from the OTE scenarios' chosen plan; the other roles' pay is the default (edit it on the sheet).`,
      ]
    : [
        `${r.scenariosRead ? "No role is chosen on OTE Scenarios" : "No OTE Scenarios sheet"}: pay is the default; edit it on the sheet, or run the OTE scenarios step first.`,
      ];
}

/** Runs the unit-economics tool outside the pane (tests, scripts), storing its settings after the sheet. */
export function runUnitEconomicsStep(
  host: WorkbookHost,
  s: UnitEconomicsSettings,
  progress: Progress = () => {},
  signal?: AbortSignal,
): Promise<UnitEconomicsResult> {
  return runStep(unitEconomicsStep, host, s, progress, signal);
}
