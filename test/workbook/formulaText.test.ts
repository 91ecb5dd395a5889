import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { excelTrim } from "../../src/core/text";
import {
  columnRef,
  equalsAny,
  equalsText,
  rowsWhere,
  stringLiteral,
  thisRow,
  trimmedEquals,
  trimmedEqualsAny,
} from "../../src/workbook/formulaText";
import fc from "fast-check";
import { rewriteLiterals, stringLiteralsForEngine } from "../../src/workbook/preview/engineStrings";

describe("text spliced into formulas", () => {
  test("a column name goes inside double brackets, with ' before each of [ ] # ' @", () => {
    expect(columnRef("Deals", "Amount")).toBe("Deals[[Amount]]");
    expect(columnRef("Deals", "Deal #")).toBe("Deals[[Deal '#]]");
    expect(columnRef("Deals", "Amount [USD]")).toBe("Deals[[Amount '[USD']]]");
    expect(columnRef("Deals", "Rep's id")).toBe("Deals[[Rep''s id]]");
    expect(columnRef("Deals", "a,b: c")).toBe("Deals[[a,b: c]]");
    expect(columnRef("Deals", "@home")).toBe("Deals[['@home]]");
    expect(thisRow("Month start")).toBe("[@[Month start]]");
    expect(thisRow("Won?#")).toBe("[@[Won?'#]]");
  });

  test("a text becomes a string literal with its quotes doubled, whatever it starts with", () => {
    expect(stringLiteral("Won")).toBe('"Won"');
    expect(stringLiteral('say "hi"')).toBe('"say ""hi"""');
    expect(stringLiteral("=1+1")).toBe('"=1+1"');
    expect(stringLiteral("")).toBe('""');
  });

  test("equality tests compare with = (no wildcards, no criteria operators); several values are an OR", () => {
    expect(equalsText("Deals[[Stage]]", "[@Stage]")).toBe("(Deals[[Stage]]=[@Stage])");
    expect(equalsAny("Deals[[Stage]]", ["Won"])).toBe('(Deals[[Stage]]="Won")');
    expect(equalsAny("Deals[[Stage]]", ["Won", "Closed*"])).toBe(
      '((Deals[[Stage]]="Won")+(Deals[[Stage]]="Closed*")>0)',
    );
    expect(rowsWhere(["(a=1)", "(b=2)"])).toBe("(a=1)*(b=2)");
  });

  test("trimmed comparisons trim as Excel's TRIM does: spaces at the ends go, inner runs become one", () => {
    expect(excelTrim("  Closed   Won ")).toBe("Closed Won");
    expect(excelTrim("\tR1\u00a0")).toBe("\tR1\u00a0");
    expect(trimmedEquals("Deals[[Owner]]", "[@Person]")).toBe("(TRIM(Deals[[Owner]])=TRIM([@Person]))");
    expect(trimmedEqualsAny("Deals[[Stage]]", [" Won", "Won ", "Closed  Won"])).toBe(
      '((TRIM(Deals[[Stage]])="Won")+(TRIM(Deals[[Stage]])="Closed Won")>0)',
    );
  });

  test("in the engine, a text with wildcards, operators, quotes or leading = matches only itself (any case)", () => {
    const wb = new PreviewWorkbook();
    wb.addSheet("S");
    const texts = ["=1+1", "a*b", "axxb", "a?b", "<5", ">=x", 'q"t', "~a", "é", "e", "A*B", "\\"];
    // A leading apostrophe keeps the text as text in the engine.
    wb.setBlock(
      "S",
      { row: 0, col: 0 },
      texts.map((t) => [`'${t}`]),
    );
    texts.forEach((t, i) =>
      wb.setCell("S", { row: i, col: 2 }, `=SUMPRODUCT(--${equalsText("A1:A12", stringLiteral(t))})`),
    );
    // Each text matches itself only; "a*b" also matches "A*B" (Excel compares text in any case).
    expect(texts.map((_, i) => wb.cell("S", { row: i, col: 2 }).value)).toEqual([1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1]);
  });
});

describe("string literals for the preview's engine", () => {
  test("doubled quotes and backslashes become CHAR(34) and CHAR(92) concatenations; other text is untouched", () => {
    expect(stringLiteralsForEngine('="a\\b"')).toBe('=("a"&CHAR(92)&"b")');
    expect(stringLiteralsForEngine('=IF(A1="say ""hi""",1,"x")')).toBe(
      '=IF(A1=("say "&CHAR(34)&"hi"&CHAR(34)&""),1,"x")',
    );
    expect(stringLiteralsForEngine('=""""')).toBe('=(""&CHAR(34)&"")');
    expect(stringLiteralsForEngine('=A1&"plain"')).toBe('=A1&"plain"');
    // An open literal is closed.
    expect(stringLiteralsForEngine('="open')).toBe('="open"');
  });

  test("a formula is kept as it is exactly when the rewrite would not change it", () => {
    const formula = fc
      .array(fc.constantFrom('"', "\\", "a", "=", "&", "(", ")", ","), { maxLength: 12 })
      .map((cs) => cs.join(""));
    fc.assert(
      fc.property(formula, (f) => {
        expect(stringLiteralsForEngine(f)).toBe(rewriteLiterals(f));
      }),
      { numRuns: 2000 },
    );
  });
});
