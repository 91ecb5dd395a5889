import { chartLayout, compactNumber, niceTicks } from "../../src/preview/components/chartLayout";
import { chartFootprint } from "../../src/preview/components/chartPlacement";
import { ChartSpec } from "../../src/workbook/sheetSpec";
import { fullPlanningRun } from "./fullPlanningRun";

const spec = (type: ChartSpec["type"]): ChartSpec => ({
  type,
  title: "T",
  anchor: "A1",
  categories: { table: "X", column: "C" },
  series: [{ name: "S", values: { table: "X", column: "V" } }],
});

describe("chart layout", () => {
  test("value ticks are round numbers covering the data", () => {
    // 0..1,234 in about four steps: a step of 500 (1, 2 or 5 x 10^k) from 0 to 1,500.
    expect(niceTicks(0, 1234)).toEqual([0, 500, 1000, 1500]);
    // -0.3..0.7: a span of 1 in about four steps of 0.25 rounds up to steps of 0.5.
    expect(niceTicks(-0.3, 0.7)).toEqual([-0.5, 0, 0.5, 1]);
    expect([compactNumber(1_500_000), compactNumber(25_000), compactNumber(0.35)]).toEqual(["1.5M", "25k", "0.35"]);
  });

  test("500 category labels on a bar chart: every label drawn has its own line, and fits in the left margin", () => {
    const labels = Array.from({ length: 500 }, (_, i) => `Territory number ${i + 1}`);
    const L = chartLayout(spec("bar"), {
      labels,
      series: [{ name: "Potential", values: labels.map((_, i) => i * 1000) }],
    });
    const band = L.plotH / labels.length;
    expect(L.labelStep * band).toBeGreaterThanOrEqual(12);
    expect(L.label(labels[0]).length).toBeLessThanOrEqual(Math.floor((L.pad.left - 8) / 6));
    expect(L.label(labels[0]).endsWith("…")).toBe(true);
  });

  test("column chart labels never overlap: the labels drawn are at least their width apart", () => {
    const labels = Array.from({ length: 40 }, (_, i) => `${i * 5}-${i * 5 + 5}%`);
    const L = chartLayout(spec("column"), { labels, series: [{ name: "Share", values: labels.map(() => 0.02) }] });
    const longest = Math.max(...labels.map((l) => L.label(l).length));
    expect(L.labelStep * (L.plotW / labels.length)).toBeGreaterThanOrEqual(longest * 6);
  });

  test("a legend of 14 series stays inside the chart: rows added below the plot, entries within the width", () => {
    const series = Array.from({ length: 14 }, (_, i) => ({
      name: `AE ${50 + i}% variable, Accelerated curve`,
      values: [1, 2, 3],
    }));
    const L = chartLayout(spec("line"), { labels: ["0%", "50%", "100%"], series });
    expect(L.legend).toHaveLength(14);
    for (const e of L.legend) {
      expect(e.x).toBeGreaterThanOrEqual(0);
      expect(e.x + 6 * (e.text.length + 2)).toBeLessThanOrEqual(L.width);
      expect(e.y).toBeLessThanOrEqual(L.height - 4);
    }
    expect(L.height).toBeGreaterThan(280);
  });
});

describe("charts on the sheets the add-in writes", () => {
  test("no chart is drawn over a cell the sheet uses (sample plan, territories, quotas, scenarios, KPI)", async () => {
    const { wb } = await fullPlanningRun();
    const checked: string[] = [];
    const covered: string[] = [];
    for (const sheet of wb.sheetNames()) {
      for (const chart of wb.charts(sheet)) {
        checked.push(`${sheet}: ${chart.title}`);
        const f = chartFootprint(wb, sheet, chart);
        for (let r = f.start.row; r <= f.end.row; r++)
          for (let c = f.start.col; c <= f.end.col; c++) {
            const cell = wb.cell(sheet, { row: r, col: c });
            if (cell.value !== null || cell.formula !== null)
              covered.push(`${sheet}: "${chart.title}" covers R${r + 1}C${c + 1} (${JSON.stringify(cell.value)})`);
          }
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(5);
    expect(covered.slice(0, 10)).toEqual([]);
  });
});
