import * as React from "react";
import { tokens } from "@fluentui/react-components";
import { ChartSpec } from "../../workbook/sheetSpec";
import { ChartData } from "./chartData";
import { chartLayout, compactNumber } from "./chartLayout";

const PALETTE = [
  tokens.colorPaletteBlueForeground2,
  tokens.colorPaletteDarkOrangeForeground2,
  tokens.colorPaletteGreenForeground2,
  tokens.colorPaletteBerryForeground2,
  tokens.colorPaletteTealForeground2,
  tokens.colorPaletteMarigoldForeground2,
  tokens.colorPalettePurpleForeground2,
  tokens.colorPaletteRedForeground2,
];

/** Props of {@link ChartView}. */
export interface ChartViewProps {
  /** What the add-in asked for. */
  readonly spec: ChartSpec;
  /** The values to draw. */
  readonly data: ChartData;
  /** Width in pixels. */
  readonly width?: number;
  /** Height of the plot and its axes in pixels; the legend adds rows below it, inside the chart. */
  readonly height?: number;
}

/**
 * Draws a column, bar or line chart as SVG, as the add-in's ChartSpec describes it: category labels
 * thinned so they never overlap, value ticks at round numbers, and the legend inside the chart.
 */
export function ChartView({ spec, data, width, height }: ChartViewProps): React.JSX.Element {
  const L = chartLayout(spec, data, width, height);
  const { pad, plotW, plotH, horizontal } = L;
  const n = Math.max(data.labels.length, 1);
  const band = (horizontal ? plotH : plotW) / n;
  const scale = (v: number) => ((v - L.min) / (L.max - L.min || 1)) * (horizontal ? plotW : plotH);
  return (
    <svg
      role="img"
      aria-label={`${spec.title} (${spec.type} chart)`}
      width={L.width}
      height={L.height}
      style={{
        background: tokens.colorNeutralBackground1,
        border: `1px solid ${tokens.colorNeutralStroke2}`,
        display: "block",
      }}
    >
      <text
        x={L.width / 2}
        y={20}
        textAnchor="middle"
        fontSize={13}
        fontWeight={600}
        fill={tokens.colorNeutralForeground1}
      >
        {spec.title}
      </text>
      <g transform={`translate(${pad.left},${pad.top})`}>
        {L.ticks.map((t) => {
          const p = scale(t);
          return (
            <g key={t}>
              <line
                x1={horizontal ? p : 0}
                y1={horizontal ? 0 : plotH - p}
                x2={horizontal ? p : plotW}
                y2={horizontal ? plotH : plotH - p}
                stroke={t === 0 ? tokens.colorNeutralStroke1 : tokens.colorNeutralStroke3}
              />
              <text
                x={horizontal ? p : -6}
                y={horizontal ? plotH + 14 : plotH - p + 3}
                textAnchor={horizontal ? "middle" : "end"}
                fontSize={10}
                fill={tokens.colorNeutralForeground3}
              >
                {compactNumber(t)}
              </text>
            </g>
          );
        })}
        {data.series.map((s, k) =>
          spec.type === "line" ? (
            <polyline
              key={s.name}
              fill="none"
              stroke={PALETTE[k % PALETTE.length]}
              strokeWidth={2}
              points={s.values.map((v, i) => `${i * band + band / 2},${plotH - scale(v)}`).join(" ")}
            />
          ) : (
            <g key={s.name} fill={PALETTE[k % PALETTE.length]}>
              {s.values.map((v, i) => {
                const w = (band * 0.8) / data.series.length;
                const off = i * band + band * 0.1 + k * w;
                const len = Math.abs(scale(v) - scale(0));
                return horizontal ? (
                  <rect key={i} x={Math.min(scale(v), scale(0))} y={off} width={len} height={w} />
                ) : (
                  <rect key={i} x={off} y={plotH - Math.max(scale(v), scale(0))} width={w} height={len} />
                );
              })}
            </g>
          ),
        )}
        {data.labels.map((l, i) =>
          i % L.labelStep === 0 ? (
            <text
              key={i}
              x={horizontal ? -4 : i * band + band / 2}
              y={horizontal ? i * band + band / 2 + 3 : plotH + 14}
              textAnchor={horizontal ? "end" : "middle"}
              fontSize={10}
              fill={tokens.colorNeutralForeground3}
            >
              <title>{l}</title>
              {L.label(l)}
            </text>
          ) : null,
        )}
      </g>
      {L.legend.map((entry, k) => (
        <text key={data.series[k].name} x={entry.x} y={entry.y} fontSize={10} fill={PALETTE[k % PALETTE.length]}>
          <title>{data.series[k].name}</title>■ {entry.text}
        </text>
      ))}
    </svg>
  );
}
