import { applyImport } from "../../../src/preview/import/applyImport";
import { CsvImport } from "../../../src/preview/import/importPlan";
import { PreviewWorkbook } from "../../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../../src/workbook/previewHost";
import { CRM_HEADERS, crmExport, TRICKY_IDS } from "../fixtures/crmExport";

/**
 * The messy CRM export (test/preview/fixtures/crmExport.ts) read as the Open file dialog reads
 * it: every row kept, amounts and both date forms typed, ids that look like formulas, numbers or
 * booleans kept as the text they are. The browser test runs the wizard on the same file.
 */
describe("a messy CRM export opened in the preview", () => {
  const file = crmExport();
  const imp = new CsvImport(new TextEncoder().encode(file.csv), "crm accounts.csv");
  const options = imp.detect();
  const plan = imp.plan(options);

  test("the fixture is what it says: over 5,000 rows, with blanks and duplicates to flag", () => {
    // 6,000 accounts + 6 rows without an id + 9 without a potential + 25 duplicates = 6,040.
    expect(file.rows).toBe(6040);
    expect(file.problemRows).toHaveLength(6 + 9 + 25);
    expect(file.cleanRows).toBe(6000);
    expect(file.csv.split("\r\n").filter((l) => l !== "")).toHaveLength(6041);
    expect([...file.trickyRows.keys()].sort()).toEqual([...TRICKY_IDS].sort());
  });

  test("the dialog proposes comma, decimal point and day first (from a 25 in the first place)", () => {
    expect(options).toMatchObject({
      encoding: "utf-8",
      delimiter: ",",
      decimal: ".",
      dateOrder: "dmy",
      hasHeader: true,
    });
    expect(plan.dateEvidence.order).toBe("dmy");
    expect(plan.columns.map((c) => [c.header, c.type])).toEqual([
      ["Account ID", "text"],
      ["Account Name", "text"],
      ["Owner", "text"],
      ["Segment", "text"],
      ["Region", "text"],
      ["Potential", "number"],
      ["Open Tickets", "number"],
      ["Created", "date"],
      ["Last Activity", "date"],
      ["Prior Quarter Bookings", "number"],
    ]);
    // Every amount, count and date fits its column: nothing is left as text to list.
    expect(plan.mismatchCount).toBe(0);
    expect(plan.rowCount).toBe(file.rows);
  });

  test("the table holds every row; tricky ids stay text; no amount or date is lost or read as 0", async () => {
    const wb = new PreviewWorkbook();
    wb.addSheet("Plan");
    const made = applyImport(wb, "crm accounts.csv", plan, imp.cells(plan));
    expect(made).toEqual({ sheet: "crm accounts", table: "crm_accounts", rows: 6040 });
    const table = await new PreviewHost(wb).readTable("crm_accounts");
    expect(table.headers).toEqual([...CRM_HEADERS]);
    expect(table.rows).toHaveLength(file.rows);
    for (const [id, row] of file.trickyRows) expect(table.rows[row][0]).toBe(id);
    // Row 5 of the file (data row 3) has the day-first proof: 25 March 2024 is serial 45376.
    expect(table.rows[3][8]).toBe(45376);
    const column = (name: string) => table.rows.map((r) => r[CRM_HEADERS.indexOf(name as never)]);
    expect(column("Created").every((v) => typeof v === "number" && v > 40000)).toBe(true);
    expect(column("Last Activity").every((v) => v === "" || (typeof v === "number" && v > 44900))).toBe(true);
    // Sums in cents: the doubles of "$1,234.56" amounts add up to the file's exact cents.
    const cents = (vs: unknown[]) =>
      Math.round(vs.reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0) * 100);
    expect(cents(column("Prior Quarter Bookings"))).toBe(file.priorBookingsCents);
    expect(column("Potential").filter((v) => v === "")).toHaveLength(9);
    expect(column("Potential").some((v) => v === 0)).toBe(false);
  });
});
