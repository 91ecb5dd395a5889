import * as React from "react";

/**
 * The value, or while it is null the last value it had: a dialog keeps its content while it
 * closes. Fluent's Dialog must stay mounted and be closed through `open`: unmounted while open, it
 * leaves `aria-hidden="true"` on the page (microsoft/fluentui#35139), hiding the whole preview
 * from screen readers.
 */
export function useLatched<T>(value: T | null): T | null {
  const last = React.useRef(value);
  if (value !== null) last.current = value;
  return last.current;
}
