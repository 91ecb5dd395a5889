/**
 * jsdom has no layout, so it lacks ResizeObserver, which Fluent UI's MessageBar uses to reflow.
 * An observer that never fires is what a layout-less DOM would report anyway.
 */
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  class NoLayoutResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoLayoutResizeObserver;
}

if (typeof window !== "undefined") {
  // findBy*/waitFor poll for a condition; Testing Library gives up after 1 s by default. The whole
  // suite runs in parallel on 2 cores, where loading a workbook's tables and rendering a step can
  // take longer than that, and "Accounts source" was read as "" before the tables arrived. The
  // tests still wait for the condition itself; this is only how long they keep looking.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("@testing-library/dom") as typeof import("@testing-library/dom")).configure({ asyncUtilTimeout: 15_000 });
}

/** jsdom leaves out TextEncoder and TextDecoder, which every browser has; Node's are the same API. */
if (typeof window !== "undefined" && typeof globalThis.TextDecoder === "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const util = require("node:util") as typeof import("node:util");
  Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });
}
