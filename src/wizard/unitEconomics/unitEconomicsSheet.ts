import { mixBand } from "../../core/scenarios";
import {
  checkUnitEconomicsInput,
  FUNNEL_STAGES,
  HEALTHY_LTV_TO_CAC,
  LOAD_DECIMALS,
  MIN_ASSEMBLY_PEOPLE,
  POD_MAX_PEOPLE,
  POD_MIN_CLIENTS,
  POD_SENSIBLE_CLIENTS,
  RolePay,
  StructureKind,
  UnitEconomicsInput,
  warningText,
} from "../../core/unitEconomics";
import { cellAddress, columnLetter, parseCell } from "../../workbook/a1";
import { checkFactSources, FactSources, factWarnings } from "../../core/unitEconomics";
import { WARNING_PREFIX } from "../sheetWarnings";
import { factFormulas } from "./factFormulas";
import { CellInput, CellSpec, namePrefix, NamedRangeSpec, SheetSpec } from "../../workbook/sheetSpec";

/** The default name of the unit-economics sheet. */
export const UNIT_ECONOMICS_SHEET = "Unit Economics";

/** Table and cell names on the sheet, derived from the sheet name. */
export function unitEconomicsNames(sheet: string) {
  const p = namePrefix(sheet);
  return {
    channels: `${p}_Channels`,
    pay: `${p}_Pay`,
    structures: `${p}_Structures`,
    cash: `${p}_Cash`,
    cell: (what: string) => `${p}_${what}`,
  };
}

/** The channel table: inputs (editable) first, then results (formulas). */
export const CHANNEL_INPUT_HEADERS = [
  "Channel",
  "Spend",
  "Leads",
  "Lead to qualified",
  "Qualified to meeting",
  "Meeting to won",
  "Average deal",
  "Gross margin",
  "Monthly churn",
  "Fact spend",
  "Fact leads",
  "Fact qualified",
  "Fact meetings",
  "Fact won",
  "Fact revenue",
  "Fact channel",
] as const;

/** The channel table's result columns (the horizon's month is in one header). */
export const channelResultHeaders = (months: number) =>
  [
    "Qualified",
    "Meetings",
    "Customers",
    "New revenue",
    `Customers at month ${months}`,
    "Sales cost",
    "CAC",
    "Payback months",
    "LTV",
    "LTV/CAC",
    "Fact CAC",
    "Warnings",
  ] as const;

/** The structure table's headers. */
export const STRUCTURE_HEADERS = [
  "Structure",
  "SDR",
  "AE",
  "CSR",
  "Generalists",
  "PODs",
  "People per POD",
  "Headcount",
  "Utilisation",
  "SDR utilisation",
  "AE utilisation",
  "CSR utilisation",
  "Monthly compensation",
  "Annual compensation",
  "Acquisition cost",
  "Cost of sales",
  "CAC",
  "Payback months",
  "LTV/CAC",
  "Break-even month",
  "Warnings",
] as const;

/** The roles whose pay each structure uses, as the pay table lists them. */
const PAY_ROLES: Readonly<Record<StructureKind, readonly { role: string; pay: (i: UnitEconomicsInput) => RolePay }[]>> =
  {
    Assembly: [
      { role: "SDR", pay: (i) => i.pay.sdr },
      { role: "AE", pay: (i) => i.pay.ae },
      { role: "CSR", pay: (i) => i.pay.csr },
    ],
    Island: [{ role: "Generalist", pay: (i) => i.pay.generalist }],
    POD: [{ role: "POD member", pay: (i) => i.pay.podMember }],
  };

/** A text for a formula: quotes doubled, inside quotes. */
const str = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** A warning sentence with one number in it, as a formula expression that puts `expr` where the number goes. */
function sentence(template: (n: number) => string, expr: string): string {
  const SENTINEL = 987654321;
  const [before, after] = template(SENTINEL).split(String(SENTINEL));
  return `${str(before)}&${expr}&${str(`${after} `)}`;
}

/** Whole people for a workload expression: at least one, rounded up after rounding off binary noise (as the core does). */
const people = (load: string) => `MAX(1,ROUNDUP(ROUND(${load},${LOAD_DECIMALS}),0))`;

const f = (formula: string): CellInput => ({ formula });

/** Rows per channel in the plan-vs-fact block: plan, fact, fact / plan, fact - plan. */
const FUNNEL_BLOCK_ROWS = 4;

