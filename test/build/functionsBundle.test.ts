import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";

/**
 * Loads the built dist/functions.js the way Excel's shared runtime does: a classic script in a
 * global scope where CustomFunctions.associate registers each function. Then calls every id that
 * dist/functions.json lists, with arguments shaped as Excel passes them.
 */
const dist = path.resolve(__dirname, "../../dist");

function requireBuilt(file: string): string {
  const p = path.join(dist, file);
  if (!fs.existsSync(p)) throw new Error(`${p} is missing: run npm test (it builds first) or npm run build.`);
  return fs.readFileSync(p, "utf8");
}

interface Metadata {
  functions: { id: string; parameters: { name: string; dimensionality?: string; optional?: boolean }[] }[];
}

function loadBundle(): Map<string, (...args: unknown[]) => unknown> {
  const registry = new Map<string, (...args: unknown[]) => unknown>();
  class ExcelError {
    constructor(
      public code: string,
      public message?: string,
    ) {}
  }
  const sandbox: Record<string, unknown> = {
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => registry.set(id.toUpperCase(), fn),
      Error: ExcelError,
      ErrorCode: {
        invalidValue: "#VALUE!",
        notAvailable: "#N/A",
        divisionByZero: "#DIV/0!",
        invalidNumber: "#NUM!",
        nullReference: "#NULL!",
      },
    },
    console,
    setTimeout,
    clearTimeout,
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  sandbox.globalThis = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(requireBuilt("functions.js"), sandbox, { filename: "functions.js" });
  return registry;
}

describe("dist/functions.js, loaded as Excel loads it", () => {
  const metadata: Metadata = JSON.parse(requireBuilt("functions.json"));
  const registry = loadBundle();

  test("registers exactly the ids functions.json lists", () => {
    expect([...registry.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  test.each(metadata.functions.map((f) => [f.id, f] as const))(
    "%s answers a call shaped as Excel makes it",
    (id, f) => {
      const sample: Record<string, unknown> = {
        actual: [[115], [90]],
        quota: [[100], [100]],
        attainment: f.parameters[0].dimensionality === "matrix" ? [[1.3]] : 1.3,
        target_incentive: f.parameters[1]?.dimensionality === "matrix" ? [[50000]] : 50000,
        tiers: [
          [0, 1],
          [1, 1.5],
          [1.25, 2],
        ],
        spend: [[120000], [80000]],
        new_customers: [[15], [25]],
        outcomes: [["Won"], ["Lost"], ["Open"], ["Closed Won"]],
        amounts: [[10000], [30000], [20000], [5000]],
        accounts: [["A"], ["B"], ["A"], ["C"]],
        start_dates: [[46023], [46030]],
        close_dates: [[46053], [46040]],
        entered: f.parameters[0].dimensionality === "matrix" ? [[40], [60]] : 1000,
        advanced: [[10], [20]],
        attainments: [[1.2], [0.8], [1]],
        weights: [[0.5], [0.3], [0.2]],
        target_bonus: 10000,
        compensation: [[120000], [30000]],
        revenue: [[2500000]],
        base: [[70000]],
        cac: [[6000]],
        monthly_revenue: [[500]],
        monthly_churn: [[0.02]],
        current: [[120], [90]],
        previous: [[100], [100]],
        rates: [[0.3], [0.5], [0.25]],
        amount: 1000,
        shares: [[0.6], [0.4]],
        periods: [
          [46023, 46112],
          [46113, 46203],
          [46204, 46295],
          [46296, 46387],
        ],
        start_date: 46023,
        earnings: [[3000], [7000]],
        draw: [[5000], [5000]],
        commission: [[1200]],
        months_kept: [[3]],
        term_months: [[12]],
      };
      const args = f.parameters.map((p) => (p.optional ? null : sample[p.name]));
      const result = registry.get(id)!(...args);
      const expected: Record<string, unknown> = {
        QUOTA_ATTAINMENT: [[1.15], [0.9]],
        PAYOUT: [[73750]],
        CAC: 5000,
        WIN_RATE: 2 / 3,
        AVG_DEAL_SIZE: 16250, // (10,000 + 30,000 + 20,000 + 5,000) / 4
        SALES_CYCLE: 20, // (30 + 10) / 2 days
        CONVERSION: 0.3, // 30 / 100
        REVENUE_CONCENTRATION: 30000 / 65000, // account A's share
        ATTAINMENT_SHARE: 2 / 3, // 1.2 and 1 of three reps reach 1
        COST_OF_SALES: 0.06, // 150,000 / 2,500,000
        COMMISSION_RATE: [[500], [500]], // 50,000 / 100 against each quota
        PAY_MIX: [[70000 / 120000]],
        KPI_BONUS: 10400, // 5,000 x 1.2 + 3,000 x 0.8 + 2,000 x 1, linear
        CAC_PAYBACK: [[12]], // 6,000 / 500 months (margin omitted: 1)
        LTV: [[25000]], // 500 / 0.02
        LTV_TO_CAC: [[25000 / 6000]],
        LEAD_GROWTH: [[0.2], [-0.1]], // (120 - 100) / 100, (90 - 100) / 100
        FUNNEL: [[1000], [300], [150], [37.5]], // 1,000 x 0.3 x 0.5 x 0.25
        // the amounts read as attainments: 50,000 x f(10,000) = 50,000 x (1 + 0.375 + 2 x 9,998.75), then 2x rate
        RUNNING_PAYOUT: [[999943750], [3000000000], [2000000000], [500000000]],
        SPLIT_CREDIT: [[600], [400]],
        PRORATE: [[250], [250], [250], [250]], // a full year, equal quarters
        DRAW: [
          ["Period", "Earned", "Draw", "Top-up", "Recovered", "Paid", "Owed"],
          [1, 3000, 5000, 2000, 0, 5000, 2000],
          [2, 7000, 5000, 0, 2000, 5000, 0],
        ],
        CLAWBACK: [[-900]], // 1,200 x 9 / 12
      };
      if (id === "PAYOUT_EXPLAIN") expect((result as unknown[][]).at(-1)).toEqual(["Total", "", "", "", "", 73750]);
      else expect(result).toEqual(expected[id]);
    },
  );

  test("errors come back as CustomFunctions.Error values, never as thrown exceptions", () => {
    const result = registry.get("QUOTA_ATTAINMENT")!([["x"]], [[1]]) as { code: string; message?: string }[][];
    expect(result[0][0]).toMatchObject({ code: "#VALUE!", message: 'actual is the text "x"; enter a number.' });
  });
});
