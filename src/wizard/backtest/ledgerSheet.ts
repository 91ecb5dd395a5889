import { addMonths, isoDate, wholeMonthsBetween } from "../../core/dates";
import { DRAW_HEADERS } from "../../functions/payoutRules";
import { columnLetter, quoteSheet } from "../../workbook/a1";
import { CellInput, CellSpec, isFormula, SheetSpec, TableSpec } from "../../workbook/sheetSpec";
import {
  ALL_CREDIT_COLUMNS,
  ALL_LINE_COLUMNS,
  BACKTEST_SHEETS,
  BACKTEST_TABLES,
  creditColumn,
  LEDGER_COLUMNS,
  LedgerColumn,
  PERIOD_COLUMNS,
  PLAN_COLUMNS,
  PLAN_KEYS,
  PlanKey,
} from "./backtestLayout";
import { BacktestRolePlan, BacktestSettings } from "./backtestSettings";
import { BacktestData, countedStages, personDraw } from "./readBacktest";

const key = (v: string) => v.trim().toLowerCase();

/** Where the deals table's amounts are, so each credit refers to its deal's amount cell. */
export interface DealsPlace {
  readonly sheet: string;
  /** 1-based sheet row of the deals table's header. */
  readonly headerRow: number;
  /** 0-based sheet column of the amount column. */
  readonly amountCol: number;
}

/** Rows are ranges of 1-based sheet rows. */
export interface RowRange {
  readonly first: number;
  readonly last: number;
}

/** Where everything sits on the Payout Ledger sheet, for the formulas of every sheet. */
export interface LedgerGeometry {
  /** 1-based sheet row of the ledger's and the credits' header. */
  readonly header: number;
  /** 0-based sheet column of the credits table's first column. */
  readonly creditsCol: number;
  /** 0-based sheet column of the first line column (beside the credits table). */
  readonly linesCol: number;
  /** The 1-based sheet row of a plan's ledger row for a person and period. */
  ledgerRow(plan: PlanKey, person: number, period?: number): number;
  /** A ledger cell's absolute address, sheet-qualified. */
  ledgerCell(column: LedgerColumn, row: number): string;
  /** A credits or line cell's absolute address, sheet-qualified. */
  creditCell(column: string, row: number): string;
  /** The column letter of a credits or line column. */
  creditLetter(column: string): string;
  /** The rows of a person's credits, or null when they have none. */
  creditRows(person: number): RowRange | null;
  /** The 1-based sheet row of credit i. */
  creditRow(i: number): number;
}

/** The columns of the COMP.DRAW spill, as the ledger names them: DRAW's Earned is the ledger's Payable. */
export const DRAW_SPILL_COLUMNS: readonly LedgerColumn[] = DRAW_HEADERS.map((h) => (h === "Earned" ? "Payable" : h));
const DRAW_WIDTH = DRAW_SPILL_COLUMNS.length;

/**
 * The first column of the COMP.DRAW spill of a person's block of ledger rows: blocks alternate
 * between two groups of columns beside the ledger, because each spill starts with its header
 * row on the row above the block (the last row of the block before).
 */
export function drawColumn(block: number): number {
  return LEDGER_COLUMNS.length + 1 + (block % 2) * DRAW_WIDTH;
}

/** The COMP.DRAW call that settles the draw of a block of ledger rows (sheet rows b0 to b1, 1-based). */
export function drawFormula(rp: BacktestRolePlan, b0: number, b1: number): string {
  const block = (c: LedgerColumn) => {
    const letter = columnLetter(LEDGER_COLUMNS.indexOf(c));
    return `$${letter}$${b0}:$${letter}$${b1}`;
  };
  const recoverable = rp.draw ? rp.draw.recoverable : true;
  const limit = rp.draw ? rp.draw.recoveryLimit : 1;
  return `=COMP.DRAW(${block("Payable")},${block("Draw")},${recoverable ? "TRUE" : "FALSE"},${num(limit)})`;
}