/**
 * The "Unit Economics" sheet: capacities and market size, the pay of each structure's roles,
 * one row per acquisition channel (inputs you can edit, then live results: the funnel through
 * COMP.FUNNEL, customers, revenue, CAC with the sales team's acquisition pay in it
 * (COMP.CAC), payback (COMP.CAC_PAYBACK), LTV (COMP.LTV), LTV/CAC (COMP.LTV_TO_CAC)), the
 * funnel plan vs fact, one row per structure (people per role from the capacities, utilisation,
 * compensation, cost of sales (COMP.COST_OF_SALES), blended CAC, break-even month, warnings),
 * and the cumulative cash per structure month by month, with a chart. Every figure is a formula
 * over the inputs on the sheet, computing what {@link unitEconomics} computes. With `facts`,
 * the channels' fact columns (meetings, won, new revenue, and qualified with an Activities table)
 * are SUMPRODUCT formulas over the Deals and Activities tables in the period on the sheet
 * ({@link factFormulas}); without, they are the input's figures to type over.
 *
 * @param warnings the facts' warnings ({@link factWarnings}), shown on row 3; a caller that has
 * worked them out passes them rather than have them worked out again.
 * @throws UnitEconomicsInputError for bad input (of the plan, or of the fact tables), before anything is built.
 */
