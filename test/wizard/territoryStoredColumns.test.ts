import { applyImport } from "../../src/preview/import/applyImport";
import { CsvImport } from "../../src/preview/import/importPlan";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";
import { autoMap, mappingHeaders } from "../../src/wizard/columnMapping";
import { StepError } from "../../src/wizard/stepRun";
import { autoMapReps, repHeaders } from "../../src/wizard/territories/repsFromTable";
import { runTerritoryStep, TerritoryStepSettings } from "../../src/wizard/territories/runTerritoryStep";
import { territoryTableNames } from "../../src/wizard/territories/layout";

const ACCOUNTS = "Account,Potential,Current Owner\r\nA1,100,R1\r\nA2,90,R2\r\nA3,80,R1\r\nA4,70,R2\r\n";
const REPS = "Rep ID,Role,Capacity\r\nR1,AE,1\r\nR2,AE,1\r\n";
const ACCOUNT_HEADERS = ["Account", "Potential", "Current Owner"];
const REP_HEADERS = ["Rep ID", "Role", "Capacity"];

/** A workbook with the accounts and reps opened from CSV, as the Open file dialog opens them. */
function book(reps: string) {
  const wb = new PreviewWorkbook();
  wb.addSheet("Plan");
  for (const [name, csv] of [
    ["accounts.csv", ACCOUNTS],
    ["reps.csv", reps],
  ]) {
    const imp = new CsvImport(new TextEncoder().encode(csv), name);
    const plan = imp.plan(imp.detect());
    applyImport(wb, name, plan, imp.cells(plan));
  }
  return { wb, host: new PreviewHost(wb) };
}

/** The settings a run stored, with the header of each column it used. */
const stored: TerritoryStepSettings = {
  source: { kind: "table", name: "accounts" },
  mapping: autoMap(ACCOUNT_HEADERS),
  mappingHeaders: mappingHeaders(autoMap(ACCOUNT_HEADERS), ACCOUNT_HEADERS),
  excluded: [],
  seats: {
    kind: "reps",
    table: "reps",
    columns: autoMapReps(REP_HEADERS),
    headers: repHeaders(autoMapReps(REP_HEADERS), REP_HEADERS),
    roles: null,
  },
  balanceOn: "potential",
  groupBy: "none",
  honourPins: false,
  minimiseDisruption: true,
  compact: false,
  sheet: "Territories",
};

describe("a stored territory run finds its columns by header name", () => {
  test("reps columns that moved are followed: the territories are the reps', not their capacities", async () => {
    // Capacity first now: by position, column 0 (the saved id) would read 1 and 1 as the reps.
    const { wb, host } = book("Capacity,Rep ID,Role\r\n1,R1,AE\r\n1,R2,AE\r\n");
    const result = await runTerritoryStep(host, stored);
    expect(result.territories.map((t) => t.seat.name).sort()).toEqual(["R1", "R2"]);
    const summary = wb.tables().find((t) => t.name === territoryTableNames("Territories").summary);
    expect(summary?.rowCount).toBe(2);
  });

  test("a reps column that vanished refuses the run, naming it; nothing is written", async () => {
    const { wb, host } = book("Rep ID,Role,FTE\r\nR1,AE,1\r\nR2,AE,1\r\n");
    const run = runTerritoryStep(host, stored);
    await expect(run).rejects.toThrow(StepError);
    await expect(runTerritoryStep(host, stored)).rejects.toThrow(
      'reps has no column "Capacity" any more, so the saved territory settings cannot run; nothing was written. Choose the columns again in the Data and Territories steps.',
    );
    expect(wb.hasSheet("Territories")).toBe(false);
  });

  test("settings saved before header names were kept run on their positions, as before", async () => {
    const { seats, mappingHeaders: _m, ...rest } = stored;
    void _m;
    if (seats.kind !== "reps") throw new Error("reps expected");
    const { headers: _h, ...oldSeats } = seats;
    void _h;
    const { host } = book(REPS);
    const result = await runTerritoryStep(host, { ...rest, seats: oldSeats });
    expect(result.territories.map((t) => t.seat.name).sort()).toEqual(["R1", "R2"]);
  });
});
