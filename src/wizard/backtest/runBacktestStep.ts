import { LedgerInputError, LedgerResult, runLedger } from "../../core/ledger";
import { parseCell } from "../../workbook/a1";
import { NotOwnedError, TableData, WorkbookHost } from "../../workbook/host";
import { SheetSpec } from "../../workbook/sheetSpec";
import { sumExact, toNumber } from "../../core/money";
import { checkCancelled, listProblems, Progress, runStep, StepContext, StepError, StepModule } from "../stepRun";
import { BacktestContext, backtestIssues, backtestSettingsFrom, parseBacktestSettings } from "./backtestPane";
import { BACKTEST_SHEETS, PlanKey } from "./backtestLayout";
import { ActualPayouts, BACKTEST_SETTINGS_KEY, BacktestSettings } from "./backtestSettings";
import { sameText } from "../../core/text";
import { planComparisonSheet } from "./comparisonSheet";
import { DealsPlace, payoutLedgerSheet } from "./ledgerSheet";
import { BacktestData, ledgerInput, readBacktest } from "./readBacktest";
import { statementsSheet } from "./statementsSheet";

/** What the back-test computed: the data read, each plan's ledger, and notes for the summary. */
export interface BacktestResult {
  readonly data: BacktestData;
  readonly ledgers: Readonly<Record<PlanKey, LedgerResult>>;
  readonly notes: readonly string[];
  /** The sheets written, in order. */
  readonly sheets: readonly SheetSpec[];
}

async function readNamed(host: WorkbookHost, table: string, what: string): Promise<TableData> {
  try {
    return await host.readTable(table);
  } catch {
    throw new StepError(`There is no table named "${table}" (the ${what}). Choose the table to read.`);
  }
}

/** The actual payouts table has the person and amount columns the comparison sums over. */
function checkActual(a: ActualPayouts, t: TableData): void {
  const problems = (
    [
      [a.person, "person"],
      [a.amount, "amount paid"],
    ] as const
  )
    .filter(([h]) => !t.headers.some((x) => sameText(x, h)))
    .map(([h, what]) => `Table ${t.source} has no column "${h}" (the ${what}); choose another.`);
  if (problems.length) throw new StepError(listProblems("the actual payouts", problems));
}

/** Where the deals table's amount column is, for the credits' references to it. */
async function dealsPlace(host: WorkbookHost, s: BacktestSettings, deals: TableData): Promise<DealsPlace> {
  const info = (await host.listTables()).find((t) => t.name.toLowerCase() === s.deals.table.toLowerCase());
  if (!info) throw new StepError(`There is no table named "${s.deals.table}" (the deals).`);
  const anchor = parseCell(info.address.split(":")[0]);
  const amountCol = deals.headers.findIndex((h) => h.trim().toLowerCase() === s.deals.amount.trim().toLowerCase());
  return { sheet: info.sheet, headerRow: anchor.row + 1, amountCol: anchor.col + amountCol };
}

/** The ledger of one plan; its input errors become messages naming the deals table's row. */
function ledgerOf(data: BacktestData, s: BacktestSettings, plan: PlanKey): LedgerResult {
  try {
    return runLedger(ledgerInput(data, s[plan], s));
  } catch (e) {
    if (!(e instanceof LedgerInputError)) throw e;
    const where =
      e.table === "credits"
        ? `${s.deals.table} row ${data.credits[e.row - 1].dealRow} (deal ${data.credits[e.row - 1].deal}, ${data.credits[e.row - 1].person})`
        : e.table === "people"
          ? `${s.people.table} row ${data.people[e.row - 1].row}`
          : `the ${s[plan].name} plan (${e.table} ${e.row})`;
    throw new StepError(`${s[plan].name} plan: ${where}, ${e.field}: ${e.message.replace(/^[^:]*: /, "")}`);
  }
}

/**
 * The back-test's run: reads the deals, people (and credits, actual payouts) tables, computes
 * both plans' ledgers with the ledger core, builds "Payout Ledger", "Plan Comparison" and
 * "Statements" as live formulas, then writes them. Everything is built before the first write,
 * so bad input or Cancel before the write leaves the workbook as it was. It stores nothing:
 * {@link runStep} writes the settings after it.
 */
