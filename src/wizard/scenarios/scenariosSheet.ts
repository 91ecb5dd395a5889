import { stringLiteral } from "../../workbook/formulaText";
import {
  AttainmentDistribution,
  bandText,
  COST_OF_SALES_BAND,
  mixBand,
  PAYOUT_POINTS,
  ScenarioInput,
} from "../../core/scenarios";
import { columnLetter } from "../../workbook/a1";
import { CellInput, CellSpec, NamedRangeSpec, SheetSpec, TableSpec } from "../../workbook/sheetSpec";
import { curveBlock, payoutCall } from "../payoutCurveBlock";
import { SCENARIO_HEADERS, scenarioName, scenarioNames } from "./layout";
import { CurveRow } from "./scenarioTypes";

const POINTS = ["P10", "P50", "P90", "Excellence"] as const;
const CURVE_WIDTH = 3; // columns per curve block (label/lower, value/rate, gap)

/**
 * The "OTE Scenarios" sheet. Inputs are editable cells: per curve a tiers table with its
 * threshold and cap; per scenario its headcount, OTE, quota, base share and whether it is the
 * chosen one for its role. Results are live formulas (COMP.PAYOUT, COMP.COMMISSION_RATE and
 * native functions) over those inputs and the attainment distribution written beside them, so
 * changing an input in Excel recalculates the comparison. A line chart draws each scenario's
 * payout against attainment.
 */
