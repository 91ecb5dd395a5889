import fc from "fast-check";
import {
  proposeDateOrder,
  proposeDecimal,
  readAs,
  readValue,
  ReadOptions,
} from "../../../src/preview/import/readValue";

const US: ReadOptions = { decimal: ".", dateOrder: "mdy" };
const EU: ReadOptions = { decimal: ",", dateOrder: "dmy" };
const num = (text: string, o = US) => {
  const v = readValue(text, o);
  return v.kind === "number" ? [v.value, v.format] : v.kind;
};
const date = (text: string, o = US) => {
  const v = readValue(text, o);
  return v.kind === "date" ? v.value : v.kind;
};

describe("numbers, as Excel reads them", () => {
  test("plain, signed and scientific", () => {
    expect(num("42")).toEqual([42, null]);
    expect(num("-3.5")).toEqual([-3.5, null]);
    expect(num("+7")).toEqual([7, null]);
    expect(num(".5")).toEqual([0.5, null]);
    expect(num("1.5E+3")).toEqual([1500, null]);
    expect(num("  12 ")).toEqual([12, null]);
    // Excel reads leading zeros as a number too: "007" is 7.
    expect(num("007")).toEqual([7, null]);
  });
  test("thousands separators in groups of three only", () => {
    expect(num("1,234")).toEqual([1234, "#,##0"]);
    expect(num("1,234,567.25")).toEqual([1234567.25, "#,##0.00"]);
    expect(num("12,34")).toBe("text");
    expect(num("1,2345")).toBe("text");
    expect(num("1 234")).toBe("text");
  });
  test("currency symbols before or after, with the sign either side", () => {
    expect(num("$1,200.50")).toEqual([1200.5, "$#,##0.00"]);
    expect(num("-$5")).toEqual([-5, "$#,##0"]);
    expect(num("$-5")).toEqual([-5, "$#,##0"]);
    expect(num("€ 10")).toEqual([10, "€#,##0"]);
    expect(num("1 234,50 ₽", EU)).toEqual([1234.5, "₽#,##0.00"]);
    expect(num("100 руб.", EU)).toEqual([100, null]);
    expect(num("$")).toBe("text");
  });
  test("negatives in parentheses", () => {
    expect(num("(300)")).toEqual([-300, null]);
    expect(num("($1,200.00)")).toEqual([-1200, "$#,##0.00"]);
    expect(num("(abc)")).toBe("text");
  });
  test("percentages are exact: 0.07% is the double nearest 0.0007", () => {
    expect(num("12.5%")).toEqual([0.125, "0.0%"]);
    expect(num("7%")).toEqual([0.07, "0%"]);
    expect(num("0.07%")).toEqual([0.0007, "0.00%"]);
    expect(num("-3%")).toEqual([-0.03, "0%"]);
    expect(num("12,5%", EU)).toEqual([0.125, "0.0%"]);
  });
  test("decimal comma where the file uses one: dots or spaces group thousands", () => {
    expect(num("1,5", EU)).toEqual([1.5, null]);
    expect(num("1.234,56", EU)).toEqual([1234.56, "#,##0.00"]);
    expect(num("1 234 567", EU)).toEqual([1234567, "#,##0"]);
    expect(num("1\u00a0234,5", EU)).toEqual([1234.5, "#,##0.0"]);
    expect(num("1.5", EU)).toBe("text");
    expect(num("1.234 567,5", EU)).toBe("text");
  });
});

