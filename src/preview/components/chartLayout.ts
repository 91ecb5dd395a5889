import { ChartSpec } from "../../workbook/sheetSpec";
import { ChartData } from "./chartData";

/** Approximate advance of one character of the charts' 10 px labels, in pixels. */
const CHAR_PX = 6;
/** Height of one legend row and of a horizontal bar's label line, in pixels. */
const LINE_PX = 14;
/** The chart's size when nothing is asked: Excel's default chart is about this size. */
export const CHART_WIDTH = 480;
/** Height of the title, plot and axes; legend rows are added below, inside the chart. */
export const CHART_HEIGHT = 280;

/** Where everything of a chart goes: plot area, value ticks, which category labels, legend entries. */
export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly pad: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly plotW: number;
  readonly plotH: number;
  /** Bars drawn horizontally (categories down the left). */
  readonly horizontal: boolean;
  /** The value axis runs from min to max, both round numbers. */
  readonly min: number;
  readonly max: number;
  /** Round values to mark on the value axis. */
  readonly ticks: readonly number[];
  /** Every labelStep-th category label is drawn, so labels never overlap. */
  readonly labelStep: number;
  /** A category label as drawn (shortened to fit its room, with an ellipsis). */
  readonly label: (text: string) => string;
  /** Legend entries, inside the chart (none for a single series). */
  readonly legend: readonly { readonly x: number; readonly y: number; readonly text: string }[];
}

/** Shortens text to at most `chars` characters, ending in an ellipsis when cut. */
export function fit(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`;
}

/** A value-axis label: 1.5M, 250k, 0.35 (Excel's charts show the cells' format; this is a compact stand-in). */
export function compactNumber(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${+(v / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${+(v / 1e6).toFixed(2)}M`;
  if (a >= 1e4) return `${+(v / 1e3).toFixed(1)}k`;
  return `${+v.toFixed(a < 1 ? 3 : 2)}`;
}

/** Round tick values covering [min, max], about `count` intervals (steps of 1, 2 or 5 x 10^k). */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const first = Math.floor(min / step) * step;
  const last = Math.ceil(max / step) * step;
  const out: number[] = [];
  for (let i = 0; first + i * step <= last + step / 1e9; i++) out.push(+(first + i * step).toPrecision(12));
  return out;
}

/** Lays out a chart for its data: nothing overlaps and nothing is drawn outside the chart. */
export function chartLayout(
  spec: ChartSpec,
  data: ChartData,
  width = CHART_WIDTH,
  baseHeight = CHART_HEIGHT,
): ChartLayout {
  const horizontal = spec.type === "bar";
  const all = data.series.flatMap((s) => s.values).filter((v) => Number.isFinite(v));
  const ticks = niceTicks(Math.min(0, ...all), Math.max(0, ...all));
  const min = ticks[0];
  const max = ticks[ticks.length - 1];
  const tickChars = Math.max(...ticks.map((t) => compactNumber(t).length));
  const longest = Math.max(1, ...data.labels.map((l) => l.length));
  // Category labels get at most 16 characters (the full text is in the label's tooltip).
  const labelChars = Math.min(longest, 16);
  const left = horizontal ? Math.min(8 + CHAR_PX * labelChars, Math.round(width / 3)) : 10 + CHAR_PX * tickChars;
  const pad = { left, right: horizontal ? 8 + (CHAR_PX * tickChars) / 2 : 12, top: 32, bottom: 28 };
  const plotW = width - pad.left - pad.right;
  const plotH = baseHeight - pad.top - pad.bottom;
  const n = Math.max(data.labels.length, 1);
  const band = (horizontal ? plotH : plotW) / n;
  const roomChars = horizontal ? Math.floor((pad.left - 8) / CHAR_PX) : labelChars;
  const labelPx = horizontal ? LINE_PX - 2 : CHAR_PX * labelChars + CHAR_PX;
  const labelStep = Math.max(1, Math.ceil(labelPx / band));

  const legend: { x: number; y: number; text: string }[] = [];
  let height = baseHeight;
  if (data.series.length > 1) {
    const inner = width - 16;
    const colPx = Math.min(inner, Math.max(...data.series.map((s) => CHAR_PX * (s.name.length + 2) + 12)));
    const perRow = Math.max(1, Math.floor(inner / colPx));
    const rows = Math.ceil(data.series.length / perRow);
    data.series.forEach((s, k) => {
      legend.push({
        x: 8 + (k % perRow) * colPx,
        y: baseHeight + Math.floor(k / perRow) * LINE_PX,
        text: fit(s.name, Math.floor((colPx - 12) / CHAR_PX) - 2),
      });
    });
    height = baseHeight + rows * LINE_PX + 4;
  }
  return {
    width,
    height,
    pad,
    plotW,
    plotH,
    horizontal,
    min,
    max,
    ticks,
    labelStep,
    label: (t) => fit(t, roomChars),
    legend,
  };
}
