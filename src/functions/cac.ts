import { CalcError, isCalcError, messages } from "../core/errors";
import { sumExact, toNumber } from "../core/money";
import { asMatrix, finite, readNonNegativeCells } from "./values";

/** CAC(spend, new_customers): sum(spend) / sum(new_customers), blanks counting as nothing. */
export function cac(spend: unknown, newCustomers: unknown): number | CalcError {
  const s = asMatrix(spend, "spend");
  if (isCalcError(s)) return s;
  const n = asMatrix(newCustomers, "new_customers");
  if (isCalcError(n)) return n;
  const spendValues = readNonNegativeCells(s, "spend");
  if (isCalcError(spendValues)) return spendValues;
  const customerValues = readNonNegativeCells(n, "new_customers");
  if (isCalcError(customerValues)) return customerValues;
  const customers = sumExact(customerValues);
  if (customers.isZero()) return messages.emptyDivisor({ arg: "new_customers" });
  return finite(toNumber(sumExact(spendValues).div(customers)));
}