/** Lays out the ledger, credits table and line columns below the first `top` rows. */
export function ledgerGeometry(data: BacktestData, top: number): LedgerGeometry {
  const n = data.periods.length;
  const people = data.people.length;
  const creditsCol = LEDGER_COLUMNS.length + 1 + 2 * DRAW_WIDTH + 1;
  const linesCol = creditsCol + ALL_CREDIT_COLUMNS.length + 1;
  const ranges: (RowRange | null)[] = data.people.map(() => null);
  const index = new Map(data.people.map((p, i) => [p.id, i]));
  data.credits.forEach((c, i) => {
    const j = index.get(c.person)!;
    const row = top + 1 + i;
    const r = ranges[j];
    ranges[j] = r ? { first: r.first, last: row } : { first: row, last: row };
  });
  const sheet = quoteSheet(BACKTEST_SHEETS.ledger);
  const ledgerCol = (c: string) => columnLetter(LEDGER_COLUMNS.indexOf(c as LedgerColumn));
  const creditLetter = (c: string) => {
    const i = ALL_CREDIT_COLUMNS.indexOf(c);
    if (i >= 0) return columnLetter(creditsCol + i);
    const l = ALL_LINE_COLUMNS.indexOf(c);
    if (l < 0) throw new Error(`No credits column "${c}".`);
    return columnLetter(linesCol + l);
  };
  return {
    header: top,
    creditsCol,
    linesCol,
    ledgerRow: (plan, person, period = 1) => top + 1 + (plan === "current" ? 0 : people * n) + person * n + period - 1,
    ledgerCell: (column, row) => `${sheet}!$${ledgerCol(column)}$${row}`,
    creditCell: (column, row) => `${sheet}!$${creditLetter(column)}$${row}`,
    creditLetter,
    creditRows: (person) => ranges[person],
    creditRow: (i) => top + 1 + i,
  };
}

/** A structured reference to a column of a user's table, escaped as Excel requires. */
export function tableColumn(table: string, header: string): string {
  return `${table}[${header.replace(/(['#[\]])/g, "'$1")}]`;
}

/** A role's plan in a back-test plan (the reader has checked that there is one). */
export function planFor(s: BacktestSettings, plan: PlanKey, role: string): { rp: BacktestRolePlan; index: number } {
  const roles = s[plan].roles;
  const index = roles.findIndex((r) => key(r.role) === key(role));
  return { rp: roles[index], index };
}

/** PAYOUT's and RUNNING_PAYOUT's trailing curve arguments: mode, threshold, cap (trailing blanks left off). */
function curveArgs(rp: BacktestRolePlan): string {
  const c = rp.curve;
  const args = [`"${c.mode}"`, c.threshold === null ? "" : String(c.threshold), c.cap === null ? "" : String(c.cap)];
  while (args[args.length - 1] === "") args.pop();
  return args.join(",");
}

const num = (v: number) => String(v);
const periodsRef = `${BACKTEST_TABLES.periods}[[First day]:[Last day]]`;

/**
 * A prorated figure for a period, mirroring the ledger core: PRORATE of the annual amount by
 * days or months, or (no proration) the annual amount / periods in any period the person is in.
 */
function prorated(
  annual: number,
  from: number,
  to: number | null,
  rp: BacktestRolePlan,
  n: number,
  yearFirst: number,
): string {
  // In the plan all year: every period's share is whole, and PRORATE would give annual / n exactly.
  if (from <= yearFirst && to === null) return `=${num(annual)}/${n}`;
  if (rp.proration === "NONE") {
    const active = to === null ? `${from}<=[@[Last day]]` : `AND(${from}<=[@[Last day]],${to}>=[@[First day]])`;
    return `=IF(${active},${num(annual)}/${n},0)`;
  }
  return `=INDEX(COMP.PRORATE(${num(annual)},${periodsRef},${from},${to ?? ""},,"${rp.proration}"),[@Period])`;
}

/**
 * A ledger row's this-row references ([@Quota], [@[Credited YTD]]) as relative A1 references:
 * the same in Excel, and formulas that differ only in their row are one formula to a
 * spreadsheet engine (parsed once), which matters at thousands of rows.
 */