export function scenariosSheet(
  sheet: string,
  scenarios: readonly ScenarioInput[],
  curves: readonly CurveRow[],
  dist: AttainmentDistribution,
  sourceNote: string,
): SheetSpec {
  const n = scenarioNames(sheet);
  const maxTiers = Math.max(...curves.map((c) => c.tiers.length));
  const curveTop = 5;
  const tiersAt = curveTop + 3;
  const scenariosAt = tiersAt + maxTiers + 3;
  const tables: TableSpec[] = [];
  const cells: CellSpec[] = [
    { address: "A1", value: "OTE scenarios: pay mix x payout curve per role", bold: true },
    {
      address: "A2",
      value: `Attainment distribution: ${sourceNote}. Edit any input (curves, headcount, OTE, quota, base share, Chosen) and the results recalculate.`,
    },
    { address: "A3", value: "Chosen plan: total cost", bold: true },
    {
      address: "D3",
      value: { formula: `=SUMIFS(${n.scenarios}[Total cost],${n.scenarios}[Chosen],"Yes")` },
      numberFormat: "#,##0",
    },
    { address: "F3", value: "Expected revenue", bold: true },
    {
      address: "H3",
      value: { formula: `=SUMIFS(${n.scenarios}[Expected revenue],${n.scenarios}[Chosen],"Yes")` },
      numberFormat: "#,##0",
    },
    { address: "J3", value: "Cost of sales", bold: true },
    { address: "L3", value: { formula: "=IF(H3=0,0,D3/H3)" }, numberFormat: "0.0%" },
  ];
  const names: NamedRangeSpec[] = [];

  curves.forEach((c, i) => {
    const title = `Curve "${c.name}" (${c.mode})`;
    const block = curveBlock(c, n.curve(i), {
      column: i * CURVE_WIDTH,
      top: curveTop,
      tiersAt,
      title,
      capLabel: "Cap (x TI)",
      tierFormats: { "Lower bound": "0%", Rate: "0.0#" },
    });
    cells.push(...block.cells);
    names.push(...block.namedRanges);
    tables.push(block.table);
  });

  const curveIndex = new Map(curves.map((c, i) => [c.name, i]));
  const payoutOf = (attainment: string, ti: string, curveName: string) => {
    const i = curveIndex.get(curveName) ?? 0;
    return payoutCall(attainment, ti, curves[i], n.curve(i));
  };
  const TI = "[@[Target incentive]]";
  const chosen = new Set<string>();
  const rows: CellInput[][] = scenarios.map((s) => {
    const isChosen = !chosen.has(s.role);
    chosen.add(s.role);
    const [lo, hi] = mixBand(s.role);
    const pay = (a: string) => payoutOf(a, TI, s.curve.name);
    return [
      scenarioName(s),
      s.role,
      s.headcount,
      s.ote,
      s.quota,
      s.baseShare,
      s.curve.name,
      isChosen ? "Yes" : "No",
      { formula: "=[@OTE]*[@[Base share]]" },
      { formula: "=[@OTE]-[@Base]" },
      { formula: `=COMP.COMMISSION_RATE(${TI},[@Quota])` },
      { formula: "=[@Headcount]*[@Base]" },
      { formula: `=[@Headcount]*AVERAGE(${pay(`${n.distribution}[Attainment]`)})` },
      { formula: "=[@[Base cost]]+[@[Variable cost]]" },
      { formula: `=[@Headcount]*[@Quota]*AVERAGE(${n.distribution}[Attainment])` },
      { formula: "=IF([@[Expected revenue]]=0,0,[@[Total cost]]/[@[Expected revenue]])" },
      ...PAYOUT_POINTS.map((a) => ({ formula: `=${pay(String(a))}` })),
      { formula: `=[@Base]+${pay(n.point("P10"))}` },
      { formula: `=[@Base]+${pay(n.point("P50"))}` },
      { formula: `=[@Base]+${pay(n.point("P90"))}` },
      { formula: `=IF(${TI}=0,0,${pay(n.point("Excellence"))}/${TI})` },
      {
        formula:
          `=TRIM(IF(OR([@[Base share]]<${lo},[@[Base share]]>${hi}),${stringLiteral(`Mix outside the usual ${bandText([lo, hi])} base for ${s.role}. `)},"")` +
          `&IF(OR([@[Cost of sales]]<${COST_OF_SALES_BAND[0]},[@[Cost of sales]]>${COST_OF_SALES_BAND[1]}),"Cost of sales outside ${bandText(COST_OF_SALES_BAND)}.",""))`,
      },
    ];
  });
  tables.push({
    name: n.scenarios,
    anchor: `A${scenariosAt}`,
    headers: [...SCENARIO_HEADERS],
    rows,
    numberFormats: {
      Headcount: "0",
      OTE: "#,##0",
      Quota: "#,##0",
      "Base share": "0%",
      Base: "#,##0",
      "Target incentive": "#,##0",
      "Commission rate": "0.00%",
      "Base cost": "#,##0",
      "Variable cost": "#,##0",
      "Total cost": "#,##0",
      "Expected revenue": "#,##0",
      "Cost of sales": "0.0%",
      ...Object.fromEntries(PAYOUT_POINTS.map((a) => [`Payout at ${Math.round(a * 100)}%`, "#,##0"])),
      "Earnings P10": "#,##0",
      "Earnings P50": "#,##0",
      "Earnings P90": "#,##0",
      Leverage: "0.00",
    },
  });

  // Beside the scenarios: the distribution and its points, then the curve chart's data.
  const right = SCENARIO_HEADERS.length + 1;
  const pLabel = columnLetter(right);
  const pValue = columnLetter(right + 1);
  const pointValues = [dist.p10, dist.p50, dist.p90, dist.excellence];
  POINTS.forEach((p, i) => {
    cells.push({
      address: `${pLabel}${curveTop + i}`,
      value: p === "Excellence" ? "Excellence point" : `Attainment ${p}`,
      bold: true,
    });
    cells.push({ address: `${pValue}${curveTop + i}`, value: pointValues[i], numberFormat: "0.0%" });
    names.push({ name: n.point(p), address: `${pValue}${curveTop + i}` });
  });
  tables.push({
    name: n.distribution,
    anchor: `${pLabel}${scenariosAt}`,
    headers: ["Attainment"],
    rows: dist.points.map((a) => [a]),
    numberFormats: { Attainment: "0.0%" },
  });

  const chartCol = right + 2;
  const headers = ["Attainment", ...scenarios.map(scenarioName)];
  const grid = Array.from({ length: 21 }, (_, j) => j / 10);
  tables.push({
    name: n.curves,
    anchor: `${columnLetter(chartCol)}${scenariosAt}`,
    headers,
    rows: grid.map((a) => [
      a,
      ...scenarios.map((s, k) => ({
        formula: `=${payoutOf("[@Attainment]", `INDEX(${n.scenarios}[Target incentive],${k + 1})`, s.curve.name)}`,
      })),
    ]),
    numberFormats: Object.fromEntries(headers.map((h, i) => [h, i === 0 ? "0%" : "#,##0"])),
  });
  return {
    name: sheet,
    tables,
    cells,
    namedRanges: names,
    columnWidths: { A: 160 },
    freeze: { rows: 0, columns: 1 },
    charts: [
      {
        type: "line",
        title: "Payout by attainment, per scenario",
        // Right of the curves table it draws, so it never hides a cell the sheet uses.
        anchor: `${columnLetter(chartCol + headers.length + 1)}${curveTop}`,
        categories: { table: n.curves, column: "Attainment" },
        series: scenarios.map((s) => ({ name: scenarioName(s), values: { table: n.curves, column: scenarioName(s) } })),
      },
    ],
  };
}
