import { dateSerial } from "../core/dates";
import { Random, seededRandom } from "../core/random";

/** A rep of the sample sales team. */
export interface SampleRep {
  readonly id: string;
  readonly name: string;
  readonly role: "SDR" | "AE" | "CSR/AM";
  readonly manager: string;
  readonly region: string;
  readonly priorYearBookings: number;
  /** Excel date serial. */
  readonly startDate: number;
}

/** An account of the sample book of business. */
export interface SampleAccount {
  readonly id: string;
  readonly name: string;
  readonly sector: string;
  readonly region: string;
  readonly potential: number;
  readonly workload: number;
  readonly currentOwner: string | null;
  readonly pinnedOwner: string | null;
  readonly latitude: number;
  readonly longitude: number;
}

/** A deal (opportunity) of the sample CRM export. */
export interface SampleDeal {
  readonly id: string;
  readonly accountId: string;
  readonly owner: string;
  readonly stage: string;
  /** Excel date serial. */
  readonly created: number;
  /** Excel date serial, or null while the deal is open. */
  readonly closed: number | null;
  readonly amount: number;
  readonly product: string;
  readonly type: "New" | "Renewal" | "Upsell";
  /** When the customer paid (won deals, most of them), or null. */
  readonly paymentDate: number | null;
  /** When the customer cancelled (a few won deals), or null. */
  readonly cancelDate: number | null;
  /** The SDR who sourced the deal (some new deals), or null. */
  readonly sdr: string | null;
  /** The SDR's credit share (1, or 0.5 for a few shared with another team), or null. */
  readonly sdrShare: number | null;
}

/** An SDR activity: a qualified meeting booked, or a lead accepted by sales (SQL). */
export interface SampleActivity {
  readonly id: string;
  /** Excel date serial. */
  readonly date: number;
  readonly rep: string;
  readonly accountId: string;
  readonly type: "Meeting" | "SQL";
}

/** The whole sample. */
export interface Sample {
  readonly reps: SampleRep[];
  readonly accounts: SampleAccount[];
  readonly deals: SampleDeal[];
  readonly activities: SampleActivity[];
}

/** Days since 1899-12-30, as Excel stores dates (2026-01-01 is 46023). */
export const toExcelSerial = dateSerial;

const FIRST = [
  "Ana",
  "Ben",
  "Chloe",
  "David",
  "Elena",
  "Femi",
  "Grace",
  "Hiro",
  "Ines",
  "Jon",
  "Kara",
  "Luis",
  "Maya",
  "Noah",
  "Olga",
  "Priya",
  "Quinn",
  "Rosa",
  "Sam",
  "Tariq",
];
const LAST = [
  "Alvarez",
  "Brown",
  "Chen",
  "Dubois",
  "Evans",
  "Fischer",
  "Garcia",
  "Hughes",
  "Ivanova",
  "Jensen",
  "Kowalski",
  "Lopez",
  "Moreau",
  "Nakamura",
  "Okafor",
  "Patel",
  "Rossi",
  "Smith",
];
const MANAGERS = ["Helen Ward", "Marco Bianchi", "Sofia Lind", "Owen Price"];
/** Regions with the centre of their cluster of accounts (latitude, longitude). */
const REGIONS: readonly { name: string; lat: number; lon: number }[] = [
  { name: "North", lat: 53.5, lon: -2.2 },
  { name: "South", lat: 51.2, lon: -0.5 },
  { name: "East", lat: 52.4, lon: 1.0 },
  { name: "West", lat: 51.5, lon: -3.2 },
  { name: "Central", lat: 52.5, lon: -1.6 },
];
const SECTORS = ["SaaS", "Manufacturing", "Retail", "Healthcare", "Finance", "Logistics"];
const PRODUCTS = ["Core", "Analytics", "Payments"];
const NAME_A = [
  "Apex",
  "Blue",
  "Cedar",
  "Delta",
  "Ember",
  "Falcon",
  "Granite",
  "Harbor",
  "Iris",
  "Juniper",
  "Keystone",
  "Lumen",
  "Maple",
  "Nova",
  "Orbit",
  "Pioneer",
  "Quartz",
  "Ridge",
  "Summit",
  "Tidal",
];
const NAME_B = ["Systems", "Foods", "Health", "Logistics", "Retail", "Capital", "Works", "Labs", "Group", "Industries"];
const OPEN_STAGES = ["Prospecting", "Qualification", "Proposal", "Negotiation"];

