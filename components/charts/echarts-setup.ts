// The one place ECharts is imported, through echarts/core with only the charts, components and renderer this
// project draws: bar and line charts on a grid, with tooltips and a legend, on canvas. Imported dynamically by
// ./echart.tsx, so it becomes a chunk of its own that only chart pages load, after they have rendered.
import { BarChart, LineChart } from "echarts/charts";
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, DatasetComponent, CanvasRenderer]);

export { echarts };
