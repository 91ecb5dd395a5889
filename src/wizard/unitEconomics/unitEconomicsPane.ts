/**
 * The Unit economics pane as data: the channels as typed, the structure to cost, a pure reducer
 * and the selectors it renders. Capacities, pay and the market come from the input it starts
 * from (the last run's settings, or the default input; the sheet's inputs are editable
 * afterwards); pay is replaced by the OTE scenarios' chosen plan at run time when that sheet
 * exists. The channels' facts can come from the workbook's Deals (and Activities) tables over a
 * period (factsForm.ts). No React and no workbook calls here.
 */
import {
  checkUnitEconomicsInput,
  ChannelFact,
  ChannelInput,
  STRUCTURE_KINDS,
  StructureKind,
  UnitEconomicsInput,
  UnitEconomicsInputError,
} from "../../core/unitEconomics";
import { excelTrimKey } from "../../core/text";
import { TableInfo } from "../../workbook/host";
import { idleRun, RunEvent, runReducer, RunState } from "../runState";
import {
  ActivitiesColumns,
  DealsColumns,
  EMPTY_FACTS,
  FactSettings,
  factSettingsOf,
  FactsDraft,
  factsDraftOf,
  guessActivities,
  guessDeals,
} from "./factsForm";
import { DEFAULT_UNIT_ECONOMICS_INPUT } from "./defaultInput";
import { UNIT_ECONOMICS_SHEET } from "./unitEconomicsSheet";

/** One channel as typed: every figure a text; rates, margin and churn as 0.25 or 25%. */
export interface ChannelDraft {
  readonly name: string;
  readonly spend: string;
  readonly leads: string;
  readonly qualifiedRate: string;
  readonly meetingRate: string;
  readonly wonRate: string;
  readonly averageDeal: string;
  readonly grossMargin: string;
  readonly monthlyChurn: string;
  /** The text the Deals (and Activities) channel column holds for this channel; "" means its name. */
  readonly factValue: string;
  /** The channel's facts, carried as they were (they are edited on the sheet). */
  readonly fact?: ChannelFact;
}

/** The figures of a channel draft, in table order, with the names the pane and its messages use. */
export const CHANNEL_FIELDS: readonly (readonly [
  Exclude<keyof ChannelDraft, "name" | "fact" | "factValue">,
  string,
])[] = [
  ["spend", "spend per month"],
  ["leads", "leads per month"],
  ["qualifiedRate", "lead to qualified rate"],
  ["meetingRate", "qualified to meeting rate"],
  ["wonRate", "meeting to won rate"],
  ["averageDeal", "average deal"],
  ["grossMargin", "gross margin"],
  ["monthlyChurn", "monthly churn"],
];

/** The structure choice: one structure, or all three side by side. */
export type StructureChoice = StructureKind | "All";

/** Everything the Unit economics pane shows. */
export interface UnitEconomicsPaneState {
  /** The input the form started from: its capacities, pay and market are run as they are. */
  readonly base: UnitEconomicsInput;
  readonly channels: readonly ChannelDraft[];
  readonly structure: StructureChoice;
  /** The workbook's tables, for the facts' table and column lists. */
  readonly tables: readonly TableInfo[];
  readonly facts: FactsDraft;
  readonly run: RunState;
}

/** What the unit-economics form and run live in. */
export interface UnitEconomicsContext {
  readonly pane: UnitEconomicsPaneState;
}

/** What the pane can tell its state. */
export type UnitEconomicsPaneAction =
  | { type: "loaded"; stored: UnitEconomicsSettings | null; tables?: readonly TableInfo[] }
  | { type: "dealsTableChanged"; table: string }
  | { type: "dealsChanged"; patch: Partial<DealsColumns> }
  | { type: "activitiesTableChanged"; table: string }
  | { type: "activitiesChanged"; patch: Partial<ActivitiesColumns> }
  | { type: "periodChanged"; patch: Partial<Pick<FactsDraft, "firstMonth" | "lastMonth">> }
  | { type: "channelChanged"; channel: number; patch: Partial<ChannelDraft> }
  | { type: "channelAdded" }
  | { type: "channelRemoved"; channel: number }
  | { type: "structureChanged"; structure: StructureChoice }
  | { type: "run"; event: RunEvent };

