import { addMonths, wholeMonthsBetween } from "../../core/dates";
import { columnLetter, quoteSheet } from "../../workbook/a1";
import { CellInput, SheetSpec, TableSpec } from "../../workbook/sheetSpec";
import {
  ALL_CREDIT_COLUMNS,
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
import { BacktestData, countedStages, isoDate } from "./readBacktest";

const key = (v: string) => v.trim().toLowerCase();

/** Where everything sits on the Payout Ledger sheet, for the other sheets' formulas. */
export interface LedgerGeometry {
  /** 1-based sheet row of the ledger's header. */
  readonly ledgerHeader: number;
  /** 1-based sheet row of the credits table's header. */
  readonly creditsHeader: number;
  /** 0-based sheet column of the credits table's first column. */
  readonly creditsCol: number;
  /** The 1-based sheet row of a plan's first ledger row for a person (their periods follow). */
  ledgerRow(plan: PlanKey, person: number, period?: number): number;
  /** A ledger cell's absolute address on the Payout Ledger sheet, sheet-qualified. */
  ledgerCell(column: LedgerColumn, row: number): string;
  /** A credits cell's absolute address, sheet-qualified. */
  creditCell(column: string, row: number): string;
  /** The 1-based sheet rows of a person's credits, or null when they have none. */
  creditRows(person: number): { first: number; last: number } | null;
  /** The 1-based sheet row of credit i. */
  creditRow(i: number): number;
}

/** Lays out the ledger and credits tables (the tables above them take `top` rows). */
export function ledgerGeometry(
  data: BacktestData,
  top: number,
): LedgerGeometry {
  const n = data.periods.length;
  const people = data.people.length;
  const ledgerHeader = top;
  const creditsHeader = top;
  const creditsCol = LEDGER_COLUMNS.length + 1;
  const ranges: ({ first: number; last: number } | null)[] = data.people.map(
    () => null,
  );
  const index = new Map(data.people.map((p, i) => [p.id, i]));
  data.credits.forEach((c, i) => {
    const j = index.get(c.person)!;
    const row = creditsHeader + 1 + i;
    const r = ranges[j];
    ranges[j] = r ? { first: r.first, last: row } : { first: row, last: row };
  });
  const sheet = quoteSheet(BACKTEST_SHEETS.ledger);
  const ledgerCol = (c: string) =>
    columnLetter(LEDGER_COLUMNS.indexOf(c as LedgerColumn));
  const creditCol = (c: string) => {
    const i = ALL_CREDIT_COLUMNS.indexOf(c);
    if (i < 0) throw new Error(`No credits column "${c}".`);
    return columnLetter(creditsCol + i);
  };
  return {
    ledgerHeader,
    creditsHeader,
    creditsCol,
    ledgerRow: (plan, person, period = 1) =>
      ledgerHeader +
      1 +
      (plan === "current" ? 0 : people * n) +
      person * n +
      period -
      1,
    ledgerCell: (column, row) => `${sheet}!$${ledgerCol(column)}$${row}`,
    creditCell: (column, row) => `${sheet}!$${creditCol(column)}$${row}`,
    creditRows: (person) => ranges[person],
    creditRow: (i) => creditsHeader + 1 + i,
  };
}

/** A structured reference to a column of a user's table, escaped as Excel requires. */
export function tableColumn(table: string, header: string): string {
  return `${table}[${header.replace(/(['#[\]])/g, "'$1")}]`;
}

/** A role's plan in a back-test plan (the reader has checked that there is one). */
export function planFor(
  s: BacktestSettings,
  plan: PlanKey,
  role: string,
): { rp: BacktestRolePlan; index: number } {
  const roles = s[plan].roles;
  const index = roles.findIndex((r) => key(r.role) === key(role));
  return { rp: roles[index], index };
}

/** PAYOUT's trailing arguments for a curve: mode, threshold, cap (trailing blanks left off). */
function curveArgs(rp: BacktestRolePlan): string {
  const c = rp.curve;
  const args = [
    `"${c.mode}"`,
    c.threshold === null ? "" : String(c.threshold),
    c.cap === null ? "" : String(c.cap),
  ];
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
): string {
  if (rp.proration === "NONE") {
    const active =
      to === null
        ? `${from}<=[@[Last day]]`
        : `AND(${from}<=[@[Last day]],${to}>=[@[First day]])`;
    return `=IF(${active},${num(annual)}/${n},0)`;
  }
  return `=INDEX(COMP.PRORATE(${num(annual)},${periodsRef},${from},${to ?? ""},,"${rp.proration}"),[@Period])`;
}

/** The period (1-based) holding a date, or 0 outside the year. */
function periodAt(data: BacktestData, date: number): number {
  return data.periods.findIndex((p) => date >= p.first && date <= p.last) + 1;
}

/**
 * "Payout Ledger": the periods, the plans as written, each role plan's tier table, the ledger
 * (a row per plan, person and period) and its credits (a row per deal and person credited, with
 * each plan's commission line). Every figure is a live formula: credits read the deals table,
 * commission is COMP.RUNNING_PAYOUT (money tiers) or the difference of two COMP.PAYOUTs of
 * COMP.QUOTA_ATTAINMENT (attainment tiers) on the running measure, quotas and draws are
 * COMP.PRORATE, clawbacks COMP.CLAWBACK, and each person's draw settles through COMP.DRAW.
 */
export function payoutLedgerSheet(
  data: BacktestData,
  s: BacktestSettings,
): { spec: SheetSpec; geometry: LedgerGeometry } {
  const n = data.periods.length;
  const last = data.periods[n - 1].last;
  const T = BACKTEST_TABLES;
  const tables: TableSpec[] = [];
  tables.push({
    name: T.periods,
    anchor: "A3",
    headers: [...PERIOD_COLUMNS],
    rows: data.periods.map((p, i) => [i + 1, p.first, p.last]),
    numberFormats: { "First day": "yyyy-mm-dd", "Last day": "yyyy-mm-dd" },
  });
  const planRows: CellInput[][] = [];
  for (const p of PLAN_KEYS) {
    for (const rp of s[p].roles) {
      const t = rp.payTiming ?? { kind: "BOOKING" };
      planRows.push([
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
        rp.draw
          ? rp.draw.recoverable
            ? "Recoverable"
            : "Guarantee"
          : "Recoverable",
        rp.draw ? rp.draw.recoveryLimit : 1,
        rp.clawback ? String(rp.clawback.method) : "None",
        rp.clawback?.windowMonths ?? null,
        rp.clawback?.termMonths ?? null,
        t.kind,
        t.kind === "HOLDBACK" ? t.share : null,
        t.kind === "HOLDBACK" ? t.months : null,
      ]);
    }
  }
  tables.push({
    name: T.plans,
    anchor: "E3",
    headers: [...PLAN_COLUMNS],
    rows: planRows,
    numberFormats: {
      "Target incentive": "#,##0",
      Threshold: "0%",
      "Holdback share": "0%",
    },
  });
  let tierTop = 3;
  let tierCol = PLAN_COLUMNS.length + 5;
  let maxTiers = 0;
  for (const p of PLAN_KEYS) {
    s[p].roles.forEach((rp, i) => {
      tables.push({
        name: T.tiers(p, i),
        anchor: `${columnLetter(tierCol)}${tierTop}`,
        headers: ["Lower bound", "Rate"],
        rows: rp.curve.tiers.map((t) => [t.lower, t.rate]),
        numberFormats:
          rp.curveOn === "ATTAINMENT"
            ? { "Lower bound": "0%" }
            : { "Lower bound": "#,##0" },
      });
      maxTiers = Math.max(maxTiers, rp.curve.tiers.length);
      tierCol += 3;
    });
  }
  tierTop += 0;
  const top = Math.max(3 + n, 3 + planRows.length, tierTop + maxTiers) + 3;
  const g = ledgerGeometry(data, top);
  const L = (c: LedgerColumn) => columnLetter(LEDGER_COLUMNS.indexOf(c));
  const C = (c: string) =>
    columnLetter(g.creditsCol + ALL_CREDIT_COLUMNS.indexOf(c));
  const creditsRange = (c: string, r: { first: number; last: number }) =>
    `$${C(c)}$${r.first}:$${C(c)}$${r.last}`;

  // Credits: one row per deal and person, in the ledger's booking order.
  const creditRows: CellInput[][] = data.credits.map((c, i) => {
    const row = g.creditRow(i);
    const prev = row - 1;
    const samePerson = i > 0 && data.credits[i - 1].person === c.person;
    const amountRef = `=INDEX(${tableColumn(s.deals.table, s.deals.amount)},[@[Deal row]])`;
    const credit =
      c.group.length === 1 && c.share === 1
        ? "=[@Amount]"
        : `=INDEX(COMP.SPLIT_CREDIT([@Amount],{${c.group.join(";")}}),${c.groupIndex + 1})`;
    const cells: CellInput[] = [
      c.dealRow,
      c.deal,
      c.person,
      c.role,
      c.stage,
      c.date,
      c.period,
      { formula: amountRef },
      c.share,
      { formula: credit },
      c.isOwner ? 1 : 0,
      c.paymentDate ?? "",
      c.cancelDate ?? "",
      c.termMonths ?? "",
    ];
    const personIndex = data.people.findIndex((p) => p.id === c.person);
    for (const p of PLAN_KEYS) {
      const { rp, index } = planFor(s, p, c.role);
      const stages = countedStages(rp);
      const counts = stages === null || stages.has(key(c.stage)) ? 1 : 0;
      const colOf = (x: Parameters<typeof creditColumn>[0]) =>
        C(creditColumn(x, p));
      const reset = rp.attainment === "RESET";
      const sameScope =
        samePerson && (!reset || data.credits[i - 1].period === c.period);
      const before = sameScope
        ? {
            formula: `=${colOf("Before")}${prev}+${C("Credit")}${prev}*${colOf("Counts")}${prev}`,
          }
        : 0;
      let earned: CellInput = 0;
      const earnedRef = `[@[${creditColumn("Earned", p)}]]`;
      const beforeRef = `[@[${creditColumn("Before", p)}]]`;
      const tiers = T.tiers(p, index);
      if (counts) {
        if (rp.curveOn === "AMOUNT") {
          earned = {
            formula: `=COMP.RUNNING_PAYOUT([@Credit],${num(rp.targetIncentive)},${tiers},${beforeRef},${curveArgs(rp)})`,
          };
        } else {
          const lr = reset
            ? g.ledgerRow(p, personIndex, c.period)
            : g.ledgerRow(p, personIndex);
          const q = reset
            ? `$${L("Quota")}$${lr}`
            : `$${L("Year quota")}$${lr}`;
          const ti = reset
            ? `$${L("Target incentive")}$${lr}`
            : `$${L("Year target incentive")}$${lr}`;
          const pay = (measure: string) =>
            `COMP.PAYOUT(COMP.QUOTA_ATTAINMENT(${measure},${q}),${ti},${tiers},${curveArgs(rp)})`;
          earned = {
            formula: `=${pay(`${beforeRef}+[@Credit]`)}-${pay(beforeRef)}`,
          };
        }
      }
      // Holdbacks and clawbacks, on positive commission only, as the ledger core does.
      const timing = rp.payTiming ?? { kind: "BOOKING" };
      let held: CellInput = 0;
      let release: CellInput = "";
      let forfeited = false;
      if (counts && timing.kind !== "BOOKING") {
        held = {
          formula:
            timing.kind === "PAYMENT"
              ? `=MAX(${earnedRef},0)`
              : `=IF(${earnedRef}>0,${earnedRef}*${num(timing.share)},0)`,
        };
        const releaseDate =
          timing.kind === "PAYMENT"
            ? c.paymentDate
            : addMonths(c.date, timing.months);
        if (
          c.cancelDate !== null &&
          (releaseDate === null || c.cancelDate < releaseDate)
        )
          forfeited = true;
        else if (releaseDate !== null && releaseDate <= last)
          release = Math.max(c.period, periodAt(data, releaseDate));
      }
      let claw: CellInput = 0;
      let clawPeriod: CellInput = "";
      const policy = rp.clawback;
      const cancelPeriod =
        c.cancelDate === null ? 0 : periodAt(data, c.cancelDate);
      if (counts && policy && cancelPeriod > 0) {
        const kept = wholeMonthsBetween(c.date, c.cancelDate!);
        const term = c.termMonths ?? policy.termMonths;
        const method =
          typeof policy.method === "number"
            ? num(policy.method)
            : `"${policy.method}"`;
        const base = forfeited
          ? `${earnedRef}-[@[${creditColumn("Held", p)}]]`
          : earnedRef;
        const windowArg =
          policy.windowMonths === null ? "" : `,${policy.windowMonths}`;
        claw = {
          formula: `=IF(${earnedRef}>0,COMP.CLAWBACK(${base},${kept},${term},${method}${windowArg}),0)`,
        };
        clawPeriod = Math.max(c.period, cancelPeriod);
      }
      cells.push(counts, before, earned, held, release, claw, clawPeriod);
    }
    return cells;
  });

  // The ledger: per plan, person and period.
  const ledgerRows: CellInput[][] = [];
  for (const p of PLAN_KEYS) {
    data.people.forEach((person, j) => {
      const { rp } = planFor(s, p, person.role);
      const b0 = g.ledgerRow(p, j);
      const b1 = b0 + n - 1;
      const cr = g.creditRows(j);
      const block = (c: LedgerColumn) => `$${L(c)}$${b0}:$${L(c)}$${b1}`;
      const timing = rp.payTiming ?? { kind: "BOOKING" };
      const sumCredits = (column: string, byPeriod: string, extra = "") =>
        cr
          ? {
              formula: `=SUMIFS(${creditsRange(column, cr)},${creditsRange(byPeriod, cr)},[@Period]${extra})`,
            }
          : 0;
      const annualQuota = person.annualQuota ?? 0;
      const drawLimit = rp.draw ? rp.draw.recoveryLimit : 1;
      const recoverable = rp.draw ? rp.draw.recoverable : true;
      const drawCol = (k: number) => ({
        formula: `=INDEX(COMP.DRAW(${block("Payable")},${block("Draw")},${recoverable ? "TRUE" : "FALSE"},${num(drawLimit)}),[@Period]+1,${k})`,
      });
      data.periods.forEach((period, k) => {
        const row = b0 + k;
        ledgerRows.push([
          s[p].name,
          person.id,
          rp.role,
          k + 1,
          period.first,
          period.last,
          sumCredits(
            "Credit",
            "Period",
            `,${creditsRange(creditColumn("Counts", p), cr ?? { first: 0, last: 0 })},1`,
          ),
          { formula: `=SUM($${L("Credited")}$${b0}:${L("Credited")}${row})` },
          { formula: prorated(annualQuota, person.from, person.to, rp, n) },
          { formula: `=SUM($${L("Quota")}$${b0}:${L("Quota")}${row})` },
          {
            formula:
              '=IF([@Quota]=0,"",COMP.QUOTA_ATTAINMENT([@Credited],[@Quota]))',
          },
          {
            formula:
              '=IF([@[Quota YTD]]=0,"",COMP.QUOTA_ATTAINMENT([@[Credited YTD]],[@[Quota YTD]]))',
          },
          rp.curveOn === "AMOUNT"
            ? rp.targetIncentive
            : {
                formula: prorated(
                  rp.targetIncentive,
                  person.from,
                  person.to,
                  rp,
                  n,
                ),
              },
          { formula: `=SUM(${block("Quota")})` },
          { formula: `=SUM(${block("Target incentive")})` },
          sumCredits(creditColumn("Earned", p), "Period"),
          timing.kind === "BOOKING"
            ? 0
            : sumCredits(creditColumn("Held", p), "Period"),
          timing.kind === "BOOKING"
            ? 0
            : sumCredits(
                creditColumn("Held", p),
                creditColumn("Release period", p),
              ),
          rp.clawback
            ? sumCredits(
                creditColumn("Clawback", p),
                creditColumn("Clawback period", p),
              )
            : 0,
          { formula: "=[@Earned]-[@[Held back]]+[@Released]+[@[Clawed back]]" },
          person.draw > 0
            ? {
                formula: prorated(
                  person.draw * n,
                  person.from,
                  person.to,
                  rp,
                  n,
                ),
              }
            : 0,
          drawCol(4),
          drawCol(5),
          drawCol(6),
          drawCol(7),
        ]);
      });
    });
  }
  tables.push({
    name: T.ledger,
    anchor: `A${top}`,
    headers: [...LEDGER_COLUMNS],
    rows: ledgerRows,
    numberFormats: Object.fromEntries(
      LEDGER_COLUMNS.filter(
        (c) => !["Plan", "Person", "Role", "Period"].includes(c),
      ).map((c) => [
        c,
        c.startsWith("Attainment")
          ? "0.0%"
          : c.endsWith("day")
            ? "yyyy-mm-dd"
            : "#,##0.00",
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
      Amount: "#,##0.00",
      Credit: "#,##0.00",
      Share: "0%",
      ...Object.fromEntries(
        PLAN_KEYS.flatMap((p) =>
          ["Before", "Earned", "Held", "Clawback"].map((c) => [
            creditColumn(c as "Earned", p),
            "#,##0.00",
          ]),
        ),
      ),
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
        value: `Plans written ${isoDate(data.periods[0].first)} to ${isoDate(last)}. Edit a tier table and every figure follows; the credits table on the right holds each deal's commission line.`,
      },
    ],
    freeze: { rows: top, columns: 2 },
    columnWidths: { A: 80, B: 80 },
  };
  return { spec, geometry: g };
}
