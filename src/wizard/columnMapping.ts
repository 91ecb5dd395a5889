import { textKey } from "../core/text";
/**
 * The data step's automatic column mapping: which header holds each account field, guessed from
 * the header names and always shown to the user, who can correct each one.
 */

/** The account fields the territory step uses. */
export type AccountField =
  "id" | "potential" | "workload" | "group" | "region" | "owner" | "pinned" | "latitude" | "longitude";

/** Every field with its label and whether the territory step needs it. */
export const ACCOUNT_FIELDS: readonly {
  readonly field: AccountField;
  readonly label: string;
  readonly required: boolean;
}[] = [
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
const CLAIM_ORDER: readonly AccountField[] = [
  "pinned",
  "owner",
  "latitude",
  "longitude",
  "potential",
  "workload",
  "group",
  "region",
  "id",
];

const normalise = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, " ");

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

/** A mapping as saved with the settings: field -> the header text it used, or null. */
export type SavedMapping = Readonly<Record<AccountField, string | null>>;

/** The header text each mapped field uses, for saving (indices are not saved: columns move). */
export function mappingHeaders(mapping: ColumnMapping, headers: readonly string[]): SavedMapping {
  return Object.fromEntries(
    ACCOUNT_FIELDS.map(({ field }) => [field, mapping[field] === null ? null : (headers[mapping[field]!] ?? null)]),
  ) as SavedMapping;
}

/** Saved header names matched to the headers of the data as it is now. */
export interface MatchedColumns<F extends string> {
  /** Each field on the column whose header it saved (same text after trimming and case), or null. */
  readonly mapping: Readonly<Record<F, number | null>>;
  /** Fields whose saved header is no longer there: left unmapped, to be shown to the user. */
  readonly missing: readonly { readonly field: F; readonly header: string }[];
  /** Fields whose header is now in another column than when saved (applied, and worth saying). */
  readonly moved: readonly F[];
  /** One sentence for the user, or null when every saved header was found where it was. */
  readonly notice: string | null;
}

/**
 * Matches saved header names to the current headers by name, never by column position: a
 * column that moved is followed, one that vanished is left unmapped and named in the notice.
 * @param labels each field's label, in the order fields are listed.
 * @param before the columns' indices when saved (to tell a move), if known.
 * @param what what the mapping is, for the notice ("column mapping", "reps table's columns").
 */
export function matchSavedHeaders<F extends string>(
  saved: Readonly<Partial<Record<F, string | null>>>,
  headers: readonly string[],
  labels: Readonly<Record<F, string>>,
  before: Readonly<Record<F, number | null>> | null | undefined,
  what: string,
): MatchedColumns<F> {
  const fields = Object.keys(labels) as F[];
  const mapping = Object.fromEntries(fields.map((f) => [f, null])) as Record<F, number | null>;
  const missing: { field: F; header: string }[] = [];
  const moved: F[] = [];
  for (const field of fields) {
    const header = saved[field];
    if (header === null || header === undefined) continue;
    const i = headers.findIndex((h) => textKey(h) === textKey(header));
    if (i < 0) missing.push({ field, header });
    else {
      mapping[field] = i;
      if (before && before[field] !== null && before[field] !== i) moved.push(field);
    }
  }
  const parts = [
    ...missing.map(
      (m) =>
        `the column "${m.header}" (${labels[m.field]}) is no longer in the data, so ${labels[m.field]} is unmapped`,
    ),
    ...(moved.length
      ? [
          `${moved.map((f) => labels[f]).join(", ")} followed ${moved.length === 1 ? "its column" : "their columns"} to a new position`,
        ]
      : []),
  ];
  const notice = parts.length
    ? `The saved ${what} was matched by header name: ${parts.join("; ")}. Check the mapping before running.`
    : null;
  return { mapping, missing, moved, notice };
}

/** A saved account mapping applied to the headers of the data as it is now. */
export type RestoredMapping = MatchedColumns<AccountField>;

const ACCOUNT_LABELS = Object.fromEntries(ACCOUNT_FIELDS.map((f) => [f.field, f.label])) as Record<
  AccountField,
  string
>;

/**
 * Matches a saved account mapping to the current headers by header name (see
 * {@link matchSavedHeaders}).
 * @param before the mapping's column indices when saved (to tell a move), if known.
 */
export function restoreMapping(
  saved: SavedMapping,
  headers: readonly string[],
  before?: ColumnMapping | null,
): RestoredMapping {
  return matchSavedHeaders(saved, headers, ACCOUNT_LABELS, before, "column mapping");
}
