/**
 * The layout of the sheet the quota step writes, declared once: the sheet writer builds it, the
 * scenario step and Explain read it from these names and columns.
 */
import { namePrefix } from "../../workbook/sheetSpec";

/** The default name of the sheet the quota step writes. */
export const QUOTAS_SHEET = "Quotas";

/** Names on the quota sheet, derived from the sheet name so a second quota sheet gets its own. */
export function quotaNames(sheet: string): {
  reps: string;
  histogram: string;
  target: string;
  distribution: string;
  points: string;
} {
  const base = namePrefix(sheet);
  return {
    reps: `${base}_Reps`,
    histogram: `${base}_Histogram`,
    target: `${base}_Target`,
    distribution: `${base}_Distribution`,
    points: `${base}_Points`,
  };
}

/** The reps table's columns, in order. */
export const QUOTA_REP_COLUMNS = ["Rep", "Potential", "Forecast", "Quota", "Stretch", "Probability", "Sigma"] as const;

/** The distribution table's columns: 100 equally likely attainments. */
export const DISTRIBUTION_COLUMNS = ["Quantile", "Attainment"] as const;

/** The points table's columns: each point's label and attainment. */
export const POINT_COLUMNS = ["Point", "Attainment"] as const;

/** The histogram table's columns. */
export const HISTOGRAM_COLUMNS = ["Attainment", "Share of reps"] as const;

/** The labels of the points table, in order: what the OTE scenarios read. */
export const DISTRIBUTION_POINTS = ["P10", "P50", "P90", "Excellence"] as const;
