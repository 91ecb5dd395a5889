import { isCalcError } from "../../core/errors";
import { isoDate } from "../../core/dates";
import { sameText } from "../../core/text";
import { payout, payoutExplain } from "../../functions/payout";
import { columnLetter, parseCell } from "../../workbook/a1";
import { ActiveCell, TableInfo, WorkbookHost } from "../../workbook/host";
import {
  ACTUAL_COLUMNS,
  ALL_CREDIT_COLUMNS,
  ALL_LINE_COLUMNS,
  BACKTEST_SHEETS,
  BACKTEST_TABLES,
  COMPARISON_COLUMNS,
  COMPARISON_NAMES,
  comparisonNamedCells,
  creditColumn,
  HISTOGRAM_COLUMNS,
  LEDGER_COLUMNS,
  LedgerColumn,
  LINE_COLUMNS,
  PLAN_KEYS,
  PlanKey,
  STATEMENT_COLUMNS,
  STATEMENT_LINES,
} from "../backtest/backtestLayout";
import { parseBacktestSettings } from "../backtest/backtestPane";
import { BACKTEST_SETTINGS_KEY, BacktestRolePlan, BacktestSettings } from "../backtest/backtestSettings";
import { DRAW_SPILL_COLUMNS, drawColumn, drawFormula, ledgerGeometry, planFor } from "../backtest/ledgerSheet";
import { compArguments } from "./compArguments";
import { records } from "./explainKpi";
import { ExplainedInput, Explanation, MAX_ROWS, show, showMoney, showPct, SourceRow } from "./explanation";
import { locate, rowAddress, TablePlace } from "./locate";

type Row = Record<string, unknown>;
type LineColumn = (typeof LINE_COLUMNS)[number];

/** Everything a back-test explanation reads: the settings it ran with, the ledger, the credits and their lines. */
interface Backtest {
  readonly host: WorkbookHost;
  readonly tables: readonly TableInfo[];
  readonly s: BacktestSettings;
  readonly ledger: Row[];
  readonly credits: Row[];
  /** Per credit row, the line columns beside the credits table (commission, holdback, clawback per plan). */
  readonly lines: Row[];
  readonly creditsInfo: TableInfo;
  /** The user's deals table, for the links (undefined when it is gone: links go to the credits rows). */
  readonly deals: TableInfo | undefined;
  readonly cell: ActiveCell;
  readonly where: string;
}

/** The line columns' letters: where the ledger sheet's writer puts them (it does not depend on the data). */
const lineLetter = (column: string) =>
  ledgerGeometry({ periods: [], people: [], credits: [], problems: [], notes: [] }, 0).creditLetter(column);

const num = (v: unknown) => (typeof v === "number" ? v : Number(v) || 0);
const date = (v: unknown) => (typeof v === "number" ? isoDate(v) : show(v));

async function load(
  host: WorkbookHost,
  tables: readonly TableInfo[],
  cell: ActiveCell,
  where: string,
): Promise<Backtest | null> {
  const creditsInfo = tables.find((t) => t.name === BACKTEST_TABLES.credits);
  if (!creditsInfo || !tables.some((t) => t.name === BACKTEST_TABLES.ledger)) return null;
  const s = parseBacktestSettings(await host.readSettings(BACKTEST_SETTINGS_KEY));
  if (!s) throw new Error("The back-test's settings are not recorded in this workbook; run the back-test again.");
  const ledger = await records(host, BACKTEST_TABLES.ledger, LEDGER_COLUMNS);
  const credits = await records(host, BACKTEST_TABLES.credits, ALL_CREDIT_COLUMNS);
  const top = parseCell(creditsInfo.address.split(":")[0]).row + 2;
  const first = ALL_LINE_COLUMNS[0];
  const last = ALL_LINE_COLUMNS[ALL_LINE_COLUMNS.length - 1];
  const values =
    credits.length === 0
      ? []
      : await host.readRange(
          creditsInfo.sheet,
          `${lineLetter(first)}${top}:${lineLetter(last)}${top + credits.length - 1}`,
        );
  const lines = values.map((r) => Object.fromEntries(ALL_LINE_COLUMNS.map((c, i) => [c, r[i]])));
  const deals = tables.find((t) => sameText(t.name, s.deals.table));
  return { host, tables, s, ledger, credits, lines, creditsInfo, deals, cell, where };
}

/**
 * "Why is this number?" for the back-test's sheets: a ledger cell (which plan, person and period,
 * the deals credited, the payout rule's arguments and the curve tier by tier), a credit or its
 * commission line, a comparison row, a statement line. Null when the cell is not on one of them.
 */
