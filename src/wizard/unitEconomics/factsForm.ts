/**
 * The facts part of the Unit economics pane: which Deals (and Activities) table and columns the
 * channels' facts come from, and the period, as typed; the settings a run takes; the problems,
 * each naming the table or field. Data problems inside the tables (text dates, text amounts) are
 * found at run time by {@link checkFactSources}, which names the table, column and row.
 */
import { FactPeriod } from "../../core/unitEconomics";
import { headerIndex, sameText } from "../../core/text";
import { TableInfo } from "../../workbook/host";

/** The Deals columns the facts read, by field. */
export interface DealsColumns {
  readonly channel: string;
  readonly stage: string;
  readonly created: string;
  readonly closed: string;
  readonly amount: string;
  /** "" for none. */
  readonly type: string;
}

/** The Activities columns and types the facts read. */
export interface ActivitiesColumns {
  readonly channel: string;
  readonly date: string;
  readonly type: string;
  readonly qualifiedType: string;
  readonly meetingType: string;
}

/** The facts form as typed. A blank Deals table means the facts are typed on the sheet. */
export interface FactsDraft {
  readonly dealsTable: string;
  readonly deals: DealsColumns;
  /** "" for none. */
  readonly activitiesTable: string;
  readonly activities: ActivitiesColumns;
  /** "2026-01". */
  readonly firstMonth: string;
  readonly lastMonth: string;
}

/** The facts a run reads: tables and columns by name, the period, each channel's text in the channel column. */
export interface FactSettings {
  readonly deals: { readonly table: string } & DealsColumns;
  readonly activities: ({ readonly table: string } & ActivitiesColumns) | null;
  readonly period: FactPeriod;
  /** Per channel, in channel order. */
  readonly values: readonly string[];
}

/** The Deals fields as the pane labels them; the last is optional. */
export const DEALS_FIELDS: readonly (readonly [keyof DealsColumns, string])[] = [
  ["channel", "Channel column"],
  ["stage", "Stage"],
  ["created", "Created date"],
  ["closed", "Close date"],
  ["amount", "Monthly amount"],
  ["type", "Deal type (optional: only New deals count)"],
];

/** The Activities columns as the pane labels them. */
export const ACTIVITIES_FIELDS: readonly (readonly [keyof ActivitiesColumns, string])[] = [
  ["channel", "Channel column"],
  ["date", "Date"],
  ["type", "Activity type"],
];

const GUESSES: Readonly<Record<string, readonly string[]>> = {
  channel: ["channel", "source", "lead source", "acquisition channel", "campaign"],
  stage: ["stage", "status", "outcome"],
  created: ["created", "created date", "created on", "opened", "open date"],
  closed: ["closed", "close date", "closed date", "closed on"],
  amount: ["amount", "mrr", "monthly amount", "value", "revenue"],
  type: ["type", "deal type"],
  date: ["date", "activity date"],
};

/** The first header matching one of a field's usual names, or "". */
function guess(headers: readonly string[], field: string): string {
  for (const name of GUESSES[field] ?? []) {
    const i = headerIndex(headers, name);
    if (i >= 0) return headers[i];
  }
  return "";
}

/** The empty form: no tables, so the facts are typed. */
export const EMPTY_FACTS: FactsDraft = {
  dealsTable: "",
  deals: { channel: "", stage: "", created: "", closed: "", amount: "", type: "" },
  activitiesTable: "",
  activities: { channel: "", date: "", type: "", qualifiedType: "SQL", meetingType: "Meeting" },
  firstMonth: "",
  lastMonth: "",
};

/** The Deals columns guessed from a table's headers. */
export function guessDeals(headers: readonly string[]): DealsColumns {
  return {
    channel: guess(headers, "channel"),
    stage: guess(headers, "stage"),
    created: guess(headers, "created"),
    closed: guess(headers, "closed"),
    amount: guess(headers, "amount"),
    type: guess(headers, "type"),
  };
}

/** The Activities columns guessed from a table's headers, keeping the types typed. */
export function guessActivities(headers: readonly string[], typed: ActivitiesColumns): ActivitiesColumns {
  return { ...typed, channel: guess(headers, "channel"), date: guess(headers, "date"), type: guess(headers, "type") };
}

