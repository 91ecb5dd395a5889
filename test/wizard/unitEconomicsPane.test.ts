import fc from "fast-check";
import { DEFAULT_UNIT_ECONOMICS_INPUT } from "../../src/wizard/unitEconomics/defaultInput";
import {
  figureOf,
  initialUnitEconomicsPane,
  UnitEconomicsPaneAction,
  unitEconomicsPaneReducer,
  UnitEconomicsPaneState,
  unitEconomicsIssues,
  unitEconomicsSettingsFrom,
} from "../../src/wizard/unitEconomics/unitEconomicsPane";

const apply = (state: UnitEconomicsPaneState, ...actions: UnitEconomicsPaneAction[]) =>
  actions.reduce(unitEconomicsPaneReducer, state);
const change = (channel: number, patch: object): UnitEconomicsPaneAction => ({
  type: "channelChanged",
  channel,
  patch,
});

describe("the Unit economics pane reducer", () => {
  test("the default form is the default input, all three structures, on the Unit Economics sheet", () => {
    const pane = initialUnitEconomicsPane();
    expect(unitEconomicsIssues({ pane })).toEqual([]);
    expect(unitEconomicsSettingsFrom({ pane })).toEqual({
      input: DEFAULT_UNIT_ECONOMICS_INPUT,
      sheet: "Unit Economics",
    });
  });

  test("figures: thousands separators and percentages", () => {
    expect([figureOf("1,200"), figureOf("25%"), figureOf(" 0.35 "), figureOf("2.5%"), figureOf("1e3")]).toEqual([
      1200, 0.25, 0.35, 0.025, 1000,
    ]);
    expect([figureOf(""), figureOf("abc"), figureOf("12abc"), figureOf("%")]).toEqual([null, null, null, null]);
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => figureOf(n.toLocaleString("en-US")) === n));
  });

  test("edits reach the input: rates as percentages, a new channel, the structure chosen", () => {
    const pane = apply(
      initialUnitEconomicsPane(),
      change(0, { qualifiedRate: "40%", spend: "45,000" }),
      { type: "channelRemoved", channel: 2 },
      { type: "channelAdded" },
      change(2, {
        name: "Events",
        spend: "5000",
        leads: "100",
        qualifiedRate: "0.5",
        meetingRate: "0.5",
        wonRate: "0.2",
        averageDeal: "700",
      }),
      { type: "structureChanged", structure: "POD" },
    );
    const s = unitEconomicsSettingsFrom({ pane })!;
    expect(s.input.structures).toEqual(["POD"]);
    expect(s.input.channels.map((c) => c.name)).toEqual(["Inbound", "Outbound", "Events"]);
    expect(s.input.channels[0]).toMatchObject({ spend: 45_000, rates: [0.4, 0.5, 0.25] });
    expect(s.input.channels[2]).toEqual({
      name: "Events",
      spend: 5000,
      leads: 100,
      rates: [0.5, 0.5, 0.2],
      averageDeal: 700,
      grossMargin: 0.8,
      monthlyChurn: 0.02,
    });
    expect(s.input.pay).toEqual(DEFAULT_UNIT_ECONOMICS_INPUT.pay);
  });

  test("bad input names the channel and field, and there are no settings to run", () => {
    const cases: [object, string][] = [
      [{ spend: "abc" }, 'Channel "Inbound": spend per month is "abc"; enter a number.'],
      [
        { monthlyChurn: "0" },
        'Channel "Inbound": monthly churn is 0; enter a rate above 0 and at most 1 (0.02 = 2% a month). With no churn at all, LTV has no end.',
      ],
      [
        { meetingRate: "120%" },
        'Channel "Inbound": qualified to meeting rate is 1.2; enter a rate from 0 to 1 (0.25 = 25%).',
      ],
      [{ spend: "-5" }, 'Channel "Inbound": spend per month is -5; enter 0 or more (it cannot be negative).'],
      [{ name: "Outbound" }, 'Two channels are named "Outbound"; give each channel its own name.'],
    ];
    for (const [patch, message] of cases) {
      const pane = apply(initialUnitEconomicsPane(), change(0, patch));
      expect(unitEconomicsIssues({ pane })).toEqual([message]);
      expect(unitEconomicsSettingsFrom({ pane })).toBeNull();
    }
    const two = apply(initialUnitEconomicsPane(), change(0, { leads: "" }), change(1, { name: "", averageDeal: "x" }));
    expect(unitEconomicsIssues({ pane: two })).toEqual([
      'Channel "Inbound": leads per month is ""; enter a number.',
      'Channel 2: average deal is "x"; enter a number.',
    ]);
    const none = apply(
      initialUnitEconomicsPane(),
      { type: "channelRemoved", channel: 0 },
      { type: "channelRemoved", channel: 0 },
      { type: "channelRemoved", channel: 0 },
    );
    expect(unitEconomicsIssues({ pane: none })).toEqual([
      "There are no channels; enter at least one acquisition channel.",
    ]);
  });

  test("an edit clears a finished run's message, not a running one", () => {
    let pane = apply(initialUnitEconomicsPane(), { type: "run", event: { type: "failed", message: "No" } });
    expect(apply(pane, { type: "structureChanged", structure: "Island" }).run.status).toBe("idle");
    pane = apply(pane, { type: "run", event: { type: "started" } }, change(0, { spend: "1" }));
    expect(pane.run.status).toBe("running");
  });
});

