import fc from "fast-check";
import { computeScorecards, DataTable, KpiDefinition, KpiPlan, RowFilter } from "../../src/core/kpiPlan";
import { splitTerritories } from "../../src/core/territories";
import { excelReadsAs } from "../../src/workbook/excelReading";
import { excelTrim } from "../../src/core/text";
import { CellInput, SheetSpec } from "../../src/workbook/sheetSpec";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { PreviewHost } from "../../src/workbook/previewHost";
import { leaderboardSheet, scorecardsSheet } from "../../src/wizard/kpi/kpiSheets";
import { KPI_NAMES } from "../../src/wizard/kpi/layout";
import { territoryTableNames } from "../../src/wizard/territories/layout";
import { territoriesSheet } from "../../src/wizard/territories/territoriesSheet";

/**
 * User text of every kind the generated formulas must survive: leading = + - @, wildcards,
 * quotes, brackets, apostrophes, #, spaces, letters of several scripts, accents, emoji.
 * Left out: text Excel itself reads as a number, date or boolean ("00123", "5%", "TRUE"; the
 * Data step reports those cells), and characters a text comparison ignores (controls,
 * format characters, combining marks: "é" written as e + accent equals "é" in Excel).
 */
const PIECES = [
  "=",
  "+",
  "-",
  "@",
  "*",
  "?",
  "~",
  '"',
  "'",
  "[",
  "]",
  "#",
  " ",
  "<",
  ">",
  "<>",
  "&",
  ",",
  ":",
  ";",
  "(",
  ")",
  "!",
  "$",
  "%",
  "\\",
  "{",
  "}",
];
const LETTERS = [
  "a",
  "B",
  "z",
  "é",
  "É",
  "ø",
  "ß",
  "Ж",
  "я",
  "中",
  "日本",
  "ع",
  "😀",
  "1",
  "0",
  "_",
  ".",
  "1+1",
  "SUM(",
  "HYPERLINK(",
];
const piece = fc.constantFrom(...PIECES, ...LETTERS, ...LETTERS);
const looksLikeValue = (s: string) =>
  (excelReadsAs(s) ?? { kind: "formula" }).kind !== "formula" || /^\s*[-+]?\$/.test(s);
const text = fc
  .array(piece, { minLength: 1, maxLength: 5 })
  .map((p) => p.join(""))
  .filter((s) => s.trim() !== "" && !looksLikeValue(s));

/** Texts that are distinct however they are compared: trimmed (as JavaScript and as TRIM do), any case, and by the engine's collation. */
const collator = new Intl.Collator("en-US", { sensitivity: "accent" });
const distinctTexts = (min: number, max: number) =>
  fc.uniqueArray(text, {
    minLength: min,
    maxLength: max,
    comparator: (a, b) =>
      a.trim().toLowerCase() === b.trim().toLowerCase() ||
      excelTrim(a).toLowerCase() === excelTrim(b).toLowerCase() ||
      collator.compare(a, b) === 0 ||
      collator.compare(a.trim(), b.trim()) === 0,
  });

const MONTH = "2026-10";
const IN_MONTH = [46296, 46300, 46326]; // 2026-10-01, -05, -31
const OUT_OF_MONTH = [46295, 46327]; // 2026-09-30, 2026-11-01

async function bookWith(data: SheetSpec): Promise<{ wb: PreviewWorkbook; host: PreviewHost }> {
  const wb = new PreviewWorkbook();
  const host = new PreviewHost(wb, () => new Date("2026-11-23T10:00:00Z"));
  await host.writeSheet(data);
  return { wb, host };
}

function tableRows(wb: PreviewWorkbook, name: string): Record<string, unknown>[] {
  const t = wb.tables().find((x) => x.name === name)!;
  return Array.from({ length: t.rowCount }, (_, r) =>
    Object.fromEntries(
      t.headers.map((h, c) => [h, wb.cell(t.sheet, { row: t.anchor.row + 1 + r, col: t.anchor.col + c }).value]),
    ),
  );
}

