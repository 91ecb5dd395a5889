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

/** jsdom leaves out TextEncoder and TextDecoder, which every browser has; Node's are the same API. */
if (typeof window !== "undefined" && typeof globalThis.TextDecoder === "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const util = require("node:util") as typeof import("node:util");
  Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });
}
