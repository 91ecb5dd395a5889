import { KpiDefinition, KpiPlan } from "../../core/kpiPlan";
import { PayoutCurve } from "../../core/tiers";

/** The default KPI curve: nothing below 50%, 1x to 100%, 1.5x above, capped at 2x the component's target. */
export const DEFAULT_KPI_CURVE: PayoutCurve = {
  tiers: [
    { lower: 0, rate: 1 },
    { lower: 1, rate: 1.5 },
  ],
  mode: "MARGINAL",
  threshold: 0.5,
  cap: 2,
};

const WON = { column: "Stage", values: ["Won", "Closed Won"] };

const kpi = (name: string, measure: KpiDefinition["measure"], target: number, weight: number): KpiDefinition => ({
  name,
  measure,
  target,
  weight,
  curve: DEFAULT_KPI_CURVE,
});
const activities = (type: string): KpiDefinition["measure"] => ({
  table: "Activities",
  person: "Rep",
  date: "Date",
  aggregate: "count",
  filters: [{ column: "Type", values: [type] }],
});
const wonRevenue = (type: string): KpiDefinition["measure"] => ({
  table: "Deals",
  person: "Owner",
  date: "Closed",
  aggregate: "sum",
  value: "Amount",
  filters: [WON, { column: "Type", values: [type] }],
});

/**
 * The starting plan, from domain.md's KPIs per role, on the tables of a CRM export like the
 * sample's (Deals: Owner, Stage, Closed, Amount, Type; Activities: Rep, Date, Type). Targets are
 * per person per month and are placeholders to set with the sales leaders. SDR "pipeline
 * created" is left out: it needs a column crediting the SDR on each deal, which the sample lacks.
 */
export const DEFAULT_KPI_PLAN: KpiPlan = {
  roles: [
    {
      role: "SDR",
      targetBonus: 1500,
      kpis: [
        kpi("Qualified meetings", activities("Meeting"), 16, 0.6),
        kpi("Sales-qualified leads", activities("SQL"), 6, 0.4),
      ],
    },
    {
      role: "AE",
      targetBonus: 4000,
      kpis: [
        kpi("New revenue", wonRevenue("New"), 40_000, 0.6),
        kpi(
          "Win rate",
          {
            table: "Deals",
            person: "Owner",
            date: "Closed",
            aggregate: "win-rate",
            filters: [],
            outcome: { column: "Stage", won: ["Won", "Closed Won"], lost: ["Lost", "Closed Lost"] },
          },
          0.3,
          0.2,
        ),
        kpi(
          "Average deal size",
          { table: "Deals", person: "Owner", date: "Closed", aggregate: "average", value: "Amount", filters: [WON] },
          18_000,
          0.2,
        ),
      ],
    },
    {
      role: "CSR/AM",
      targetBonus: 2500,
      kpis: [
        kpi("Renewal revenue", wonRevenue("Renewal"), 25_000, 0.5),
        kpi("Upsell revenue", wonRevenue("Upsell"), 15_000, 0.5),
      ],
    },
  ],
};