export async function explainBacktestCell(
  host: WorkbookHost,
  tables: readonly TableInfo[],
  cell: ActiveCell,
  where: string,
  place: TablePlace | null,
): Promise<Explanation | null> {
  const name = place && place.row >= 0 ? place.table.name : null;
  const T = BACKTEST_TABLES;
  const onLines = !name && sameText(cell.sheet, BACKTEST_SHEETS.ledger) ? lineAt(tables, cell.address) : null;
  const col = parseCell(cell.address).col;
  const inDrawColumns = col >= drawColumn(0) && col < drawColumn(1) + DRAW_SPILL_COLUMNS.length;
  const onLedgerSheet = !name && !onLines && inDrawColumns && sameText(cell.sheet, BACKTEST_SHEETS.ledger);
  if (![T.ledger, T.credits, T.comparison, T.statements].includes(name as never) && !onLines && !onLedgerSheet)
    return null;
  const bt = await load(host, tables, cell, where);
  if (!bt) return null;
  if (onLedgerSheet) {
    const spill = drawSpillAt(bt, cell.address);
    return spill ? explainDrawSpill(bt, spill) : null;
  }
  if (onLines) return explainCredit(bt, onLines.row, onLines.plan, onLines.line);
  const row = place!.row;
  const column = place!.column;
  if (name === T.ledger) return explainLedger(bt, row, column as LedgerColumn);
  if (name === T.credits) {
    const plan = PLAN_KEYS.find((p) => column.endsWith(` ${p}`)) ?? null;
    return explainCredit(bt, row, plan, plan ? "Earned" : null);
  }
  if (name === T.comparison) return explainComparison(bt, row, column);
  return explainStatement(bt, row);
}

/** A cell among the line columns beside BT_Credits: its credit row, plan and line. */
function lineAt(
  tables: readonly TableInfo[],
  address: string,
): { row: number; plan: PlanKey; line: LineColumn } | null {
  const credits = tables.find((t) => t.name === BACKTEST_TABLES.credits);
  if (!credits) return null;
  if (locate([credits], credits.sheet, address)) return null;
  const at = parseCell(address);
  const top = parseCell(credits.address.split(":")[0]).row + 1;
  const row = at.row - top;
  if (row < 0 || row >= credits.rowCount) return null;
  const column = ALL_LINE_COLUMNS.find((c) => lineLetter(c) === columnLetter(at.col));
  if (!column) return null;
  const plan = PLAN_KEYS.find((p) => column.endsWith(` ${p}`))!;
  return { row, plan, line: LINE_COLUMNS.find((l) => creditColumn(l, plan) === column)! };
}

/** The periods of the year: the ledger has one row per plan, person and period. */
const periodsOf = (bt: Backtest): number =>
  bt.ledger.length / 2 / Math.max(1, new Set(bt.ledger.map((l) => String(l.Person))).size);

/** The plan of a ledger row: the current plan's rows come first, then the proposed plan's. */
const planOfLedgerRow = (bt: Backtest, row: number): PlanKey => (row < bt.ledger.length / 2 ? "current" : "proposed");

/** A role's plan and its tier table, or an error saying to run again when the settings no longer have it. */
function rolePlan(bt: Backtest, plan: PlanKey, role: string): { rp: BacktestRolePlan; tiers: string } {
  const { rp, index } = planFor(bt.s, plan, role);
  if (!rp)
    throw new Error(
      `The ${bt.s[plan].name} plan has no ${role} role any more; run the back-test again to explain this.`,
    );
  return { rp, tiers: BACKTEST_TABLES.tiers(plan, index) };
}

/** The ledger row of a plan, person and period. */
function ledgerRowOf(bt: Backtest, plan: PlanKey, person: unknown, period: number): number {
  const half = bt.ledger.length / 2;
  const from = plan === "current" ? 0 : half;
  for (let r = from; r < from + half; r++)
    if (sameText(bt.ledger[r].Person, person) && num(bt.ledger[r].Period) === period) return r;
  throw new Error(`The Payout Ledger has no row for ${show(person)} in period ${period}; run the back-test again.`);
}

/** Where the curve's measure moves over a span of credits, and what it pays at each end. */
interface CurveMove {
  readonly start: number;
  readonly end: number;
  readonly ti: number;
  readonly before: number;
  readonly after: number;
  readonly breakdown: readonly (readonly unknown[])[] | null;
  /** What the measure is measured against, e.g. " of the year's quota (1,100,000.00)" ("" on money tiers). */
  readonly of: string;
  /** The payout rule's arguments, as the ledger's COMP.RUNNING_PAYOUT line is written. */
  readonly inputs: ExplainedInput[];
}

/**
 * The curve's move from `startAmount` to `endAmount` credited: on attainment plans divided by the
 * quota (the year's when attainment runs through the year, the period's when it resets), paid
 * on the target incentive that goes with that quota, or on money tiers as they are.
 */
