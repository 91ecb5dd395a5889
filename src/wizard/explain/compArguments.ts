import { isoDate } from "../../core/dates";
import { COMP_FUNCTIONS } from "../../functions/registry";
import { TableInfo, WorkbookHost } from "../../workbook/host";
import { ExplainedInput, show } from "./explanation";
import { describeValue, expressionValue, FormulaCell, referenceValue } from "./references";

/** The top-level arguments of the first COMP call in a formula, as written. */
export function compCall(formula: string): { id: string; args: string[] } | null {
  const m = /COMP\.([A-Z_]+)\s*\(/i.exec(formula);
  if (!m) return null;
  const args: string[] = [];
  let depth = 0;
  let brackets = 0;
  let quoted = false;
  let current = "";
  for (let i = m.index + m[0].length; i < formula.length; i++) {
    const ch = formula[i];
    // Inside a structured reference's brackets, ' escapes the next character ('[ '] '# '').
    if (brackets > 0 && ch === "'") {
      current += ch + (formula[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === '"' && brackets === 0) quoted = !quoted;
    if (!quoted && ch === "[") brackets++;
    if (!quoted && ch === "]") brackets--;
    if (!quoted && (ch === "(" || ch === "{" || ch === "[")) depth++;
    if (!quoted && (ch === ")" || ch === "}" || ch === "]")) {
      if (depth === 0) {
        args.push(current.trim());
        return { id: m[1].toUpperCase(), args };
      }
      depth--;
    }
    if (!quoted && ch === "," && depth === 0) {
      args.push(current.trim());
      current = "";
    } else current += ch;
  }
  return null;
}

/** An argument's value: a number, a text literal, or a reference read from the workbook; null when it is an expression. */
async function argumentValue(
  host: WorkbookHost,
  tables: readonly TableInfo[],
  at: FormulaCell,
  text: string,
): Promise<{ value: unknown; source: string } | null> {
  if (text === "") return { value: null, source: "left out" };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { value: Number(text), source: "typed in the formula" };
  if (/^".*"$/.test(text)) return { value: text.slice(1, -1).replace(/""/g, '"'), source: "typed in the formula" };
  return referenceValue(host, tables, at, text);
}

/** A COMP call's arguments: each with its value and origin, and their values (null where unknown). */
export interface CompArguments {
  readonly id: string;
  readonly inputs: ExplainedInput[];
  readonly values: unknown[];
  /** True when every argument's value is known (so the call can be traced, e.g. tier by tier). */
  readonly resolved: boolean;
}

/**
 * The first COMP call of a formula, argument by argument, as Excel's Evaluate Formula shows it:
 * literals, references (this row's cell for [@Column], the rows of a whole column), and
 * expressions with each of their references' values and, for plain arithmetic, the result.
 */
export async function compArguments(
  host: WorkbookHost,
  tables: readonly TableInfo[],
  at: FormulaCell,
  formula: string,
): Promise<CompArguments | null> {
  const call = compCall(formula);
  const def = call ? COMP_FUNCTIONS.find((f) => f.id === call.id) : undefined;
  if (!call || !def) return null;
  const inputs: ExplainedInput[] = [];
  const values: unknown[] = [];
  let resolved = true;
  for (const [i, p] of def.params.entries()) {
    const text = call.args[i] ?? "";
    const v = await argumentValue(host, tables, at, text);
    if (v) {
      values.push(v.value);
      // A date argument (start_date, end_date) shows as a date, not as its serial number.
      const shown = /date$/i.test(p.name) && typeof v.value === "number" ? isoDate(v.value) : describeValue(v.value);
      inputs.push({ label: p.name, value: shown, source: v.source });
      continue;
    }
    const e = await expressionValue(host, tables, at, text);
    if (e.value === null) resolved = false;
    values.push(e.value);
    inputs.push({
      label: p.name,
      value: e.value === null ? text : show(e.value),
      source: e.parts ? `${text}, where ${e.parts}` : "an expression: its parts are in the formula",
    });
  }
  return { id: def.id, inputs, values, resolved };
}
