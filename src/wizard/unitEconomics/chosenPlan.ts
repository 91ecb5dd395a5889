import { StructurePay } from "../../core/unitEconomics";
import { normaliseLabel } from "../../core/winRate";
import { TableData } from "../../workbook/host";
import { StepError } from "../stepRun";

/** Which pay of the unit-economics model a role of the OTE scenarios feeds (names compared trimmed, any case). */
const ROLE_KEYS: Readonly<Record<string, keyof StructurePay>> = {
  sdr: "sdr",
  ae: "ae",
  csr: "csr",
  am: "csr",
  "csr/am": "csr",
  generalist: "generalist",
  pod: "podMember",
  "pod member": "podMember",
};

/** What {@link payFromChosenPlan} found. */
export interface ChosenPay {
  /** The pay, with the chosen scenarios' OTE and base share where a role was chosen. */
  readonly pay: StructurePay;
  /** The pay fields taken from the chosen plan, in table order. */
  readonly fromPlan: readonly (keyof StructurePay)[];
}

/**
 * The pay of the OTE scenarios step's chosen plan (its scenarios table's rows with Chosen =
 * "Yes"): each chosen role's OTE and base share replaces the entered pay for that role. Roles
 * the model does not know are ignored; a role chosen twice keeps the first, as the scenario
 * sheet's own chosen-plan totals count both.
 *
 * @throws StepError naming the table and row when a chosen row's OTE or base share is not a number in range.
 */
export function payFromChosenPlan(table: TableData, entered: StructurePay): ChosenPay {
  const col = (h: string) => table.headers.findIndex((x) => normaliseLabel(x) === normaliseLabel(h));
  const [role, ote, share, chosen] = ["Role", "OTE", "Base share", "Chosen"].map(col);
  if ([role, ote, share, chosen].some((i) => i < 0)) {
    throw new StepError(
      `Table ${table.source} needs Role, OTE, Base share and Chosen columns; run the OTE scenarios step again.`,
    );
  }
  const pay: Record<keyof StructurePay, StructurePay[keyof StructurePay]> = { ...entered };
  const fromPlan: (keyof StructurePay)[] = [];
  table.rows.forEach((row, i) => {
    if (normaliseLabel(String(row[chosen] ?? "")) !== "yes") return;
    const key = ROLE_KEYS[normaliseLabel(String(row[role] ?? ""))];
    if (key === undefined || fromPlan.includes(key)) return;
    const o = row[ote];
    const b = row[share];
    if (typeof o !== "number" || !(o > 0))
      throw new StepError(`Table ${table.source} row ${i + 1}: OTE is ${String(o)}; enter an amount above 0.`);
    if (typeof b !== "number" || !(b >= 0 && b <= 1))
      throw new StepError(`Table ${table.source} row ${i + 1}: base share is ${String(b)}; use 0% to 100%.`);
    pay[key] = { ote: o, baseShare: b };
    fromPlan.push(key);
  });
  return { pay: pay as StructurePay, fromPlan };
}
