import { dateSerial } from "../../../src/core/dates";
import { PayoutCurve } from "../../../src/core/tiers";
import { PreviewWorkbook } from "../../../src/workbook/preview/previewWorkbook";
import { PreviewHost, writeSpec } from "../../../src/workbook/previewHost";
import { BacktestPlan, BacktestRolePlan, BacktestSettings } from "../../../src/wizard/backtest/backtestSettings";

/** A 2026 date serial. */
export const d = (m: number, day: number) => dateSerial(2026, m, day);

export const DEAL_HEADERS = [
  "Deal ID",
  "Owner",
  "Stage",
  "Closed",
  "Amount",
  "Payment Date",
  "Cancel Date",
  "SDR",
  "SDR Share",
];
export const PEOPLE_HEADERS = ["Rep ID", "Role", "Start Date", "End Date", "Quota", "Draw"];

/** A workbook holding Deals and People tables (and any others), and its host. */
export function book(
  deals: unknown[][],
  people: unknown[][],
  more: { sheet: string; table: string; headers: string[]; rows: unknown[][] }[] = [],
) {
  const wb = new PreviewWorkbook();
  const tables = [
    { sheet: "Deals", table: "Deals", headers: DEAL_HEADERS, rows: deals },
    { sheet: "People", table: "People", headers: PEOPLE_HEADERS, rows: people },
    ...more,
  ];
  for (const t of tables) {
    wb.addSheet(t.sheet);
    writeSpec(wb, {
      name: t.sheet,
      tables: [{ name: t.table, anchor: "A1", headers: t.headers, rows: t.rows as never }],
    });
  }
  return { wb, host: new PreviewHost(wb) };
}

/** A table's rows as the engine computed them, by header. */
export function rowsOf(wb: PreviewWorkbook, table: string): Record<string, unknown>[] {
  const t = wb.tables().find((x) => x.name === table)!;
  return Array.from({ length: t.rowCount }, (_, r) =>
    Object.fromEntries(
      t.headers.map((h, c) => [h, wb.cell(t.sheet, { row: t.anchor.row + 1 + r, col: t.anchor.col + c }).value]),
    ),
  );
}

export const curve = (tiers: [number, number][], over: Partial<PayoutCurve> = {}): PayoutCurve => ({
  tiers: tiers.map(([lower, rate]) => ({ lower, rate })),
  mode: "MARGINAL",
  threshold: null,
  cap: null,
  ...over,
});

/** A role plan with the defaults the tests override: attainment tiers 1x / 1.5x from 100%, running, won deals. */
export const rolePlan = (role: string, over: Partial<BacktestRolePlan> = {}): BacktestRolePlan => ({
  role,
  targetIncentive: 60000,
  curve: curve([
    [0, 1],
    [1, 1.5],
  ]),
  curveOn: "ATTAINMENT",
  attainment: "RUNNING",
  stages: ["Won"],
  splits: "EXACT",
  proration: "DAYS",
  draw: null,
  clawback: null,
  payTiming: null,
  ...over,
});

export const plan = (name: string, roles: BacktestRolePlan[]): BacktestPlan => ({ name, roles });

/** Settings over the fixture's Deals and People tables, owner credit plus an SDR column. */
export function settings(
  current: BacktestPlan,
  proposed: BacktestPlan,
  over: Partial<BacktestSettings> = {},
): BacktestSettings {
  return {
    deals: {
      table: "Deals",
      deal: "Deal ID",
      owner: "Owner",
      amount: "Amount",
      closeDate: "Closed",
      stage: "Stage",
      paymentDate: "Payment Date",
      cancelDate: "Cancel Date",
      term: null,
      credits: { kind: "columns", columns: [{ person: "SDR", share: "SDR Share" }] },
    },
    people: {
      table: "People",
      id: "Rep ID",
      role: "Role",
      start: "Start Date",
      end: "End Date",
      quota: "Quota",
      draw: "Draw",
    },
    year: 2026,
    periods: "months",
    quotas: { kind: "people" },
    current,
    proposed,
    actual: null,
    outsideYear: "refuse",
    statementsFor: "proposed",
    ...over,
  };
}
