import * as React from "react";
import { tokens } from "@fluentui/react-components";
import { ChartSpec } from "../../workbook/sheetSpec";
import { ChartData } from "./chartData";

const PALETTE = [tokens.colorPaletteBlueForeground2, tokens.colorPaletteDarkOrangeForeground2, tokens.colorPaletteGreenForeground2, tokens.colorPaletteBerryForeground2];

/** Props of {@link ChartView}. */
export interface ChartViewProps {
  /** What the add-in asked for. */
  readonly spec: ChartSpec;
  /** The values to draw. */
  readonly data: ChartData;
  /** Size in pixels. */
  readonly width?: number;
  /** Size in pixels. */
  readonly height?: number;
}

/** Draws a column, bar or line chart as SVG, as the add-in's ChartSpec describes it. */
export function ChartView({ spec, data, width = 480, height = 280 }: ChartViewProps): React.JSX.Element {
  const pad = { left: 56, right: 12, top: 32, bottom: 40 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const all = data.series.flatMap((s) => s.values);
  const max = Math.max(0, ...all);
  const min = Math.min(0, ...all);
  const span = max - min || 1;
  const n = Math.max(data.labels.length, 1);
  const horizontal = spec.type === "bar";
  const scale = (v: number) => ((v - min) / span) * (horizontal ? plotW : plotH);
  const band = (horizontal ? plotH : plotW) / n;
  const shown = (i: number) => n <= 20 || i % Math.ceil(n / 20) === 0;
  return (
    <svg role="img" aria-label={`${spec.title} (${spec.type} chart)`} width={width} height={height} style={{ background: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}` }}>
      <text x={width / 2} y={20} textAnchor="middle" fontSize={13} fontWeight={600} fill={tokens.colorNeutralForeground1}>
        {spec.title}
      </text>
      <g transform={`translate(${pad.left},${pad.top})`}>
        <line x1={0} y1={horizontal ? 0 : plotH - scale(0)} x2={horizontal ? 0 : plotW} y2={horizontal ? plotH : plotH - scale(0)} stroke={tokens.colorNeutralStroke1} />
        <text x={-6} y={horizontal ? plotH + 14 : 4} textAnchor="end" fontSize={10} fill={tokens.colorNeutralForeground3}>
          {horizontal ? "" : max.toLocaleString("en-US", { maximumFractionDigits: 2 })}
        </text>
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
          shown(i) ? (
            <text key={i} x={horizontal ? -4 : i * band + band / 2} y={horizontal ? i * band + band / 2 + 3 : plotH + 14} textAnchor={horizontal ? "end" : "middle"} fontSize={10} fill={tokens.colorNeutralForeground3}>
              {l.length > 10 ? `${l.slice(0, 9)}…` : l}
            </text>
          ) : null,
        )}
      </g>
      {data.series.length > 1 &&
        data.series.map((s, k) => (
          <text key={s.name} x={pad.left + k * 110} y={height - 6} fontSize={10} fill={PALETTE[k % PALETTE.length]}>
            ■ {s.name}
          </text>
        ))}
    </svg>
  );
}
