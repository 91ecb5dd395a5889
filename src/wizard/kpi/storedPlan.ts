/**
 * KPI plans as stored in a workbook's settings, validated with zod and read back into today's
 * types, with versioned migrations:
 *
 * - The official record (key `kpiPlan`): the plan's versions and the months computed with it.
 *   Schema 1 (no `schema` field) held the versions only; it is read as schema 2 with no month
 *   computed yet.
 * - Plans saved before each measure had its own fields stored `value`, `from` and `outcome` on
 *   every measure; they are read into the same measures (a cycle's `from` is its start, a
 *   conversion's `value` and `from` its advanced and entered counts), so a shared workbook keeps
 *   its history.
 * - The what-if draft (key `kpiWhatIf`), stored apart from the official record.
 */
import { z } from "zod";
import { ComputedMonth, KpiMeasure, KpiPlan, PlanVersion } from "../../core/kpiPlan";

/** A measure as it may be stored: today's fields, or the older shared ones. */
type StoredMeasure = KpiMeasure & {
  readonly value?: string | null;
  readonly from?: string | null;
  readonly start?: string;
  readonly advanced?: string;
  readonly entered?: string;
};

/** A stored measure in today's shape. */
export function measureFromStored(stored: KpiMeasure): KpiMeasure {
  const m = stored as StoredMeasure;
  const rows = { table: m.table, person: m.person, date: m.date, filters: m.filters ?? [] };
  switch (m.aggregate) {
    case "count":
      return { ...rows, aggregate: "count" };
    case "sum":
    case "average":
      return { ...rows, aggregate: m.aggregate, value: m.value ?? "" };
    case "win-rate":
      return { ...rows, aggregate: "win-rate", outcome: m.outcome };
    case "cycle":
      return { ...rows, aggregate: "cycle", start: m.start ?? m.from ?? "" };
    case "conversion":
      return {
        ...rows,
        aggregate: "conversion",
        advanced: m.advanced ?? m.value ?? "",
        entered: m.entered ?? m.from ?? "",
      };
  }
}

const MONTH = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "not a month (YYYY-MM)"));
const INSTANT = z.iso.datetime({ offset: true, message: "not an ISO 8601 date and time" });
const ROWS = {
  table: z.string(),
  person: z.string(),
  date: z.string(),
  filters: z.array(z.object({ column: z.string(), values: z.array(z.string()) })),
};
/** Today's measure, each aggregate with its own columns. */
const MEASURE = z.discriminatedUnion("aggregate", [
  z.object({ ...ROWS, aggregate: z.literal("count") }),
  z.object({ ...ROWS, aggregate: z.enum(["sum", "average"]), value: z.string() }),
  z.object({
    ...ROWS,
    aggregate: z.literal("win-rate"),
    outcome: z.object({ column: z.string(), won: z.array(z.string()), lost: z.array(z.string()) }),
  }),
  z.object({ ...ROWS, aggregate: z.literal("cycle"), start: z.string() }),
  z.object({ ...ROWS, aggregate: z.literal("conversion"), advanced: z.string(), entered: z.string() }),
]);
/** A measure as stored (older shapes included), migrated into today's shape, then checked. */
const STORED_MEASURE = z
  .looseObject({ aggregate: z.enum(["count", "sum", "average", "win-rate", "cycle", "conversion"]) })
  .transform((m) => measureFromStored(m as unknown as KpiMeasure))
  .pipe(MEASURE);
const CURVE = z.object({
  tiers: z.array(z.object({ lower: z.number(), rate: z.number() })),
  mode: z.enum(["MARGINAL", "RETRO"]),
  threshold: z.number().nullable(),
  cap: z.number().nullable(),
});
/** A KPI plan as stored. */
export const PLAN_SCHEMA = z.object({
  roles: z.array(
    z.object({
      role: z.string(),
      targetBonus: z.number(),
      kpis: z.array(
        z.object({ name: z.string(), measure: STORED_MEASURE, target: z.number(), weight: z.number(), curve: CURVE }),
      ),
    }),
  ),
});
const VERSION = z.object({
  version: z.number().int().min(1),
  effective: MONTH,
  changedAt: INSTANT,
  plan: PLAN_SCHEMA,
});
const COMPUTED = z.object({ month: MONTH, version: z.number().int().min(1), computedAt: INSTANT });

/** The schema version of the official record this code writes. */
export const KPI_RECORD_SCHEMA = 2;

const RECORD_V2 = z.object({
  schema: z.literal(2),
  versions: z.array(VERSION),
  computed: z.array(COMPUTED),
});

