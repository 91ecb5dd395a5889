import { WARNING_PREFIX } from "../sheetWarnings";
import {
  ComputedMonth,
  computedThrough,
  KpiDefinition,
  KpiMeasure,
  KpiPlan,
  monthBounds,
  PersonScore,
  PlanVersion,
  RANK_PLACES,
} from "../../core/kpiPlan";
import { PayoutCurve } from "../../core/tiers";
import { excelTrimKey } from "../../core/text";
import { equalsText } from "../../workbook/formulaText";
import { CellInput, CellSpec, NamedRangeSpec, SheetSpec, TableSpec } from "../../workbook/sheetSpec";
import { curveBlock, payoutCall } from "../payoutCurveBlock";
import { actualFormula, attainmentFormula } from "./kpiFormulas";
import {
  BONUS_COLUMNS,
  DEFINITION_COLUMNS,
  HISTORY_COLUMNS,
  KPI_NAMES,
  KPI_SHEETS,
  LEADERBOARD_COLUMNS,
  LINE_COLUMNS,
  ScoreNames,
  WHAT_IF_LABEL,
  WHAT_IF_NAMES,
  WHAT_IF_SHEET,
} from "./layout";

const curveText = (c: PayoutCurve) =>
  `${c.tiers.map((t) => `${t.lower}:${t.rate}`).join(", ")} ${c.mode}${c.threshold !== null ? `, threshold ${c.threshold}` : ""}${c.cap !== null ? `, cap ${c.cap}` : ""}`;
const filtersText = (k: KpiDefinition) =>
  [
    ...k.measure.filters.map((f) => `${f.column}=${f.values.join("|")}`),
    ...(k.measure.aggregate === "win-rate"
      ? [`won: ${k.measure.outcome.column}=${k.measure.outcome.won.join("|")}`]
      : []),
  ].join("; ");

/** The "Value column" of the plan sheet: the column a sum or average adds up, or a conversion's advanced count. */
function valueColumn(m: KpiMeasure): string {
  return m.aggregate === "sum" || m.aggregate === "average" ? m.value : m.aggregate === "conversion" ? m.advanced : "";
}

/** The line of the KPI Plan sheet saying which months were computed with the official plan, if any. */
function computedLine(computed: readonly ComputedMonth[]): CellSpec[] {
  const through = computedThrough(computed);
  return through === null
    ? []
    : [
        {
          address: "A2",
          value: `Months computed with the official plan: ${computed.map((c) => `${c.month} (version ${c.version})`).join(", ")}. No change can take effect in or before ${through}.`,
        },
      ];
}

/**
 * "KPI Plan": every version's definitions with the month it takes effect, the history, and the
 * months recorded as computed with the official plan.
 */
export function kpiPlanSheet(history: readonly PlanVersion[], computed: readonly ComputedMonth[] = []): SheetSpec {
  const definitions: CellInput[][] = history.flatMap((v) =>
    v.plan.roles.flatMap((r) =>
      r.kpis.map((k) => [
        v.version,
        v.effective,
        r.role,
        r.targetBonus,
        k.name,
        k.measure.table,
        k.measure.aggregate,
        valueColumn(k.measure),
        filtersText(k),
        k.target,
        k.weight,
        curveText(k.curve),
      ]),
    ),
  );
  return {
    name: KPI_SHEETS.plan,
    cells: [
      {
        address: "A1",
        value:
          "KPI plan: settings change at most once a month and take effect on the first day of a month; past months keep their version.",
        bold: true,
      },
      ...computedLine(computed),
      { address: "A3", value: "KPI Plan History", bold: true },
    ],
    tables: [
      {
        name: KPI_NAMES.history,
        anchor: "A4",
        headers: [...HISTORY_COLUMNS],
        rows: history.map((v) => [
          v.version,
          v.effective,
          v.changedAt.slice(0, 10),
          v.plan.roles.map((r) => r.role).join(", "),
          v.plan.roles.reduce((s, r) => s + r.kpis.length, 0),
        ]),
      },
      {
        name: KPI_NAMES.definitions,
        anchor: `A${history.length + 7}`,
        headers: [...DEFINITION_COLUMNS],
        rows: definitions,
        numberFormats: { "Target bonus": "#,##0", Weight: "0%" },
      },
    ],
    columnWidths: { A: 80, I: 260, L: 260 },
  };
}

/** The version in force and month the scorecards were computed for, and the month's warnings. */
export interface ScorecardContext {
  readonly month: string;
  readonly version: PlanVersion;
  /** What computed to nothing in the month (see computeScorecards); each is a visible line on the sheet. */
  readonly warnings?: readonly string[];
}

