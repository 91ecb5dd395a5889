/**
 * Custom XML parts inside an .xlsx package, which exceljs neither writes nor reads: the parts
 * (customXml/itemN.xml) with their properties (itemPropsN.xml), related from the workbook part
 * as Excel relates them, so Office.js's `workbook.customXmlParts` sees them.
 */
import JSZip from "jszip";
import { markDynamicArrays } from "./dynamicArrays";

const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** A GUID in braces, as itemProps carry; deterministic per index so a file is reproducible. */
function itemId(index: number): string {
  const hex = (index + 1).toString(16).padStart(12, "0");
  return `{6C0E5B1A-4F2D-4C3B-9A7E-${hex.toUpperCase()}}`;
}

/**
 * Finishes an .xlsx package exceljs wrote: adds the parts, marks spilled formulas as dynamic
 * arrays (see dynamicArrays.ts), and returns the new package.
 */
export async function addCustomXmlParts(xlsx: ArrayBuffer | Uint8Array, parts: readonly string[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  await markDynamicArrays(zip);
  if (parts.length === 0) return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const relsPath = "xl/_rels/workbook.xml.rels";
  let rels = await zip.file(relsPath)!.async("string");
  let types = await zip.file("[Content_Types].xml")!.async("string");
  const used = new Set([...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
  parts.forEach((xml, i) => {
    const n = i + 1;
    zip.file(`customXml/item${n}.xml`, xml);
    const ns = /xmlns="([^"]*)"/.exec(xml)?.[1];
    const schema = ns ? `<ds:schemaRefs><ds:schemaRef ds:uri="${escapeXml(ns)}"/></ds:schemaRefs>` : "<ds:schemaRefs/>";
    zip.file(
      `customXml/itemProps${n}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="${itemId(i)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">${schema}</ds:datastoreItem>`,
    );
    zip.file(
      `customXml/_rels/item${n}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_PROPS}" Target="itemProps${n}.xml"/></Relationships>`,
    );
    let id = `rIdCustomXml${n}`;
    while (used.has(id)) id += "_";
    rels = rels.replace(
      "</Relationships>",
      `<Relationship Id="${id}" Type="${REL_CUSTOM_XML}" Target="../customXml/item${n}.xml"/></Relationships>`,
    );
    types = types.replace(
      "</Types>",
      `<Override PartName="/customXml/itemProps${n}.xml" ContentType="${PROPS_TYPE}"/></Types>`,
    );
  });
  zip.file(relsPath, rels);
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The custom XML parts of an .xlsx package, in part order (their properties parts excluded). */
export async function readCustomXmlParts(zip: JSZip): Promise<string[]> {
  const names = Object.keys(zip.files).filter((p) => /^customXml\/item\d+\.xml$/i.test(p));
  names.sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  const out: string[] = [];
  for (const name of names) {
    let text = await zip.file(name)!.async("string");
    // Parts written by Excel may be UTF-16 or start with a byte-order mark.
    text = text.replace(/^\uFEFF/, "");
    out.push(text);
  }
  return out;
}