export async function backtestRun(
  host: WorkbookHost,
  s: BacktestSettings,
  { step, signal }: StepContext,
): Promise<BacktestResult> {
  await step(0.05, `Reading ${s.deals.table}`);
  const deals = await readNamed(host, s.deals.table, "deals");
  await step(0.1, `Reading ${s.people.table}`);
  const people = await readNamed(host, s.people.table, "people");
  const credits = s.deals.credits.kind === "table" ? await readNamed(host, s.deals.credits.table, "credits") : null;
  const quotas = s.quotas.kind === "sheet" ? await readNamed(host, s.quotas.table, "quota step's quotas") : null;
  if (s.actual) checkActual(s.actual, await readNamed(host, s.actual.table, "actual payouts"));
  await step(0.15, "Checking the data");
  const data = readBacktest(s, deals, people, credits, quotas);
  if (data.problems.length) throw new StepError(listProblems("the back-test data", data.problems));
  if (data.people.length === 0)
    throw new StepError(`No one in ${s.people.table} has a role with a plan; add plans for their roles.`);
  await step(0.25, `Computing the ${s.current.name} plan`);
  const current = ledgerOf(data, s, "current");
  await step(0.4, `Computing the ${s.proposed.name} plan`);
  const proposed = ledgerOf(data, s, "proposed");
  await step(0.55, "Building the sheets");
  const ledger = payoutLedgerSheet(data, s, await dealsPlace(host, s, deals));
  const comparison = planComparisonSheet(data, s, ledger.geometry);
  const statements = statementsSheet(
    data,
    s,
    ledger.geometry,
    s.statementsFor,
    s.statementsFor === "current" ? current : proposed,
  );
  const sheets = [ledger.spec, comparison, statements];
  const existing = await host.listSheets();
  for (const name of Object.values(BACKTEST_SHEETS)) {
    const found = existing.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (found && !found.owned) throw new NotOwnedError(found.name);
  }
  await step(0.7, "Writing Payout Ledger, Plan Comparison and Statements");
  checkCancelled(signal);
  for (const sheet of sheets) await host.writeSheet(sheet);
  return { data, ledgers: { current, proposed }, notes: data.notes, sheets };
}

const money = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });

/** Total paid under one plan over the year, exact. */
export function totalPaid(ledger: LedgerResult): number {
  return toNumber(sumExact(ledger.rows.map((r) => r.paid)));
}

/** The Back-test tool: the current and a proposed plan over the year's deals, side by side. */
export const backtestStep: StepModule<BacktestContext, BacktestSettings, BacktestResult> = {
  id: "backtest",
  label: "Back-test",
  settingsKey: BACKTEST_SETTINGS_KEY,
  parseSettings: parseBacktestSettings,
  issues: backtestIssues,
  settingsFrom: backtestSettingsFrom,
  run: backtestRun,
  summary: (s, r) => {
    const cur = totalPaid(r.ledgers.current);
    const pro = totalPaid(r.ledgers.proposed);
    const diff = toNumber(sumExact([pro, -cur]));
    return {
      message: `Wrote Payout Ledger, Plan Comparison and Statements for ${r.data.people.length} people, ${s.year} by ${s.periods === "months" ? "month" : "quarter"}: ${s.current.name} pays ${money(cur)}, ${s.proposed.name} pays ${money(pro)} (${diff >= 0 ? "+" : ""}${money(diff)}).`,
      details: r.notes,
    };
  },
  sheetOf: () => BACKTEST_SHEETS.comparison,
};

/**
 * Runs the back-test outside the pane (tests, scripts): {@link backtestStep} through
 * {@link runStep}, which stores the settings after the sheets.
 */
export async function runBacktestStep(
  host: WorkbookHost,
  s: BacktestSettings,
  progress: Progress = () => {},
  signal?: AbortSignal,
): Promise<BacktestResult> {
  return runStep(backtestStep, host, s, progress, signal);
}
