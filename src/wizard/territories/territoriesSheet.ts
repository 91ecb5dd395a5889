import { SplitResult, TerritoryAccount } from "../../core/territories";
import { equalsText } from "../../workbook/formulaText";
import { CellSpec, SheetSpec } from "../../workbook/sheetSpec";
import { ACCOUNT_COLUMNS, SUMMARY_COLUMNS, territoryTableNames } from "./layout";

const SUMMARY_AT = 8;

/**
 * The "Territories" sheet: the assignment table (one row per account) and a summary per
 * territory whose figures are live formulas over the assignment table (SUMPRODUCT), so
 * a hand edit of an account's territory updates the summary, the chart and the balance cells.
 * Potential and workload "% of mean" are against the territory's capacity share of the total.
 */
export function territoriesSheet(
  sheet: string,
  accounts: readonly TerritoryAccount[],
  result: SplitResult,
  groupLabel: string | null,
): SheetSpec {
  const t = territoryTableNames(sheet);
  const A = (col: string) => `${t.accounts}[${col}]`;
  const S = (col: string) => `${t.summary}[${col}]`;
  // Names compared with =: a COUNTIFS criterion would read "a*", "<5" or "=1+1" in a name as a pattern.
  const mine = equalsText(A("Territory"), "[@Territory]");
  const moved = equalsText(A("Moved?"), '"Yes"');
  const summaryRows = result.territories.map((ter) => [
    ter.seat.name,
    ter.seat.capacity,
    ter.group ?? "",
    { formula: `=SUMPRODUCT(--${mine})` },
    { formula: `=SUMPRODUCT(${mine}*1,${A("Potential")})` },
    { formula: `=[@Potential]/(SUM([Potential])*[@Capacity]/SUM([Capacity]))` },
    { formula: `=SUMPRODUCT(${mine}*1,${A("Workload")})` },
    { formula: `=IF(SUM([Workload])=0,0,[@Workload]/(SUM([Workload])*[@Capacity]/SUM([Capacity])))` },
    { formula: `=SUMPRODUCT(${mine}*${moved})` },
    { formula: `=SUMPRODUCT(${equalsText(A("Previous owner"), "[@Territory]")}*${moved})` },
    { formula: `=ABS([@[% of mean]]-1)` },
    ter.lowerBound ?? "",
  ]);
  const accountRows = accounts.map((a, i) => [
    a.id,
    result.seats[result.assignment[i]].name,
    a.potential,
    a.workload ?? 0,
    a.group ?? "",
    // Trimmed, as the split reads it: " Ann" owns Ann's territory.
    a.owner?.trim() ?? "",
    { formula: `=IF(OR([@[Previous owner]]="",[@[Previous owner]]=[@Territory]),"No","Yes")` },
  ]);
  const lastSummaryRow = SUMMARY_AT + result.territories.length;
  const cells: CellSpec[] = [
    { address: "A1", value: "Territories", bold: true },
    { address: "A2", value: "Balance: largest / smallest territory (per unit of capacity)", bold: true },
    { address: "D2", value: { formula: `=MAX(${S("% of mean")})/MIN(${S("% of mean")})` }, numberFormat: "0.000" },
    { address: "A3", value: "Worst territory, off its share of the mean", bold: true },
    { address: "D3", value: { formula: `=MAX(${S("Off mean")})` }, numberFormat: "0.00%" },
    { address: "A4", value: "Accounts moved from their current owner", bold: true },
    { address: "D4", value: { formula: `=COUNTIF(${A("Moved?")},"Yes")` } },
    { address: "A5", value: groupLabel ? `Groups kept pure by ${groupLabel}.` : "Groups not kept pure." },
    { address: "A6", value: "Balance, in one cell", bold: true },
    {
      address: "D6",
      value: {
        formula: `=ROUND(MAX(${S("% of mean")})/MIN(${S("% of mean")}),3)&" largest / smallest; worst "&ROUND(100*MAX(${S("Off mean")}),2)&"% from the mean"`,
      },
    },
    ...result.notes.map((note, i): CellSpec => ({ address: `A${lastSummaryRow + 3 + i}`, value: note })),
  ];
  return {
    name: sheet,
    tables: [
      {
        name: t.summary,
        anchor: `A${SUMMARY_AT}`,
        headers: [...SUMMARY_COLUMNS],
        rows: summaryRows,
        numberFormats: {
          Capacity: "0.0#",
          Potential: "#,##0",
          "% of mean": "0.0%",
          Workload: "#,##0",
          "Workload % of mean": "0.0%",
          "Off mean": "0.00%",
        },
      },
      {
        name: t.accounts,
        anchor: `O${SUMMARY_AT}`,
        headers: [...ACCOUNT_COLUMNS],
        rows: accountRows,
        numberFormats: { Potential: "#,##0", Workload: "#,##0" },
      },
    ],
    cells,
    columnWidths: { A: 260, L: 220, O: 90, T: 110 },
    freeze: { rows: SUMMARY_AT, columns: 0 },
    charts: [
      {
        type: "bar",
        title: "Potential per territory",
        anchor: "W2",
        categories: { table: t.summary, column: "Territory" },
        series: [{ name: "Potential", values: { table: t.summary, column: "Potential" } }],
      },
    ],
  };
}
