"use client";
// The time left to pay an order, counted every second on the server's clock (the offset between the server's
// time when the page was made and this browser's clock), with the deadline written in the reader's zone.
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import styles from "./pay.module.css";

/** Milliseconds left until `deadline` (ISO), ticking every second; starts from the server's `serverNow`. */
export function useTimeLeft(deadline: string | null, serverNow: number): number | null {
  const end = deadline ? Date.parse(deadline) : null;
  // The first render uses the server's time, so the server's HTML and the browser's first render agree.
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    if (end === null) return;
    const offset = serverNow - Date.now();
    const tick = () => setNow(Date.now() + offset);
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [end, serverNow]);
  return end === null ? null : Math.max(0, end - now);
}

/** `14:32`, or `1:05:09` from an hour up. */
export function clockOf(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

export function PayCountdown({ deadline, left }: { deadline: string; left: number }) {
  const t = useTranslations("Orders");
  const format = useFormatter();
  return (
    <div className={styles.deadline} data-testid="pay-countdown">
      <p>
        {t("timeLeft")}{" "}
        <span className={styles.clock} role="timer" aria-live="off" data-testid="pay-clock">
          {clockOf(left)}
        </span>
      </p>
      <p>
        <time dateTime={deadline} data-testid="pay-before">
          {t("payBefore", { time: format.dateTime(new Date(deadline), "zoned") })}
        </time>
      </p>
    </div>
  );
}