export function unitEconomicsSheet(
  input: UnitEconomicsInput,
  sheet = UNIT_ECONOMICS_SHEET,
  facts?: FactSources,
  warnings: readonly string[] = facts ? factWarnings(facts) : [],
): SheetSpec {
  checkUnitEconomicsInput(input);
  if (facts)
    checkFactSources(
      facts,
      input.channels.map((c) => c.name),
    );
  const months = input.horizonMonths ?? 24;
  const n = unitEconomicsNames(sheet);
  const N = n.cell;
  const CH = n.channels;
  const cells: CellSpec[] = [];
  const names: NamedRangeSpec[] = [];
  const label = (address: string, text: string, bold = false) => cells.push({ address, value: text, bold });
  const named = (address: string, name: string, value: CellInput, numberFormat?: string) => {
    cells.push({ address, value, numberFormat });
    names.push({ name: N(name), address });
  };

  label("A1", "Unit economics: acquisition channels, the team they need, and what it costs", true);
  label(
    "A2",
    `Edit any input (capacities, pay, a channel's spend, leads, rates, deal, margin, churn or facts) and the results recalculate. CAC includes the sales team's acquisition pay under ${input.structures[0]}; cash over ${months} months.`,
  );

  // Capacities and market.
  if (warnings.length) label("A3", `${WARNING_PREFIX}${warnings.join(" ")}`, true);
  label("A4", "Capacities and market", true);
  const inputsAt: [string, string, number | null, string][] = [
    ["LeadsPerSdr", "Leads an SDR works per month", input.capacities.leadsPerSdr, "#,##0"],
    ["MeetingsPerAe", "Meetings an AE runs per month", input.capacities.meetingsPerAe, "#,##0"],
    ["CustomersPerCsr", "Customers a CSR keeps", input.capacities.customersPerCsr, "#,##0"],
    ["PotentialClients", "Potential clients in the market", input.potentialClients, "#,##0"],
    ["PodSize", "People per POD (target, 3-7)", input.podSize, "0"],
  ];
  inputsAt.forEach(([name, text, value, fmt], i) => {
    label(`A${5 + i}`, text);
    named(`B${5 + i}`, name, value, fmt);
  });

  // Workload, in people of each role before rounding up.
  label("D4", "Work the funnel makes (people)", true);
  const workload: [string, string, string, string][] = [
    ["SdrLoad", "SDR work: leads / capacity", `=SUM(${CH}[Leads])/${N("LeadsPerSdr")}`, "0.00"],
    ["AeLoad", "AE work: meetings / capacity", `=SUM(${CH}[Meetings])/${N("MeetingsPerAe")}`, "0.00"],
    ["CustomersAtHorizon", `Customers at month ${months}`, `=SUM(${CH}[Customers at month ${months}])`, "#,##0"],
    ["CsrLoad", "CSR work: customers / capacity", `=${N("CustomersAtHorizon")}/${N("CustomersPerCsr")}`, "0.00"],
    ["AcquisitionLoad", "Acquisition work (SDR + AE)", `=${N("SdrLoad")}+${N("AeLoad")}`, "0.00"],
    ["TotalLoad", "All work", `=${N("AcquisitionLoad")}+${N("CsrLoad")}`, "0.00"],
  ];
  workload.forEach(([name, text, formula, fmt], i) => {
    label(`D${5 + i}`, text);
    named(`E${5 + i}`, name, f(formula), fmt);
  });

  // Totals of the new customers each month, over all channels.
  label("G4", "New customers each month, all channels", true);
  const churnGrowth = (m: string) => `(1-(1-${CH}[Monthly churn])^${m})`;
  const totals: [string, string, string, string][] = [
    ["Spend", "Marketing spend", `=SUM(${CH}[Spend])`, "#,##0"],
    ["NewCustomers", "New customers", `=SUM(${CH}[Customers])`, "#,##0.0"],
    ["NewRevenue", "New monthly revenue", `=SUM(${CH}[New revenue])`, "#,##0"],
    ["RevenuePerCustomer", "Monthly revenue per customer", `=${N("NewRevenue")}/${N("NewCustomers")}`, "#,##0"],
    [
      "BlendedMargin",
      "Gross margin (blended)",
      `=SUMPRODUCT(${CH}[New revenue],${CH}[Gross margin])/${N("NewRevenue")}`,
      "0.0%",
    ],
    [
      "BlendedLtv",
      "LTV of a new customer (mean)",
      `=SUMPRODUCT(${CH}[Customers],${CH}[LTV])/${N("NewCustomers")}`,
      "#,##0",
    ],
    [
      "HorizonRevenue",
      `Revenue over ${months} months`,
      `=SUMPRODUCT(${CH}[Customers]*${CH}[Average deal]/${CH}[Monthly churn]*(${months}-(1-${CH}[Monthly churn])*${churnGrowth(String(months))}/${CH}[Monthly churn]))`,
      "#,##0",
    ],
  ];
  totals.forEach(([name, text, formula, fmt], i) => {
    label(`G${5 + i}`, text);
    named(`H${5 + i}`, name, f(formula), fmt);
  });

  // The facts' period and sources, when the facts are formulas over the CRM's tables.
  const live = facts
    ? factFormulas(facts, { first: N("FactFirst"), last: N("FactLast"), months: N("FactMonths") })
    : null;
  if (facts && live) {
    label("J4", "Facts from the CRM (per month over the period)", true);
    label("J5", "First day");
    named("K5", "FactFirst", live.first, "yyyy-mm-dd");
    label("J6", "Last day");
    named("K6", "FactLast", live.last, "yyyy-mm-dd");
    label("J7", "Months");
    named(
      "K7",
      "FactMonths",
      f(`=(YEAR(${N("FactLast")})-YEAR(${N("FactFirst")}))*12+MONTH(${N("FactLast")})-MONTH(${N("FactFirst")})+1`),
      "0",
    );
    label("J8", "Deals table");
    label("K8", facts.deals.table.source);
    label("J9", "Activities table");
    label("K9", facts.activities ? facts.activities.table.source : "(none: qualified is typed)");
  }

  // Pay of each structure's roles.
  const payTop = 14;
  label(`A${payTop - 1}`, "Pay per role (annual OTE and base share)", true);
  const payRows: CellInput[][] = [];
  const payIndex = new Map<string, number>();
  for (const kind of input.structures) {
    for (const r of PAY_ROLES[kind]) {
      const [lo, hi] = mixBand(r.role);
      const pct = "ROUND([@[Base share]]*100,0)";
      payIndex.set(r.role, payRows.length + 1);
      const p = r.pay(input);
      payRows.push([
        kind,
        r.role,
        p.ote,
        p.baseShare,
        f("=[@OTE]*[@[Base share]]"),
        f("=[@OTE]-[@Base]"),
        f(
          `=IF(OR([@[Base share]]<${lo},[@[Base share]]>${hi}),[@Role]&" pay mix "&${pct}&"/"&(100-${pct})&" is outside the usual ${Math.round(lo * 100)}-${Math.round(hi * 100)}% base.","")`,
        ),
      ]);
    }
  }
  const ote = (role: string) => `INDEX(${n.pay}[OTE],${payIndex.get(role)})`;
  const mixWarning = (role: string) => {
    const w = `INDEX(${n.pay}[Mix warning],${payIndex.get(role)})`;
    return `IF(${w}="","",${w}&" ")`;
  };

  // Channels.
  const chTop = payTop + payRows.length + 3;
  const resultHeaders = channelResultHeaders(months);
  const stage = (k: number) => `=INDEX(COMP.FUNNEL([@Leads],[@[Lead to qualified]:[Meeting to won]]),1,${k})`;
  const channelRows: CellInput[][] = input.channels.map((c, i) => {
    const fact = c.fact ?? { spend: null, leads: null, qualified: null, meetings: null, won: null };
    return [
      c.name,
      c.spend,
      c.leads,
      ...c.rates,
      c.averageDeal,
      c.grossMargin,
      c.monthlyChurn,
      fact.spend,
      fact.leads,
      live?.qualified !== undefined && live.qualified !== null ? f(live.qualified) : fact.qualified,
      live ? f(live.meetings) : fact.meetings,
      live ? f(live.won) : fact.won,
      live ? f(live.revenue) : (fact.revenue ?? null),
      facts ? facts.values[i] : c.name,
      f(stage(2)),
      f(stage(3)),
      f(stage(4)),
      f("=[@Customers]*[@[Average deal]]"),
      f(`=[@Customers]*(1-(1-[@[Monthly churn]])^${months})/[@[Monthly churn]]`),
      f(
        `=IF(${N("AcquisitionLoad")}=0,0,INDEX(${n.structures}[Acquisition cost],1)*([@Leads]/${N("LeadsPerSdr")}+[@Meetings]/${N("MeetingsPerAe")})/${N("AcquisitionLoad")})`,
      ),
      f("=COMP.CAC([@Spend]+[@[Sales cost]],[@Customers])"),
      f("=COMP.CAC_PAYBACK([@CAC],[@[Average deal]],[@[Gross margin]])"),
      f("=COMP.LTV([@[Average deal]],[@[Monthly churn]],[@[Gross margin]])"),
      f("=COMP.LTV_TO_CAC([@[Average deal]],[@[Monthly churn]],[@CAC],[@[Gross margin]])"),
      f(
        '=IF(OR([@[Fact spend]]="",[@[Fact won]]=""),"",IF([@[Fact won]]=0,"",COMP.CAC([@[Fact spend]]+[@[Sales cost]],[@[Fact won]])))',
      ),
      f(
        `=IF([@Customers]=0,${str(warningText.noCustomers())},IF([@[LTV/CAC]]<${HEALTHY_LTV_TO_CAC},${str(warningText.lowLtvToCac())},""))`,
      ),
    ];
  });
  label(`A${chTop - 1}`, "Acquisition channels (per month)", true);

  // The funnel, plan vs fact, below the channels: COMP.FUNNEL spills each plan across the stages.
  const funnelTop = chTop + input.channels.length + 3;
  label(`A${funnelTop - 1}`, "Funnel: plan vs fact", true);
  ["Channel", "Figure", ...FUNNEL_STAGES, "New revenue"].forEach((h, i) =>
    label(`${columnLetter(i)}${funnelTop}`, h, true),
  );
  const chCol = (header: string) =>
    columnLetter(CHANNEL_INPUT_HEADERS.indexOf(header as (typeof CHANNEL_INPUT_HEADERS)[number]));
  const factCols = ["Fact leads", "Fact qualified", "Fact meetings", "Fact won", "Fact revenue"].map(chCol);
  const revenueCol = columnLetter(CHANNEL_INPUT_HEADERS.length + resultHeaders.indexOf("New revenue"));
  input.channels.forEach((c, i) => {
    const sourceRow = chTop + 1 + i;
    const r = funnelTop + 1 + i * FUNNEL_BLOCK_ROWS;
    label(`A${r}`, c.name);
    label(`B${r}`, "Plan");
    cells.push({
      address: `C${r}`,
      value: f(
        `=COMP.FUNNEL(${chCol("Leads")}${sourceRow},${chCol("Lead to qualified")}${sourceRow}:${chCol("Meeting to won")}${sourceRow})`,
      ),
      numberFormat: "#,##0.0",
    });
    cells.push({ address: `G${r}`, value: f(`=${revenueCol}${sourceRow}`), numberFormat: "#,##0" });
    label(`B${r + 1}`, "Fact");
    label(`B${r + 2}`, "Fact / plan");
    label(`B${r + 3}`, "Fact - plan");
    factCols.forEach((fc, k) => {
      const col = columnLetter(2 + k);
      cells.push({
        address: `${col}${r + 1}`,
        value: f(`=IF(${fc}${sourceRow}="","",${fc}${sourceRow})`),
        numberFormat: k === 4 ? "#,##0" : "#,##0.0",
      });
      cells.push({
        address: `${col}${r + 2}`,
        value: f(`=IF(OR(${col}${r + 1}="",${col}${r}=0),"",${col}${r + 1}/${col}${r})`),
        numberFormat: "0%",
      });
      cells.push({
        address: `${col}${r + 3}`,
        value: f(`=IF(${col}${r + 1}="","",${col}${r + 1}-${col}${r})`),
        numberFormat: k === 4 ? "#,##0" : "#,##0.0",
      });
    });
  });

  // Structures.
  const stTop = funnelTop + input.channels.length * FUNNEL_BLOCK_ROWS + 3;
  label(`A${stTop - 1}`, "Sales structures: the team the funnel needs and what it costs", true);
  const noBreakEven = `IF(ISNUMBER([@[Break-even month]]),"",${str(warningText.noBreakEven(months))})`;
  const structureRows: CellInput[][] = input.structures.map((kind) => {
    const load = (what: string) => N(what);
    const roleUse = (role: string) =>
      kind === "Island" ? null : f(`=${load(`${role}Load`)}/[@${role.toUpperCase()}]`);
    const common = (monthly: string, acquisition: string, warnings: string): CellInput[] => [
      f("=[@SDR]+[@AE]+[@CSR]+[@Generalists]"),
      f(`=${load("TotalLoad")}/[@Headcount]`),
      roleUse("Sdr"),
      roleUse("Ae"),
      roleUse("Csr"),
      f(monthly),
      f("=[@[Monthly compensation]]*12"),
      f(acquisition),
      f(`=COMP.COST_OF_SALES([@[Monthly compensation]]*${months},${N("HorizonRevenue")})`),
      f(`=COMP.CAC(${N("Spend")}+[@[Acquisition cost]],${N("NewCustomers")})`),
      f(`=COMP.CAC_PAYBACK([@CAC],${N("RevenuePerCustomer")},${N("BlendedMargin")})`),
      f(`=${N("BlendedLtv")}/[@CAC]`),
      f(
        `=IF(COUNTIF(${n.cash}[${kind}],"<0")>=${months},"none in ${months} months",COUNTIF(${n.cash}[${kind}],"<0")+1)`,
      ),
      f(`=TRIM(${warnings}&${noBreakEven})`),
    ];
    if (kind === "Assembly") {
      return [
        kind,
        f(`=${people(load("SdrLoad"))}`),
        f(`=${people(load("AeLoad"))}`),
        f(`=${people(load("CsrLoad"))}`),
        0,
        0,
        0,
        ...common(
          `=([@SDR]*${ote("SDR")}+[@AE]*${ote("AE")}+[@CSR]*${ote("CSR")})/12`,
          `=([@SDR]*${ote("SDR")}+[@AE]*${ote("AE")})/12`,
          `IF([@Headcount]<${MIN_ASSEMBLY_PEOPLE},${sentence(warningText.smallAssembly, "[@Headcount]")},"")&${mixWarning("SDR")}&${mixWarning("AE")}&${mixWarning("CSR")}`,
        ),
      ];
    }
    if (kind === "Island") {
      return [
        kind,
        0,
        0,
        0,
        f(`=${people(load("TotalLoad"))}`),
        0,
        0,
        ...common(
          `=[@Generalists]*${ote("Generalist")}/12`,
          `=IF(${load("TotalLoad")}=0,0,[@[Monthly compensation]]*${load("AcquisitionLoad")}/${load("TotalLoad")})`,
          mixWarning("Generalist"),
        ),
      ];
    }
    const pc = N("PotentialClients");
    const clients = `IF(${pc}="","",IF(${pc}<${POD_MIN_CLIENTS},${sentence(warningText.podTooFewClients, pc)},IF(${pc}<${POD_SENSIBLE_CLIENTS},${sentence(warningText.podFewClients, pc)},"")))`;
    return [
      kind,
      f(`=[@PODs]*${people(`${load("SdrLoad")}/[@PODs]`)}`),
      f(`=[@PODs]*${people(`${load("AeLoad")}/[@PODs]`)}`),
      f(`=[@PODs]*${people(`${load("CsrLoad")}/[@PODs]`)}`),
      0,
      f(`=${people(`${load("TotalLoad")}/${N("PodSize")}`)}`),
      f("=([@SDR]+[@AE]+[@CSR])/[@PODs]"),
      ...common(
        `=[@Headcount]*${ote("POD member")}/12`,
        `=([@SDR]+[@AE])*${ote("POD member")}/12`,
        `${clients}&IF([@[People per POD]]>${POD_MAX_PEOPLE},${sentence(warningText.podTooBig, "[@[People per POD]]")},"")&${mixWarning("POD member")}`,
      ),
    ];
  });

  // Cumulative cash per structure, month by month (closed forms of the month-by-month sums; see docs/unit-economics.md).
  const cashTop = stTop + input.structures.length + 3;
  label(`A${cashTop - 1}`, `Cumulative cash per structure over ${months} months`, true);
  const margin = `${CH}[Customers]*${CH}[Average deal]*${CH}[Gross margin]`;
  const cashRows: CellInput[][] = Array.from({ length: months }, (_, i) => [
    i + 1,
    f(`=SUMPRODUCT(${margin}*${churnGrowth("[@Month]")}/${CH}[Monthly churn])`),
    f(
      `=SUMPRODUCT(${margin}/${CH}[Monthly churn]*([@Month]-(1-${CH}[Monthly churn])*${churnGrowth("[@Month]")}/${CH}[Monthly churn]))`,
    ),
    f(`=[@Month]*${N("Spend")}`),
    ...input.structures.map((_, k) =>
      f(
        `=[@[Cumulative gross profit]]-[@[Cumulative spend]]-[@Month]*INDEX(${n.structures}[Monthly compensation],${k + 1})`,
      ),
    ),
  ]);
  const cashHeaders = ["Month", "Gross profit", "Cumulative gross profit", "Cumulative spend", ...input.structures];

  const money = "#,##0";
  return {
    name: sheet,
    tables: [
      {
        name: n.pay,
        anchor: `A${payTop}`,
        headers: ["Structure", "Role", "OTE", "Base share", "Base", "Target incentive", "Mix warning"],
        rows: payRows,
        numberFormats: { OTE: money, "Base share": "0%", Base: money, "Target incentive": money },
      },
      {
        name: CH,
        anchor: `A${chTop}`,
        headers: [...CHANNEL_INPUT_HEADERS, ...resultHeaders],
        rows: channelRows,
        numberFormats: {
          Spend: money,
          Leads: "#,##0",
          "Lead to qualified": "0%",
          "Qualified to meeting": "0%",
          "Meeting to won": "0%",
          "Average deal": money,
          "Gross margin": "0%",
          "Monthly churn": "0.0%",
          "Fact spend": money,
          "Fact meetings": "#,##0.0",
          "Fact won": "#,##0.0",
          "Fact revenue": money,
          Qualified: "#,##0.0",
          Meetings: "#,##0.0",
          Customers: "#,##0.0",
          "New revenue": money,
          [`Customers at month ${months}`]: "#,##0",
          "Sales cost": money,
          CAC: money,
          "Payback months": "0.0",
          LTV: money,
          "LTV/CAC": "0.00",
          "Fact CAC": money,
        },
      },
      {
        name: n.structures,
        anchor: `A${stTop}`,
        headers: [...STRUCTURE_HEADERS],
        rows: structureRows,
        numberFormats: {
          Utilisation: "0%",
          "SDR utilisation": "0%",
          "AE utilisation": "0%",
          "CSR utilisation": "0%",
          "Monthly compensation": money,
          "Annual compensation": money,
          "Acquisition cost": money,
          "Cost of sales": "0.0%",
          CAC: money,
          "Payback months": "0.0",
          "LTV/CAC": "0.00",
        },
      },
      {
        name: n.cash,
        anchor: `A${cashTop}`,
        headers: cashHeaders,
        rows: cashRows,
        numberFormats: Object.fromEntries(cashHeaders.slice(1).map((h) => [h, money])),
      },
    ],
    cells,
    namedRanges: names,
    columnWidths: { A: 200, B: 80, D: 190, G: 180, J: 100 },
    charts: [
      {
        type: "line",
        title: `Cumulative cash per structure, ${months} months`,
        anchor: cellAddress({ row: parseCell(`A${cashTop}`).row, col: cashHeaders.length + 1 }),
        categories: { table: n.cash, column: "Month" },
        series: input.structures.map((s) => ({ name: s, values: { table: n.cash, column: s } })),
      },
    ],
  };
}
