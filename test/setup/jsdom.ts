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
