"use client";
// The points leaderboard: period tabs, the learner's own standing, a bar chart of the top learners, a line of
// the learner's own points over the period and the same figures as a table. The server renders all of it
// (the table and tabs work without JavaScript: the tabs are links); on the client a period switch fetches the
// API instead of reloading, and the URL follows (?period=), so back and forward work.
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import { EChart } from "@/components/charts/echart";
import type { HistoryResponse, PointsBoardResponse } from "@/lib/leaderboards/api-schemas";
import type { Period } from "@/lib/leaderboards/periods";
import { historyOption, topLearnersOption } from "./options";
import styles from "./leaderboard.module.css";

export interface LeaderboardLabels {
  periods: Record<Period, string>;
  periodNav: string;
  topTitle: string;
  historyTitle: string;
  rank: string;
  learner: string;
  points: string;
  you: string;
  /** "{rank}" and "{score}" are filled in. */
  yourRank: string;
  notRanked: string;
  signInPrompt: string;
  signIn: string;
  empty: string;
  loadFailed: string;
  retry: string;
  tiesNote: string;
  chartTop: string;
  chartHistory: string;
  tableCaption: string;
}

const PERIODS: readonly Period[] = ["week", "month", "all"];
const isPeriod = (value: string | null): value is Period => value !== null && (PERIODS as readonly string[]).includes(value);
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));

export interface LeaderboardViewProps {
  initialPeriod: Period;
  initialBoard: PointsBoardResponse;
  initialHistory: HistoryResponse | null;
  viewerId: number | null;
  locale: string;
  labels: LeaderboardLabels;
}

export function LeaderboardView({ initialPeriod, initialBoard, initialHistory, viewerId, locale, labels }: LeaderboardViewProps) {
  const [period, setPeriod] = useState(initialPeriod);
  const [board, setBoard] = useState(initialBoard);
  const [history, setHistory] = useState(initialHistory);
  const [status, setStatus] = useState<"idle" | "loading" | "error">("idle");
  const loaded = useRef(initialPeriod);
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);

  const load = useCallback(
    async (next: Period) => {
      setStatus("loading");
      try {
        const [boardRes, historyRes] = await Promise.all([
          fetch(`/api/v1/leaderboards/points?period=${next}&limit=10`, { credentials: "same-origin" }),
          viewerId !== null ? fetch(`/api/v1/leaderboards/points/history?period=${next}`, { credentials: "same-origin" }) : null,
        ]);
        if (!boardRes.ok || (historyRes && !historyRes.ok)) throw new Error("leaderboard request failed");
        setBoard((await boardRes.json()) as PointsBoardResponse);
        setHistory(historyRes ? ((await historyRes.json()) as HistoryResponse) : null);
        loaded.current = next;
        setStatus("idle");
      } catch {
        setStatus("error");
      }
    },
    [viewerId],
  );

  useEffect(() => {
    const onPop = () => {
      const next = new URLSearchParams(window.location.search).get("period");
      const p = isPeriod(next) ? next : "week";
      setPeriod(p);
      if (p !== loaded.current) void load(p);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [load]);

  const choose = (next: Period) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    if (next === period && status !== "error") return;
    const url = new URL(window.location.href);
    url.searchParams.set("period", next);
    window.history.pushState(null, "", url);
    setPeriod(next);
    void load(next);
  };

  const me = board.me;
  const names = board.data.map((e) => e.user.name);
  const top = useMemo(() => topLearnersOption(board.data, viewerId, labels.points), [board.data, viewerId, labels.points]);
  const line = useMemo(() => (history ? historyOption(history.data, labels.points) : null), [history, labels.points]);

  return (
    <div className={styles.view} data-testid="leaderboard" data-period={period} aria-busy={status === "loading"}>
      <nav aria-label={labels.periodNav} className={styles.tabs}>
        {PERIODS.map((p) => (
          <a key={p} href={`?period=${p}`} onClick={choose(p)} aria-current={p === period ? "page" : undefined} className={styles.tab} data-testid={`period-${p}`}>
            {labels.periods[p]}
          </a>
        ))}
      </nav>

      <p className={styles.me} data-testid="my-standing" role="status">
        {viewerId === null ? (
          <>
            {labels.signInPrompt} <a href={`/sign-in?callbackUrl=${encodeURIComponent("/leaderboard")}`}>{labels.signIn}</a>
          </>
        ) : me?.rank ? (
          <span data-rank={me.rank} data-score={me.score}>
            {fill(labels.yourRank, { rank: number.format(me.rank), score: number.format(me.score) })}
          </span>
        ) : (
          labels.notRanked
        )}
      </p>
      {status === "error" ? (
        <p className={styles.error} role="alert">
          {labels.loadFailed}{" "}
          <button type="button" className={styles.retry} onClick={() => void load(period)}>
            {labels.retry}
          </button>
        </p>
      ) : null}

      <div className={styles.charts}>
        <section className={styles.card} aria-labelledby="lb-top-title">
          <h2 id="lb-top-title" className={styles.cardTitle}>
            {labels.topTitle}
          </h2>
          {board.data.length > 0 ? <EChart option={top} label={fill(labels.chartTop, { names: names.join(", ") })} height={Math.max(220, board.data.length * 34)} testId="top-chart" /> : <p className={styles.muted}>{labels.empty}</p>}
        </section>
        {line ? (
          <section className={styles.card} aria-labelledby="lb-history-title">
            <h2 id="lb-history-title" className={styles.cardTitle}>
              {labels.historyTitle}
            </h2>
            <EChart option={line} label={labels.chartHistory} height={260} testId="history-chart" />
          </section>
        ) : null}
      </div>

      <table className={styles.table} data-testid="leaderboard-table">
        <caption className={styles.caption}>
          {fill(labels.tableCaption, { period: labels.periods[period] })} <span className={styles.muted}>{labels.tiesNote}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{labels.rank}</th>
            <th scope="col">{labels.learner}</th>
            <th scope="col" className={styles.num}>
              {labels.points}
            </th>
          </tr>
        </thead>
        <tbody>
          {board.data.length === 0 ? (
            <tr>
              <td colSpan={3} className={styles.muted}>
                {labels.empty}
              </td>
            </tr>
          ) : (
            board.data.map((entry) => {
              const mine = entry.user.id === viewerId;
              return (
                <tr key={entry.user.id} className={mine ? styles.mine : undefined} aria-current={mine ? "true" : undefined}>
                  <td>{entry.rank}</td>
                  <th scope="row">
                    {entry.user.name}
                    {mine ? <span className={styles.youTag}> ({labels.you})</span> : null}
                  </th>
                  <td className={styles.num}>{number.format(entry.score)}</td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
