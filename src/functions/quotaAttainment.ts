import { CalcError, isCalcError, messages } from "../core/errors";
import { exactRatio } from "../core/ratio";
import { asMatrix, elementwise, isBlank, OutMatrix, readNumber } from "./values";

/**
 * QUOTA_ATTAINMENT(actual, quota): actual / quota, element-wise over ranges of the same shape,
 * a single cell broadcasting against a range. A row where both are blank stays blank.
 */
export function quotaAttainment(actual: unknown, quota: unknown): OutMatrix | CalcError {
  const a = asMatrix(actual, "actual");
  if (isCalcError(a)) return a;
  const q = asMatrix(quota, "quota");
  if (isCalcError(q)) return q;
  return elementwise(
    [
      { name: "actual", m: a },
      { name: "quota", m: q },
    ],
    ([av, qv], where) => {
      if (isBlank(av) && isBlank(qv)) return "";
      if (isBlank(qv)) return messages.blank(where(1));
      const qn = readNumber(qv, where(1));
      if (isCalcError(qn)) return qn;
      if (qn < 0) return messages.negative(where(1), qn);
      if (qn === 0) return messages.zeroDivisor(where(1));
      if (isBlank(av)) return messages.blank(where(0));
      const an = readNumber(av, where(0));
      if (isCalcError(an)) return an;
      return exactRatio(an, qn);
    },
  );
}
