import fc from "fast-check";
import { dateSerial, isoDate } from "../../src/core/dates";
import { headerIndex, isBlank, sameText, textKey } from "../../src/core/text";

describe("text matching: one rule for names, ids, labels and headers", () => {
  test("examples: trimmed, lower-cased, inner spacing kept, anything read as text", () => {
    expect(textKey("  R05 ")).toBe("r05");
    expect(sameText("Closed Won", " closed won")).toBe(true);
    expect(sameText("Closed  Won", "Closed Won")).toBe(false);
    expect(textKey(null)).toBe("");
    expect(textKey(42)).toBe("42");
    expect(headerIndex(["Rep ID", " Role "], "role")).toBe(1);
    expect(headerIndex(["Rep ID"], "Region")).toBe(-1);
  });

  test("blank: null, undefined, or nothing but spaces; 0 and FALSE are values", () => {
    expect([null, undefined, "", "   ", "\t"].every(isBlank)).toBe(true);
    expect([0, false, "x", " a "].some(isBlank)).toBe(false);
  });

  test("properties: a key is its own key, and surrounding spaces or case never change a match", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom("", " ", "  ", "\t"), (s, pad) => {
        expect(textKey(textKey(s))).toBe(textKey(s));
        expect(sameText(`${pad}${s.toUpperCase()}${pad}`, s.toLowerCase())).toBe(
          textKey(s.toUpperCase()) === textKey(s.toLowerCase()),
        );
      }),
    );
  });
});

describe("Excel date serials", () => {
  test("examples: 2026-01-01 is 46023; 1900-03-01 is 61 (Excel's leap day 1900-02-29 is 60)", () => {
    expect(dateSerial(2026, 1, 1)).toBe(46023);
    expect(dateSerial(1900, 3, 1)).toBe(61);
    expect(isoDate(46023)).toBe("2026-01-01");
    expect(isoDate(46023.75)).toBe("2026-01-01");
  });

  test("property: a date's serial reads back as the same date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1901, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          expect(isoDate(dateSerial(y, m, d))).toBe(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
        },
      ),
    );
  });
});
