import { messages } from "../core/errors";
import { exactRatio } from "../core/ratio";
import { defineFunction, elementwiseSize } from "./functionSpec";
import { cells, eachCell } from "./params";

/**
 * QUOTA_ATTAINMENT(actual, quota): actual / quota, element-wise over ranges of the same shape,
 * a single cell broadcasting against a range. A row where both are blank stays blank.
 */
export const QUOTA_ATTAINMENT = defineFunction({
  id: "QUOTA_ATTAINMENT",
  params: [cells("actual", "any"), cells("quota", "atLeast0")],
  result: "matrix",
  spillSize: elementwiseSize,
  body: (actual, quota) =>
    eachCell([actual, quota], ([a, q], where) => (q === 0 ? messages.zeroDivisor(where(1)) : exactRatio(a, q))),
});

/** The QUOTA_ATTAINMENT adapter: raw Excel arguments in, the spilled attainments out. */
export const quotaAttainment = QUOTA_ATTAINMENT.compute;
