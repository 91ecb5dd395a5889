import { NameClashError, NotOwnedError } from "./host";
import { SheetSpec } from "./sheetSpec";

/**
 * What a staged write must refuse before it touches anything, decided the same way in Excel and
 * in the preview: each host gathers the workbook's sheets, tables and names its own way and asks
 * here. Sheets are told apart by their host id, so a renamed sheet is still recognised.
 */

/** A sheet in the workbook: its host id and its name. */
export interface ExistingSheet {
  /** The host's id for the sheet now. */
  readonly id: string;
  /** Its name as the workbook spells it. */
  readonly name: string;
}

/** The add-in's record of a sheet it wrote, as far as the refusals read it. */
export interface OwnedRecord {
  /** The workbook names the add-in made for it; absent in records older than that list. */
  readonly names?: readonly string[];
}

/** A sheet to write, with what is already there under its name. */
export interface WriteTarget<S extends ExistingSheet, R extends OwnedRecord> {
  /** What to write. */
  readonly spec: SheetSpec;
  /** The sheet of that name already in the workbook, or null. */
  readonly existing: S | null;
  /** The add-in's record of that sheet (undefined when there is no sheet). */
  readonly record: R | undefined;
}

/** The workbook's tables and names as the refusals need them. */
export interface WorkbookNames {
  /** Every table, with the name and id of the sheet it is on. */
  readonly tables: readonly { readonly name: string; readonly sheetName: string; readonly sheetId: string }[];
  /** Every workbook name and what it refers to (`=Sheet!A1` or `='My sheet'!A1`). */
  readonly names: readonly { readonly name: string; readonly reference: string }[];
  /** Ids of sheets about to be removed anyway (a staging sheet left by a write that never finished). */
  readonly leftovers?: ReadonlySet<string>;
}

const lower = (s: string) => s.toLowerCase();

/** True when a name's reference points at the given sheet. */
export function refersToSheet(reference: string, sheet: string): boolean {
  const f = lower(reference);
  const quoted = `'${lower(sheet).replace(/'/g, "''")}'!`;
  return f.startsWith(`=${lower(sheet)}!`) || f.startsWith(`=${quoted}`);
}

/**
 * The targets of a write, each with the sheet already under its name and the add-in's record
 * of it; throws NotOwnedError for a sheet of that name the add-in did not write.
 */
export function resolveTargets<S extends ExistingSheet, R extends OwnedRecord>(
  specs: readonly SheetSpec[],
  sheets: readonly S[],
  recordOf: (sheetId: string) => R | undefined,
): WriteTarget<S, R>[] {
  return specs.map((spec) => {
    const existing = sheets.find((s) => lower(s.name) === lower(spec.name)) ?? null;
    const record = existing ? recordOf(existing.id) : undefined;
    if (existing && !record) throw new NotOwnedError(spec.name);
    return { spec, existing, record };
  });
}

/**
 * Refuses, before anything is written, a write that needs a table or a workbook name of the
 * user's: a table a spec creates already on another sheet (Error saying which), a name a spec
 * defines that the add-in did not make for the sheets being replaced, or that a user's table
 * has (NameClashError). A name counts as the add-in's when the sheet's record lists it or, for
 * records older than that list, when it points at the sheet being replaced.
 */
export function refuseClashes(targets: readonly WriteTarget<ExistingSheet, OwnedRecord>[], facts: WorkbookNames): void {
  const replaced = new Set(targets.flatMap((t) => (t.existing ? [t.existing.id] : [])));
  const gone = facts.leftovers ?? new Set<string>();
  const steppingAside = (id: string) => replaced.has(id) || gone.has(id);
  for (const { spec } of targets) {
    const clash = facts.tables.find(
      (t) => spec.tables.some((s) => lower(s.name) === lower(t.name)) && !steppingAside(t.sheetId),
    );
    if (clash)
      throw new Error(
        `A table named "${clash.name}" already exists on sheet "${clash.sheetName}". Rename that table or choose another name.`,
      );
  }
  const wanted = new Set(targets.flatMap((t) => (t.spec.namedRanges ?? []).map((n) => lower(n.name))));
  for (const n of facts.names)
    if (wanted.has(lower(n.name)) && !isAddInName(targets, n)) throw new NameClashError(n.name);
  const userTable = facts.tables.find((t) => wanted.has(lower(t.name)) && !gone.has(t.sheetId));
  if (userTable) throw new NameClashError(userTable.name);
}

/**
 * True when a workbook name is the add-in's for the sheets being written: the sheet's record
 * lists it or, for records older than that list, a spec wants it and it points at the sheet
 * being replaced. Such names are moved to the new sheets; any other name is the user's.
 */
export function isAddInName(
  targets: readonly WriteTarget<ExistingSheet, OwnedRecord>[],
  n: { readonly name: string; readonly reference: string },
): boolean {
  return targets.some((t) =>
    t.record?.names
      ? t.record.names.some((x) => lower(x) === lower(n.name))
      : !!t.existing &&
        (t.spec.namedRanges ?? []).some((x) => lower(x.name) === lower(n.name)) &&
        refersToSheet(n.reference, t.existing.name),
  );
}
