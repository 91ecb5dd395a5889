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

/** A saved mapping applied to the headers of the data as it is now. */
export interface RestoredMapping {
  /** Each field on the column whose header it saved (same text after trimming and case), or null. */
  readonly mapping: ColumnMapping;
  /** Fields whose saved header is no longer there: left unmapped, to be shown to the user. */
  readonly missing: readonly { readonly field: AccountField; readonly header: string }[];
  /** Fields whose header is now in another column than when saved (applied, and worth saying). */
  readonly moved: readonly AccountField[];
  /** One sentence for the user, or null when every saved header was found where it was. */
  readonly notice: string | null;
}

/**
 * Matches a saved mapping to the current headers by header name, never by column position: a
 * column that moved is followed, one that vanished is left unmapped and named in the notice.
 * @param before the mapping's column indices when saved (to tell a move), if known.
 */
export function restoreMapping(
  saved: SavedMapping,
  headers: readonly string[],
  before?: ColumnMapping | null,
): RestoredMapping {
  const mapping = Object.fromEntries(ACCOUNT_FIELDS.map((f) => [f.field, null])) as Record<AccountField, number | null>;
  const missing: { field: AccountField; header: string }[] = [];
  const moved: AccountField[] = [];
  for (const { field } of ACCOUNT_FIELDS) {
    const header = saved[field];
    if (header === null || header === undefined) continue;
    const i = headers.findIndex((h) => textKey(h) === textKey(header));
    if (i < 0) missing.push({ field, header });
    else {
      mapping[field] = i;
      if (before && before[field] !== null && before[field] !== i) moved.push(field);
    }
  }
  const label = (f: AccountField) => ACCOUNT_FIELDS.find((x) => x.field === f)!.label;
  const parts = [
    ...missing.map(
      (m) => `the column "${m.header}" (${label(m.field)}) is no longer in the data, so ${label(m.field)} is unmapped`,
    ),
    ...(moved.length
      ? [
          `${moved.map(label).join(", ")} followed ${moved.length === 1 ? "its column" : "their columns"} to a new position`,
        ]
      : []),
  ];
  const notice = parts.length
    ? `The saved column mapping was matched by header name: ${parts.join("; ")}. Check the mapping before running.`
    : null;
  return { mapping, missing, moved, notice };
}
