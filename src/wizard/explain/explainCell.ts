import { payoutExplain } from "../../functions/payout";
import { COMP_FUNCTIONS } from "../../functions/registry";
import { ActiveCell, TableInfo, WorkbookHost } from "../../workbook/host";
import { sameText } from "../../core/text";
import { BONUS_COLUMNS, KPI_NAMES, LEADERBOARD_COLUMNS } from "../kpi/layout";
import { ACCOUNT_COLUMNS, ACCOUNT_DETAIL_COLUMNS, SUMMARY_COLUMNS, territoryTableNames } from "../territories/layout";
import { records } from "./explainKpi";
import { explainPerson, explainScoreLine } from "./explainKpi";
import { Explanation, MAX_ROWS, show } from "./explanation";
import { locate, rowAddress, TablePlace } from "./locate";
import { compArguments } from "./compArguments";
import { describeValue, referencesIn } from "./references";
import { backtestTotalBehind, explainBacktestCell } from "./explainBacktest";

export { compCall } from "./compArguments";

/** Explains the active cell: what computed it, from which inputs, down to the rows of data. */
export async function explainActiveCell(host: WorkbookHost): Promise<Explanation> {
  const cell = await host.activeCell();
  const tables = await host.listTables();
  const where = `${cell.sheet}!${cell.address}`;
  const place = locate(tables, cell.sheet, cell.address);
  const backtest = await explainBacktestCell(host, tables, cell, where, place);
  if (backtest) return backtest;
  const explained = await explainByFormula(host, tables, cell, where, place);
  // A back-test comparison total: its formula as above, and the people or deals behind it.
  const behind = await backtestTotalBehind(host, tables, cell, place);
  return behind
    ? { ...explained, inWords: `${explained.inWords} ${behind.inWords}`, rows: behind.rows, rowsNote: behind.rowsNote }
    : explained;
}

/** A cell explained by where it is and what its formula calls (the tools' tables, COMP calls, any other formula). */
async function explainByFormula(
  host: WorkbookHost,
  tables: readonly TableInfo[],
  cell: ActiveCell,
  where: string,
  place: TablePlace | null,
): Promise<Explanation> {
  if (place && place.row >= 0) {
    const name = place.table.name;
    if (name === KPI_NAMES.lines) return explainScoreLine(host, tables, place.row, where, cell.formula);
    if (name === KPI_NAMES.bonus || name === KPI_NAMES.leaderboard) {
      // Both tables name the person in their Person column.
      const row = (await records(host, name, name === KPI_NAMES.bonus ? BONUS_COLUMNS : LEADERBOARD_COLUMNS))[
        place.row
      ];
      return explainPerson(host, tables, String(row.Person), where, cell.formula, name === KPI_NAMES.leaderboard);
    }
    if (sameText(name, territoryTableNames(place.table.sheet).summary))
      return explainTerritory(host, tables, place, where, cell);
  }
  if (cell.formula && /COMP\./i.test(cell.formula)) return explainCompFormula(host, tables, cell, where);
  if (place && place.row >= 0 && (await host.isOwned(cell.sheet))) return explainTableRow(host, place, where, cell);
  // Any other formula: each reference in it with its value, as Evaluate Formula steps through it.
  const refs = cell.formula ? await referencesIn(host, tables, cell, cell.formula) : [];
  return {
    title: cell.formula ? "A formula" : "A value",
    where,
    formula: cell.formula,
    inWords: cell.formula
      ? "This cell's formula does not call a COMP function and is not on one of Comp Planner's tables; the references it reads are listed with their values."
      : "This cell holds a value typed or pasted in, not a computation.",
    inputs: [
      { label: "Value", value: show(cell.value), source: where },
      ...refs.map((r) => ({
        label: r.text,
        value: r.value ? describeValue(r.value.value) : "(not found)",
        source: r.value ? r.value.source.replace(`${r.text}: `, "") : "no such table, column or range",
      })),
    ],
    breakdown: null,
    rows: [],
    rowsNote: null,
  };
}

