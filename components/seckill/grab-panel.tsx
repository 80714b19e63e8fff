"use client";
// The grab button of a flash sale. The countdown runs on the server's clock (the offset measured from each
// poll's serverTime), seats left refresh every couple of seconds, and the button wakes up at the start by
// itself. A grab fetches the sale's token (only issued once the sale has started), then asks for a seat.
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { PublicSale } from "@/lib/seckill/api";
import styles from "./seckill.module.css";

const REFUSALS = ["SOLD_OUT", "ALREADY_PURCHASED", "NOT_STARTED", "ENDED", "RATE_LIMITED", "UNAUTHORIZED"] as const;
type Refusal = (typeof REFUSALS)[number] | "failed";
type Outcome = { kind: "won"; orderNo: string; payBefore: string } | { kind: Refusal };
const refusal = (code: string | undefined): Refusal => REFUSALS.find((k) => k === code) ?? "failed";

const POLL_MS = 2_000;

function parts(ms: number) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return { d: Math.floor(s / 86400), h: Math.floor((s % 86400) / 3600), m: Math.floor((s % 3600) / 60), s: s % 60 };
}

export function GrabPanel({ initial, signedIn }: { initial: PublicSale; signedIn: boolean }) {
  const t = useTranslations("Seckill");
  const format = useFormatter();
  const [sale, setSale] = useState(initial);
  const [offset, setOffset] = useState(() => Date.parse(initial.serverTime) - Date.now());
  const [now, setNow] = useState(() => Date.now() + offset);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const outcomeRef = useRef<HTMLParagraphElement>(null);

  // Server time and seats left, polled while the sale can still change.
  useEffect(() => {
    if (sale.phase === "ended") return;
    let stopped = false;
    const poll = async () => {
      const sent = Date.now();
      try {
        const res = await fetch(`/api/v1/seckill/${initial.id}`, { cache: "no-store" });
        if (!res.ok || stopped) return;
        const next = (await res.json()) as PublicSale;
        const received = Date.now();
        setOffset(Date.parse(next.serverTime) - (sent + received) / 2);
        setSale(next);
      } catch {
        // Offline for a moment: keep counting on the last known offset.
      }
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [initial.id, sale.phase]);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now() + offset), 250);
    return () => clearInterval(tick);
  }, [offset]);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const startsAt = Date.parse(sale.startsAt);
  const endsAt = Date.parse(sale.endsAt);
  const started = now >= startsAt;
  const ended = sale.phase === "ended" || now >= endsAt;
  const soldOut = !ended && started && sale.seatsLeft <= 0;
  const left = parts(started ? endsAt - now : startsAt - now);
  const clock = t("clock", { d: left.d, h: String(left.h).padStart(2, "0"), m: String(left.m).padStart(2, "0"), s: String(left.s).padStart(2, "0") });

  const grab = useCallback(async () => {
    setBusy(true);
    try {
      const tokenRes = await fetch(`/api/v1/seckill/${initial.id}/token`, { cache: "no-store" });
      const tokenBody = (await tokenRes.json()) as { token?: string; error?: { code: string } };
      if (!tokenRes.ok || !tokenBody.token) {
        setOutcome({ kind: refusal(tokenBody.error?.code) });
        return;
      }
      const res = await fetch(`/api/v1/seckill/${initial.id}/orders`, { method: "POST", headers: { "x-seckill-token": tokenBody.token } });
      const body = (await res.json()) as { orderNo?: string; payBefore?: string; error?: { code: string } };
      if (res.status === 201 && body.orderNo && body.payBefore) setOutcome({ kind: "won", orderNo: body.orderNo, payBefore: body.payBefore });
      else setOutcome({ kind: refusal(body.error?.code) });
    } catch {
      setOutcome({ kind: "failed" });
    } finally {
      setBusy(false);
    }
  }, [initial.id]);

  const won = outcome?.kind === "won" ? outcome : null;
  return (
    <section className={styles.panel} aria-labelledby="seckill-panel-title">
      <h2 id="seckill-panel-title" className={styles.hint}>
        {ended ? t("endedTitle") : started ? t("endsIn") : t("startsIn")}
      </h2>
      {!ended ? (
        <p className={styles.countdown} role="timer" aria-live="off" data-testid="seckill-countdown">
          {clock}
        </p>
      ) : null}
      <dl className={styles.facts}>
        <div>
          <dt>{t("seatsLeft")}</dt>
          <dd aria-live="polite" data-testid="seckill-seats-left">
            {t("seatsOf", { left: Math.max(0, sale.seatsLeft), seats: sale.seats })}
          </dd>
        </div>
      </dl>
      {won ? (
        <p ref={outcomeRef} tabIndex={-1} className={`${styles.outcome} ${styles.won}`} role="status" data-testid="seckill-outcome">
          <time dateTime={won.payBefore} data-testid="seckill-pay-before">
            {t("won", { time: format.dateTime(new Date(won.payBefore), "zoned") })}
          </time>{" "}
          <Link href={`/orders/${won.orderNo}/pay`}>{t("payNow")}</Link>
        </p>
      ) : signedIn ? (
        <>
          <Button type="button" size="lg" onClick={() => void grab()} loading={busy} disabled={!started || ended || soldOut}>
            {ended ? t("ended") : soldOut ? t("soldOut") : started ? t("grab") : t("notStarted")}
          </Button>
          {outcome && outcome.kind !== "won" ? (
            <p ref={outcomeRef} tabIndex={-1} className={styles.outcome} role="status" data-testid="seckill-outcome">
              {t(`outcome_${outcome.kind}`)}
            </p>
          ) : null}
        </>
      ) : (
        <p className={styles.outcome}>
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/seckill/${initial.id}`)}`}>{t("signInToGrab")}</Link>
        </p>
      )}
    </section>
  );
}
