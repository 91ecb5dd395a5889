import { CalcError, isCalcError, messages } from "../core/errors";
import { toNumber } from "../core/money";
import { finite, sumsOfTwo } from "./values";

/** CAC(spend, new_customers): sum(spend) / sum(new_customers), blanks counting as nothing. */
export function cac(spend: unknown, newCustomers: unknown): number | CalcError {
  const sums = sumsOfTwo(spend, "spend", newCustomers, "new_customers");
  if (isCalcError(sums)) return sums;
  const [totalSpend, customers] = sums;
  if (customers.isZero()) return messages.emptyDivisor({ arg: "new_customers" });
  return finite(toNumber(totalSpend.div(customers)));
}
