import { UnitEconomicsInput } from "../../core/unitEconomics";

/**
 * A starting plan for the unit-economics tool: three channels and pay at the domain's usual
 * mixes (SDR 70/30, AE 50/50, CSR 70/30). Every figure is a placeholder to replace with your own.
 */
export const DEFAULT_UNIT_ECONOMICS_INPUT: UnitEconomicsInput = {
  channels: [
    {
      name: "Inbound",
      spend: 40_000,
      leads: 1_200,
      rates: [0.35, 0.5, 0.25],
      averageDeal: 450,
      grossMargin: 0.8,
      monthlyChurn: 0.02,
    },
    {
      name: "Outbound",
      spend: 15_000,
      leads: 800,
      rates: [0.2, 0.4, 0.2],
      averageDeal: 900,
      grossMargin: 0.8,
      monthlyChurn: 0.015,
    },
    {
      name: "Partners",
      spend: 10_000,
      leads: 200,
      rates: [0.5, 0.6, 0.35],
      averageDeal: 1_200,
      grossMargin: 0.7,
      monthlyChurn: 0.01,
    },
  ],
  capacities: { leadsPerSdr: 400, meetingsPerAe: 40, customersPerCsr: 150 },
  structures: ["Assembly", "Island", "POD"],
  pay: {
    sdr: { ote: 65_000, baseShare: 0.7 },
    ae: { ote: 130_000, baseShare: 0.5 },
    csr: { ote: 90_000, baseShare: 0.7 },
    generalist: { ote: 110_000, baseShare: 0.6 },
    podMember: { ote: 105_000, baseShare: 0.6 },
  },
  podSize: 5,
  potentialClients: 5_000,
};
