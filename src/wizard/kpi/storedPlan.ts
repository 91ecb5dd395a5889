/**
 * KPI plans as stored in a workbook's settings, read back into today's types. Plans saved before
 * each measure had its own fields stored `value`, `from` and `outcome` on every measure; they are
 * read into the same measures (a cycle's `from` is its start, a conversion's `value` and `from`
 * its advanced and entered counts), so a shared workbook keeps its history.
 */
import { KpiDefinition, KpiMeasure, PlanVersion } from "../../core/kpiPlan";

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

const kpiFromStored = (k: KpiDefinition): KpiDefinition => ({ ...k, measure: measureFromStored(k.measure) });

/** Stored plan versions, if they look like the KPI plan's (each measure in today's shape); null otherwise. */
export function parsePlanHistory(v: unknown): PlanVersion[] | null {
  const versions = (v as { versions?: unknown } | null)?.versions;
  if (!Array.isArray(versions)) return null;
  return (versions as PlanVersion[]).map((version) => ({
    ...version,
    plan: { ...version.plan, roles: version.plan.roles.map((r) => ({ ...r, kpis: r.kpis.map(kpiFromStored) })) },
  }));
}