describe("hostile user text in generated formulas: the engine equals the core", () => {
  test("scorecards and leaderboard, with any person ids, column names and filter values", async () => {
    const scenario = fc
      .record({
        ids: distinctTexts(1, 4),
        columns: distinctTexts(5, 5),
        labels: distinctTexts(3, 4),
        role: text,
      })
      .chain((s) =>
        fc.record({
          s: fc.constant(s),
          rows: fc.array(
            fc.record({
              // As typed in a CRM: sometimes with spaces around it (the core and the sheet both trim).
              person: fc
                .tuple(fc.oneof(fc.constantFrom(...s.ids), fc.constant("nobody")), fc.constantFrom("", " ", "  "))
                .map(([id, pad]) => `${pad}${id}${pad}`),
              date: fc.constantFrom(...IN_MONTH, ...OUT_OF_MONTH),
              amount: fc.oneof(fc.integer({ min: -50, max: 1000 }), fc.constant(null)),
              label: fc.tuple(fc.constantFrom(...s.labels), fc.constantFrom("", " ")).map(([l, pad]) => `${l}${pad}`),
            }),
            { maxLength: 25 },
          ),
          filter: fc.subarray(s.labels, { minLength: 1 }),
        }),
      );
    await fc.assert(
      fc.asyncProperty(scenario, async ({ s, rows, filter }) => {
        const [person, date, amount, label, started] = s.columns;
        const headers = [person, date, amount, label, started];
        const data: DataTable = {
          headers,
          rows: rows.map((r) => [r.person, r.date, r.amount ?? "", r.label, r.date - 3]),
        };
        const base = { table: "Data", person, date, filters: [] as RowFilter[] };
        const kpi = (name: string, m: KpiDefinition["measure"]): KpiDefinition => ({
          name,
          measure: m,
          target: 3,
          weight: 0.25,
          curve: { tiers: [{ lower: 0, rate: 1 }], mode: "MARGINAL", threshold: null, cap: null },
        });
        const plan: KpiPlan = {
          roles: [
            {
              role: s.role,
              targetBonus: 1000,
              kpis: [
                kpi("count", { ...base, aggregate: "count", filters: [{ column: label, values: filter }] }),
                kpi("sum", { ...base, aggregate: "sum", value: amount, filters: [{ column: label, values: filter }] }),
                kpi("average", { ...base, aggregate: "average", value: amount }),
                kpi("win rate", {
                  ...base,
                  aggregate: "win-rate",
                  outcome: { column: label, won: [s.labels[0]], lost: [s.labels[1], s.labels[2]] },
                }),
                kpi("cycle", { ...base, aggregate: "cycle", start: started }),
              ],
            },
          ],
        };
        const people = s.ids.map((id) => ({ id, role: s.role }));
        const core = computeScorecards(plan, people, new Map([["data", data]]), MONTH);
        const { wb, host } = await bookWith({
          name: "Data",
          tables: [{ name: "Data", anchor: "A1", headers, rows: data.rows as CellInput[][] }],
        });
        const version = { version: 1, effective: MONTH, changedAt: "2026-09-20T10:00:00Z", plan };
        await host.writeSheet(scorecardsSheet({ month: MONTH, version }, people));
        await host.writeSheet(leaderboardSheet(MONTH, core.people, true));

        const lines = tableRows(wb, KPI_NAMES.lines);
        expect(lines.map((l) => l["Person"])).toEqual(core.lines.map((l) => l.person));
        core.lines.forEach((l, i) => {
          expect([l.kpi, lines[i]["Actual"]]).toEqual([l.kpi, l.actual]);
          expect(lines[i]["Payout"]).toBeCloseTo(l.payout, 9);
        });
        const bonus = tableRows(wb, KPI_NAMES.bonus);
        core.people.forEach((p, i) =>
          expect([p.person, bonus[i]["Bonus"]]).toEqual([p.person, expect.closeTo(p.bonus, 9)]),
        );
        const board = tableRows(wb, KPI_NAMES.leaderboard);
        const byPerson = new Map(core.people.map((p) => [p.person, p]));
        board.forEach((row) => {
          const p = byPerson.get(String(row["Person"]))!;
          expect([p.person, row["Rank"], row["Role"]]).toEqual([p.person, p.rank, p.role]);
          expect(row["Bonus"]).toBeCloseTo(p.bonus, 9);
        });
      }),
      { numRuns: 60 },
    );
  });

  test("territories, with any account ids and territory names", async () => {
    const scenario = fc.record({ seats: distinctTexts(2, 4), ids: distinctTexts(3, 12) }).chain((s) =>
      fc.record({
        s: fc.constant(s),
        accounts: fc.tuple(
          ...s.ids.map((id) =>
            fc.record({
              id: fc.constant(id),
              potential: fc.integer({ min: 1, max: 1000 }),
              owner: fc.oneof(fc.constantFrom(...s.seats), fc.constant(null)),
            }),
          ),
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(scenario, async ({ s, accounts }) => {
        const result = splitTerritories(accounts, {
          reps: s.seats.map((name) => ({ name, capacity: 1 })),
          minimiseDisruption: true,
        });
        const wb = new PreviewWorkbook();
        const host = new PreviewHost(wb);
        await host.writeSheet(territoriesSheet("Territories", accounts, result, null));
        const summary = tableRows(wb, territoryTableNames("Territories").summary);
        result.territories.forEach((t, i) => {
          expect([summary[i]["Territory"], summary[i]["Accounts"], summary[i]["Potential"]]).toEqual([
            t.seat.name,
            t.accounts,
            t.potential,
          ]);
          expect([t.seat.name, summary[i]["Moved in"], summary[i]["Moved out"]]).toEqual([
            t.seat.name,
            t.movedIn,
            t.movedOut,
          ]);
        });
        const moved = tableRows(wb, territoryTableNames("Territories").accounts).filter(
          (r) => r["Moved?"] === "Yes",
        ).length;
        expect(moved).toBe(result.moved);
      }),
      { numRuns: 60 },
    );
  });
});
