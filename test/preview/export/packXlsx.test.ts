import JSZip from "jszip";
import { Autosave } from "../../../src/preview/autosave/autosave";
import { memoryStore } from "../../../src/preview/autosave/store";
import {
  addPart,
  handlePackRequests,
  PackRequest,
  packXlsx,
  PackResponse,
  snapshotParts,
  workerPacker,
  XlsxSnapshot,
} from "../../../src/preview/export/packXlsx";
import {
  WorkbookChangedError,
  writeXlsx,
  writeXlsxSliced,
  xlsxSnapshot,
  xlsxSnapshotSliced,
} from "../../../src/preview/export/writeXlsx";
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

/** A workbook of its own for a test that edits it: 3,000 rows of a number and a text. */
function dataBook(): PreviewWorkbook {
  const wb = new PreviewWorkbook();
  wb.addSheet("Data");
  wb.setBlock(
    "Data",
    { row: 0, col: 0 },
    Array.from({ length: 3_000 }, (_, r) => [r, `row ${r}`]),
  );
  return wb;
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

  test("read in slices, the snapshot is the one read in one piece; each pause hands the page back", async () => {
    let pauses = 0;
    const sliced = await xlsxSnapshotSliced(wb, {
      sliceMs: 0, // every step of 2,000 cells is a slice of its own
      pause: async () => {
        pauses++;
      },
    });
    expect(sliced).toEqual(xlsxSnapshot(wb));
    const tableCells = sliced.sheets.reduce(
      (n, s) => n + s.tables.reduce((m, t) => m + t.rows.length * t.headers.length, 0),
      0,
    );
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(tableCells / 2_000));
  }, 120_000);

  test("a change between two slices gives the snapshot up; the file is read again and holds the change", async () => {
    const own = dataBook();
    const edit = { done: false };
    const editOnce = async () => {
      if (edit.done) return;
      edit.done = true;
      own.setCell("Data", { row: 0, col: 0 }, "edited while the file was read");
    };
    await expect(xlsxSnapshotSliced(own, { sliceMs: 0, pause: editOnce })).rejects.toBeInstanceOf(WorkbookChangedError);
    edit.done = false;
    const bytes = await writeXlsxSliced(
      own,
      (snapshot) => {
        expect(snapshot).toEqual(xlsxSnapshot(own)); // the state after the edit, whole
        return packXlsx(snapshot);
      },
      { sliceMs: 0, pause: editOnce },
    );
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file("xl/sharedStrings.xml")!.async("string")).toContain("edited while the file was read");
  });

  test("a new selection while the file is read is no change; a workbook that never stops changing is given up, saying so", async () => {
    const own = dataBook();
    let clicks = 0;
    const click = async () => {
      own.select("Data", `A${++clicks}`);
    };
    expect(await xlsxSnapshotSliced(own, { sliceMs: 0, pause: click })).toEqual(xlsxSnapshot(own));
    expect(clicks).toBeGreaterThan(1);
    let edits = 0;
    const edit = async () => {
      own.setCell("Data", { row: 0, col: 1 }, `edit ${++edits}`);
    };
    await expect(writeXlsxSliced(own, packXlsx, { sliceMs: 0, pause: edit })).rejects.toThrow(
      "the workbook changed 20 times while it was being read (a run still writing?); try again when it is done.",
    );
    expect(edits).toBe(20);
  });

  test("posted in parts, the snapshot is put together again exactly; the worker packs the same file", async () => {
    const snapshot = xlsxSnapshot(wb);
    const { skeleton, parts: pieces } = snapshotParts(snapshot, 50);
    expect(pieces.length).toBeGreaterThan(10);
    const cellsIn = (p: (typeof pieces)[number]) =>
      "rows" in p
        ? p.rows.length * snapshot.sheets[p.sheet].tables[p.table].headers.length
        : "cells" in p
          ? p.cells.length
          : p.tableFormats.length;
    // No part is over the limit, but a table row is never cut in two.
    for (const p of pieces) expect(cellsIn(p) <= 50 || ("rows" in p && p.rows.length === 1)).toBe(true);
    const rebuilt = structuredClone(skeleton);
    for (const p of pieces) addPart(rebuilt, structuredClone(p));
    expect(rebuilt).toEqual(snapshot);

    // The page's side through a worker that runs the handler in this process, each message cloned.
    const posted: PackRequest[] = [];
    let pauses = 0;
    const pack = workerPacker(
      () => {
        const w = {
          onmessage: null as ((e: MessageEvent<PackResponse>) => void) | null,
          onerror: null,
          terminate: () => {},
          postMessage: (m: PackRequest) => {
            posted.push(m);
            void handle(structuredClone(m));
          },
        };
        const handle = handlePackRequests((message) => w.onmessage?.({ data: message } as MessageEvent<PackResponse>));
        return w as unknown as Worker;
      },
      async () => {
        pauses++;
      },
    );
    const bytes = await pack(snapshot);
    expect(await parts(bytes)).toEqual(await parts(await writeXlsx(wb)));
    expect(posted.length).toBe(snapshotParts(snapshot).parts.length + 2); // skeleton, parts, pack
    expect(pauses).toBe(posted.length - 2);
  }, 120_000);

  test("parts for a snapshot whose skeleton never came, or that do not fit it, post the reason", async () => {
    const posted: PackResponse[] = [];
    const handle = handlePackRequests((message) => posted.push(message));
    await handle({ id: 3, part: { sheet: 0, cells: [] } });
    expect(posted[0]).toEqual({ id: 3, error: "the snapshot's first part never arrived" });
    await handle({ id: 4, skeleton: { sheets: [], names: [], parts: [] } });
    await handle({ id: 4, part: { sheet: 2, cells: [] } });
    expect(posted[1]).toEqual({ id: 4, error: expect.any(String) });
  });
});