/** Migrations of the official record: from schema n (the key) to n + 1. */
const RECORD_MIGRATIONS: Record<number, (v: Record<string, unknown>) => Record<string, unknown>> = {
  // Schema 1 stored the versions only: no month had been recorded as computed.
  1: (v) => ({ ...v, schema: 2, computed: [] }),
};

/** The official KPI record: the plan's versions and the months computed with it. */
export interface KpiPlanRecord {
  /** The versions, in month order. */
  readonly versions: readonly PlanVersion[];
  /** The months computed with the official plan, in month order. */
  readonly computed: readonly ComputedMonth[];
}

/** The official record as written: tagged with its schema version. */
export function storedRecord(record: KpiPlanRecord): unknown {
  return { schema: KPI_RECORD_SCHEMA, versions: record.versions, computed: record.computed };
}

/** The outcome of reading a stored value: the value, or why it cannot be read (zod's issues in words). */
export type Reading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

const problemOf = (e: z.ZodError) =>
  e.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "the value"}: ${i.message}`)
    .join("; ");

/**
 * Reads the stored official record (any schema up to {@link KPI_RECORD_SCHEMA}, migrated in
 * turn). Nothing stored yet is an empty record.
 */
export function readKpiPlanRecord(stored: unknown): Reading<KpiPlanRecord> {
  if (stored === null || stored === undefined) return { ok: true, value: { versions: [], computed: [] } };
  if (typeof stored !== "object" || Array.isArray(stored)) return { ok: false, problem: "it is not a KPI record" };
  let v = stored as Record<string, unknown>;
  const schema = v.schema === undefined ? 1 : v.schema;
  if (typeof schema !== "number" || !Number.isInteger(schema) || schema < 1)
    return { ok: false, problem: `schema: ${String(schema)} is not a schema version` };
  if (schema > KPI_RECORD_SCHEMA)
    return { ok: false, problem: `it was written by a newer Comp Planner (schema ${schema}); update the add-in` };
  for (let s = schema; s < KPI_RECORD_SCHEMA; s++) v = RECORD_MIGRATIONS[s](v);
  const parsed = RECORD_V2.safeParse(v);
  if (!parsed.success) return { ok: false, problem: problemOf(parsed.error) };
  const byMonth =
    <T extends { month?: string; effective?: string }>(key: "month" | "effective") =>
    (a: T, b: T) =>
      (a[key] ?? "") < (b[key] ?? "") ? -1 : 1;
  return {
    ok: true,
    value: {
      versions: [...(parsed.data.versions as PlanVersion[])].sort(byMonth("effective")),
      computed: [...parsed.data.computed].sort(byMonth("month")),
    },
  };
}

/** Stored plan versions, if they look like the KPI plan's (each measure in today's shape); null otherwise. */
export function parsePlanHistory(v: unknown): PlanVersion[] | null {
  const r = v === null || v === undefined ? null : readKpiPlanRecord(v);
  return r?.ok ? [...r.value.versions] : null;
}

/** A what-if: a draft plan computed for a month, kept apart from the official record. */
export interface WhatIfRecord {
  readonly plan: KpiPlan;
  /** The month it was computed for, "YYYY-MM". */
  readonly month: string;
  /** When it was computed (ISO date-time). */
  readonly computedAt: string;
}

const WHAT_IF_V1 = z.object({ schema: z.literal(1), plan: PLAN_SCHEMA, month: MONTH, computedAt: INSTANT });

/** The schema version of the what-if record this code writes. */
export const WHAT_IF_SCHEMA = 1;

/** The what-if record as written: tagged with its schema version. */
export function storedWhatIf(w: WhatIfRecord): unknown {
  return { schema: WHAT_IF_SCHEMA, plan: w.plan, month: w.month, computedAt: w.computedAt };
}

/** Reads a stored what-if; null for nothing stored, or a value that is not one (reported by {@link readWhatIf}). */
export function parseWhatIf(stored: unknown): WhatIfRecord | null {
  const r = readWhatIf(stored);
  return r.ok ? r.value : null;
}

/** Reads a stored what-if, or why it cannot be read; nothing stored is `{ ok: true, value: null }`. */
export function readWhatIf(stored: unknown): Reading<WhatIfRecord | null> {
  if (stored === null || stored === undefined) return { ok: true, value: null };
  const parsed = WHAT_IF_V1.safeParse(stored);
  if (!parsed.success) return { ok: false, problem: problemOf(parsed.error) };
  const { plan, month, computedAt } = parsed.data;
  return { ok: true, value: { plan: plan as KpiPlan, month, computedAt } };
}
