/** The ledger: a plan year computed per person and period, with the lines behind each figure. */
export * from "./types";
export { runLedger } from "./compute";
export { periodOf } from "./validate";
