// One dashboard chart with its figures as a real table (for screen readers, keyboard users and copying), which
// sighted users can open under the chart.
import type { ReactNode } from "react";
import type { EChartsCoreOption } from "echarts/core";
import { EChart } from "@/components/charts/echart";
import styles from "./dashboard.module.css";

export interface ChartTable {
  caption: string;
  columns: string[];
  rows: Array<Array<string | number>>;
}

export function ChartCard({ id, title, note, option, table, tableLabel, height, empty }: { id: string; title: string; note?: ReactNode; option: EChartsCoreOption; table: ChartTable; tableLabel: string; height?: number; empty?: string }) {
  return (
    <section className={styles.card} aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <h2 id={`${id}-title`} className={styles.cardTitle}>
        {title}
      </h2>
      {note ? <p className={styles.note}>{note}</p> : null}
      {empty ? <p className={styles.note}>{empty}</p> : <EChart option={option} label={title} height={height} />}
      <details className={styles.details}>
        <summary>{tableLabel}</summary>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className={styles.caption}>{table.caption}</caption>
            <thead>
              <tr>
                {table.columns.map((c, i) => (
                  <th key={c} scope="col" className={i > 0 ? styles.num : undefined}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i} className={styles.num}>
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
