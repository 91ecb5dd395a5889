import fc from "fast-check";
import { InputError } from "../../src/core/errors";
import { AttainmentSimulation, setQuotas } from "../../src/core/quotas";
import { seededRandom } from "../../src/core/random";
import { splitTerritories } from "../../src/core/territories";
import { loadSample } from "../../src/preview/loadSample";
import { TableData } from "../../src/workbook/host";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";
import { autoMap } from "../../src/wizard/columnMapping";
import { JobName, Jobs } from "../../src/wizard/offThread/job";
import { jobHandler, JobRequest, JobResponse } from "../../src/wizard/offThread/protocol";
import { inProcessJobs, JobRunner, ROWS_PER_PART, workerJobs } from "../../src/wizard/offThread/runner";
import { QUOTA_SEED } from "../../src/wizard/quotas/quotaJob";
import { quotaStep } from "../../src/wizard/quotas/runQuotaStep";
import { CancelledError, runStep, StepError } from "../../src/wizard/stepRun";
import { accountsFromTable } from "../../src/wizard/territories/accountsFromTable";
import { repsFromTable } from "../../src/wizard/territories/repsFromTable";
import { storedTerritorySettings, territoryStep } from "../../src/wizard/territories/runTerritoryStep";
import { quotaSettings, sampleTerritorySettings } from "./stepFixtures";

/**
 * The heavy jobs behind the territory and quota steps, as the jobs worker runs them: the worker's
 * message handler called directly (jest has no Worker), every message passed through
 * structuredClone as postMessage does, and the output compared with the synchronous core.
 */

/**
 * A message as the other side of postMessage receives it: structuredClone (which throws on what
 * cannot cross a thread), rebuilt in this test's realm. Node's structuredClone makes Node's own
 * arrays, not jest's sandbox's, and the preview engine checks `instanceof Array`; a browser's
 * postMessage gives the receiving page's own.
 */
function posted<T>(message: T): T {
  const rebuild = (v: unknown): unknown =>
    Array.isArray(v)
      ? Array.from(v, rebuild)
      : Object.prototype.toString.call(v) === "[object Object]"
        ? Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, rebuild(x)]))
        : v;
  return rebuild(structuredClone(message)) as T;
}

/**
 * Runs a job through the worker's handler as the runner posts it (its rows in parts of
 * `perPart`, then the request); the messages as the page receives them.
 */
function viaWorker<N extends JobName>(name: N, input: Jobs[N]["input"], perPart = ROWS_PER_PART): JobResponse[] {
  const out: JobResponse[] = [];
  const handle = jobHandler((m) => out.push(posted(m)));
  const rows = (input as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) handle(posted({ type: "run", name, input, rowsSent: false } as JobRequest));
  else {
    for (let i = 0; i < rows.length; i += perPart) handle(posted({ type: "rows", rows: rows.slice(i, i + perPart) }));
    handle(posted({ type: "run", name, input: { ...input, rows: [] }, rowsSent: true } as JobRequest));
  }
  return out;
}

const done = (messages: JobResponse[]) => {
  const last = messages.at(-1)!;
  if (last.type !== "done") throw new Error(`The job ended with ${JSON.stringify(last)}`);
  return last.output;
};

async function sample() {
  const wb = new PreviewWorkbook();
  loadSample(wb);
  const host = new PreviewHost(wb, () => new Date("2026-11-23T10:00:00Z"));
  return { wb, host, accounts: await host.readTable("Accounts"), reps: await host.readTable("Reps") };
}

/** A generated accounts table as the bench makes it: id, name, segment, potential, workload, owner, latitude, longitude. */
function generatedAccounts(n: number, territories: number, seed: number): TableData {
  const r = seededRandom(seed);
  const segments = ["Enterprise", "Mid-market", "SMB"];
  const headers = [
    "Account ID",
    "Account",
    "Segment",
    "Potential",
    "Workload",
    "Current Owner",
    "Latitude",
    "Longitude",
  ];
  const rows = Array.from({ length: n }, (_, i) => [
    `A${i + 1}`,
    `Account ${i + 1}`,
    segments[Math.floor(r.uniform(0, 3))],
    Math.round(r.lognormal(10, 1.5)),
    Math.round(5 + r.lognormal(0, 0.8) * 10),
    `T${1 + Math.floor(r.uniform(0, territories))}`,
    Math.round(r.uniform(30, 50) * 1e4) / 1e4,
    Math.round(r.uniform(-120, -70) * 1e4) / 1e4,
  ]);
  return { source: "Accounts", headers, rows };
}

