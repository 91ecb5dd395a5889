import fc from "fast-check";
import { addVersion, ComputedMonth, nextMonth, PlanVersion, recordComputed } from "../../src/core/kpiPlan";
import { DEFAULT_KPI_PLAN } from "../../src/wizard/kpi/defaultPlan";
import {
  KPI_RECORD_SCHEMA,
  readKpiPlanRecord,
  readWhatIf,
  storedRecord,
  storedWhatIf,
} from "../../src/wizard/kpi/storedPlan";

const v = (version: number, effective: string) => ({
  version,
  effective,
  changedAt: "2026-08-15T09:00:00Z",
  plan: DEFAULT_KPI_PLAN,
});
const computed = [{ month: "2026-10", version: 1, computedAt: "2026-11-20T10:00:00.000Z" }];

describe("the stored KPI record (zod schema with migrations)", () => {
  test("schema 1 (versions only, no schema field) loads as schema 2 with no month computed", () => {
    expect(readKpiPlanRecord({ versions: [v(1, "2026-09")] })).toEqual({
      ok: true,
      value: { versions: [v(1, "2026-09")], computed: [] },
    });
    expect(readKpiPlanRecord(null)).toEqual({ ok: true, value: { versions: [], computed: [] } });
  });

  test("schema 2 round-trips; months are read trimmed and in order", () => {
    const written = storedRecord({ versions: [v(1, "2026-09")], computed });
    expect(written).toMatchObject({ schema: KPI_RECORD_SCHEMA });
    expect(readKpiPlanRecord(JSON.parse(JSON.stringify(written)))).toEqual({
      ok: true,
      value: { versions: [v(1, "2026-09")], computed },
    });
    // A month stored with a space by an older version reads as the month it names.
    const spaced = readKpiPlanRecord({ versions: [v(2, " 2030-01"), v(1, "2026-09 ")] });
    expect(spaced.ok && spaced.value.versions.map((x) => x.effective)).toEqual(["2026-09", "2030-01"]);
  });

  test("what cannot be read says where, and a newer schema asks for an update", () => {
    expect(readKpiPlanRecord({ schema: 2, versions: [v(1, "2026-13")], computed: [] })).toEqual({
      ok: false,
      problem: "versions.0.effective: not a month (YYYY-MM)",
    });
    expect(readKpiPlanRecord({ schema: 2, versions: [], computed: [{ month: "2026-10", version: 1 }] })).toMatchObject({
      ok: false,
      problem: expect.stringContaining("computed.0.computedAt"),
    });
    expect(readKpiPlanRecord({ schema: 3, versions: [] })).toEqual({
      ok: false,
      problem: "it was written by a newer Comp Planner (schema 3); update the add-in",
    });
    expect(readKpiPlanRecord("versions")).toEqual({ ok: false, problem: "it is not a KPI record" });
    const noOutcome = {
      versions: [
        {
          ...v(1, "2026-09"),
          plan: {
            roles: [
              {
                ...DEFAULT_KPI_PLAN.roles[0],
                kpis: [
                  {
                    ...DEFAULT_KPI_PLAN.roles[0].kpis[0],
                    measure: { table: "D", person: "P", date: "C", aggregate: "win-rate", filters: [] },
                  },
                ],
              },
            ],
          },
        },
      ],
    };
    expect(readKpiPlanRecord(noOutcome)).toMatchObject({
      ok: false,
      problem: expect.stringContaining("versions.0.plan.roles.0.kpis.0.measure.outcome"),
    });
  });

  test("the what-if draft has its own schema, apart from the official record", () => {
    const draft = { plan: DEFAULT_KPI_PLAN, month: "2019-03", computedAt: "2026-11-20T10:00:00.000Z" };
    expect(readWhatIf(JSON.parse(JSON.stringify(storedWhatIf(draft))))).toEqual({ ok: true, value: draft });
    expect(readWhatIf(undefined)).toEqual({ ok: true, value: null });
    expect(readWhatIf({ ...draft, schema: 1, month: "March" }).ok).toBe(false);
    // The official record is not a what-if.
    expect(readWhatIf(storedRecord({ versions: [], computed: [] })).ok).toBe(false);
  });
});

describe("the stored KPI record, for any history", () => {
  test("property: whatever versions and computed months a workbook holds, writing and reading gives them back", () => {
    const event = fc.record({
      days: fc.integer({ min: 0, max: 60 }),
      later: fc.integer({ min: 0, max: 3 }),
      bonus: fc.integer({ min: 0, max: 20_000 }),
      compute: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 15 }), (events) => {
        let now = new Date("2026-01-10T08:00:00Z");
        let versions: PlanVersion[] = [];
        let computed: ComputedMonth[] = [];
        for (const e of events) {
          now = new Date(now.getTime() + e.days * 86_400_000);
          const plan = { roles: DEFAULT_KPI_PLAN.roles.map((r) => ({ ...r, targetBonus: e.bonus })) };
          const month = now.toISOString().slice(0, 7);
          let effective = month;
          for (let i = 0; i <= e.later; i++) effective = nextMonth(effective);
          try {
            versions = addVersion(versions, plan, now, effective);
          } catch {
            // A refused change (the month has one already) leaves the history as it was.
          }
          if (e.compute && versions.some((v) => v.effective <= month))
            computed = recordComputed(computed, month, 1, now);
        }
        const read = readKpiPlanRecord(JSON.parse(JSON.stringify(storedRecord({ versions, computed }))));
        expect(read).toEqual({ ok: true, value: { versions, computed } });
      }),
      { numRuns: 60 },
    );
  });
});
