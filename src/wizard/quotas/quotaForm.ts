/**
 * The quota step's form: what the user sets, sensible defaults from the workbook's tables, and
 * validation with messages that say what to fix. Pure; the wizard reducer holds it.
 */
import { TableInfo } from "../../workbook/host";
import { sheetNameProblem } from "../../workbook/sheetSpec";
import { territoryTableNames } from "../territories/layout";
import { QUOTAS_SHEET } from "./layout";
import type { QuotaStepSettings } from "./runQuotaStep";
import { sameText } from "../../core/text";

/**
 * The quota step's fields: the step's settings, with the tables and columns flattened so each
 * can be chosen on its own, and the target blank until entered. Shares are fractions (0.65 = 65%).
 */
export interface QuotaForm extends Omit<QuotaStepSettings, "potential" | "history" | "companyTarget"> {
  readonly potentialTable: string | null;
  readonly potentialId: string;
  readonly potentialColumn: string;
  readonly historyTable: string | null;
  readonly historyId: string;
  readonly historyColumns: readonly string[];
  readonly companyTarget: number | null;
}

/** The form before the user has set anything. */
export const initialQuotaForm: QuotaForm = {
  potentialTable: null,
  potentialId: "",
  potentialColumn: "",
  historyTable: null,
  historyId: "",
  historyColumns: [],
  companyTarget: null,
  period: "year",
  targetShare: 0.65,
  historyWeight: 0.5,
  sigma: 0.25,
  method: "equal-stretch",
  rounding: 1000,
  overAssignment: 0.1,
  keep: "share",
  draws: 10_000,
  sheet: QUOTAS_SHEET,
};

const HISTORY_HEADER = /bookings|history|actual|prior|last year|revenue/i;
const ID_HEADER = [/^rep id$/i, /^territory$/i, /^rep$/i, /^id$/i, /name/i];

/** The first header matching the clues, in clue order. */
function pick(headers: readonly string[], clues: readonly RegExp[]): string {
  for (const c of clues) {
    const h = headers.find((x) => c.test(x.trim()));
    if (h) return h;
  }
  return "";
}

/**
 * Fills what the user has not chosen from the tables: potential from the territory step's
 * summary (Territory, Potential) when it exists, history from a reps table's bookings columns.
 */
export function withQuotaDefaults(
  form: QuotaForm,
  tables: readonly TableInfo[],
  territorySheet: string,
  repsTable: string | null,
): QuotaForm {
  let f = form;
  if (f.potentialTable === null) {
    const summary = tables.find((t) => sameText(t.name, territoryTableNames(territorySheet).summary));
    if (summary) f = { ...f, potentialTable: summary.name, potentialId: "Territory", potentialColumn: "Potential" };
  }
  if (f.historyTable === null && repsTable) {
    const reps = tables.find((t) => t.name === repsTable);
    const cols = reps ? reps.headers.filter((h) => HISTORY_HEADER.test(h)) : [];
    if (reps && cols.length)
      f = { ...f, historyTable: reps.name, historyId: pick(reps.headers, ID_HEADER), historyColumns: cols };
  }
  return f;
}

/** The form's values as the user chose a table: the id and first numeric-looking columns guessed. */
export function choosePotentialTable(form: QuotaForm, table: TableInfo | null): QuotaForm {
  if (!table) return { ...form, potentialTable: null, potentialId: "", potentialColumn: "" };
  return {
    ...form,
    potentialTable: table.name,
    potentialId: pick(table.headers, ID_HEADER),
    potentialColumn: pick(table.headers, [/potential/i, /revenue/i, /value/i]),
  };
}

/** The same for the history table (null: no history). */
export function chooseHistoryTable(form: QuotaForm, table: TableInfo | null): QuotaForm {
  if (!table) return { ...form, historyTable: null, historyId: "", historyColumns: [] };
  return {
    ...form,
    historyTable: table.name,
    historyId: pick(table.headers, ID_HEADER),
    historyColumns: table.headers.filter((h) => HISTORY_HEADER.test(h)),
  };
}

const hasColumn = (t: TableInfo | undefined, h: string) => !!t && t.headers.some((x) => sameText(x, h));

/** What is wrong with the form, each saying what to fix; empty when the step can run. */
export function quotaIssues(f: QuotaForm, tables: readonly TableInfo[]): string[] {
  const issues: string[] = [];
  const pt = tables.find((t) => t.name === f.potentialTable);
  if (!pt) issues.push("Choose the table with each rep's potential (run the Territories step, or pick any table).");
  else {
    if (!hasColumn(pt, f.potentialId)) issues.push(`Choose the column of ${pt.name} that names the rep.`);
    if (!hasColumn(pt, f.potentialColumn)) issues.push(`Choose the column of ${pt.name} with the potential.`);
  }
  if (f.historyTable !== null) {
    const ht = tables.find((t) => t.name === f.historyTable);
    if (!ht) issues.push(`There is no table named "${f.historyTable}" any more; choose the history table again.`);
    else {
      if (!hasColumn(ht, f.historyId)) issues.push(`Choose the column of ${ht.name} that names the rep.`);
      if (f.historyColumns.length === 0 || f.historyColumns.some((c) => !hasColumn(ht, c)))
        issues.push(`Choose one or more history columns of ${ht.name}, or no history.`);
    }
  }
  if (f.companyTarget === null || !Number.isFinite(f.companyTarget) || f.companyTarget <= 0)
    issues.push("Enter the company target for the period, an amount above 0.");
  if (!(f.targetShare >= 0.01 && f.targetShare <= 0.99))
    issues.push("The target share of reps reaching quota must be between 1% and 99% (60-70% is healthy).");
  if (!(f.historyWeight >= 0 && f.historyWeight <= 1))
    issues.push("The weight of history must be between 0% and 100%.");
  if (!(f.sigma > 0 && f.sigma <= 3)) issues.push("The spread sigma must be above 0 (0.25 is typical).");
  if (!(f.rounding > 0)) issues.push("The rounding step must be above 0.");
  if (!(f.overAssignment > -1 && f.overAssignment <= 2))
    issues.push("The over-assignment must be between -100% and 200%.");
  if (!Number.isInteger(f.draws) || f.draws < 100 || f.draws > 100_000)
    issues.push("Simulation draws must be a whole number from 100 to 100,000.");
  const sheet = sheetNameProblem(f.sheet);
  if (sheet) issues.push(sheet);
  return issues;
}

/** The settings to run the quota step with, or null while {@link quotaIssues} lists anything. */
export function quotaSettings(f: QuotaForm, tables: readonly TableInfo[]): QuotaStepSettings | null {
  if (quotaIssues(f, tables).length) return null;
  const {
    potentialTable,
    potentialId,
    potentialColumn,
    historyTable,
    historyId,
    historyColumns,
    companyTarget,
    ...rest
  } = f;
  return {
    ...rest,
    potential: { table: potentialTable!, id: potentialId, columns: [potentialColumn] },
    history: historyTable ? { table: historyTable, id: historyId, columns: historyColumns } : null,
    companyTarget: companyTarget!,
    sheet: f.sheet.trim(),
  };
}

/** The form from stored settings (a re-run, or a shared copy of the workbook). */
export function quotaFormFrom(s: QuotaStepSettings): QuotaForm {
  const { potential, history, ...rest } = s;
  return {
    ...rest,
    potentialTable: potential.table,
    potentialId: potential.id,
    potentialColumn: potential.columns[0] ?? "",
    historyTable: history?.table ?? null,
    historyId: history?.id ?? "",
    historyColumns: history?.columns ?? [],
  };
}