/** The split job's input for a table, as the step packs it. */
function splitInput(
  data: TableData,
  settings: ReturnType<typeof storedTerritorySettings>,
  reps: Jobs["split"]["input"]["reps"] = null,
): Jobs["split"]["input"] {
  const { rows, ...table } = data;
  return { table, rows, settings, reps };
}

/** What the synchronous core gives for the same table and settings. */
function coreSplit(data: TableData, input: Jobs["split"]["input"]) {
  const s = input.settings;
  const { accounts } = accountsFromTable(data, s.mapping, new Set(s.excluded), s.groupBy);
  const result = splitTerritories(accounts, {
    ...(input.reps ? { reps: input.reps } : { territories: s.seats.kind === "count" ? s.seats.count : 0 }),
    balanceOn: s.balanceOn,
    keepGroupsPure: s.groupBy !== "none",
    honourPins: s.honourPins,
    minimiseDisruption: s.minimiseDisruption,
    compact: s.compact,
  });
  return { result };
}

/**
 * A stand-in for the browser's Worker running the real handler: messages are cloned and arrive
 * one task later each, as from another thread; after terminate() nothing more arrives.
 */
class FakeWorker {
  onmessage: ((e: MessageEvent<JobResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  /** Every message posted to it, as the worker received them. */
  received: JobRequest[] = [];
  /** The type of every message the page posted, at the moment it posted it. */
  posts: string[] = [];
  static made: FakeWorker[] = [];
  private outbox: JobResponse[] = [];
  private readonly handle = jobHandler((m) => this.outbox.push(posted(m)));
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(request: JobRequest): void {
    this.posts.push(request.type);
    const cloned = posted(request);
    setTimeout(() => {
      if (this.terminated) return;
      this.received.push(cloned);
      this.handle(cloned);
      const out = this.outbox.splice(0);
      const deliver = (i: number) => {
        if (this.terminated || i >= out.length) return;
        this.onmessage?.({ data: out[i] } as MessageEvent<JobResponse>);
        setTimeout(() => deliver(i + 1), 0);
      };
      deliver(0);
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}
const fakeWorkers = (): JobRunner => workerJobs(() => new FakeWorker() as unknown as Worker);

describe("the split job as the worker runs it", () => {
  test("on the sample's accounts and reps: the worker's split equals the synchronous core's", async () => {
    const { accounts, reps } = await sample();
    const s = sampleTerritorySettings();
    const seats = s.seats.kind === "reps" ? repsFromTable(reps, s.seats.columns, s.seats.roles).reps : null;
    const input = splitInput(accounts, storedTerritorySettings(s), seats);
    // Its 2,000 rows sent in parts of 7: the worker puts them back in order.
    const messages = viaWorker("split", input, 7);
    expect(done(messages)).toEqual(coreSplit(accounts, input));
    // Progress comes first, in order: checking (0.25), then splitting (0.35).
    expect(messages.slice(0, -1)).toEqual([
      { type: "progress", fraction: 0.25, label: "Checking the data" },
      { type: "progress", fraction: 0.35, label: "Splitting 2,000 accounts" },
    ]);
  });

  test("20,000 generated accounts into 100 territories: the same assignment, figures and notes as the core", () => {
    const data = generatedAccounts(20_000, 100, 7);
    const settings = storedTerritorySettings(
      sampleTerritorySettings({ mapping: autoMap(data.headers), seats: { kind: "count", count: 100 } }),
    );
    const input = splitInput(data, settings);
    const { result } = done(viaWorker("split", input)) as Jobs["split"]["output"];
    const core = coreSplit(data, input).result;
    expect(result.assignment).toEqual(core.assignment);
    expect(result.territories).toEqual(core.territories);
    expect(result.notes).toEqual(core.notes);
    expect(result.worstDeviation).toBe(core.worstDeviation);
  });

  test("property: for any small table, territory count and options, the worker's split equals the core's", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 300 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("potential" as const, "potential+workload" as const),
        (n, k, seed, compact, minimiseDisruption, balanceOn) => {
          const data = generatedAccounts(n, k, seed);
          const settings = storedTerritorySettings(
            sampleTerritorySettings({
              mapping: autoMap(data.headers),
              seats: { kind: "count", count: Math.min(k, n) },
              compact,
              minimiseDisruption,
              balanceOn,
            }),
          );
          const input = splitInput(data, settings);
          expect(done(viaWorker("split", input))).toEqual(coreSplit(data, input));
        },
      ),
      { numRuns: 40 },
    );
  });

  test("data problems come back as a StepError's message; what the split refuses as the core's InputError", async () => {
    const { accounts } = await sample();
    const bad = {
      ...accounts,
      rows: accounts.rows.map((r, i) => (i === 4 ? r.map((v, c) => (c === 4 ? "n/a" : v)) : r)),
    };
    const settings = storedTerritorySettings(sampleTerritorySettings({ seats: { kind: "count", count: 5 } }));
    const [problem] = viaWorker("split", splitInput(bad, settings)).filter((m) => m.type === "error");
    expect(problem).toMatchObject({ type: "error", kind: "step" });
    expect((problem as { message: string }).message).toMatch(/^1 problem\(s\) in the accounts/);
    // Pinned to reps that are not seats: the core's TerritoryInputError, an InputError.
    const refused = viaWorker("split", splitInput(accounts, settings)).at(-1)!;
    expect(refused).toMatchObject({ type: "error", kind: "input" });
    expect((refused as { message: string }).message).toMatch(/pinned account\(s\) name a rep who is not in the list/);
  });
});

describe("the quota job as the worker runs it", () => {
  const reps = Array.from({ length: 1000 }, (_, i) => ({
    id: `R${i + 1}`,
    potential: 500_000 + ((i * 7919) % 1000) * 1000,
    history: [400_000 + ((i * 104729) % 1000) * 900],
  }));
  const settings = quotaSettings({
    potential: { table: "Reps", id: "Rep ID", columns: ["Potential"] },
    history: null,
    companyTarget: 600_000_000,
    draws: 2000,
  });

  test("1,000 reps x 2,000 draws: the plan and the simulation equal the core's, with progress per chunk", () => {
    const messages = viaWorker("quotas", { reps, settings });
    const plan = setQuotas(reps, settings);
    const simulation = new AttainmentSimulation(plan.reps, settings.draws, QUOTA_SEED).runAll();
    expect(done(messages)).toEqual({ plan, simulation });
    // 250,000 rep-draws a chunk = 250 draws of 1,000 reps: 8 chunks, progress after the first 7.
    const progress = messages.filter((m) => m.type === "progress");
    expect(progress.map((m) => (m as { label: string }).label)).toEqual(
      [13, 25, 38, 50, 63, 75, 88].map((p) => `Simulating attainment (${p}%)`),
    );
    expect(progress.map((m) => (m as { fraction: number }).fraction)).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((c) => 0.2 + 0.6 * ((c * 250) / 2000)),
    );
  });

  test("a target the model refuses comes back as the core's InputError", () => {
    const [m] = viaWorker("quotas", { reps, settings: { ...settings, companyTarget: -1 } });
    expect(m).toMatchObject({ type: "error", kind: "input" });
  });
});

describe("the worker entry (jobs.worker.ts)", () => {
  test("answers a request posted to it with the job's messages", async () => {
    const sent: JobResponse[] = [];
    const scope = { postMessage: (m: JobResponse) => sent.push(m), onmessage: null as unknown };
    const g = globalThis as unknown as { self?: unknown };
    const before = g.self;
    g.self = scope;
    try {
      // The entry installs its handler on `self` when it loads, as in a worker.
      await jest.isolateModulesAsync(async () => {
        await import("../../src/wizard/offThread/jobs.worker");
      });
      const { accounts } = await sample();
      const settings = storedTerritorySettings(
        sampleTerritorySettings({ seats: { kind: "count", count: 8 }, honourPins: false }),
      );
      const input = splitInput(accounts, settings);
      const send = scope.onmessage as (e: { data: JobRequest }) => void;
      send({ data: { type: "rows", rows: input.rows.slice(0, 1500) } });
      send({ data: { type: "rows", rows: input.rows.slice(1500) } });
      send({ data: { type: "run", name: "split", input: { ...input, rows: [] }, rowsSent: true } });
      expect(sent.map((m) => m.type)).toEqual(["progress", "progress", "done"]);
      expect((sent[2] as { output: unknown }).output).toEqual(coreSplit(accounts, input));
    } finally {
      g.self = before;
    }
  });
});

describe("the steps with their jobs in a worker", () => {
  beforeEach(() => (FakeWorker.made = []));

  test("the territory step gives the same result and sheet through the worker as in-process, and ends the worker", async () => {
    const a = await sample();
    const b = await sample();
    const labels: string[] = [];
    const inWorker = await runStep(
      territoryStep,
      a.host,
      sampleTerritorySettings(),
      (_, l) => labels.push(l),
      undefined,
      fakeWorkers(),
    );
    const inProcess = await runStep(
      territoryStep,
      b.host,
      sampleTerritorySettings(),
      () => {},
      undefined,
      inProcessJobs,
    );
    expect(inWorker).toEqual(inProcess);
    expect(a.wb.values("Territories", { start: { row: 0, col: 0 }, end: a.wb.usedRange("Territories")!.end })).toEqual(
      b.wb.values("Territories", { start: { row: 0, col: 0 }, end: b.wb.usedRange("Territories")!.end }),
    );
    expect(labels).toEqual([
      "Reading accounts",
      "Reading reps",
      "Checking the data",
      "Splitting 2,000 accounts",
      'Writing sheet "Territories"',
      "Done",
    ]);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0].terminated).toBe(true);
  });

