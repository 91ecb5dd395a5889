/**
 * Settings documents stored in the workbook as custom XML parts, one part per key, so that a
 * shared workbook carries its plan. The value is JSON inside the part; each write increments a
 * revision number.
 */

/** The XML namespace of every Comp Planner settings part. */
export const SETTINGS_NAMESPACE = "urn:comp-planner:settings:v1";

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

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const unescapeAttr = (s: string) => s.replace(/&lt;/g, "<").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

/** The XML text of a settings part. */
export function settingsToXml(doc: StoredSettings): string {
  // The JSON goes in as element text with <, > and & written as JSON \u escapes: still valid
  // JSON, and nothing an XML parser could take for markup.
  const json = JSON.stringify(doc.value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `<?xml version="1.0" encoding="UTF-8"?><settings xmlns="${SETTINGS_NAMESPACE}" key="${escapeAttr(doc.key)}" revision="${doc.revision}" savedAt="${escapeAttr(doc.savedAt)}">${json}</settings>`;
}

/** Reads a settings part's XML text; null when it is not a Comp Planner settings part. */
export function settingsFromXml(xml: string): StoredSettings | null {
  const head = /<settings\s+xmlns="([^"]*)"\s+key="([^"]*)"\s+revision="(\d+)"\s+savedAt="([^"]*)"\s*>/.exec(xml);
  if (!head || head[1] !== SETTINGS_NAMESPACE) return null;
  const json = xml.slice(head.index + head[0].length, xml.lastIndexOf("</settings>"));
  return { key: unescapeAttr(head[2]), revision: Number(head[3]), savedAt: unescapeAttr(head[4]), value: JSON.parse(json) };
}

/** The key under which the list of sheets the add-in owns is stored. */
export const OWNED_SHEETS_KEY = "owned-sheets";

/** One sheet the add-in created: its name when written and the host's id for it. */
export interface OwnedSheet {
  /** Sheet name when the add-in wrote it. */
  readonly name: string;
  /** The host's stable id for the sheet (survives renames in Excel). */
  readonly id: string;
}
