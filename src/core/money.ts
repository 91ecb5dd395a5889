import Decimal from "decimal.js";

/**
 * The project's private decimal type. A clone, so that no other code in the page (or another add-in
 * sharing the runtime) can change the precision or rounding our results depend on.
 *
 * 40 significant digits keep every sum and product of two or three money-sized numbers exact; the
 * rounding mode only matters when a result is explicitly rounded (for example to cents).
 */
export const Money = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
  modulo: Decimal.ROUND_FLOOR,
});

/** A value of the private decimal type. */
export type Dec = InstanceType<typeof Money>;

/**
 * The decimal value of a number as Excel and JavaScript display it in full (its shortest
 * round-trip form), so 0.1 is exactly one tenth, not the binary approximation.
 */
export function dec(value: number | string | Dec): Dec {
  return new Money(value);
}

/** The nearest double to a decimal, with -0 normalised to 0 (Excel has no negative zero). */
export function toNumber(value: Dec): number {
  return value.toNumber() + 0;
}

/** Exact sum of numbers, as a decimal. */
export function sumExact(values: Iterable<number | Dec>): Dec {
  let total = new Money(0);
  for (const v of values) total = total.plus(v);
  return total;
}
