import { loadSample } from "../../src/preview/loadSample";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";
import { SheetSpec } from "../../src/workbook/sheetSpec";
import { WriteReport } from "../../src/workbook/host";
import { runStep } from "../../src/wizard/stepRun";
import { territoryStep } from "../../src/wizard/territories/runTerritoryStep";
import {
  initialWizardState,
  TerritoryOptionsPatch,
  WizardAction,
  wizardReducer,
  WizardState,
} from "../../src/wizard/wizardState";

/**
 * The preview engine for reads and settings; the sheets a run builds are kept, not evaluated,
 * so that every combination of options can run in one test (the write itself is the host's,
 * tested with the territory step on the real engine).
 */
class SpecHost extends PreviewHost {
  readonly written: SheetSpec[] = [];
  override async writeSheet(spec: SheetSpec): Promise<WriteReport> {
    this.written.push(spec);
    return { message: null } as unknown as WriteReport;
  }
}

const reduce = (s: WizardState, ...actions: WizardAction[]) => actions.reduce(wizardReducer, s);

/** The wizard on the shipped sample as the pane leaves it: tables listed, Accounts loaded, the reps table read when asked for. */
async function sampleWizard<H extends PreviewHost>(make: (wb: PreviewWorkbook) => H) {
  const wb = new PreviewWorkbook();
  loadSample(wb);
  const host = make(wb);
  let state = reduce(initialWizardState, { type: "tablesLoaded", tables: await host.listTables() });
  expect(state.source).toEqual({ kind: "table", name: "Accounts" });
  state = reduce(state, { type: "sourceChosen", source: state.source! });
  state = reduce(state, { type: "dataLoaded", data: await host.readTable("Accounts") });
  const repsData = await host.readTable("Reps");
  // What useWizardData does: read the reps table once the territory step needs it.
  const withReps = (s: WizardState) =>
    s.territory.seatsKind === "reps" && s.territory.repsTable && !s.repsData
      ? reduce(s, { type: "repsLoaded", table: s.territory.repsTable, data: repsData })
      : s;
  return { wb, host, state: withReps(state), withReps };
}

const combinations = (): TerritoryOptionsPatch[] => {
  const out: TerritoryOptionsPatch[] = [];
  for (const seatsKind of ["count", "reps"] as const)
    for (const balanceOn of ["potential", "potential+workload"] as const)
      for (const groupBy of ["none", "group", "region"] as const)
        for (const honourPins of [true, false])
          for (const minimiseDisruption of [true, false])
            for (const compact of [true, false])
              out.push({ seatsKind, balanceOn, groupBy, honourPins, minimiseDisruption, compact });
  return out;
};

describe("the territory step's options on the shipped sample", () => {
  test("the defaults run: the reps of the Reps table, pinned accounts honoured, the sheet written", async () => {
    const { wb, host, state } = await sampleWizard((w) => new PreviewHost(w, () => new Date("2026-11-23T10:00:00Z")));
    expect(state.territory).toMatchObject({ seatsKind: "reps", repsTable: "Reps", honourPins: true, groupBy: "none" });
    expect(territoryStep.issues(state)).toEqual([]);
    const result = await runStep(territoryStep, host, territoryStep.settingsFrom(state)!, () => {});
    // 30 reps: 8 SDRs own no accounts, so the 22 AEs and CSR/AMs get territories.
    expect(result.territories).toHaveLength(22);
    expect(wb.hasSheet("Territories")).toBe(true);
  });

  test("every combination either runs or is a form issue before running, never a failure at run time", async () => {
    const { host, state: loaded, withReps } = await sampleWizard((w) => new SpecHost(w));
    const refused: string[] = [];
    let ran = 0;
    for (const options of combinations()) {
      const state = withReps(reduce(loaded, { type: "territoryOptionsChanged", options }));
      const issues = territoryStep.issues(state);
      const settings = territoryStep.settingsFrom(state);
      if (issues.length) {
        expect(settings).toBeNull();
        refused.push(`${JSON.stringify(options)}: ${issues.join(" | ")}`);
        continue;
      }
      const result = await runStep(territoryStep, host, settings!, () => {}).catch((e: Error) => {
        throw new Error(`${JSON.stringify(options)} passed the form but failed at run time: ${e.message}`);
      });
      expect(result.territories.reduce((n, t) => n + t.accounts, 0)).toBe(2000);
      ran++;
    }
    // 2 x 2 x 3 x 2 x 2 x 2 = 96 combinations; refused: equal territories with pinning (2 x 3 x 4 = 24)
    // and by segment with pinning (2 balances x 4 = 8); the other 64 run.
    expect(ran + refused.length).toBe(96);
    expect(ran).toBe(64);
    // Equal territories cannot keep pinned accounts with a rep: said in the form.
    expect(refused.filter((r) => r.includes('"seatsKind":"count"') && r.includes('"honourPins":true'))).toHaveLength(
      24,
    );
    expect(refused.find((r) => r.includes('"seatsKind":"count"'))).toMatch(
      /accounts are pinned to a named rep \("A\d{4}" to "R\d\d"/,
    );
    // By segment with pinning: reps pinned in two segments, named with the segments.
    expect(refused.some((r) => /"groupBy":"group".*a rep serves one segment, but \d+ reps have pinned/.test(r))).toBe(
      true,
    );
    expect(host.written.length).toBe(ran);
  }, 120_000);

  test("with territories for AEs only, pins to CSR/AMs are data problems while pins are honoured, and nothing once they are not", async () => {
    const { host, state: loaded } = await sampleWizard((w) => new SpecHost(w));
    const aes = reduce(loaded, { type: "roleToggled", role: "CSR/AM", on: false });
    expect(aes.territory.roles).toEqual(["AE"]);
    const issues = territoryStep.issues(aes);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^\d+ data problem\(s\) remain: fix or exclude them in the Data step\.$/);
    const off = reduce(aes, { type: "territoryOptionsChanged", options: { honourPins: false } });
    expect(territoryStep.issues(off)).toEqual([]);
    const result = await runStep(territoryStep, host, territoryStep.settingsFrom(off)!, () => {});
    // 14 AEs of the 30 reps (i % 15 from 4 to 10).
    expect(result.territories).toHaveLength(14);
  });

  test("restored reps settings survive the reps table being read after them (the pane reads it as the step opens)", async () => {
    const { state: loaded } = await sampleWizard((w) => new SpecHost(w));
    const chosen = reduce(
      loaded,
      { type: "roleToggled", role: "AE", on: false },
      { type: "territoryOptionsChanged", options: { honourPins: false } },
    );
    const settings = territoryStep.settingsFrom(chosen)!;
    expect(settings.seats).toMatchObject({ kind: "reps", roles: ["CSR/AM"] });
    // A fresh pane: tables listed, the settings restored, then the reps table's rows arrive.
    const tables = reduce(initialWizardState, { type: "tablesLoaded", tables: loaded.tables });
    const restored = reduce(tables, territoryStep.restore(settings));
    const read = reduce(restored, { type: "repsLoaded", table: "Reps", data: loaded.repsData! });
    expect(read.territory.roles).toEqual(["CSR/AM"]);
    expect(read.territory.repColumns).toEqual(settings.seats.kind === "reps" ? settings.seats.columns : null);
    // Another table is matched afresh.
    const other = reduce(read, { type: "repsLoaded", table: "Team", data: loaded.repsData! });
    expect(other.territory.roles).toBeNull();
  });
});