describe("the Unit economics pane restores the last run", () => {
  test("stored settings come back: channels with their facts, the structure, capacities and pay", () => {
    const input = {
      ...DEFAULT_UNIT_ECONOMICS_INPUT,
      channels: [
        {
          ...DEFAULT_UNIT_ECONOMICS_INPUT.channels[0],
          fact: { spend: 38_000, leads: 1_100, qualified: null, meetings: null, won: 20 },
        },
      ],
      structures: ["Island" as const],
      capacities: { leadsPerSdr: 300, meetingsPerAe: 35, customersPerCsr: 120 },
      podSize: 4,
    };
    const pane = apply(initialUnitEconomicsPane(), { type: "loaded", stored: { input, sheet: "Unit Economics" } });
    expect(pane.structure).toBe("Island");
    expect(unitEconomicsSettingsFrom({ pane })).toEqual({ input, sheet: "Unit Economics" });
    // An edit keeps the channel's facts.
    const edited = apply(pane, change(0, { spend: "41000" }));
    expect(unitEconomicsSettingsFrom({ pane: edited })!.input.channels[0]).toEqual({
      ...input.channels[0],
      spend: 41_000,
    });
    expect(apply(initialUnitEconomicsPane(), { type: "loaded", stored: null })).toEqual(initialUnitEconomicsPane());
  });
});

describe("the Unit economics pane: facts from the Deals and Activities tables", () => {
  const DEALS = {
    name: "Deals",
    sheet: "Deals",
    rowCount: 10,
    address: "A1:M11",
    headers: ["Deal ID", "Account ID", "Owner", "Stage", "Created", "Closed", "Amount", "Product", "Type"],
  };
  const ACTIVITIES = {
    name: "Activities",
    sheet: "Activities",
    rowCount: 5,
    address: "A1:D6",
    headers: ["Date", "Rep", "Lead Source", "Type"],
  };
  const loaded = apply(initialUnitEconomicsPane(), { type: "loaded", stored: null, tables: [DEALS, ACTIVITIES] });

  test("no Deals table: the facts are typed, no issues and no fact settings", () => {
    expect(unitEconomicsIssues({ pane: loaded })).toEqual([]);
    expect(unitEconomicsSettingsFrom({ pane: loaded })!.facts).toBeUndefined();
  });

  test("choosing the Deals table guesses its columns; the channel column and the period are asked for", () => {
    const pane = apply(loaded, { type: "dealsTableChanged", table: "deals" });
    expect(pane.facts.deals).toEqual({
      channel: "",
      stage: "Stage",
      created: "Created",
      closed: "Closed",
      amount: "Amount",
      type: "Type",
    });
    expect(unitEconomicsIssues({ pane })).toEqual([
      "Deals (Deals): choose the channel column.",
      'Facts period: first month is ""; enter it as yyyy-mm (2026-01).',
      'Facts period: last month is ""; enter it as yyyy-mm (2026-03).',
    ]);
    expect(unitEconomicsSettingsFrom({ pane })).toBeNull();
  });

  test("a complete form gives the fact settings, each channel's text its name unless typed", () => {
    const pane = apply(
      loaded,
      { type: "dealsTableChanged", table: "Deals" },
      { type: "dealsChanged", patch: { channel: "Product" } },
      { type: "periodChanged", patch: { firstMonth: "2026-01", lastMonth: "2026-6" } },
      change(0, { factValue: "Core" }),
      { type: "activitiesTableChanged", table: "Activities" },
    );
    expect(pane.facts.activities).toEqual({
      channel: "Lead Source",
      date: "Date",
      type: "Type",
      qualifiedType: "SQL",
      meetingType: "Meeting",
    });
    const s = unitEconomicsSettingsFrom({ pane })!;
    expect(s.facts).toEqual({
      deals: {
        table: "Deals",
        channel: "Product",
        stage: "Stage",
        created: "Created",
        closed: "Closed",
        amount: "Amount",
        type: "Type",
      },
      activities: { table: "Activities", ...pane.facts.activities },
      period: { first: { year: 2026, month: 1 }, last: { year: 2026, month: 6 } },
      values: ["Core", "Outbound", "Partners"],
    });
    // The stored settings come back as the same form.
    const restored = apply(initialUnitEconomicsPane(), { type: "loaded", stored: s, tables: [DEALS, ACTIVITIES] });
    expect(unitEconomicsSettingsFrom({ pane: restored })).toEqual(s);
    expect(restored.channels.map((c) => c.factValue)).toEqual(["Core", "", ""]);
  });

  test("bad facts input names the table or field", () => {
    const pane = apply(
      loaded,
      { type: "dealsTableChanged", table: "Deals" },
      { type: "dealsChanged", patch: { channel: "Source", amount: "" } },
      { type: "periodChanged", patch: { firstMonth: "2026-05", lastMonth: "2026-02" } },
      change(1, { factValue: " inbound" }),
    );
    expect(unitEconomicsIssues({ pane })).toEqual([
      'Channels "Inbound" and "Outbound" both take the deals of "inbound"; give each its own.',
      'Deals (Deals): there is no column "Source" (channel); choose one from the list.',
      "Deals (Deals): choose the monthly amount column.",
      "Facts period: the last month 2026-02 is before the first 2026-05.",
    ]);
    const gone = apply(pane, { type: "dealsTableChanged", table: "Opportunities" });
    expect(unitEconomicsIssues({ pane: gone })[1]).toBe(
      'Deals table "Opportunities" is not in the workbook; choose one from the list.',
    );
  });
});
