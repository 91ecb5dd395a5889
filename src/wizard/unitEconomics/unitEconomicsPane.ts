/**
 * The Unit economics pane as data: the channels as typed, the structure to cost, a pure reducer
 * and the selectors it renders. Capacities, pay and the market come from the input it starts
 * from (the last run's settings, or the default input; the sheet's inputs are editable
 * afterwards); pay is replaced by the OTE scenarios' chosen plan at run time when that sheet
 * exists. No React and no workbook calls here.
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
import { idleRun, RunEvent, runReducer, RunState } from "../runState";
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
  /** The channel's facts, carried as they were (they are edited on the sheet). */
  readonly fact?: ChannelFact;
}

/** The figures of a channel draft, in table order, with the names the pane and its messages use. */
export const CHANNEL_FIELDS: readonly (readonly [Exclude<keyof ChannelDraft, "name" | "fact">, string])[] = [
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
  readonly run: RunState;
}

/** What the unit-economics form and run live in. */
export interface UnitEconomicsContext {
  readonly pane: UnitEconomicsPaneState;
}

/** What the pane can tell its state. */
export type UnitEconomicsPaneAction =
  | { type: "loaded"; stored: UnitEconomicsSettings | null }
  | { type: "channelChanged"; channel: number; patch: Partial<ChannelDraft> }
  | { type: "channelAdded" }
  | { type: "channelRemoved"; channel: number }
  | { type: "structureChanged"; structure: StructureChoice }
  | { type: "run"; event: RunEvent };

/** The settings a run takes: the model's input (pay as entered) and the sheet to write. */
export interface UnitEconomicsSettings {
  readonly input: UnitEconomicsInput;
  readonly sheet: string;
}

/** A channel as the form types it. */
export function channelDraft(c: ChannelInput): ChannelDraft {
  return {
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
    channels: DEFAULT_UNIT_ECONOMICS_INPUT.channels.map(channelDraft),
    structure: "All",
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
    case "loaded":
      return action.stored
        ? {
            ...state,
            base: action.stored.input,
            channels: action.stored.input.channels.map(channelDraft),
            structure: choiceOf(action.stored.input.structures),
          }
        : state;
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

/** The model's input from the form (the capacities, pay and market it started from), or the problems. */
function inputOf(pane: UnitEconomicsPaneState): { input: UnitEconomicsInput | null; problems: string[] } {
  const { channels, problems } = parseChannels(pane.channels);
  if (problems.length) return { input: null, problems };
  const input: UnitEconomicsInput = { ...pane.base, channels, structures: structuresOf(pane.structure) };
  try {
    checkUnitEconomicsInput(input);
  } catch (e) {
    if (e instanceof UnitEconomicsInputError) return { input: null, problems: [e.message] };
    throw e;
  }
  return { input, problems: [] };
}

/** What is wrong with the form, each naming the channel and field. */
export const unitEconomicsIssues = ({ pane }: UnitEconomicsContext): string[] => inputOf(pane).problems;

/** The run's settings, or null while {@link unitEconomicsIssues} lists anything. */
export function unitEconomicsSettingsFrom({ pane }: UnitEconomicsContext): UnitEconomicsSettings | null {
  const { input } = inputOf(pane);
  return input ? { input, sheet: UNIT_ECONOMICS_SHEET } : null;
}
