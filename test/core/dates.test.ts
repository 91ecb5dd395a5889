import fc from "fast-check";
import { addMonths, dateOf, isoDate, monthsOverlapping, dateSerial, wholeMonthsBetween } from "../../src/core/dates";

describe("date serials", () => {
  test("Excel's serials: 2026-01-01 is 46023, and back", () => {
    expect(dateSerial(2026, 1, 1)).toBe(46023);
    expect(dateOf(46023)).toEqual({ year: 2026, month: 1, day: 1 });
    expect(dateOf(46023.75)).toEqual({ year: 2026, month: 1, day: 1 }); // a time of day is ignored
    expect(dateOf(dateSerial(2028, 2, 29))).toEqual({ year: 2028, month: 2, day: 29 });
  });
  test("dateOf agrees with the JavaScript calendar on every day from 1901 to 2199", () => {
    fc.assert(
      fc.property(fc.integer({ min: 367, max: 109574 }), (s) => {
        const d = new Date(Date.UTC(1899, 11, 30) + s * 86_400_000);
        expect(dateOf(s)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
      }),
      { numRuns: 2000 },
    );
  });
  test("isoDate writes any number: a date as yyyy-mm-dd, a number that is no date as the number", () => {
    expect(isoDate(46023.75)).toBe("2026-01-01");
    expect(isoDate(2958465)).toBe("9999-12-31");
    expect(isoDate(0)).toBe("1899-12-30");
    for (const n of [-1, -99974431.00000001, 2958466, 1e300, NaN, Infinity]) expect(isoDate(n)).toBe(String(n));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2958465 }), (s) => {
        expect(isoDate(s)).toBe(new Date(Date.UTC(1899, 11, 30) + s * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });
  test("adding months clamps to the month's last day", () => {
    expect(dateOf(addMonths(dateSerial(2026, 1, 31), 1))).toEqual({ year: 2026, month: 2, day: 28 });
    expect(dateOf(addMonths(dateSerial(2026, 11, 15), 3))).toEqual({ year: 2027, month: 2, day: 15 });
  });
  test("whole months between two dates count anniversaries reached", () => {
    // 15 Jan to 14 Mar: one anniversary (15 Feb); to 15 Mar: two; backwards: 0
    expect(wholeMonthsBetween(dateSerial(2026, 1, 15), dateSerial(2026, 3, 14))).toBe(1);
    expect(wholeMonthsBetween(dateSerial(2026, 1, 15), dateSerial(2026, 3, 15))).toBe(2);
    expect(wholeMonthsBetween(dateSerial(2026, 3, 15), dateSerial(2026, 1, 15))).toBe(0);
  });
  test("the months overlapping a range", () => {
    expect(monthsOverlapping(dateSerial(2026, 1, 20), dateSerial(2026, 3, 2))).toEqual([
      { first: dateSerial(2026, 1, 1), last: dateSerial(2026, 1, 31) },
      { first: dateSerial(2026, 2, 1), last: dateSerial(2026, 2, 28) },
      { first: dateSerial(2026, 3, 1), last: dateSerial(2026, 3, 31) },
    ]);
  });
});
