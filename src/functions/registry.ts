import { CAC } from "./cac";
import { FunctionSpec } from "./functionSpec";
import {
  ATTAINMENT_SHARE,
  AVG_DEAL_SIZE,
  COMMISSION_RATE,
  CONVERSION,
  COST_OF_SALES,
  KPI_BONUS,
  PAY_MIX,
  REVENUE_CONCENTRATION,
  SALES_CYCLE,
} from "./kpis";
import { PAYOUT, PAYOUT_EXPLAIN } from "./payout";
import { CLAWBACK, DRAW, PRORATE, RUNNING_PAYOUT, SPLIT_CREDIT } from "./payoutRules";
import { QUOTA_ATTAINMENT } from "./quotaAttainment";
import { CAC_PAYBACK, FUNNEL, LEAD_GROWTH, LTV, LTV_TO_CAC } from "./unitEconomics";
import { WIN_RATE } from "./winRate";

export type { FunctionSpec, Shape } from "./functionSpec";
export type { Param, ParamKind } from "./params";

/**
 * Every COMP function as a row of a table (as HyperFormula declares its functions): each
 * declared once, with its parameters, next to its body (see params.ts and functionSpec.ts). The
 * Excel entry points in functions.ts, the preview's engine plugin, Explain and the metadata
 * test all read from here.
 */
export const COMP_FUNCTIONS: readonly FunctionSpec[] = [
  QUOTA_ATTAINMENT,
  PAYOUT,
  PAYOUT_EXPLAIN,
  CAC,
  WIN_RATE,
  AVG_DEAL_SIZE,
  SALES_CYCLE,
  CONVERSION,
  REVENUE_CONCENTRATION,
  ATTAINMENT_SHARE,
  COST_OF_SALES,
  COMMISSION_RATE,
  PAY_MIX,
  KPI_BONUS,
  CAC_PAYBACK,
  LTV,
  LTV_TO_CAC,
  LEAD_GROWTH,
  FUNNEL,
  RUNNING_PAYOUT,
  SPLIT_CREDIT,
  PRORATE,
  DRAW,
  CLAWBACK,
];