async function curveMove(
  bt: Backtest,
  plan: PlanKey,
  ledgerRow: number,
  startAmount: number,
  endAmount: number,
  credits: number,
): Promise<CurveMove> {
  const L = bt.ledger[ledgerRow];
  const { rp, tiers } = rolePlan(bt, plan, String(L.Role));
  const running = rp.attainment === "RUNNING";
  const first = bt.ledger[ledgerRowOf(bt, plan, L.Person, 1)];
  const onAttainment = rp.curveOn === "ATTAINMENT";
  const quota = num(running ? first["Year quota"] : L.Quota);
  const ti = onAttainment ? num(running ? first["Year target incentive"] : L["Target incentive"]) : rp.targetIncentive;
  const scale = (v: number) => (onAttainment ? (quota === 0 ? 0 : v / quota) : v);
  const tierRows = (await bt.host.readTable(tiers)).rows.map((r) => [...r]);
  const c = rp.curve;
  const at = (m: number) => {
    const v = payout(m, ti, tierRows, c.mode, c.threshold, c.cap);
    return isCalcError(v) ? NaN : num(v[0][0]);
  };
  const start = scale(startAmount);
  const end = scale(endAmount);
  const explained = payoutExplain(end, ti, tierRows, c.mode, c.threshold, c.cap);
  const measure = onAttainment ? `credit / ${running ? "year" : "period"} quota ${showMoney(quota)}` : "credit";
  const inputs: ExplainedInput[] = [
    {
      label: "amounts",
      value: `${credits} credit(s): ${onAttainment ? showPct(end - start) : showMoney(end - start)}`,
      source: `each counted ${measure}, in booking order${running ? ", after the year so far" : ""}`,
    },
    {
      label: "target_incentive",
      value: showMoney(ti),
      source: onAttainment
        ? `the ${rp.role} target incentive ${running ? "for the year" : "for the period"} (prorated for the time in the plan)`
        : "the money tiers' multiplier",
    },
    { label: "tiers", value: `${tierRows.length} tier(s)`, source: `table ${tiers}` },
    { label: "mode", value: c.mode, source: `the ${bt.s[plan].name} plan's ${rp.role} curve` },
    { label: "threshold", value: c.threshold === null ? "(none)" : showPct(c.threshold), source: "the curve" },
    { label: "cap", value: c.cap === null ? "(none)" : `${show(c.cap)} x target incentive`, source: "the curve" },
  ];
  return {
    start,
    end,
    ti,
    before: at(start),
    after: at(end),
    breakdown: Array.isArray(explained) ? explained : null,
    of: onAttainment ? ` of the ${running ? "year" : "period"}'s quota (${showMoney(quota)})` : " credited",
    inputs,
  };
}

/** The measure as people read it: attainment as a percentage, money as money. */
const showMeasure = (bt: Backtest, plan: PlanKey, role: unknown, v: number) =>
  rolePlan(bt, plan, String(role)).rp.curveOn === "ATTAINMENT" ? showPct(v) : showMoney(v);

/** Credit rows of a person, with their index. */
function creditsOf(bt: Backtest, person: unknown): { c: Row; i: number }[] {
  return bt.credits.map((c, i) => ({ c, i })).filter(({ c }) => sameText(c.Person, person));
}

const counts = (c: Row, plan: PlanKey) => num(c[creditColumn("Counts", plan)]) === 1;

/** The deals behind a number, as links to their rows in the deals table, with what each was credited and paid. */
function dealRows(bt: Backtest, items: readonly { c: Row; i: number }[], plans: readonly PlanKey[]): SourceRow[] {
  return items.slice(0, MAX_ROWS).map(({ c, i }) => {
    const share = num(c.Share);
    const credit = `Credit ${showMoney(c.Credit)}${share !== 1 ? ` (${showPct(share)} of ${showMoney(c.Amount)})` : ""}`;
    const detail = [
      credit,
      `Closed ${date(c["Close date"])} (period ${show(c.Period)})`,
      `Stage ${show(c.Stage)}`,
      ...plans.map((p) =>
        counts(c, p)
          ? `Commission ${bt.s[p].name} ${showMoney(bt.lines[i]?.[creditColumn("Earned", p)])}`
          : `Not counted by the ${bt.s[p].name} plan`,
      ),
    ];
    const dealRow = num(c["Deal row"]);
    const link = bt.deals
      ? { sheet: bt.deals.sheet, address: rowAddress(bt.deals, dealRow - 1) }
      : { sheet: bt.creditsInfo.sheet, address: rowAddress(bt.creditsInfo, i) };
    return {
      label: `${bt.deals ? bt.deals.name : bt.s.deals.table} row ${dealRow}: ${show(c.Deal)}`,
      detail: detail.join(" · "),
      ...link,
    };
  });
}

const note = (n: number) => (n > MAX_ROWS ? `Showing ${MAX_ROWS} of ${n} deals.` : null);

/** What each ledger figure is, in words. */
function ledgerSource(column: LedgerColumn, rp: BacktestRolePlan, k: number): string {
  const sources: Partial<Record<LedgerColumn, string>> = {
    Credited: `the counted credits closed in period ${k} (SUMIFS over BT_Credits)`,
    "Credited YTD": `credited from period 1 to ${k}`,
    Quota: `the year's quota for period ${k}${rp.proration === "NONE" ? "" : ` (COMP.PRORATE by ${rp.proration.toLowerCase()})`}`,
    "Quota YTD": `quota from period 1 to ${k}`,
    Attainment: "credited / quota (COMP.QUOTA_ATTAINMENT)",
    "Attainment YTD": "credited YTD / quota YTD",
    "Target incentive": `the target incentive for period ${k}`,
    "Year quota": "the sum of the year's period quotas",
    "Year target incentive": "the sum of the year's period target incentives",
    Earned: `commission on period ${k}'s credits (COMP.RUNNING_PAYOUT beside the credits)`,
    "Held back": "commission held back until it is released",
    Released: `holdbacks released in period ${k}`,
    "Clawed back": `commission reversed for customers who cancelled (COMP.CLAWBACK), booked in period ${k}`,
    Payable: "earned - held back + released + clawed back",
    Draw: "the draw for the period",
    "Top-up": "the draw paid where payable falls short (COMP.DRAW)",
    Recovered: "earlier top-ups recovered from payable (COMP.DRAW)",
    Paid: "payable + top-up - recovered (COMP.DRAW)",
    Owed: "top-ups not yet recovered (COMP.DRAW)",
  };
  return sources[column] ?? "";
}

