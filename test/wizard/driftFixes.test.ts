import { AttainmentSimulation, setQuotas } from "../../src/core/quotas";
import { TableData, TableInfo } from "../../src/workbook/host";
import { quotasSheet } from "../../src/wizard/quotas/quotasSheet";
import { scenarioStep } from "../../src/wizard/scenarios/runScenarioStep";
import { MAX_CAPACITY, repsFromTable } from "../../src/wizard/territories/repsFromTable";
import { initialWizardState, WizardState, wizardReducer } from "../../src/wizard/wizardState";

const info = (name: string, sheet: string): TableInfo => ({
  name,
  sheet,
  rowCount: 4,
  headers: ["Attainment"],
  address: "A1:A5",
});

describe("values that had drifted apart now agree", () => {
  test("the scenario step's checks look for the distribution on the quota sheet the user named, not on the default one", () => {
    // The quota step wrote "Q2 Quotas": its tables are Q2_Quotas_Distribution and Q2_Quotas_Points.
    let s: WizardState = wizardReducer(initialWizardState, { type: "quotaFormChanged", patch: { sheet: "Q2 Quotas" } });
    s = wizardReducer(s, {
      type: "tablesLoaded",
      tables: [info("Q2_Quotas_Distribution", "Q2 Quotas"), info("Q2_Quotas_Points", "Q2 Quotas")],
    });
    // A share of 0 is only a problem when the lognormal fallback would be used.
    s = wizardReducer(s, { type: "scenarioFormChanged", patch: { share: 0 } });
    expect(scenarioStep.issues(s)).toEqual([]);
    expect(scenarioStep.settingsFrom(s)?.distribution).toEqual({
      kind: "quotas",
      distributionTable: "Q2_Quotas_Distribution",
      pointsTable: "Q2_Quotas_Points",
    });
    // Without those tables the fallback is used, and its share is checked.
    const without = wizardReducer(s, { type: "tablesLoaded", tables: [] });
    expect(scenarioStep.issues(without)).toContain("The share of reps reaching quota must be between 1% and 99%.");
  });

  test("a capacity above the limit is refused with a message that names the limit", () => {
    const reps: TableData = {
      source: "Reps",
      headers: ["Rep ID", "Capacity"],
      rows: [
        ["R1", 1],
        ["R2", MAX_CAPACITY + 2],
        ["R3", MAX_CAPACITY],
      ],
    };
    const { problems } = repsFromTable(reps, { id: 0, capacity: 1, role: null }, null);
    // 12 > 10: refused, and the message says why; 10 itself is allowed.
    expect(problems.map((p) => p.message)).toEqual([
      `Reps row 2: capacity "12" is not a number above 0 and at most 10 (1 = a full share, 0.5 = ramping at half).`,
    ]);
  });

  test("every note reaches the Quotas sheet: with six notes the tables start below the sixth", () => {
    const plan = setQuotas(
      [
        { id: "R1", potential: 100 },
        { id: "R2", potential: 200 },
      ],
      { companyTarget: 300, rounding: 1 },
    );
    const sim = new AttainmentSimulation(plan.reps, 200, 1).runAll();
    const notes = ["one", "two", "three", "four", "five", "six"];
    const spec = quotasSheet(
      "Quotas",
      plan,
      sim,
      { period: "year", targetShare: 0.65, method: "equal-stretch", overAssignment: 0.1, rounding: 1 },
      new Map(),
      notes,
    );
    const text = (spec.cells ?? []).map((c) => c.value);
    notes.forEach((n) => expect(text).toContain(n));
    // Notes from row 12: the sixth is on row 17, so the tables' headers are on row 18 (never over a note).
    expect((spec.cells ?? []).find((c) => c.value === "six")?.address).toBe("A17");
    expect(spec.tables.map((t) => t.anchor)).toEqual(["A18", "M18", "P18", "J18"]);
    expect(spec.freeze).toEqual({ rows: 18, columns: 0 });
  });

  test("with four notes or fewer the Quotas sheet keeps its layout: the tables at row 16", () => {
    const plan = setQuotas([{ id: "R1", potential: 100 }], { companyTarget: 100, rounding: 1 });
    const sim = new AttainmentSimulation(plan.reps, 200, 1).runAll();
    const spec = quotasSheet(
      "Quotas",
      plan,
      sim,
      { period: "year", targetShare: 0.65, method: "equal-stretch", overAssignment: 0.1, rounding: 1 },
      new Map(),
      [],
    );
    expect(spec.tables[0].anchor).toBe("A16");
  });
});
