/**
 * The back-test's automatic column mapping: which header holds each deals and people field,
 * guessed from the header names as the data step does, and always correctable by the user.
 */

const normalise = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, " ");

/**
 * Each field takes the first unclaimed header matching its most specific clue, fields claiming
 * in the order given (so "Payment Date" is taken before "Date"). Unmatched fields stay null.
 */
function claim<F extends string>(
  headers: readonly string[],
  clues: readonly (readonly [F, readonly RegExp[]])[],
): Record<F, string | null> {
  const names = headers.map(normalise);
  const taken = new Set<number>();
  const out = {} as Record<F, string | null>;
  for (const [field, patterns] of clues) {
    out[field] = null;
    outer: for (const p of patterns) {
      for (let i = 0; i < names.length; i++) {
        if (!taken.has(i) && p.test(names[i])) {
          out[field] = headers[i];
          taken.add(i);
          break outer;
        }
      }
    }
  }
  return out;
}

/** The deals fields the back-test reads. */
export type DealField =
  "deal" | "owner" | "amount" | "closeDate" | "stage" | "paymentDate" | "cancelDate" | "term" | "sdr" | "sdrShare";

const DEAL_CLUES: readonly (readonly [DealField, readonly RegExp[]])[] = [
  ["paymentDate", [/payment date/, /\bpaid\b/, /collected/, /payment/]],
  ["cancelDate", [/cancel/, /churn/]],
  ["sdrShare", [/sdr share/, /sdr %/]],
  ["sdr", [/^sdr$/, /\bsdr\b/]],
  ["closeDate", [/close date/, /^closed$/, /close/, /booked/]],
  ["deal", [/deal id/, /opportunity id/, /^deal$/, /^id$/]],
  ["owner", [/^owner$/, /deal owner/, /\bowner\b/, /\brep\b/]],
  ["amount", [/^amount$/, /amount/, /\bvalue\b/, /revenue/]],
  ["stage", [/^stage$/, /stage/, /status/, /outcome/]],
  ["term", [/term/, /months/]],
];

/** Guesses the deals table's columns (header texts, or null when nothing matches). */
export function autoMapDeals(headers: readonly string[]): Record<DealField, string | null> {
  return claim(headers, DEAL_CLUES);
}

/** The people fields the back-test reads. */
export type PeopleField = "id" | "role" | "start" | "end" | "quota" | "draw";

const PEOPLE_CLUES: readonly (readonly [PeopleField, readonly RegExp[]])[] = [
  ["id", [/rep id/, /person id/, /employee id/, /^id$/]],
  ["role", [/^role$/, /\brole\b/, /\btitle\b/]],
  ["start", [/start/, /joined/, /hire/]],
  ["end", [/\bend\b/, /left/, /leav/, /termination/]],
  ["quota", [/quota/]],
  ["draw", [/draw/, /guarantee/]],
];

/** Guesses the people table's columns (header texts, or null when nothing matches). */
export function autoMapPeople(headers: readonly string[]): Record<PeopleField, string | null> {
  return claim(headers, PEOPLE_CLUES);
}

/** The fields of a separate credits table. */
export type CreditsField = "deal" | "person" | "share" | "role";

const CREDITS_CLUES: readonly (readonly [CreditsField, readonly RegExp[]])[] = [
  ["deal", [/deal id/, /opportunity id/, /^deal$/, /\bdeal\b/]],
  ["share", [/share/, /split/, /%/, /percent/]],
  ["role", [/^role$/, /\brole\b/]],
  ["person", [/^person$/, /rep id/, /person id/, /\brep\b/, /\bperson\b/, /credited/, /owner/, /name/]],
];

/** Guesses a credits table's columns (header texts, or null when nothing matches). */
export function autoMapCredits(headers: readonly string[]): Record<CreditsField, string | null> {
  return claim(headers, CREDITS_CLUES);
}

/** The fields of a table of actual payouts. */
export type ActualField = "person" | "amount";

const ACTUAL_CLUES: readonly (readonly [ActualField, readonly RegExp[]])[] = [
  ["person", [/^person$/, /rep id/, /person id/, /employee id/, /\brep\b/, /\bperson\b/, /payee/, /name/]],
  ["amount", [/^paid$/, /actual/, /amount/, /paid/, /payout/, /total/]],
];

/** Guesses an actual payouts table's columns (header texts, or null when nothing matches). */
export function autoMapActual(headers: readonly string[]): Record<ActualField, string | null> {
  return claim(headers, ACTUAL_CLUES);
}