/** One visible, bold line per warning, from a row down. */
function warningCells(warnings: readonly string[], fromRow: number): CellSpec[] {
  return warnings.map((w, i) => ({ address: `A${fromRow + i}`, value: `${WARNING_PREFIX}${w}`, bold: true }));
}

/** What a scorecards sheet is made of: its name and tables, the plan and month, its heading lines. */
interface ScoreSheetParts {
  readonly sheet: string;
  readonly names: ScoreNames;
  readonly plan: KpiPlan;
  readonly month: string;
  readonly heading: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * A scorecards sheet: per person and KPI, the actual as a live formula over the data table
 * (SUMPRODUCT over the person's rows in the month), the target, attainment
 * (COMP.QUOTA_ATTAINMENT) and payout (COMP.PAYOUT on weight x target bonus, on the KPI's curve
 * written above); per person, the bonus as the sum of their payouts and the weighted attainment.
 * The heading lines come first, then one line per warning.
 */
function scoreSheet(parts: ScoreSheetParts, people: readonly { id: string; role: string }[]): SheetSpec {
  const { plan, month, names: tableNames } = parts;
  const [start, end] = monthBounds(month);
  const curves: PayoutCurve[] = [];
  const curveIndex = (c: PayoutCurve) => {
    const i = curves.findIndex((x) => JSON.stringify(x) === JSON.stringify(c));
    if (i >= 0) return i;
    curves.push(c);
    return curves.length - 1;
  };
  const roleOf = new Map(plan.roles.map((r) => [excelTrimKey(r.role), r]));
  const scored = people.flatMap((p) => {
    const role = roleOf.get(excelTrimKey(p.role));
    return role ? [{ id: p.id, role }] : [];
  });
  const lines: CellInput[][] = scored.flatMap(({ id, role }) => {
    return role.kpis.map((k) => {
      const i = curveIndex(k.curve);
      return [
        id,
        role.role,
        k.name,
        start,
        end,
        { formula: actualFormula(k, "[@Person]", "[@[Month start]]", "[@[Month end]]") },
        k.target,
        k.weight,
        role.targetBonus,
        { formula: attainmentFormula(k) },
        { formula: "=[@Weight]*[@Attainment]" },
        { formula: `=${payoutCall("[@Attainment]", "[@Weight]*[@[Target bonus]]", k.curve, tableNames.curve(i))}` },
      ];
    });
  });
  const tables: TableSpec[] = [];
  const cells: CellSpec[] = [
    ...parts.heading.map((value, i) => ({ address: `A${i + 1}`, value, bold: i === 0 })),
    ...warningCells(parts.warnings, parts.heading.length + 1),
  ];
  const names: NamedRangeSpec[] = [];
  const curveTop = parts.heading.length + parts.warnings.length + 2;
  const maxTiers = Math.max(1, ...curves.map((c) => c.tiers.length));
  curves.forEach((c, i) => {
    const block = curveBlock(c, tableNames.curve(i), {
      column: i * 3,
      top: curveTop,
      tiersAt: curveTop + 4,
      title: `Curve ${i + 1} (${c.mode})`,
      capLabel: "Cap (x target)",
      tierFormats: { "Lower bound": "0%" },
    });
    cells.push(...block.cells);
    names.push(...block.namedRanges);
    tables.push(block.table);
  });
  const linesAt = curveTop + 4 + maxTiers + 3;
  tables.push({
    name: tableNames.lines,
    anchor: `A${linesAt}`,
    headers: [...LINE_COLUMNS],
    rows: lines,
    numberFormats: {
      "Month start": "yyyy-mm-dd",
      "Month end": "yyyy-mm-dd",
      // Two places: Excel's "#,##0.##" shows a whole 40000 as "40,000." with a bare point.
      Actual: "#,##0.00",
      Target: "#,##0.00",
      Weight: "0%",
      "Target bonus": "#,##0",
      Attainment: "0.0%",
      "Weighted attainment": "0.0%",
      Payout: "#,##0.00",
    },
  });
  // The person's lines: ids compared with = (a SUMIFS criterion would read "a*" or "=1+1" as a pattern).
  const mine = `--${equalsText(`${tableNames.lines}[Person]`, "[@Person]")}`;
  tables.push({
    name: tableNames.bonus,
    anchor: `N${linesAt}`,
    headers: [...BONUS_COLUMNS],
    rows: scored.map(({ id, role }) => [
      id,
      role.role,
      { formula: `=SUMPRODUCT(${mine},${tableNames.lines}[Payout])` },
      {
        formula: `=IFERROR(SUMPRODUCT(${mine},${tableNames.lines}[Weighted attainment])/SUMPRODUCT(${mine},${tableNames.lines}[Weight]),0)`,
      },
    ]),
    numberFormats: { Bonus: "#,##0.00", Attainment: "0.0%" },
  });
  return {
    name: parts.sheet,
    tables,
    cells,
    namedRanges: names,
    freeze: { rows: linesAt, columns: 1 },
    columnWidths: { A: 90, C: 160 },
  };
}

/**
 * "Scorecards": a month's scorecards with the plan version in force for it (see scoreSheet),
 * with a visible warning line for each of the month's warnings.
 */
export function scorecardsSheet(ctx: ScorecardContext, people: readonly { id: string; role: string }[]): SheetSpec {
  const { version, month } = ctx;
  return scoreSheet(
    {
      sheet: KPI_SHEETS.scorecards,
      names: KPI_NAMES,
      plan: version.plan,
      month,
      heading: [
        `Scorecards for ${month}: plan version ${version.version}, in force from ${version.effective}`,
        "Actuals are live formulas over the data tables; edit a target, weight or curve here, or the data, and the bonuses and the leaderboard follow.",
      ],
      warnings: ctx.warnings ?? [],
    },
    people,
  );
}

/** A what-if's draft plan, the month it is tried on, when, and the month's warnings. */
export interface WhatIfContext {
  readonly month: string;
  readonly plan: KpiPlan;
  readonly now: Date;
  readonly warnings: readonly string[];
}

/**
 * "KPI What-if": a draft plan's scorecards for any month, labelled as a what-if in its first
 * lines, in tables of its own (KPI_WhatIf_*), so nothing reads it as the official scorecards.
 */
export function whatIfSheet(ctx: WhatIfContext, people: readonly { id: string; role: string }[]): SheetSpec {
  return scoreSheet(
    {
      sheet: WHAT_IF_SHEET,
      names: WHAT_IF_NAMES,
      plan: ctx.plan,
      month: ctx.month,
      heading: [
        WHAT_IF_LABEL,
        `What-if scorecards for ${ctx.month} with the draft plan of ${ctx.now.toISOString().slice(0, 10)}; the official plan history is unchanged.`,
        "Actuals are live formulas over the data tables; edit a target, weight or curve here to try another mix.",
      ],
      warnings: ctx.warnings,
    },
    people,
  );
}

/**
 * "Leaderboard": everyone ranked by attainment (so territory luck matters less), with bonus when
 * amounts are shown. Every figure is looked up from the scorecards' cells, never computed again;
 * rows are in rank order as of writing, and the Rank column stays live.
 */
export function leaderboardSheet(
  month: string,
  scores: readonly PersonScore[],
  showAmounts: boolean,
  warnings: readonly string[] = [],
): SheetSpec {
  const ordered = [...scores].sort((a, b) => a.rank - b.rank || (a.person < b.person ? -1 : 1));
  // MATCH(TRUE, ids = id): MATCH on the id itself would read * ? ~ in it as wildcards.
  const look = (column: string) =>
    `=INDEX(${KPI_NAMES.bonus}[${column}],MATCH(TRUE,${equalsText(`${KPI_NAMES.bonus}[Person]`, "[@Person]")},0))`;
  const headers = LEADERBOARD_COLUMNS.filter((c) => showAmounts || c !== "Bonus");
  return {
    name: KPI_SHEETS.leaderboard,
    cells: [
      {
        address: "A1",
        value: `Leaderboard for ${month}, ranked by attainment${showAmounts ? "" : " (amounts hidden)"}`,
        bold: true,
      },
      ...warningCells(warnings, 2),
    ],
    tables: [
      {
        name: KPI_NAMES.leaderboard,
        anchor: `A${3 + warnings.length}`,
        headers,
        rows: ordered.map((s) => [
          {
            formula: `=1+SUMPRODUCT(--(ROUND(${KPI_NAMES.bonus}[Attainment],${RANK_PLACES})>ROUND([@Attainment],${RANK_PLACES})))`,
          },
          s.person,
          { formula: look("Role") },
          { formula: look("Attainment") },
          ...(showAmounts ? [{ formula: look("Bonus") }] : []),
        ]),
        numberFormats: { Attainment: "0.0%", Bonus: "#,##0.00" },
      },
    ],
    charts: [
      {
        type: "bar",
        title: "Attainment by person",
        anchor: `H${3 + warnings.length}`,
        categories: { table: KPI_NAMES.leaderboard, column: "Person" },
        series: [{ name: "Attainment", values: { table: KPI_NAMES.leaderboard, column: "Attainment" } }],
      },
    ],
  };
}
