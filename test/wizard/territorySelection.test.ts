import { loadSample } from "../../src/preview/loadSample";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";
import { readStepSettings, runStep } from "../../src/wizard/stepRun";
import { territoryStep } from "../../src/wizard/territories/runTerritoryStep";
import { initialWizardState, WizardAction, wizardReducer, WizardState } from "../../src/wizard/wizardState";

/** The sample workbook with the Accounts table's range selected, as a user loading "the current selection" would. */
async function loadedFromSelection() {
  const wb = new PreviewWorkbook();
  loadSample(wb);
  const host = new PreviewHost(wb, () => new Date("2026-11-23T10:00:00Z"));
  const accounts = wb.tables().find((t) => t.name === "Accounts")!;
  // A1:J2001: the header row and the 2,000 accounts.
  await host.select("Accounts", `A1:J${accounts.rowCount + 1}`);
  const reduce = (s: WizardState, ...actions: WizardAction[]) => actions.reduce(wizardReducer, s);
  let state = reduce(
    initialWizardState,
    { type: "tablesLoaded", tables: await host.listTables() },
    {
      type: "sourceChosen",
      source: { kind: "selection" },
    },
  );
  state = reduce(state, { type: "dataLoaded", data: await host.readSelection() });
  state = reduce(
    state,
    { type: "stepChosen", step: "territories" },
    { type: "territoryOptionsChanged", options: { seatsKind: "reps", repsTable: "Reps" } },
  );
  state = reduce(state, { type: "repsLoaded", table: "Reps", data: await host.readTable("Reps") });
  return { wb, host, state, accountCount: accounts.rowCount };
}

describe("the territory step runs on the rows the Data step loaded", () => {
  test("moving to another sheet after loading the selection does not change what is split", async () => {
    const { wb, host, state, accountCount } = await loadedFromSelection();
    expect(state.data!.rows).toHaveLength(accountCount);
    expect(territoryStep.issues(state)).toEqual([]);
    // The user moves on: another sheet, one empty cell selected.
    await host.select("Plan", "H40");
    const settings = territoryStep.settingsFrom(state)!;
    const result = await runStep(territoryStep, host, settings, () => {});
    expect(result.territories.reduce((n, t) => n + t.accounts, 0)).toBe(accountCount);
    expect(wb.hasSheet("Territories")).toBe(true);
    expect(settings.loaded!.accounts).toBe(state.data);
    // The rows are never stored: the workbook keeps the settings, not a copy of the data.
    const stored = await readStepSettings(territoryStep, host);
    expect(stored).not.toBeNull();
    expect(stored).not.toHaveProperty("loaded");
    const { loaded, ...rest } = settings;
    expect(loaded).toBeDefined();
    expect(stored).toEqual(rest);
  });

  test("the reps the form checked are the reps the run uses; choosing another reps table drops the loaded one", async () => {
    const { state } = await loadedFromSelection();
    expect(territoryStep.settingsFrom(state)!.loaded!.reps).toBe(state.repsData);
    const other = wizardReducer(state, { type: "territoryOptionsChanged", options: { repsTable: "Deals" } });
    expect(other.repsData).toBeNull();
    expect(territoryStep.issues(other)).toContain('Reading the reps table "Deals"...');
    expect(territoryStep.settingsFrom(other)).toBeNull();
  });
});
