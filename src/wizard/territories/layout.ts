/**
 * The layout of the sheet the territory step writes, declared once: the sheet writer builds it
 * and Explain reads it from these names and columns.
 */
import { namePrefix } from "../../workbook/sheetSpec";

/** The default name of the sheet the territory step writes. */
export const TERRITORIES_SHEET = "Territories";

/** The summary table's columns, in order: one row per territory. */
export const SUMMARY_COLUMNS = [
  "Territory",
  "Capacity",
  "Group",
  "Accounts",
  "Potential",
  "% of mean",
  "Workload",
  "Workload % of mean",
  "Moved in",
  "Moved out",
  "Off mean",
  "Note",
] as const;

/** The assignment table's columns, in order: one row per account. */
export const ACCOUNT_COLUMNS = [
  "Account",
  "Territory",
  "Potential",
  "Workload",
  "Group",
  "Previous owner",
  "Moved?",
] as const;

/** The columns of an account Explain lists under a territory's figure. */
export const ACCOUNT_DETAIL_COLUMNS = [
  "Potential",
  "Workload",
  "Previous owner",
  "Moved?",
] as const satisfies readonly (typeof ACCOUNT_COLUMNS)[number][];

/** Table names derived from the sheet name, so a second territories sheet gets its own. */
export function territoryTableNames(sheet: string): { summary: string; accounts: string } {
  const base = namePrefix(sheet);
  return { summary: `${base}_Summary`, accounts: `${base}_Accounts` };
}