/** "2026-01" as a year and month, or null. */
export function monthOf(text: string): { year: number; month: number } | null {
  const m = /^\s*(\d{4})-(\d{1,2})\s*$/.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
}

/** "2026-01" for a year and month. */
export const monthText = (p: { year: number; month: number }) => `${p.year}-${String(p.month).padStart(2, "0")}`;

/** The form of stored fact settings. */
export function factsDraftOf(s: FactSettings | undefined): FactsDraft {
  if (!s) return EMPTY_FACTS;
  const { table: dealsTable, ...deals } = s.deals;
  const activities = s.activities ? (({ table: _t, ...rest }) => rest)(s.activities) : EMPTY_FACTS.activities;
  return {
    dealsTable,
    deals,
    activitiesTable: s.activities?.table ?? "",
    activities,
    firstMonth: monthText(s.period.first),
    lastMonth: monthText(s.period.last),
  };
}

function tableProblems(
  what: string,
  table: string,
  tables: readonly TableInfo[],
  columns: readonly (readonly [string, string, boolean])[],
): string[] {
  const t = tables.find((x) => sameText(x.name, table));
  if (!t) return [`${what} table "${table}" is not in the workbook; choose one from the list.`];
  const out: string[] = [];
  for (const [value, label, optional] of columns) {
    const field = label.toLowerCase().replace(/ column$/, "");
    if (!value.trim()) {
      if (!optional) out.push(`${what} (${t.name}): choose the ${field} column.`);
    } else if (headerIndex(t.headers, value) < 0)
      out.push(`${what} (${t.name}): there is no column "${value}" (${field}); choose one from the list.`);
  }
  return out;
}

/**
 * The fact settings from the form, or the problems, each naming the table or field. A blank Deals
 * table is no facts at all (settings undefined, no problems).
 * @param values each channel's text in the channel column, in channel order.
 */
export function factSettingsOf(
  draft: FactsDraft,
  tables: readonly TableInfo[],
  values: readonly string[],
): { facts: FactSettings | undefined; problems: string[] } {
  if (!draft.dealsTable.trim()) return { facts: undefined, problems: [] };
  const problems = tableProblems(
    "Deals",
    draft.dealsTable,
    tables,
    DEALS_FIELDS.map(([k, label]) => [draft.deals[k], label.replace(/ \(optional.*$/, ""), k === "type"] as const),
  );
  const usesActivities = draft.activitiesTable.trim() !== "";
  if (usesActivities) {
    problems.push(
      ...tableProblems(
        "Activities",
        draft.activitiesTable,
        tables,
        ACTIVITIES_FIELDS.map(([k, label]) => [draft.activities[k], label, false] as const),
      ),
    );
    if (!draft.activities.qualifiedType.trim())
      problems.push("Activities: enter the activity type that is a qualified lead (e.g. SQL).");
    if (!draft.activities.meetingType.trim())
      problems.push("Activities: enter the activity type that is a meeting (e.g. Meeting).");
  }
  const first = monthOf(draft.firstMonth);
  const last = monthOf(draft.lastMonth);
  if (!first) problems.push(`Facts period: first month is "${draft.firstMonth}"; enter it as yyyy-mm (2026-01).`);
  if (!last) problems.push(`Facts period: last month is "${draft.lastMonth}"; enter it as yyyy-mm (2026-03).`);
  if (first && last && first.year * 12 + first.month > last.year * 12 + last.month)
    problems.push(`Facts period: the last month ${draft.lastMonth} is before the first ${draft.firstMonth}.`);
  if (problems.length || !first || !last) return { facts: undefined, problems };
  const name = (table: string) => tables.find((x) => sameText(x.name, table))!.name;
  return {
    facts: {
      deals: { table: name(draft.dealsTable), ...draft.deals },
      activities: usesActivities ? { table: name(draft.activitiesTable), ...draft.activities } : null,
      period: { first, last },
      values,
    },
    problems: [],
  };
}
