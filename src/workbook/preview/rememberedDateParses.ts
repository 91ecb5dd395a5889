/**
 * The engine's comparisons and coercions read every text as a possible date first (so that
 * "2026-01-05" < "2026-02-01" compares days): HyperFormula parses the text again on every
 * comparison, which was about a fifth of a 100,000-deal KPI step (the leaderboard's lookups and
 * the criteria compare the same few hundred ids over and over). The parse depends only on the
 * text and the engine's configuration, which does not change, so the engine's arithmetic is
 * given one remembered parse per distinct text. Cell input is parsed as before (its texts are
 * mostly distinct).
 */
import { HyperFormula } from "hyperformula";

/** The part of HyperFormula's DateTimeHelper the arithmetic calls. */
interface DateParser {
  dateStringToDateNumber(text: string): unknown;
}

/** What the engine's interpreter holds, as far as this needs it (not part of HyperFormula's API). */
interface EngineInternals {
  readonly _evaluator?: { readonly interpreter?: { readonly arithmeticHelper?: { dateTimeHelper?: DateParser } } };
}

/** Distinct texts remembered before the memory starts again. */
const REMEMBERED = 100_000;

/**
 * Makes the engine's arithmetic parse each distinct text as a date once. Leaves the engine as it
 * is (slower, not different) when its internals are not as expected.
 * @returns whether the engine now remembers its parses.
 */
export function rememberDateParses(engine: HyperFormula, limit = REMEMBERED): boolean {
  const helper = (engine as unknown as EngineInternals)._evaluator?.interpreter?.arithmeticHelper;
  const parser = helper?.dateTimeHelper;
  if (!helper || !parser || typeof parser.dateStringToDateNumber !== "function") return false;
  const parse = parser.dateStringToDateNumber.bind(parser);
  const memo = new Map<string, unknown>();
  const remembering: DateParser = Object.create(parser, {
    dateStringToDateNumber: {
      value: (text: string) => {
        if (memo.has(text)) return memo.get(text);
        if (memo.size >= limit) memo.clear();
        const v = parse(text);
        memo.set(text, v);
        return v;
      },
    },
  });
  helper.dateTimeHelper = remembering;
  return true;
}