function thisRow(row: number, cells: CellInput[]): CellInput[] {
  const letter = (name: string) => {
    const i = LEDGER_COLUMNS.indexOf(name as LedgerColumn);
    if (i < 0) throw new Error(`No ledger column "${name}".`);
    return `${columnLetter(i)}${row}`;
  };
  return cells.map((c) =>
    isFormula(c) ? { formula: c.formula.replace(/\[@\[([^\]]+)\]\]|\[@([^\]]+)\]/g, (_, a, b) => letter(a ?? b)) } : c,
  );
}

/** The period (1-based) holding a date, or 0 outside the year. */
function periodAt(data: BacktestData, date: number): number {
  return data.periods.findIndex((p) => date >= p.first && date <= p.last) + 1;
}

/** The plan tables above the ledger: periods, plans as written, one tier table per plan and role. */
function planTables(data: BacktestData, s: BacktestSettings): { tables: TableSpec[]; height: number } {
  const T = BACKTEST_TABLES;
  const tables: TableSpec[] = [];
  tables.push({
    name: T.periods,
    anchor: "A3",
    headers: [...PERIOD_COLUMNS],
    rows: data.periods.map((p, i) => [i + 1, p.first, p.last]),
    numberFormats: { "First day": "yyyy-mm-dd", "Last day": "yyyy-mm-dd" },
  });
  const planRows: CellInput[][] = PLAN_KEYS.flatMap((p) =>
    s[p].roles.map((rp) => {
      const t = rp.payTiming ?? { kind: "BOOKING" };
      return [
        s[p].name,
        rp.role,
        rp.targetIncentive,
        rp.curveOn,
        rp.curve.mode,
        rp.curve.threshold,
        rp.curve.cap,
        rp.attainment,
        rp.stages ? rp.stages.join(", ") : "(all)",
        rp.splits,
        rp.proration,
        rp.draw && !rp.draw.recoverable ? "Guarantee" : "Recoverable",
        rp.draw ? rp.draw.recoveryLimit : 1,
        rp.clawback ? String(rp.clawback.method) : "None",
        rp.clawback?.windowMonths ?? null,
        rp.clawback?.termMonths ?? null,
        t.kind,
        t.kind === "HOLDBACK" ? t.share : null,
        t.kind === "HOLDBACK" ? t.months : null,
      ];
    }),
  );
  tables.push({
    name: T.plans,
    anchor: "E3",
    headers: [...PLAN_COLUMNS],
    rows: planRows,
    numberFormats: { "Target incentive": "#,##0", Threshold: "0%", "Holdback share": "0%" },
  });
  let col = PLAN_COLUMNS.length + 5;
  let maxTiers = 0;
  for (const p of PLAN_KEYS) {
    s[p].roles.forEach((rp, i) => {
      tables.push({
        name: T.tiers(p, i),
        anchor: `${columnLetter(col)}3`,
        headers: ["Lower bound", "Rate"],
        rows: rp.curve.tiers.map((t) => [t.lower, t.rate]),
        numberFormats: rp.curveOn === "ATTAINMENT" ? { "Lower bound": "0%" } : { "Lower bound": "#,##0" },
      });
      maxTiers = Math.max(maxTiers, rp.curve.tiers.length);
      col += 3;
    });
  }
  return { tables, height: Math.max(3 + data.periods.length, 3 + planRows.length, 3 + maxTiers) };
}

/**
 * "Payout Ledger": the periods, the plans as written, each role plan's tier table, the ledger
 * (a row per plan, person and period), its credits (a row per deal and person credited, each
 * credit a live reference to its deal's amount, split by COMP.SPLIT_CREDIT) and beside them each
 * plan's lines: commission as one COMP.RUNNING_PAYOUT per person (per person and period when
 * attainment resets) over their credits, holdbacks, and COMP.CLAWBACK for cancelled customers.
 * The ledger sums the lines with SUMIFS, prorates quotas, target incentives and draws with
 * COMP.PRORATE, and settles each period's draw with COMP.DRAW.
 */