/** Which figures of the ledger row to list for a column. */
function figuresFor(column: LedgerColumn): LedgerColumn[] {
  const credit: LedgerColumn[] = ["Credited", "Credited YTD", "Quota", "Quota YTD", "Attainment", "Attainment YTD"];
  const quota: LedgerColumn[] = ["Quota", "Quota YTD", "Year quota", "Target incentive", "Year target incentive"];
  const pay: LedgerColumn[] = [
    "Earned",
    "Held back",
    "Released",
    "Clawed back",
    "Payable",
    "Draw",
    "Top-up",
    "Recovered",
    "Paid",
    "Owed",
  ];
  if (credit.includes(column)) return credit;
  if (quota.includes(column) || column === "Draw") return [...quota, "Draw"];
  if (column === "Earned") return ["Credited", "Credited YTD", "Earned"];
  return pay;
}

/** The credits behind a ledger figure: credited in the period, up to it, released or clawed back in it. */
function creditsBehind(bt: Backtest, plan: PlanKey, person: unknown, k: number, column: LedgerColumn) {
  const mine = creditsOf(bt, person).filter(({ c }) => counts(c, plan));
  const period = (c: Row) => num(c.Period);
  const released = (c: Row) => num(c[creditColumn("Release period", plan)]) === k;
  const clawed = (c: Row) => num(c[creditColumn("Clawback period", plan)]) === k;
  if (["Quota", "Quota YTD", "Year quota", "Target incentive", "Year target incentive", "Draw"].includes(column))
    return [];
  if (column === "Credited YTD" || column === "Attainment YTD") return mine.filter(({ c }) => period(c) <= k);
  if (column === "Released") return mine.filter(({ c }) => released(c));
  if (column === "Clawed back") return mine.filter(({ c }) => clawed(c));
  if (["Credited", "Attainment", "Earned", "Held back"].includes(column))
    return mine.filter(({ c }) => period(c) === k);
  return mine.filter(({ c }) => period(c) === k || released(c) || clawed(c));
}

/** A Payout Ledger cell: the plan, person and period, the figures, the deals and the payout rule. */
async function explainLedger(bt: Backtest, row: number, selected: LedgerColumn): Promise<Explanation> {
  // The row's identity (plan, person, period, its days) is explained as what the row pays.
  const identity: readonly LedgerColumn[] = ["Plan", "Person", "Role", "Period", "First day", "Last day"];
  const column: LedgerColumn = identity.includes(selected) ? "Paid" : selected;
  const L = bt.ledger[row];
  const plan = planOfLedgerRow(bt, row);
  const planName = bt.s[plan].name;
  const person = String(L.Person);
  const k = num(L.Period);
  const { rp } = rolePlan(bt, plan, String(L.Role));
  const behind = creditsBehind(bt, plan, person, k, column);
  const inputs: ExplainedInput[] = figuresFor(column).map((c) => ({
    label: c,
    value: c.startsWith("Attainment") ? showPct(L[c]) : showMoney(L[c]),
    source: ledgerSource(c, rp, k),
  }));
  let inWords = `${column} of ${person} (${show(L.Role)}) in period ${k}, ${date(L["First day"])} to ${date(L["Last day"])}, under the ${planName} plan: ${ledgerSource(column, rp, k) || "see the formula"}.`;
  let breakdown: CurveMove["breakdown"] = null;
  const pays = ["Earned", "Payable", "Paid", "Held back"].includes(column);
  if (pays && behind.length > 0) {
    const ytd = num(L["Credited YTD"]);
    const credited = num(L.Credited);
    const running = rp.attainment === "RUNNING";
    const move = await curveMove(bt, plan, row, running ? ytd - credited : 0, running ? ytd : credited, behind.length);
    inputs.push(...move.inputs);
    breakdown = move.breakdown;
    const m = (v: number) => showMeasure(bt, plan, L.Role, v);
    inWords += ` Commission: the curve pays ${showMoney(move.after)} at ${m(move.end)}${move.of} and paid ${showMoney(move.before)} at ${m(move.start)}, so the period's ${behind.length} deal(s) earned ${showMoney(move.after - move.before)}; the tiers of the payout at ${m(move.end)} are below.`;
  }
  const call = bt.cell.formula ? await compArguments(bt.host, bt.tables, bt.cell, bt.cell.formula) : null;
  if (call) inputs.push(...call.inputs.map((x) => ({ ...x, label: `${call.id} ${x.label}` })));
  return {
    title: `${person}, ${planName} plan, period ${k}: ${selected}`,
    where: bt.where,
    formula: bt.cell.formula,
    inWords,
    inputs,
    breakdown,
    rows: dealRows(bt, behind, [plan]),
    rowsNote: note(behind.length),
  };
}

