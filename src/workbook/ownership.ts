/**
 * Which sheets are the add-in's own. A sheet is recorded twice: in the owned-sheets settings
 * part (name, host id, a random token, a fingerprint of what was written, the names and tables
 * made with it) and by a marker on the sheet itself holding the same token. Excel documents
 * that worksheet ids may change between sessions, so the id alone is not trusted: the marker
 * travels with the sheet through save, reopen and copy, and the record cross-checks it.
 */

/** One sheet the add-in created. */
export interface OwnedSheet {
  /** Sheet name when the add-in wrote it. */
  readonly name: string;
  /** The host's id for the sheet when it was written (it may change on reopen). */
  readonly id: string;
  /** The token of the sheet's marker (absent in records written before markers existed). */
  readonly token?: string;
  /** Fingerprint of the sheet's formulas as written, to tell a hand edit. */
  readonly hash?: string;
  /** Workbook names the add-in made for this sheet. */
  readonly names?: readonly string[];
}

/** A sheet as found in the workbook: its id, name and marker token (null when it has none). */
export interface SheetMark {
  readonly id: string;
  readonly name: string;
  readonly marker: string | null;
}

/** The sheet-scoped name that marks a sheet as the add-in's (its formula is ="token"). */
export const OWNER_MARKER = "CompPlanner_Owner";

/** The marker formula for a token. */
export const markerFormula = (token: string) => `="${token}"`;

/** The token in a marker formula, or null. */
export function markerToken(formula: string | null | undefined): string | null {
  const m = /^="([A-Za-z0-9-]+)"$/.exec(formula ?? "");
  return m ? m[1] : null;
}

/**
 * Matches records to sheets. A record with a token owns the sheet carrying that marker whose id
 * is the recorded one; if no sheet has that id (ids changed on reopen), the only sheet carrying
 * the marker, or among several copies the one with the recorded name. A user's copy of an owned
 * sheet carries the marker too but is never the recorded one while the original exists. A
 * record without a token (older workbooks) owns the sheet with its id.
 * @returns the record of each owned sheet, by sheet id.
 */
export function matchOwned(records: readonly OwnedSheet[], sheets: readonly SheetMark[]): Map<string, OwnedSheet> {
  const out = new Map<string, OwnedSheet>();
  for (const r of records) {
    if (!r.token) {
      const s = sheets.find((x) => x.id === r.id);
      if (s) out.set(s.id, r);
      continue;
    }
    const marked = sheets.filter((x) => x.marker === r.token);
    const pick =
      marked.find((x) => x.id === r.id) ??
      (marked.length === 1 ? marked[0] : marked.find((x) => x.name.toLowerCase() === r.name.toLowerCase()));
    if (pick && !sheets.some((x) => x.id === r.id && x !== pick && x.marker === r.token)) out.set(pick.id, r);
  }
  return out;
}

/** A new marker token: random, letters and digits. */
export function newToken(): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(36).padStart(2, "0")).join("");
}

// Bound once: a global lookup inside the loop is slow in some sandboxes (Jest's, for one).
const imul = Math.imul;

/**
 * A fingerprint of content fed in pieces (chunks of a sheet's formulas): two 32-bit FNV-1a
 * hashes with different mixing. It tells "edited by hand" from "as written", not an adversary.
 */
export class Fingerprint {
  private a = 0x811c9dc5;
  private b = 0x01000193;

  /** Adds a piece of content. */
  add(data: unknown): this {
    const s = JSON.stringify(data);
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = imul(a ^ c, 0x01000193);
      b = imul(b ^ c, 0x01000193) ^ (b >>> 13);
    }
    this.a = a;
    this.b = b;
    return this;
  }

  /** The fingerprint so far, as hex. */
  hex(): string {
    return (this.a >>> 0).toString(16).padStart(8, "0") + (this.b >>> 0).toString(16).padStart(8, "0");
  }
}

/** A free name for the kept previous version of a sheet: "Territories (edited)", "(edited 2)"... */
export function keptName(sheet: string, taken: (name: string) => boolean): string {
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? " (edited)" : ` (edited ${i})`;
    const name = sheet.slice(0, 31 - suffix.length) + suffix;
    if (!taken(name)) return name;
  }
}