  test("Cancel during the split ends the worker and leaves the workbook and its settings unchanged", async () => {
    const { wb, host } = await sample();
    const sheets = wb.sheetNames();
    const parts = [...wb.customXmlParts()];
    const controller = new AbortController();
    const run = runStep(
      territoryStep,
      host,
      sampleTerritorySettings(),
      (_, label) => label.startsWith("Checking") && controller.abort(),
      controller.signal,
      fakeWorkers(),
    );
    await expect(run).rejects.toThrow(CancelledError);
    expect(FakeWorker.made[0].terminated).toBe(true);
    expect(wb.sheetNames()).toEqual(sheets);
    expect([...wb.customXmlParts()]).toEqual(parts);
  });

  test("what the split refuses in the worker fails the step as a StepError with the same message as in-process", async () => {
    const { host } = await sample();
    const settings = sampleTerritorySettings({ seats: { kind: "count", count: 5 } });
    const inWorker = await runStep(territoryStep, host, settings, () => {}, undefined, fakeWorkers()).catch((e) => e);
    const inProcess = await runStep(territoryStep, host, settings).catch((e) => e);
    expect(inWorker).toBeInstanceOf(StepError);
    expect(inWorker.message).toBe(inProcess.message);
  });

  test("the quota step through the worker equals in-process; Cancel mid-simulation writes nothing", async () => {
    const a = await sample();
    const b = await sample();
    await runStep(territoryStep, a.host, sampleTerritorySettings());
    await runStep(territoryStep, b.host, sampleTerritorySettings());
    const settings = quotaSettings({
      potential: { table: "Territories_Summary", id: "Territory", columns: ["Potential"] },
      history: { table: "Reps", id: "Rep ID", columns: ["Prior Year Bookings"] },
      companyTarget: 30_000_000,
      draws: 20_000,
    });
    const inWorker = await runStep(quotaStep, a.host, settings, () => {}, undefined, fakeWorkers());
    const inProcess = await runStep(quotaStep, b.host, settings);
    expect(inWorker).toEqual(inProcess);

    const c = await sample();
    await runStep(territoryStep, c.host, sampleTerritorySettings());
    const sheets = c.wb.sheetNames();
    const controller = new AbortController();
    const seen: string[] = [];
    const run = runStep(
      quotaStep,
      c.host,
      settings,
      (f, label) => {
        seen.push(label);
        if (label.startsWith("Simulating")) controller.abort();
      },
      controller.signal,
      fakeWorkers(),
    );
    await expect(run).rejects.toThrow(CancelledError);
    expect(seen.filter((l) => l.startsWith("Simulating"))).toHaveLength(1);
    expect(c.wb.sheetNames()).toEqual(sheets);
    expect(FakeWorker.made.at(-1)!.terminated).toBe(true);
  });