/** A credit row (or one of its lines): the deal, its credit and what each plan paid on it. */
async function explainCredit(
  bt: Backtest,
  i: number,
  plan: PlanKey | null,
  line: LineColumn | null,
): Promise<Explanation> {
  const c = bt.credits[i];
  const person = String(c.Person);
  const share = num(c.Share);
  const inputs: ExplainedInput[] = [
    { label: "Deal", value: show(c.Deal), source: `${bt.s.deals.table} row ${String(c["Deal row"])}` },
    { label: "Amount", value: showMoney(c.Amount), source: `the deal's ${bt.s.deals.amount}` },
    { label: "Share", value: showPct(share), source: `${person}'s share as ${show(c.Role)}` },
    {
      label: "Credit",
      value: showMoney(c.Credit),
      source:
        share === 1
          ? "the deal's amount (a live reference to its cell)"
          : "the amount split by COMP.SPLIT_CREDIT, so the parts add up to the amount to the cent",
    },
    { label: "Close date", value: date(c["Close date"]), source: `period ${show(c.Period)}` },
    { label: "Stage", value: show(c.Stage), source: "the deal's stage" },
    ...PLAN_KEYS.map((p) => ({
      label: `Commission ${bt.s[p].name}`,
      value: counts(c, p) ? showMoney(bt.lines[i]?.[creditColumn("Earned", p)]) : "0.00",
      source: counts(c, p) ? "COMP.RUNNING_PAYOUT line beside the credits" : "the stage does not count under this plan",
    })),
  ];
  let inWords = `Deal ${show(c.Deal)} is credited to ${person} (${show(c.Role)}): ${showMoney(c.Credit)}, closed ${date(c["Close date"])} in period ${show(c.Period)}.`;
  let breakdown: CurveMove["breakdown"] = null;
  let title = `Deal ${show(c.Deal)} credited to ${person}`;
  if (plan && line) {
    const name = bt.s[plan].name;
    const value = bt.lines[i]?.[creditColumn(line, plan)];
    title = `${person}: ${line === "Earned" ? "commission" : line.toLowerCase()} on deal ${show(c.Deal)}, ${name} plan`;
    if (line === "Earned" && counts(c, plan)) {
      const { rp } = rolePlan(bt, plan, String(c.Role));
      const k = num(c.Period);
      // The credits before this one on the same running sum: the year's, or the period's on reset.
      const before = creditsOf(bt, person)
        .filter(({ c: o, i: j }) => j < i && counts(o, plan) && (rp.attainment === "RUNNING" || num(o.Period) === k))
        .reduce((a, { c: o }) => a + num(o.Credit), 0);
      const move = await curveMove(bt, plan, ledgerRowOf(bt, plan, person, k), before, before + num(c.Credit), 1);
      inputs.push(...move.inputs);
      breakdown = move.breakdown;
      const m = (v: number) => showMeasure(bt, plan, c.Role, v);
      inWords += ` Under the ${name} plan the curve's measure moves from ${m(move.start)} to ${m(move.end)}${move.of} with this deal: it pays ${showMoney(move.after)} after it and ${showMoney(move.before)} before it, so the deal earns ${showMoney(value)}. The tiers of the payout after it are below.`;
    } else if (line === "Earned")
      inWords += ` Its stage does not count under the ${name} plan, so it earns nothing there.`;
    else inWords += ` ${line === "Held" ? "Held back" : "Clawed back"} under the ${name} plan: ${showMoney(value)}.`;
  }
  return {
    title,
    where: bt.where,
    formula: bt.cell.formula,
    inWords,
    inputs,
    breakdown,
    rows: dealRows(bt, [{ c, i }], plan ? [plan] : PLAN_KEYS),
    rowsNote: null,
  };
}

