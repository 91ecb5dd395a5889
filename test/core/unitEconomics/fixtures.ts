import { ChannelInput, UnitEconomicsInput } from "../../../src/core/unitEconomics";

/** One channel: 900 leads -> 360 qualified -> 180 meetings -> 45 customers a month. */
export const WEB: ChannelInput = {
  name: "Web",
  spend: 10_000,
  leads: 900,
  rates: [0.4, 0.5, 0.25],
  averageDeal: 400,
  grossMargin: 0.75,
  monthlyChurn: 0.05,
};

/** A second channel: 300 leads -> 150 -> 60 -> 30 customers a month. */
export const PARTNERS: ChannelInput = {
  name: "Partners",
  spend: 3_000,
  leads: 300,
  rates: [0.5, 0.4, 0.5],
  averageDeal: 1_000,
  grossMargin: 0.6,
  monthlyChurn: 0.02,
};

/** The worked example's input: capacities 300 leads, 60 meetings, 150 customers; all three structures. */
export function ueInput(over: Partial<UnitEconomicsInput> = {}): UnitEconomicsInput {
  return {
    channels: [WEB],
    capacities: { leadsPerSdr: 300, meetingsPerAe: 60, customersPerCsr: 150 },
    structures: ["Assembly", "Island", "POD"],
    pay: {
      sdr: { ote: 60_000, baseShare: 0.7 },
      ae: { ote: 96_000, baseShare: 0.5 },
      csr: { ote: 72_000, baseShare: 0.7 },
      generalist: { ote: 90_000, baseShare: 0.6 },
      podMember: { ote: 84_000, baseShare: 0.6 },
    },
    podSize: 5,
    potentialClients: 5_000,
    ...over,
  };
}
