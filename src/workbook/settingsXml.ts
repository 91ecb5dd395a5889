/**
 * Settings documents stored in the workbook as custom XML parts, one part per key, so that a
 * shared workbook carries its plan. The value is JSON inside the part; each write increments a
 * revision number. Parts are read with a real XML parser (any attribute order, either quote,
 * any namespace prefix) and validated against a versioned schema; a part that fails is
 * reported and ignored, never fatal, and never taken for another part.
 */
import { DOMParser } from "@xmldom/xmldom";
import { z } from "zod";
import { OwnedSheet } from "./ownership";

/** The XML namespace of every Comp Planner settings part. */
export const SETTINGS_NAMESPACE = "urn:comp-planner:settings:v1";

/** The envelope version this code writes. Older versions are migrated when read. */
export const SETTINGS_SCHEMA_VERSION = 1;

/** A settings document as stored. */
export interface StoredSettings {
  /** The key it is stored under. */
  readonly key: string;
  /** 1 for the first write, then one more each time. */
  readonly revision: number;
  /** When it was written (ISO 8601). */
  readonly savedAt: string;
  /** The settings themselves (any JSON value). */
  readonly value: unknown;
}

/** Raised for a part in our namespace that cannot be read: the message says why. */
export class SettingsPartError extends Error {}

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The XML text of a settings part. */
export function settingsToXml(doc: StoredSettings): string {
  // The JSON goes in as element text with <, > and & written as JSON \u escapes: still valid
  // JSON, and nothing an XML parser could take for markup.
  const json = JSON.stringify(doc.value).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><settings xmlns="${SETTINGS_NAMESPACE}" schema="${SETTINGS_SCHEMA_VERSION}" key="${escapeAttr(doc.key)}" revision="${doc.revision}" savedAt="${escapeAttr(doc.savedAt)}">${json}</settings>`;
}

const ENVELOPE = z.object({
  schema: z.coerce.number().int().min(1),
  key: z.string().min(1, "the key is empty"),
  revision: z
    .string()
    .regex(/^\d+$/, "the revision is not a whole number")
    .transform(Number)
    .pipe(z.number().int().min(1)),
  savedAt: z.iso.datetime({ offset: true, message: "savedAt is not an ISO 8601 date and time" }),
});

/**
 * Envelope migrations: from version n to n + 1, applied in turn up to SETTINGS_SCHEMA_VERSION.
 * Version 1 parts written before the schema attribute existed carry none and read as version 1.
 */
const MIGRATIONS: Record<number, (doc: StoredSettings) => StoredSettings> = {};

/**
 * Reads a settings part's XML text.
 * @returns null when the part is not a Comp Planner settings part (another add-in's, or any other).
 * @throws SettingsPartError when it is ours but malformed, of an unknown newer version, or invalid.
 */
export function settingsFromXml(xml: string): StoredSettings | null {
  const problems: string[] = [];
  const dom = new DOMParser({
    onError: (level, msg) => void (level !== "warning" && problems.push(msg)),
  }).parseFromString(xml, "text/xml");
  const root = dom.documentElement;
  if (!root || root.namespaceURI !== SETTINGS_NAMESPACE || root.localName !== "settings") {
    if (problems.length > 0 && xml.includes(SETTINGS_NAMESPACE))
      throw new SettingsPartError(`it is not well-formed XML (${problems[0].split("\n")[0]})`);
    return null;
  }
  if (problems.length > 0) throw new SettingsPartError(`it is not well-formed XML (${problems[0].split("\n")[0]})`);
  const attr = (name: string) => (root.hasAttribute(name) ? root.getAttribute(name) : undefined);
  const head = ENVELOPE.safeParse({
    schema: attr("schema") ?? "1",
    key: attr("key"),
    revision: attr("revision"),
    savedAt: attr("savedAt"),
  });
  if (!head.success)
    throw new SettingsPartError(head.error.issues.map((i) => `${i.path.join(".") || "part"}: ${i.message}`).join("; "));
  if (head.data.schema > SETTINGS_SCHEMA_VERSION) {
    throw new SettingsPartError(
      `it was written by a newer Comp Planner (settings version ${head.data.schema}); update the add-in to read it`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(root.textContent ?? "");
  } catch (err) {
    throw new SettingsPartError(`its content is not valid JSON (${(err as Error).message})`);
  }
  let doc: StoredSettings = { key: head.data.key, revision: head.data.revision, savedAt: head.data.savedAt, value };
  for (let v = head.data.schema; v < SETTINGS_SCHEMA_VERSION; v++) doc = MIGRATIONS[v](doc);
  return doc;
}

/** One custom XML part as read: its document, or why it could not be read. */
export interface PartReading {
  /** The host's id for the part. */
  readonly id: string;
  /** The document, or null when the part is ours but unreadable. */
  readonly doc: StoredSettings | null;
  /** Why it could not be read (naming the part), or null. */
  readonly problem: string | null;
}

/** Reads one part; null for a part that is not ours. Never throws. */
export function readPart(id: string, xml: string): PartReading | null {
  try {
    const doc = settingsFromXml(xml);
    if (doc && doc.key === OWNED_SHEETS_KEY && !OWNED_LIST.safeParse(doc.value).success) {
      return {
        id,
        doc: null,
        problem: `The settings part "${doc.key}" (custom XML part ${id}) cannot be read: its list of sheets is not valid. It is ignored and left as it is.`,
      };
    }
    return doc ? { id, doc, problem: null } : null;
  } catch (err) {
    const key = /\bkey\s*=\s*["']([^"']{1,60})["']/.exec(xml)?.[1];
    const name = key ? `"${key}" (custom XML part ${id})` : `custom XML part ${id}`;
    return {
      id,
      doc: null,
      problem: `The settings part ${name} cannot be read: ${(err as Error).message}. It is ignored and left as it is.`,
    };
  }
}

/**
 * The readable document for a key among parts: the highest revision if several parts claim it.
 * Unreadable parts are never chosen, so writing a key never overwrites a part that could not be read.
 */
export function findDoc(parts: readonly PartReading[], key: string): (PartReading & { doc: StoredSettings }) | null {
  let best: (PartReading & { doc: StoredSettings }) | null = null;
  for (const p of parts)
    if (p.doc && p.doc.key === key && (!best || p.doc.revision > best.doc.revision))
      best = p as PartReading & { doc: StoredSettings };
  return best;
}

/** The key under which the list of sheets the add-in owns is stored. */
export const OWNED_SHEETS_KEY = "owned-sheets";

const OWNED_LIST = z.array(
  z.object({
    name: z.string().min(1),
    id: z.string().min(1),
    token: z
      .string()
      .regex(/^[A-Za-z0-9-]+$/)
      .optional(),
    hash: z.string().optional(),
    names: z.array(z.string()).optional(),
  }),
);

/** The owned-sheets list among the parts ([] when there is none or it is unreadable). */
export function ownedRecords(parts: readonly PartReading[]): OwnedSheet[] {
  const found = findDoc(parts, OWNED_SHEETS_KEY);
  return found ? OWNED_LIST.parse(found.doc.value) : [];
}

export type { OwnedSheet };
