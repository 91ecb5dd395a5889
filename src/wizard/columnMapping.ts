/**
 * The data step's automatic column mapping: which header holds each account field, guessed from
 * the header names and always shown to the user, who can correct each one.
 */

/** The account fields the territory step uses. */
export type AccountField = "id" | "potential" | "workload" | "group" | "region" | "owner" | "pinned" | "latitude" | "longitude";

/** Every field with its label and whether the territory step needs it. */
export const ACCOUNT_FIELDS: readonly { readonly field: AccountField; readonly label: string; readonly required: boolean }[] = [
  { field: "id", label: "Account", required: true },
  { field: "potential", label: "Potential", required: true },
  { field: "workload", label: "Workload", required: false },
  { field: "group", label: "Segment", required: false },
  { field: "region", label: "Region", required: false },
  { field: "owner", label: "Current owner", required: false },
  { field: "pinned", label: "Pinned owner", required: false },
  { field: "latitude", label: "Latitude / y", required: false },
  { field: "longitude", label: "Longitude / x", required: false },
];

/** Field -> column index in the headers, or null when unmapped. */
export type ColumnMapping = Readonly<Record<AccountField, number | null>>;

/** Header words that suggest each field, most specific first (issue: data step). */
const CLUES: Readonly<Record<AccountField, readonly RegExp[]>> = {
  pinned: [/pinned/, /named owner/, /\bnamed\b/],
  owner: [/current owner/, /\bowner\b/, /\brep\b/],
  id: [/account id/, /\baccount\b/, /\bid\b/, /\bname\b/],
  potential: [/potential/, /revenue/, /\bvalue\b/],
  workload: [/workload/, /hours/, /contacts/],
  group: [/segment/, /sector/, /vertical/, /industry/],
  region: [/region/, /territory/, /\bgeo\b/, /location/, /country/],
  latitude: [/latitude/, /^lat$/, /^y$/],
  longitude: [/longitude/, /^lon$/, /^lng$/, /^x$/],
};

/** The order in which fields claim columns, so "Pinned Owner" is not taken for "Owner". */
const CLAIM_ORDER: readonly AccountField[] = ["pinned", "owner", "latitude", "longitude", "potential", "workload", "group", "region", "id"];

const normalise = (h: string) => h.trim().toLowerCase().replace(/[_\s]+/g, " ");

/**
 * Guesses the mapping from header names: each field takes the first unclaimed column whose
 * header matches its most specific clue. Fields with no match stay unmapped (never guessed).
 */
export function autoMap(headers: readonly string[]): ColumnMapping {
  const names = headers.map(normalise);
  const taken = new Set<number>();
  const mapping = Object.fromEntries(ACCOUNT_FIELDS.map((f) => [f.field, null])) as Record<AccountField, number | null>;
  for (const field of CLAIM_ORDER) {
    outer: for (const clue of CLUES[field]) {
      for (let i = 0; i < names.length; i++) {
        if (!taken.has(i) && clue.test(names[i])) {
          mapping[field] = i;
          taken.add(i);
          break outer;
        }
      }
    }
  }
  return mapping;
}
