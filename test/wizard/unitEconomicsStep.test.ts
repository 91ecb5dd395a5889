import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { NotOwnedError } from "../../src/workbook/host";
import { PreviewHost, writeSpec } from "../../src/workbook/previewHost";
import { runScenarioStep } from "../../src/wizard/scenarios/runScenarioStep";
import { StepError } from "../../src/wizard/stepRun";
import { DEFAULT_UNIT_ECONOMICS_INPUT } from "../../src/wizard/unitEconomics/defaultInput";
import {
  runUnitEconomicsStep,
  UNIT_ECONOMICS_SETTINGS_KEY,
  unitEconomicsStep,
} from "../../src/wizard/unitEconomics/runUnitEconomicsStep";
import { unitEconomicsNames } from "../../src/wizard/unitEconomics/unitEconomicsSheet";

const SETTINGS = { input: DEFAULT_UNIT_ECONOMICS_INPUT, sheet: "Unit Economics" };
const PAY = unitEconomicsNames("Unit Economics").pay;

/** The pay table as the engine shows it: role -> [OTE, base share]. */
function payOf(wb: PreviewWorkbook): Record<string, unknown[]> {
  const t = wb.tables().find((x) => x.name === PAY)!;
  const cell = (r: number, c: number) => wb.cell(t.sheet, { row: t.anchor.row + 1 + r, col: t.anchor.col + c }).value;
  return Object.fromEntries(Array.from({ length: t.rowCount }, (_, r) => [cell(r, 1), [cell(r, 2), cell(r, 3)]]));
}

describe("the Unit economics step", () => {
  test("without OTE scenarios it writes the sheet with the pay entered and stores its settings", async () => {
    const wb = new PreviewWorkbook();
    const host = new PreviewHost(wb);
    const progress: number[] = [];
    const r = await runUnitEconomicsStep(host, SETTINGS, (f) => progress.push(f));
    expect(r.fromPlan).toEqual([]);
    expect(r.scenariosRead).toBe(false);
    expect(payOf(wb)).toMatchObject({
      SDR: [65_000, 0.7],
      AE: [130_000, 0.5],
      CSR: [90_000, 0.7],
      Generalist: [110_000, 0.6],
      "POD member": [105_000, 0.6],
    });
    expect(await host.readSettings(UNIT_ECONOMICS_SETTINGS_KEY)).toEqual(SETTINGS);
    expect(unitEconomicsStep.parseSettings(await host.readSettings(UNIT_ECONOMICS_SETTINGS_KEY))).toEqual(SETTINGS);
    expect(progress[progress.length - 1]).toBe(1);
    expect(unitEconomicsStep.summary(SETTINGS, r).details[0]).toMatch(/^No OTE Scenarios sheet: pay is the default/);
  });

  test("with OTE scenarios the chosen roles' OTE and base share are written", async () => {
    const wb = new PreviewWorkbook();
    const host = new PreviewHost(wb);
    await runScenarioStep(host, {
      roles: [
        { role: "SDR", headcount: 4, ote: 70_000, quota: 600_000, mixes: [0.6, 0.7] },
        { role: "AE", headcount: 6, ote: 140_000, quota: 1_200_000, mixes: [0.55] },
      ],
      curves: [{ name: "Standard", tiers: [{ lower: 0, rate: 1 }], mode: "MARGINAL", threshold: null, cap: null }],
      distribution: { kind: "lognormal", share: 0.65, sigma: 0.25 },
      sheet: "OTE Scenarios",
    });
    const r = await runUnitEconomicsStep(host, SETTINGS);
    // The first scenario of each role is the chosen one: SDR 60/40, AE 55/45; CSR keeps the entered pay.
    expect(r.fromPlan).toEqual(["sdr", "ae"]);
    expect(payOf(wb)).toMatchObject({ SDR: [70_000, 0.6], AE: [140_000, 0.55], CSR: [90_000, 0.7] });
    expect(unitEconomicsStep.summary(SETTINGS, r).details).toEqual([
      "Pay of SDR, AE from the OTE scenarios' chosen plan; the other roles' pay is the default (edit it on the sheet).",
    ]);
  });

  test("bad input and a sheet of the user's write nothing", async () => {
    const wb = new PreviewWorkbook();
    const host = new PreviewHost(wb);
    const bad = {
      ...SETTINGS,
      input: {
        ...DEFAULT_UNIT_ECONOMICS_INPUT,
        channels: [{ ...DEFAULT_UNIT_ECONOMICS_INPUT.channels[0], monthlyChurn: 0 }],
      },
    };
    await expect(runUnitEconomicsStep(host, bad)).rejects.toThrow(
      new StepError(
        'Channel "Inbound": monthly churn is 0; enter a rate above 0 and at most 1 (0.02 = 2% a month). With no churn at all, LTV has no end.',
      ),
    );
    expect(wb.hasSheet("Unit Economics")).toBe(false);
    expect(await host.readSettings(UNIT_ECONOMICS_SETTINGS_KEY)).toBeNull();

    wb.addSheet("unit economics");
    writeSpec(wb, { name: "unit economics", tables: [], cells: [{ address: "A1", value: "mine" }] });
    await expect(runUnitEconomicsStep(host, SETTINGS)).rejects.toThrow(NotOwnedError);
    expect(wb.cell("unit economics", { row: 0, col: 0 }).value).toBe("mine");
    expect(await host.readSettings(UNIT_ECONOMICS_SETTINGS_KEY)).toBeNull();
  });
});