function makeReps(rnd: Random, count: number): SampleRep[] {
  const roles: SampleRep["role"][] = [];
  for (let i = 0; i < count; i++) roles.push(i % 15 < 4 ? "SDR" : i % 15 < 11 ? "AE" : "CSR/AM");
  return roles.map((role, i) => ({
    id: `R${String(i + 1).padStart(2, "0")}`,
    name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
    role,
    manager: MANAGERS[i % MANAGERS.length],
    region: REGIONS[i % REGIONS.length].name,
    priorYearBookings: Math.round(
      role === "SDR" ? rnd.lognormal(Math.log(250_000), 0.3) : rnd.lognormal(Math.log(1_250_000), 0.3),
    ),
    startDate: toExcelSerial(2018 + rnd.int(0, 7), rnd.int(1, 12), 1),
  }));
}

function makeAccounts(rnd: Random, count: number, reps: SampleRep[]): SampleAccount[] {
  const owners = reps.filter((r) => r.role !== "SDR");
  return Array.from({ length: count }, (_, i) => {
    const region = REGIONS[rnd.int(0, REGIONS.length - 1)];
    const potential = Math.round(rnd.lognormal(Math.log(60_000), 1.2));
    const local = owners.filter((o) => o.region === region.name);
    const owner = rnd.next() < 0.92 ? rnd.pick(local.length ? local : owners).id : null;
    return {
      id: `A${String(i + 1).padStart(4, "0")}`,
      name: `${rnd.pick(NAME_A)} ${rnd.pick(NAME_B)} ${i + 1}`,
      sector: rnd.pick(SECTORS),
      region: region.name,
      potential,
      workload: Math.round(20 + 8 * Math.log1p(potential / 1000) * rnd.uniform(0.7, 1.3)),
      currentOwner: owner,
      pinnedOwner: owner !== null && rnd.next() < 0.04 ? owner : null,
      latitude: Math.round((region.lat + rnd.normal() * 0.45) * 1e5) / 1e5,
      longitude: Math.round((region.lon + rnd.normal() * 0.6) * 1e5) / 1e5,
    };
  });
}

function makeDeals(
  rnd: Random,
  count: number,
  accounts: SampleAccount[],
  reps: SampleRep[],
): Omit<SampleDeal, "paymentDate" | "cancelDate" | "sdr" | "sdrShare">[] {
  const start = toExcelSerial(2025, 6, 1);
  const end = toExcelSerial(2026, 11, 20);
  const closers = reps.filter((r) => r.role !== "SDR");
  return Array.from({ length: count }, (_, i) => {
    const account = rnd.pick(accounts);
    const created = rnd.int(start, end - 30);
    const closedRoll = rnd.next();
    const isClosed = closedRoll < 0.8;
    const won = isClosed && rnd.next() < 0.3;
    const closed = isClosed ? Math.min(end, created + Math.round(rnd.lognormal(Math.log(45), 0.5))) : null;
    const stage = !isClosed
      ? rnd.pick(OPEN_STAGES)
      : won
        ? rnd.next() < 0.8
          ? "Won"
          : "Closed Won"
        : rnd.next() < 0.8
          ? "Lost"
          : "Closed Lost";
    const type: SampleDeal["type"] =
      account.currentOwner && rnd.next() < 0.35 ? (rnd.next() < 0.5 ? "Renewal" : "Upsell") : "New";
    return {
      id: `D${String(i + 1).padStart(5, "0")}`,
      accountId: account.id,
      owner: account.currentOwner ?? rnd.pick(closers).id,
      stage,
      created,
      closed,
      amount: Math.round(rnd.lognormal(Math.log(18_000), 0.8) / 10) * 10,
      product: rnd.pick(PRODUCTS),
      type,
    };
  });
}