  test("25,000 rows go to the worker in parts of 10,000, each in a task of its own, then the request", async () => {
    const data = generatedAccounts(25_000, 10, 3);
    const input = splitInput(
      data,
      storedTerritorySettings(
        sampleTerritorySettings({ mapping: autoMap(data.headers), seats: { kind: "count", count: 10 } }),
      ),
    );
    const output = await fakeWorkers().run("split", input, { step: async () => {}, progress: () => {} });
    expect(output).toEqual(coreSplit(data, input));
    const received = FakeWorker.made[0].received;
    expect(received.map((m) => (m.type === "rows" ? m.rows.length : m.type))).toEqual([10_000, 10_000, 5_000, "run"]);
    expect(received[3]).toMatchObject({ type: "run", name: "split", rowsSent: true, input: { rows: [] } });
  });

  test("Cancel while the rows are being sent: the request is never sent and the run is cancelled", async () => {
    const data = generatedAccounts(25_000, 10, 3);
    const input = splitInput(
      data,
      storedTerritorySettings(sampleTerritorySettings({ mapping: autoMap(data.headers) })),
    );
    const controller = new AbortController();
    const run = fakeWorkers().run("split", input, {
      step: async () => {},
      progress: () => {},
      signal: controller.signal,
    });
    controller.abort();
    await expect(run).rejects.toThrow(CancelledError);
    const worker = FakeWorker.made[0];
    expect(worker.terminated).toBe(true);
    // The first part went before Cancel; no other part and no request after it.
    expect(worker.posts).toEqual(["rows"]);
  });

