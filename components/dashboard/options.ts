// ECharts options for the admin dashboard, as plain data built on the server and drawn by <EChart>.
import type { EChartsCoreOption } from "echarts/core";
import { AXIS_COLOR, CHART_COLORS, GRID_LINE } from "@/components/charts/palette";

const base = {
  animationDuration: 300,
  color: [...CHART_COLORS],
  grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
  tooltip: { trigger: "axis" },
  legend: { top: 0, textStyle: { color: AXIS_COLOR } },
};
const valueAxis = { type: "value", minInterval: 1, axisLabel: { color: AXIS_COLOR }, splitLine: { lineStyle: { color: GRID_LINE } } };
const dayAxis = (days: string[]) => ({ type: "category", data: days.map((d) => d.slice(5)), axisLabel: { color: AXIS_COLOR } });

/** Stacked bars per day, one series per provider. */
export function stackedBarsOption(days: string[], series: Array<{ name: string; data: number[] }>): EChartsCoreOption {
  return { ...base, xAxis: dayAxis(days), yAxis: valueAxis, series: series.map((s) => ({ ...s, type: "bar", stack: "total", barMaxWidth: 28 })) };
}

export function linesOption(days: string[], series: Array<{ name: string; data: number[] }>): EChartsCoreOption {
  return { ...base, xAxis: { ...dayAxis(days), boundaryGap: false }, yAxis: valueAxis, series: series.map((s) => ({ ...s, type: "line", symbolSize: 4 })) };
}

/** Horizontal bars, the first item on top. */
export function rankedBarsOption(items: Array<{ label: string; value: number }>, name: string): EChartsCoreOption {
  return {
    ...base,
    legend: undefined,
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: valueAxis,
    yAxis: { type: "category", inverse: true, data: items.map((i) => i.label), axisLabel: { color: AXIS_COLOR, width: 160, overflow: "truncate" } },
    series: [{ name, type: "bar", barMaxWidth: 22, data: items.map((i) => i.value), label: { show: true, position: "right", color: AXIS_COLOR } }],
  };
}
