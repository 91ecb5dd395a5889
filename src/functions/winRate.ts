import { CalcError, isCalcError, messages } from "../core/errors";
import {
  DEFAULT_LOST_LABELS,
  DEFAULT_WON_LABELS,
  normaliseLabel,
  WIN_RATE_BASES,
  winRate as coreWinRate,
} from "../core/winRate";
import { asMatrix, inputError, isBlank, readOption, readOptionalText, whereIn } from "./values";

/**
 * WIN_RATE(outcomes, [won_label], [lost_label], [basis]): won / (won + lost) over a range of deal
 * stages ("CLOSED", the default), or won / all non-blank stages ("ALL"). Labels compare trimmed
 * and case-insensitive; a given label replaces the defaults ("Won"/"Closed Won", "Lost"/"Closed Lost").
 */
export function winRate(
  outcomes: unknown,
  wonLabel?: unknown,
  lostLabel?: unknown,
  basis?: unknown,
): number | CalcError {
  const m = asMatrix(outcomes, "outcomes");
  if (isCalcError(m)) return m;
  const won = readOptionalText(wonLabel, "won_label");
  if (isCalcError(won)) return won;
  const lost = readOptionalText(lostLabel, "lost_label");
  if (isCalcError(lost)) return lost;
  const b = readOption(basis, "basis", WIN_RATE_BASES);
  if (isCalcError(b)) return b;
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
