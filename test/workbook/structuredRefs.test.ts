import { structuredToA1, StructuredRefError, TableGeometry } from "../../src/workbook/structuredRefs";

const deals: TableGeometry = {
  name: "Deals",
  sheet: "Deals",
  anchor: { row: 0, col: 0 },
  headers: ["Deal ID", "Owner", "Stage", "Amount"],
  rowCount: 100,
};
const plan: TableGeometry = {
  name: "PlanReps",
  sheet: "Plan",
  anchor: { row: 4, col: 1 },
  headers: ["Rep ID", "Quota", "Actual", "Attainment"],
  rowCount: 10,
};
const tables = [deals, plan];
const inPlan = (row: number, col = 4) => ({ sheet: "Plan", row, col });

describe("structuredToA1", () => {
  test("Table[Column] is the column's data rows", () => {
    expect(structuredToA1("=SUM(Deals[Amount])", tables, inPlan(5))).toBe("=SUM(Deals!$D$2:$D$101)");
  });
  test("[@Column] and [@[Two Words]] are this row of the table the formula is in", () => {
    expect(structuredToA1("=COMP.QUOTA_ATTAINMENT([@Actual],[@Quota])", tables, inPlan(7))).toBe(
      "=COMP.QUOTA_ATTAINMENT(Plan!$D$8,Plan!$C$8)",
    );
    expect(
      structuredToA1('=SUMIFS(Deals[Amount],Deals[Owner],[@[Rep ID]],Deals[Stage],"Won")', tables, inPlan(5)),
    ).toBe('=SUMIFS(Deals!$D$2:$D$101,Deals!$B$2:$B$101,Plan!$B$6,Deals!$C$2:$C$101,"Won")');
  });
  test("Table[@Column] names the table explicitly", () => {
    expect(structuredToA1("=PlanReps[@Quota]*2", tables, inPlan(6))).toBe("=Plan!$C$7*2");
  });
  test("special items and column spans", () => {
    expect(structuredToA1("=ROWS(Deals[#All])", tables, inPlan(5))).toBe("=ROWS(Deals!$A$1:$D$101)");
    expect(structuredToA1("=Deals[[#Headers],[Stage]]", tables, inPlan(5))).toBe("=Deals!$C$1");
    expect(structuredToA1("=SUM(Deals[[Stage]:[Amount]])", tables, inPlan(5))).toBe("=SUM(Deals!$C$2:$D$101)");
    expect(structuredToA1("=ROWS(Deals)", tables, inPlan(5))).toBe("=ROWS(Deals!$A$2:$D$101)");
  });
  test("string literals, function names and unknown names are left alone", () => {
    expect(structuredToA1('=IF(A1="Deals[Amount]",Deals(1),X[1])', tables, inPlan(5))).toBe(
      '=IF(A1="Deals[Amount]",Deals(1),X[1])',
    );
  });
  test("sheet names that need quotes are quoted", () => {
    const t: TableGeometry = { ...deals, name: "T", sheet: "OTE Scenarios" };
    expect(structuredToA1("=T[Stage]", [t], inPlan(5))).toBe("='OTE Scenarios'!$C$2:$C$101");
  });
  test("an unknown column is an error naming it", () => {
    expect(() => structuredToA1("=Deals[Nope]", tables, inPlan(5))).toThrow(StructuredRefError);
    expect(() => structuredToA1("=Deals[Nope]", tables, inPlan(5))).toThrow('Table Deals has no column "Nope".');
  });
});

describe("structuredToA1: sheet names and the preview's options", () => {
  test("a name followed by ! is a sheet, even when a table has that name", () => {
    expect(structuredToA1("=Deals!G2", tables, inPlan(5))).toBe("=Deals!G2");
    expect(structuredToA1("=Deals!G2+SUM(Deals[Amount])", tables, inPlan(5))).toBe("=Deals!G2+SUM(Deals!$D$2:$D$101)");
    expect(structuredToA1("='Deals'!G2", tables, inPlan(5))).toBe("='Deals'!G2");
  });

  test("a quoted sheet name is left whole, even when a word in it is a table's name", () => {
    // The back-test's credits point at the deals' cells of a sheet opened from "crm deals cleaned.csv";
    // the sample's Deals table must not be read into the sheet's name ('crm Deals!$A$2:$D$101 cleaned').
    expect(structuredToA1("='crm deals cleaned'!$I$4223", tables, inPlan(5))).toBe("='crm deals cleaned'!$I$4223");
    expect(structuredToA1("=SUM('Plan of Deals'!A1:A3,Deals[Amount])", tables, inPlan(5))).toBe(
      "=SUM('Plan of Deals'!A1:A3,Deals!$D$2:$D$101)",
    );
    expect(structuredToA1("='it''s deals'!B2+ROWS(Deals)", tables, inPlan(5))).toBe(
      "='it''s deals'!B2+ROWS(Deals!$A$2:$D$101)",
    );
  });
  test("relativeThisRow writes [@Column] as a relative reference to this row", () => {
    expect(
      structuredToA1("=COMP.QUOTA_ATTAINMENT([@Actual],[@Quota])", tables, inPlan(7), { relativeThisRow: true }),
    ).toBe("=COMP.QUOTA_ATTAINMENT(Plan!D8,Plan!C8)");
  });

  test("rangeName is asked for each multi-cell range, with the function it is a whole argument of", () => {
    const asked: string[] = [];
    const out = structuredToA1(
      '=SUMIFS(Deals[Amount],Deals[Owner],[@[Rep ID]])+SUMPRODUCT((Deals[Stage]="Won")*1)',
      tables,
      inPlan(5),
      {
        rangeName: (r) => {
          asked.push(`${r.reference} ${r.fn} ${r.wholeArgument}`);
          return r.fn === "SUMIFS" ? `N${asked.length}` : r.reference;
        },
      },
    );
    expect(asked).toEqual([
      "Deals!$D$2:$D$101 SUMIFS true",
      "Deals!$B$2:$B$101 SUMIFS true",
      "Deals!$C$2:$C$101  false",
    ]);
    expect(out).toBe('=SUMIFS(N1,N2,Plan!$B$6)+SUMPRODUCT((Deals!$C$2:$C$101="Won")*1)');
  });
});