/**
 * SDR activities from June 2025 to November 2026: each SDR books about 12-20 qualified meetings a
 * month (some are better than others), and about 40% of meetings become sales-qualified leads.
 */
function makeActivities(rnd: Random, reps: SampleRep[], accounts: SampleAccount[]): SampleActivity[] {
  const out: SampleActivity[] = [];
  const sdrs = reps.filter((r) => r.role === "SDR");
  const skill = new Map(sdrs.map((r) => [r.id, rnd.uniform(0.75, 1.25)]));
  for (let m = 0; m < 18; m++) {
    const year = 2025 + Math.floor((5 + m) / 12);
    const month = ((5 + m) % 12) + 1;
    const first = toExcelSerial(year, month, 1);
    const days = toExcelSerial(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - first;
    for (const sdr of sdrs) {
      const meetings = Math.max(0, Math.round(16 * skill.get(sdr.id)! + rnd.normal() * 3));
      for (let k = 0; k < meetings; k++) {
        const date = first + rnd.int(0, days - 1);
        const accountId = rnd.pick(accounts).id;
        out.push({ id: "", date, rep: sdr.id, accountId, type: "Meeting" });
        if (rnd.next() < 0.4)
          out.push({
            id: "",
            date: Math.min(first + days - 1, date + rnd.int(1, 10)),
            rep: sdr.id,
            accountId,
            type: "SQL",
          });
      }
    }
  }
  return out.map((a, i) => ({ ...a, id: `A${String(i + 1).padStart(5, "0")}` }));
}

/**
 * Payment and cancel dates and SDR credit for the deals, from a generator of their own so the
 * rest of the sample stays as it was: about 85% of won deals are paid 15-90 days after closing,
 * 6% cancel 1-10 months after, and about 40% of won new deals credit an SDR (a few at 50%).
 */
function withPayoutFacts(
  seed: number,
  deals: Omit<SampleDeal, "paymentDate" | "cancelDate" | "sdr" | "sdrShare">[],
  reps: SampleRep[],
): SampleDeal[] {
  const rnd = seededRandom(seed + 1);
  const sdrs = reps.filter((r) => r.role === "SDR");
  return deals.map((d) => {
    const won = d.closed !== null && /won/i.test(d.stage);
    const paymentDate = won && rnd.next() < 0.85 ? d.closed! + rnd.int(15, 90) : null;
    const cancelDate = won && rnd.next() < 0.06 ? d.closed! + rnd.int(30, 300) : null;
    const sourced = won && d.type === "New" && sdrs.length > 0 && rnd.next() < 0.4;
    const sdr = sourced ? rnd.pick(sdrs).id : null;
    return { ...d, paymentDate, cancelDate, sdr, sdrShare: sdr ? (rnd.next() < 0.1 ? 0.5 : 1) : null };
  });
}

/** The default sizes: about 2,000 accounts, 30 reps and 5,000 deals. */
export const DEFAULT_SIZES = { accounts: 2000, reps: 30, deals: 5000 } as const;

/** A realistic sample workbook's data, the same for the same seed. */
export function generateSample(
  seed = 2026,
  sizes: { accounts: number; reps: number; deals: number } = DEFAULT_SIZES,
): Sample {
  const rnd = seededRandom(seed);
  const reps = makeReps(rnd, sizes.reps);
  const accounts = makeAccounts(rnd, sizes.accounts, reps);
  const bare = makeDeals(rnd, sizes.deals, accounts, reps);
  const activities = makeActivities(rnd, reps, accounts);
  const deals = withPayoutFacts(seed, bare, reps);
  return { reps, accounts, deals, activities };
}
