import fc from "fast-check";
import {
  dateSerial,
  isoDate,
  isoTextDate,
  readDateCell,
  numericDateReadings,
  refusedDatesMessage,
  textDatesNote,
} from "../../src/core/dates";

describe("the one rule for dates in the tools' date columns", () => {
  test("worked examples: numbers are dates, ISO text names one date, other text is refused", () => {
    // Excel: 2019-03-01 is serial 43525; 10:00 is 10/24 of a day.
    expect(readDateCell(43525)).toEqual({ kind: "date", serial: 43525, fromText: false });
    expect(readDateCell("2019-03-01")).toEqual({ kind: "date", serial: 43525, fromText: true });
    expect(readDateCell(" 2019-03-01 10:00 ")).toEqual({ kind: "date", serial: 43525 + 10 / 24, fromText: true });
    expect(readDateCell("2019-03-01T18:30:36")).toEqual({
      kind: "date",
      serial: 43525 + (18 * 3600 + 30 * 60 + 36) / 86400,
      fromText: true,
    });
    expect(readDateCell(null)).toEqual({ kind: "blank" });
    expect(readDateCell("  ")).toEqual({ kind: "blank" });
    // March 4 or April 3: refused as ambiguous; other text and booleans as not dates.
    expect(readDateCell("03/04/2019")).toEqual({ kind: "refused", text: "03/04/2019", ambiguous: true });
    expect(readDateCell("3.4.19")).toEqual({ kind: "refused", text: "3.4.19", ambiguous: true });
    expect(readDateCell("next week")).toEqual({ kind: "refused", text: "next week", ambiguous: false });
    expect(readDateCell(true)).toEqual({ kind: "refused", text: "true", ambiguous: false });
    // ISO-shaped but no such day or time.
    expect(isoTextDate("2019-02-29")).toBeNull();
    expect(readDateCell("2019-02-30")).toEqual({ kind: "refused", text: "2019-02-30", ambiguous: false });
    expect(isoTextDate("2020-02-29")).toBe(dateSerial(2020, 2, 29));
    expect(isoTextDate("2019-13-01")).toBeNull();
    expect(isoTextDate("2019-03-01 24:00")).toBeNull();
    expect(isoTextDate("2019-3-1")).toBeNull();
  });

  test("messages name the table, the column and the first rows", () => {
    const cells = [1, 2, 5, 9, 12].map((row) => ({ row, text: "2019-03-01" }));
    expect(textDatesNote("Deals", "Closed", cells)).toBe(
      'Deals column "Closed" holds dates as text on rows 1, 2, 5 and 2 more ("2019-03-01", "2019-03-01", "2019-03-01"); they were read as the dates they name (yyyy-mm-dd). To store them as dates, select the column, then Data > Text to Columns > Finish.',
    );
    const many = Array.from({ length: 1503 }, (_, i) => ({ row: i + 1, text: "2019-03-01" }));
    expect(textDatesNote("Deals", "Closed", many)).toContain("on rows 1, 2, 3 and 1,500 more (");
    expect(refusedDatesMessage("Deals", "Closed", [{ row: 4, text: "03/04/2019" }])).toBe(
      'Deals column "Closed" holds text, not dates, on row 4 ("03/04/2019"): text such as "03/04/2019" can be read as more than one date (3 April 2019 or 4 March 2019). Enter the dates as dates, or as yyyy-mm-dd text.',
    );
  });

  test("a day-first column is named by a cell that really reads two ways, else by the one day it reads as", () => {
    // 29/09/2026 can only be day first (there is no month 29); 03/04/2026 is 3 April or 4 March.
    expect(numericDateReadings("29/09/2026")).toEqual(["29 September 2026"]);
    expect(numericDateReadings("03/04/2026")).toEqual(["3 April 2026", "4 March 2026"]);
    expect(numericDateReadings("05/05/2026")).toEqual(["5 May 2026"]);
    expect(numericDateReadings("2019/3/4")).toEqual(["4 March 2019"]);
    expect(numericDateReadings("31/02/26")).toEqual([]);
    const cells = [
      { row: 1, text: "29/09/2026" },
      { row: 2, text: "25/03/2026" },
      { row: 3, text: "03/04/2026" },
    ];
    expect(refusedDatesMessage("Deals", "Paid", cells)).toBe(
      'Deals column "Paid" holds text, not dates, on rows 1, 2, 3 ("29/09/2026", "25/03/2026", "03/04/2026"): text such as "03/04/2026" can be read as more than one date (3 April 2026 or 4 March 2026). Enter the dates as dates, or as yyyy-mm-dd text.',
    );
    expect(refusedDatesMessage("Deals", "Paid", cells.slice(0, 2))).toBe(
      'Deals column "Paid" holds text, not dates, on rows 1, 2 ("29/09/2026", "25/03/2026"): text such as "29/09/2026" gives the day and month in a locale\'s order (it reads as 29 September 2026), which the add-in does not guess. Enter the dates as dates, or as yyyy-mm-dd text.',
    );
    expect(refusedDatesMessage("Deals", "Paid", [{ row: 7, text: "31/02/2026" }])).toContain(
      'text such as "31/02/2026" names no real day.',
    );
    const mixed = [{ row: 7, text: "next week" }, ...cells.slice(0, 2)];
    expect(refusedDatesMessage("Deals", "Paid", mixed)).toContain('text such as "29/09/2026" gives the day');
    expect(refusedDatesMessage("Deals", "Paid", [{ row: 7, text: "next week" }])).toContain(
      'text such as "next week" is not a date.',
    );
  });

  test("property: the ISO text of any day (with any time) reads back as that serial", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 367, max: 109574 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (day, h, m) => {
          expect(readDateCell(isoDate(day))).toEqual({ kind: "date", serial: day, fromText: true });
          const hm = `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
          const cell = readDateCell(`${isoDate(day)} ${hm}`);
          expect(cell.kind === "date" && Math.abs(cell.serial - (day + (h * 60 + m) / 1440)) < 1e-9).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("property: text that is not yyyy-mm-dd[ hh:mm[:ss]] is never read as a date", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const iso = /^\s*\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*$/.test(text);
        const cell = readDateCell(text);
        if (!iso) expect(cell.kind === "date").toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
