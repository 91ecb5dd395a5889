/**
 * Back-test settings as stored in a workbook, validated with zod. Fields added after the first
 * release are optional here, so settings stored before them still load: a role's draw amount
 * (absent: none), a credit column's default share (absent: 100%), the actual payouts table
 * (absent: none), what to do with deals outside the year (absent: refuse) and which plan the
 * statements are for (absent: proposed).
 */
import { z } from "zod";
import { PAYOUT_MODES } from "../../core/tiers";
import { BacktestSettings } from "./backtestSettings";

const text = z.string();
const column = z.string().nullable();
const share = z.number().min(0).max(1);
const months = z.number().int().positive();

const CURVE = z.object({
  tiers: z.array(z.object({ lower: z.number(), rate: z.number() })),
  mode: z.enum(PAYOUT_MODES as ["MARGINAL", "RETRO"]),
  threshold: z.number().nullable(),
  cap: z.number().nullable(),
});

const ROLE_PLAN = z.object({
  role: text,
  targetIncentive: z.number(),
  curve: CURVE,
  curveOn: z.enum(["ATTAINMENT", "AMOUNT"]),
  attainment: z.enum(["RUNNING", "RESET"]),
  stages: z.array(text).nullable(),
  splits: z.enum(["EXACT", "ANY"]),
  proration: z.enum(["DAYS", "MONTHS", "NONE"]),
  draw: z.object({ recoverable: z.boolean(), recoveryLimit: share }).nullable(),
  drawAmount: z.number().min(0).nullable().optional(),
  clawback: z
    .object({
      method: z.union([z.literal("PRORATED"), z.literal("FULL"), share]),
      windowMonths: z.number().nullable(),
      termMonths: z.number(),
    })
    .nullable(),
  payTiming: z
    .discriminatedUnion("kind", [
      z.object({ kind: z.literal("BOOKING") }),
      z.object({ kind: z.literal("PAYMENT") }),
      z.object({ kind: z.literal("HOLDBACK"), share, months }),
    ])
    .nullable(),
});

const PLAN = z.object({ name: text, roles: z.array(ROLE_PLAN) });

const CREDITS = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("owner") }),
  z.object({
    kind: z.literal("columns"),
    columns: z.array(z.object({ person: text, share: column, defaultShare: share.nullable().optional() })),
    firstIsSdr: z.boolean().optional(),
  }),
  z.object({ kind: z.literal("table"), table: text, deal: text, person: text, share: text, role: column }),
]);

const SETTINGS = z.object({
  deals: z.object({
    table: text,
    deal: text,
    owner: text,
    amount: text,
    closeDate: text,
    stage: text,
    paymentDate: column,
    cancelDate: column,
    term: column.default(null),
    credits: CREDITS,
  }),
  people: z.object({
    table: text,
    id: text,
    role: text,
    start: column,
    end: column,
    quota: column.default(null),
    draw: column.default(null),
  }),
  year: z.number().int(),
  periods: z.enum(["months", "quarters"]),
  quotas: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("people") }),
    z.object({ kind: z.literal("sheet"), table: text, per: z.enum(["month", "quarter", "year"]) }),
    z.object({ kind: z.literal("role"), annual: z.record(z.string(), z.number()) }),
  ]),
  current: PLAN,
  proposed: PLAN,
  actual: z.object({ table: text, person: text, amount: text }).nullable().default(null),
  outsideYear: z.enum(["refuse", "skip"]).default("refuse"),
  statementsFor: z.enum(["current", "proposed"]).default("proposed"),
});

/**
 * Stored back-test settings in today's shape, or null when they are not the back-test's (a
 * missing table, a year that is not a number, a plan without roles' curves, a share above 100%).
 */
export function parseStoredBacktest(stored: unknown): BacktestSettings | null {
  const r = SETTINGS.safeParse(stored);
  return r.success ? (r.data as BacktestSettings) : null;
}
