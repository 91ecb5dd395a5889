/**
 * Bytes of a text file to text: UTF-8 with or without a byte-order mark, UTF-16 with one, and
 * Windows-1251 (Russian CRM and 1C exports) when the bytes are not valid UTF-8.
 */

/** The encodings the import dialog offers. */
export type TextEncodingName = "utf-8" | "windows-1251" | "utf-16le";

/** Labels for the encodings, as the dialog shows them. */
export const ENCODING_LABELS: Readonly<Record<TextEncodingName, string>> = {
  "utf-8": "UTF-8",
  "windows-1251": "Windows-1251 (Cyrillic)",
  "utf-16le": "UTF-16",
};

/** The encoding the bytes are most likely in, and whether they start with a byte-order mark. */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bom: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bom: true };
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { encoding: "utf-8", bom: false };
  } catch {
    return { encoding: "windows-1251", bom: false };
  }
}

/** The text of the bytes in an encoding, without its byte-order mark. */
export function decode(bytes: Uint8Array, encoding: TextEncodingName): string {
  // TextDecoder drops a UTF-8 or UTF-16 byte-order mark itself (ignoreBOM defaults to false).
  return new TextDecoder(encoding).decode(bytes);
}

/** True when the bytes look like a binary file rather than text: NUL bytes outside UTF-16. */
export function looksBinary(bytes: Uint8Array, encoding: TextEncodingName): boolean {
  if (encoding === "utf-16le") return false;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
