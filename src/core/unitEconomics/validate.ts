import { ChannelInput, STRUCTURE_KINDS, UnitEconomicsInput, UnitEconomicsInputError } from "./types";

/** The rate names as the messages (and the sheet's headers) say them. */
export const RATE_NAMES = ["lead to qualified", "qualified to meeting", "meeting to won"] as const;

const fail = (message: string): never => {
  throw new UnitEconomicsInputError(message);
};

function atLeastZero(value: number, what: string): void {
  if (!Number.isFinite(value)) fail(`${what} is ${value}; enter a number.`);
  if (value < 0) fail(`${what} is ${value}; enter 0 or more (it cannot be negative).`);
}

function aboveZero(value: number, what: string): void {
  if (!(Number.isFinite(value) && value > 0)) fail(`${what} is ${value}; enter a number above 0.`);
}

function share(value: number, what: string, zeroAllowed: boolean): void {
  const ok = Number.isFinite(value) && value <= 1 && (zeroAllowed ? value >= 0 : value > 0);
  if (!ok) fail(`${what} is ${value}; enter a rate ${zeroAllowed ? "from 0" : "above 0 and"} to 1 (0.25 = 25%).`);
}

function checkChannel(c: ChannelInput, i: number): void {
  if (!c.name.trim()) fail(`Channel ${i + 1} has no name; name it.`);
  const who = `Channel "${c.name}"`;
  atLeastZero(c.spend, `${who}: spend per month`);
  atLeastZero(c.leads, `${who}: leads per month`);
  c.rates.forEach((r, k) => share(r, `${who}: ${RATE_NAMES[k]} rate`, true));
  aboveZero(c.averageDeal, `${who}: average deal`);
  share(c.grossMargin, `${who}: gross margin`, false);
  if (!(Number.isFinite(c.monthlyChurn) && c.monthlyChurn > 0 && c.monthlyChurn <= 1)) {
    fail(
      `${who}: monthly churn is ${c.monthlyChurn}; enter a rate above 0 and at most 1 (0.02 = 2% a month). With no churn at all, LTV has no end.`,
    );
  }
  if (c.fact) {
    for (const [field, v] of Object.entries(c.fact))
      if (v !== null && v !== undefined) atLeastZero(v, `${who}: fact ${field}`);
  }
}

/**
 * Checks the model's input, naming the channel and field of the first problem.
 * @throws UnitEconomicsInputError
 */
export function checkUnitEconomicsInput(input: UnitEconomicsInput): void {
  if (input.channels.length === 0) fail("There are no channels; enter at least one acquisition channel.");
  input.channels.forEach(checkChannel);
  const names = new Set<string>();
  for (const c of input.channels) {
    const k = c.name.trim().toLowerCase();
    if (names.has(k)) fail(`Two channels are named "${c.name}"; give each channel its own name.`);
    names.add(k);
  }
  aboveZero(input.capacities.leadsPerSdr, "Leads an SDR works per month");
  aboveZero(input.capacities.meetingsPerAe, "Meetings an AE runs per month");
  aboveZero(input.capacities.customersPerCsr, "Customers a CSR keeps");
  if (input.structures.length === 0) fail("No structure is chosen; cost at least one of Assembly, Island, POD.");
  for (const s of input.structures)
    if (!STRUCTURE_KINDS.includes(s)) fail(`Structure "${s}" is unknown; use Assembly, Island or POD.`);
  if (new Set(input.structures).size !== input.structures.length)
    fail("A structure is chosen twice; choose each once.");
  const roles = [
    ["SDR", input.pay.sdr],
    ["AE", input.pay.ae],
    ["CSR", input.pay.csr],
    ["Generalist", input.pay.generalist],
    ["POD member", input.pay.podMember],
  ] as const;
  for (const [role, p] of roles) {
    aboveZero(p.ote, `${role}: OTE`);
    share(p.baseShare, `${role}: base share`, true);
  }
  if (!(Number.isInteger(input.podSize) && input.podSize >= 3 && input.podSize <= 7))
    fail(`POD size is ${input.podSize}; a POD has 3 to 7 people.`);
  if (input.potentialClients !== null) atLeastZero(input.potentialClients, "Potential clients");
  const h = input.horizonMonths ?? 24;
  if (!(Number.isInteger(h) && h >= 1 && h <= 120))
    fail(`The horizon is ${h} months; use a whole number from 1 to 120.`);
}
