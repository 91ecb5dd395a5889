import { applyImportInSteps } from "../../../src/preview/import/applyImport";
import { handleRequests, WorkerRequest, WorkerResponse } from "../../../src/preview/import/csvSession";
import { CellValue, ImportOptions, ImportPlan } from "../../../src/preview/import/importPlan";
import { PreviewWorkbook } from "../../../src/workbook/preview/previewWorkbook";

/**
 * A 50 MB CSV through the import worker's own code (handleRequests answers the page's messages
 * in the Web Worker): it is detected, planned and read to the last row without a crash, with
 * progress reported on the way; Cancel during the write leaves the workbook as it was. The time
 * each stage took is printed (this machine, under whatever load it has: not a benchmark figure).
 */

const MiB = 1024 * 1024;

/** A CRM-like export of at least `bytes` bytes: ids, owners, amounts as "$1,234.56", ISO and day-first dates. */
function bigCsv(bytes: number): { data: Uint8Array; rows: number; amountCents: number } {
  const lines = ["Deal ID,Owner,Region,Created,Closed,Amount,Probability,Won,Units,Note"];
  let size = lines[0].length + 2;
  let amountCents = 0;
  let i = 0;
  while (size < bytes) {
    i++;
    const cents = (i * 7919) % 25_000_000;
    amountCents += cents;
    const amount = `${Math.floor(cents / 100).toLocaleString("en-US")}.${String(cents % 100).padStart(2, "0")}`;
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((i % 12) + 1).padStart(2, "0");
    const line = `D${i},Rep ${i % 40},${["North", "South", "East", "West"][i % 4]},2025-${month}-${day},${day}/${month}/2026,"$${amount}",${i % 100}%,${i % 3 ? "FALSE" : "TRUE"},${i % 500},"note ${i}, free text"`;
    lines.push(line);
    size += line.length + 2;
  }
  return { data: new TextEncoder().encode(lines.join("\r\n")), rows: i, amountCents };
}

/** A request as the page words it, before it is numbered. */
type Request = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, "id"> : never) : never;

/** The worker's side driven as the page drives it: one request, the messages it posts back. */
function worker() {
  const posted: WorkerResponse[] = [];
  const handle = handleRequests((m) => posted.push(m));
  let id = 0;
  return {
    posted,
    ask<T>(req: Request): T {
      const n = ++id;
      handle({ ...req, id: n } as WorkerRequest);
      const answer = posted.find((m) => m.id === n && m.type !== "progress");
      if (!answer) throw new Error(`no answer to ${req.type}`);
      if (answer.type === "error") throw new Error(answer.message);
      return (answer as { result: T }).result;
    },
  };
}

describe("a 50 MB CSV", () => {
  const file = bigCsv(50 * MiB);
  const w = worker();
  let plan: ImportPlan;
  let cells: CellValue[][];

  test("is detected, planned and read to its last row by the worker's code, with progress", () => {
    expect(file.data.length).toBeGreaterThanOrEqual(50 * MiB);
    const t0 = performance.now();
    const buffer = file.data.buffer.slice(0) as ArrayBuffer;
    const options = w.ask<ImportOptions>({ type: "open", bytes: buffer, fileName: "big.csv" });
    const t1 = performance.now();
    plan = w.ask<ImportPlan>({ type: "plan", options });
    const t2 = performance.now();
    cells = w.ask<CellValue[][]>({ type: "cells", plan });
    const t3 = performance.now();
    expect(options).toMatchObject({ delimiter: ",", decimal: ".", dateOrder: "dmy", hasHeader: true });
    expect(plan.rowCount).toBe(file.rows);
    expect(plan.mismatchCount).toBe(0);
    expect(plan.columns.map((c) => c.type).join(",")).toBe(
      "text,text,text,date,date,number,number,boolean,number,text",
    );
    expect(cells).toHaveLength(file.rows);
    const total = Math.round(cells.reduce((s, r) => s + (r[5] as number), 0) * 100);
    expect(total).toBe(file.amountCents);
    expect(cells[cells.length - 1][0]).toBe(`D${file.rows}`);
    const progress = w.posted.filter((m) => m.type === "progress").map((m) => (m as { fraction: number }).fraction);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1])).toBe(true);
    console.log(
      `50 MB CSV (${(file.data.length / MiB).toFixed(1)} MiB, ${file.rows.toLocaleString("en-US")} rows x 10): ` +
        `detect ${Math.round(t1 - t0)} ms, plan ${Math.round(t2 - t1)} ms, read cells ${Math.round(t3 - t2)} ms ` +
        `(through handleRequests, this machine under its current load; heap ${Math.round(process.memoryUsage().heapUsed / MiB)} MiB)`,
    );
  }, 300_000);

  test("Cancel while it is being written removes the half-written sheet: the workbook is as it was", async () => {
    const wb = new PreviewWorkbook();
    wb.addSheet("Plan");
    wb.setCell("Plan", { row: 0, col: 0 }, 1);
    let steps = 0;
    const made = await applyImportInSteps(wb, "big.csv", plan, cells, {
      rowsPerStep: 5000,
      pause: async () => {
        steps++;
      },
      cancelled: () => steps >= 2,
    });
    expect(made).toBeNull();
    expect(wb.sheetNames()).toEqual(["Plan"]);
    expect(wb.tables()).toEqual([]);
    expect(wb.cell("Plan", { row: 0, col: 0 }).value).toBe(1);
  }, 120_000);
});