/** A Plan Comparison row: a person's pay and attainment under each plan, period by period, and the deals. */
async function explainComparison(bt: Backtest, row: number, column: string): Promise<Explanation> {
  const R = (await records(bt.host, BACKTEST_TABLES.comparison, COMPARISON_COLUMNS))[row];
  const person = String(R.Person);
  const plans = PLAN_KEYS.filter((p) => column.endsWith(` ${p}`));
  const shown = plans.length ? plans : PLAN_KEYS;
  const n = periodsOf(bt);
  const inputs: ExplainedInput[] = [];
  for (const p of shown) {
    const rows = Array.from({ length: n }, (_, k) => bt.ledger[ledgerRowOf(bt, p, person, k + 1)]);
    const paid = rows.filter((l) => num(l.Paid) !== 0).map((l) => `period ${show(l.Period)} ${showMoney(l.Paid)}`);
    const name = bt.s[p].name;
    const last = rows[rows.length - 1];
    inputs.push(
      {
        label: `Pay ${name}`,
        value: showMoney(R[`Pay ${p}` as "Pay current"]),
        source: `Paid on the Payout Ledger, summed over the year: ${paid.length ? paid.join("; ") : "nothing paid"}`,
      },
      {
        label: `Attainment ${name}`,
        value: showPct(R[`Attainment ${p}` as "Attainment current"]),
        source: `credited YTD ${showMoney(last["Credited YTD"])} / quota YTD ${showMoney(last["Quota YTD"])} at period ${n}`,
      },
    );
  }
  if (!plans.length)
    inputs.push(
      { label: "Difference", value: showMoney(R.Difference), source: "pay proposed - pay current" },
      { label: "Difference %", value: showPct(R["Difference %"]), source: "difference / pay current" },
      { label: "Flag", value: show(R.Flag), source: "Winner or Loser when the difference is half a cent or more" },
    );
  const behind = creditsOf(bt, person).filter(({ c }) => shown.some((p) => counts(c, p)));
  const inWords = plans.length
    ? `${person}'s ${column.replace(` ${plans[0]}`, "").toLowerCase()} under the ${bt.s[plans[0]].name} plan in ${bt.s.year}, from the Payout Ledger: pay is commission as it falls due, holdbacks released, clawbacks and draws. The ${behind.length} deal(s) credited to ${person} are listed below with their commission.`
    : `${person} is paid ${showMoney(R["Pay proposed"])} under the ${bt.s.proposed.name} plan and ${showMoney(R["Pay current"])} under the ${bt.s.current.name} plan: ${show(R.Flag)}. The ${behind.length} deal(s) credited to ${person} are listed below with their commission under each plan.`;
  return {
    title: `${person}: ${column}`,
    where: bt.where,
    formula: bt.cell.formula,
    inWords,
    inputs,
    breakdown: null,
    rows: dealRows(bt, behind, shown),
    rowsNote: note(behind.length),
  };
}

/** What ledger figure each statement line shows. */
const STATEMENT_FIGURE: Record<string, LedgerColumn> = {
  [STATEMENT_LINES.title]: "Paid",
  [STATEMENT_LINES.tier]: "Earned",
  [STATEMENT_LINES.heldBack]: "Held back",
  [STATEMENT_LINES.released]: "Released",
  [STATEMENT_LINES.clawedBack]: "Clawed back",
  [STATEMENT_LINES.topUp]: "Top-up",
  [STATEMENT_LINES.recovered]: "Recovered",
  [STATEMENT_LINES.total]: "Paid",
};

/** A statement line: a deal line is that credit's commission; the others, the ledger figure they show. */
async function explainStatement(bt: Backtest, row: number): Promise<Explanation> {
  const St = (await records(bt.host, BACKTEST_TABLES.statements, STATEMENT_COLUMNS))[row];
  const plan = bt.s.statementsFor;
  const k = num(St.Period);
  if (St.Line === STATEMENT_LINES.deal) {
    const found = creditsOf(bt, St.Person).find(({ c }) => sameText(c.Deal, St.Item) && num(c.Period) === k);
    if (!found)
      throw new Error(`Deal ${show(St.Item)} is not among ${show(St.Person)}'s credits; run the back-test again.`);
    return explainCredit(bt, found.i, plan, "Earned");
  }
  const figure = STATEMENT_FIGURE[String(St.Line)] ?? "Paid";
  return explainLedger(bt, ledgerRowOf(bt, plan, St.Person, k), figure);
}

/** What a Plan Comparison total adds to its formula's explanation: the people or deals behind it. */
export interface BehindTotal {
  /** A sentence saying what the total counts or adds. */
  readonly inWords: string;
  /** The people or deals, with links to their rows. */
  readonly rows: readonly SourceRow[];
  /** Set when only some rows are listed. */
  readonly rowsNote: string | null;
}

type ComparisonRow = Record<(typeof COMPARISON_COLUMNS)[number] | (typeof ACTUAL_COLUMNS)[number], unknown>;

/** The per-plan column of Plan Comparison for a figure. */
const planColumn = (figure: "Pay" | "Attainment", p: PlanKey) => `${figure} ${p}` as "Pay current";

/**
 * The people or deals behind a total of Plan Comparison (its named totals and the histogram's
 * counts), to go with its formula's explanation: the deals counted for revenue and cost of
 * sales, the people for cost, the change in cost, the share at quota and its band, winners,
 * losers, model minus actual and each attainment band. Null for any other cell.
 */
