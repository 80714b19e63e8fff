// Chart colours, the brand's (app/globals.css): canvas cannot read CSS variables, so they are repeated here.
export const CHART_COLORS = ["#4f46e5", "#0d9488", "#f59e0b", "#c4320a", "#6b7280"] as const;
export const AXIS_COLOR = "#6b7280";
export const GRID_LINE = "#e2e5ee";
