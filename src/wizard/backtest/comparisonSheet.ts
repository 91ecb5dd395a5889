import { CellInput, CellSpec, NamedRangeSpec, SheetSpec } from "../../workbook/sheetSpec";
import {
  ACTUAL_COLUMNS,
  BACKTEST_SHEETS,
  BACKTEST_TABLES,
  COMPARISON_COLUMNS,
  COMPARISON_NAMES,
  creditColumn,
  HEALTH_BAND,
  HISTOGRAM_BANDS,
  HISTOGRAM_COLUMNS,
  PLAN_KEYS,
} from "./backtestLayout";
import { BacktestSettings } from "./backtestSettings";
import { LedgerGeometry, tableColumn } from "./ledgerSheet";
import { BacktestData } from "./readBacktest";

/** Pay under two plans that differ by less than this are "Same" (half a cent). */
export const SAME_PAY = 0.005;

/**
 * "Plan Comparison": per person, year attainment and pay (what is paid in the year, draws and
 * clawbacks included) under each plan, the difference in money and percent, and a winner or
 * loser flag, all read live from the Payout Ledger; totals (cost, revenue, cost of sales, share
 * at or above quota against the 60-70% band, winners and losers); with actual payouts, model
 * minus actual. A chart of the change per person and a histogram of attainment per plan.
 */