export async function backtestTotalBehind(
  host: WorkbookHost,
  tables: readonly TableInfo[],
  cell: ActiveCell,
  place: TablePlace | null,
): Promise<BehindTotal | null> {
  if (!sameText(cell.sheet, BACKTEST_SHEETS.comparison)) return null;
  const onHistogram = place && place.row >= 0 && place.table.name === BACKTEST_TABLES.histogram ? place : null;
  const named = onHistogram ? null : comparisonNamedCells().find((n) => n.address === cell.address.toUpperCase());
  const comparison = tables.find((t) => t.name === BACKTEST_TABLES.comparison);
  if ((!onHistogram && !named) || !comparison) return null;
  const bt = await load(host, tables, cell, `${cell.sheet}!${cell.address}`);
  if (!bt) return null;
  const people = (await records(host, comparison.name, [...COMPARISON_COLUMNS, ...ACTUAL_COLUMNS])).map((r, i) => ({
    r: r as ComparisonRow,
    i,
  }));
  const personRows = (list: typeof people, figure: (r: ComparisonRow) => string): SourceRow[] =>
    list.slice(0, MAX_ROWS).map(({ r, i }) => ({
      label: `${comparison.name} row ${i + 1}: ${show(r.Person)}`,
      detail: `${show(r.Role)} · ${figure(r)}`,
      sheet: comparison.sheet,
      address: rowAddress(comparison, i),
    }));
  const peopleNote = (n: number) => (n > MAX_ROWS ? `Showing ${MAX_ROWS} of ${n} people.` : null);
  const pays = (r: ComparisonRow) =>
    PLAN_KEYS.map((p) => `Pay ${bt.s[p].name} ${showMoney(r[planColumn("Pay", p)])}`).join(" · ");
  const byDesc = (v: (r: ComparisonRow) => number) => [...people].sort((a, b) => v(b.r) - v(a.r));

  if (onHistogram) {
    const p: PlanKey | null =
      onHistogram.column === HISTOGRAM_COLUMNS[3]
        ? "current"
        : onHistogram.column === HISTOGRAM_COLUMNS[4]
          ? "proposed"
          : null;
    if (!p) return null;
    const band = (await records(host, BACKTEST_TABLES.histogram, HISTOGRAM_COLUMNS))[onHistogram.row];
    const from = typeof band.From === "number" ? band.From : null;
    const to = typeof band.To === "number" ? band.To : null;
    // A person with no quota has no attainment (a blank): COUNTIFS counts them in no band.
    const att = (r: ComparisonRow) => num(r[planColumn("Attainment", p)]);
    const inBand = people.filter(
      ({ r }) =>
        typeof r[planColumn("Attainment", p)] === "number" &&
        (from === null || att(r) >= from) &&
        (to === null || att(r) < to),
    );
    return {
      inWords: `${inBand.length} of ${people.length} people have a year attainment ${from === null ? "" : `of ${showPct(from)} or more`}${from !== null && to !== null ? " and " : ""}${to === null ? "" : `below ${showPct(to)}`} under the ${bt.s[p].name} plan; they are listed below.`,
      rows: personRows(inBand, (r) => `Attainment ${showPct(att(r))}`),
      rowsNote: peopleNote(inBand.length),
    };
  }
  const name = named!.name;
  // Without actual payouts the sheet writes no model-minus-actual total: its cell is blank.
  if (name === COMPARISON_NAMES.modelMinusActual && !bt.s.actual) return null;
  const planOf = PLAN_KEYS.find((p) => name.endsWith(`_${p}`)) ?? null;
  const N = COMPARISON_NAMES;
  if (planOf && (name === N.revenue(planOf) || name === N.costOfSales(planOf))) {
    const counted = bt.credits
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => num(c["Owner credit"]) === 1 && counts(c, planOf));
    const revenue = counted.reduce((t, { c }) => t + num(c.Credit), 0);
    return {
      inWords: `Revenue under the ${bt.s[planOf].name} plan is the ${counted.length} owner credit(s) the plan counts, ${showMoney(revenue)} in all (split credits to others are not counted twice); they are listed below.`,
      rows: dealRows(bt, counted, [planOf]),
      rowsNote: note(counted.length),
    };
  }
  if (planOf && name === N.cost(planOf)) {
    const pay = (r: ComparisonRow) => num(r[planColumn("Pay", planOf)]);
    return {
      inWords: `The ${bt.s[planOf].name} plan's cost is what it pays the ${people.length} people in the year; they are listed below, the best paid first. Explain a person's row for their deals.`,
      rows: personRows(byDesc(pay), (r) => `Pay ${showMoney(pay(r))}`),
      rowsNote: peopleNote(people.length),
    };
  }
  if (planOf) {
    // As COMP.ATTAINMENT_SHARE counts: people with no quota (a blank attainment) are left out.
    const att = (r: ComparisonRow) => num(r[planColumn("Attainment", planOf)]);
    const measured = people.filter(({ r }) => typeof r[planColumn("Attainment", planOf)] === "number");
    const at = measured.filter(({ r }) => att(r) >= 1);
    const unmeasured = people.length - measured.length;
    return {
      inWords: `${at.length} of ${measured.length} people reach their year quota under the ${bt.s[planOf].name} plan (the health band is 60-70%)${unmeasured ? `; ${unmeasured} with no quota are not counted` : ""}; they are listed below, the highest attainment first.`,
      rows: personRows(
        [...measured].sort((a, b) => att(b.r) - att(a.r)),
        (r) => `Attainment ${showPct(att(r))}${att(r) >= 1 ? " (at or above quota)" : ""}`,
      ),
      rowsNote: peopleNote(measured.length),
    };
  }
  if (name === N.winners || name === N.losers) {
    const flag = name === N.winners ? "Winner" : "Loser";
    const flagged = byDesc((r) => Math.abs(num(r.Difference))).filter(({ r }) => r.Flag === flag);
    return {
      inWords: `${flagged.length} people are paid ${flag === "Winner" ? "more" : "less"} under the ${bt.s.proposed.name} plan than under the ${bt.s.current.name} plan (by half a cent or more); they are listed below, the largest difference first.`,
      rows: personRows(flagged, (r) => `Difference ${showMoney(r.Difference)} · ${pays(r)}`),
      rowsNote: peopleNote(flagged.length),
    };
  }
  if (name === N.modelMinusActual) {
    const gap = (r: ComparisonRow) => Math.abs(num(r["Model minus actual"]));
    return {
      inWords: `The ${bt.s.current.name} plan's model minus what was actually paid, person by person; the largest gaps first.`,
      rows: personRows(
        byDesc(gap),
        (r) => `Model minus actual ${showMoney(r["Model minus actual"])} · Actual paid ${showMoney(r["Actual paid"])}`,
      ),
      rowsNote: peopleNote(people.length),
    };
  }
  // The change in cost: each person's difference, the largest first.
  return {
    inWords: `The change in cost is the sum of each person's difference (proposed - current); the largest changes first.`,
    rows: personRows(
      byDesc((r) => Math.abs(num(r.Difference))),
      (r) => `Difference ${showMoney(r.Difference)} · ${pays(r)}`,
    ),
    rowsNote: peopleNote(people.length),
  };
}

