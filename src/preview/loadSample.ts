import { PreviewWorkbook } from "../workbook/preview/previewWorkbook";
import { writeSpec } from "../workbook/previewHost";
import { SheetSpec } from "../workbook/sheetSpec";
import { generateSample } from "../sample/sampleData";
import { samplePlanSheet, sampleTables } from "../sample/sampleTables";

/** The sample workbook's sheets as SheetSpecs: Accounts, Reps, Deals, then the Plan tab. */
export function sampleSheets(seed?: number): SheetSpec[] {
  const sample = generateSample(seed);
  const data: SheetSpec[] = sampleTables(sample).map((t) => ({
    name: t.sheet,
    tables: [{ name: t.table, anchor: "A1", headers: t.headers, rows: t.rows, numberFormats: t.numberFormats }],
    freeze: { rows: 1, columns: 0 },
  }));
  return [...data, samplePlanSheet(sample)];
}

/**
 * Fills an empty preview workbook with the seeded sample. These are the user's sheets in the
 * story the preview tells, so the add-in does not own them and will never write over them.
 */
export function loadSample(wb: PreviewWorkbook, seed?: number): void {
  for (const spec of sampleSheets(seed)) {
    wb.addSheet(spec.name);
    writeSpec(wb, spec);
  }
  const plan = wb.sheetNames().find((s) => s === "Plan") ?? wb.sheetNames()[0];
  wb.select(plan, "A1");
}
