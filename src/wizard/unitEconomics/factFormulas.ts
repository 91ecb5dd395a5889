import { DEFAULT_WON_LABELS } from "../../core/winRate";
import { FactSources, FactTable, NEW_DEAL_TYPE, periodBounds } from "../../core/unitEconomics";
import { headerIndex } from "../../core/text";
import {
  columnRef,
  rowsWhere,
  stringLiteral,
  thisRow,
  trimmedEquals,
  trimmedEqualsAny,
} from "../../workbook/formulaText";

/** The fact formulas of a channel row, and the period's first and last day as values for the sheet. */
export interface FactFormulas {
  readonly first: number;
  readonly last: number;
  /** Qualified leads per month from the Activities table, or null without one (then it is typed). */
  readonly qualified: string | null;
  readonly meetings: string;
  readonly won: string;
  readonly revenue: string;
}

/**
 * The en-US formulas of a channel row's facts over the Deals (and Activities) tables, mirroring
 * {@link channelFacts}: SUMPRODUCT over the rows whose channel column, trimmed, equals the row's
 * "Fact channel" (compared with `=`, so the text matches only itself), whose date falls from the
 * period's first day to its last, divided by the period's months. The period is read from the
 * named cells `refs`, so editing them on the sheet recomputes the facts.
 *
 * @param refs the names of the period's first day, last day and month count.
 */
export function factFormulas(s: FactSources, refs: { first: string; last: string; months: string }): FactFormulas {
  const { first, last } = periodBounds(s.period);
  // The table's own header text, whatever case the settings typed it in.
  const col = (t: FactTable, c: string) => columnRef(t.source, t.headers[headerIndex(t.headers, c)]);
  const channel = thisRow("Fact channel");
  const within = (dates: string) => [`(${dates}>=${refs.first})`, `(${dates}<${refs.last}+1)`];
  const d = s.deals;
  const deal = [
    trimmedEquals(col(d.table, d.channel), channel),
    ...(d.type.trim() ? [trimmedEqualsAny(col(d.table, d.type), [NEW_DEAL_TYPE])] : []),
  ];
  const won = rowsWhere([
    ...deal,
    trimmedEqualsAny(col(d.table, d.stage), DEFAULT_WON_LABELS),
    ...within(col(d.table, d.closed)),
  ]);
  const a = s.activities;
  const activities = (type: string) =>
    a
      ? `=SUMPRODUCT(${rowsWhere([
          trimmedEquals(col(a.table, a.channel), channel),
          `(TRIM(${col(a.table, a.type)})=TRIM(${stringLiteral(type)}))`,
          ...within(col(a.table, a.date)),
        ])})/${refs.months}`
      : "";
  return {
    first,
    last,
    qualified: a ? activities(a.qualifiedType) : null,
    meetings: a
      ? activities(a.meetingType)
      : `=SUMPRODUCT(${rowsWhere([...deal, ...within(col(d.table, d.created))])})/${refs.months}`,
    won: `=SUMPRODUCT(${won})/${refs.months}`,
    revenue: `=SUMPRODUCT(${won},${col(d.table, d.amount)})/${refs.months}`,
  };
}
