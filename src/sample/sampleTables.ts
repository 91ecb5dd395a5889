import { CellSpec, SheetSpec } from "../workbook/sheetSpec";
import { Sample } from "./sampleData";

/** One sample data table and the sheet it goes on. */
export interface SampleTable {
  readonly sheet: string;
  readonly table: string;
  readonly headers: string[];
  readonly rows: (string | number | null)[][];
  readonly numberFormats?: Record<string, string>;
}

/** The sample as the Accounts, Reps, Deals and Activities tables a user would have pasted from the CRM. */
export function sampleTables(sample: Sample): SampleTable[] {
  return [
    {
      sheet: "Accounts",
      table: "Accounts",
      headers: [
        "Account ID",
        "Account",
        "Sector",
        "Region",
        "Potential",
        "Workload",
        "Current Owner",
        "Pinned Owner",
        "Latitude",
        "Longitude",
      ],
      rows: sample.accounts.map((a) => [
        a.id,
        a.name,
        a.sector,
        a.region,
        a.potential,
        a.workload,
        a.currentOwner,
        a.pinnedOwner,
        a.latitude,
        a.longitude,
      ]),
      numberFormats: { Potential: "#,##0" },
    },
    {
      sheet: "Reps",
      table: "Reps",
      headers: ["Rep ID", "Name", "Role", "Manager", "Region", "Prior Year Bookings", "Start Date"],
      rows: sample.reps.map((r) => [r.id, r.name, r.role, r.manager, r.region, r.priorYearBookings, r.startDate]),
      numberFormats: { "Prior Year Bookings": "#,##0", "Start Date": "yyyy-mm-dd" },
    },
    {
      sheet: "Deals",
      table: "Deals",
      // Payout facts at the end, so the columns before them keep their places.
      headers: [
        "Deal ID",
        "Account ID",
        "Owner",
        "Stage",
        "Created",
        "Closed",
        "Amount",
        "Product",
        "Type",
        "Payment Date",
        "Cancel Date",
        "SDR",
        "SDR Share",
      ],
      rows: sample.deals.map((d) => [
        d.id,
        d.accountId,
        d.owner,
        d.stage,
        d.created,
        d.closed,
        d.amount,
        d.product,
        d.type,
        d.paymentDate,
        d.cancelDate,
        d.sdr,
        d.sdrShare,
      ]),
      numberFormats: {
        Created: "yyyy-mm-dd",
        Closed: "yyyy-mm-dd",
        Amount: "#,##0",
        "Payment Date": "yyyy-mm-dd",
        "Cancel Date": "yyyy-mm-dd",
        "SDR Share": "0%",
      },
    },
    {
      sheet: "Activities",
      table: "Activities",
      headers: ["Activity ID", "Date", "Rep", "Account ID", "Type"],
      rows: sample.activities.map((a) => [a.id, a.date, a.rep, a.accountId, a.type]),
      numberFormats: { Date: "yyyy-mm-dd" },
    },
  ];
}

/** Target incentive by role in the sample plan (the variable part of OTE at 100%). */
const TARGET_INCENTIVE: Record<string, number> = { AE: 60_000, "CSR/AM": 35_000 };

/**
 * The sample's "Plan" tab: a tier table, and per closing rep a quota, the won bookings as a live
 * SUMIFS over the Deals table, attainment and payout through the COMP functions, with a summary
 * and one payout explained tier by tier.
 */
export function samplePlanSheet(sample: Sample): SheetSpec {
  const closers = sample.reps.filter((r) => r.role !== "SDR");
  const repsAt = 8;
  const explainAt = repsAt + closers.length + 4;
  const cells: CellSpec[] = [
    { address: "A1", value: "Sample comp plan: quota, attainment and payout per rep", bold: true },
    { address: "D3", value: "Cap (x target incentive)", bold: true },
    { address: "E3", value: 2 },
    { address: "H3", value: "Win rate (won / closed)", bold: true },
    { address: "I3", value: { formula: "=COMP.WIN_RATE(Deals[Stage])" }, numberFormat: "0.0%" },
    { address: "H4", value: "Reps at or above quota", bold: true },
    {
      address: "I4",
      value: { formula: '=COUNTIF(PlanReps[Attainment],">=1")/COUNT(PlanReps[Attainment])' },
      numberFormat: "0.0%",
    },
    { address: "H5", value: "Total payout", bold: true },
    { address: "I5", value: { formula: "=SUM(PlanReps[Payout])" }, numberFormat: "#,##0" },
    { address: "H6", value: "CAC", bold: true },
    {
      address: "I6",
      value: { formula: "=COMP.CAC(Marketing[Spend],Marketing[New Customers])" },
      numberFormat: "#,##0",
    },
    { address: `A${explainAt - 1}`, value: `Why is ${closers[0].name}'s payout this number?`, bold: true },
    {
      address: `A${explainAt}`,
      value: {
        formula: `=COMP.PAYOUT_EXPLAIN(INDEX(PlanReps[Attainment],1),INDEX(PlanReps[Target Incentive],1),PlanTiers,"MARGINAL",,PlanCap)`,
      },
    },
  ];
  return {
    name: "Plan",
    tables: [
      {
        name: "PlanTiers",
        anchor: "A3",
        headers: ["Lower bound", "Rate"],
        rows: [
          [0, 1],
          [1, 1.5],
          [1.25, 2],
        ],
        numberFormats: { "Lower bound": "0%" },
      },
      {
        name: "PlanReps",
        anchor: `A${repsAt}`,
        headers: ["Rep ID", "Name", "Role", "Quota", "Actual", "Attainment", "Target Incentive", "Payout"],
        rows: closers.map((r) => [
          r.id,
          r.name,
          r.role,
          Math.round((r.priorYearBookings * 1.1) / 1000) * 1000,
          {
            formula:
              '=SUMIFS(Deals[Amount],Deals[Owner],[@[Rep ID]],Deals[Stage],"Won")+SUMIFS(Deals[Amount],Deals[Owner],[@[Rep ID]],Deals[Stage],"Closed Won")',
          },
          { formula: "=COMP.QUOTA_ATTAINMENT([@Actual],[@Quota])" },
          TARGET_INCENTIVE[r.role],
          { formula: '=COMP.PAYOUT([@Attainment],[@[Target Incentive]],PlanTiers,"MARGINAL",,PlanCap)' },
        ]),
        numberFormats: {
          Quota: "#,##0",
          Actual: "#,##0",
          Attainment: "0.0%",
          "Target Incentive": "#,##0",
          Payout: "#,##0",
        },
      },
      {
        name: "Marketing",
        anchor: "K8",
        headers: ["Quarter", "Spend", "New Customers"],
        rows: [
          ["Q1", 180_000, 41],
          ["Q2", 210_000, 47],
          ["Q3", 195_000, 38],
          ["Q4", 240_000, 52],
        ],
        numberFormats: { Spend: "#,##0" },
      },
    ],
    cells,
    namedRanges: [{ name: "PlanCap", address: "E3" }],
    columnWidths: { A: 70, B: 110, H: 150 },
    charts: [
      {
        type: "column",
        title: "Attainment by rep",
        anchor: "K14",
        categories: { table: "PlanReps", column: "Rep ID" },
        series: [{ name: "Attainment", values: { table: "PlanReps", column: "Attainment" } }],
      },
    ],
  };
}
