import { autoMap } from "../../src/wizard/columnMapping";
import { initialQuotaForm } from "../../src/wizard/quotas/quotaForm";
import { QuotaStepSettings } from "../../src/wizard/quotas/runQuotaStep";
import { autoMapReps } from "../../src/wizard/territories/repsFromTable";
import { TerritoryStepSettings } from "../../src/wizard/territories/runTerritoryStep";

/** The sample's Accounts and Reps headers. */
export const ACCOUNT_HEADERS = [
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
];
export const REP_HEADERS = ["Rep ID", "Name", "Role", "Manager", "Region", "Prior Year Bookings", "Start Date"];

/** Territory step settings on the sample: the closers of the Reps table, every option on. */
export const sampleTerritorySettings = (over: Partial<TerritoryStepSettings> = {}): TerritoryStepSettings => ({
  source: { kind: "table", name: "Accounts" },
  mapping: autoMap(ACCOUNT_HEADERS),
  excluded: [],
  seats: { kind: "reps", table: "Reps", columns: autoMapReps(REP_HEADERS), roles: ["AE", "CSR/AM"] },
  balanceOn: "potential",
  groupBy: "none",
  honourPins: true,
  minimiseDisruption: true,
  compact: true,
  sheet: "Territories",
  ...over,
});

// The quota form's defaults, without the fields a test names itself.
const {
  potentialTable,
  potentialId,
  potentialColumn,
  historyTable,
  historyId,
  historyColumns,
  companyTarget,
  ...quotaDefaults
} = initialQuotaForm;

/** Quota step settings with the form's defaults (65%, 50/50 history, sigma 0.25, 10% over), 2,000 draws for speed. */
export const quotaSettings = (
  over: Partial<QuotaStepSettings> & Pick<QuotaStepSettings, "potential" | "history" | "companyTarget">,
): QuotaStepSettings => ({
  ...quotaDefaults,
  draws: 2000,
  ...over,
});
