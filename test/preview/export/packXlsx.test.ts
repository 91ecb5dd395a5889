import JSZip from "jszip";
import { Autosave } from "../../../src/preview/autosave/autosave";
import { memoryStore } from "../../../src/preview/autosave/store";
import { handlePackRequests, packXlsx, PackResponse, XlsxSnapshot } from "../../../src/preview/export/packXlsx";
import { writeXlsx, xlsxSnapshot } from "../../../src/preview/export/writeXlsx";
import { PreviewSession } from "../../../src/preview/session";
import { PreviewWorkbook } from "../../../src/workbook/preview/previewWorkbook";
import { fullPlanningRun } from "../fullPlanningRun";

/**
 * The autosave's file is packed in a worker from a snapshot the page posts: the snapshot
 * survives structured cloning (what postMessage does), and the packed file holds exactly the
 * parts Download .xlsx writes on the page's thread.
 */

/** Every part of a package with its text, in name order; the created and modified times (of each writing) left out. */
async function parts(bytes: Uint8Array): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((n) => !zip.files[n].dir)
    .sort();
  const text = async (n: string) =>
    (await zip.file(n)!.async("string")).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, "$1");
  return Promise.all(names.map(async (n) => [n, await text(n)] as [string, string]));
}

describe("packing the .xlsx off the page's thread", () => {
  let wb: PreviewWorkbook;
  beforeAll(async () => {
    wb = (await fullPlanningRun()).wb;
  }, 120_000);

  test("a full planning run: the worker's file from a cloned snapshot has every part of writeXlsx's file, part for part (the times of writing aside)", async () => {
    const direct = await parts(await writeXlsx(wb));
    const packed = await parts(await packXlsx(structuredClone(xlsxSnapshot(wb))));
    expect(packed.map(([n]) => n)).toEqual(direct.map(([n]) => n));
    // Sheets, tables, names and the settings parts are all there (not an empty package).
    expect(direct.filter(([n]) => /^xl\/tables\/table\d+\.xml$/.test(n)).length).toBeGreaterThan(3);
    expect(direct.filter(([n]) => /^customXml\/item\d+\.xml$/.test(n)).length).toBeGreaterThan(0);
    for (let i = 0; i < direct.length; i++) expect([packed[i][0], packed[i][1]]).toEqual(direct[i]);
  }, 120_000);

  test("the worker's handler posts the bytes, transferred; a broken snapshot posts the reason", async () => {
    const posted: { message: PackResponse; transfer: Transferable[] }[] = [];
    const handle = handlePackRequests((message, transfer) => posted.push({ message, transfer }));
    await handle({ id: 7, snapshot: structuredClone(xlsxSnapshot(wb)) });
    const ok = posted[0];
    expect(ok.message.id).toBe(7);
    if (!("bytes" in ok.message)) throw new Error("expected bytes");
    expect(ok.transfer).toEqual([ok.message.bytes.buffer]);
    expect(await parts(ok.message.bytes)).toEqual(await parts(await writeXlsx(wb)));

    await handle({ id: 8, snapshot: { sheets: null, names: [], parts: [] } as unknown as XlsxSnapshot });
    expect(posted[1].message).toEqual({ id: 8, error: expect.any(String) });
    expect(posted[1].transfer).toEqual([]);
  }, 120_000);

  test("the autosave writes through the serialiser it is given, and the kept file restores", async () => {
    const store = memoryStore();
    const session = new PreviewSession(wb);
    let snapshots = 0;
    const autosave = new Autosave(session, store, 5, undefined, (w) => {
      snapshots++;
      return packXlsx(structuredClone(xlsxSnapshot(w)));
    });
    await autosave.flush();
    expect(snapshots).toBe(1);
    const restored = await new Autosave(new PreviewSession(new PreviewWorkbook()), store).restore();
    expect(restored?.workbook.sheetNames()).toEqual(wb.sheetNames());
    expect(restored?.workbook.tables().map((t) => t.name)).toEqual(wb.tables().map((t) => t.name));
  }, 120_000);
});