export function planComparisonSheet(data: BacktestData, s: BacktestSettings, g: LedgerGeometry): SheetSpec {
  const n = data.periods.length;
  const T = BACKTEST_TABLES;
  const N = COMPARISON_NAMES;
  const withActual = s.actual !== null;
  const headers = [...COMPARISON_COLUMNS, ...(withActual ? ACTUAL_COLUMNS : [])];
  const rows: CellInput[][] = data.people.map((p, j) => {
    const sumOf = (plan: "current" | "proposed", column: "Paid" | "Credited") =>
      `=SUM(${g.ledgerCell(column, g.ledgerRow(plan, j))}:${g.ledgerCell(column, g.ledgerRow(plan, j, n)).split("!")[1]})`;
    const row: CellInput[] = [
      p.id,
      p.role,
      { formula: sumOf("current", "Credited") },
      {
        formula: `=${g.ledgerCell("Attainment YTD", g.ledgerRow("current", j, n))}`,
      },
      { formula: sumOf("current", "Paid") },
      {
        formula: `=${g.ledgerCell("Attainment YTD", g.ledgerRow("proposed", j, n))}`,
      },
      { formula: sumOf("proposed", "Paid") },
      { formula: "=[@[Pay proposed]]-[@[Pay current]]" },
      { formula: '=IF([@[Pay current]]=0,"",[@Difference]/[@[Pay current]])' },
      {
        formula: `=IF([@Difference]>=${SAME_PAY},"Winner",IF([@Difference]<=-${SAME_PAY},"Loser","Same"))`,
      },
    ];
    if (s.actual) {
      row.push({
        formula: `=SUMIFS(${tableColumn(s.actual.table, s.actual.amount)},${tableColumn(s.actual.table, s.actual.person)},[@Person])`,
      });
      row.push({ formula: "=[@[Pay current]]-[@[Actual paid]]" });
    }
    return row;
  });
  const col = (c: string) => `${T.comparison}[${c}]`;
  const cells: CellSpec[] = [
    {
      address: "A1",
      value: `Plan comparison ${s.year}: ${s.current.name} against ${s.proposed.name}, over the same deals`,
      bold: true,
    },
    {
      address: "A2",
      value:
        "Pay is what each plan pays in the year (commission, holdbacks released, clawbacks, draws). A winner is paid more under the proposed plan.",
    },
    { address: "B4", value: s.current.name, bold: true },
    { address: "C4", value: s.proposed.name, bold: true },
  ];
  const names: NamedRangeSpec[] = [];
  const labels: [string, string, (p: "current" | "proposed") => string | null, string][] = [
    ["Cost (pay)", "cost", (p) => `=SUM(${col(p === "current" ? "Pay current" : "Pay proposed")})`, "#,##0.00"],
    [
      "Revenue (deals counted)",
      "revenue",
      (p) => `=SUMIFS(${T.credits}[Credit],${T.credits}[Owner credit],1,${T.credits}[${creditColumn("Counts", p)}],1)`,
      "#,##0.00",
    ],
    ["Cost of sales", "costOfSales", (p) => `=COMP.COST_OF_SALES(${N.cost(p)},${N.revenue(p)})`, "0.00%"],
    [
      "Share at or above quota",
      "atQuota",
      (p) => `=COMP.ATTAINMENT_SHARE(${col(p === "current" ? "Attainment current" : "Attainment proposed")},1)`,
      "0.0%",
    ],
    [
      "Against the 60-70% band",
      "band",
      (p) => `=IF(${N.atQuota(p)}<${HEALTH_BAND.low},"below",IF(${N.atQuota(p)}>${HEALTH_BAND.high},"above","inside"))`,
      "",
    ],
  ];
  labels.forEach(([label, k, f, fmt], i) => {
    const r = 5 + i;
    cells.push({ address: `A${r}`, value: label, bold: true });
    PLAN_KEYS.forEach((p, c) => {
      const address = `${c === 0 ? "B" : "C"}${r}`;
      cells.push({
        address,
        value: { formula: f(p)! },
        numberFormat: fmt || undefined,
      });
      names.push({
        name: (N[k as "cost"] as (p: string) => string)(p),
        address,
      });
    });
  });
  const more: [string, string, string, string][] = [
    ["Change in cost", N.change, `=${N.cost("proposed")}-${N.cost("current")}`, "#,##0.00"],
    ["Winners", N.winners, `=COUNTIF(${col("Flag")},"Winner")`, "0"],
    ["Losers", N.losers, `=COUNTIF(${col("Flag")},"Loser")`, "0"],
  ];
  if (withActual)
    more.push([
      "Model minus actual (current plan)",
      N.modelMinusActual,
      `=SUM(${col("Model minus actual")})`,
      "#,##0.00",
    ]);
  more.forEach(([label, name, formula, fmt], i) => {
    const r = 5 + labels.length + i;
    cells.push(
      { address: `A${r}`, value: label, bold: true },
      { address: `B${r}`, value: { formula }, numberFormat: fmt },
    );
    names.push({ name, address: `B${r}` });
  });
  const histTop = 5 + labels.length + more.length + 2;
  const tableTop = histTop + HISTOGRAM_BANDS.length + 3;
  const count = (column: string, band: (typeof HISTOGRAM_BANDS)[number]) => {
    const bounds = [
      ...(band.from === null ? [] : [`${col(column)},">="&[@From]`]),
      ...(band.to === null ? [] : [`${col(column)},"<"&[@To]`]),
    ];
    return `=COUNTIFS(${bounds.join(",")})`;
  };
  return {
    name: BACKTEST_SHEETS.comparison,
    cells,
    namedRanges: names,
    tables: [
      {
        name: T.histogram,
        anchor: `A${histTop}`,
        headers: [...HISTOGRAM_COLUMNS],
        rows: HISTOGRAM_BANDS.map((b) => [
          b.label,
          b.from,
          b.to,
          { formula: count("Attainment current", b) },
          { formula: count("Attainment proposed", b) },
        ]),
        numberFormats: { From: "0%", To: "0%" },
      },
      {
        name: T.comparison,
        anchor: `A${tableTop}`,
        headers,
        rows,
        numberFormats: {
          Credited: "#,##0.00",
          "Attainment current": "0.0%",
          "Pay current": "#,##0.00",
          "Attainment proposed": "0.0%",
          "Pay proposed": "#,##0.00",
          Difference: "#,##0.00",
          "Difference %": "0.0%",
          "Actual paid": "#,##0.00",
          "Model minus actual": "#,##0.00",
        },
      },
    ],
    charts: [
      {
        type: "column",
        title: "Change in pay per person (proposed - current)",
        anchor: "H3",
        categories: { table: T.comparison, column: "Person" },
        series: [
          {
            name: "Difference",
            values: { table: T.comparison, column: "Difference" },
          },
        ],
      },
      {
        type: "column",
        title: "People per attainment band",
        anchor: "H22",
        categories: { table: T.histogram, column: "Attainment" },
        series: [
          {
            name: s.current.name,
            values: { table: T.histogram, column: "Current" },
          },
          {
            name: s.proposed.name,
            values: { table: T.histogram, column: "Proposed" },
          },
        ],
      },
    ],
    freeze: { rows: tableTop, columns: 1 },
    columnWidths: { A: 190, B: 110, C: 110 },
  };
}