/** A cell of a COMP.DRAW spill beside the ledger: the ledger row it is on (or whose header it is) and its column. */
interface DrawSpillCell {
  /** The ledger row (0-based) of the spill's period, or of the block's first period for the header. */
  readonly row: number;
  readonly column: (typeof DRAW_SPILL_COLUMNS)[number];
  readonly header: boolean;
  /** The spill's anchor, e.g. "AA9" (its header row). */
  readonly anchor: string;
  /** The sheet rows (1-based) of the block's first and last periods, which the spill settles. */
  readonly rows: { readonly first: number; readonly last: number };
}

/**
 * Where a ledger-sheet cell is among the COMP.DRAW spills: each block of a person's periods
 * (one per plan and person) has its spill in one of two groups of columns beside the ledger,
 * its header on the row above the block (see drawColumn in ledgerSheet.ts).
 */
function drawSpillAt(bt: Backtest, address: string): DrawSpillCell | null {
  const ledger = bt.tables.find((t) => t.name === BACKTEST_TABLES.ledger);
  if (!ledger) return null;
  const at = parseCell(address);
  const first = parseCell(ledger.address.split(":")[0]).row + 1; // the first period row, 0-based
  const n = periodsOf(bt);
  const blocks = bt.ledger.length / Math.max(1, n);
  // A spill cell on row r belongs to the block of that row, or is the header of the block below.
  const index = at.row - first;
  for (const [block, header] of [
    [Math.floor(index / n), false],
    [Math.floor(index / n) + 1, true],
  ] as const) {
    if (block < 0 || block >= blocks) continue;
    const b0 = first + block * n;
    if (header ? at.row !== b0 - 1 : at.row < b0 || at.row >= b0 + n) continue;
    const offset = at.col - drawColumn(block);
    if (offset < 0 || offset >= DRAW_SPILL_COLUMNS.length) continue;
    const row = header ? block * n : index;
    return {
      row,
      column: DRAW_SPILL_COLUMNS[offset],
      header,
      anchor: `${columnLetter(drawColumn(block))}${b0}`,
      rows: { first: b0 + 1, last: b0 + n },
    };
  }
  return null;
}

/** A cell of a COMP.DRAW spill: the ledger figure it holds, explained as the ledger's own cell, with DRAW's arguments. */
async function explainDrawSpill(bt: Backtest, d: DrawSpillCell): Promise<Explanation> {
  const L = bt.ledger[d.row];
  const plan = planOfLedgerRow(bt, d.row);
  const { rp } = rolePlan(bt, plan, String(L.Role));
  const formula = drawFormula(rp, d.rows.first, d.rows.last);
  const anchorCell = { sheet: bt.cell.sheet, address: d.anchor, formula, value: null };
  const whose = `${show(L.Person)}'s draw under the ${bt.s[plan].name} plan`;
  if (d.header) {
    const call = await compArguments(bt.host, bt.tables, anchorCell, formula);
    return {
      title: `COMP.DRAW: ${whose}`,
      where: bt.where,
      formula,
      inWords: `The header of the COMP.DRAW spill at ${d.anchor}, which settles ${whose} period by period (one row per period below it); the ledger's Top-up, Recovered, Paid and Owed columns read its cells.`,
      inputs: call?.inputs ?? [],
      breakdown: null,
      rows: [],
      rowsNote: null,
    };
  }
  const e = await explainLedger({ ...bt, cell: anchorCell }, d.row, d.column);
  return {
    ...e,
    title: `${e.title} (COMP.DRAW spill)`,
    where: bt.where,
    formula,
    inWords: `This cell is the ${d.column === "Payable" ? "Earned (the ledger's Payable)" : d.column} column of the COMP.DRAW spill at ${d.anchor}, which settles ${whose} period by period; the ledger reads it. ${e.inWords}`,
  };
}
