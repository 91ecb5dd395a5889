import { CalcError, messages } from "../core/errors";
import {
  DEFAULT_LOST_LABELS,
  DEFAULT_WON_LABELS,
  normaliseLabel,
  WIN_RATE_BASES,
  winRate as coreWinRate,
  WinRateBasis,
} from "../core/winRate";
import { defineFunction } from "./functionSpec";
import { option, range, text } from "./params";
import { inputError, isBlank, Matrix, whereIn } from "./values";

/**
 * WIN_RATE(outcomes, [won_label], [lost_label], [basis]): won / (won + lost) over a range of deal
 * stages ("CLOSED", the default), or won / all non-blank stages ("ALL"). Labels compare trimmed
 * and case-insensitive; a given label replaces the defaults ("Won"/"Closed Won", "Lost"/"Closed Lost").
 */
export const WIN_RATE = defineFunction({
  id: "WIN_RATE",
  params: [range("outcomes"), text("won_label"), text("lost_label"), option("basis", WIN_RATE_BASES)],
  result: "scalar",
  body: (m, won, lost, b) => winRateOf(m, won, lost, b),
});

/** The WIN_RATE adapter. */
export const winRate = WIN_RATE.compute;

function winRateOf(m: Matrix, won: string | null, lost: string | null, b: WinRateBasis): number | CalcError {
  const wonSet = won === null ? DEFAULT_WON_LABELS : [normaliseLabel(won)];
  const lostSet = lost === null ? DEFAULT_LOST_LABELS : [normaliseLabel(lost)];
  const clash = wonSet.find((w) => lostSet.includes(w));
  if (clash !== undefined) return messages.sameLabel(clash);

  const counts = { won: 0, lost: 0, open: 0 };
  for (let r = 0; r < m.length; r++) {
    for (let c = 0; c < m[r].length; c++) {
      const v = m[r][c];
      if (isBlank(v)) continue;
      const where = whereIn(m, "outcomes", r, c);
      const err = inputError(v, where);
      if (err) return err;
      if (typeof v !== "string") return messages.notText(where, v);
      const label = normaliseLabel(v);
      if (label === "") continue;
      if (wonSet.includes(label)) counts.won++;
      else if (lostSet.includes(label)) counts.lost++;
      else counts.open++;
    }
  }
  const rate = coreWinRate(counts, b);
  if (rate === null) return b === "CLOSED" ? messages.noClosedDeals() : messages.noOutcomes();
  return rate;
}
