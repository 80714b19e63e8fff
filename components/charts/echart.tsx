"use client";
// A chart drawn by ECharts on the client. The option is plain data (it may come from a server component).
// ECharts itself is fetched with a dynamic import when the chart mounts, so pages pay for it only where a chart
// is drawn, and the rest of the page is interactive before it arrives. The canvas is hidden from assistive
// technology: every chart sits beside a real table with the same figures.
import { useEffect, useRef, useState } from "react";
import type { EChartsCoreOption } from "echarts/core";
import styles from "./echart.module.css";

export interface EChartProps {
  option: EChartsCoreOption;
  /** A short description for sighted users hovering and for tests; the data table is the accessible version. */
  label: string;
  height?: number;
  testId?: string;
}

export function EChart({ option, label, height = 320, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<{ setOption(o: EChartsCoreOption, notMerge?: boolean): void; resize(): void; dispose(): void } | null>(null);
  const [state, setState] = useState<"loading" | "ready" | "error">("loading");

  useEffect(() => {
    let cancelled = false;
    let observer: ResizeObserver | undefined;
    import("./echarts-setup")
      .then(({ echarts }) => {
        if (cancelled || !ref.current) return;
        const instance = echarts.init(ref.current, undefined, { renderer: "canvas" });
        chart.current = instance;
        observer = new ResizeObserver(() => instance.resize());
        observer.observe(ref.current);
        setState("ready");
      })
      .catch(() => setState("error"));
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (state === "ready") chart.current?.setOption(option, true);
  }, [option, state]);

  return (
    <div className={styles.frame} style={{ height }} data-testid={testId} data-state={state} title={label}>
      <div ref={ref} className={styles.canvas} aria-hidden="true" />
      {state === "error" ? <p className={styles.note}>{label}</p> : null}
    </div>
  );
}
