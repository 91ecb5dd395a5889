/** The payout rules: running attainment, split credit, proration, draws and clawbacks. */
export * from "./running";
export * from "./splitCredit";
export * from "./prorate";
export * from "./draw";
export * from "./clawback";
