/**
 * A run's state as the pane shows it (progress, then a result or a message) and the pure reducer
 * of its lifecycle, shared by every tool: the wizard's steps and the KPI pane alike.
 */
import { StepSummary } from "./stepRun";

/** A long-running step: progress, then a result or a message. */
export interface RunState {
  readonly status: "idle" | "running" | "done" | "failed" | "cancelled";
  readonly fraction: number;
  readonly label: string;
  readonly message: string | null;
  /** Further lines under the message (notes of the split). */
  readonly details: readonly string[];
}

/** What happens to a run, in order: started, progress (any number), then one outcome. */
export type RunEvent =
  | { readonly type: "started"; readonly label?: string }
  | { readonly type: "progress"; readonly fraction: number; readonly label: string }
  | { readonly type: "succeeded"; readonly summary: StepSummary }
  | { readonly type: "failed"; readonly message: string }
  | { readonly type: "cancelled" };

/** A run that has not started. */
export const idleRun: RunState = { status: "idle", fraction: 0, label: "", message: null, details: [] };

/** The message of a cancelled run. */
export const CANCELLED_MESSAGE = "Cancelled; nothing was written.";

/** The pure reducer of a run's lifecycle. */
export function runReducer(run: RunState, event: RunEvent): RunState {
  switch (event.type) {
    case "started":
      return { status: "running", fraction: 0, label: event.label ?? "Starting", message: null, details: [] };
    case "progress":
      return { ...run, fraction: event.fraction, label: event.label };
    case "succeeded":
      return {
        status: "done",
        fraction: 1,
        label: "Done",
        message: event.summary.message,
        details: event.summary.details,
      };
    case "failed":
      return { status: "failed", fraction: 0, label: "", message: event.message, details: [] };
    case "cancelled":
      return { status: "cancelled", fraction: 0, label: "", message: CANCELLED_MESSAGE, details: [] };
  }
}

/** A finished run's message no longer describes changed options: back to idle, unless it is running. */
export function resetUnlessRunning(run: RunState): RunState {
  return run.status === "running" ? run : idleRun;
}
