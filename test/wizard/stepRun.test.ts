import { InputError } from "../../src/core/errors";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";
import { CancelledError, readStepSettings, runStep, StepError, StepModule } from "../../src/wizard/stepRun";

class ModelError extends InputError {}

/** A step that doubles a number and writes it to a sheet; it fails as its settings say. */
const doubler: StepModule<{ n: number }, { n: number; fail?: "input" | "other" }, number> = {
  id: "doubler",
  label: "Doubler",
  settingsKey: "doubler",
  parseSettings: (v) => (typeof (v as { n?: unknown } | null)?.n === "number" ? (v as { n: number }) : null),
  issues: (ctx) => (ctx.n > 0 ? [] : ["Enter a number above 0."]),
  settingsFrom: (ctx) => (ctx.n > 0 ? { n: ctx.n } : null),
  run: async (host, s, { step }) => {
    await step(0.5, "Doubling");
    if (s.fail === "input") throw new ModelError(`${s.n} is not allowed.`);
    if (s.fail === "other") throw new TypeError("a bug");
    await host.writeSheet({ name: "Doubled", tables: [], cells: [{ address: "A1", value: s.n * 2 }] });
    return s.n * 2;
  },
  stored: (s, r) => ({ n: s.n, doubled: r }),
  summary: (s, r) => ({ message: `${s.n} doubled is ${r}.`, details: [] }),
};

const host = () => new PreviewHost(new PreviewWorkbook());

describe("runStep: the one wrapper every step runs through", () => {
  test("runs the step, stores what the step says after its sheets, and reports progress to done", async () => {
    const h = host();
    const seen: [number, string][] = [];
    // 21 doubled is 42; the stored record holds both.
    await expect(runStep(doubler, h, { n: 21 }, (f, l) => seen.push([f, l]))).resolves.toBe(42);
    expect(await h.readSettings("doubler")).toEqual({ n: 21, doubled: 42 });
    expect(seen).toEqual([
      [0.5, "Doubling"],
      [1, "Done"],
    ]);
    expect(await readStepSettings(doubler, h)).toEqual({ n: 21, doubled: 42 });
  });

  test("a model's InputError becomes a StepError with the same message, and nothing is stored", async () => {
    const h = host();
    const run = runStep(doubler, h, { n: 3, fail: "input" });
    await expect(run).rejects.toThrow(StepError);
    await expect(runStep(doubler, h, { n: 3, fail: "input" })).rejects.toThrow("3 is not allowed.");
    expect(await h.readSettings("doubler")).toBeNull();
    expect(await h.isOwned("Doubled")).toBe(false);
  });

  test("any other error passes through as it is (a bug is not dressed up as the user's mistake)", async () => {
    await expect(runStep(doubler, host(), { n: 3, fail: "other" })).rejects.toThrow(TypeError);
  });

  test("a cancelled run throws CancelledError before the step writes", async () => {
    const h = host();
    const controller = new AbortController();
    controller.abort();
    await expect(runStep(doubler, h, { n: 1 }, () => {}, controller.signal)).rejects.toThrow(CancelledError);
    expect(await h.readSettings("doubler")).toBeNull();
  });

  test("stored settings that are not the step's are ignored", async () => {
    const h = host();
    await h.writeSettings("doubler", { something: "else" });
    expect(await readStepSettings(doubler, h)).toBeNull();
  });
});