/** The settings a run takes: the model's input (pay as entered), the sheet to write, and where the facts come from. */
export interface UnitEconomicsSettings {
  readonly input: UnitEconomicsInput;
  readonly sheet: string;
  /** The Deals (and Activities) tables the facts are formulas over; absent when the facts are typed. */
  readonly facts?: FactSettings;
}

/** A channel as the form types it, with its text in the facts' channel column. */
export function channelDraft(c: ChannelInput, factValue = ""): ChannelDraft {
  return {
    factValue: excelTrimKey(factValue) === excelTrimKey(c.name) ? "" : factValue,
    name: c.name,
    spend: String(c.spend),
    leads: String(c.leads),
    qualifiedRate: String(c.rates[0]),
    meetingRate: String(c.rates[1]),
    wonRate: String(c.rates[2]),
    averageDeal: String(c.averageDeal),
    grossMargin: String(c.grossMargin),
    monthlyChurn: String(c.monthlyChurn),
    ...(c.fact ? { fact: c.fact } : {}),
  };
}

const BLANK_CHANNEL: ChannelDraft = channelDraft({
  name: "",
  spend: 0,
  leads: 0,
  rates: [0, 0, 0],
  averageDeal: 0,
  grossMargin: 0.8,
  monthlyChurn: 0.02,
});

/** The pane at first: the default input's channels, all three structures. */
export function initialUnitEconomicsPane(): UnitEconomicsPaneState {
  return {
    base: DEFAULT_UNIT_ECONOMICS_INPUT,
    channels: DEFAULT_UNIT_ECONOMICS_INPUT.channels.map((c) => channelDraft(c)),
    structure: "All",
    tables: [],
    facts: EMPTY_FACTS,
    run: idleRun,
  };
}

/** The choice of a stored list of structures: one of them, else all three. */
const choiceOf = (structures: readonly StructureKind[]): StructureChoice =>
  structures.length === 1 ? structures[0] : "All";

const edited = (s: UnitEconomicsPaneState, patch: Partial<UnitEconomicsPaneState>): UnitEconomicsPaneState => ({
  ...s,
  ...patch,
  run: s.run.status === "running" ? s.run : idleRun,
});

/** The pure reducer of the Unit economics pane. */
export function unitEconomicsPaneReducer(
  state: UnitEconomicsPaneState,
  action: UnitEconomicsPaneAction,
): UnitEconomicsPaneState {
  switch (action.type) {
    case "loaded": {
      const tables = action.tables ?? state.tables;
      const stored = action.stored;
      return stored
        ? {
            ...state,
            tables,
            base: stored.input,
            channels: stored.input.channels.map((c, i) => channelDraft(c, stored.facts?.values[i])),
            structure: choiceOf(stored.input.structures),
            facts: factsDraftOf(stored.facts),
          }
        : { ...state, tables };
    }
    case "dealsTableChanged": {
      const headers = headersOf(state.tables, action.table);
      return edited(state, { facts: { ...state.facts, dealsTable: action.table, deals: guessDeals(headers) } });
    }
    case "dealsChanged":
      return edited(state, { facts: { ...state.facts, deals: { ...state.facts.deals, ...action.patch } } });
    case "activitiesTableChanged": {
      const headers = headersOf(state.tables, action.table);
      const activities = guessActivities(headers, state.facts.activities);
      return edited(state, { facts: { ...state.facts, activitiesTable: action.table, activities } });
    }
    case "activitiesChanged":
      return edited(state, {
        facts: { ...state.facts, activities: { ...state.facts.activities, ...action.patch } },
      });
    case "periodChanged":
      return edited(state, { facts: { ...state.facts, ...action.patch } });
    case "channelChanged":
      return edited(state, {
        channels: state.channels.map((c, i) => (i === action.channel ? { ...c, ...action.patch } : c)),
      });
    case "channelAdded":
      return edited(state, { channels: [...state.channels, BLANK_CHANNEL] });
    case "channelRemoved":
      return edited(state, { channels: state.channels.filter((_, i) => i !== action.channel) });
    case "structureChanged":
      return edited(state, { structure: action.structure });
    case "run":
      return { ...state, run: runReducer(state.run, action.event) };
  }
}