  test("a worker that fails to start fails the step with a message, and cancelling first starts none", async () => {
    const broken = workerJobs(() => {
      const w = new FakeWorker();
      w.postMessage = () => setTimeout(() => w.onerror?.({ message: "" } as ErrorEvent), 0);
      return w as unknown as Worker;
    });
    const { host, wb } = await sample();
    await expect(runStep(territoryStep, host, sampleTerritorySettings(), () => {}, undefined, broken)).rejects.toThrow(
      "The work could not run in the background: the worker failed to start.",
    );
    expect(wb.hasSheet("Territories")).toBe(false);
    // A worker the page may not make at all (a security policy) is said the same way.
    const forbidden = workerJobs(() => {
      throw new Error("Worker creation is blocked by the page's security policy");
    });
    await expect(
      runStep(territoryStep, host, sampleTerritorySettings(), () => {}, undefined, forbidden),
    ).rejects.toThrow(
      "The work could not run in the background: Worker creation is blocked by the page's security policy.",
    );
    expect(wb.hasSheet("Territories")).toBe(false);
    const controller = new AbortController();
    controller.abort();
    FakeWorker.made = [];
    await expect(
      fakeWorkers().run("split", {} as Jobs["split"]["input"], {
        step: async () => {},
        progress: () => {},
        signal: controller.signal,
      }),
    ).rejects.toThrow(CancelledError);
    expect(FakeWorker.made).toHaveLength(0);
  });

  test("an InputError from the worker is an InputError on the page (runStep says it as a StepError)", async () => {
    const failing = workerJobs(() => {
      const w = new FakeWorker();
      w.postMessage = () =>
        setTimeout(() => w.onmessage?.({ data: { type: "error", kind: "input", message: "No." } } as MessageEvent), 0);
      return w as unknown as Worker;
    });
    const error = await failing
      .run("quotas", {} as Jobs["quotas"]["input"], { step: async () => {}, progress: () => {} })
      .catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe("No.");
  });
});
