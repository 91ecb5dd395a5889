/**
 * Spilled results as Excel's dynamic arrays. exceljs writes a spill's formula as an array formula
 * over the spill (<f t="array" ref="A34:B40">), which Excel would open as a legacy Ctrl+Shift+Enter
 * array; Excel marks a dynamic array with cell metadata (cm) pointing at the XLDAPR
 * dynamic-array properties in xl/metadata.xml, which is what this adds.
 */
import JSZip from "jszip";

const METADATA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml";
const REL_METADATA = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata";

/** The metadata part: one cell-metadata record, "a dynamic array, not collapsed". */
const METADATA =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" ' +
  'pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" ' +
  'coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}">' +
  '<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';

/** Marks every array formula of the package's sheets as a dynamic array (the preview writes no other kind). */
export async function markDynamicArrays(zip: JSZip): Promise<void> {
  let marked = false;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    const out = xml.replace(/<c ([^>]*?)>(<f t="array")/g, (_, attrs: string, f: string) => {
      marked = true;
      return `<c ${attrs.replace(/\s*\bcm="[^"]*"/, "")} cm="1">${f}`;
    });
    if (out !== xml) zip.file(name, out);
  }
  if (!marked || zip.file("xl/metadata.xml")) return;
  zip.file("xl/metadata.xml", METADATA);
  const relsPath = "xl/_rels/workbook.xml.rels";
  const rels = await zip.file(relsPath)!.async("string");
  zip.file(
    relsPath,
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdMetadata1" Type="${REL_METADATA}" Target="metadata.xml"/></Relationships>`,
    ),
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace("</Types>", `<Override PartName="/xl/metadata.xml" ContentType="${METADATA_TYPE}"/></Types>`),
  );
}