/** The headers of a table by name (any case); none when there is no such table. */
export function headersOf(tables: readonly TableInfo[], table: string): readonly string[] {
  return tables.find((t) => excelTrimKey(t.name) === excelTrimKey(table))?.headers ?? [];
}

/** A typed figure: "1,200" -> 1200, "25%" -> 0.25; null when it is not a number. */
export function figureOf(text: string): number | null {
  const t = text.replace(/[,\s]/g, "");
  const percent = t.endsWith("%");
  const body = percent ? t.slice(0, -1) : t;
  if (body === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(body)) return null;
  const n = Number(body);
  return percent ? n / 100 : n;
}

/** The structures the choice costs. */
export const structuresOf = (choice: StructureChoice): readonly StructureKind[] =>
  choice === "All" ? STRUCTURE_KINDS : [choice];

/** The channels parsed, or the problems, each naming the channel and field. */
function parseChannels(drafts: readonly ChannelDraft[]): { channels: ChannelInput[]; problems: string[] } {
  const problems: string[] = [];
  const channels: ChannelInput[] = [];
  drafts.forEach((d, i) => {
    const who = d.name.trim() ? `Channel "${d.name.trim()}"` : `Channel ${i + 1}`;
    const v: Partial<Record<(typeof CHANNEL_FIELDS)[number][0], number>> = {};
    let ok = true;
    for (const [field, label] of CHANNEL_FIELDS) {
      const n = figureOf(d[field]);
      if (n === null) {
        problems.push(`${who}: ${label} is "${d[field]}"; enter a number.`);
        ok = false;
      } else v[field] = n;
    }
    if (!ok) return;
    channels.push({
      name: d.name.trim(),
      spend: v.spend!,
      leads: v.leads!,
      rates: [v.qualifiedRate!, v.meetingRate!, v.wonRate!],
      averageDeal: v.averageDeal!,
      grossMargin: v.grossMargin!,
      monthlyChurn: v.monthlyChurn!,
      ...(d.fact ? { fact: d.fact } : {}),
    });
  });
  return { channels, problems };
}

/** Each channel's text in the facts' channel column (its name when none is typed), or the problem of two alike. */
function factValues(drafts: readonly ChannelDraft[]): { values: string[]; problems: string[] } {
  const values = drafts.map((d) => (d.factValue.trim() ? d.factValue : d.name.trim()));
  const problems: string[] = [];
  const seen = new Map<string, string>();
  values.forEach((v, i) => {
    const other = seen.get(excelTrimKey(v));
    if (other !== undefined)
      problems.push(
        `Channels "${other}" and "${drafts[i].name.trim()}" both take the deals of "${v.trim()}"; give each its own.`,
      );
    seen.set(excelTrimKey(v), drafts[i].name.trim());
  });
  return { values, problems };
}

/** The model's input and fact settings from the form (the capacities, pay and market it started from), or the problems. */
function inputOf(pane: UnitEconomicsPaneState): {
  input: UnitEconomicsInput | null;
  facts?: FactSettings;
  problems: string[];
} {
  const parsed = parseChannels(pane.channels);
  const { channels } = parsed;
  const values = factValues(pane.channels);
  const facts = factSettingsOf(pane.facts, pane.tables, values.values);
  const problems = [
    ...parsed.problems,
    ...(facts.facts || facts.problems.length ? values.problems : []),
    ...facts.problems,
  ];
  if (problems.length) return { input: null, problems };
  const input: UnitEconomicsInput = { ...pane.base, channels, structures: structuresOf(pane.structure) };
  try {
    checkUnitEconomicsInput(input);
  } catch (e) {
    if (e instanceof UnitEconomicsInputError) return { input: null, problems: [e.message] };
    throw e;
  }
  return { input, facts: facts.facts, problems: [] };
}

/** What is wrong with the form, each naming the channel and field. */
export const unitEconomicsIssues = ({ pane }: UnitEconomicsContext): string[] => inputOf(pane).problems;

/** The run's settings, or null while {@link unitEconomicsIssues} lists anything. */
export function unitEconomicsSettingsFrom({ pane }: UnitEconomicsContext): UnitEconomicsSettings | null {
  const { input, facts } = inputOf(pane);
  return input ? { input, sheet: UNIT_ECONOMICS_SHEET, ...(facts ? { facts } : {}) } : null;
}
