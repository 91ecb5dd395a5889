import { messages } from "../core/errors";
import { toNumber } from "../core/money";
import { defineFunction } from "./functionSpec";
import { sum } from "./params";
import { finite } from "./values";

/** CAC(spend, new_customers): sum(spend) / sum(new_customers), blanks counting as nothing. */
export const CAC = defineFunction({
  id: "CAC",
  params: [sum("spend"), sum("new_customers")],
  result: "scalar",
  body: (spend, customers) =>
    customers.isZero() ? messages.emptyDivisor({ arg: "new_customers" }) : finite(toNumber(spend.div(customers))),
});

/** The CAC adapter. */
export const cac = CAC.compute;