export function payoutLedgerSheet(
  data: BacktestData,
  s: BacktestSettings,
  deals: DealsPlace,
): { spec: SheetSpec; geometry: LedgerGeometry } {
  const n = data.periods.length;
  const last = data.periods[n - 1].last;
  const T = BACKTEST_TABLES;
  const { tables, height } = planTables(data, s);
  const top = height + 3;
  const g = ledgerGeometry(data, top);
  const L = (c: LedgerColumn) => columnLetter(LEDGER_COLUMNS.indexOf(c));
  const C = g.creditLetter;
  const range = (c: string, r: RowRange) => `$${C(c)}$${r.first}:$${C(c)}$${r.last}`;
  // Always quoted: a sheet named like a table (Deals) must not read as the table.
  const dealCell = (row: number) =>
    `'${deals.sheet.replace(/'/g, "''")}'!$${columnLetter(deals.amountCol)}$${deals.headerRow + row}`;

  // Credits: one row per deal and person, in the ledger's booking order. The rules' per-credit
  // facts (which stages count, release and cancel periods, months kept) are values.
  const creditRows: CellInput[][] = data.credits.map((c) => {
    const credit =
      c.group.length === 1 && c.share === 1
        ? `=${dealCell(c.dealRow)}`
        : `=INDEX(COMP.SPLIT_CREDIT(${dealCell(c.dealRow)},{${c.group.join(";")}}),${c.groupIndex + 1})`;
    const cells: CellInput[] = [
      c.dealRow,
      c.deal,
      c.person,
      c.role,
      c.stage,
      c.date,
      c.period,
      c.amount,
      c.share,
      { formula: credit },
      c.isOwner ? 1 : 0,
      c.paymentDate ?? "",
      c.cancelDate ?? "",
      c.termMonths ?? "",
    ];
    for (const p of PLAN_KEYS) {
      const { rp } = planFor(s, p, c.role);
      const stages = countedStages(rp);
      const counts = stages === null || stages.has(key(c.stage)) ? 1 : 0;
      const timing = rp.payTiming ?? { kind: "BOOKING" };
      let release: CellInput = "";
      let forfeit = 0;
      if (timing.kind !== "BOOKING") {
        const releaseDate = timing.kind === "PAYMENT" ? c.paymentDate : addMonths(c.date, timing.months);
        if (c.cancelDate !== null && (releaseDate === null || c.cancelDate < releaseDate)) forfeit = 1;
        else if (releaseDate !== null && releaseDate <= last) release = Math.max(c.period, periodAt(data, releaseDate));
      }
      const cancelPeriod = c.cancelDate === null ? 0 : periodAt(data, c.cancelDate);
      const cancelled = rp.clawback && cancelPeriod > 0 ? 1 : 0;
      cells.push(
        counts,
        release,
        cancelled ? Math.max(c.period, cancelPeriod) : "",
        cancelled ? wholeMonthsBetween(c.date, c.cancelDate!) : 0,
        cancelled,
        forfeit,
      );
    }
    return cells;
  });

  // Lines: spilled formulas, one per person (or person and period) and plan.
  const lineCells: CellSpec[] = ALL_LINE_COLUMNS.map((h) => ({ address: `${C(h)}${top}`, value: h, bold: true }));
  for (const p of PLAN_KEYS) {
    data.people.forEach((person, j) => {
      const cr = g.creditRows(j);
      if (!cr) return;
      const { rp, index } = planFor(s, p, person.role);
      const tiers = T.tiers(p, index);
      const blocks: { rows: RowRange; period: number | null }[] = [];
      if (rp.attainment === "RUNNING") blocks.push({ rows: cr, period: null });
      else {
        for (let r = cr.first; r <= cr.last; r++) {
          const period = data.credits[r - top - 1].period;
          const b = blocks[blocks.length - 1];
          if (b && b.period === period) blocks[blocks.length - 1] = { rows: { first: b.rows.first, last: r }, period };
          else blocks.push({ rows: { first: r, last: r }, period });
        }
      }
      for (const b of blocks) {
        const counted = `${range("Credit", b.rows)}*${range(creditColumn("Counts", p), b.rows)}`;
        let earned: string;
        if (rp.curveOn === "AMOUNT")
          earned = `=COMP.RUNNING_PAYOUT(${counted},${num(rp.targetIncentive)},${tiers},0,${curveArgs(rp)})`;
        else {
          // The curve reads attainment: each credit over the quota (the year's, or the period's on reset).
          const lr = g.ledgerRow(p, j, b.period ?? 1);
          const q = `$${L(b.period === null ? "Year quota" : "Quota")}$${lr}`;
          const ti = `$${L(b.period === null ? "Year target incentive" : "Target incentive")}$${lr}`;
          earned = `=COMP.RUNNING_PAYOUT(${counted}/${q},${ti},${tiers},0,${curveArgs(rp)})`;
        }
        lineCells.push({ address: `${C(creditColumn("Earned", p))}${b.rows.first}`, value: { formula: earned } });
      }
      const earnedR = range(creditColumn("Earned", p), cr);
      const heldR = range(creditColumn("Held", p), cr);
      const timing = rp.payTiming ?? { kind: "BOOKING" };
      if (timing.kind !== "BOOKING") {
        const share = timing.kind === "PAYMENT" ? "" : `*${num(timing.share)}`;
        lineCells.push({
          address: `${C(creditColumn("Held", p))}${cr.first}`,
          value: { formula: `=IF(${earnedR}>0,${earnedR}${share},0)` },
        });
      }
      const policy = rp.clawback;
      if (policy) {
        const base =
          timing.kind === "BOOKING" ? earnedR : `${earnedR}-${heldR}*${range(creditColumn("Forfeit", p), cr)}`;
        const term = data.credits.slice(cr.first - top - 1, cr.last - top).some((c) => c.termMonths !== null)
          ? `IF(${range("Term", cr)}="",${policy.termMonths},${range("Term", cr)})`
          : String(policy.termMonths);
        const method = typeof policy.method === "number" ? num(policy.method) : `"${policy.method}"`;
        const windowArg = policy.windowMonths === null ? "" : `,${policy.windowMonths}`;
        const commission = `IF(${earnedR}>0,${base},0)*${range(creditColumn("Cancelled", p), cr)}`;
        lineCells.push({
          address: `${C(creditColumn("Clawback", p))}${cr.first}`,
          value: {
            formula: `=COMP.CLAWBACK(${commission},${range(creditColumn("Months kept", p), cr)},${term},${method}${windowArg})`,
          },
        });
      }
    });
  }

  // The ledger: per plan, person and period.
  const ledgerRows: CellInput[][] = [];
  const drawCells: CellSpec[] = [];
  for (const p of PLAN_KEYS) {
    data.people.forEach((person, j) => {
      const { rp } = planFor(s, p, person.role);
      const b0 = g.ledgerRow(p, j);
      const b1 = b0 + n - 1;
      const cr = g.creditRows(j);
      const block = (c: LedgerColumn) => `$${L(c)}$${b0}:$${L(c)}$${b1}`;
      const timing = rp.payTiming ?? { kind: "BOOKING" };
      const sumLines = (column: string, byPeriod: string, extra = ""): CellInput =>
        cr ? { formula: `=SUMIFS(${range(column, cr)},${range(byPeriod, cr)},[@Period]${extra})` } : 0;
      // The year's draw settled by one COMP.DRAW over the block's payable and draw columns,
      // spilled beside it (header on the row above); the ledger's columns read its cells.
      const blockIndex = (p === "current" ? 0 : data.people.length) + j;
      const drawAt = drawColumn(blockIndex);
      drawCells.push({ address: `${columnLetter(drawAt)}${b0 - 1}`, value: { formula: drawFormula(rp, b0, b1) } });
      data.periods.forEach((period, k) => {
        const row = b0 + k;
        const draw = (col: number): CellInput => ({ formula: `=${columnLetter(drawAt + col - 1)}${row}` });
        ledgerRows.push(
          thisRow(row, [
            s[p].name,
            person.id,
            rp.role,
            k + 1,
            period.first,
            period.last,
            cr ? sumLines("Credit", "Period", `,${range(creditColumn("Counts", p), cr)},1`) : 0,
            { formula: `=SUM($${L("Credited")}$${b0}:${L("Credited")}${row})` },
            { formula: prorated(person.annualQuota ?? 0, person.from, person.to, rp, n, data.periods[0].first) },
            { formula: `=SUM($${L("Quota")}$${b0}:${L("Quota")}${row})` },
            { formula: '=IF([@Quota]=0,"",COMP.QUOTA_ATTAINMENT([@Credited],[@Quota]))' },
            { formula: '=IF([@[Quota YTD]]=0,"",COMP.QUOTA_ATTAINMENT([@[Credited YTD]],[@[Quota YTD]]))' },
            rp.curveOn === "AMOUNT"
              ? rp.targetIncentive
              : { formula: prorated(rp.targetIncentive, person.from, person.to, rp, n, data.periods[0].first) },
            k === 0 ? { formula: `=SUM(${block("Quota")})` } : "",
            k === 0 ? { formula: `=SUM(${block("Target incentive")})` } : "",
            sumLines(creditColumn("Earned", p), "Period"),
            timing.kind === "BOOKING" ? 0 : sumLines(creditColumn("Held", p), "Period"),
            timing.kind === "BOOKING" ? 0 : sumLines(creditColumn("Held", p), creditColumn("Release period", p)),
            rp.clawback ? sumLines(creditColumn("Clawback", p), creditColumn("Clawback period", p)) : 0,
            { formula: "=[@Earned]-[@[Held back]]+[@Released]+[@[Clawed back]]" },
            personDraw(person, rp) > 0
              ? { formula: prorated(personDraw(person, rp) * n, person.from, person.to, rp, n, data.periods[0].first) }
              : 0,
            draw(4),
            draw(5),
            draw(6),
            draw(7),
          ]),
        );
      });
    });
  }
  const money = "#,##0.00";
  tables.push({
    name: T.ledger,
    anchor: `A${top}`,
    headers: [...LEDGER_COLUMNS],
    rows: ledgerRows,
    numberFormats: Object.fromEntries(
      LEDGER_COLUMNS.filter((c) => !["Plan", "Person", "Role", "Period"].includes(c)).map((c) => [
        c,
        c.startsWith("Attainment") ? "0.0%" : c.endsWith("day") ? "yyyy-mm-dd" : money,
      ]),
    ),
  });
  tables.push({
    name: T.credits,
    anchor: `${columnLetter(g.creditsCol)}${top}`,
    headers: [...ALL_CREDIT_COLUMNS],
    rows: creditRows,
    numberFormats: {
      "Close date": "yyyy-mm-dd",
      "Payment date": "yyyy-mm-dd",
      "Cancel date": "yyyy-mm-dd",
      Amount: money,
      Credit: money,
      Share: "0%",
    },
  });
  const spec: SheetSpec = {
    name: BACKTEST_SHEETS.ledger,
    tables,
    cells: [
      {
        address: "A1",
        value: `Payout ledger ${s.year}: ${s.current.name} and ${s.proposed.name} plans, per person and ${s.periods === "months" ? "month" : "quarter"}, as live formulas over ${s.deals.table}`,
        bold: true,
      },
      {
        address: "A2",
        value: `From ${isoDate(data.periods[0].first)} to ${isoDate(last)}. Edit a tier table or a deal's amount and every figure follows; each credit's commission line is beside the credits table.`,
      },
      ...lineCells,
      ...drawCells,
    ],
    freeze: { rows: top, columns: 2 },
    columnWidths: { A: 80, B: 80 },
  };
  return { spec, geometry: g };
}