describe("dates, ISO always and others by the confirmed order", () => {
  test("ISO dates and date-times in either order setting", () => {
    // 2019-03-01: 43525 days after 1899-12-30.
    expect(date("2019-03-01")).toBe(43525);
    expect(date("2019-03-01", EU)).toBe(43525);
    expect(date("2019/3/1")).toBe(43525);
    // 18:00 is three quarters of a day.
    expect(date("2019-03-01T18:00")).toBe(43525.75);
    expect(date("2019-03-01 06:00:00")).toBe(43525.25);
    expect(readValue("2019-03-01 06:00:00", US)).toMatchObject({ format: "yyyy-mm-dd hh:mm:ss" });
  });
  test("ambiguous dates follow the order; impossible ones stay text", () => {
    // 03/04/2017 is 4 March (mdy) or 3 April (dmy): 42798 and 42828.
    expect(date("03/04/2017", US)).toBe(42798);
    expect(date("03/04/2017", EU)).toBe(42828);
    expect(date("13/04/2017", US)).toBe("text");
    expect(date("13/04/2017", EU)).toBe(42838);
    expect(date("31.12.2020", EU)).toBe(44196);
    expect(date("2019-02-29")).toBe("text");
    expect(date("2020-02-29")).toBe(43890);
    expect(date("2019-13-01")).toBe("text");
  });
  test("two-digit years and month names", () => {
    expect(date("1/2/29")).toBe(date("1/2/2029"));
    expect(date("1/2/30")).toBe(date("1/2/1930"));
    expect(date("1-Mar-2019")).toBe(43525);
    expect(date("Mar 1, 2019")).toBe(43525);
    expect(date("1 March 2019")).toBe(43525);
    expect(date("1-Foo-2019")).toBe("text");
  });
  test("Excel's phantom 29 February 1900 shifts January and February 1900 by one", () => {
    expect(date("1900-01-01")).toBe(1);
    expect(date("1900-03-01")).toBe(61);
  });
});

describe("booleans, blanks and text", () => {
  test("each", () => {
    expect(readValue("TRUE", US)).toEqual({ kind: "boolean", value: true });
    expect(readValue("false", US)).toEqual({ kind: "boolean", value: false });
    expect(readValue("  ", US)).toEqual({ kind: "blank", value: null });
    expect(readValue("Acme, Inc.", US)).toEqual({ kind: "text", value: "Acme, Inc." });
    expect(readValue("=1+2", US)).toEqual({ kind: "text", value: "=1+2" });
    expect(readValue("yes", US).kind).toBe("text");
  });
  test("readAs keeps text columns as written and rejects cells of another kind", () => {
    expect(readAs("007", "text", US)).toEqual({ kind: "text", value: "007" });
    expect(readAs("abc", "number", US)).toBeNull();
    expect(readAs("2019-03-01", "number", US)).toBeNull();
    expect(readAs("", "date", US)).toEqual({ kind: "blank", value: null });
  });
});

describe("proposals from the data", () => {
  test("a 13 in first place proves day first; in second place, month first", () => {
    expect(proposeDateOrder(["01/02/2019", "13/02/2019"])).toEqual({
      order: "dmy",
      proof: "13/02/2019",
      conflicting: false,
      seen: 2,
    });
    expect(proposeDateOrder(["01/02/2019", "02/13/2019"])).toEqual({
      order: "mdy",
      proof: "02/13/2019",
      conflicting: false,
      seen: 2,
    });
    expect(proposeDateOrder(["01/02/2019", "2019-03-01"])).toEqual({
      order: "mdy",
      proof: null,
      conflicting: false,
      seen: 1,
    });
    expect(proposeDateOrder(["01.02.2019"])).toMatchObject({ order: "dmy", proof: null });
    expect(proposeDateOrder(["13/01/2019", "01/13/2019"]).conflicting).toBe(true);
  });
  test("decimal comma is proposed when the numbers prove it", () => {
    expect(proposeDecimal(["1,5", "2,25", "3"])).toBe(",");
    expect(proposeDecimal(["1.234,56"])).toBe(",");
    expect(proposeDecimal(["1.5", "1,234.56"])).toBe(".");
    expect(proposeDecimal(["1,234"])).toBe(".");
  });
});

describe("properties", () => {
  test("any number written with grouping and a currency reads back exactly (US and EU)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const abs = Math.abs(whole);
        const us = `${whole < 0 ? "-" : ""}$${abs.toLocaleString("en-US")}.${String(cents).padStart(2, "0")}`;
        const eu = `${whole < 0 ? "-" : ""}${abs.toLocaleString("de-DE")},${String(cents).padStart(2, "0")} €`;
        const expected = Number(`${whole < 0 ? "-" : ""}${abs}.${String(cents).padStart(2, "0")}`);
        expect(num(us)).toEqual([expected === 0 ? 0 : expected, "$#,##0.00"]);
        expect(num(eu, EU)).toEqual([expected === 0 ? 0 : expected, "€#,##0.00"]);
      }),
    );
  });
  test("every real calendar date in ISO reads to the serial of its UTC day", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const days = Math.floor(
            (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(1899, 11, 30)) / 86400000,
          );
          expect(date(iso)).toBe(days);
        },
      ),
    );
  });
});
