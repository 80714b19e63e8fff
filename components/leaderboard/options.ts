// ECharts options for the leaderboard page, as plain data.
import type { EChartsCoreOption } from "echarts/core";
import { AXIS_COLOR, CHART_COLORS, GRID_LINE } from "@/components/charts/palette";
import type { HistoryResponse, PointsBoardResponse } from "@/lib/leaderboards/api-schemas";

/** Horizontal bars, the leader on top; the viewer's own bar in the accent colour. */
export function topLearnersOption(entries: PointsBoardResponse["data"], viewerId: number | null, seriesName: string): EChartsCoreOption {
  return {
    animationDuration: 300,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "value", axisLabel: { color: AXIS_COLOR }, splitLine: { lineStyle: { color: GRID_LINE } } },
    yAxis: { type: "category", inverse: true, data: entries.map((e) => `${e.rank}. ${e.user.name}`), axisLabel: { color: AXIS_COLOR, width: 120, overflow: "truncate" } },
    series: [
      {
        name: seriesName,
        type: "bar",
        barMaxWidth: 22,
        data: entries.map((e) => ({ value: e.score, itemStyle: { color: e.user.id === viewerId ? CHART_COLORS[1] : CHART_COLORS[0], borderRadius: [0, 4, 4, 0] } })),
        label: { show: true, position: "right", color: AXIS_COLOR },
      },
    ],
  };
}

export function historyOption(points: HistoryResponse["data"], seriesName: string): EChartsCoreOption {
  return {
    animationDuration: 300,
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", boundaryGap: false, data: points.map((p) => p.date), axisLabel: { color: AXIS_COLOR } },
    yAxis: { type: "value", minInterval: 1, axisLabel: { color: AXIS_COLOR }, splitLine: { lineStyle: { color: GRID_LINE } } },
    series: [{ name: seriesName, type: "line", step: false, smooth: true, symbolSize: 6, areaStyle: { opacity: 0.12 }, color: CHART_COLORS[1], data: points.map((p) => p.points) }],
  };
}