/** A territory's figures: the accounts assigned to it, with links. */
async function explainTerritory(
  host: WorkbookHost,
  tables: readonly TableInfo[],
  place: TablePlace,
  where: string,
  cell: ActiveCell,
): Promise<Explanation> {
  const summary = await host.readTable(place.table.name);
  const territory = String((await records(host, place.table.name, SUMMARY_COLUMNS))[place.row].Territory);
  const accountsName = territoryTableNames(place.table.sheet).accounts;
  const info = tables.find((t) => sameText(t.name, accountsName));
  const accounts = info ? await records(host, info.name, ACCOUNT_COLUMNS) : [];
  const mine = accounts.map((r, i) => ({ r, i })).filter(({ r }) => String(r.Territory) === territory);
  // The columns listed for each account, as far as the table still has them.
  const shown = ACCOUNT_DETAIL_COLUMNS.filter((h) => info?.headers.includes(h));
  return {
    title: `Territory ${territory}: ${place.column}`,
    where,
    formula: cell.formula,
    inWords: `${place.column} of territory ${territory} is computed over the ${mine.length} account(s) whose Territory is ${territory} in table ${accountsName} (COUNTIFS / SUMIFS); edit an account's territory there and this follows.`,
    inputs: summary.headers.map((h, i) => ({
      label: h,
      value: show(summary.rows[place.row][i]),
      source: `${place.table.name}[${h}]`,
    })),
    breakdown: null,
    rows: info
      ? mine.slice(0, MAX_ROWS).map(({ r, i }) => ({
          label: `${accountsName} row ${i + 1}: ${show(r.Account)}`,
          detail: shown.map((h) => `${h} ${show(r[h])}`).join(" · "),
          sheet: info.sheet,
          address: rowAddress(info, i),
        }))
      : [],
    rowsNote: mine.length > MAX_ROWS ? `Showing ${MAX_ROWS} of ${mine.length} accounts.` : null,
  };
}

/** Any cell calling a COMP function: the call in words, each argument's value and origin, and for PAYOUT the tiers. */
async function explainCompFormula(
  host: WorkbookHost,
  tables: readonly TableInfo[],
  cell: ActiveCell,
  where: string,
): Promise<Explanation> {
  const args = await compArguments(host, tables, cell, cell.formula!);
  const def = args ? COMP_FUNCTIONS.find((f) => f.id === args.id) : undefined;
  const v = args?.values ?? [];
  const isPayout = args?.id === "PAYOUT" && args.resolved;
  const breakdown = isPayout ? payoutExplain(v[0], v[1], v[2], v[3], v[4], v[5]) : null;
  return {
    title: args ? `COMP.${args.id}` : "A COMP formula",
    where,
    formula: cell.formula,
    inWords: def
      ? `COMP.${def.id}(${def.params.map((p) => p.name).join(", ")}) = ${show(cell.value)}. ${isPayout ? "The tiers below add up to it." : ""}`.trim()
      : `The formula calls a COMP function; its result is ${show(cell.value)}.`,
    inputs: args?.inputs ?? [],
    breakdown: Array.isArray(breakdown) ? breakdown : null,
    rows: [],
    rowsNote: null,
  };
}

/** A computed cell of one of the add-in's tables: its formula and the row it reads. */
async function explainTableRow(
  host: WorkbookHost,
  place: TablePlace,
  where: string,
  cell: ActiveCell,
): Promise<Explanation> {
  const t = await host.readTable(place.table.name);
  return {
    title: `${place.table.name}: ${place.column}`,
    where,
    formula: cell.formula,
    inWords: cell.formula
      ? `${place.column} is computed by the formula below from this row's cells ([@Column] is this row's value in that column).`
      : `${place.column} is an input: edit it and the formulas that read it recalculate.`,
    inputs: t.headers.map((h, i) => ({
      label: h,
      value: show(t.rows[place.row][i]),
      source: `${place.table.name}[${h}], this row`,
    })),
    breakdown: null,
    rows: [],
    rowsNote: null,
  };
}
