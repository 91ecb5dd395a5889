/**
 * The calculation core: pure TypeScript with no Office, React or DOM. Every layer above imports
 * from here.
 */
export * from "./errors";
export * from "./money";
export * from "./allocate";
export * from "./exactDecimal";
export * from "./ratio";
export * from "./tiers";
export * from "./winRate";
export * from "./dates";
export * from "./payoutRules";
export * from "./ledger";
